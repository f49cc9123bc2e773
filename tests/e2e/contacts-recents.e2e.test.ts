import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { assertLoopbackOnly } from './lib/chromium';
import { eventually, launchExtension, type ExtensionSession } from './lib/extension';

assertLoopbackOnly();

let sandbox: Sandbox;
let ext: ExtensionSession;
let popup: Page;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  ext = await launchExtension(sandbox.httpUrl);
  popup = await ext.openPopup();
  await popup.evaluate(() => (globalThis as any).chrome.storage.local.set({ language: 'en', hotlineChoice: { kind: 'adaptive' } }));
});
afterAll(async () => {
  await ext?.close();
  await sandbox?.stop();
});

const lastLog = () => sandbox.callLog().at(-1)!;
const phase = (value: string) => popup.locator(`[data-testid="call-phase"][data-phase="${value}"]`).waitFor({ timeout: 20_000 });

describe('Contacts', () => {
  it('adds a contact, finds it without diacritics, and calls it out with its extension', async () => {
    await popup.getByTestId('tab-contacts').click();
    await popup.getByTestId('contact-add').click();
    await popup.getByTestId('contact-name').fill('Nguyễn Văn An');
    await popup.getByTestId('contact-phone-input').first().fill('0987 123 456 máy lẻ 12');
    await popup.getByTestId('contact-save').click();
    await popup.getByTestId('contact-back').or(popup.getByTestId('contact-list')).first().waitFor();
    if (await popup.getByTestId('contact-back').count()) await popup.getByTestId('contact-back').click();

    await popup.getByTestId('contacts-search').fill('nguyen van an');
    await eventually(async () => (await popup.getByTestId('contact-row').count()) === 1, 'one match');
    await popup.getByTestId('contact-call').first().click();
    await phase('answered');
    // The softphone names the contact it is talking to.
    expect(await popup.getByTestId('call-peer').textContent()).toBe('Nguyễn Văn An');
    // From a contact: always Call out, from the Viettel hotline for a Viettel number.
    expect(lastLog()).toMatchObject({ type: 'external', to: '84987123456', from: '84966000111' });
    await eventually(() => lastLog().dtmf === '12', 'the extension dialled after the answer', 10_000);
    await popup.getByTestId('hangup').click();
    await phase('ended');
    // Back at the softphone, nothing calls again by itself.
    await new Promise((r) => setTimeout(r, 1000));
    expect(lastLog().endedAt).toBeDefined();
    expect(await popup.getByTestId('call').count()).toBe(1);
  });

  it('imports a CSV file and reports the rows it skipped and why', async () => {
    await popup.getByTestId('tab-contacts').click();
    const csv = 'Họ tên;Số điện thoại;Công ty\nTrần Thị Bình;0912 000 111;ACME\n;;\nLê Văn C;not a number;X\n';
    await popup.getByTestId('contact-import-file').setInputFiles({ name: 'danh-ba.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await popup.getByTestId('import-report').waitFor();
    expect(await popup.getByTestId('import-summary').textContent()).toMatch(/1 .*imported/i);
    expect(await popup.getByTestId('import-skipped').count()).toBeGreaterThan(0);
  });
});

describe('Recents', () => {
  it('lists the call with its contact, calls back in one click, and exports CSV', async () => {
    await popup.getByTestId('tab-recents').click();
    const row = popup.getByTestId('recent-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Nguyễn Văn An');
    const calls = sandbox.callLog().length;
    await popup.getByTestId('recent-call').first().click();
    await phase('answered');
    expect(sandbox.callLog().length).toBe(calls + 1);
    expect(lastLog().to).toBe('84987123456');
    await popup.getByTestId('hangup').click();
    await phase('ended');

    await popup.getByTestId('tab-recents').click();
    await eventually(async () => (await popup.getByTestId('recent-row').count()) >= 2, 'both calls listed');
    const download = popup.waitForEvent('download');
    await popup.getByTestId('recents-export').click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(csv).toContain('0987 123 456');
    expect(csv).toContain('Nguyễn Văn An');
  });
});
