// `npm run bench`: how much the content script costs on large pages, measured against baselines
// taken in the same run. Not a test: nothing here passes or fails, it prints figures.
//
//   unshare -n sh -c 'ip link set lo up; npx tsx scripts/bench.ts [--no-build] [--only=news|list|table|article|live] [--repeat=3]'
//
// Method (printed with the results too):
// - One Chromium with the built extension. Each page is loaded from 127.0.0.1 (detection on)
//   and from localhost (detection switched off for that host in our settings: "without"), one
//   after the other (never at once: the machine may have two cores only), each once untimed
//   first to warm up.
// - Content-script time: V8's compilation of our scripts (v8.compile in a trace of timeline
//   events only), plus the V8 CPU profiler (CDP Profiler, 250 µs sampling), which runs from
//   navigation until the marks settle; a sample counts as ours when any frame on its stack
//   belongs to one of our content scripts (content-scripts/content.js, content-early.js), so
//   DOM calls our code makes (TreeWalker, Range, getClientRects, forced layout) count as ours.
//   Work the browser does later because of us (repainting the highlights) is on no JS stack:
//   the main-thread total (CDP Performance.getMetrics TaskDuration) with detection on minus off
//   covers it, and is printed beside it; it carries the noise of two separate page loads.
// - Tasks of ours: one more load with detection on, and its scroll-through, are traced (CDP
//   Tracing, devtools.timeline); tests/bench/trace.ts finds the page's main-thread tasks that ran
//   any of our code and reports the longest, whole (its layout, style and paint included).
// - Baseline: in each load with detection off, a TreeWalker over the same document reading
//   every text node's data once: the first such pass, which meets each node for the first time
//   as our script does (timed with performance.now while the profiler samples, as it did our
//   code). Ratio = our time / that walk.
// - Repeats: each page is loaded --repeat=N (3) times each way, untraced; medians count. One
//   more load is traced (below): tracing slows our code, so its time of ours is not used.
// - The page's own script records long tasks (PerformanceObserver 'longtask') and the first
//   frame in which all numbers of the first viewport are marked (tests/bench/pages.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { articlePage, hugeTablePage, mutatingPage, plainPage } from '../tests/bench/pages';
import { attribute, fmt, median, ourSampleTimes, ratio, table, verdict, type Attribution, type CpuProfile } from '../tests/bench/report';
import { analyzeTrace, compileMs, describeTop, type TraceEvent, type TraceReport } from '../tests/bench/trace';
import { launchChromium } from '../tests/e2e/lib/chromium';
import { startPagesServer } from '../tests/e2e/lib/pages-server';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
const CONTENT_JS = path.join(EXTENSION_DIR, 'content-scripts/content.js');
const EARLY_JS = path.join(EXTENSION_DIR, 'content-early.js');
const MUTATE_WINDOW_MS = 5_000;

interface PageSpec {
  name: string;
  html: string;
  /** Numbers the page holds: the scan has settled when this many are marked. */
  numbers: number;
  /** For the mutating page: a steady-state window measured after the first scan. */
  steadyMs?: number;
  /**
   * A small page: its baseline walk is a fraction of a millisecond, so its ratio is the
   * content script's fixed start-up cost; it is there for the first viewport, and left out of
   * the ratio goal.
   */
  small?: boolean;
}

interface Metrics {
  task: number;
  script: number;
  layout: number;
  style: number;
}

interface Probe {
  dcl: number;
  firstMarked?: number;
  /** The page's first animation frame after DOMContentLoaded (its own first layout is done). */
  firstFrame?: number;
  /** The task right after that frame: the page's first layout and paint are done. */
  firstFrameDone?: number;
  registered?: number;
  firstHighlight?: number;
  firstViewportNumbers?: number;
  longTasks: { start: number; duration: number }[];
}

interface Run {
  elapsedMs: number;
  metrics: Metrics;
  probe: Probe;
  profile: CpuProfile;
  /** The load's trace (detection on only). */
  trace?: TraceEvent[];
  marked: number;
  steady?: { metrics: Metrics; profile: CpuProfile; observerMs?: number | undefined };
  /** After the load settled: jumps to 25, 50, 75 and 100 % of the page, each until its marks settle. */
  scroll?: { profile: CpuProfile; marked: number; elapsedMs: number; trace: TraceEvent[] };
  /** V8's compilation of our scripts (on no JS stack, so not in the profile). */
  compileMs?: number;
  /** The first walk of the page's text (the baseline). */
  baselineMs?: number;
  /** The median of the walks after it, which reuse the first one's wrappers. */
  warmWalkMs?: number;
  textNodes?: number;
}

/**
 * The trace categories DevTools' Performance panel records, less the CPU profiler's samples
 * (the CDP profiler already runs): top-level tasks, timeline events (script, timers, frames,
 * layout and style with the stack that forced them), V8's execution events.
 */
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'blink.user_timing',
  'loading',
];

async function startTrace(cdp: CDPSession, categories = TRACE_CATEGORIES): Promise<void> {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' } });
}

/** Ends tracing and reads the whole trace from its stream. */
async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const handle = await done;
  const chunks: string[] = [];
  for (;;) {
    const r = (await cdp.send('IO.read', { handle, size: 1 << 20 })) as { data: string; eof: boolean; base64Encoded?: boolean };
    chunks.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const json = JSON.parse(chunks.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(json) ? json : json.traceEvents;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (n: string): number => (list.find((m) => m.name === n)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
}

const minus = (a: Metrics, b: Metrics): Metrics => ({ task: a.task - b.task, script: a.script - b.script, layout: a.layout - b.layout, style: a.style - b.style });

function markCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).forEach((h, name) => {
      if (name.startsWith('stringee-c2c')) n += h.size;
    });
    return n;
  });
}

/**
 * Polls (the same way with detection on and off) until the marks stay put for `polls`
 * polls 150 ms apart, or `untilMs`. Numbers far from the screen are only detected when
 * scrolled near, so "settled" is the count standing still, not every number marked; the
 * 2 s wait of the load window leaves room for the walk that sets those blocks aside.
 */
async function settle(page: Page, start: number, untilMs: number, stopEarly: boolean, polls = 13): Promise<number> {
  let last = -1;
  let stable = 0;
  for (;;) {
    const now = await markCount(page);
    stable = now === last && now > 0 ? stable + 1 : 0;
    last = now;
    if ((stopEarly && stable >= polls) || Date.now() - start > untilMs) return now;
    await sleep(150);
  }
}

interface MeasureOptions {
  /** URL prefix of our content scripts. */
  ours: string;
  /** Detection off: run for this long (the time the run with detection on took), and walk. */
  mirrorMs?: number;
  /** Record a devtools.timeline trace of the load and the scroll-through (detection on). */
  trace?: boolean;
  /** Measure the page's steady state after the load (pages with `steadyMs`). */
  steady?: boolean;
}

/**
 * One page load. With detection on, runs until the marks settle (at most 60 s); with it off,
 * for `mirrorMs`, so both windows are alike, and then walks the page's text for the baseline.
 */
async function measure(context: BrowserContext, url: string, spec: PageSpec, opts: MeasureOptions): Promise<Run> {
  const { mirrorMs, ours: ourScripts } = opts;
  const traced = mirrorMs === undefined && opts.trace === true;
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  const m0 = await metrics(cdp);
  // Tracing slows our code down (it records every function call's stack), so the loads that
  // measure our time are not traced; one more load is, for our tasks.
  if (traced) await startTrace(cdp);
  // Untraced loads record the timeline's own events only (no stacks), for our scripts' compile time.
  else if (mirrorMs === undefined) await startTrace(cdp, ['devtools.timeline']);
  await cdp.send('Profiler.start');
  const start = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // A page without numbers has no marks to settle: its window is a fixed 3 s.
  const marked = await settle(page, start, mirrorMs ?? (spec.numbers ? 60_000 : 3_000), mirrorMs === undefined && spec.numbers > 0);
  const elapsedMs = Date.now() - start;
  // The baseline walk runs under the same profiler as our code did, with the same overhead.
  const walk = mirrorMs !== undefined ? await baselineWalk(page) : undefined;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const trace = mirrorMs === undefined ? await endTrace(cdp) : undefined;
  const m1 = await metrics(cdp);
  const probe = (await page.evaluate(() => {
    const w = window as unknown as Probe;
    return { dcl: w.dcl, firstFrame: w.firstFrame, firstFrameDone: w.firstFrameDone, firstMarked: w.firstMarked, registered: w.registered, firstHighlight: w.firstHighlight, firstViewportNumbers: w.firstViewportNumbers, longTasks: w.longTasks };
  })) as Probe;
  const run: Run = { elapsedMs, metrics: minus(m1, m0), probe, profile, marked };
  if (trace && traced) run.trace = trace;
  if (trace) run.compileMs = compileMs(trace, ourScripts);
  if (walk) {
    run.baselineMs = walk.first;
    run.warmWalkMs = walk.warm;
    run.textNodes = walk.nodes;
  }
  if (spec.steadyMs && opts.steady) {
    const s0 = await metrics(cdp);
    await cdp.send('Profiler.start');
    // With detection off, the baseline of a changing page: a bare MutationObserver in the page
    // reading the text of every node changed or added (the least any detector must do).
    if (mirrorMs !== undefined) await page.evaluate(installBareObserver);
    await sleep(spec.steadyMs);
    const observerMs = mirrorMs !== undefined ? await page.evaluate(() => (window as unknown as { bareObserverMs: number }).bareObserverMs) : undefined;
    const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    run.steady = { metrics: minus(await metrics(cdp), s0), profile: p, observerMs };
  }
  if (traced && !spec.steadyMs && !spec.small) {
    // The scroll-through: what detecting the rest of the page costs as the user gets there.
    await startTrace(cdp);
    await cdp.send('Profiler.start');
    const t = Date.now();
    let last = marked;
    for (const frac of [0.25, 0.5, 0.75, 1]) {
      await page.evaluate((f) => scrollTo(0, f * (document.documentElement.scrollHeight - innerHeight)), frac);
      last = await settle(page, Date.now(), 30_000, true, 4);
    }
    const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    run.scroll = { profile: p, marked: last, elapsedMs: Date.now() - t, trace: await endTrace(cdp) };
  }
  await cdp.detach().catch(() => undefined);
  await page.close();
  return run;
}

/**
 * The baseline: a TreeWalker over the page's text nodes reading each one's text. The first
 * pass is the baseline: it meets every node for the first time, as our content script does
 * (each world makes its own JS wrapper per node on first touch); later passes reuse those
 * wrappers and ran 2-3x faster (measured: article 18.7 ms, then 7.0, 6.5, 5.7, 5.1), so their
 * median is only printed beside it.
 */
async function baselineWalk(page: Page): Promise<{ first: number; warm: number; nodes: number }> {
  const walks = await page.evaluate(() => {
    const out: { ms: number; nodes: number; chars: number }[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let nodes = 0;
      let chars = 0;
      while (w.nextNode()) {
        nodes++;
        chars += (w.currentNode as Text).data.length;
      }
      out.push({ ms: performance.now() - t, nodes, chars });
    }
    return out;
  });
  return { first: walks[0]!.ms, warm: median(walks.slice(1).map((w) => w.ms)), nodes: walks[0]!.nodes };
}

/** Runs in the page: the bare observer, its callbacks' time summed in window.bareObserverMs. */
function installBareObserver(): void {
  const w = window as unknown as { bareObserverMs: number };
  w.bareObserverMs = 0;
  let chars = 0;
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) {
      if (r.type === 'characterData') chars += (r.target as Text).data.length;
      else r.addedNodes.forEach((n) => (chars += (n.textContent ?? '').length));
    }
    w.bareObserverMs += performance.now() - t;
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  void chars;
}

async function warm(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await sleep(500);
  await page.close();
}

const longestAfterDcl = (p: Probe): number => Math.max(0, ...p.longTasks.filter((t) => t.start >= p.dcl).map((t) => t.duration));

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  if (!args.has('--no-build')) {
    console.log('Building the extension (wxt build)…');
    execFileSync(path.join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const bundle = readFileSync(CONTENT_JS);
  const gz = gzipSync(bundle, { level: 9 });
  const early = readFileSync(EARLY_JS);

  const pages: PageSpec[] = [
    { name: 'News, no numbers, 50 KB', html: plainPage(50 * 1024), numbers: 0, small: true },
    { name: 'CRM list, 50 rows', html: hugeTablePage(50), numbers: 50, small: true },
  ];
  const tableHtml = hugeTablePage(20_000);
  pages.push({ name: 'CRM table, 20,000 rows', html: tableHtml, numbers: 20_000 });
  const article = articlePage(5 * 1024 * 1024);
  pages.push({ name: 'Article, 5 MB', html: article, numbers: article.split('data-ph>').length - 1 });
  pages.push({ name: 'Live list, 1,000 changes/s', html: mutatingPage(2_000, 1_000), numbers: 2_000, steadyMs: MUTATE_WINDOW_MS });

  // --only=<word>: just the pages whose name holds it (for quick comparisons).
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).toLowerCase();
  // --repeat=<n>: measured loads each way per page (the median counts; this machine is noisy).
  const repeats = Math.max(1, Number(process.argv.find((a) => a.startsWith('--repeat='))?.slice(9) ?? 3));
  if (only) pages.splice(0, pages.length, ...pages.filter((p) => p.name.toLowerCase().includes(only)));
  const server = await startPagesServer();
  pages.forEach((p, i) => server.put(`bench-${i}.html`, p.html));
  // "Without" is the same browser, on a host where detection is switched off in our settings
  // (there the content script only reads them): a second browser without the extension laid
  // the 20,000-row table out 1-2 s faster even against a content script that did nothing.
  const browser = await launchChromium({ extensionDir: EXTENSION_DIR });
  const offHost = (url: string): string => url.replace('//127.0.0.1:', '//localhost:');
  try {
    const sw = browser.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await browser.waitForEvent('serviceworker'));
    const id = new URL(sw.url()).host;
    // Both content scripts: content-scripts/content.js and content-early.js (the one at
    // document_start, an unlisted script: entrypoints/content-early.ts says why).
    const ours = `chrome-extension://${id}/content`;
    await sw.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
        siteSettings: { disabledSites: ['localhost'], allowOnly: false, allowedSites: [], telLinks: true },
      }),
    );
    // Let install-time work (an onboarding tab) finish, then warm up on a small page.
    await sleep(1_500);
    for (const url of [`${server.url}/contacts.html`, offHost(`${server.url}/contacts.html`)]) {
      const p = await browser.newPage();
      await p.goto(url);
      await sleep(500);
      await p.close();
    }
    for (const p of browser.pages()) if (p.url() !== 'about:blank') await p.close().catch(() => undefined);

    const rows: string[][] = [
      ['page', 'text nodes', 'walk ms', 'later walks ms', 'ours ms (compile)', 'ratio', 'main-thread Δ ms', 'ratio Δ', 'longest task with / without', 'our longest run', 'first viewport marked', 'after the page\'s 1st paint', 'page\'s 1st paint, detection off'],
    ];
    const notes: string[] = [];
    const scrollRows: string[][] = [['page', 'ours ms (profiler)', 'our longest run', 'marked after / before', 'wall s']];
    const traceRows: string[][] = [
      ['page', 'tasks of ours', 'longest', 'its largest parts (self ms)', 'longest forced layout/style in our script', 'our events in them ms', 'scroll-through longest', 'DCL → first highlight'],
    ];
    let worstTraceTask = 0;
    let worstRatio = 0;
    let worstSteady = 0;
    let worstTask = 0;
    let worstFirst = 0;
    let worstAfterPaint = 0;
    for (const [i, spec] of pages.entries()) {
      const url = `${server.url}/gen/bench-${i}.html`;
      // A page's first load is slower (measured: ~1 s more layout on the table, a do-nothing
      // content script both times): load it once each way first.
      await warm(browser, url);
      await warm(browser, offHost(url));
      // Loads with detection on and off, alternately, untraced; then one traced load.
      const pairs: { on: Run; off: Run; ours: Attribution; oursMs: number }[] = [];
      for (let k = 0; k < repeats; k++) {
        const on = await measure(browser, url, spec, { ours, steady: true });
        const off = await measure(browser, offHost(url), spec, { ours, mirrorMs: on.elapsedMs, steady: true });
        const att = attribute(on.profile, ours);
        pairs.push({ on, off, ours: att, oursMs: att.totalMs + (on.compileMs ?? 0) });
      }
      const traced = await measure(browser, url, spec, { ours, trace: true });
      const walkMs = median(pairs.map((p) => p.off.baselineMs!));
      const warmWalkMs = median(pairs.map((p) => p.off.warmWalkMs!));
      // The load whose time of ours is the median stands for the page in the table and notes.
      const mid = [...pairs].sort((x, y) => x.oursMs - y.oursMs)[Math.floor(pairs.length / 2)]!;
      const { on: a, off: b, ours: att, oursMs } = mid;
      // The steady state of a changing page: the load whose time of ours in it is the median.
      const steadyOurs = (p: (typeof pairs)[number]): number => (p.on.steady ? attribute(p.on.steady.profile, ours).totalMs : 0);
      const steadyOf = [...pairs].sort((x, y) => steadyOurs(x) - steadyOurs(y))[Math.floor(pairs.length / 2)]!;
      const bareObserverMs = median(pairs.map((p) => p.off.steady?.observerMs ?? Number.NaN));
      // Every measured load's profile: bench-<page>-<load>.cpuprofile.
      if (process.env.BENCH_DUMP) pairs.forEach((p, k) => writeFileSync(path.join(process.env.BENCH_DUMP!, `bench-${i}-${k}.cpuprofile`), JSON.stringify(p.on.profile)));
      if (process.env.BENCH_DUMP && traced.trace) writeFileSync(path.join(process.env.BENCH_DUMP, `bench-${i}.trace.json`), JSON.stringify({ traceEvents: traced.trace }));
      // Both of our content scripts: the early one (highlight rules) and content.js.
      const ourJs = ours;
      const tr: TraceReport = analyzeTrace(traced.trace ?? [], { pageUrl: url, ourPrefix: ourJs, ourSamples: ourSampleTimes(traced.profile, ours) });
      const trScroll = traced.scroll ? analyzeTrace(traced.scroll.trace, { pageUrl: url, ourPrefix: ourJs, ourSamples: ourSampleTimes(traced.scroll.profile, ours) }) : undefined;
      const firstHl = traced.probe.firstHighlight !== undefined ? traced.probe.firstHighlight - traced.probe.dcl : undefined;
      const longestOf = (r: TraceReport | undefined): string =>
        r?.longest ? `${fmt(r.longest.durationMs)} ms (CPU ${fmt(r.longest.cpuMs)}, ours ${fmt(r.longest.oursMs)})` : '–';
      traceRows.push([
        spec.name,
        String(tr.tasks.length),
        longestOf(tr),
        tr.longest ? describeTop(tr.longest) : '–',
        tr.longest?.forcedBy ?? '–',
        fmt(tr.oursMs),
        trScroll ? `${longestOf(trScroll)} (${trScroll.tasks.length} tasks)` : '–',
        !spec.numbers ? '–' : firstHl === undefined ? 'never' : `${fmt(firstHl, 0)} ms`,
      ]);
      worstTraceTask = Math.max(worstTraceTask, tr.longest?.durationMs ?? 0, trScroll?.longest?.durationMs ?? 0);
      if (process.env.BENCH_TASKS)
        for (const t of [...tr.tasks, ...(trScroll?.tasks ?? [])].filter((x) => x.durationMs > 20))
          console.log(`  ${spec.name}: task of ${fmt(t.durationMs)} ms (CPU ${fmt(t.cpuMs)}), ours ${fmt(t.oursMs)} ms: ${describeTop(t)}${t.forcedBy ? `; ${t.forcedBy}` : ''}`);
      const delta = median(pairs.map((p) => p.on.metrics.task - p.off.metrics.task));
      const r = ratio(oursMs, walkMs);
      const rd = ratio(delta, walkMs);
      const spread = pairs.map((p) => ratio(p.oursMs, walkMs)).sort((x, y) => x - y);
      const longA = longestAfterDcl(a.probe);
      const longB = longestAfterDcl(b.probe);
      const first = a.probe.firstMarked !== undefined ? a.probe.firstMarked - a.probe.dcl : undefined;
      // The page's own first frame, painted, with detection off: nothing can be marked on
      // screen before it. And with detection on: how long after its own first paint the
      // first viewport's numbers were marked (our share of the wait).
      const ownFrame = b.probe.firstFrameDone !== undefined ? b.probe.firstFrameDone - b.probe.dcl : undefined;
      const afterPaint = a.probe.firstFrameDone !== undefined && a.probe.firstMarked !== undefined ? a.probe.firstMarked - a.probe.firstFrameDone : undefined;
      // A page without numbers has nothing to mark.
      if (spec.numbers) worstAfterPaint = Math.max(worstAfterPaint, afterPaint ?? Infinity);
      // A page that changes all the time is judged by its steady state against a bare observer
      // (below): its load window holds seconds of the page's changes, a single walk does not.
      if (!spec.small && !spec.steadyMs) worstRatio = Math.max(worstRatio, r);
      worstTask = Math.max(worstTask, att.longestRunMs);
      if (spec.numbers) worstFirst = Math.max(worstFirst, first ?? Infinity);
      rows.push([
        spec.name,
        String(b.textNodes),
        fmt(walkMs),
        fmt(warmWalkMs),
        `${fmt(oursMs)} (${fmt(a.compileMs)})`,
        spec.small ? `(${fmt(r, 1)}x)` : `${fmt(r, 2)}x (${fmt(spread[0]!, 2)}–${fmt(spread[spread.length - 1]!, 2)})`,
        fmt(delta),
        `${fmt(rd, 2)}x`,
        `${fmt(longA, 0)} / ${fmt(longB, 0)} ms`,
        `${fmt(att.longestRunMs)} ms`,
        !spec.numbers ? '–' : first === undefined ? 'never' : `${fmt(first, 0)} ms (${a.probe.firstViewportNumbers} numbers)`,
        afterPaint === undefined ? '–' : `${fmt(afterPaint, 0)} ms`,
        ownFrame === undefined ? '–' : `${fmt(ownFrame, 0)} ms`,
      ]);
      notes.push(
        `${spec.name}: ${a.marked}/${spec.numbers} marked in ${(a.elapsedMs / 1000).toFixed(1)} s from navigation; the page's first frame with the extension ` +
          `${a.probe.firstFrame !== undefined ? `${fmt(a.probe.firstFrame - a.probe.dcl, 0)} ms` : '–'} after DOMContentLoaded, first viewport marked ` +
          `${a.probe.firstFrame !== undefined && first !== undefined ? `${fmt(first - (a.probe.firstFrame - a.probe.dcl), 0)} ms` : '–'} after that frame; ` +
          `main thread with/without: task ${fmt(a.metrics.task, 0)}/${fmt(b.metrics.task, 0)} ms, script ${fmt(a.metrics.script, 0)}/${fmt(b.metrics.script, 0)}, ` +
          `layout ${fmt(a.metrics.layout, 0)}/${fmt(b.metrics.layout, 0)}, style ${fmt(a.metrics.style, 0)}/${fmt(b.metrics.style, 0)}; ` +
          `long tasks after DCL with/without: ${a.probe.longTasks.filter((t) => t.start >= a.probe.dcl).length}/${b.probe.longTasks.filter((t) => t.start >= b.probe.dcl).length}`,
      );
      if (traced.scroll) {
        const s = attribute(traced.scroll.profile, ours);
        worstTask = Math.max(worstTask, s.longestRunMs);
        scrollRows.push([spec.name, fmt(s.totalMs), `${fmt(s.longestRunMs)} ms`, `${traced.scroll.marked} / ${traced.marked} of ${spec.numbers}`, (traced.scroll.elapsedMs / 1000).toFixed(1)]);
      }
      const { on: sa, off: sb } = steadyOf;
      if (sa.steady && sb.steady) {
        const s = attribute(sa.steady.profile, ours);
        if (process.env.BENCH_DUMP) writeFileSync(path.join(process.env.BENCH_DUMP, `bench-${i}-steady.cpuprofile`), JSON.stringify(sa.steady.profile));
        const secs = MUTATE_WINDOW_MS / 1000;
        notes.push(
          `${spec.name}, steady state over ${secs} s of page mutations: ours ${fmt(s.totalMs / secs)} ms/s (profiler), ` +
            `main thread ${fmt(sa.steady.metrics.task / secs)} vs ${fmt(sb.steady.metrics.task / secs)} ms/s with/without ` +
            `(Δ ${fmt((sa.steady.metrics.task - sb.steady.metrics.task) / secs)} ms/s; script ${fmt(sa.steady.metrics.script / secs)}/${fmt(sb.steady.metrics.script / secs)}, ` +
            `layout ${fmt(sa.steady.metrics.layout / secs)}/${fmt(sb.steady.metrics.layout / secs)}, style ${fmt(sa.steady.metrics.style / secs)}/${fmt(sb.steady.metrics.style / secs)} ms/s); ` +
            `our longest run ${fmt(s.longestRunMs)} ms; a bare MutationObserver reading every changed node's text (detection off): ${fmt(bareObserverMs / secs)} ms/s, ` +
            `ratio ${fmt(ratio(s.totalMs, bareObserverMs), 2)}x`,
        );
        worstSteady = Math.max(worstSteady, ratio(s.totalMs, bareObserverMs));
      }
    }

    console.log(`\nContent script bundle: ${(bundle.length / 1024).toFixed(1)} KB raw, ${(gz.length / 1024).toFixed(1)} KB gzipped (zlib level 9) — goal < 60 KB gz: ${verdict(gz.length / 1024, 60)}; the early one (document_start) ${(early.length / 1024).toFixed(1)} KB raw`);
    console.log(`\n${table(rows)}\n`);
    for (const n of notes) console.log(`- ${n}`);
    console.log(`\nTasks of ours in a devtools.timeline trace of the load (from navigation until the marks settle; renderer main thread of the page):\n${table(traceRows)}`);
    if (scrollRows.length > 1) console.log(`\nScroll-through after the load settled (jumps to 25, 50, 75, 100 % of the page, each until its marks settle):\n${table(scrollRows)}`);
    console.log(
      `\nGoals: ratio < 1.5x: pages that stand still, load against the walk: ${verdict(worstRatio, 1.5)} (worst ${fmt(worstRatio, 2)}x; the small page's ratio in brackets is its start-up cost over a walk of a fraction of a millisecond); ` +
        `the changing page's load follows seconds of its changes, which one walk does not: its steady state is ${worstSteady ? `${fmt(worstSteady, 2)}x` : '–'} a bare observer's (no goal set; see its note); ` +
        `no task of ours > 50 ms (trace): ${verdict(worstTraceTask, 50.001)} (longest ${fmt(worstTraceTask)} ms; profiler's longest run ${fmt(worstTask)} ms); ` +
        `first viewport < 100 ms after DOMContentLoaded: ${verdict(worstFirst, 100)} (worst ${fmt(worstFirst, 0)} ms; ` +
        `worst ${fmt(worstAfterPaint, 0)} ms after the page's own first paint)`,
    );
    console.log(
      '\nMethod: the load window runs from navigation until the number of marks has stood still for 2 s (only blocks near the screen are detected; ' +
        'the rest of the page is walked and set aside, and detected when scrolled near: see the scroll-through table). ' +
        '"ours" = CPU-profiler samples with one of our content scripts on the stack (250 µs sampling, a sample counted at most 2 ms), plus V8\'s compilation of them (v8.compile events of a light trace of the same load, timeline events only; in brackets), which the profiler puts on no stack of ours; "main-thread Δ" = CDP TaskDuration with detection on minus off (the same browser; our bundle is evaluated in both) ' +
        '(includes repaints our highlights cause, and load-to-load noise); "walk" = the first TreeWalker pass over the same text nodes in the page with detection off, reading each node\'s text: like our content script, it meets every node for the first time (a world makes its JS wrapper of a node on first touch); "later walks" = the median of four passes after it, which reuse those wrappers. ' +
        '"Tasks of ours" = top-level tasks (RunTask) of the page\'s renderer main thread in a CDP trace (devtools.timeline, toplevel, v8.execute) holding any event that names one of our content scripts ' +
        '(script evaluation and compilation, function calls of our timers, tasks, event listeners, animation-frame and observer callbacks) or a CPU-profiler sample with one of them on the stack (promise continuations name no script); each counts whole: layout, style and paint in it too ' +
        '(a frame running our animation-frame callback is the one that paints our highlight changes; a forced layout inside our script is ours); "CPU" = the thread\'s CPU time in it (less than its length when the thread was descheduled on this shared machine), "(task)" = time in it no nested event names. "DCL → first highlight" = DOMContentLoaded to the first animation frame with a range in our highlights. ' +
        'Long tasks come from PerformanceObserver in the page, after DOMContentLoaded, with detection on and off; "our longest run" = the longest stretch of consecutive samples in our code. ' +
        '"First viewport marked" = DOMContentLoaded to the first animation frame in which every number in the first viewport is in our highlight; ' +
        '"after the page\'s 1st paint" = from the task after the page\'s own first frame (its first layout and paint done) to that marked frame, with the extension; ' +
        '"page\'s 1st paint" = DOMContentLoaded to the task after the page\'s first frame, with detection off (nothing can be marked on screen sooner). ' +
        `Each page is loaded once each way, untimed, then ${repeats} times with detection on and off alternately, without tracing (a trace records every call's stack and slowed our code down): ` +
        'the table shows the load whose time of ours is the median, "walk" is the median over the loads with detection off, timed while the CPU profiler samples as it did our code, and the range beside the ratio is over the loads with detection on; ' +
        'one more load, traced, gives the tasks table and the scroll-through.',
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
