import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { SANDBOX_PORT } from '../../utils/settings/sandbox-account';
import { assertLoopbackOnly } from './lib/chromium';
import { eventually, launchExtension, type ExtensionSession } from './lib/extension';

assertLoopbackOnly();

let sandbox: Sandbox;
let ext: ExtensionSession;

beforeAll(async () => {
  // The sandbox's default port: "Use the local sandbox" points there.
  sandbox = await startSandbox({ port: SANDBOX_PORT });
  ext = await launchExtension(sandbox.httpUrl);
});
afterAll(async () => {
  await ext?.close();
  await sandbox?.stop();
});

describe('Options', () => {
  it('saves the site lists and the tel: link switch', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/options.html`);
    await page.getByTestId('disabled-sites').fill('mail.example.com\n  crm.other.vn , ');
    await page.getByTestId('tel-links').click(); // blur saves the list, then the switch
    await page.getByTestId('allow-only').check();
    await page.getByTestId('allowed-sites').fill('crm.example.com');
    await page.getByTestId('disabled-sites').click();
    const saved = await eventually(async () => {
      const { siteSettings } = await page.evaluate(() => (globalThis as any).chrome.storage.local.get('siteSettings'));
      return siteSettings?.allowedSites?.length ? siteSettings : null;
    }, 'site settings saved');
    expect(saved).toEqual({
      disabledSites: ['mail.example.com', 'crm.other.vn'],
      telLinks: false,
      allowOnly: true,
      allowedSites: ['crm.example.com'],
    });
    await page.evaluate(() =>
      (globalThis as any).chrome.storage.local.set({ siteSettings: { disabledSites: [], allowOnly: false, allowedSites: [], telLinks: true } }),
    );
    await page.close();
  });

  it('refuses a bad account with a message per field and keeps the saved one', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/options.html`);
    await page.getByTestId('language').selectOption('en');
    const before = await page.evaluate(() => (globalThis as any).chrome.storage.local.get('account'));
    await page.getByTestId('server-addrs').fill('https://v1.stringee.com:6899');
    await page.getByTestId('user-id').fill('');
    await page.getByTestId('token-url').fill('');
    await page.getByTestId('token').fill('not-a-token');
    await page.getByTestId('save').click();
    const problems = await page.getByTestId('account-problems').locator('li').allTextContents();
    expect(problems).toEqual([
      '“https://v1.stringee.com:6899” is not a WebSocket address (ws:// or wss://).',
      'Enter your Stringee user id.',
      'The access token should look like xxxxx.yyyyy.zzzzz.',
    ]);
    expect(await page.evaluate(() => (globalThis as any).chrome.storage.local.get('account'))).toEqual(before);
    await page.close();
  });

  it('connects the local sandbox in one click and loads its hotlines', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/options.html`);
    await page.getByTestId('use-sandbox').click();
    await eventually(async () => /4 hotlines/.test((await page.getByTestId('account-status').textContent()) ?? ''), 'hotlines loaded');
    expect(await page.getByTestId('fallback-hotline').locator('option').count()).toBe(5);
    // The context menu "Call with hotline …" now lists each hotline (update fails on unknown ids).
    const worker = await ext.worker();
    const menuHas = (id: string) =>
      worker.evaluate((i) => (globalThis as any).chrome.contextMenus.update(i, {}).then(() => true, () => false), id);
    await eventually(() => menuHas('sel|hotline|84966000111'), 'the hotline in the selection menu');
    expect(await menuHas('tel|adaptive')).toBe(true);
    expect(await menuHas('sel|hotline|84000000000')).toBe(false);
    await page.getByTestId('language').selectOption('vi');
    await eventually(async () => (await page.locator('h1').textContent()) === 'Cài đặt', 'Vietnamese UI');
    await page.getByTestId('language').selectOption('auto');
    await page.close();
  });
});
