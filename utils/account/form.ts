import { lines } from '../settings/text-lines';
import { describeToken, tokenProblem } from './jwt';
import { urlProblem, type UrlProblem } from './urls';
import { STRINGEE_SERVERS, type Account, type Sealed, type TokenSourceKind } from './types';

/**
 * The account form as the user edits it. Secret fields start empty: a saved secret is never
 * shown again, and an empty field keeps it.
 */
export interface AccountForm {
  userId: string;
  tokenKind: TokenSourceKind;
  tokenUrl: string;
  /** A newly pasted token ('' keeps the saved one). */
  token: string;
  apiKeySid: string;
  /** A newly typed API key secret ('' keeps the saved one). */
  apiKeySecret: string;
  /** One WebSocket address per line; empty: Stringee's own servers. */
  servers: string;
  /** Empty: Stringee's own REST API. */
  restBase: string;
  numbersUrl: string;
}

export const EMPTY_FORM: AccountForm = {
  userId: '',
  tokenKind: 'url',
  tokenUrl: '',
  token: '',
  apiKeySid: '',
  apiKeySecret: '',
  servers: '',
  restBase: '',
  numbersUrl: '',
};

export type AccountProblem =
  | { field: 'userId'; problem: 'missing' | 'spaces' }
  | { field: 'tokenUrl' | 'restBase' | 'numbersUrl'; problem: 'missing' | UrlProblem; value: string }
  | { field: 'servers'; problem: UrlProblem; value: string }
  | { field: 'token'; problem: 'missing' | 'notJwt' | 'expired' | 'otherUser'; value?: string }
  | { field: 'apiKeySid'; problem: 'missing' | 'accountSid' | 'notSid'; value?: string }
  | { field: 'apiKeySecret'; problem: 'missing' };

/** The form of a saved account: secrets stay out of it. */
export function formOf(a: Account | null): AccountForm {
  if (!a) return EMPTY_FORM;
  return {
    ...EMPTY_FORM,
    userId: a.userId,
    tokenKind: a.tokens.kind,
    tokenUrl: a.tokens.kind === 'url' ? a.tokens.url : '',
    apiKeySid: a.tokens.kind === 'apiKey' ? a.tokens.sid : '',
    servers: (a.customServers ?? []).join('\n'),
    restBase: a.restBase ?? '',
    numbersUrl: a.numbersUrl ?? '',
  };
}

/** An empty secret field keeps the saved API key secret: only for the same key SID. */
export function keepsApiKeySecret(f: AccountForm, saved: Account | null): boolean {
  return saved?.tokens.kind === 'apiKey' && saved.tokens.sid === f.apiKeySid.trim();
}

/** Everything wrong with the form, in field order; empty when it can be saved. */
export function checkForm(f: AccountForm, saved: Account | null, nowSec = Date.now() / 1000): AccountProblem[] {
  const problems: AccountProblem[] = [];
  const userId = f.userId.trim();
  if (!userId) problems.push({ field: 'userId', problem: 'missing' });
  else if (/\s/.test(userId)) problems.push({ field: 'userId', problem: 'spaces' });

  if (f.tokenKind === 'url') {
    const url = f.tokenUrl.trim();
    const p = url ? urlProblem(url, 'http') : 'missing';
    if (p) problems.push({ field: 'tokenUrl', problem: p, value: url });
  } else if (f.tokenKind === 'pasted') {
    const token = f.token.trim();
    if (!token) {
      // An empty field keeps a saved pasted token.
      if (saved?.tokens.kind !== 'pasted') problems.push({ field: 'token', problem: 'missing' });
    } else {
      const info = describeToken(token);
      const problem = info && tokenProblem(info, userId || undefined, nowSec);
      if (!info) problems.push({ field: 'token', problem: 'notJwt' });
      else if (problem === 'expired') problems.push({ field: 'token', problem });
      else if (problem === 'otherUser') problems.push({ field: 'token', problem, value: info.userId! });
    }
  } else {
    const sid = f.apiKeySid.trim();
    if (!sid) problems.push({ field: 'apiKeySid', problem: 'missing' });
    // An Account SID signs REST calls but never an agent's access token.
    else if (/^AC/.test(sid)) problems.push({ field: 'apiKeySid', problem: 'accountSid', value: sid });
    else if (!/^SK\w{8,}$/.test(sid)) problems.push({ field: 'apiKeySid', problem: 'notSid', value: sid });
    if (!f.apiKeySecret.trim() && !keepsApiKeySecret(f, saved)) {
      problems.push({ field: 'apiKeySecret', problem: 'missing' });
    }
  }

  for (const addr of lines(f.servers)) {
    const p = urlProblem(addr, 'ws');
    if (p) problems.push({ field: 'servers', problem: p, value: addr });
  }
  for (const field of ['restBase', 'numbersUrl'] as const) {
    const v = f[field].trim();
    const p = v ? urlProblem(v, 'http') : undefined;
    if (p) problems.push({ field, problem: p, value: v });
  }
  return problems;
}

/**
 * The account to save from a checked form. New secrets are sealed; an empty secret field keeps
 * the saved one.
 */
export async function accountFromForm(f: AccountForm, saved: Account | null, seal: (s: string) => Promise<Sealed>): Promise<Account> {
  const userId = f.userId.trim();
  let tokens: Account['tokens'];
  if (f.tokenKind === 'url') tokens = { kind: 'url', url: f.tokenUrl.trim() };
  else if (f.tokenKind === 'pasted') {
    const t = f.token.trim();
    tokens = t ? { kind: 'pasted', token: await seal(t) } : (saved!.tokens as Extract<Account['tokens'], { kind: 'pasted' }>);
  } else {
    const sid = f.apiKeySid.trim();
    const s = f.apiKeySecret.trim();
    tokens = { kind: 'apiKey', sid, secret: s ? await seal(s) : (saved!.tokens as Extract<Account['tokens'], { kind: 'apiKey' }>).secret };
  }
  const servers = lines(f.servers);
  const custom = servers.length && !servers.every((s) => STRINGEE_SERVERS.includes(s)) ? servers : undefined;
  const restBase = f.restBase.trim();
  const numbersUrl = f.numbersUrl.trim();
  return {
    userId,
    tokens,
    ...(custom ? { customServers: custom } : {}),
    ...(restBase ? { restBase: restBase.endsWith('/') ? restBase : `${restBase}/` } : {}),
    ...(numbersUrl ? { numbersUrl } : {}),
  };
}
