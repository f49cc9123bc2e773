import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { API_KEY } from './config.js';
import { JWT_HEADER, issueUserToken, signJwt, verifyToken } from './jwt.js';

const NOW = 1_800_000_000;
const secretFor = (sid: string) => (sid === API_KEY.sid ? API_KEY.secret : undefined);
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const good = { jti: `${API_KEY.sid}-${NOW}`, iss: API_KEY.sid, exp: NOW + 3600, userId: 'agent1' };

/** A token signed correctly over arbitrary header/payload text. */
function raw(header: string, payload: string, secret = API_KEY.secret): string {
  const input = `${header}.${payload}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('verifyToken', () => {
  const valid = signJwt(API_KEY.secret, good);
  const [h, p] = valid.split('.') as [string, string, string];

  it.each([
    ['a valid token', valid, 0],
    ['undefined', undefined, 1],
    ['an empty string', '', 1],
    ['whitespace', '   ', 1],
    ['a number', 42, 1],
    ['two parts', `${h}.${p}`, 2],
    ['four parts', `${valid}.x`, 2],
    ['a non-base64url header', `${h}!.${p}.sig`, 2],
    ['a header that is not JSON', raw(b64('not json'), p), 2],
    ['an empty payload part', `${h}..sig`, 2],
    ['a header that is an array', raw(b64([1]), p), 3],
    ['a payload that is a string', raw(h, b64('"x"')), 3],
    ['typ other than JWT', signJwt(API_KEY.secret, good, { ...JWT_HEADER, typ: 'JWS' }), 3],
    ['a wrong cty', signJwt(API_KEY.secret, good, { ...JWT_HEADER, cty: 'json' }), 3],
    ['alg HS512', signJwt(API_KEY.secret, good, { ...JWT_HEADER, alg: 'HS512' }), 4],
    ['alg none', `${b64({ typ: 'JWT', alg: 'none' })}.${p}.`, 4],
    ['an unknown iss', signJwt(API_KEY.secret, { ...good, iss: 'SKunknown' }), 5],
    ['no iss', signJwt(API_KEY.secret, { ...good, iss: undefined }), 5],
    ['a wrong secret', signJwt('other-secret', good), 6],
    ['a tampered payload', `${h}.${b64({ ...good, userId: 'admin' })}.${valid.split('.')[2]}`, 6],
    ['a truncated signature', valid.slice(0, -4), 6],
    ['an expired exp', signJwt(API_KEY.secret, { ...good, exp: NOW - 1 }), 6],
    ['exp exactly now', signJwt(API_KEY.secret, { ...good, exp: NOW }), 6],
    ['no exp', signJwt(API_KEY.secret, { ...good, exp: undefined }), 7],
    ['a string exp', signJwt(API_KEY.secret, { ...good, exp: String(NOW + 10) }), 7],
    ['no userId (REST token)', signJwt(API_KEY.secret, { ...good, userId: undefined, rest_api: true }), 7],
    ['an empty userId', signJwt(API_KEY.secret, { ...good, userId: '' }), 7],
  ])('%s → r=%i', (_name, token, r) => {
    const res = verifyToken(token, secretFor, NOW);
    if (r === 0) expect(res).toMatchObject({ ok: true, userId: 'agent1' });
    else expect(res).toMatchObject({ ok: false, r });
  });

  it('accepts a header without cty and a lower-case typ', () => {
    const t = signJwt(API_KEY.secret, good, { typ: 'jwt', alg: 'HS256' });
    expect(verifyToken(t, secretFor, NOW)).toMatchObject({ ok: true });
  });
});

describe('issueUserToken', () => {
  it('issues Stringee-shaped tokens that verify until they expire', () => {
    const { token, exp } = issueUserToken(API_KEY, 'agent2', NOW + 0.7, 60);
    expect(exp).toBe(NOW + 60);
    const [h, p] = token.split('.') as [string, string];
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual(JWT_HEADER);
    expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toEqual({
      jti: `${API_KEY.sid}-${NOW}`,
      iss: API_KEY.sid,
      exp: NOW + 60,
      userId: 'agent2',
    });
    expect(verifyToken(token, secretFor, NOW + 59)).toMatchObject({ ok: true, userId: 'agent2' });
    expect(verifyToken(token, secretFor, NOW + 60)).toMatchObject({ ok: false, r: 6 });
  });
});
