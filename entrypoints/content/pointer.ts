import { liveRange, type Found } from './found';
import type { Scanner } from './scanner';

type CaretAt = (x: number, y: number, opts?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;

/**
 * Which found number is under the pointer. Highlights have no events, so a caret position at
 * the pointer leads to the text node and offset, and our own map says whether a number is
 * there; its line boxes must contain the pointer (the caret snaps to the nearest text).
 */
export function numberAt(scanner: Scanner, x: number, y: number, target: EventTarget | null): Found | undefined {
  const link = target instanceof Element ? target.closest('a[href]') : null;
  if (link instanceof HTMLAnchorElement) {
    const f = scanner.link(link);
    if (f) return f;
  }
  const caretAt = (document as unknown as { caretPositionFromPoint?: CaretAt }).caretPositionFromPoint;
  const pos = caretAt ? caretAt.call(document, x, y, { shadowRoots: [...scanner.shadowScopes] }) : null;
  if (!pos) return undefined;
  const f = scanner.at(pos.offsetNode, pos.offset);
  if (!f) return undefined;
  const rects = liveRange(f)?.getClientRects() ?? [];
  for (const r of rects) if (x >= r.left - 2 && x <= r.right + 2 && y >= r.top - 2 && y <= r.bottom + 2) return f;
  return undefined;
}
