import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addRecent, clearRecents, recentsItem, withRecent } from './store';
import type { RecentCall } from './types';

const call = (id: string, startedAt: number): RecentCall => ({
  id,
  startedAt,
  direction: 'outgoing',
  mode: 'callout',
  target: '84912345678',
  hotline: '842471001234',
  durationSec: 0,
  result: 'busy',
});

describe('recents store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the newest first, replaces an entry with the same id, caps the list', () => {
    let list: RecentCall[] = [];
    list = withRecent(list, call('a', 1));
    list = withRecent(list, call('c', 3));
    list = withRecent(list, call('b', 2));
    expect(list.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    list = withRecent(list, { ...call('b', 2), result: 'answered' });
    expect(list.map((r) => `${r.id}:${r.result}`)).toEqual(['c:busy', 'b:answered', 'a:busy']);
    expect(withRecent(list, call('d', 4), 2).map((r) => r.id)).toEqual(['d', 'c']);
  });

  it('adds and clears in storage; the cap is 1000', async () => {
    await Promise.all(Array.from({ length: 1003 }, (_, i) => addRecent(call(`id${i}`, i))));
    const list = await recentsItem.getValue();
    expect(list).toHaveLength(1000);
    expect(list[0]!.id).toBe('id1002');
    await clearRecents();
    expect(await recentsItem.getValue()).toEqual([]);
  });
});
