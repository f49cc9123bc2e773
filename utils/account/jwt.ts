import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';

/**
 * Stringee's JWTs: HS256 over the API key secret, header cty "stringee-api;v=1". Access tokens
 * carry the agent's userId; REST tokens carry rest_api: true and no userId.
 */
const HEADER = { typ: 'JWT', alg: 'HS256', cty: 'stringee-api;v=1' } as const;

/** Access tokens live an hour: the host asks for a new one when the server says it expired. */
export const ACCESS_TOKEN_TTL_SEC = 3600;
/** A REST token is used for one number-list request. */
export const REST_TOKEN_TTL_SEC = 300;

interface Key {
  sid: string;
  secret: string;
}

function sign(key: Key, claims: Record<string, unknown>, nowSec: number, ttlSec: number): Promise<string> {
  const iat = Math.floor(nowSec);
  return new SignJWT(claims)
    .setProtectedHeader(HEADER)
    .setJti(`${key.sid}-${iat}`)
    .setIssuer(key.sid)
    .setExpirationTime(iat + ttlSec)
    .sign(new TextEncoder().encode(key.secret));
}

export function signAccessToken(key: Key, userId: string, nowSec = Date.now() / 1000): Promise<string> {
  return sign(key, { userId }, nowSec, ACCESS_TOKEN_TTL_SEC);
}

export function signRestToken(key: Key, nowSec = Date.now() / 1000): Promise<string> {
  return sign(key, { rest_api: true }, nowSec, REST_TOKEN_TTL_SEC);
}

/** What a token says about itself (never trusted for anything but telling the user). */
export interface TokenInfo {
  userId: string | undefined;
  /** Unix seconds. */
  expiresAt: number | undefined;
  issuer: string | undefined;
}

/** Reads a token without verifying it; undefined when it is not a JWT at all. */
export function describeToken(token: string): TokenInfo | undefined {
  try {
    decodeProtectedHeader(token);
    const p = decodeJwt(token);
    return {
      userId: typeof p.userId === 'string' ? p.userId : undefined,
      expiresAt: typeof p.exp === 'number' ? p.exp : undefined,
      issuer: typeof p.iss === 'string' ? p.iss : undefined,
    };
  } catch {
    return undefined;
  }
}

/**
 * Why a token cannot sign `userId` in now: past its expiry, or another user's. Undefined when
 * it can (as far as it says: a claim it lacks is not held against it); no `userId`, no user check.
 */
export function tokenProblem(info: TokenInfo, userId: string | undefined, nowSec: number): 'expired' | 'otherUser' | undefined {
  if (info.expiresAt !== undefined && info.expiresAt <= nowSec) return 'expired';
  if (userId !== undefined && info.userId !== undefined && info.userId !== userId) return 'otherUser';
  return undefined;
}
