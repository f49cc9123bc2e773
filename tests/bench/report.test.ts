import { describe, expect, it } from 'vitest';
import { attribute, median, type CpuProfile } from './report';

describe('median', () => {
  it.each([
    [[], Number.NaN],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 1, 1], 1],
  ])('%j → %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('attribute', () => {
  // root → page.js → ours.js → (native); root → idle
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { url: '', functionName: '(root)' }, children: [2, 4] },
      { id: 2, callFrame: { url: 'http://page/page.js', functionName: 'f' }, children: [3] },
      { id: 3, callFrame: { url: 'chrome-extension://x/content-scripts/content.js', functionName: 'g' }, children: [5] },
      { id: 4, callFrame: { url: '', functionName: '(idle)' } },
      { id: 5, callFrame: { url: '', functionName: 'getClientRects' } },
    ],
    startTime: 0,
    endTime: 0,
    samples: [2, 3, 5, 5, 4, 3, 2],
    timeDeltas: [0, 250, 250, 250, 250, 250, 5000],
  };

  it('counts samples with our script anywhere on the stack, and the longest run of them', () => {
    const a = attribute(profile, 'chrome-extension://x/content-scripts/');
    // samples 1-3 (ours, then a DOM call from ours), sample 5 (ours) lasts until a gap capped at 2 ms
    expect(a.totalMs).toBeCloseTo(0.75 + 2);
    expect(a.longestRunMs).toBeCloseTo(2);
  });
});
