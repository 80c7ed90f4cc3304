/**
 * Hit-testing the pointer against our ranges: the page's DOM has no elements of ours to receive events, so
 * we ask the browser which text position is under the pointer and check it against the annotation ranges,
 * then confirm with the range's client rects (a caret position snaps to the nearest text even in margins).
 */

export interface Hittable {
  range: Range;
}

type CaretPoint = { node: Node; offset: number } | null;

function caretAt(doc: Document, x: number, y: number): CaretPoint {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/**
 * The item under (x, y): the text node under the pointer gives the candidates (the items of its block, so no
 * page-wide index needs rebuilding), a caret and rect check picks among them, the shortest range winning (a name
 * inside a claim sentence).
 */
export function hitTest<T extends Hittable>(
  doc: Document,
  x: number,
  y: number,
  candidatesFor: (node: Node) => readonly T[],
): T | null {
  const caret = caretAt(doc, x, y);
  if (caret?.node.nodeType !== 3) return null;
  let best: T | null = null;
  let bestLen = Number.POSITIVE_INFINITY;
  for (const it of candidatesFor(caret.node)) {
    const r = it.range;
    let inside: boolean;
    try {
      inside =
        r.isPointInRange(caret.node, caret.offset) || (r.endContainer === caret.node && r.endOffset === caret.offset);
    } catch {
      continue; // the range's nodes left the document
    }
    if (!inside || !rectsContain(r, x, y)) continue;
    const len = r.toString().length;
    if (len < bestLen) {
      best = it;
      bestLen = len;
    }
  }
  return best;
}
