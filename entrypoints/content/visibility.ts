/**
 * Whether our icon was really visible where the user clicked. Our shadow root is closed, but
 * the page can still style our host element (opacity, filters, clipping) or cover it, to make
 * a user click an icon they cannot see. Anything doubtful sends the click to a confirmation in
 * our card instead of starting a call.
 */
const HIDING_FILTER = /opacity\(|blur\(|brightness\(0|contrast\(0/;

/**
 * What the browser itself says about each of our controls (IntersectionObserver v2, Chromium):
 * covered by anything, even a `pointer-events: none` layer that `elementFromPoint` looks
 * through, faded, filtered or transformed. Where it is not supported it says nothing.
 */
/** How often a control the browser called hidden is looked at again. */
const RECHECK_MS = 250;

export class OcclusionWatch {
  private readonly verdicts = new WeakMap<Element, boolean>();
  private readonly io: IntersectionObserver | undefined;

  constructor() {
    if (typeof IntersectionObserverEntry === 'undefined' || !('isVisible' in IntersectionObserverEntry.prototype)) return;
    this.io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const visible = (e as IntersectionObserverEntry & { isVisible: boolean }).isVisible;
          this.verdicts.set(e.target, visible);
          // The browser does not always report a control becoming visible again when only the
          // page's styles changed (measured: nothing within 600 ms after the page's opacity
          // came back): while hidden, the verdict is asked for afresh.
          if (!visible && e.target.isConnected) setTimeout(() => this.recheck(e.target), RECHECK_MS);
        }
      },
      // The shortest delay the browser allows for visibility tracking.
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
  }

  /** Observes a control (observing it again is a no-op). */
  watch(el: Element): void {
    this.io?.observe(el);
  }

  private recheck(el: Element): void {
    if (!this.io || !el.isConnected || this.verdicts.get(el) !== false) return;
    this.io.unobserve(el);
    this.io.observe(el);
  }

  /** False only when the browser said so: a control shown under 100 ms ago has no verdict yet. */
  notHidden(el: Element): boolean {
    return this.verdicts.get(el) !== false;
  }

  disconnect(): void {
    this.io?.disconnect();
  }
}

export function reallyVisible(host: Element, target: Element, x: number, y: number): boolean {
  for (let el: Element | null = host; el; el = el.parentElement) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility !== 'visible' || parseFloat(cs.opacity) < 0.95) return false;
    if (HIDING_FILTER.test(cs.filter) || cs.clipPath !== 'none' || cs.mixBlendMode !== 'normal') return false;
  }
  const r = target.getBoundingClientRect();
  if (r.width < 8 || r.height < 8) return false;
  if (x < r.left - 1 || x > r.right + 1 || y < r.top - 1 || y > r.bottom + 1) return false;
  // Nothing of the page's on top: at the click point the top element is our host.
  return document.elementFromPoint(x, y) === host;
}
