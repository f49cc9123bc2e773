import type { Frame, Page } from 'playwright-core';

/**
 * The text of every range the extension highlighted in a frame, read from the page's side:
 * the highlight registry is visible to page scripts (which is why the product never trusts it).
 */
export function markedTexts(frame: Page | Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [];
    (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).forEach((h, name) => {
      if (!name.startsWith('stringee-c2c')) return;
      for (const r of h) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        out.push(live.toString());
      }
    });
    return out.sort();
  });
}

/** How many ranges the extension highlighted: cheap enough to poll on a 20,000-row page. */
export function markCount(frame: Page | Frame): Promise<number> {
  return frame.evaluate(() => {
    let n = 0;
    (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).forEach((h, name) => {
      if (name.startsWith('stringee-c2c')) n += h.size;
    });
    return n;
  });
}

/**
 * Waits until the number of marks stops changing (the scan runs in slices), then reads their
 * texts once. Polling the texts themselves would build every range again on each poll and
 * steal the main thread from the scan it waits for.
 */
export async function settledMarks(frame: Page | Frame, atLeast = 1, timeoutMs = 15_000): Promise<string[]> {
  const end = Date.now() + timeoutMs;
  let last = -1;
  let stable = 0;
  for (;;) {
    const now = await markCount(frame);
    stable = now === last && now >= atLeast ? stable + 1 : 0;
    last = now;
    if (stable >= 3 || Date.now() > end) return markedTexts(frame);
    await new Promise((r) => setTimeout(r, 150));
  }
}
