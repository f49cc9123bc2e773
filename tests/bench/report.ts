/**
 * Pure parts of the benchmark (scripts/bench.ts): attributing a V8 CPU profile to the content
 * script, and printing the table. Kept free of browser and Node APIs so they can be unit-tested.
 */

/** The parts of a CDP `Profiler.Profile` the bench reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Attribution {
  /** Milliseconds of samples with a frame of `url` anywhere on the stack. */
  totalMs: number;
  /** The longest run of consecutive such samples: a lower bound on our longest single task. */
  longestRunMs: number;
  /** Milliseconds sampled in all (for the share). */
  profiledMs: number;
}

/** Whether a profile node runs (or is called from) a script whose URL starts with `urlPrefix`. */
function ourNodes(profile: CpuProfile, urlPrefix: string): (id: number) => boolean {
  const parent = new Map<number, number>();
  const byId = new Map<number, CpuProfile['nodes'][number]>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const memo = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const p = parent.get(id);
    const v = (byId.get(id)?.callFrame.url.startsWith(urlPrefix) ?? false) || (p !== undefined && isOurs(p));
    memo.set(id, v);
    return v;
  };
  return isOurs;
}

/**
 * Time spent in (or called from) scripts whose URL starts with `urlPrefix`. A sample counts as
 * ours when any frame on its stack is ours, so DOM and layout work our code calls synchronously
 * (TreeWalker, getClientRects, Range creation) is ours too; work the browser does later because
 * of us (style, paint of the highlights) and garbage collection are not on any JS stack and are
 * left to the with/without main-thread comparison. A sample lasts until the next one, at most
 * `maxSampleUs`: a longer gap means the renderer (or the sampler) was not running at all, e.g.
 * descheduled on a busy machine, and would otherwise count as a long run of ours.
 */
export function attribute(profile: CpuProfile, urlPrefix: string, maxSampleUs = 2_000): Attribution {
  const isOurs = ourNodes(profile, urlPrefix);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  let run = 0;
  let longest = 0;
  let all = 0;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the gap before sample i; the sample lasts until the next one.
    const us = Math.min(maxSampleUs, i + 1 < deltas.length ? deltas[i + 1]! : 0);
    all += us;
    if (isOurs(samples[i]!)) {
      total += us;
      run += us;
      longest = Math.max(longest, run);
    } else run = 0;
  }
  return { totalMs: total / 1000, longestRunMs: longest / 1000, profiledMs: all / 1000 };
}

/**
 * When each sample with a frame of `urlPrefix` on its stack was taken (µs, the profile's clock,
 * which is the trace's): the trace names no script for microtasks (a promise continuation of
 * ours), so these find the tasks they ran in.
 */
export function ourSampleTimes(profile: CpuProfile, urlPrefix: string): number[] {
  const isOurs = ourNodes(profile, urlPrefix);
  const out: number[] = [];
  let t = profile.startTime;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    if (isOurs(samples[i]!)) out.push(t);
  }
  return out;
}

export const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: number[]): number {
  if (!values.length) return Number.NaN;
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

export function fmt(v: number | undefined, digits = 1): string {
  if (v === undefined || Number.isNaN(v)) return '–';
  return v.toFixed(digits);
}

/** A plain-text table: first row is the header; columns after the first are right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Goal check for the summary: "ok" or "OVER". */
export const verdict = (value: number | undefined, goal: number): string =>
  value === undefined || Number.isNaN(value) ? '?' : value < goal ? 'ok' : 'OVER';
