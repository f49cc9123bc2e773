import { storage } from 'wxt/utils/storage';
import type { RecentCall } from './types';

export const RECENTS_CAP = 1000;

/** The call log, newest first, at most RECENTS_CAP entries. Migrations go beside `version`. */
export const recentsItem = storage.defineItem<RecentCall[]>('local:recents', {
  fallback: [],
  version: 1,
  migrations: {},
});

/** The list with one call added (or replaced, by id), newest first, capped. Pure. */
export function withRecent(list: readonly RecentCall[], call: RecentCall, cap = RECENTS_CAP): RecentCall[] {
  return [call, ...list.filter((r) => r.id !== call.id)]
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, cap);
}

let queue: Promise<unknown> = Promise.resolve();

export function addRecent(call: RecentCall): Promise<void> {
  const run = queue.then(async () => {
    const list = await recentsItem.getValue();
    await recentsItem.setValue(withRecent(Array.isArray(list) ? list : [], call));
  });
  queue = run.catch(() => undefined);
  return run;
}

export function clearRecents(): Promise<void> {
  const run = queue.then(() => recentsItem.setValue([]));
  queue = run.catch(() => undefined);
  return run;
}
