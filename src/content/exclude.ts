/**
 * The one exclusion predicate of the block reader (./extract.ts): which subtrees hold no prose a reader sees. Tag
 * names and attributes only, never layout, so the same answer comes back every time the reader, or the replay of
 * its walk (./ranges.ts), asks about an unchanged element.
 */

/**
 * Subtrees whose text is not prose a reader sees, by local name: lower case for HTML elements in HTML and in XHTML
 * documents alike (`tagName` is upper case in the one and lower case in the other).
 */
export const EXCLUDED_TAGS: ReadonlySet<string> = new Set(
  (
    'script style noscript template textarea input select option code pre kbd samp svg math iframe object canvas ' +
    'video audio head title'
  ).split(' '),
);

/** Attribute that marks Footnote's own UI hosts. */
export const OWN_UI_ATTR = 'data-footnote-ui';

export interface ExtractOptions {
  /** Extra per-element test: true rejects the element's whole subtree (tests; a CLI with its own rules). */
  isHidden?: (el: Element) => boolean;
  /**
   * Layout test for an element that directly holds text: true when that text does not render. A layout test sees
   * hidden ancestors too (they leave no box), so it runs once per text-holding element, never for every element on
   * the way down, and the reader caches its answer for the element's other text children (the browser passes one;
   * happy-dom has no layout).
   */
  hidesText?: (parent: Element) => boolean;
}

/** The one exclusion predicate: true when nothing inside `el` should be read. Attribute checks only: no layout. */
export function isExcluded(el: Element, opts: ExtractOptions = {}): boolean {
  return isExcludedTag(el, el.localName, opts);
}

/**
 * `isExcluded` for a caller that has read the element's local name already; `askAttributes` false when the caller
 * knows the element carries none of the attributes it reads (see `ATTRIBUTE_SUSPECTS`).
 */
export function isExcludedTag(el: Element, name: string, opts: ExtractOptions, askAttributes = true): boolean {
  if (EXCLUDED_TAGS.has(name) || (askAttributes && excludedByAttributes(el))) return true;
  return opts.isHidden ? opts.isHidden(el) : false;
}

/**
 * Every element that carries an attribute `excludedByAttributes` reads: the only elements it can say yes to. One
 * native query finds them all, in document order, so a walk need not ask every element about five attributes (each
 * a call into the browser; on a news page those calls cost more than reading all of its text).
 */
export const SUSPECT_ATTRIBUTES = [OWN_UI_ATTR, 'hidden', 'aria-hidden', 'contenteditable', 'style'];
export const ATTRIBUTE_SUSPECTS = SUSPECT_ATTRIBUTES.map((a) => `[${a}]`).join(',');

/** The attribute half of the exclusion predicate (the other half is the local name, and `isHidden`). */
function excludedByAttributes(el: Element): boolean {
  if (el.hasAttribute(OWN_UI_ATTR) || el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * The next text node of a walk (a TreeWalker showing elements and text) after the walker's current node that is
 * not inside an excluded subtree: the text nodes the block reader sees, in its order.
 */
export function nextText(walker: TreeWalker, opts: ExtractOptions): Text | null {
  for (let n = walker.nextNode(); n; ) {
    if (n.nodeType === 3) return n as Text;
    n = isExcluded(n as Element, opts) ? skipSubtree(walker) : walker.nextNode();
  }
  return null;
}

/** Move past the walker's current node and its subtree (what FILTER_REJECT would do); the node there, or null. */
export function skipSubtree(walker: TreeWalker): Node | null {
  do {
    const next = walker.nextSibling();
    if (next) return next;
  } while (walker.parentNode());
  return null;
}
