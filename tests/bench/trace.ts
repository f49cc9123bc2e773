/**
 * Reading a Chromium trace (CDP Tracing, `devtools.timeline` and `toplevel` categories) for the
 * benchmark: which top-level tasks of the page's renderer main thread ran our content script,
 * how long each took in all (layout, style and paint inside it included), and what took the
 * time. Pure: no browser or Node APIs, so it is unit-tested on hand-made traces.
 */

/** One trace event as Chromium writes it (the fields read here). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs, when thread ticks were recorded. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** A frame of a stack trace the timeline records (forced layout, style, timers). */
interface StackFrame {
  url?: string;
  functionName?: string;
  lineNumber?: number;
}

/** An event with its extent on one thread, and the events inside it. */
export interface Span {
  name: string;
  start: number;
  end: number;
  /** CPU time of the thread in it (µs), when recorded. */
  cpu?: number;
  args: Record<string, unknown>;
  children: Span[];
}

export interface TaskReport {
  /** Task start and duration, in ms (start on the trace's clock). */
  startMs: number;
  durationMs: number;
  /**
   * The main thread's CPU time in the task, when the trace has it: far below the duration means
   * the thread was descheduled (a shared machine), not working.
   */
  cpuMs?: number;
  /** Time inside events of ours (our script and what it forced synchronously), ms. */
  oursMs: number;
  /** Self time by event name over the whole task, largest first, ms. */
  top: { name: string; ms: number }[];
  /** Where the longest layout or style recalculation inside our script was forced from. */
  forcedBy?: string;
}

export interface TraceReport {
  /** Tasks of the page's main thread that contain any event of ours, in time order. */
  tasks: TaskReport[];
  /** The longest of them, if any. */
  longest?: TaskReport;
  /** Sum of `oursMs` over all our tasks. */
  oursMs: number;
}

/** Names of the top-level task events (older and newer Chromium). */
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);
/** Layout and style work: counts as ours when our script forced it (it is inside our event). */
const LAYOUT_NAMES = new Set(['Layout', 'UpdateLayoutTree', 'RecalculateStyles', 'RecalcStyle']);

/** The renderer main thread (pid, tid) that committed `pageUrl`, else the one running most of our events. */
export function mainThreadOf(events: TraceEvent[], pageUrl: string, ourPrefix: string): { pid: number; tid: number } | undefined {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args?.name as string | undefined) === 'CrRendererMain');
  const byPid = new Map(mains.map((e) => [e.pid, e.tid]));
  const committed = new Set<number>();
  for (const e of events) {
    const data = e.args?.data as Record<string, unknown> | undefined;
    if (!data) continue;
    if (e.name === 'FrameCommittedInBrowser' && data.url === pageUrl && typeof data.processId === 'number') committed.add(data.processId);
    if (e.name === 'TracingStartedInBrowser' && Array.isArray(data.frames))
      for (const f of data.frames as { url?: string; processId?: number }[]) if (f.url === pageUrl && typeof f.processId === 'number') committed.add(f.processId);
    if (e.name === 'CommitLoad' && data.url === pageUrl && data.isMainFrame === true) committed.add(e.pid);
  }
  // The last renderer that committed the page is the one that shows it (navigations can swap).
  const pids = [...committed].filter((p) => byPid.has(p));
  if (pids.length) {
    const pid = pids[pids.length - 1]!;
    return { pid, tid: byPid.get(pid)! };
  }
  const counts = new Map<string, number>();
  for (const e of events) if (isOurs(e.name, e.args ?? {}, ourPrefix) && byPid.get(e.pid) === e.tid) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!best) return undefined;
  const [pid, tid] = best[0].split(':').map(Number) as [number, number];
  return { pid, tid };
}

/** Complete ('X') and begin/end ('B'/'E') events of one thread as a forest of spans. */
export function spansOf(events: TraceEvent[], pid: number, tid: number): Span[] {
  const flat: Span[] = [];
  const open = new Map<string, Span[]>();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X') {
      const span: Span = { name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0), args: e.args ?? {}, children: [] };
      if (e.tdur !== undefined) span.cpu = e.tdur;
      flat.push(span);
    }
    else if (e.ph === 'B') {
      const s: Span = { name: e.name, start: e.ts, end: Infinity, args: e.args ?? {}, children: [] };
      const list = open.get(e.name) ?? [];
      list.push(s);
      open.set(e.name, list);
      flat.push(s);
    } else if (e.ph === 'E') {
      const s = open.get(e.name)?.pop();
      if (s) {
        s.end = e.ts;
        // End args (Layout's endData) go with the begin ones.
        if (e.args) Object.assign(s.args, e.args);
      }
    }
  }
  // Unclosed events (the trace stopped inside them) are dropped.
  const closed = flat.filter((s) => Number.isFinite(s.end));
  // Outer first: earlier start, then longer.
  closed.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Span[] = [];
  const stack: Span[] = [];
  for (const s of closed) {
    while (stack.length && stack[stack.length - 1]!.end < s.end) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && s.start >= parent.start && s.end <= parent.end) parent.children.push(s);
    else roots.push(s);
    stack.push(s);
  }
  return roots;
}

/** URLs an event names: the script it runs, compiles or was scheduled from. */
function urlsOf(args: Record<string, unknown>): string[] {
  const out: string[] = [];
  const take = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
  };
  const frames = (v: unknown): void => {
    if (Array.isArray(v)) for (const f of v as StackFrame[]) take(f?.url);
  };
  for (const key of ['data', 'beginData']) {
    const d = args[key] as Record<string, unknown> | undefined;
    if (!d || typeof d !== 'object') continue;
    take(d.url);
    take(d.fileName);
    frames(d.stackTrace);
  }
  take(args.fileName);
  take(args.url);
  frames(args.stackTrace);
  return out;
}

/** An event of ours: it names our script (FunctionCall, EvaluateScript, v8.compile, a callback's stack). */
export function isOurs(name: string, args: Record<string, unknown>, ourPrefix: string): boolean {
  void name;
  return urlsOf(args).some((u) => u.startsWith(ourPrefix));
}

function topFrame(args: Record<string, unknown>): string | undefined {
  const d = (args.beginData ?? args.data) as { stackTrace?: StackFrame[] } | undefined;
  const f = d?.stackTrace?.[0];
  if (!f) return undefined;
  const file = (f.url ?? '').split('/').pop();
  return `${f.functionName || '(anonymous)'} ${file}:${(f.lineNumber ?? 0) + 1}`;
}

/**
 * Top-level tasks: the outermost task events on the thread. A span that is not a task itself
 * but stands outside any (the trace started inside a task) is left out.
 */
function tasksOf(roots: Span[]): Span[] {
  const out: Span[] = [];
  const visit = (s: Span): void => {
    if (TASK_NAMES.has(s.name)) out.push(s);
    else s.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

/** Our time inside a task: the outermost events of ours (what they call and force included). */
function oursIn(s: Span, prefix: string): { us: number; forced: Span[] } {
  if (isOurs(s.name, s.args, prefix)) {
    const forced: Span[] = [];
    const collect = (x: Span): void => {
      if (LAYOUT_NAMES.has(x.name)) forced.push(x);
      x.children.forEach(collect);
    };
    s.children.forEach(collect);
    return { us: s.end - s.start, forced };
  }
  let us = 0;
  const forced: Span[] = [];
  for (const c of s.children) {
    const r = oursIn(c, prefix);
    us += r.us;
    forced.push(...r.forced);
  }
  return { us, forced };
}

function selfTimes(s: Span, into: Map<string, number>): void {
  const inner = s.children.reduce((t, c) => t + (c.end - c.start), 0);
  into.set(s.name, (into.get(s.name) ?? 0) + Math.max(0, s.end - s.start - inner));
  for (const c of s.children) selfTimes(c, into);
}

/**
 * The tasks of the page's main thread that ran any event of ours, or (`ourSamples`) in which
 * the CPU profiler caught our code on the stack (microtasks carry no script URL). A task counts whole: layout,
 * style and paint in it are ours too (a frame in which our animation-frame callback ran is the
 * frame that paints our highlight changes; a forced layout inside our script is ours).
 */
export function analyzeTrace(
  events: TraceEvent[],
  opts: { pageUrl: string; ourPrefix: string; thread?: { pid: number; tid: number }; ourSamples?: number[]; sampleUs?: number },
): TraceReport {
  const thread = opts.thread ?? mainThreadOf(events, opts.pageUrl, opts.ourPrefix);
  if (!thread) return { tasks: [], oursMs: 0 };
  const tasks: TaskReport[] = [];
  const samples = [...(opts.ourSamples ?? [])].sort((a, b) => a - b);
  for (const t of tasksOf(spansOf(events, thread.pid, thread.tid))) {
    const { us, forced } = oursIn(t, opts.ourPrefix);
    const sampled = countWithin(samples, t.start, t.end) * (opts.sampleUs ?? 250);
    if (us <= 0 && !hasOurs(t, opts.ourPrefix) && !sampled) continue;
    const self = new Map<string, number>();
    selfTimes(t, self);
    // The task events' own time is work no nested event names ("(task)").
    const untraced = [...self].filter(([n]) => TASK_NAMES.has(n)).reduce((a, [, v]) => a + v, 0);
    const top = [...[...self].filter(([n]) => !TASK_NAMES.has(n)), ['(task)', untraced] as [string, number]]
      .map(([name, v]) => ({ name, ms: v / 1000 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
    const worst = forced.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    // Our time: the events naming our script, or the profiler's samples where it saw more.
    const report: TaskReport = { startMs: t.start / 1000, durationMs: (t.end - t.start) / 1000, oursMs: Math.max(us, sampled) / 1000, top };
    if (t.cpu !== undefined) report.cpuMs = t.cpu / 1000;
    const by = worst && topFrame(worst.args);
    if (by) report.forcedBy = `${worst.name} ${((worst.end - worst.start) / 1000).toFixed(1)} ms from ${by}`;
    tasks.push(report);
  }
  const longest = tasks.reduce<TaskReport | undefined>((a, b) => (!a || b.durationMs > a.durationMs ? b : a), undefined);
  return { tasks, longest, oursMs: tasks.reduce((s, t) => s + t.oursMs, 0) };
}

/** How many of the sorted `times` are in [start, end]. */
function countWithin(times: number[], start: number, end: number): number {
  const first = (v: number, strict: boolean): number => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (strict ? times[m]! <= v : times[m]! < v) lo = m + 1;
      else hi = m;
    }
    return lo;
  };
  return first(end, true) - first(start, false);
}

function hasOurs(s: Span, prefix: string): boolean {
  return isOurs(s.name, s.args, prefix) || s.children.some((c) => hasOurs(c, prefix));
}

/** "Layout 300.1, Paint 20.0" for the report. */
export const describeTop = (t: TaskReport): string => t.top.map((x) => `${x.name} ${x.ms.toFixed(1)}`).join(', ');

/**
 * Milliseconds V8 spent compiling our scripts before they ran (v8.compile events naming them).
 * A CPU profiler puts that time under "(program)", on no stack of ours, so the bench adds it
 * to the profiler's time of ours.
 */
export function compileMs(events: TraceEvent[], ourPrefix: string): number {
  let us = 0;
  for (const e of events) if (e.name === 'v8.compile' && e.ph === 'X' && isOurs(e.name, e.args ?? {}, ourPrefix)) us += e.dur ?? 0;
  return us / 1000;
}
