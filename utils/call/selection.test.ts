import { describe, expect, it } from 'vitest';
import { decideMode } from './mode-rules';
import { DRAFT_TTL_MS, freshDraft, selectionOrder, type DialDraft } from './selection';
import { classifyTarget } from './target';

describe('selectionOrder: what a selection on a page becomes', () => {
  // The order, then what the one mode rule (mode-rules.ts) says about it, as placeCall applies it.
  it.each<[string, string, 'callout' | 'voice', string]>([
    ['0912 345 678', '0912 345 678', 'callout', 'ok'],
    ['  0912.345.678\n', '0912.345.678', 'callout', 'ok'],
    ['+84 912 345 678', '+84 912 345 678', 'callout', 'ok'],
    ['028 3822 1234', '028 3822 1234', 'callout', 'ok'],
    ['103', '103', 'voice', 'ok'], // an extension: Free voice call
    ['agent2', 'agent2', 'voice', 'ok'], // a Stringee user id
    ['1900 1234', '1900 1234', 'callout', 'premiumNeedsConfirm'],
    ['', '', 'callout', 'empty'],
    [' \n\t', '', 'callout', 'empty'],
    ['gọi lại sau', 'gọi lại sau', 'callout', 'invalidNumber'],
    ['12345678901234567', '12345678901234567', 'callout', 'invalidNumber'],
    ['Ngày 12/03/2024', 'Ngày 12/03/2024', 'callout', 'invalidNumber'],
  ])('%j → %j by %s (%s)', (text, target, mode, verdict) => {
    const order = selectionOrder(text);
    expect(order).toEqual({ target, mode });
    const decision = decideMode(order.mode, classifyTarget(order.target));
    expect(decision.ok ? 'ok' : decision.refusal).toBe(verdict);
  });
});

describe('freshDraft', () => {
  const draft: DialDraft = { text: 'abc', mode: 'callout', error: 'invalidNumber', at: 1_000_000 };
  it.each<[string, DialDraft | null, number, boolean]>([
    ['none', null, 1_000_000, false],
    ['just written', draft, 1_000_000, true],
    ['a minute old', draft, 1_060_000, true],
    ['at the limit', draft, 1_000_000 + DRAFT_TTL_MS, true],
    ['past the limit', draft, 1_000_001 + DRAFT_TTL_MS, false],
    ['from the future (clock moved back)', draft, 999_000, false],
  ])('%s → %s', (_, d, now, fresh) => {
    expect(freshDraft(d, now)).toBe(fresh ? d : null);
  });
});
