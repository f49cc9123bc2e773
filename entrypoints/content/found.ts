import type { FoundNumber } from '@/utils/detect/find-numbers';

/**
 * One callable number on the page, in our own map: the page can read or clear the highlight
 * registry, so what a number is comes from here, never from a highlight.
 */
export interface Found {
  id: number;
  /** What the call goes to: E.164, or an internal extension/user id from a tel: link. */
  target: string;
  number: Pick<FoundNumber, 'kind' | 'carrier' | 'display' | 'extension'>;
  /**
   * Where it is written. A StaticRange does not slow the page's own DOM changes the way
   * thousands of live Ranges would; the scanner re-detects text that changes.
   */
  range: StaticRange;
  /** The element the text sits in (for theme and visibility). */
  element: Element;
  dark: boolean;
  /** Set for tel: links: the link is the affordance, its href the number. */
  link?: HTMLAnchorElement;
}

let nextId = 1;
export const newId = (): number => nextId++;

/** A live Range over a found number, to measure it where it is now. */
export function liveRange(f: Found): Range | undefined {
  try {
    const r = document.createRange();
    r.setStart(f.range.startContainer, f.range.startOffset);
    r.setEnd(f.range.endContainer, f.range.endOffset);
    return r;
  } catch {
    // The text changed under a static range: the scanner will drop or redo it.
    return undefined;
  }
}
