// PCM signals the simulated phone plays: Vietnamese ringback before answer, a voice-like signal
// after it, a small tune while the agent holds the call. 10 ms mono frames at 48 kHz.

export const SAMPLE_RATE = 48_000;
export const FRAME_SAMPLES = 480;

export type ToneMode = 'silence' | 'ringback' | 'voice' | 'hold';

const TWO_PI = 2 * Math.PI;
const RINGBACK_HZ = 425; // Vietnam's ringback: 425 Hz, 1 s on, 4 s off
const HOLD_NOTES_HZ = [523.25, 659.25, 783.99, 659.25]; // C5 E5 G5 E5, 400 ms each

export class ToneGenerator {
  private mode: ToneMode = 'silence';
  /** Samples since the current mode started, so each pattern starts at its beginning. */
  private t = 0;
  private phase = 0;

  setMode(mode: ToneMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.t = 0;
    this.phase = 0;
  }

  getMode(): ToneMode {
    return this.mode;
  }

  /** Fills one frame (FRAME_SAMPLES) and advances time. */
  next(out: Int16Array = new Int16Array(FRAME_SAMPLES)): Int16Array {
    for (let i = 0; i < out.length; i++) {
      out[i] = Math.round(this.sample() * 32767);
      this.t++;
    }
    return out;
  }

  private sample(): number {
    const sec = this.t / SAMPLE_RATE;
    switch (this.mode) {
      case 'silence':
        return 0;
      case 'ringback':
        return sec % 5 < 1 ? 0.3 * Math.sin((TWO_PI * RINGBACK_HZ * this.t) / SAMPLE_RATE) : 0;
      case 'hold': {
        const note = HOLD_NOTES_HZ[Math.floor(sec / 0.4) % HOLD_NOTES_HZ.length]!;
        this.phase += (TWO_PI * note) / SAMPLE_RATE;
        return 0.2 * Math.sin(this.phase);
      }
      case 'voice':
        return this.voice(sec);
    }
  }

  /**
   * A buzzy glottal-like source (a few harmonics of a wavering pitch) shaped into ~4 syllables per
   * second, with a pause every 3 s: clearly not a tone, so a listener can tell "answered" apart.
   */
  private voice(sec: number): number {
    const inPause = sec % 3 > 2.3;
    if (inPause) return 0;
    const f0 = 130 + 25 * Math.sin(TWO_PI * 0.7 * sec) + 10 * Math.sin(TWO_PI * 3.1 * sec);
    this.phase += (TWO_PI * f0) / SAMPLE_RATE;
    const src = Math.sin(this.phase) + 0.6 * Math.sin(2 * this.phase) + 0.4 * Math.sin(3 * this.phase) + 0.25 * Math.sin(5 * this.phase);
    const syllable = 0.2 + 0.8 * Math.abs(Math.sin(TWO_PI * 2 * sec)) ** 0.6;
    return 0.12 * src * syllable;
  }
}

/** Root mean square of a frame, 0..1; used by tests and for debugging. */
export function rms(frame: Int16Array): number {
  let sum = 0;
  for (const s of frame) sum += (s / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, frame.length));
}
