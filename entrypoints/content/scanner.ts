import { labelOf } from '@/utils/detect/context';
import { findPhoneNumbers, type FoundNumber } from '@/utils/detect/find-numbers';
import { insideExcluded } from './exclusions';
import { newId, type Found } from './found';
import type { NumberHighlights } from './highlight-style';
import { isInline, locate, type Segment } from './segments';
import { WorkQueue } from './work-queue';
import { isTelLink, telTarget } from './tel-links';
import { headingFor } from './headings';
import { isDarkBehind } from './page-theme';
import { isNear, NearScreen, screenZone, zoneNow } from './near-screen';

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

/** Passes are at least this far apart (ms): a scroll fires dozens of events a second. */
const PASS_GAP = 100;
/** Passes for the page's changes alone are further apart: a live page changes all the time. */
const CHANGES_GAP = 250;
/** A pass this often anyway (ms), for what shows without a DOM change (near-screen.ts). */
const PASS_EVERY = 2_000;
/** The longest a pass waits for a frame (ms) before it runs anyway. */
const FRAME_WAIT = 150;

/**
 * Finds numbers in the page's text without touching it. Passes (near-screen.ts) find the parts
 * of the page near the screen that have not been walked; slices of a few milliseconds walk
 * them, so the page never waits on us. The mutation observer only queues what changed, and the
 * next pass walks again what is near. Text already scanned and unchanged is skipped.
 */
export class Scanner {
  readonly found = new Set<Found>();
  private readonly byText = new Map<Text, Found[]>();
  private readonly telLinks = new Map<HTMLAnchorElement, { found: Found; href: string }>();
  private readonly scanned = new WeakMap<Text, string>();
  private readonly observed = new WeakSet<Node>();
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly observer: MutationObserver;
  private readonly near: NearScreen;
  /** Text on the screen, then in the margin around it, then the rest for the popup's count. */
  private readonly screen = new WorkQueue((el) => this.element(el));
  private readonly margin = new WorkQueue((el) => this.element(el));
  private readonly rest = new WorkQueue((el) => this.element(el));
  /** Where a pass puts what it finds. */
  private into: WorkQueue = this.screen;
  private full: 'no' | 'running' | 'done' = 'no';
  /** Nodes the page changed since the last pass. */
  private readonly changedNodes = new Set<Node>();
  private body: Element | undefined;
  private scheduled = false;
  private pruneNeeded = false;
  private lastPrune = 0;
  private lastPass = -Infinity;
  private passDue = Infinity;
  /** When the next look from the roots is wanted (passes for the page's changes alone skip it). */
  private lookDue = 0;
  private stopped = false;
  private flushTimer = false;
  private timerUrgent = false;
  private pruneTimer = false;

  constructor(private readonly opts: ScannerOptions) {
    // Only queue here: the page's own mutation bursts must stay cheap.
    this.observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') this.changedNodes.add(r.target);
        else {
          r.addedNodes.forEach((n) => this.changedNodes.add(n));
          if (r.removedNodes.length) this.pruneNeeded = true;
        }
      }
      if (this.full === 'done') this.full = 'no';
      this.requestPass(0, false);
    });
    this.near = new NearScreen({
      part: (el) => this.into.part(el),
      ownText: (key, nodes) => {
        if (nodes.some((t) => this.scanned.get(t) !== t.data)) this.into.run(key, nodes);
      },
      element: (el) => this.element(el),
    });
  }

  get shadowScopes(): ReadonlySet<ShadowRoot> {
    return this.shadowRoots;
  }

  /**
   * Starts in the task after the page's next frame: its own first layout and style are done
   * by then, so finding the screen costs no layout of ours. Starting at DOMContentLoaded
   * instead, to mark numbers in that first frame, pulled the page's first layout into our task
   * (npm run bench: a 53 ms run and the first frame 40 ms later on a 50-row page, whose marks
   * still missed it: the first detection warms up libphonenumber for ~10 ms).
   */
  start(root: Document): void {
    this.frameOrWait(() =>
      this.opts.later(() => {
        if (this.stopped) return;
        this.observe(root);
        this.opts.highlights.adopt(root);
        this.body = root.body ?? root.documentElement;
        this.pass();
      }),
    );
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.changedNodes.clear();
    for (const q of [this.screen, this.margin, this.rest]) q.clear();
    for (const f of this.found) this.opts.highlights.delete(f.range);
    this.found.clear();
    this.byText.clear();
    this.telLinks.clear();
  }

  /**
   * Asks for a look from the roots in `ms` (scrolls, resizes, clicks): parts that came near
   * the screen get walked. Passes are at least PASS_GAP apart and run after a frame.
   */
  lookAgain(ms = 0): void {
    this.requestPass(ms, true);
  }

  /** A pass in `ms`; `look`: it looks from the roots too, else it only follows the page's changes. */
  private requestPass(ms: number, look: boolean): void {
    if (this.stopped) return;
    const now = performance.now();
    if (look) this.lookDue = Math.min(this.lookDue, now + ms);
    const due = Math.max(now + ms, this.lastPass + (look ? PASS_GAP : CHANGES_GAP));
    if (due >= this.passDue) return;
    this.passDue = due;
    this.opts.after(due - now, () => {
      if (this.passDue !== due) return;
      this.passAfterFrame();
    });
  }

  /**
   * Numbers found so far; with `all`, the whole page is walked too (the popup's count asks),
   * and `complete` says when that walk has finished.
   */
  stats(all: boolean): { found: number; complete: boolean } {
    if (all && this.full === 'no' && this.body && !this.stopped) {
      this.full = 'running';
      for (const root of [this.body, ...this.shadowRoots]) this.rest.part(root);
      this.schedule();
    }
    return { found: this.found.size, complete: this.full === 'done' };
  }

  /**
   * Runs `fn` at the next frame, or after FRAME_WAIT if no frame comes (`framed` says which):
   * a tab behind another window still shows its page but may get a frame or two a second
   * (seen in headless Chromium), and a call queue's new numbers waited a second for one.
   */
  private frameOrWait(fn: (framed: boolean) => void): void {
    let done = false;
    const go = (framed: boolean): void => {
      if (done) return;
      done = true;
      fn(framed);
    };
    this.opts.frame(() => go(true));
    this.opts.after(FRAME_WAIT, () => go(false));
  }

  /**
   * A pass in a task after the next frame, when the page's layout is usually up to date. A
   * hidden tab shows nothing: its pass waits until the tab is shown.
   */
  private passAfterFrame(): void {
    this.frameOrWait(() =>
      this.opts.later(() => {
        if (this.stopped) return;
        if (!document.hidden) return this.pass();
        this.passDue = Infinity;
        this.waitVisible();
      }),
    );
  }

  private waitingVisible = false;

  private waitVisible(): void {
    if (this.waitingVisible) return;
    this.waitingVisible = true;
    document.addEventListener(
      'visibilitychange',
      () => {
        this.waitingVisible = false;
        this.lookAgain();
      },
      { once: true },
    );
  }

  private pass(): void {
    const now = performance.now();
    this.lastPass = now;
    this.passDue = Infinity;
    const zone = zoneNow();
    // What the page changed: walked again now where it is near the screen (only its block),
    // else when a pass finds it near.
    for (const node of this.changedNodes) {
      if (!node.isConnected) continue;
      const { part, look } = this.near.changed(node);
      if (look) this.lookDue = now;
      if (part && isNear(part, zone)) {
        this.near.walked(part);
        this.screen.part(blockWithin(node, part));
      }
    }
    this.changedNodes.clear();
    if (now >= this.lookDue) {
      this.lookDue = Infinity;
      // The screen first, so its numbers are marked in one go before the margin is read.
      for (const [queue, z] of [[this.screen, screenZone()], [this.margin, zone]] as const) {
        this.into = queue;
        if (this.body?.isConnected) this.near.pass(this.body, z);
        for (const root of this.shadowRoots) if (root.host.isConnected) this.near.pass(root, z);
      }
      this.into = this.screen;
    }
    if (this.screen.busy || this.margin.busy) this.schedule();
    // The next look: one asked for already, or the periodic one.
    this.requestPass(Math.min(PASS_EVERY, this.lookDue - now), true);
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.opts.later(() => this.pump());
  }

  /** The found number whose text contains this caret position, if any. */
  at(node: Node, offset: number): Found | undefined {
    const list = node.nodeType === Node.TEXT_NODE ? this.byText.get(node as Text) : undefined;
    return list?.find((f) => contains(f.range, node, offset));
  }

  /** The tel: link's number; a link no pass has reached yet is read now. */
  link(a: HTMLAnchorElement): Found | undefined {
    if (!this.telLinks.has(a) && !this.stopped && isTelLink(a) && !insideExcluded(a.parentNode ?? a)) {
      this.telLink(a);
      this.paint(true);
    }
    return this.telLinks.get(a)?.found;
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
    const batch: Changed[] = [];
    let screenWork = false;
    while (performance.now() < deadline) {
      const q = this.screen.busy ? this.screen : this.margin.busy ? this.margin : this.rest.busy ? this.rest : undefined;
      if (!q) break;
      screenWork ||= q === this.screen;
      const seg = q.next();
      if (seg) this.process(seg, batch);
    }
    if (this.full === 'running' && !this.rest.busy) this.full = 'done';
    let changed = this.commit(batch);
    if (this.pruneNeeded && performance.now() - this.lastPrune > 500) changed = this.prune() || changed;
    const work = this.screen.busy || this.margin.busy || this.rest.busy;
    // The screen's numbers are shown together as soon as they are all found (a flush costs a
    // repaint of the page, highlight-style.ts), and everything once the queues are empty; the
    // margin's and the rest's flushes are spaced out.
    if (!this.screen.busy) this.paint(!work || screenWork);
    if (changed) this.opts.onChange?.();
    if (work) this.schedule();
    else if (this.pruneNeeded && !this.pruneTimer) {
      // Only a prune is left, and it waits for its half second on a timer: rescheduling the
      // pump until then spun the main thread (npm run bench, page changing 1,000 nodes/s).
      this.pruneTimer = true;
      this.opts.after(Math.max(0, this.lastPrune + 500 - performance.now()), () => {
        this.pruneTimer = false;
        this.schedule();
      });
    }
  }

  /**
   * Hands collected highlight changes to the browser: right away for the first screen and
   * when the queue is done, otherwise spaced out (highlight-style.ts explains the cost).
   */
  private paint(urgent: boolean): void {
    const hl = this.opts.highlights;
    if (!hl.dirty || this.stopped) return;
    // A waiting flush is not held back by the spacing when numbers near the screen arrive.
    if (this.flushTimer && !(urgent && !this.timerUrgent)) return;
    const wait = hl.wait(urgent);
    if (wait <= 0) {
      hl.flush(this.opts.later, (fn) => this.frameOrWait(fn));
      return;
    }
    this.flushTimer = true;
    this.timerUrgent = urgent;
    this.opts.after(wait, () => {
      this.flushTimer = false;
      this.timerUrgent = false;
      this.paint(urgent || !(this.screen.busy || this.margin.busy || this.rest.busy));
    });
  }

  private element(el: Element): void {
    if (el.shadowRoot && !this.shadowRoots.has(el.shadowRoot)) {
      this.shadowRoots.add(el.shadowRoot);
      this.observe(el.shadowRoot);
      this.opts.highlights.adopt(el.shadowRoot);
      if (this.full === 'running') this.rest.part(el.shadowRoot);
      this.lookAgain();
    }
    if (isTelLink(el)) this.telLink(el);
  }

  /**
   * A tel: link is one number, its href's; its text gets the same mark as a number in text
   * (whatever it says: "0859 713 188" or "Gọi ngay"), over the link's children as they are
   * now, so a link whose href or children change is placed again.
   */
  private telLink(a: HTMLAnchorElement): void {
    const known = this.telLinks.get(a);
    const href = a.getAttribute('href') ?? '';
    if (known && known.href === href && known.found.range.endOffset === a.childNodes.length) return;
    if (known) this.dropLink(a, known.found);
    const t = telTarget(href);
    if (!t) return;
    const dark = isDarkBehind(a);
    const f: Found = {
      id: newId(),
      target: t.target,
      number: t.number,
      range: new StaticRange({ startContainer: a, startOffset: 0, endContainer: a, endOffset: a.childNodes.length }),
      element: a,
      dark,
      link: a,
    };
    this.telLinks.set(a, { found: f, href });
    this.found.add(f);
    this.opts.highlights.add(f.range, dark);
  }

  private dropLink(a: HTMLAnchorElement, f: Found): void {
    this.telLinks.delete(a);
    this.found.delete(f);
    this.opts.highlights.delete(f.range);
  }

  /**
   * Detects one segment whose text changed. Numbers found are only collected here; `commit`
   * places them for the whole slice at once.
   */
  private process(seg: Segment, batch: Changed[]): void {
    if (seg.nodes.every((n) => this.scanned.get(n) === n.data)) return;
    // Text that cannot hold a number and held none: done with, without the detector.
    if (!mayHoldNumber(seg.text) && !seg.nodes.some((n) => this.byText.has(n))) {
      for (const n of seg.nodes) this.scanned.set(n, n.data);
      return;
    }
    const old = new Set<Found>();
    const changed: number[] = [];
    seg.nodes.forEach((n, i) => {
      if (this.scanned.get(n) !== n.data) changed.push(i);
      this.scanned.set(n, n.data);
      for (const f of this.byText.get(n) ?? []) old.add(f);
    });
    if (this.cannotMatter(seg, changed, old)) return;
    // Without label lookups first: most text holds no number at all.
    const numbers = findPhoneNumbers(seg.text);
    if (old.size || numbers.length) batch.push({ seg, old, numbers });
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
      if (f.link) this.dropLink(f.link, f);
      else this.forget(f);
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

/** The block a changed node's text belongs to, not above the part holding it. */
function blockWithin(node: Node, part: Element): Node {
  if (node === part || (node.nodeType === Node.ELEMENT_NODE && !isInline(node as Element))) return node;
  let p = node.parentNode;
  while (p && p !== part && p.nodeType === Node.ELEMENT_NODE && isInline(p as Element)) p = p.parentNode;
  return p ?? part;
}

function contains(r: StaticRange, node: Node, offset: number): boolean {
  if (r.startContainer === r.endContainer) return node === r.startContainer && offset >= r.startOffset && offset <= r.endOffset;
  if (node === r.startContainer) return offset >= r.startOffset;
  if (node === r.endContainer) return offset <= r.endOffset;
  return false;
}
