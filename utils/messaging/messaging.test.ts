import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { APP_TAG, REQUESTS, SELECTION_MAX, selectionAnswerCheck } from './protocol';
import { listen, SILENT } from './runtime';
import { senderAllowed } from './sender';
import { ValidationError } from './validate';

const ext = (path: string) => browser.runtime.getURL(path as '/popup.html');

describe('senderAllowed', () => {
  const id = browser.runtime.id;
  it.each<[string, object, 'extensionPage' | 'callHost' | 'contentScript', boolean]>([
    ['the popup', { id, url: ext('/popup.html') }, 'extensionPage', true],
    ['the options tab', { id, url: ext('/options.html'), tab: { id: 3 } }, 'extensionPage', true],
    ['the service worker', { id, url: ext('/background.js') }, 'extensionPage', true],
    ['the call host', { id, url: ext('/offscreen.html') }, 'callHost', true],
    ['the popup posing as the call host', { id, url: ext('/popup.html') }, 'callHost', false],
    // Firefox: the host is a frame of our call window, a tab, so the sender carries that tab.
    ['the call host in Firefox\'s call window', { id, url: ext('/offscreen.html'), tab: { id: 7 }, frameId: 5 }, 'callHost', true],
    ['the softphone in Firefox\'s call window', { id, url: ext('/popup.html'), tab: { id: 7 }, frameId: 6 }, 'extensionPage', true],
    ['Firefox\'s call window page itself', { id, url: ext('/call-host-window.html'), tab: { id: 7 } }, 'callHost', false],
    ['our content script on a page', { id, url: 'https://crm.example/customer/1', tab: { id: 1 } }, 'extensionPage', false],
    ['a page URL that mentions our origin', { id, url: `https://evil.example/?${ext('/offscreen.html')}`, tab: { id: 1 } }, 'callHost', false],
    ['another extension', { id: 'someone-else', url: ext('/popup.html') }, 'extensionPage', false],
    ['no url at all', { id }, 'extensionPage', false],
    ['our content script, for page requests', { id, url: 'https://crm.example/c/1', tab: { id: 1 } }, 'contentScript', true],
    ['a local file page', { id, url: 'file:///tmp/list.html', tab: { id: 1 } }, 'contentScript', true],
    ['our own page posing as a content script', { id, url: ext('/popup.html'), tab: { id: 1 } }, 'contentScript', false],
    ['a content script without a tab', { id, url: 'https://crm.example/' }, 'contentScript', false],
    ['another extension in a page', { id: 'other', url: 'https://crm.example/', tab: { id: 1 } }, 'contentScript', false],
  ])('%s → %s', (_, sender, rule, allowed) => {
    expect(senderAllowed(rule, sender)).toBe(allowed);
  });
});

describe('request payload checks', () => {
  const start = REQUESTS['call.start'].check;
  it('accepts a well-formed call.start and drops unknown keys', () => {
    expect(
      start({ target: '0912345678', mode: 'callout', hotline: { kind: 'adaptive' }, extra: 'x' }),
    ).toEqual({ target: '0912345678', mode: 'callout', hotline: { kind: 'adaptive' }, premiumConfirmed: undefined });
  });

  it.each([
    ['not an object', 'call me'],
    ['unknown mode', { target: '1', mode: 'sms', hotline: { kind: 'adaptive' } }],
    ['target not a string', { target: 123, mode: 'callout', hotline: { kind: 'adaptive' } }],
    ['huge target', { target: 'x'.repeat(10_000), mode: 'callout', hotline: { kind: 'adaptive' } }],
    ['hotline without number', { target: '1', mode: 'callout', hotline: { kind: 'hotline' } }],
    ['unknown hotline kind', { target: '1', mode: 'callout', hotline: { kind: 'any' } }],
    ['premiumConfirmed not boolean', { target: '1', mode: 'callout', hotline: { kind: 'adaptive' }, premiumConfirmed: 'yes' }],
  ])('refuses %s', (_, payload) => {
    expect(() => start(payload)).toThrow(ValidationError);
  });

  it('every request names a receiver and a sender rule', () => {
    for (const [type, def] of Object.entries(REQUESTS)) {
      expect(['background', 'host', 'ui', 'content', 'window'], type).toContain(def.to);
      expect(['extensionPage', 'callHost', 'contentScript'], type).toContain(def.from);
    }
  });
});

describe('content.selection', () => {
  it.each<[string, unknown, string | null]>([
    ['a number', { text: '0912 345 678' }, '0912 345 678'],
    ['nothing selected', { text: '' }, ''],
    ['unknown keys dropped', { text: '103', html: '<b>' }, '103'],
    ['no answer object', 'x', null],
    ['text not a string', { text: 912345678 }, null],
    ['longer than a content script may send', { text: 'x'.repeat(SELECTION_MAX + 1) }, null],
  ])('answer check: %s', (_, answer, text) => {
    if (text === null) expect(() => selectionAnswerCheck(answer)).toThrow(ValidationError);
    else expect(selectionAnswerCheck(answer)).toEqual({ text });
  });

  it('a frame with nothing to say sends no answer; one with a selection answers', async () => {
    const listeners: ((m: unknown, s: object) => unknown)[] = [];
    const add = vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation((l) => void listeners.push(l as never));
    let text = '';
    const stop = listen('content', { requests: { 'content.selection': () => (text ? { text } : SILENT) } });
    const sender = { id: browser.runtime.id, url: ext('/background.js') };
    const msg = { app: APP_TAG, kind: 'request', type: 'content.selection', payload: { focusedOnly: true } };
    expect(listeners[0]!(msg, sender)).toBeUndefined();
    text = '0912345678';
    await expect(listeners[0]!(msg, sender)).resolves.toEqual({ text: '0912345678' });
    // A web page's script posing as the background is refused before the handler runs.
    expect(listeners[0]!(msg, { id: browser.runtime.id, url: 'https://evil.example/', tab: { id: 1 } })).toBeUndefined();
    stop();
    add.mockRestore();
  });
});
