import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { API_KEY, HOTLINES } from '../../sandbox/config';
import { issueUserToken } from '../../sandbox/jwt';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { SANDBOX_PORT } from '../../utils/settings/sandbox-account';
import { assertLoopbackOnly } from './lib/chromium';
import { eventually, launchExtension, type ExtensionSession } from './lib/extension';

assertLoopbackOnly();

let sandbox: Sandbox;
let ext: ExtensionSession;
/** A company backend that lists no hotlines (for "Test connection"). */
let emptyList: Server;
let emptyListUrl: string;

beforeAll(async () => {
  // The sandbox's default port: "Use the local sandbox" points there.
  sandbox = await startSandbox({ port: SANDBOX_PORT });
  ext = await launchExtension(sandbox.httpUrl);
  emptyList = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify({ r: 0, message: 'Success', data: { numbers: [], totalPages: 1, totalCount: 0, activePage: 1 } }));
  });
  await new Promise<void>((r) => emptyList.listen(0, '127.0.0.1', r));
  emptyListUrl = `http://127.0.0.1:${(emptyList.address() as AddressInfo).port}/numbers`;
});
afterAll(async () => {
  await ext?.close();
  await sandbox?.stop();
  await new Promise((r) => emptyList?.close(r));
});

const stored = (page: Page, key: string) => page.evaluate(async (k) => (await (globalThis as any).chrome.storage.local.get(k))[k], key);

async function options(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/options.html`);
  await page.getByTestId('language').selectOption('en');
  await page.getByTestId('account-section').waitFor();
  return page;
}

/** Fills the account form from scratch with the sandbox's addresses (advanced). */
async function fillAccount(page: Page, f: { kind: 'url' | 'pasted' | 'apiKey'; userId?: string; tokenUrl?: string; token?: string; sid?: string; secret?: string; servers?: string; numbersUrl?: string }) {
  await page.getByTestId('user-id').fill(f.userId ?? 'agent1');
  await page.getByTestId(`token-kind-${f.kind}`).check();
  if (f.kind === 'url') await page.getByTestId('token-url').fill(f.tokenUrl ?? `${sandbox.httpUrl}/token`);
  if (f.kind === 'pasted') await page.getByTestId('token').fill(f.token ?? '');
  if (f.kind === 'apiKey') {
    await page.getByTestId('api-key-sid').fill(f.sid ?? API_KEY.sid);
    await page.getByTestId('api-key-secret').fill(f.secret ?? API_KEY.secret);
  }
  if (!(await page.getByTestId('server-addrs').isVisible())) await page.getByTestId('advanced').click();
  await page.getByTestId('server-addrs').fill(f.servers ?? sandbox.wsUrl);
  await page.getByTestId('rest-base').fill(`${sandbox.httpUrl}/`);
  if (f.kind !== 'apiKey') await page.getByTestId('numbers-url').fill(f.numbersUrl ?? '');
}

/** Saves the account form (or the sandbox) and waits for the save's own connection test. */
async function saveAccount(page: Page, button: 'save' | 'use-sandbox' = 'save'): Promise<void> {
  await page.getByTestId(button).click();
  await eventually(async () => (await page.getByTestId('account-status').textContent()) === 'Saved', 'saved and tested');
}

/** A Call out through the extension; gives the sandbox's log entry of it, once hung up. */
async function callOut(target: string, hotline: { kind: 'adaptive' } | { kind: 'hotline'; number: string }) {
  const before = sandbox.callLog().length;
  expect((await ext.ask<{ ok: boolean }>('call.start', { target, mode: 'callout', hotline })).ok).toBe(true);
  await eventually(() => sandbox.callLog().length > before, 'the call in the sandbox');
  await ext.ask('call.hangup');
  await eventually(async () => ['ended', undefined].includes((await ext.snapshot()).call?.phase), 'the call to end');
  return sandbox.callLog().at(-1);
}

/** Runs "Test connection" and gives each step's status and message key. */
async function testConnection(page: Page): Promise<Record<string, string>> {
  await page.getByTestId('test-connection').click();
  await page.getByTestId('test-steps').waitFor({ timeout: 20_000 });
  return testSteps(page);
}

describe('Options: sites', () => {
  it('saves the site lists and the tel: link switch', async () => {
    const page = await options();
    await page.getByTestId('disabled-sites').fill('mail.example.com\n  crm.other.vn , ');
    await page.getByTestId('tel-links').click(); // blur saves the list, then the switch
    await page.getByTestId('allow-only').check();
    await page.getByTestId('allowed-sites').fill('crm.example.com');
    await page.getByTestId('disabled-sites').click();
    const saved = await eventually(async () => {
      const siteSettings = await stored(page, 'siteSettings');
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
});

describe('Options: account', () => {
  it('refuses a bad account with a message per field and keeps the saved one', async () => {
    const page = await options();
    const before = await stored(page, 'account');
    await page.getByTestId('user-id').fill('');
    await page.getByTestId('token-kind-url').check();
    await page.getByTestId('token-url').fill('http://crm.example.vn/token');
    await page.getByTestId('server-addrs').fill('https://v1.stringee.com:6899');
    await page.getByTestId('save').click();
    expect(await page.getByTestId('account-problems').locator('li').allTextContents()).toEqual([
      'Enter your Stringee user id.',
      '“http://crm.example.vn/token” is not encrypted: use https:// (http:// only on this computer).',
      '“https://v1.stringee.com:6899” is not a WebSocket address (wss://).',
    ]);
    await page.getByTestId('token-kind-apiKey').check();
    await page.getByTestId('api-key-sid').fill('ACsandboxC2CLocalAccount01');
    await page.getByTestId('save').click();
    expect(await page.getByTestId('account-problems').locator('li').allTextContents()).toContain(
      '“ACsandboxC2CLocalAccount01” is an Account SID. Use an API key SID (SK…), from the project’s API keys.',
    );
    expect(await stored(page, 'account')).toEqual(before);
    await page.close();
  });

  it('connects the local sandbox in one click: token URL, its hotlines, and a passing test', async () => {
    const page = await options();
    await saveAccount(page, 'use-sandbox');
    expect(await testSteps(page)).toEqual({ token: 'ok:test_token_ok', signIn: 'ok:test_signIn_ok', hotlines: 'ok:test_hotlines_ok' });
    expect(await page.getByTestId('test-hotlines').textContent()).toContain('4 hotlines in the number list.');
    await eventually(async () => (await page.getByTestId('hotlines').locator('tbody tr').count()) === 4, 'the hotlines listed');
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

  it('API key on this device: signs its own tokens, lists hotlines from the REST list, places a call', async () => {
    const page = await options();
    await fillAccount(page, { kind: 'apiKey' });
    expect(await page.getByTestId('api-key-warning').textContent()).toContain('kept only in this browser profile');
    await saveAccount(page);
    expect(await testSteps(page)).toEqual({ token: 'ok:test_token_ok', signIn: 'ok:test_signIn_ok', hotlines: 'ok:test_hotlines_ok' });
    // The secret is sealed: nowhere in storage as text, and never shown again.
    const all = JSON.stringify(await page.evaluate(() => (globalThis as any).chrome.storage.local.get(null)));
    expect(all).not.toContain(API_KEY.secret);
    expect(await stored(page, 'account')).toMatchObject({ userId: 'agent1', tokens: { kind: 'apiKey', sid: API_KEY.sid } });
    await page.reload();
    await page.getByTestId('account-section').waitFor();
    expect(await page.getByTestId('api-key-secret').inputValue()).toBe('');
    expect(await page.getByTestId('account-section').textContent()).toContain('A secret is saved on this device');
    // The hotlines came from Stringee's REST list (the sandbox checks the REST token there).
    await page.getByTestId('refresh-hotlines').click();
    await eventually(async () => (await page.getByTestId('refresh-status').textContent()) === '4 hotlines in the number list.', 'refreshed');
    // The call host signs in with a token signed here, and calls out from a listed hotline.
    await eventually(async () => (await ext.snapshot()).connection.status === 'ready', 'the call host signed in with the API key');
    const before = sandbox.callLog().length;
    const res = await ext.ask<{ ok: boolean }>('call.start', { target: '0983 000 001', mode: 'callout', hotline: { kind: 'hotline', number: HOTLINES[0]!.number } });
    expect(res.ok).toBe(true);
    await eventually(() => sandbox.callLog().length > before, 'the call in the sandbox');
    expect(sandbox.callLog().at(-1)).toMatchObject({ from: HOTLINES[0]!.number, to: '84983000001', callerUserId: 'agent1' });
    await eventually(async () => (await ext.snapshot()).call?.phase === 'answered', 'answered');
    await ext.ask('call.hangup');
    await eventually(async () => (await ext.snapshot()).call?.phase === 'ended', 'ended');
    await page.close();
  });

  it('says in plain words what failed', async () => {
    const page = await options();
    const closedPort = 'http://127.0.0.1:9/token';
    const cases: [string, Parameters<typeof fillAccount>[1], Record<string, string>][] = [
      ['network: the token URL cannot be reached', { kind: 'url', tokenUrl: closedPort, numbersUrl: emptyListUrl }, { token: 'fail:test_token_network', hotlines: 'warn:test_hotlines_none' }],
      ['network: the Stringee server cannot be reached', { kind: 'url', servers: 'ws://127.0.0.1:9/ws' }, { token: 'ok:test_token_ok', signIn: 'fail:test_signIn_unreachable', hotlines: 'warn:test_hotlines_noneManual' }],
      ['a bad token (signed with another secret)', { kind: 'pasted', token: issueUserTokenWith('not-the-secret') }, { token: 'ok:test_token_ok', signIn: 'fail:test_signIn_refused', hotlines: 'warn:test_hotlines_noneManual' }],
      ['wrong project (a key the server does not know)', { kind: 'apiKey', sid: 'SKanotherProject0000001', secret: 'x' }, { token: 'ok:test_token_ok', signIn: 'fail:test_signIn_wrongProject', hotlines: 'fail:test_hotlines_wrongKey' }],
      ['no hotlines', { kind: 'url', numbersUrl: emptyListUrl }, { token: 'ok:test_token_ok', signIn: 'ok:test_signIn_ok', hotlines: 'warn:test_hotlines_none' }],
    ];
    for (const [what, fields, expected] of cases) {
      await page.reload();
      await page.getByTestId('account-section').waitFor();
      await fillAccount(page, fields);
      expect(await testConnection(page), what).toEqual(expected);
    }
    const texts = await page.getByTestId('test-steps').locator('li').allTextContents();
    expect(texts.at(-1)).toContain('The number list has no hotlines');
    // An expired pasted token is caught before anything is asked.
    await page.reload();
    await page.getByTestId('account-section').waitFor();
    await fillAccount(page, { kind: 'pasted', token: issueUserToken(API_KEY, 'agent1', Date.now() / 1000 - 7200, 3600).token });
    await page.getByTestId('test-connection').click();
    expect(await page.getByTestId('account-problems').textContent()).toContain('This token has expired');
    await page.close();
  });
});

describe('Softphone: why it is not signed in', () => {
  it('says what is wrong with the token source and links to Settings', async () => {
    const page = await options();
    const good = await stored(page, 'account');
    // A token URL that answers 404 (a renamed endpoint on the company's server).
    await page.evaluate((account) => (globalThis as any).chrome.storage.local.set({ account }), { ...good, tokens: { kind: 'url', url: `${sandbox.httpUrl}/no-such-token` } });
    const popup = await ext.openPopup();
    await eventually(async () => (await popup.getByTestId('connection-problem').getAttribute('data-key')) === 'test_token_http', 'the problem shown');
    expect(await popup.getByTestId('connection-problem').textContent()).toContain('The token URL answered with an error (HTTP 404).');
    await popup.close();
    await page.evaluate((account) => (globalThis as any).chrome.storage.local.set({ account }), good);
    await eventually(async () => (await ext.snapshot()).connection.status === 'ready', 'signed in again');
    await page.close();
  });
});

describe('Options: hotlines', () => {
  it('entered by hand: labelled, switched off, used for calls; bad input explained', async () => {
    const page = await options();
    // A token URL without a number list: hotlines are entered by hand.
    await fillAccount(page, { kind: 'url' });
    await saveAccount(page);
    expect(await page.getByTestId('hotline-source').textContent()).toContain('Entered by hand');
    await eventually(async () => (await page.getByTestId('hotlines-empty').count()) === 1, 'the old list gone with the old project');
    const add = async (number: string, label = '') => {
      await page.getByTestId('add-hotline-number').fill(number);
      await page.getByTestId('add-hotline-label').fill(label);
      await page.getByTestId('add-hotline').click();
    };
    await add('028 7300 1234', 'Tổng đài');
    await add('0966 000 111', 'Sales');
    await add('0906 000 333');
    await add('12345');
    expect(await page.getByTestId('add-hotline-error').textContent()).toBe('“12345” is not a phone number.');
    await add('+84 966 000 111');
    expect(await page.getByTestId('add-hotline-error').textContent()).toBe('0966 000 111 is already in the list.');
    await eventually(async () => (await page.getByTestId('hotlines').locator('tbody tr').count()) === 3, 'three hotlines');
    // The landline has no carrier until the user gives one; the Mobifone one is switched off.
    expect(await page.getByTestId('hotline-842873001234').getByTestId('hotline-carrier').inputValue()).toBe('');
    await page.getByTestId('hotline-842873001234').getByTestId('hotline-carrier').selectOption('Viettel');
    await page.getByTestId('hotline-84906000333').getByTestId('hotline-enabled').uncheck();
    await eventually(async () => {
      const h = await stored(page, 'hotlines');
      return h.entries.find((e: any) => e.number === '84906000333')?.enabled === false && h.entries.find((e: any) => e.number === '842873001234')?.carrierByUser;
    }, 'edits saved');
    // The softphone offers the switched-on ones, with their labels.
    const popup = await ext.openPopup();
    await eventually(async () => (await popup.getByTestId('hotline').locator('option').count()) === 3, 'Adaptive + two hotlines');
    expect(await popup.getByTestId('hotline').locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['028 7300 1234 · Tổng đài (Viettel)', '0966 000 111 · Sales (Viettel)']),
    );
    await popup.close();
    // A call out goes from a hand-entered hotline (the sandbox accepts only the project's numbers).
    expect(await callOut('0983 000 001', { kind: 'hotline', number: '842873001234' })).toMatchObject({ from: '842873001234', to: '84983000001' });
    await page.close();
  });

  it('a ported number makes Adaptive number call from the hotline on its new network', async () => {
    const page = await options();
    // Only the sandbox's listed hotlines (the test before added some by hand).
    await page.evaluate(() => (globalThis as any).chrome.storage.local.remove('hotlines'));
    await saveAccount(page, 'use-sandbox');
    await page.getByTestId('ported-number').fill('0912 111 222'); // a Vinaphone prefix
    await page.getByTestId('ported-carrier').selectOption('Viettel');
    await page.getByTestId('add-ported').click();
    await page.getByTestId('ported-84912111222').waitFor();
    await page.getByTestId('ported-number').fill('028 3822 1234');
    await page.getByTestId('add-ported').click();
    expect(await page.getByTestId('ported-error').textContent()).toBe('“028 3822 1234” is not a Vietnamese mobile number.');
    // The Viettel hotline.
    expect(await callOut('0912 111 222', { kind: 'adaptive' })).toMatchObject({ from: '84966000111', to: '84912111222' });
    await page.evaluate(() => (globalThis as any).chrome.storage.local.set({ portedNumbers: [] }));
    await page.close();
  });
});

describe('Options: backup', () => {
  it('exports settings without secrets, and imports them back (asking for the secret again)', async () => {
    const page = await options();
    await fillAccount(page, { kind: 'apiKey' });
    await saveAccount(page);
    await eventually(async () => (await page.getByTestId('hotlines').locator('tbody tr').count()) === 4, 'hotlines');
    await page.getByTestId('hotline-84916000222').getByTestId('hotline-label').fill('CSKH');
    await page.getByTestId('hotline-84916000222').getByTestId('hotline-label').blur();
    await eventually(async () => (await stored(page, 'hotlines')).entries.some((e: any) => e.label === 'CSKH'), 'label saved');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-settings').click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(API_KEY.secret);
    expect(JSON.parse(text)).toMatchObject({ app: 'stringee-click-to-call', account: { tokens: { kind: 'apiKey', sid: API_KEY.sid } } });

    // Another browser: nothing set up. Import asks for the secret and loses nothing else.
    await page.evaluate(() => (globalThis as any).chrome.storage.local.clear());
    await page.reload();
    await page.getByTestId('backup-section').waitFor();
    await page.getByTestId('import-settings-file').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from('{"app":"other"}') });
    expect(await page.getByTestId('backup-error').textContent()).toBe('This file is not a settings file of this extension.');
    await page.getByTestId('import-settings-file').setInputFiles(file);
    await eventually(async () => /Type the API key secret/.test((await page.getByTestId('backup-status').textContent()) ?? ''), 'imported');
    expect(await page.getByTestId('api-key-sid').inputValue()).toBe(API_KEY.sid);
    expect(await stored(page, 'hotlines')).toMatchObject({ entries: expect.arrayContaining([expect.objectContaining({ number: '84916000222', label: 'CSKH' })]) });
    await page.getByTestId('api-key-secret').fill(API_KEY.secret);
    await saveAccount(page);
    expect(await testSteps(page)).toEqual({ token: 'ok:test_token_ok', signIn: 'ok:test_signIn_ok', hotlines: 'ok:test_hotlines_ok' });
    await page.close();
  });
});

/** The steps shown after a save (its automatic test). */
async function testSteps(page: Page): Promise<Record<string, string>> {
  const items = page.getByTestId('test-steps').locator('li');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await items.count()); i++) {
    const li = items.nth(i);
    out[(await li.getAttribute('data-testid'))!.replace('test-', '')] = `${await li.getAttribute('data-status')}:${await li.getAttribute('data-key')}`;
  }
  return out;
}

function issueUserTokenWith(secret: string): string {
  return issueUserToken({ sid: API_KEY.sid, secret }, 'agent1', Date.now() / 1000, 3600).token;
}
