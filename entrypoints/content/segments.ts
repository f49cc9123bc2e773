import { skipsSubtree } from './exclusions';

/**
 * A segment is the text of one block as a reader sees it: consecutive text nodes under the
 * same block element, joined, so "<b>0912</b> 345 678" is one number. The page's nodes are
 * only read; offsets in the joined text map back to (node, offset) pairs for Ranges.
 */
export interface Segment {
  key: ParentNode;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
}

// Elements that flow inside a line of text: they never end a segment.
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'LABEL', 'MARK', 'Q',
  'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'WBR',
]);

export const isInline = (el: Element): boolean => INLINE.has(el.tagName.toUpperCase());

/** The nearest ancestor that is not inline: the block whose text a node belongs to. */
export function blockOf(node: Node): ParentNode {
  let p = node.parentNode;
  while (p && p.nodeType === Node.ELEMENT_NODE && INLINE.has((p as Element).tagName.toUpperCase())) p = p.parentNode;
  return (p ?? node) as ParentNode;
}

/** (node, offset) for an offset in a segment's joined text. */
export function locate(seg: Segment, offset: number, atEnd: boolean): [Text, number] {
  let i = seg.starts.length - 1;
  // An end offset on a boundary belongs to the node before it; a start to the node after.
  while (i > 0 && (atEnd ? seg.starts[i]! >= offset : seg.starts[i]! > offset)) i--;
  return [seg.nodes[i]!, offset - seg.starts[i]!];
}

/** The segment of consecutive text nodes of one block. */
export function segmentOf(key: ParentNode, nodes: Text[]): Segment {
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  return { key, nodes, starts, text };
}

/**
 * Part of its parent's own text even when the parent is walked by parts (scanner.ts): an
 * inline element holding only text, such as <b>0912</b> in "Gọi <b>0912</b> 345 678".
 */
export const isTextLevel = (el: Element): boolean => isInline(el) && el.firstElementChild === null;

/** Nodes one call to `SegmentWalker.next` visits at most, so a slice can stop on time. */
const STEP = 256;

/**
 * Walks a root's subtree in slices. `next()` returns the next complete segment, or undefined
 * when the walk is done; the walker keeps its place between slices.
 */
export class SegmentWalker {
  private readonly walker: TreeWalker;
  private pending: Text[] = [];
  private pendingKey: ParentNode | undefined;
  private done = false;
  /** Elements seen on the way: the scanner looks at tel: links and open shadow roots. */
  onElement: (el: Element) => void = () => undefined;

  constructor(readonly root: Node) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => {
        if (n.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const el = n as Element;
        this.onElement(el);
        return skipsSubtree(el) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
  }

  get finished(): boolean {
    return this.done;
  }

  /**
   * The next segment, or undefined when the walk is done or has gone through `STEP` nodes
   * without completing one (the caller checks its time budget and calls again).
   */
  next(): Segment | undefined {
    for (let steps = 0; !this.done && steps < STEP; steps++) {
      const n = this.walker.nextNode();
      if (!n) {
        this.done = true;
        return this.flush();
      }
      if (n.nodeType === Node.ELEMENT_NODE) {
        // A line break or a block inside the block ends the text run.
        const tag = (n as Element).tagName.toUpperCase();
        if (!INLINE.has(tag) && this.pending.length) return this.flush();
        continue;
      }
      const text = n as Text;
      const key = blockOf(text);
      if (this.pending.length && key !== this.pendingKey) {
        const seg = this.flush();
        this.pending = [text];
        this.pendingKey = key;
        return seg;
      }
      this.pending.push(text);
      this.pendingKey = key;
    }
    return undefined;
  }

  private flush(): Segment | undefined {
    const nodes = this.pending;
    const key = this.pendingKey;
    this.pending = [];
    this.pendingKey = undefined;
    return nodes.length && key ? segmentOf(key, nodes) : undefined;
  }
}
