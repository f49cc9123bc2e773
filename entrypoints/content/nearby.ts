/**
 * Blocks whose detection waits until they come near the viewport. Parsing every number of a
 * large page was nearly all of the content script's cost (npm run bench: 40x a plain walk of
 * the 20,000-row table), so the walk only sets aside blocks that may hold a number, and they
 * are detected when within one viewport height above or below the screen.
 *
 * Blocks are kept in chunks of consecutive blocks (document order), and a chunk is checked by
 * the boxes of its first and last block: any part of their span near the screen releases the
 * whole chunk. So a pass over a 20,000-row table asks for a few thousand boxes, not 60,000.
 * Boxes are read in a task of ours right after a frame (the scanner schedules the passes), when
 * the page's layout is usually up to date: reading them then costs no layout of our own, and
 * the page cannot change the DOM between two reads of one pass.
 * Not caught: a block placed far from its chunk's first and last block (absolute positioning,
 * flex `order`) is released with its chunk, not on its own.
 */
const CHUNK = 32;

export class Nearby {
  private readonly chunks = new Set<Element[]>();
  private open: Element[] = [];
  /** Chunks closed since the last pass: only these are checked after a scan slice. */
  private fresh: Element[][] = [];

  /** `release` gets the blocks of a chunk that came near (some may have left the page). */
  constructor(private readonly release: (blocks: Element[]) => void) {}

  /** Blocks set aside, not yet near. */
  get size(): number {
    return (this.chunks.size + this.fresh.length) * CHUNK + this.open.length;
  }

  defer(block: Element): void {
    this.open.push(block);
    if (this.open.length >= CHUNK) this.close();
  }

  /** Ends the current chunk; `check` decides whether it is near. */
  close(): void {
    if (!this.open.length) return;
    this.fresh.push(this.open);
    this.open = [];
  }

  get unchecked(): boolean {
    return this.fresh.length > 0 || this.open.length > 0;
  }

  /**
   * Releases the chunks that are near now: the fresh ones only, or all of them (`all`, after a
   * scroll, resize or layout change).
   */
  check(all: boolean): void {
    this.close();
    const zone = viewportZone();
    for (const chunk of this.fresh) {
      if (near(chunk, zone) !== false) this.release(chunk);
      else this.chunks.add(chunk);
    }
    this.fresh = [];
    if (!all) return;
    for (const chunk of this.chunks) {
      const n = near(chunk, zone);
      if (n === false) continue;
      this.chunks.delete(chunk);
      if (n) this.release(chunk);
    }
  }

  clear(): void {
    this.chunks.clear();
    this.open = [];
    this.fresh = [];
  }
}

interface Zone {
  top: number;
  bottom: number;
}

function viewportZone(): Zone {
  const h = innerHeight || document.documentElement.clientHeight;
  return { top: -h, bottom: 2 * h };
}

/** True when the chunk's span meets the zone, false when not, undefined when it left the page. */
function near(chunk: Element[], zone: Zone): boolean | undefined {
  const first = chunk.find((el) => el.isConnected);
  if (!first) return undefined;
  let last = first;
  for (let i = chunk.length - 1; i >= 0; i--) {
    if (chunk[i]!.isConnected) {
      last = chunk[i]!;
      break;
    }
  }
  const a = first.getBoundingClientRect();
  const b = last === first ? a : last.getBoundingClientRect();
  const top = Math.min(a.top, b.top);
  const bottom = Math.max(a.bottom, b.bottom);
  return bottom >= zone.top && top <= zone.bottom;
}
