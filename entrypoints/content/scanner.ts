import { labelOf } from '@/utils/detect/context';
import { findPhoneNumbers, type FoundNumber } from '@/utils/detect/find-numbers';
import { insideExcluded } from './exclusions';
import { newId, type Found } from './found';
import type { NumberHighlights } from './highlight-style';
import { blockOf, isInline, locate, SegmentWalker, type Segment } from './segments';
import { telTarget } from './tel-links';
import { headingFor } from './headings';
import { isDarkBehind } from './page-theme';
import { Nearby } from './nearby';

/** A segment whose text changed, with the numbers it held before. */
interface Changed {
  seg: Segment;
  old: Set<Found>;
  /** Found without a heading; a heading can only drop some of them. */
  numbers: FoundNumber[];
}

export interface ScannerOptions {
  highlights: NumberHighlights;
  /** Runs `fn` in a new task soon, never after teardown (lifetime.ts). */
  later: (fn: () => void) => void;
  /** Runs `fn` after `ms`, never after teardown. */
  after: (ms: number, fn: () => void) => void;
  /** Runs `fn` before the next paint, never after teardown. */
  frame: (fn: () => void) => void;
  /** Milliseconds of work per slice before yielding to the page. */
  budgetMs?: number;
  onChange?: () => void;
}

/**
 * Finds numbers in the page's text without touching it. Work arrives as roots (the body, then
 * whatever a mutation touched); the observer callback only queues them, and slices of a few
 * milliseconds walk them later. Text already scanned and unchanged is skipped, so queueing a
 * root twice costs little.
 */
export class Scanner {
  readonly found = new Set<Found>();
  private readonly byText = new Map<Text, Found[]>();
  private readonly telLinks = new Map<HTMLAnchorElement, Found>();
  private readonly scanned = new WeakMap<Text, string>();
  private readonly observed = new WeakSet<Node>();
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly pending = new Set<Node>();
  private readonly observer: MutationObserver;
  private job: SegmentWalker | undefined;
  /** Blocks near the viewport, detected before the rest of the walk goes on. */
  private readonly nearQueue: Node[] = [];
  private nearJob: SegmentWalker | undefined;
  private readonly nearby = new Nearby((blocks) => {
    for (const b of blocks) this.queueNear(b);
  });
  private checkTimer = false;
  private freshCheck = false;
  /** The page changed the DOM since our last look at the layout: reading boxes may lay it out. */
  private mutated = false;
  private layoutChanged = false;
  private scheduled = false;
  private pruneNeeded = false;
  private lastPrune = 0;
  private stopped = false;
  private started = 0;
  private flushTimer = false;
  private timerUrgent = false;
  private pruneTimer = false;
  /** Set when a scan slice has run to the end of the queue (tests and the bench read it). */
  idle = false;

  constructor(private readonly opts: ScannerOptions) {
    // Only queue here: the page's own mutation bursts must stay cheap.
    this.observer = new MutationObserver((records) => {
      for (const r of records) {
        this.layoutChanged = true;
        this.mutated = true;
        if (r.type === 'characterData') this.queue(r.target);
        else {
          r.addedNodes.forEach((n) => this.queue(n));
          if (r.removedNodes.length) this.pruneNeeded = true;
        }
      }
    });
  }

  get shadowScopes(): ReadonlySet<ShadowRoot> {
    return this.shadowRoots;
  }

  /**
   * Starts after the page's next frame: its own first layout and style are done by then, so
   * asking where the first screen is (and styles behind numbers) costs nothing more, and none
   * of the page's own rendering lands in a task of ours.
   */
  start(root: Document): void {
    this.opts.frame(() => this.opts.later(() => this.begin(root)));
  }

  private begin(root: Document): void {
    if (this.stopped) return;
    this.observe(root);
    // No hit-testing for the first screen (elementFromPoint cost ~40-50 ms on the bench's
    // large pages): the walk sets aside the first blocks within a slice, and the check after
    // the next frame sends those near the screen to detection.
    this.started = performance.now();
    this.opts.highlights.adopt(root);
    this.queue(root.body ?? root.documentElement);
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.pending.clear();
    this.job = undefined;
    this.nearQueue.length = 0;
    this.nearJob = undefined;
    this.nearby.clear();
    for (const f of this.found) this.opts.highlights.delete(f.range);
    this.found.clear();
    this.byText.clear();
    this.telLinks.clear();
  }

  queue(node: Node): void {
    if (this.stopped) return;
    this.pending.add(node);
    this.idle = false;
    if (!this.scheduled) {
      this.scheduled = true;
      this.opts.later(() => this.pump());
    }
  }

  /** A block near the viewport: detected ahead of the walk, without being set aside. */
  private queueNear(node: Node): void {
    if (this.stopped) return;
    this.nearQueue.push(node);
    this.queue(node);
  }

  /**
   * The page scrolled or resized: blocks set aside that are near the screen now get detected.
   * At most one pass every 100 ms.
   */
  viewportMoved(ms = 100): void {
    if (this.checkTimer || this.stopped || !this.nearby.size) return;
    this.checkTimer = true;
    this.opts.after(ms, () =>
      this.afterFrame(() => {
        this.checkTimer = false;
        this.nearby.check(true);
      }),
    );
  }

  /** Runs `fn` in a task after the next frame, when the page's layout is usually up to date. */
  private afterFrame(fn: () => void): void {
    this.opts.frame(() =>
      this.opts.later(() => {
        if (this.stopped) return;
        this.mutated = false;
        fn();
      }),
    );
  }

  /** The found number whose text contains this caret position, if any. */
  at(node: Node, offset: number): Found | undefined {
    const list = node.nodeType === Node.TEXT_NODE ? this.byText.get(node as Text) : undefined;
    return list?.find((f) => contains(f.range, node, offset));
  }

  link(a: HTMLAnchorElement): Found | undefined {
    return this.telLinks.get(a);
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private pump(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const deadline = performance.now() + (this.opts.budgetMs ?? 4);
    let changed = false;
    let nearWork = false;
    const batch: Changed[] = [];
    while (performance.now() < deadline) {
      if (!this.nearJob && this.nearQueue.length) {
        const root = this.nearQueue.shift()!;
        if (root.isConnected && !insideExcluded(root)) {
          this.nearJob = new SegmentWalker(root);
          this.nearJob.onElement = (el) => this.element(el);
        }
        continue;
      }
      if (this.nearJob) {
        const seg = this.nearJob.next();
        nearWork = true;
        if (seg) changed = this.process(seg, batch, true) || changed;
        else if (this.nearJob.finished) this.nearJob = undefined;
        continue;
      }
      if (!this.job) {
        const root = this.nextRoot();
        if (!root) break;
        this.job = new SegmentWalker(root);
        this.job.onElement = (el) => this.element(el);
      }
      const seg = this.job.next();
      if (seg) changed = this.process(seg, batch, false) || changed;
      else if (this.job.finished) this.job = undefined;
    }
    // Blocks set aside in this slice: those near the screen come back through queueNear, from
    // a check after the next frame (nearby.ts).
    this.nearby.close();
    // Right away while the page has not changed since its last frame (the first screen on load
    // comes this way), else after the next frame rather than laying the page out ourselves.
    if (this.nearby.unchecked && !this.mutated) this.nearby.check(false);
    else if (this.nearby.unchecked && !this.freshCheck) {
      this.freshCheck = true;
      this.afterFrame(() => {
        this.freshCheck = false;
        this.nearby.check(false);
      });
    }
    changed = this.commit(batch) || changed;
    if (this.pruneNeeded && performance.now() - this.lastPrune > 500) changed = this.prune() || changed;
    // The page's own changes may have moved blocks set aside into view.
    if (this.layoutChanged) {
      this.layoutChanged = false;
      this.viewportMoved(500);
    }
    const work = Boolean(this.job || this.nearJob || this.pending.size || this.nearQueue.length);
    const more = work || this.pruneNeeded;
    // Numbers near the screen are shown without waiting: there are few of them at a time.
    this.paint(!more || nearWork);
    if (changed) this.opts.onChange?.();
    if (work) {
      this.scheduled = true;
      this.opts.later(() => this.pump());
    } else if (this.pruneNeeded) {
      // Only a prune is left, and it waits for its half second on a timer: rescheduling the
      // pump until then spun the main thread (npm run bench, page changing 1,000 nodes/s).
      if (!this.pruneTimer) {
        this.pruneTimer = true;
        this.opts.after(Math.max(0, this.lastPrune + 500 - performance.now()), () => {
          this.pruneTimer = false;
          if (this.scheduled || this.stopped) return;
          this.scheduled = true;
          this.pump();
        });
      }
    } else this.idle = !this.opts.highlights.dirty;
  }

  /**
   * Hands collected highlight changes to the browser: right away for the first screen and
   * when the queue is done, otherwise spaced out (highlight-style.ts explains the cost).
   */
  private paint(urgent: boolean): void {
    const hl = this.opts.highlights;
    if (!hl.dirty || this.stopped) return;
    urgent ||= performance.now() - this.started < 200;
    // A waiting flush is not held back by the spacing when numbers near the screen arrive.
    if (this.flushTimer && !(urgent && !this.timerUrgent)) return;
    const wait = hl.wait(urgent);
    if (wait <= 0) {
      hl.flush(this.opts.later, this.opts.frame);
      return;
    }
    this.flushTimer = true;
    this.timerUrgent = urgent;
    this.opts.after(wait, () => {
      this.flushTimer = false;
      this.timerUrgent = false;
      const busy = this.job || this.nearJob || this.pending.size || this.nearQueue.length;
      this.paint(urgent || !busy);
      if (!hl.dirty && !busy) this.idle = true;
    });
  }

  /** The next queued root worth walking: connected, not excluded, not inside another queued root. */
  private nextRoot(): Node | undefined {
    for (const node of this.pending) {
      this.pending.delete(node);
      if (!node.isConnected) continue;
      // Text and inline elements are redone with their whole block: a number may span them.
      const start =
        node.nodeType === Node.DOCUMENT_FRAGMENT_NODE || (node.nodeType === Node.ELEMENT_NODE && !isInline(node as Element))
          ? node
          : blockOf(node);
      if (insideExcluded(start)) continue;
      if (this.coveredByPending(start)) continue;
      return start;
    }
    return undefined;
  }

  private coveredByPending(node: Node): boolean {
    for (let p = node.parentNode; p; p = p.parentNode) if (this.pending.has(p)) return true;
    return false;
  }

  private element(el: Element): void {
    if (el.shadowRoot && !this.shadowRoots.has(el.shadowRoot)) {
      this.shadowRoots.add(el.shadowRoot);
      this.observe(el.shadowRoot);
      this.opts.highlights.adopt(el.shadowRoot);
      this.queue(el.shadowRoot);
    }
    if (el.tagName === 'A' && /^tel:/i.test(el.getAttribute('href') ?? '')) this.telLink(el as HTMLAnchorElement);
  }

  private telLink(a: HTMLAnchorElement): void {
    const known = this.telLinks.get(a);
    const href = a.getAttribute('href') ?? '';
    if (known?.link && known.link.getAttribute('href') === href) return;
    const t = telTarget(href);
    if (known) this.found.delete(known);
    if (!t) return;
    const f: Found = {
      id: newId(),
      target: t.target,
      number: t.number,
      range: new StaticRange({ startContainer: a, startOffset: 0, endContainer: a, endOffset: a.childNodes.length }),
      element: a,
      dark: false,
      link: a,
    };
    this.telLinks.set(a, f);
    this.found.add(f);
  }

  /**
   * Detects one segment whose text changed. Numbers found are only collected here; `commit`
   * places them for the whole slice at once.
   */
  private process(seg: Segment, batch: Changed[], near: boolean): boolean {
    if (seg.nodes.every((n) => this.scanned.get(n) === n.data)) return false;
    if (!near && !seg.nodes.some((n) => this.byText.has(n))) {
      // Far from the screen and holding no number yet: text that cannot hold one is done with
      // for good; the rest waits until it comes near (nearby.ts).
      if (!mayHoldNumber(seg.text)) {
        for (const n of seg.nodes) this.scanned.set(n, n.data);
        return false;
      }
      if (seg.key.nodeType === Node.ELEMENT_NODE) {
        this.nearby.defer(seg.key as Element);
        return false;
      }
    }
    const old = new Set<Found>();
    const changed: number[] = [];
    seg.nodes.forEach((n, i) => {
      if (this.scanned.get(n) !== n.data) changed.push(i);
      this.scanned.set(n, n.data);
      for (const f of this.byText.get(n) ?? []) old.add(f);
    });
    if (this.cannotMatter(seg, changed, old)) return false;
    // Without label lookups first: most text holds no number at all.
    const numbers = findPhoneNumbers(seg.text);
    if (old.size || numbers.length) batch.push({ seg, old, numbers });
    return false;
  }

  /**
   * Whether the changed nodes of a segment cannot add, alter or remove a number, so the
   * segment's numbers stand as they are: a live counter or clock beside a number ("· 5 calls",
   * "12:03") is the common case, and re-parsing its row on every tick was most of the cost on
   * a page changing 1,000 nodes a second (npm run bench). True only when every changed node
   * is free of letters (no label came or went), the stretch of number-like characters around
   * it holds fewer digits than the shortest number and touches no number already found, and
   * none of those numbers has an extension written after it.
   */
  private cannotMatter(seg: Segment, changed: number[], old: Set<Found>): boolean {
    for (const f of old) if (f.number.extension || f.link) return false;
    const spans = [...old].map((f) => {
      const at = (node: Node, offset: number): number => {
        const i = seg.nodes.indexOf(node as Text);
        return i < 0 ? -1 : seg.starts[i]! + offset;
      };
      return [at(f.range.startContainer, f.range.startOffset), at(f.range.endContainer, f.range.endOffset)] as const;
    });
    if (spans.some(([a, b]) => a < 0 || b < 0)) return false;
    for (const i of changed) {
      const node = seg.nodes[i]!;
      if (LETTER.test(node.data)) return false;
      let a = seg.starts[i]!;
      let b = a + node.data.length;
      while (a > 0 && NUMBERISH.test(seg.text[a - 1]!)) a--;
      while (b < seg.text.length && NUMBERISH.test(seg.text[b]!)) b++;
      let digits = 0;
      for (let k = a; k < b; k++) if (DIGIT.test(seg.text[k]!)) digits++;
      if (digits >= MIN_NUMBER_DIGITS) return false;
      if (spans.some(([s, e]) => s <= b && e >= a)) return false;
    }
    return true;
  }

  /**
   * Places the numbers of changed segments. A number still written at the same place (a
   * counter next to it changed, a framework re-rendered the same text) keeps its highlight:
   * every highlight change repaints the page.
   */
  private commit(batch: Changed[]): boolean {
    let changed = false;
    for (const { seg, old, numbers: unlabelled } of batch) {
      const element = seg.nodes[0]!.parentElement;
      // Hidden subtrees are skipped by attribute; display:none text is simply not painted by
      // the highlight, so no visibility check is needed here.
      const ok = element !== null && seg.nodes.every((n) => n.isConnected);
      // A label outside the text ("Mã số thuế" in the column header or the cell before)
      // decides numbers that carry no label of their own.
      const heading = ok ? headingFor(element) : undefined;
      // Only a heading that names something else ("Mã số thuế") changes the result: detect
      // again with it then, and keep the first pass otherwise (half the parsing on a table).
      const numbers = !ok || !unlabelled.length ? [] : heading && labelOf(heading) === 'other' ? findPhoneNumbers(seg.text, { heading }) : unlabelled;
      // Light or dark background behind the text, for the mark's colour. Only asked for text
      // that holds a number, and cached per element (page-theme.ts).
      const dark = numbers.length > 0 && isDarkBehind(element);
      for (const n of numbers) {
        const [sn, so] = locate(seg, n.start, false);
        const [en, eo] = locate(seg, n.end, true);
        const same = [...old].find(
          (f) => f.target === n.e164 && f.range.startContainer === sn && f.range.startOffset === so && f.range.endContainer === en && f.range.endOffset === eo,
        );
        if (same) {
          old.delete(same);
          same.number = n;
          continue;
        }
        const f: Found = {
          id: newId(),
          target: n.e164,
          number: n,
          range: new StaticRange({ startContainer: sn, startOffset: so, endContainer: en, endOffset: eo }),
          element: element!,
          dark,
        };
        this.found.add(f);
        for (const node of seg.nodes.slice(seg.nodes.indexOf(sn), seg.nodes.indexOf(en) + 1)) {
          const list = this.byText.get(node);
          if (list) list.push(f);
          else this.byText.set(node, [f]);
        }
        this.opts.highlights.add(f.range, dark);
        changed = true;
      }
      for (const f of old) this.forget(f);
      changed ||= old.size > 0;
    }
    return changed;
  }

  private forget(f: Found): void {
    this.found.delete(f);
    this.opts.highlights.delete(f.range);
    for (const node of [f.range.startContainer, f.range.endContainer]) {
      const list = this.byText.get(node as Text);
      if (!list) continue;
      const rest = list.filter((x) => x !== f);
      if (rest.length) this.byText.set(node as Text, rest);
      else this.byText.delete(node as Text);
    }
  }

  /** Drops numbers whose text left the page; bounded to once every half second. */
  private prune(): boolean {
    this.pruneNeeded = false;
    this.lastPrune = performance.now();
    let changed = false;
    for (const f of this.found) {
      if (f.range.startContainer.isConnected && f.range.endContainer.isConnected) continue;
      if (f.link) {
        this.telLinks.delete(f.link);
        this.found.delete(f);
      } else this.forget(f);
      changed = true;
    }
    return changed;
  }
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
/** Characters a written number is made of, besides digits: its separators and its "+". */
const NUMBERISH = /[\p{Nd}\s+().\-/–]/u;
/** The shortest number worth marking has 8 digits (1900 6868): fewer cannot make one. */
const MIN_NUMBER_DIGITS = 8;

/** The digit prefilter: fewer than MIN_NUMBER_DIGITS digits cannot make a number. */
function mayHoldNumber(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= MIN_NUMBER_DIGITS) return true;
  }
  // Digits of other scripts (fullwidth, Arabic-Indic): rare, left to the detector.
  return digits + (text.match(OTHER_DIGITS)?.length ?? 0) >= MIN_NUMBER_DIGITS;
}

const OTHER_DIGITS = /(?![0-9])\p{Nd}/gu;

function contains(r: StaticRange, node: Node, offset: number): boolean {
  if (r.startContainer === r.endContainer) return node === r.startContainer && offset >= r.startOffset && offset <= r.endOffset;
  if (node === r.startContainer) return offset >= r.startOffset;
  if (node === r.endContainer) return offset <= r.endOffset;
  return false;
}
