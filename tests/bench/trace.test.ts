import { describe, expect, it } from 'vitest';
import { analyzeTrace, compileMs, isOurs, mainThreadOf, spansOf, type TraceEvent } from './trace';

const OURS = 'chrome-extension://abc/content-scripts/content.js';
const PAGE = 'http://127.0.0.1:1/gen/bench-1.html';
const PID = 10;
const TID = 11;

/** A complete event on the page's main thread; times in ms, written in µs as Chromium does. */
const x = (name: string, startMs: number, durMs: number, args: Record<string, unknown> = {}, thread: [number, number] = [PID, TID]): TraceEvent => ({
  name,
  ph: 'X',
  ts: startMs * 1000,
  dur: durMs * 1000,
  pid: thread[0],
  tid: thread[1],
  args,
});
const call = (url: string): Record<string, unknown> => ({ data: { url, functionName: 'f' } });
const meta: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ts: 0, pid: PID, tid: TID, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, pid: 20, tid: 21, args: { name: 'CrRendererMain' } },
  { name: 'FrameCommittedInBrowser', ph: 'I', ts: 1, pid: 1, tid: 1, args: { data: { url: PAGE, processId: PID } } },
];
const analyze = (events: TraceEvent[]) => analyzeTrace([...meta, ...events], { pageUrl: PAGE, ourPrefix: OURS });

describe('isOurs', () => {
  it.each([
    ['a function call of ours', { data: { url: OURS } }, true],
    ['script evaluation of ours', { data: { url: OURS, frame: 'F' } }, true],
    ['compilation of ours (fileName)', { fileName: OURS }, true],
    ['a layout forced from our stack', { beginData: { stackTrace: [{ url: OURS, functionName: 'pass' }] } }, true],
    ['the page script', { data: { url: PAGE } }, false],
    ['another extension', { data: { url: 'chrome-extension://zzz/content-scripts/content.js' } }, false],
    ['no url at all', { data: { type: 'click' } }, false],
  ])('%s', (_, args, want) => expect(isOurs('FunctionCall', args, OURS)).toBe(want));
});

describe('spansOf', () => {
  it('nests complete and begin/end events by time, and keeps other threads out', () => {
    const events: TraceEvent[] = [
      x('RunTask', 0, 10),
      { name: 'Layout', ph: 'B', ts: 2000, pid: PID, tid: TID, args: { beginData: {} } },
      { name: 'Layout', ph: 'E', ts: 5000, pid: PID, tid: TID, args: { endData: {} } },
      x('FunctionCall', 6, 1),
      x('RunTask', 3, 1, {}, [20, 21]),
    ];
    const roots = spansOf(events, PID, TID);
    expect(roots.map((s) => s.name)).toEqual(['RunTask']);
    expect(roots[0]!.children.map((s) => [s.name, s.start, s.end])).toEqual([
      ['Layout', 2000, 5000],
      ['FunctionCall', 6000, 7000],
    ]);
  });
});

describe('mainThreadOf', () => {
  it('is the renderer that committed the page', () => {
    expect(mainThreadOf(meta, PAGE, OURS)).toEqual({ pid: PID, tid: TID });
  });
  it('without a commit, is the renderer main thread running our events', () => {
    const events = [...meta.slice(0, 2), x('FunctionCall', 1, 1, call(OURS), [20, 21])];
    expect(mainThreadOf(events, PAGE, OURS)).toEqual({ pid: 20, tid: 21 });
  });
});

describe('analyzeTrace', () => {
  const cases: { name: string; events: TraceEvent[]; tasks: number; longest?: number; ours?: number; top?: string; forcedBy?: RegExp }[] = [
    {
      name: 'an unrelated task is not ours',
      events: [x('RunTask', 0, 80), x('FunctionCall', 1, 70, call(PAGE))],
      tasks: 0,
    },
    {
      name: 'a task with our function call nested deep inside counts whole',
      events: [x('RunTask', 0, 30), x('TimerFire', 1, 20, { data: { timerId: 1 } }), x('FunctionCall', 2, 10, call(OURS)), x('Paint', 25, 4)],
      tasks: 1,
      longest: 30,
      ours: 10,
    },
    {
      name: 'a forced layout inside our call is ours, and named with the stack that forced it',
      events: [
        x('RunTask', 100, 60),
        x('FunctionCall', 100, 58, call(OURS)),
        x('Layout', 101, 50, { beginData: { stackTrace: [{ url: OURS, functionName: 'visit', lineNumber: 41 }] } }),
      ],
      tasks: 1,
      longest: 60,
      ours: 58,
      top: 'Layout 50.0',
      forcedBy: /^Layout 50\.0 ms from visit content\.js:42$/,
    },
    {
      name: 'a frame that ran our animation-frame callback counts with its paint',
      events: [x('RunTask', 0, 70), x('FireAnimationFrame', 1, 1), x('FunctionCall', 1, 0.5, call(OURS)), x('PrePaint', 10, 50), x('Paint', 60, 8)],
      tasks: 1,
      longest: 70,
      ours: 0.5,
      top: 'PrePaint 50.0',
    },
    {
      name: 'the longest of several tasks of ours; the page\'s longer task is left out',
      events: [
        x('RunTask', 0, 12),
        x('FunctionCall', 0, 11, call(OURS)),
        x('RunTask', 20, 300),
        x('ParseHTML', 20, 299),
        x('RunTask', 400, 45),
        x('EvaluateScript', 400, 44, { data: { url: OURS } }),
      ],
      tasks: 2,
      longest: 45,
      ours: 55,
    },
    {
      name: 'a task event inside a task is one task, not two',
      events: [x('ThreadControllerImpl::RunTask', 0, 20), x('RunTask', 0, 19), x('FunctionCall', 1, 5, call(OURS))],
      tasks: 1,
      longest: 20,
      ours: 5,
    },
    {
      name: 'time no nested event names shows as the task\'s own',
      events: [x('RunTask', 0, 40), x('FunctionCall', 0, 2, call(OURS))],
      tasks: 1,
      longest: 40,
      ours: 2,
      top: '(task) 38.0',
    },
    {
      name: 'events of ours on another renderer do not count',
      events: [x('RunTask', 0, 90, {}, [20, 21]), x('FunctionCall', 1, 80, call(OURS), [20, 21])],
      tasks: 0,
    },
  ];
  it.each(cases)('$name', ({ events, tasks, longest, ours, top, forcedBy }) => {
    const r = analyze(events);
    expect(r.tasks).toHaveLength(tasks);
    if (longest !== undefined) expect(r.longest?.durationMs).toBeCloseTo(longest, 6);
    if (ours !== undefined) expect(r.oursMs).toBeCloseTo(ours, 6);
    if (top !== undefined) expect(`${r.longest!.top[0]!.name} ${r.longest!.top[0]!.ms.toFixed(1)}`).toBe(top);
    if (forcedBy) expect(r.longest?.forcedBy).toMatch(forcedBy);
    else expect(r.longest?.forcedBy).toBeUndefined();
  });
});

describe('analyzeTrace with CPU-profiler samples of ours', () => {
  // A promise continuation of ours runs as a microtask: the trace names no script for it.
  const events = [x('RunTask', 0, 300), x('EventDispatch', 1, 4, { data: { type: 'DOMContentLoaded' } }), x('RunMicrotasks', 2, 3), x('Layout', 10, 280)];
  it.each([
    ['a sample inside the task makes it ours', [3_000], 1],
    ['two samples there', [3_000, 3_250], 1],
    ['a sample at its last microsecond too', [300_000], 1],
    ['samples outside it do not', [-1, 300_001, 900_000], 0],
    ['no samples', [], 0],
  ])('%s', (_, ourSamples, tasks) => {
    const r = analyzeTrace([...meta, ...events], { pageUrl: PAGE, ourPrefix: OURS, ourSamples });
    expect(r.tasks).toHaveLength(tasks);
    // Our time there: 250 µs a sample.
    expect(r.oursMs).toBeCloseTo(tasks ? ourSamples.length * 0.25 : 0, 6);
  });
});

describe('CPU time of a task', () => {
  it('is read from thread ticks, and absent without them', () => {
    const withTicks = { ...x('RunTask', 0, 100), tdur: 20_000 };
    expect(analyze([withTicks, x('FunctionCall', 1, 1, call(OURS))]).longest?.cpuMs).toBe(20);
    expect(analyze([x('RunTask', 0, 100), x('FunctionCall', 1, 1, call(OURS))]).longest?.cpuMs).toBeUndefined();
  });
});

describe('compileMs', () => {
  it("sums the compilation of our scripts only", () => {
    const ours = 'chrome-extension://x/content-scripts/';
    const ev = (name: string, url: string, dur: number): TraceEvent => ({ name, ph: 'X', ts: 0, dur, pid: 1, tid: 1, args: { data: { url } } });
    const events = [
      ev('v8.compile', `${ours}content.js`, 5_800),
      ev('v8.compile', `${ours}content-early.js`, 700),
      ev('v8.compile', 'http://127.0.0.1/page.js', 9_000),
      ev('EvaluateScript', `${ours}content.js`, 14_000),
    ];
    expect(compileMs(events, ours)).toBeCloseTo(6.5);
  });
});
