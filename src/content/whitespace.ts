/**
 * White-space collapsing as a browser renders `white-space: normal` text, with a map back to the source offsets.
 * Part of the block reader (./extract.ts); kept apart because it is the hot loop on long pages.
 */

export interface Collapsed {
  /** The collapsed text (may be empty). */
  text: string;
  /** Collapsed index → offset in the source; null when every source character was kept (the identity map). */
  map: Int32Array | null;
  /** Whether `text` ends in a space (or, when empty, whether the text before it did). */
  endsInSpace: boolean;
}

/** Anything that needs rewriting: a tab or line break, or two spaces in a row. */
const NEEDS_WORK = /[\t\n\r\f]| {2}/;

const isCollapsible = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** The one result object, reused: the reader calls this for every text node of a page and reads it at once. */
const result: Collapsed = { text: '', map: null, endsInSpace: false };

function answer(text: string, map: Int32Array | null, endsInSpace: boolean): Collapsed {
  result.text = text;
  result.map = map;
  result.endsInSpace = endsInSpace;
  return result;
}

/**
 * Collapse `data`, given whether the text before it ends in a space. Most text nodes on real pages need nothing
 * (one native regex test, no copy); the rest are rebuilt from slices of the source, never char by char. The
 * result is valid until the next call.
 */
export function collapseWhiteSpace(data: string, afterSpace: boolean): Readonly<Collapsed> {
  if (data.length === 0) return answer('', null, afterSpace);
  if (!NEEDS_WORK.test(data) && !(afterSpace && data.charCodeAt(0) === 32)) {
    return answer(data, null, data.charCodeAt(data.length - 1) === 32);
  }
  const len = data.length;
  const map = new Int32Array(len);
  const parts: string[] = [];
  let n = 0;
  let from = 0; // start of the run of source characters kept verbatim
  let space = afterSpace;
  for (let i = 0; i < len; i++) {
    const c = data.charCodeAt(i);
    if (!isCollapsible(c)) {
      map[n++] = i;
      space = false;
    } else if (c === 32 && !space) {
      map[n++] = i; // a single plain space stays as it is
      space = true;
    } else {
      // Dropped (a space after a space) or rewritten (a tab or break becomes a space): end the verbatim run.
      if (i > from) parts.push(data.slice(from, i));
      from = i + 1;
      if (!space) {
        parts.push(' ');
        map[n++] = i;
        space = true;
      }
    }
  }
  if (from < len) parts.push(data.slice(from));
  return answer(parts.join(''), n === len ? null : map.slice(0, n), space);
}
