import { mergeFetched, type HotlineEntry } from '../call/hotline-list';
import type { Hotline } from '../call/types';
import { hotlinesItem } from './items';

/**
 * A fetched number list merged into the stored hotlines, keeping the user's edits. Read at the
 * last moment: the user may have edited an entry while the list was on its way.
 */
export async function storeFetchedHotlines(fetched: readonly Hotline[]): Promise<HotlineEntry[]> {
  const current = await hotlinesItem.getValue();
  const entries = mergeFetched(current.entries, fetched);
  await hotlinesItem.setValue({ entries, fetchedAt: Date.now() });
  return entries;
}
