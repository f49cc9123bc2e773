import { hotlinesFromNumberList } from '../call/number-list';
import type { Hotline } from '../call/types';
import { signRestToken } from './jwt';
import { SecretLostError, unseal } from './secret-box';
import { restBaseOf, type Account } from './types';

/** Where the account's hotlines come from: Stringee's number list, the company's, or by hand. */
export type HotlineSourceKind = 'stringee' | 'url' | 'manual';

export function hotlineSourceOf(a: Account): HotlineSourceKind {
  if (a.tokens.kind === 'apiKey') return 'stringee';
  return a.numbersUrl ? 'url' : 'manual';
}

export type NumberListError =
  | 'network' // not reached
  | 'http' // an error status without a Stringee reply
  | 'refused' // a Stringee reply with r ≠ 0 (a bad or foreign key, for one)
  | 'notList' // a reply that is not a number list
  | 'secretLost';

export type NumberListResult = { ok: true; hotlines: Hotline[] } | { ok: false; error: NumberListError; detail: string };

/** Stringee lists at most 100 numbers a page; more pages than this is not a hotline list. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/**
 * Fetches the account's number list, every page. Undefined for manual hotlines. With an API
 * key the request carries a REST token signed here (X-STRINGEE-AUTH, as Stringee's REST API
 * expects).
 */
export async function fetchNumberList(account: Account, fetchImpl: typeof fetch = fetch): Promise<NumberListResult | undefined> {
  const kind = hotlineSourceOf(account);
  if (kind === 'manual') return undefined;
  let headers: Record<string, string> = {};
  let base: URL;
  if (account.tokens.kind === 'apiKey') {
    try {
      const secret = await unseal(account.tokens.secret);
      headers = { 'X-STRINGEE-AUTH': await signRestToken({ sid: account.tokens.sid, secret }) };
    } catch (e) {
      if (e instanceof SecretLostError) return { ok: false, error: 'secretLost', detail: e.message };
      throw e;
    }
    base = new URL('v1/number', restBaseOf(account));
  } else {
    base = new URL(account.numbersUrl!);
  }
  const all: Hotline[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const url = new URL(base);
    url.searchParams.set('page', String(page));
    url.searchParams.set('limit', String(PAGE_SIZE));
    let res: Response;
    try {
      res = await fetchImpl(url, { headers, cache: 'no-store', credentials: 'omit' });
    } catch (e) {
      return { ok: false, error: 'network', detail: `${url.origin}: ${(e as Error).message}` };
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    const reply = body as { r?: unknown; message?: unknown; data?: { totalPages?: unknown } } | undefined;
    if (typeof reply?.r === 'number' && reply.r !== 0) {
      return { ok: false, error: 'refused', detail: `r=${reply.r}${typeof reply.message === 'string' ? ` ${reply.message}` : ''}` };
    }
    if (!res.ok) return { ok: false, error: 'http', detail: `HTTP ${res.status}` };
    try {
      for (const h of hotlinesFromNumberList(body)) if (!all.some((x) => x.number === h.number)) all.push(h);
    } catch (e) {
      return { ok: false, error: 'notList', detail: (e as Error).message };
    }
    const pages = typeof reply?.data?.totalPages === 'number' ? reply.data.totalPages : 1;
    if (page >= pages) break;
  }
  return { ok: true, hotlines: all };
}
