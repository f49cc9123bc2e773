import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { REQUESTS } from './protocol';
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
