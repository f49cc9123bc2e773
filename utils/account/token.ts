import { describeToken, signAccessToken, tokenProblem } from './jwt';
import { SecretLostError, unseal } from './secret-box';
import type { TokenError } from './token-errors';
import type { Account } from './types';

export type TokenResult =
  | { ok: true; token: string; expiresAt: number | undefined }
  | { ok: false; error: TokenError; detail: string };

const fail = (error: TokenError, detail: string): TokenResult => ({ ok: false, error, detail });

/**
 * An access token for the account's user, from wherever the account gets them. `fetchImpl`
 * is the page's or worker's fetch (tests pass their own).
 */
export async function obtainToken(account: Account, fetchImpl: typeof fetch = fetch, nowSec = Date.now() / 1000): Promise<TokenResult> {
  const src = account.tokens;
  let token: string;
  try {
    if (src.kind === 'apiKey') {
      token = await signAccessToken({ sid: src.sid, secret: await unseal(src.secret) }, account.userId, nowSec);
    } else if (src.kind === 'pasted') {
      token = await unseal(src.token);
    } else {
      const got = await fromUrl(src.url, account.userId, fetchImpl);
      if (!got.ok) return got;
      token = got.token;
    }
  } catch (e) {
    if (e instanceof SecretLostError) return fail('secretLost', e.message);
    throw e;
  }
  const info = describeToken(token);
  if (!info) return fail('notJwt', '');
  const problem = tokenProblem(info, account.userId, nowSec);
  if (problem === 'expired') return fail('expired', new Date(info.expiresAt! * 1000).toISOString());
  if (problem === 'otherUser') return fail('otherUser', info.userId!);
  return { ok: true, token, expiresAt: info.expiresAt };
}

async function fromUrl(url: string, userId: string, fetchImpl: typeof fetch): Promise<{ ok: true; token: string } | Extract<TokenResult, { ok: false }>> {
  const u = new URL(url);
  u.searchParams.set('userId', userId);
  let res: Response;
  try {
    res = await fetchImpl(u, { cache: 'no-store', credentials: 'omit' });
  } catch (e) {
    return { ok: false, error: 'network', detail: `${u.origin}: ${(e as Error).message}` };
  }
  if (!res.ok) return { ok: false, error: 'http', detail: `HTTP ${res.status}` };
  let body: { token?: unknown; access_token?: unknown };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    return { ok: false, error: 'noToken', detail: 'not JSON' };
  }
  const token = body?.token ?? body?.access_token;
  if (typeof token !== 'string' || !token) return { ok: false, error: 'noToken', detail: '' };
  return { ok: true, token };
}
