import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { assertLoopbackOnly } from './lib/chromium';
import { eventually, launchExtension, type ExtensionSession } from './lib/extension';
import { startPagesServer, type PagesServer } from './lib/pages-server';

assertLoopbackOnly();

// Chromium offers automation no way to press an extension shortcut, so the tests run the
// background's own command handler (the one commands.onCommand calls) with the page's tab, as
// the browser would; everything after that (asking the frames, the call, the softphone) is real.

let sandbox: Sandbox;
let server: PagesServer;
let ext: ExtensionSession;
let page: Page;
/** An extension page of ours that reads the popup (opened first: a new tab closes a popup). */
let viewer: Page;

const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>
<p>Khách: <span id="number">0912 345 678</span></p>
<p>Ghi chú: <span id="words">gọi lại sau</span></p>
<p><input id="field" value="SĐT 0977 111 222 (anh Nam)" size="40"></p>
<iframe id="inner" src="/gen/inner.html" width="400" height="80"></iframe>
</body></html>`;
const INNER = `<!doctype html><html><head><meta charset="utf-8"></head><body><p id="number">0987 654 321</p></body></html>`;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  server = await startPagesServer();
  server.put('shortcuts.html', PAGE);
  server.put('inner.html', INNER);
  ext = await launchExtension(sandbox.httpUrl);
  const probe = await ext.openPopup();
  await probe.evaluate(() => (globalThis as any).chrome.storage.local.set({ language: 'en', hotlineChoice: { kind: 'adaptive' } }));
  await probe.close();
  viewer = await ext.context.newPage();
  await viewer.goto(`chrome-extension://${ext.id}/options.html`);
  page = await ext.context.newPage();
  await page.goto(`${server.url}/gen/shortcuts.html`);
  await page.frameLocator('#inner').locator('#number').waitFor();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  await sandbox?.stop();
});

// A test that failed mid-call must not leave the next one a call in progress.
afterEach(async () => {
  if ((await ext.snapshot()).call?.phase !== 'ended' && (await ext.snapshot()).call) await hangUp();
});

/** Selects the whole text of `selector` in `frame` and gives that frame the focus. */
async function select(frame: Page | Frame, selector: string): Promise<void> {
  await frame.evaluate((sel) => {
    const r = document.createRange();
    r.selectNodeContents(document.querySelector(sel)!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  }, selector);
}

/** What Chrome does on the shortcut: the handler, with the tab it was pressed in. */
async function pressCallSelection(): Promise<void> {
  await page.bringToFront();
  const worker = await ext.worker();
  await worker.evaluate(async (url) => {
    const g = globalThis as any;
    const [tab] = await g.chrome.tabs.query({ url });
    await g.c2cCommand('call-selection', tab);
  }, page.url());
}

const callsTo = (to: string) => sandbox.callLog().filter((c) => c.to === to).length;

async function hangUp(): Promise<void> {
  await ext.ask('call.hangup');
  await eventually(async () => (await ext.snapshot()).call?.phase !== 'answered', 'the call to end');
  await eventually(async () => ['ended', undefined].includes((await ext.snapshot()).call?.phase), 'the call to end');
}

/** What the softphone shows: its number field, and the problem's code and words. */
interface SoftphoneView {
  number: string;
  error: string | null;
  problem: string;
}

/**
 * The softphone the command opened, read where it is. A headless browser's popup is a real
 * popup that automation does not list as a page, so an extension page of ours reads it through
 * extension.getViews; opening a second popup instead would race the first for the draft.
 */
async function softphone(until: (v: SoftphoneView) => boolean, what: string): Promise<SoftphoneView> {
  const worker = await ext.worker();
  const popups = await worker.evaluate(
    async () => ((await (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['POPUP'] })) as unknown[]).length,
  );
  expect(popups, 'the command opens the softphone').toBe(1);
  return eventually(async () => {
    const v = await viewer.evaluate(() => {
      const [w] = (globalThis as any).chrome.extension.getViews({ type: 'popup' }) as Window[];
      const d = w?.document;
      const field = d?.querySelector<HTMLInputElement>('[data-testid="number"]');
      if (!d || !field) return null;
      const problem = d.querySelector('[data-testid="problem"]');
      return { number: field.value, error: problem?.getAttribute('data-error') ?? null, problem: problem?.textContent ?? '' };
    });
    return v && until(v) ? v : null;
  }, what);
}

/** Closes the softphone the command opened, as the user would by clicking away. */
async function closeSoftphone(): Promise<void> {
  await viewer.evaluate(() => {
    for (const w of (globalThis as any).chrome.extension.getViews({ type: 'popup' }) as Window[]) w.close();
  });
  await eventually(
    async () => (await ext.worker()).evaluate(async () => ((await (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['POPUP'] })) as unknown[]).length === 0),
    'the softphone to close',
  );
}

describe('Call the selected number (shortcut)', () => {
  it('calls a number selected in the page with the remembered hotline choice', async () => {
    const before = callsTo('84912345678');
    await select(page, '#number');
    await pressCallSelection();
    await eventually(() => callsTo('84912345678') === before + 1, 'the call to 0912 345 678');
    expect(sandbox.callLog().at(-1)).toMatchObject({ type: 'external', to: '84912345678' });
    await hangUp();
  });

  it('calls what is selected in the focused frame, not a stale selection elsewhere', async () => {
    await select(page, '#number'); // stays selected in the top frame
    const frame = page.frame({ url: /inner\.html$/ })!;
    await frame.click('#number');
    await select(frame, '#number');
    expect(await frame.evaluate(() => document.hasFocus())).toBe(true);
    expect(await page.evaluate(() => getSelection()!.toString())).toBe('0912 345 678');
    const before = callsTo('84987654321');
    await pressCallSelection();
    await eventually(() => callsTo('84987654321') === before + 1, 'the call to the framed number');
    await hangUp();
  });

  it('calls the part of a text field the user selected', async () => {
    await page.focus('#field');
    await page.evaluate(() => {
      const f = document.querySelector<HTMLInputElement>('#field')!;
      f.setSelectionRange(4, 16); // "0977 111 222"
    });
    const before = callsTo('84977111222');
    await pressCallSelection();
    await eventually(() => callsTo('84977111222') === before + 1, 'the call to the selected part of the field');
    await hangUp();
  });

  it('opens the softphone with text that is not a number, says why, and calls nothing', async () => {
    const calls = sandbox.callLog().length;
    await page.focus('body').catch(() => undefined);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await select(page, '#words');
    await pressCallSelection();
    const view = await softphone((v) => v.number === 'gọi lại sau', 'the selection in the number field');
    expect(view.error).toBe('invalidNumber');
    expect(view.problem).toContain('is not a phone number we can call');
    expect(sandbox.callLog().length).toBe(calls);
    await closeSoftphone();
  });

  it('with nothing selected, the softphone opens and asks for a number', async () => {
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await pressCallSelection();
    const view = await softphone((v) => v.error === 'noSelection', 'the no-selection message');
    expect(view.number).toBe('');
    expect(view.problem).toContain('No number is selected on the page');
    await closeSoftphone();
  });
});

describe('Shortcuts shown to the user', () => {
  it('lists both shortcuts on the options page with where to change them', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.id}/options.html`);
    await options.getByTestId('shortcut-cmdCallSelection').waitFor();
    expect(await options.getByTestId('shortcut-cmdOpenPopup').textContent()).toContain('Alt+Shift+K');
    expect(await options.getByTestId('shortcut-cmdCallSelection').textContent()).toContain('Alt+Shift+G');
    expect(await options.getByTestId('open-shortcuts').textContent()).toContain('chrome://extensions/shortcuts');
    await options.close();
  });

  it('the softphone says how to call a selected number', async () => {
    const popup = await ext.openPopup();
    expect(await popup.getByTestId('shortcut-hint').textContent()).toBe('Select a number on any page and press Alt+Shift+G to call it.');
    await popup.close();
  });
});
