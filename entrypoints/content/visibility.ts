/**
 * Whether our icon was really visible where the user clicked. Our shadow root is closed, but
 * the page can still style our host element (opacity, filters, clipping) or cover it, to make
 * a user click an icon they cannot see. Anything doubtful sends the click to a confirmation in
 * our card instead of starting a call.
 */
const HIDING_FILTER = /opacity\(|blur\(|brightness\(0|contrast\(0/;

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
