import { storage } from 'wxt/utils/storage';
import type { PortedNumber } from '../call/ported-numbers';
import { accountV1toV2, hotlinesV1toV2, type HotlinesV2 } from './migrations';
import { seal } from './secret-box';
import type { Account } from './types';

// Only the extension's own pages and the background import this module: its migrations seal
// secrets with the extension origin's key, and content scripts have no business here.

/** The Stringee account; storage.local only (never sync: it holds sealed secrets). */
export const accountItem = storage.defineItem<Account | null>('local:account', {
  fallback: null,
  version: 2,
  migrations: { 2: (old: unknown) => accountV1toV2(old, seal) },
});

/** The hotlines as the user manages them (hotline-list.ts), and when the list was fetched. */
export const hotlinesItem = storage.defineItem<HotlinesV2>('local:hotlines', {
  fallback: { entries: [], fetchedAt: 0 },
  version: 2,
  migrations: { 2: hotlinesV1toV2 },
});

/** Callee numbers ported to another network, for Adaptive number. */
export const portedNumbersItem = storage.defineItem<PortedNumber[]>('local:portedNumbers', {
  fallback: [],
  version: 1,
});
