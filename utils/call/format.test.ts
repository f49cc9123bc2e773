import { describe, expect, it } from 'vitest';
import { displayNumber, formatDuration } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [61_000, '1:01'],
    [600_000, '10:00'],
    [3_723_000, '1:02:03'],
    [-5, '0:00'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('displayNumber', () => {
  it.each([
    ['84912345678', '0912 345 678'],
    ['842838221234', '028 3822 1234'],
    ['agent2', 'agent2'],
    ['103', '103'],
  ])('%s → %s', (n, text) => expect(displayNumber(n)).toBe(text));
});
