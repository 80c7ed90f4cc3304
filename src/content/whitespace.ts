/**
 * White-space collapsing as a browser renders `white-space: normal` text, and the way back from a collapsed offset
 * to the source offset. Part of the block reader (./extract.ts); kept apart because it is the hot loop on long
 * pages.
 *
 * The reader collapses every text node of a page, but only the few that hold an annotation's ends are ever mapped
 * back. So collapsing keeps no map: it is one native regex test, and for the nodes that need it one native
 * replace. `sourceOffset` redoes the walk for a single offset when a Range is made.
 */

export interface Collapsed {
  /** The collapsed text (may be empty). */
  text: string;
  /** True when `text` is the source itself (collapsed offsets are source offsets). */
  verbatim: boolean;
  /** Whether `text` ends in a space (or, when empty, whether the text before it did). */
  endsInSpace: boolean;
}

/** Anything that needs rewriting: a tab or line break, or two spaces in a row. */
const NEEDS_WORK = /[\t\n\r\f]| {2}/;
/** A run of collapsible white space (not U+00A0: a no-break space renders). */
const RUN = /[ \t\n\r\f]+/g;

/** Text that is only collapsible white space (or empty): at most a word break on screen. */
const BLANK = /^[ \t\n\r\f]*$/;
export const isBlank = (data: string): boolean => BLANK.test(data);

const isCollapsible = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** The one result object, reused: the reader calls this for every text node of a page and reads it at once. */
const result: Collapsed = { text: '', verbatim: true, endsInSpace: false };

function answer(text: string, verbatim: boolean, endsInSpace: boolean): Collapsed {
  result.text = text;
  result.verbatim = verbatim;
  result.endsInSpace = endsInSpace;
  return result;
}

/**
 * Collapse `data`, given whether the text before it ends in a space: each run of white space becomes one space,
 * and a space right after a space goes. The result is valid until the next call.
 */
export function collapseWhiteSpace(data: string, afterSpace: boolean): Readonly<Collapsed> {
  const len = data.length;
  if (len === 0) return answer('', true, afterSpace);
  const leading = afterSpace && isCollapsible(data.charCodeAt(0));
  if (!leading && !NEEDS_WORK.test(data)) return answer(data, true, data.charCodeAt(len - 1) === 32);
  let text = data.replace(RUN, ' ');
  if (leading) text = text.slice(1);
  return answer(text, false, text.length === 0 ? afterSpace : text.charCodeAt(text.length - 1) === 32);
}

/**
 * The offset in `data` of the character at `offset` in its collapsed text (`collapseWhiteSpace(data, afterSpace)`);
 * a kept space maps to the first white-space character of its run. -1 when `offset` is past the collapsed text.
 */
export function sourceOffset(data: string, afterSpace: boolean, offset: number): number {
  let n = 0;
  let space = afterSpace;
  for (let i = 0; i < data.length; i++) {
    if (isCollapsible(data.charCodeAt(i))) {
      if (space) continue;
      space = true;
    } else space = false;
    if (n === offset) return i;
    n++;
  }
  return -1;
}
