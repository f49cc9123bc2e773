// HS256 JWTs in Stringee's format, and AUTHEN-style verification with Stringee's error codes 1–7.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ApiKey } from './config.js';

export const JWT_HEADER = { typ: 'JWT', alg: 'HS256', cty: 'stringee-api;v=1' } as const;

export interface TokenPayload {
  jti?: string;
  iss?: string;
  exp?: number;
  userId?: string;
  [key: string]: unknown;
}

export type VerifyFailure = { ok: false; r: AuthErrorCode; message: string };
export type VerifyResult = { ok: true; userId: string; payload: TokenPayload } | VerifyFailure;

export type AuthErrorCode = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const AUTH_ERRORS: Record<AuthErrorCode, string> = {
  1: 'TOKEN_EMPTY',
  2: 'TOKEN_CANNOT_BE_DECODED',
  3: 'TOKEN_FORMAT_INVALID',
  4: 'ALGORITHM_IS_NOT_HS256',
  5: 'API_KEY_SID_OR_ACCOUNT_SID_NOT_FOUND',
  6: 'TOKEN_EXPIRED_OR_INVALID',
  7: 'PAYLOAD_INVALID',
};

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function hmac(secret: string, signingInput: string): Buffer {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(signingInput, 'ascii').digest();
}

/** Signs any payload; header fields may be overridden so tests can build malformed tokens. */
export function signJwt(secret: string, payload: object, header: object = JWT_HEADER): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(hmac(secret, input))}`;
}

export function issueUserToken(key: ApiKey, userId: string, nowSec: number, ttlSec: number): { token: string; exp: number } {
  const iat = Math.floor(nowSec);
  const exp = iat + Math.floor(ttlSec);
  const payload: TokenPayload = { jti: `${key.sid}-${iat}`, iss: key.sid, exp, userId };
  return { token: signJwt(key.secret, payload), exp };
}

const B64URL = /^[A-Za-z0-9_-]*$/;

function decodePart(part: string): unknown {
  if (part.length === 0 || !B64URL.test(part)) throw new Error('not base64url');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(r: AuthErrorCode): VerifyFailure {
  return { ok: false, r, message: AUTH_ERRORS[r] };
}

/** The signature and expiry checks shared by access and REST tokens; the payload on success. */
function verifySigned(
  token: unknown,
  secretFor: (sid: string) => string | undefined,
  nowSec: number,
): { ok: true; payload: Record<string, unknown> } | VerifyFailure {
  if (typeof token !== 'string' || token.trim() === '') return fail(1);
  const parts = token.split('.');
  if (parts.length !== 3) return fail(2);
  const [h, p, s] = parts as [string, string, string];
  let header: unknown;
  let payload: unknown;
  try {
    header = decodePart(h);
    payload = decodePart(p);
  } catch {
    return fail(2);
  }
  if (!isObject(header) || !isObject(payload)) return fail(3);
  if (typeof header.typ === 'string' && header.typ.toUpperCase() !== 'JWT') return fail(3);
  if (header.cty !== undefined && header.cty !== JWT_HEADER.cty) return fail(3);
  if (header.alg !== 'HS256') return fail(4);
  const iss = payload.iss;
  const secret = typeof iss === 'string' ? secretFor(iss) : undefined;
  if (secret === undefined) return fail(5);
  if (!B64URL.test(s)) return fail(6);
  const expected = hmac(secret, `${h}.${p}`);
  const given = Buffer.from(s, 'base64url');
  // timingSafeEqual needs equal lengths; a length mismatch is simply a bad signature.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail(6);
  const { exp } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return fail(7);
  if (exp <= nowSec) return fail(6);
  return { ok: true, payload };
}

/**
 * Checks a token the way the sandbox's AUTHEN does. The order matters: nothing in the payload is
 * trusted before the signature has been checked.
 */
export function verifyToken(token: unknown, secretFor: (sid: string) => string | undefined, nowSec: number): VerifyResult {
  const v = verifySigned(token, secretFor, nowSec);
  if (!v.ok) return v;
  const { userId } = v.payload;
  if (typeof userId !== 'string' || userId === '') return fail(7);
  return { ok: true, userId, payload: v.payload as TokenPayload };
}

/** A REST API token (X-STRINGEE-AUTH): signed like an access token, with rest_api: true. */
export function verifyRestToken(
  token: unknown,
  secretFor: (sid: string) => string | undefined,
  nowSec: number,
): { ok: true; payload: TokenPayload } | VerifyFailure {
  const v = verifySigned(token, secretFor, nowSec);
  if (!v.ok) return v;
  if (v.payload.rest_api !== true) return fail(7);
  return { ok: true, payload: v.payload as TokenPayload };
}
