import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { accountFromForm, checkForm, EMPTY_FORM, formOf, type AccountForm } from './form';
import { signAccessToken } from './jwt';
import { seal, unseal } from './secret-box';
import type { Account } from './types';

const NOW = 1_800_000_000;
const KEY = { sid: 'SKabcdefgh12345678', secret: 's3cret' };
const base: AccountForm = { ...EMPTY_FORM, userId: 'agent1', tokenKind: 'url', tokenUrl: 'https://crm.example.vn/token' };

describe('checkForm', () => {
  it('accepts a token URL account with Stringee’s own servers', () => expect(checkForm(base, null, NOW)).toEqual([]));
  it('accepts the sandbox on loopback', () =>
    expect(checkForm({ ...base, tokenUrl: 'http://127.0.0.1:47100/token', servers: 'ws://127.0.0.1:47100/ws', restBase: 'http://127.0.0.1:47100/' }, null, NOW)).toEqual([]));
  it('accepts an API key', () => expect(checkForm({ ...base, tokenKind: 'apiKey', apiKeySid: KEY.sid, apiKeySecret: KEY.secret }, null, NOW)).toEqual([]));
  it('accepts a pasted token for the user', async () =>
    expect(checkForm({ ...base, tokenKind: 'pasted', token: await signAccessToken(KEY, 'agent1', NOW) }, null, NOW)).toEqual([]));

  it.each<[string, Partial<AccountForm>, object]>([
    ['no user id', { userId: ' ' }, { field: 'userId', problem: 'missing' }],
    ['a user id with spaces', { userId: 'agent 1' }, { field: 'userId', problem: 'spaces' }],
    ['no token URL', { tokenUrl: '' }, { field: 'tokenUrl', problem: 'missing' }],
    ['a plain-http token URL on the internet', { tokenUrl: 'http://crm.example.vn/token' }, { field: 'tokenUrl', problem: 'insecure' }],
    ['a token URL that is not a URL', { tokenUrl: 'crm/token' }, { field: 'tokenUrl', problem: 'invalid' }],
    ['no pasted token', { tokenKind: 'pasted' }, { field: 'token', problem: 'missing' }],
    ['a pasted token that is not a JWT', { tokenKind: 'pasted', token: 'abc' }, { field: 'token', problem: 'notJwt' }],
    ['no API key SID', { tokenKind: 'apiKey', apiKeySecret: 'x' }, { field: 'apiKeySid', problem: 'missing' }],
    ['an Account SID for an API key', { tokenKind: 'apiKey', apiKeySid: 'ACabcdefgh1234', apiKeySecret: 'x' }, { field: 'apiKeySid', problem: 'accountSid' }],
    ['a SID of another shape', { tokenKind: 'apiKey', apiKeySid: 'my-key', apiKeySecret: 'x' }, { field: 'apiKeySid', problem: 'notSid' }],
    ['no API key secret', { tokenKind: 'apiKey', apiKeySid: KEY.sid }, { field: 'apiKeySecret', problem: 'missing' }],
    ['an unencrypted server', { servers: 'ws://v1.stringee.com:6899/' }, { field: 'servers', problem: 'insecure' }],
    ['an http server address', { servers: 'https://v1.stringee.com:6899' }, { field: 'servers', problem: 'wrongScheme' }],
    ['a bad REST base', { restBase: 'api.stringee.com' }, { field: 'restBase', problem: 'invalid' }],
    ['an insecure number list', { numbersUrl: 'http://crm.example.vn/numbers' }, { field: 'numbersUrl', problem: 'insecure' }],
  ])('flags %s', (_, patch, problem) => expect(checkForm({ ...base, ...patch }, null, NOW)).toContainEqual(expect.objectContaining(problem)));

  it('flags an expired pasted token and one for another user', async () => {
    const expired = await signAccessToken(KEY, 'agent1', NOW - 7200);
    expect(checkForm({ ...base, tokenKind: 'pasted', token: expired }, null, NOW)).toEqual([{ field: 'token', problem: 'expired' }]);
    const other = await signAccessToken(KEY, 'agent2', NOW);
    expect(checkForm({ ...base, tokenKind: 'pasted', token: other }, null, NOW)).toEqual([{ field: 'token', problem: 'otherUser', value: 'agent2' }]);
  });

  it('an empty secret field keeps the saved secret of the same key', async () => {
    const saved: Account = { userId: 'agent1', tokens: { kind: 'apiKey', sid: KEY.sid, secret: await seal(KEY.secret) } };
    expect(checkForm({ ...formOf(saved) }, saved, NOW)).toEqual([]);
    // A new SID needs its own secret.
    expect(checkForm({ ...formOf(saved), apiKeySid: 'SKanotherKey0000001' }, saved, NOW)).toContainEqual({ field: 'apiKeySecret', problem: 'missing' });
  });
});

describe('accountFromForm', () => {
  it('seals new secrets and keeps saved ones', async () => {
    const a = await accountFromForm({ ...base, tokenKind: 'apiKey', apiKeySid: KEY.sid, apiKeySecret: ' s3cret ' }, null, seal);
    expect(a.tokens.kind).toBe('apiKey');
    expect(JSON.stringify(a)).not.toContain('s3cret');
    const again = await accountFromForm(formOf(a), a, seal);
    expect(again.tokens).toEqual(a.tokens);
    expect(await unseal((again.tokens as { secret: Parameters<typeof unseal>[0] }).secret)).toBe('s3cret');
  });
  it('leaves Stringee’s servers and REST API as defaults, and ends a REST base with /', async () => {
    expect(await accountFromForm({ ...base, servers: 'wss://v1.stringee.com:6899/\nwss://v2.stringee.com:6899/' }, null, seal)).toEqual({
      userId: 'agent1',
      tokens: { kind: 'url', url: 'https://crm.example.vn/token' },
    });
    const custom = await accountFromForm({ ...base, servers: 'ws://127.0.0.1:1/ws', restBase: 'http://127.0.0.1:1' }, null, seal);
    expect(custom).toMatchObject({ customServers: ['ws://127.0.0.1:1/ws'], restBase: 'http://127.0.0.1:1/' });
  });
  it('a saved account comes back to the form without its secrets', async () => {
    const a = await accountFromForm({ ...base, tokenKind: 'pasted', token: await signAccessToken(KEY, 'agent1') }, null, seal);
    expect(formOf(a)).toMatchObject({ tokenKind: 'pasted', token: '', userId: 'agent1' });
  });
});
