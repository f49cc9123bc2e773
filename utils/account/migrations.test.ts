import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { accountV1toV2, hotlinesV1toV2 } from './migrations';
import { seal, unseal } from './secret-box';

// Example data as settings v1 stored it (the sandbox account and a pasted-token account).
const V1_SANDBOX = {
  serverAddrs: ['ws://127.0.0.1:47100/ws'],
  userId: 'agent1',
  tokenUrl: 'http://127.0.0.1:47100/token',
  token: undefined,
  numbersUrl: 'http://127.0.0.1:47100/v1/number',
};
const V1_PASTED = {
  serverAddrs: ['wss://v1.stringee.com:6899/', 'wss://v2.stringee.com:6899/'],
  userId: 'sale01',
  tokenUrl: undefined,
  token: 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiJzYWxlMDEifQ.c2ln',
  numbersUrl: undefined,
};

describe('account v1 → v2', () => {
  it('a token URL account keeps its addresses and number list', async () =>
    expect(await accountV1toV2(V1_SANDBOX, seal)).toEqual({
      userId: 'agent1',
      tokens: { kind: 'url', url: 'http://127.0.0.1:47100/token' },
      customServers: ['ws://127.0.0.1:47100/ws'],
      numbersUrl: 'http://127.0.0.1:47100/v1/number',
    }));
  it('a pasted token is sealed, and Stringee’s own servers become the default', async () => {
    const v2 = await accountV1toV2(V1_PASTED, seal);
    expect(v2).toMatchObject({ userId: 'sale01', tokens: { kind: 'pasted' } });
    expect(v2).not.toHaveProperty('customServers');
    expect(JSON.stringify(v2)).not.toContain(V1_PASTED.token);
    expect(await unseal((v2!.tokens as { token: Parameters<typeof unseal>[0] }).token)).toBe(V1_PASTED.token);
  });
  it('a v2 value is left alone (written without the version mark)', async () => {
    const v2 = await accountV1toV2(V1_SANDBOX, seal);
    expect(await accountV1toV2(v2, seal)).toBe(v2);
  });
  it.each([null, undefined, { serverAddrs: [], userId: 'x', tokenUrl: undefined, token: undefined }])('%j has nothing to keep', async (v) =>
    expect(await accountV1toV2(v, seal)).toBeNull());
});

describe('hotlines v1 → v2', () => {
  it('the fetched list becomes switched-on entries', () =>
    expect(
      hotlinesV1toV2({ list: [{ number: '84966000111', carrier: 'Viettel', telco: 'Viettel (mobile number)' }], fetchedAt: 1234 }),
    ).toEqual({
      entries: [{ number: '84966000111', label: '', carrier: 'Viettel', telco: 'Viettel (mobile number)', carrierByUser: false, enabled: true, origin: 'list' }],
      fetchedAt: 1234,
    }));
  it('a v2 value is left alone', () => {
    const v2 = { entries: [], fetchedAt: 5 };
    expect(hotlinesV1toV2(v2)).toBe(v2);
  });
  it('nothing stored gives an empty list', () => expect(hotlinesV1toV2(undefined)).toEqual({ entries: [], fetchedAt: 0 }));
});
