import type { Hotline } from '../call/types';
import { listedEntry, type HotlineEntry } from '../call/hotline-list';
import { STRINGEE_SERVERS, type Account, type Sealed } from './types';

/** Settings v1 (before Stringee's own servers became the default and secrets were sealed). */
export interface AccountV1 {
  serverAddrs: string[];
  userId: string;
  tokenUrl: string | undefined;
  token: string | undefined;
  numbersUrl: string | undefined;
}

const isV2 = (v: unknown): v is Account => typeof v === 'object' && v !== null && 'tokens' in v;

/**
 * v1 → v2. A value already in the v2 shape passes unchanged: storage written without the
 * version marker (by hand, by an older test) must not be migrated twice.
 */
export async function accountV1toV2(old: unknown, seal: (secret: string) => Promise<Sealed>): Promise<Account | null> {
  if (old == null) return null;
  if (isV2(old)) return old;
  const v1 = old as Partial<AccountV1>;
  const servers = (v1.serverAddrs ?? []).filter((s) => typeof s === 'string' && s.trim());
  const stringee = servers.length > 0 && servers.every((s) => STRINGEE_SERVERS.includes(s));
  const base = {
    userId: v1.userId ?? '',
    ...(servers.length && !stringee ? { customServers: servers } : {}),
    ...(v1.numbersUrl ? { numbersUrl: v1.numbersUrl } : {}),
  };
  if (v1.tokenUrl) return { ...base, tokens: { kind: 'url', url: v1.tokenUrl } };
  if (v1.token) return { ...base, tokens: { kind: 'pasted', token: await seal(v1.token) } };
  // v1 could not be saved without one of the two: nothing usable to keep.
  return null;
}

export interface HotlinesV1 {
  list: Hotline[];
  fetchedAt: number;
}
export interface HotlinesV2 {
  entries: HotlineEntry[];
  fetchedAt: number;
}

/** v1 → v2: the fetched list becomes the user's entries, all switched on. */
export function hotlinesV1toV2(old: unknown): HotlinesV2 {
  if (typeof old === 'object' && old !== null && Array.isArray((old as HotlinesV2).entries)) return old as HotlinesV2;
  const v1 = (old ?? {}) as Partial<HotlinesV1>;
  // v1 lists may lack the telco text.
  const entries = (v1.list ?? []).map((h) => listedEntry({ ...h, telco: h.telco ?? '' }));
  return { entries, fetchedAt: v1.fetchedAt ?? 0 };
}
