import { insideExcluded } from './exclusions';
import { SegmentWalker, segmentOf, type Segment } from './segments';

/**
 * Text waiting to be read: parts of the page to walk (elements, roots) and runs of a
 * container's own text (near-screen.ts), handed out one segment at a time so a slice can stop
 * on time. The scanner keeps one queue for the screen, one for the margin around it and one for
 * the popup's full count, and empties them in that order.
 */
export class WorkQueue {
  private readonly parts: Node[] = [];
  private readonly runs: { key: ParentNode; nodes: Text[] }[] = [];
  private walker: SegmentWalker | undefined;

  constructor(private readonly onElement: (el: Element) => void) {}

  get busy(): boolean {
    return this.walker !== undefined || this.parts.length > 0 || this.runs.length > 0;
  }

  part(root: Node): void {
    this.parts.push(root);
  }

  run(key: ParentNode, nodes: Text[]): void {
    this.runs.push({ key, nodes });
  }

  clear(): void {
    this.parts.length = 0;
    this.runs.length = 0;
    this.walker = undefined;
  }

  /**
   * The next segment; undefined with `busy` still true when a walk went through its step of
   * nodes without completing one (call again), undefined and not busy when empty.
   */
  next(): Segment | undefined {
    for (;;) {
      const run = this.runs.shift();
      if (run) {
        // Text the page has removed since the pass is left out.
        if (run.nodes.every((t) => t.isConnected)) return segmentOf(run.key, run.nodes);
        continue;
      }
      if (!this.walker) {
        const root = this.parts.shift();
        if (!root) return undefined;
        if (!root.isConnected || insideExcluded(root)) continue;
        this.walker = new SegmentWalker(root);
        this.walker.onElement = this.onElement;
      }
      const seg = this.walker.next();
      if (this.walker.finished) this.walker = undefined;
      return seg;
    }
  }
}
