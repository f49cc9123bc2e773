import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { assertLoopbackOnly } from './lib/chromium';
import { eventually, launchExtension, openSdkClient, type ExtensionSession } from './lib/extension';
import { markedTexts } from './lib/marks';
import { startPagesServer, type PagesServer } from './lib/pages-server';
import { uiBox, uiShown } from './lib/shadow-ui';

assertLoopbackOnly();

// Every softphone state in both languages, for people to look at (test-results/screenshots/).
const DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(DIR, { recursive: true });

let sandbox: Sandbox;
let ext: ExtensionSession;
let pages: PagesServer;

/** A CRM screen: customers with their numbers, one on a dark panel. */
const CRM = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 24px; color: #202124; }
  table { border-collapse: collapse; } td, th { padding: 6px 14px; border-bottom: 1px solid #e0e0e0; text-align: left; }
  .panel { background: #1f2937; color: #f3f4f6; padding: 12px 16px; margin-top: 18px; border-radius: 8px; width: 520px; }
</style></head><body>
<h3>Khách hàng cần gọi lại</h3>
<table><tr><th>Khách hàng</th><th>Điện thoại</th><th>Ngày hẹn</th><th>Giá trị</th></tr>
<tr><td>Nguyễn Văn An</td><td id="first">0912 345 678</td><td>12/05/2024</td><td>1.200.000đ</td></tr>
<tr><td>Trần Thị Bình</td><td>(028) 3822 1234 máy lẻ 103</td><td>13/05/2024</td><td>850.000đ</td></tr>
<tr><td>Lê Minh Châu</td><td>+84 903 111 222</td><td>14/05/2024</td><td>2.450.000đ</td></tr></table>
<div class="panel">Tổng đài hỗ trợ 24/7: 1800 1234 · Mã số thuế 0101234567</div>
</body></html>`;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  ext = await launchExtension(sandbox.httpUrl);
  pages = await startPagesServer();
  pages.put('crm.html', CRM);
});
afterAll(async () => {
  await ext?.close();
  await sandbox?.stop();
  await pages?.close();
});

const WORDS = {
  en: { call: 'Call', hangUp: 'Hang up', busy: 'Busy' },
  vi: { call: 'Gọi điện', hangUp: 'Gác máy', busy: 'Máy bận' },
} as const;

async function shot(page: Page, lang: string, name: string) {
  await page.waitForTimeout(150); // let fonts and the last render settle
  await page.screenshot({ path: path.join(DIR, `${lang}-${name}.png`), fullPage: true });
}

describe.each(['en', 'vi'] as const)('screens in %s', (lang) => {
  let popup: Page;
  const phase = (value: string) => popup.locator(`[data-testid="call-phase"][data-phase="${value}"]`).waitFor({ timeout: 20_000 });

  beforeAll(async () => {
    popup = await ext.openPopup();
    await popup.evaluate((l) => (globalThis as any).chrome.storage.local.set({ language: l, callMode: 'callout', hotlineChoice: { kind: 'adaptive' } }), lang);
    await popup.reload();
    await popup.setViewportSize({ width: 340, height: 600 });
    await popup.getByTestId('call').waitFor();
  });

  it('idle, typing and each mode', async () => {
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect((await popup.getByTestId('call').textContent())?.trim()).toBe(WORDS[lang].call);
    await shot(popup, lang, '01-idle');
    await popup.getByTestId('number').fill('0912 345 678');
    await shot(popup, lang, '02-typing-callout');
    await popup.getByTestId('mode-voice').check();
    await popup.getByTestId('number').fill('103');
    await shot(popup, lang, '03-mode-voice');
    await popup.getByTestId('mode-video').check();
    await shot(popup, lang, '04-mode-video');
  });

  it.each([
    ['freeToPhone', 'voice', '0912 345 678'],
    ['calloutToInternal', 'callout', '103'],
    ['premiumNeedsConfirm', 'callout', '1900 6868'],
    ['invalidNumber', 'callout', '0912 34'],
    ['empty', 'callout', ''],
  ])('error %s', async (error, mode, number) => {
    await popup.getByTestId(`mode-${mode}`).check();
    await popup.getByTestId('number').fill(number);
    await popup.getByTestId('call').click();
    await popup.locator(`[data-testid="problem"][data-error="${error}"]`).waitFor();
    await shot(popup, lang, `05-error-${error}`);
  });

  it('ringing, connected with the keypad, and ended', async () => {
    await popup.getByTestId('mode-callout').check();
    await popup.getByTestId('number').fill('0903 000 003'); // never answers
    await popup.getByTestId('call').click();
    await phase('ringing');
    await shot(popup, lang, '06-ringing');
    await popup.getByTestId('hangup').click();
    await phase('ended');

    await popup.getByTestId('number').fill('0912 000 123');
    await popup.getByTestId('call').click();
    await phase('answered');
    await popup.getByTestId('keypad-toggle').click();
    await popup.getByTestId('dtmf-pad').locator('[data-key="1"]').click();
    await popup.getByTestId('mute').click();
    await eventually(async () => (await popup.getByTestId('call-flags').count()) > 0, 'muted flag');
    expect((await popup.getByTestId('hangup').textContent())?.trim()).toBe(WORDS[lang].hangUp);
    await shot(popup, lang, '07-connected-keypad');
    await popup.getByTestId('hangup').click();
    await phase('ended');
    await shot(popup, lang, '08-ended');

    await popup.getByTestId('number').fill('0913 000 002'); // busy
    await popup.getByTestId('call').click();
    await popup.locator('[data-testid="call-phase"][data-reason="busy"]').waitFor({ timeout: 20_000 });
    expect(await popup.getByTestId('call-phase').textContent()).toContain(WORDS[lang].busy);
    await shot(popup, lang, '09-ended-busy');
  });

  it('contacts, recents, options and onboarding', async () => {
    await popup.getByTestId('tab-contacts').click();
    await shot(popup, lang, '10-contacts');
    await popup.getByTestId('tab-recents').click();
    await popup.getByTestId('recent-row').first().waitFor();
    await shot(popup, lang, '11-recents');
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.id}/options.html`);
    await options.locator('h1').waitFor();
    expect(await options.evaluate(() => document.documentElement.lang)).toBe(lang);
    await options.getByTestId('test-connection').click();
    await options.getByTestId('test-hotlines').waitFor({ timeout: 20_000 });
    await options.getByTestId('hotlines').waitFor();
    await shot(options, lang, '12-options');
    await options.close();
    const onboarding = await ext.context.newPage();
    await onboarding.goto(`chrome-extension://${ext.id}/onboarding.html`);
    await onboarding.locator('h1').waitFor();
    expect(await onboarding.evaluate(() => document.documentElement.lang)).toBe(lang);
    for (const [i, step] of ['devices', 'connect', 'hotlines', 'testCall'].entries()) {
      await onboarding.getByTestId(`step-${step}`).click();
      await onboarding.getByTestId(`step-body-${step}`).waitFor();
      await shot(onboarding, lang, `12-onboarding-${i + 1}-${step}`);
    }
    await onboarding.close();
  });

  it('a web page: its numbers marked, and the card on hover', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 760, height: 420 });
    await page.goto(`${pages.url}/gen/crm.html`);
    await eventually(async () => (await markedTexts(page)).length === 4, 'four numbers marked');
    expect(await markedTexts(page)).toEqual(['(028) 3822 1234', '+84 903 111 222', '0912 345 678', '1800 1234'].sort());
    await shot(page, lang, '15-page-marks');
    const at = await page.evaluate(() => {
      const b = document.getElementById('first')!.getBoundingClientRect();
      return { x: b.left + 30, y: b.top + b.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    const icon = await eventually(() => uiBox(page, 'c2c-icon'), 'the icon on hover');
    await page.mouse.move(icon.x + icon.width / 2, icon.y + icon.height / 2);
    await eventually(() => uiShown(page, 'c2c-call'), 'the card on the icon');
    await shot(page, lang, '16-page-card');
    await page.close();
  });

  it('tel: links: marked whatever their text says, and the card of the link', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 760, height: 340 });
    await page.goto(`${pages.url}/crm-tel.html`);
    await eventually(async () => (await markedTexts(page)).length === 4, 'four marks');
    const box = (await page.locator('#l3').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const icon = await eventually(() => uiBox(page, 'c2c-icon'), 'the icon on the link');
    await page.mouse.move(icon.x + icon.width / 2, icon.y + icon.height / 2);
    await eventually(() => uiShown(page, 'c2c-call'), 'the card of the link');
    await shot(page, lang, '17-tel-links');
    await page.close();
  });

  it('video call window', async () => {
    const other = await openSdkClient(ext.context, sandbox, 'agent3');
    await popup.getByTestId('tab-dial').click();
    await popup.getByTestId('mode-video').check();
    await popup.getByTestId('number').fill('103');
    const opened = ext.context.waitForEvent('page', (p) => p.url().includes('/call-window.html'));
    await popup.getByTestId('call').click();
    const win = await opened;
    await win.setViewportSize({ width: 480, height: 640 });
    await win.locator('[data-testid="call-phase"][data-phase="answered"]').waitFor({ timeout: 20_000 });
    await eventually(() => win.getByTestId('remote-video').evaluate((v: HTMLVideoElement) => v.videoWidth > 0), 'remote video');
    await shot(win, lang, '13-video-call');
    await win.getByTestId('hangup').click();
    await win.close();
    await other.close();
    await popup.close();
  });

  it('a video call to us: ringing in the softphone, then answered in the call window', async () => {
    const caller = await openSdkClient(ext.context, sandbox, 'agent2');
    const ringing = await ext.openPopup();
    await ringing.setViewportSize({ width: 340, height: 600 });
    await caller.evaluate(() => (window as any).sdk.makeCall('agent2', 'agent1', true));
    await ringing.locator('[data-testid="call-phase"][data-phase="incoming"]').waitFor({ timeout: 20_000 });
    expect(await ringing.getByTestId('call-mode').getAttribute('data-mode')).toBe('video');
    await shot(ringing, lang, '18-incoming-video');
    const opened = ext.context.waitForEvent('page', (p) => p.url().includes('/call-window.html'));
    await ringing.getByTestId('answer').click();
    const win = await opened;
    await win.setViewportSize({ width: 480, height: 640 });
    await win.locator('[data-testid="call-phase"][data-phase="answered"]').waitFor({ timeout: 20_000 });
    await eventually(() => win.getByTestId('remote-video').evaluate((v: HTMLVideoElement) => v.videoWidth > 0), 'remote video');
    await eventually(() => win.getByTestId('local-video').evaluate((v: HTMLVideoElement) => v.videoWidth > 0), 'own camera');
    expect(await win.evaluate(() => document.documentElement.lang)).toBe(lang);
    await shot(win, lang, '19-incoming-video-window');
    await ringing.getByTestId('video-in-window').waitFor();
    await shot(ringing, lang, '20-incoming-video-softphone');
    await win.getByTestId('hangup').click();
    await win.locator('[data-testid="call-phase"][data-phase="ended"]').waitFor();
    await win.close();
    await caller.close();
    await ringing.close();
  });
});

describe('Keyboard and zoom', () => {
  it('places and ends a call with the keyboard only', async () => {
    const popup = await ext.openPopup();
    await popup.evaluate(() => (globalThis as any).chrome.storage.local.set({ language: 'en', callMode: 'callout' }));
    await popup.reload();
    await popup.getByTestId('call').waitFor();
    // The number field has focus on open: type, Enter calls.
    expect(await popup.evaluate(() => (document.activeElement as HTMLElement)?.dataset.testid)).toBe('number');
    await popup.keyboard.type('0912 888 999');
    await popup.keyboard.press('Enter');
    await popup.locator('[data-testid="call-phase"][data-phase="answered"]').waitFor({ timeout: 20_000 });
    // Tab reaches hang up, with a visible focus ring.
    for (let i = 0; i < 12; i++) {
      await popup.keyboard.press('Tab');
      if (await popup.evaluate(() => (document.activeElement as HTMLElement)?.dataset.testid === 'hangup')) break;
    }
    const outline = await popup.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await popup.keyboard.press('Enter');
    await popup.locator('[data-testid="call-phase"][data-phase="ended"]').waitFor();
    await popup.close();
  });

  it('stays readable at 200% zoom: nothing wider than the largest popup Chrome shows', async () => {
    const popup = await ext.openPopup();
    // Chrome grows a zoomed popup up to 800×600 and scrolls vertically beyond that.
    await popup.setViewportSize({ width: 800, height: 600 });
    await popup.evaluate(() => {
      document.documentElement.style.zoom = '2';
    });
    await popup.getByTestId('number').fill('0912 345 678');
    await popup.screenshot({ path: path.join(DIR, 'en-14-zoom-200.png'), fullPage: true });
    const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await popup.close();
  });
});
