import { describe, expect, it } from 'vitest';
import { FRAME_SAMPLES, SAMPLE_RATE, ToneGenerator, rms, type ToneMode } from './tones.js';

function render(mode: ToneMode, seconds: number): Int16Array[] {
  const g = new ToneGenerator();
  g.setMode(mode);
  return Array.from({ length: Math.round((seconds * SAMPLE_RATE) / FRAME_SAMPLES) }, () => g.next());
}

/** Dominant frequency estimated from zero crossings of consecutive frames. */
function zeroCrossingHz(frames: Int16Array[]): number {
  let crossings = 0;
  let prev = 0;
  let n = 0;
  for (const f of frames) {
    for (const s of f) {
      if ((prev < 0 && s >= 0) || (prev >= 0 && s < 0)) crossings++;
      prev = s;
      n++;
    }
  }
  return crossings / 2 / (n / SAMPLE_RATE);
}

describe('ToneGenerator', () => {
  it('produces 10 ms frames', () => {
    expect(new ToneGenerator().next()).toHaveLength(480);
  });

  it.each([
    ['silence', 0, 5, false],
    ['ringback', 0, 1, true], // 1 s of 425 Hz …
    ['ringback', 1, 5, false], // … then 4 s of silence
    ['ringback', 5, 6, true], // and again
    ['hold', 0, 2, true],
  ] as const)('%s from %d s to %d s is audible: %s', (mode, from, to, audible) => {
    const frames = render(mode, to).slice(from * 100);
    const loud = frames.filter((f) => rms(f) > 0.01).length;
    if (audible) expect(loud).toBe(frames.length);
    else expect(loud).toBe(0);
  });

  it('rings back at 425 Hz', () => {
    expect(zeroCrossingHz(render('ringback', 1))).toBeCloseTo(425, -1);
  });

  it('sounds voice-like after answer: mostly audible, with pauses, not a steady tone', () => {
    const levels = render('voice', 3).map(rms);
    const audible = levels.filter((l) => l > 0.01).length;
    expect(audible).toBeGreaterThan(200);
    expect(audible).toBeLessThan(300);
    expect(Math.max(...levels) / Math.min(...levels.filter((l) => l > 0))).toBeGreaterThan(3);
  });

  it('restarts the pattern when the mode changes', () => {
    const g = new ToneGenerator();
    g.setMode('ringback');
    for (let i = 0; i < 150; i++) g.next(); // 1.5 s: in the silent part
    expect(rms(g.next())).toBe(0);
    g.setMode('voice');
    g.setMode('ringback');
    expect(rms(g.next())).toBeGreaterThan(0.1);
    expect(g.getMode()).toBe('ringback');
  });
});
