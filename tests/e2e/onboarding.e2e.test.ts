import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { SANDBOX_PORT, sandboxAccount } from '../../utils/settings/sandbox-account';
import { assertLoopbackOnly } from './lib/chromium';
import { eventually, launchExtension, type ExtensionSession } from './lib/extension';

assertLoopbackOnly();

let sandbox: Sandbox;
let ext: ExtensionSession;

beforeAll(async () => {
  // "Try the sandbox" points at the sandbox's default port.
  sandbox = await startSandbox({ port: SANDBOX_PORT });
  ext = await launchExtension(sandbox.httpUrl);
  // A new user: nothing connected yet.
  await (await ext.worker()).evaluate(() => (globalThis as any).chrome.storage.local.clear());
});
afterAll(async () => {
  await ext?.close();
  await sandbox?.stop();
});

describe('Onboarding', () => {
  it('opens on install', async () => {
    await eventually(() => ext.context.pages().some((p) => p.url().endsWith('/onboarding.html')), 'the onboarding tab');
  });

  it('microphone and camera, the sandbox, its hotlines, then a test call that is answered', async () => {
    const page: Page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/onboarding.html`);
    await page.evaluate(() => (globalThis as any).chrome.storage.local.set({ language: 'en' }));
    await page.reload();
    await page.getByTestId('step-body-devices').waitFor();
    // The browser may already report a grant (the test browser accepts media requests itself).
    for (const kind of ['mic', 'camera']) {
      const ask = page.getByTestId(`allow-${kind}`);
      if (await ask.isVisible()) await ask.click();
      await page.getByTestId(`${kind}-granted`).waitFor();
    }

    await page.getByTestId('next').click();
    await page.getByTestId('use-sandbox').click();
    await eventually(async () => (await page.getByTestId('account-status').textContent()) === 'Saved', 'connected');
    expect(await page.getByTestId('test-signIn').getAttribute('data-status')).toBe('ok');

    await page.getByTestId('next').click();
    await eventually(async () => (await page.getByTestId('hotlines').locator('tbody tr').count()) === 4, 'the hotlines');

    await page.getByTestId('next').click();
    await eventually(async () => (await page.getByTestId('test-call-number').inputValue()) === '0983 000 001', 'the sandbox’s answering phone filled in');
    const before = sandbox.callLog().length;
    await page.getByTestId('test-call').click();
    await eventually(async () => (await page.getByTestId('test-call-status').getAttribute('data-phase')) === 'answered', 'the test call answered', 20_000);
    expect(sandbox.callLog().slice(before)).toEqual([expect.objectContaining({ to: '84983000001', from: '84966000111', callerUserId: 'agent1' })]);
    await page.getByTestId('test-call-hangup').click();
    await page.getByTestId('onboarding-done').waitFor();
    await page.close();
  });

  it('a test call with nothing to call from says why', async () => {
    const page: Page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/onboarding.html`);
    await page.evaluate((account) => (globalThis as any).chrome.storage.local.set({ account, hotlines: { entries: [], fetchedAt: Date.now() } }), sandboxAccount(sandbox.httpUrl));
    await page.reload();
    await page.getByTestId('step-testCall').click();
    await eventually(async () => (await page.getByTestId('test-call-number').inputValue()) === '0983 000 001', 'the sandbox’s phone filled in');
    await page.getByTestId('test-call-number').fill('0912 345 678');
    await page.getByTestId('test-call').click();
    expect(await page.getByTestId('test-call-error').textContent()).toBe('This account has no hotlines to call out from.');
    await page.close();
  });
});
