import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seal } from '../account/secret-box';
import type { Account } from '../account/types';
import { makeBackup, readBackup, type BackupValues } from './backup';

const values = async (account: Account | null): Promise<Omit<BackupValues, 'account'> & { account: Account | null }> => ({
  account,
  hotlines: [
    { number: '84966000111', label: 'Sales', carrier: 'Viettel', telco: 'Viettel (mobile number)', carrierByUser: false, enabled: true, origin: 'list' },
    { number: '842873001234', label: '', carrier: undefined, telco: '', carrierByUser: false, enabled: false, origin: 'manual' },
  ],
  fallbackHotline: '84966000111',
  portedNumbers: [{ number: '84912345678', carrier: 'Viettel' }],
  siteSettings: { disabledSites: ['mail.example.com'], allowOnly: false, allowedSites: [], telLinks: true },
  language: 'vi',
  callMode: 'callout',
  hotlineChoice: { kind: 'hotline', number: '84966000111' },
});

describe('settings backup', () => {
  it('round-trips every setting, and the account without its API key secret', async () => {
    const account: Account = { userId: 'agent1', tokens: { kind: 'apiKey', sid: 'SKabcdefgh12345678', secret: await seal('top-secret') }, restBase: 'http://127.0.0.1:1/' };
    const v = await values(account);
    const text = JSON.stringify(makeBackup(v, new Date('2026-12-07T00:00:00Z')));
    expect(text).not.toContain('top-secret');
    expect(text).not.toMatch(/"secret"|"iv"|"data"/);
    const back = readBackup(text);
    expect(back).toEqual({ ok: true, values: { ...v, account: { userId: 'agent1', tokens: { kind: 'apiKey', sid: 'SKabcdefgh12345678' }, restBase: 'http://127.0.0.1:1/' } } });
  });
  it('drops a pasted token, keeps a token URL', async () => {
    const pasted = readBackup(JSON.stringify(makeBackup(await values({ userId: 'a', tokens: { kind: 'pasted', token: await seal('a.b.c') } }))));
    expect(pasted.ok && pasted.values.account?.tokens).toEqual({ kind: 'pasted' });
    const url = readBackup(JSON.stringify(makeBackup(await values({ userId: 'a', tokens: { kind: 'url', url: 'https://crm.example.vn/token' } }))));
    expect(url.ok && url.values.account?.tokens).toEqual({ kind: 'url', url: 'https://crm.example.vn/token' });
  });
  it.each<[string, (b: Record<string, unknown>) => unknown, string]>([
    ['another app’s file', (b) => ({ ...b, app: 'other' }), 'notBackup'],
    ['a newer version', (b) => ({ ...b, version: 2 }), 'newer'],
    ['an unknown language', (b) => ({ ...b, language: 'fr' }), 'invalid'],
    ['a hotline that is not a number', (b) => ({ ...b, hotlines: [{ ...(b.hotlines as object[])[0], number: 'abc' }] }), 'invalid'],
    ['a carrier we do not know', (b) => ({ ...b, portedNumbers: [{ number: '84912345678', carrier: 'AT&T' }] }), 'invalid'],
  ])('refuses %s', async (_, change, error) => {
    const b = makeBackup(await values(null)) as unknown as Record<string, unknown>;
    expect(readBackup(JSON.stringify(change(b)))).toMatchObject({ ok: false, error });
  });
  it('refuses a file that is not JSON', () => expect(readBackup('Tên,SĐT\nAn,0912')).toMatchObject({ ok: false, error: 'notJson' }));
});
