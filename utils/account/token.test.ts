import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyToken } from '../../sandbox/jwt';
import { signAccessToken } from './jwt';
import { seal } from './secret-box';
import { obtainToken } from './token';
import type { Account } from './types';

const NOW = 1_800_000_000;
const KEY = { sid: 'SKabcdefgh12345678', secret: 's3cret' };
const user = (tokens: Account['tokens']): Account => ({ userId: 'agent1', tokens });
const reply = (status: number, body: unknown) => async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('obtainToken', () => {
  it('signs an access token for the user with the API key', async () => {
    const res = await obtainToken(user({ kind: 'apiKey', sid: KEY.sid, secret: await seal(KEY.secret) }), fetch, NOW);
    expect(res.ok).toBe(true);
    expect(verifyToken(res.ok && res.token, (s) => (s === KEY.sid ? KEY.secret : undefined), NOW)).toMatchObject({ ok: true, userId: 'agent1' });
  });

  it('asks the token URL with the user id and takes {token} or {access_token}', async () => {
    const token = await signAccessToken(KEY, 'agent1', NOW);
    let asked = '';
    const f = (async (url: URL) => {
      asked = url.toString();
      return new Response(JSON.stringify({ access_token: token }));
    }) as unknown as typeof fetch;
    expect(await obtainToken(user({ kind: 'url', url: 'https://crm.example.vn/token?app=c2c' }), f, NOW)).toEqual({ ok: true, token, expiresAt: NOW + 3600 });
    expect(asked).toBe('https://crm.example.vn/token?app=c2c&userId=agent1');
  });

  it('opens a pasted token', async () => {
    const token = await signAccessToken(KEY, 'agent1', NOW);
    expect(await obtainToken(user({ kind: 'pasted', token: await seal(token) }), fetch, NOW)).toMatchObject({ ok: true, token });
  });

  it.each<[string, () => Promise<Account['tokens']>, typeof fetch, string]>([
    ['an unreachable token URL', async () => ({ kind: 'url', url: 'https://crm.example.vn/token' }), (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch, 'network'],
    ['a token URL answering 500', async () => ({ kind: 'url', url: 'https://crm.example.vn/token' }), reply(500, 'oops') as unknown as typeof fetch, 'http'],
    ['a reply without a token', async () => ({ kind: 'url', url: 'https://crm.example.vn/token' }), reply(200, { ok: true }) as unknown as typeof fetch, 'noToken'],
    ['a reply that is not JSON', async () => ({ kind: 'url', url: 'https://crm.example.vn/token' }), reply(200, '<html>') as unknown as typeof fetch, 'noToken'],
    ['a reply whose token is not a JWT', async () => ({ kind: 'url', url: 'https://crm.example.vn/token' }), reply(200, { token: 'abc' }) as unknown as typeof fetch, 'notJwt'],
    ['an expired pasted token', async () => ({ kind: 'pasted', token: await seal(await signAccessToken(KEY, 'agent1', NOW - 3601)) }), fetch, 'expired'],
    ['a pasted token for another user', async () => ({ kind: 'pasted', token: await seal(await signAccessToken(KEY, 'agent2', NOW)) }), fetch, 'otherUser'],
    ['a secret this profile cannot open', async () => ({ kind: 'apiKey', sid: KEY.sid, secret: { iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' } }), fetch, 'secretLost'],
  ])('%s → %s', async (_, tokens, f, error) => {
    expect(await obtainToken(user(await tokens()), f, NOW)).toMatchObject({ ok: false, error });
  });
});
