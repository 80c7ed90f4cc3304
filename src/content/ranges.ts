/**
 * Blocks and their segments, and the way from a block offset back to a DOM position (a Range for an annotation).
 *
 * A block does not hold every text node it was read from: one segment in CHECKPOINT_EVERY keeps its node, the
 * others keep their place in the reader's walk (`ord`, the count of text nodes the walk had passed). Holding a
 * node from a content script keeps its JavaScript wrapper alive in our world, and on a page of 100,000 text nodes
 * those wrappers, and the tables the browser keeps them in, cost memory and long pauses when the tables grow. A
 * node is found again by walking on from the nearest kept one (at most CHECKPOINT_EVERY - 1 text nodes; a cursor
 * makes a pass over a block's annotations in order one walk in all), and checked against the block's text, so a
 * page that changed in the meantime gives no Range rather than a wrong one (the change is re-read anyway).
 */
import { type ExtractOptions, nextText } from './exclude.ts';
import { collapseWhiteSpace, sourceOffset } from './whitespace.ts';

export interface Segment {
  /** The text node, on every CHECKPOINT_EVERY-th segment of a block (the first included); else null. */
  node: Text | null;
  /** Position of the node among the text nodes the reader's walk returned. */
  ord: number;
  /** Offset of this segment's first character in the block text. */
  start: number;
  length: number;
  /** True when the segment's text is node.data as it is; else its offsets map back with `sourceOffset`. */
  verbatim: boolean;
  /** Whether the block text before this segment ended in a space (what collapsing the node started from). */
  afterSpace: boolean;
}

export interface Block {
  element: Element;
  text: string;
  segments: Segment[];
  /** The options the block was read with (its exclusions decide the walk that finds nodes again). */
  opts?: ExtractOptions;
  /** The last node found again, to walk on from, and the walker that found it. */
  cursor?: { index: number; node: Text; walker: TreeWalker };
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/** One segment in this many keeps its text node. */
export const CHECKPOINT_EVERY = 32;

/** The text node of segment `index`, found again if the block did not keep it; null if the page changed. */
export function nodeOf(block: Block, index: number): Text | null {
  const seg = block.segments[index];
  if (seg.node) return seg.node;
  const cursor = block.cursor;
  if (cursor?.index === index) return cursor.node;
  let from = index - (index % CHECKPOINT_EVERY);
  let node = block.segments[from].node as Text;
  if (cursor && cursor.index < index && cursor.index > from) {
    from = cursor.index;
    node = cursor.node;
  }
  const walker = cursor?.walker ?? block.element.ownerDocument.createTreeWalker(block.element, SHOW_ELEMENT_AND_TEXT);
  walker.currentNode = node;
  let found: Text | null = node;
  for (let steps = seg.ord - block.segments[from].ord; steps > 0 && found; steps--)
    found = nextText(walker, block.opts ?? {});
  if (!found || !holds(block, seg, found)) return null;
  block.cursor = { index, node: found, walker };
  return found;
}

/** Whether `node` still reads as the segment did (its collapsed text; the block may have lost a final space). */
function holds(block: Block, seg: Segment, node: Text): boolean {
  const want = block.text.slice(seg.start, seg.start + seg.length);
  for (const afterSpace of [false, true]) {
    const got = collapseWhiteSpace(node.data, afterSpace).text;
    if (got.length === seg.length && got.startsWith(want)) return true;
  }
  return false;
}

/** The (text node, offset) for a block offset. `end` = true for the end of a range (just past a character). */
export function pointAt(block: Block, offset: number, end: boolean): [Text, number] | null {
  const target = end ? offset - 1 : offset;
  const segs = block.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid];
    if (target < s.start) hi = mid - 1;
    else if (target >= s.start + s.length) lo = mid + 1;
    else {
      const node = nodeOf(block, mid);
      if (!node) return null;
      const k = target - s.start;
      const raw = s.verbatim ? k : sourceOffset(node.data, s.afterSpace, k);
      if (raw < 0) return null;
      return [node, end ? raw + 1 : raw];
    }
  }
  return null;
}

/** A DOM Range over [start, end) of a block, or null when the offsets fall in collapsed space. */
export function blockRange(block: Block, start: number, end: number): Range | null {
  const a = pointAt(block, start, false);
  const b = pointAt(block, end, true);
  if (!a || !b) return null;
  const r = block.element.ownerDocument.createRange();
  r.setStart(a[0], a[1]);
  r.setEnd(b[0], b[1]);
  return r;
}
