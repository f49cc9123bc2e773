import { describe, expect, it } from 'vitest';
import { verifyRestToken, verifyToken } from '../../sandbox/jwt';
import { describeToken, signAccessToken, signRestToken } from './jwt';

const KEY = { sid: 'SKtestKey000000001', secret: 'a-secret' };
const secretFor = (sid: string) => (sid === KEY.sid ? KEY.secret : undefined);
const NOW = 1_800_000_000;

// The sandbox verifies tokens the way Stringee's AUTHEN and REST API do (sandbox/jwt.ts).
describe('tokens signed in the browser', () => {
  it('an access token passes AUTHEN for the user, for an hour', async () => {
    const token = await signAccessToken(KEY, 'agent1', NOW);
    expect(verifyToken(token, secretFor, NOW + 10)).toMatchObject({ ok: true, userId: 'agent1' });
    expect(verifyToken(token, secretFor, NOW + 3600)).toMatchObject({ ok: false, r: 6 });
    const [header, payload] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toEqual({ typ: 'JWT', alg: 'HS256', cty: 'stringee-api;v=1' });
    expect(payload).toEqual({ userId: 'agent1', jti: `${KEY.sid}-${NOW}`, iss: KEY.sid, exp: NOW + 3600 });
  });
  it('a REST token passes the REST check and is no access token', async () => {
    const token = await signRestToken(KEY, NOW);
    expect(verifyRestToken(token, secretFor, NOW + 1)).toMatchObject({ ok: true });
    expect(verifyToken(token, secretFor, NOW + 1)).toMatchObject({ ok: false, r: 7 });
  });
  it('a token signed with the wrong secret is refused', async () => {
    const token = await signAccessToken({ ...KEY, secret: 'wrong' }, 'agent1', NOW);
    expect(verifyToken(token, secretFor, NOW)).toMatchObject({ ok: false, r: 6 });
  });
});

describe('describeToken', () => {
  it('reads user and expiry of a token without verifying it', async () => {
    expect(describeToken(await signAccessToken(KEY, 'agent7', NOW))).toEqual({ userId: 'agent7', expiresAt: NOW + 3600, issuer: KEY.sid });
  });
  it.each(['', 'abc', 'a.b.c', 'eyJhbGciOiJIUzI1NiJ9.notjson.sig'])('%j is not a token', (t) => expect(describeToken(t)).toBeUndefined());
});
