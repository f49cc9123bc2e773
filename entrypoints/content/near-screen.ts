import { skipsSubtree } from './exclusions';
import { isTextLevel } from './segments';

/**
 * Which parts of the page are near the screen, found from the top down without walking the
 * rest. Walking and parsing every text node of a large page was nearly all of the content
 * script's cost (npm run bench: 15-40x a plain walk of the 20,000-row table), so a pass starts
 * at the roots and goes down only into elements whose box is within one viewport height above
 * or below the screen:
 * - an element with a small subtree (a table row, a card, a short page's body) is a *part*:
 *   the scanner walks it whole, once, and it is skipped by later passes until the page
 *   changes it (`changed`);
 * - an element with a large subtree is a *container*: its children are looked at one by one,
 *   or, when there are many, from the first one near the screen, found by a binary search over
 *   their boxes (children of a block follow each other down the page), so a 20,000-row table
 *   costs a few dozen box reads, not 20,000; its own text between those children is read too.
 * Passes run after scrolls, resizes, the page's changes and clicks (scanner.ts), in a task
 * right after a frame, when the page's layout is up to date and reading boxes lays out nothing.
 * Not caught at once: an element shown later without any change to the DOM or a user action
 * (a class toggled by a timer) waits for the next periodic pass.
 */

/** Subtrees up to this many nodes are walked whole: finding out costs at most this many steps. */
const PART_NODES = 400;
/** Containers with more children than this are searched, not read child by child. */
const SEARCH_FROM = 24;

export interface Zone {
  top: number;
  bottom: number;
}

const viewportHeight = (): number => innerHeight || document.documentElement.clientHeight;

/** The screen and one viewport height above and below it. */
export function zoneNow(): Zone {
  const h = viewportHeight();
  return { top: -h, bottom: 2 * h };
}

/** The screen alone. */
export function screenZone(): Zone {
  return { top: 0, bottom: viewportHeight() };
}

/** A box of zero size: the element is not rendered (display:none) or has no box of its own. */
const boxless = (r: DOMRect): boolean => r.width === 0 && r.height === 0;

const reaches = (r: DOMRect, zone: Zone): boolean => r.bottom >= zone.top && r.top <= zone.bottom;

/** True when the element's box reaches the zone (an element without a box is not painted). */
export function isNear(el: Element, zone: Zone): boolean {
  const r = el.getBoundingClientRect();
  return !boxless(r) && reaches(r, zone);
}

export interface NearScreenHooks {
  /** A part near the screen, not walked yet (or changed since). */
  part(el: Element): void;
  /**
   * A run of a container's own text near the screen (its text nodes, and those of text-level
   * children between two other children): one segment. Given on every pass; the scanner
   * skips text it has read and that has not changed.
   */
  ownText(key: Element | ShadowRoot, nodes: Text[]): void;
  /** Every element a pass looks at (tel: links, shadow hosts). */
  element(el: Element): void;
}

export class NearScreen {
  private readonly done = new WeakSet<Node>();
  private readonly containers = new WeakSet<Node>();

  constructor(private readonly hooks: NearScreenHooks) {}

  /** One pass from a root (the body, an open shadow root). */
  pass(root: Element | ShadowRoot, zone: Zone): void {
    if (root instanceof ShadowRoot) this.container(root, zone);
    else this.visit(root, zone, undefined);
  }

  /**
   * The page changed this node: the part holding it is walked again on the next pass that
   * finds it near, and that part is returned. `look`: the change may have put something new
   * near the screen that only a pass from the roots finds (an element added outside the parts
   * walked, a container's own text); text changed inside a part not walked yet waits for it.
   */
  changed(node: Node): { part?: Element; look: boolean } {
    let part: Element | undefined;
    for (let n: Node | null = node; n; n = n.parentNode) {
      if (this.done.has(n)) {
        part = n as Element;
        this.done.delete(n);
      }
    }
    if (part) return { part, look: false };
    if (node.nodeType !== Node.TEXT_NODE) return { look: true };
    let p = node.parentNode;
    while (p && p.nodeType === Node.ELEMENT_NODE && isTextLevel(p as Element)) p = p.parentNode;
    return { look: p !== null && this.containers.has(p) };
  }

  /** Marks a part walked (the scanner walked it for another reason). */
  walked(el: Element): void {
    this.done.add(el);
  }

  private visit(el: Element, zone: Zone, box: DOMRect | undefined): void {
    if (this.done.has(el)) return;
    this.hooks.element(el);
    if (skipsSubtree(el)) return;
    const r = box ?? el.getBoundingClientRect();
    if (boxless(r)) {
      // No box: display:none (not painted; looked at again by later passes) or
      // display:contents (its children have boxes).
      if (getComputedStyle(el).display !== 'contents') return;
    } else if (!reaches(r, zone)) return;
    if (!this.containers.has(el) && small(el)) {
      this.done.add(el);
      this.hooks.part(el);
      return;
    }
    this.container(el, zone);
  }

  private container(el: Element | ShadowRoot, zone: Zone): void {
    this.containers.add(el);
    // Children are read by index from the live collection, never by its length or a copy:
    // either walks all 20,000 rows of a table (npm run bench: 3-9 ms), while the search below
    // only goes as far as the screen.
    const kids = el.children;
    const from = kids[SEARCH_FROM] ? firstNear(kids, zone) : 0;
    if (from < 0) {
      for (let i = 0; kids[i]; i++) this.child(kids[i]!, zone, undefined);
      this.ownText(el, el.firstChild, null);
      return;
    }
    // From the first child near the screen down to the first ones below it (a few more, for
    // a grid's row of cells or a child slightly out of order).
    let below = 0;
    let i = from;
    for (let kid = kids[i]; kid && below < 3; kid = kids[++i]) {
      const r = kid.getBoundingClientRect();
      if (!boxless(r) && r.top > zone.bottom) {
        below++;
        continue;
      }
      this.child(kid, zone, r);
    }
    // The container's own text between those children (all of it when it has few children).
    this.ownText(el, from > 0 ? kids[from - 1]!.nextSibling : el.firstChild, kids[i] ?? null);
  }

  /** Hands over the runs of own text among the siblings from `first` up to `end`. */
  private ownText(key: Element | ShadowRoot, first: ChildNode | null, end: ChildNode | null): void {
    let run: Text[] = [];
    let blank = true;
    const flush = (): void => {
      if (run.length && !blank) this.hooks.ownText(key, run);
      run = [];
      blank = true;
    };
    for (let c = first; c && c !== end; c = c.nextSibling) {
      if (c.nodeType === Node.TEXT_NODE) {
        run.push(c as Text);
        blank &&= !/\S/.test((c as Text).data);
      } else if (c.nodeType === Node.ELEMENT_NODE) {
        if (!isTextLevel(c as Element)) flush();
        else if (!skipsSubtree(c as Element)) {
          this.hooks.element(c as Element);
          for (let t = c.firstChild; t; t = t.nextSibling) {
            if (t.nodeType !== Node.TEXT_NODE) continue;
            run.push(t as Text);
            blank &&= !/\S/.test((t as Text).data);
          }
        }
      }
    }
    flush();
  }

  private child(kid: Element, zone: Zone, box: DOMRect | undefined): void {
    // Text-level children are part of the container's own text.
    if (!isTextLevel(kid)) this.visit(kid, zone, box);
  }
}

/** True when the subtree has at most PART_NODES nodes. */
function small(el: Element): boolean {
  const w = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let i = 0; i < PART_NODES; i++) if (!w.nextNode()) return true;
  return false;
}

/**
 * Index of the first child whose box reaches the zone: steps doubling from the first child,
 * then a binary search, over the children's boxes (never beyond the zone, see `container`);
 * -1 when their order down the page cannot be trusted (a later box above an earlier one),
 * and the caller reads them all.
 */
function firstNear(kids: HTMLCollection, zone: Zone): number {
  /** The first child from i with a box (hidden and empty ones are stepped over). */
  const boxAt = (i: number): { i: number; r: DOMRect } | undefined => {
    for (let k = i; k < i + 8; k++) {
      const kid = kids[k];
      if (!kid) return undefined;
      const r = kid.getBoundingClientRect();
      if (!boxless(r)) return { i: k, r };
    }
    return undefined;
  };
  let lo = 0;
  let hi = 0;
  let lastTop = -Infinity;
  for (let step = 1; ; step *= 2) {
    const b = boxAt(hi);
    if (!b) break;
    if (b.r.top < lastTop) return -1;
    lastTop = b.r.top;
    if (b.r.bottom >= zone.top) {
      hi = b.i;
      break;
    }
    lo = b.i + 1;
    hi = b.i + step;
  }
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    const b = boxAt(m);
    if (b && b.r.bottom < zone.top && b.i < hi) lo = b.i + 1;
    else hi = m;
  }
  // A step back: a child stepped over on the way may reach the zone too.
  return Math.max(0, lo - 1);
}
