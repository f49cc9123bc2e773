import { failureText } from '@/utils/account/connection-test';
import { fetchNumberList } from '@/utils/account/hotline-source';
import { storeFetchedHotlines } from '@/utils/account/hotline-store';
import { accountItem, hotlinesItem } from '@/utils/account/items';
import { activeHotlines } from '@/utils/call/hotline-list';
import type { Hotline } from '@/utils/call/types';

const MAX_AGE_MS = 10 * 60_000;

/**
 * The hotlines calls may use: the user's switched-on entries, refreshed from the account's
 * number list (Stringee's with an API key, or the company's) when stale. Hotlines entered by
 * hand need no refresh.
 */
export async function getHotlines(refresh = false): Promise<{ hotlines: Hotline[]; error?: string }> {
  const stored = await hotlinesItem.getValue();
  const account = await accountItem.getValue();
  const stale = Date.now() - stored.fetchedAt > MAX_AGE_MS;
  if (!account || (!refresh && !stale)) return { hotlines: activeHotlines(stored.entries) };
  const res = await fetchNumberList(account);
  if (!res) return { hotlines: activeHotlines(stored.entries) };
  if (!res.ok) {
    // Keep calling from the last known list rather than from nothing.
    return { hotlines: activeHotlines(stored.entries), error: failureText(res) };
  }
  return { hotlines: activeHotlines(await storeFetchedHotlines(res.hotlines)) };
}
