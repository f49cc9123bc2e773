import { hotlinesFromNumberList } from '@/utils/call/number-list';
import type { Hotline } from '@/utils/call/types';
import { accountItem, hotlinesItem } from '@/utils/settings/items';

const MAX_AGE_MS = 10 * 60_000;

/** The project's hotlines, from storage, refreshed from the account's number list when stale. */
export async function getHotlines(refresh = false): Promise<{ hotlines: Hotline[]; error?: string }> {
  const stored = await hotlinesItem.getValue();
  const account = await accountItem.getValue();
  const stale = Date.now() - stored.fetchedAt > MAX_AGE_MS;
  if (!account?.numbersUrl || (!refresh && !stale && stored.list.length > 0)) {
    return { hotlines: stored.list };
  }
  try {
    const res = await fetch(account.numbersUrl, { cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const list = hotlinesFromNumberList(await res.json());
    await hotlinesItem.setValue({ list, fetchedAt: Date.now() });
    return { hotlines: list };
  } catch (e) {
    // Keep calling from the last known list rather than from nothing.
    return { hotlines: stored.list, error: (e as Error).message };
  }
}
