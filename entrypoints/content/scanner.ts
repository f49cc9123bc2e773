import { findPhoneNumbers, type FoundNumber } from '@/utils/detect/find-numbers';
import { insideExcluded } from './exclusions';
import { newId, type Found } from './found';
import type { NumberHighlights } from './highlight-style';
import { blockOf, isInline, locate, SegmentWalker, type Segment } from './segments';
import { telTarget } from './tel-links';
import { headingFor } from './headings';

export interface ScannerOptions {
  highlights: NumberHighlights;
  /** Runs `fn` soon, cancelled on teardown (WXT's ctx.setTimeout). */
  later: (fn: () => void) => void;
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
  private scheduled = false;
  private pruneNeeded = false;
  private lastPrune = 0;
  private stopped = false;
  /** Set when a scan slice has run to the end of the queue (tests and the bench read it). */
  idle = false;

  constructor(private readonly opts: ScannerOptions) {
    // Only queue here: the page's own mutation bursts must stay cheap.
    this.observer = new MutationObserver((records) => {
      for (const r of records) {
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

  start(root: Document): void {
    this.observe(root);
    this.opts.highlights.adopt(root);
    // What the user sees first is scanned first; the full walk then skips it as unchanged.
    for (const el of viewportBlocks()) this.queue(el);
    this.queue(root.body ?? root.documentElement);
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.pending.clear();
    this.job = undefined;
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
    const batch: Segment[] = [];
    while (performance.now() < deadline) {
      if (!this.job) {
        const root = this.nextRoot();
        if (!root) break;
        this.job = new SegmentWalker(root);
        this.job.onElement = (el) => this.element(el);
      }
      const seg = this.job.next();
      if (seg) changed = this.process(seg, batch) || changed;
      else if (this.job.finished) this.job = undefined;
    }
    changed = this.commit(batch) || changed;
    if (this.pruneNeeded && performance.now() - this.lastPrune > 500) changed = this.prune() || changed;
    if (changed) {
      this.opts.highlights.ensure();
      this.opts.onChange?.();
    }
    if (this.job || this.pending.size || this.pruneNeeded) {
      this.scheduled = true;
      this.opts.later(() => this.pump());
    } else this.idle = true;
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
   * Detects one segment. Numbers found are only collected here; `commit` checks visibility
   * and theme for the whole slice at once, then adds the highlights: style reads never
   * alternate with highlight writes (which would force a style pass per number).
   */
  private process(seg: Segment, batch: Segment[]): boolean {
    if (seg.nodes.every((n) => this.scanned.get(n) === n.data)) return false;
    let changed = false;
    for (const n of seg.nodes) {
      this.scanned.set(n, n.data);
      changed = this.drop(n) || changed;
    }
    if (findPhoneNumbers(seg.text).length) batch.push(seg);
    return changed;
  }

  private commit(batch: Segment[]): boolean {
    const ready: { seg: Segment; element: Element; dark: boolean; numbers: FoundNumber[] }[] = [];
    for (const seg of batch) {
      const element = seg.nodes[0]!.parentElement;
      // No style reads here: on a 20,000-row page one forced style pass per slice costs more
      // than the scan. Hidden subtrees are skipped by attribute; display:none text is simply
      // not painted by the highlight.
      if (!element || !seg.nodes.every((n) => n.isConnected)) continue;
      // A label outside the text ("Mã số thuế" in the column header or the cell before)
      // decides numbers that carry no label of their own.
      const heading = headingFor(element);
      const numbers = findPhoneNumbers(seg.text, heading ? { heading } : {});
      if (numbers.length) ready.push({ seg, element, dark: false, numbers });
    }
    for (const { seg, element, dark, numbers } of ready) {
      for (const n of numbers) {
        const [sn, so] = locate(seg, n.start, false);
        const [en, eo] = locate(seg, n.end, true);
        const f: Found = {
          id: newId(),
          target: n.e164,
          number: n,
          range: new StaticRange({ startContainer: sn, startOffset: so, endContainer: en, endOffset: eo }),
          element,
          dark,
        };
        this.found.add(f);
        for (const node of seg.nodes.slice(seg.nodes.indexOf(sn), seg.nodes.indexOf(en) + 1)) {
          const list = this.byText.get(node);
          if (list) list.push(f);
          else this.byText.set(node, [f]);
        }
        this.opts.highlights.add(f.range, dark);
      }
    }
    return ready.length > 0;
  }

  private drop(node: Text): boolean {
    const list = this.byText.get(node);
    if (!list) return false;
    for (const f of list) this.forget(f);
    return true;
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

function contains(r: StaticRange, node: Node, offset: number): boolean {
  if (r.startContainer === r.endContainer) return node === r.startContainer && offset >= r.startOffset && offset <= r.endOffset;
  if (node === r.startContainer) return offset >= r.startOffset;
  if (node === r.endContainer) return offset <= r.endOffset;
  return false;
}

/** Blocks under a grid of points in the viewport, so the first screen is marked first. */
function viewportBlocks(): Element[] {
  const out = new Set<Element>();
  const w = innerWidth;
  const h = innerHeight;
  for (let y = 0.1; y < 1; y += 0.2) {
    for (let x = 0.1; x < 1; x += 0.2) {
      const el = document.elementFromPoint(w * x, h * y);
      if (!el || el === document.body || el === document.documentElement) continue;
      const block = blockOf(el);
      // A screen-sized container would be the whole walk again; take the element itself.
      out.add(block instanceof Element && block !== document.body ? block : el);
    }
  }
  return [...out];
}
