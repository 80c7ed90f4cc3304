/**
 * Visible text of a page as blocks, each with a map back to its text nodes.
 *
 * One TreeWalker, one exclusion predicate (`isExcluded`). A block is the run of text nodes that share the
 * nearest block-level ancestor, so a name split over <a>, <em> or <span> is one string to the engine. White
 * space is collapsed as a browser renders it; each segment keeps a map from its collapsed text back to the
 * text node's own offsets, so engine offsets turn into DOM Ranges exactly. Used by the content script and,
 * over happy-dom, by the CLI — the same "visible text" in both.
 */

export interface Segment {
  node: Text;
  /** Offset of this segment's first character in the block text. */
  start: number;
  length: number;
  /** Collapsed index → offset in node.data; null when the two are the same. */
  map: Int32Array | null;
}

export interface Block {
  element: Element;
  text: string;
  segments: Segment[];
}

/** Subtrees whose text is not prose a reader sees. */
const EXCLUDED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'svg',
  'MATH',
  'math',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
]);

/** Elements that start a new block of text. */
const BLOCK_TAGS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION CENTER DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE ' +
    'FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR HTML LEGEND LI MAIN MENU NAV OL P SECTION SUMMARY TABLE TBODY ' +
    'TD TFOOT TH THEAD TR UL BUTTON'
  ).split(' '),
);

/** Attribute that marks Footnote's own UI hosts. */
export const OWN_UI_ATTR = 'data-footnote-ui';

export interface ExtractOptions {
  /** Extra visibility test (the browser passes one using layout; happy-dom has none). */
  isHidden?: (el: Element) => boolean;
}

/** The one exclusion predicate: true when nothing inside `el` should be read. */
export function isExcluded(el: Element, opts: ExtractOptions = {}): boolean {
  if (EXCLUDED_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute(OWN_UI_ATTR) || el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  const style = el.getAttribute('style');
  if (style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return opts.isHidden ? opts.isHidden(el) : false;
}

function blockOf(node: Node, root: Node): Element {
  let el = node.parentElement;
  while (el && el !== root && !BLOCK_TAGS.has(el.tagName)) el = el.parentElement;
  return (el ?? root) as Element;
}

const COLLAPSIBLE = /[ \t\n\r\f]/;

/**
 * Reads a subtree's blocks incrementally: `read(deadline)` walks until the deadline says stop, so the content
 * script can spread a long page over several short tasks (the TreeWalker keeps its place between calls).
 */
export class BlockReader {
  readonly blocks: Block[] = [];
  private readonly walker: TreeWalker;
  private cur: Block | null = null;
  private pendingSpace = false;
  private lastLink: Element | null = null;
  done = false;

  constructor(
    private readonly root: Element,
    opts: ExtractOptions = {},
  ) {
    const doc = root.ownerDocument;
    const NF = doc.defaultView?.NodeFilter ?? {
      FILTER_ACCEPT: 1,
      FILTER_REJECT: 2,
      FILTER_SKIP: 3,
      SHOW_ELEMENT: 1,
      SHOW_TEXT: 4,
    };
    this.walker = doc.createTreeWalker(root, NF.SHOW_ELEMENT | NF.SHOW_TEXT, {
      acceptNode(n: Node) {
        if (n.nodeType === 3) return NF.FILTER_ACCEPT;
        const el = n as Element;
        if (isExcluded(el, opts)) return NF.FILTER_REJECT;
        return el.tagName === 'BR' ? NF.FILTER_ACCEPT : NF.FILTER_SKIP;
      },
    });
  }

  /** Read on until `stop()` is true (checked every 64 nodes) or the subtree ends. Returns true when done. */
  read(stop: () => boolean = () => false): boolean {
    let count = 0;
    for (let n = this.walker.nextNode(); n; n = this.walker.nextNode()) {
      this.visit(n);
      if (++count % 64 === 0 && stop()) return false;
    }
    this.finish();
    this.done = true;
    return true;
  }

  private visit(n: Node): void {
    if (n.nodeType !== 3) {
      this.pendingSpace = true; // <br>
      return;
    }
    const node = n as Text;
    const element = blockOf(node, this.root);
    if (!this.cur || this.cur.element !== element) {
      this.finish();
      this.cur = { element, text: '', segments: [] };
      this.pendingSpace = false;
    }
    // Adjacent links ("<a>Home</a><a>News</a>") are separate words on screen (menus space them with CSS).
    const link = node.parentElement?.closest('a') ?? null;
    const lastLink = this.lastLink;
    appendText(this.cur, node, this.pendingSpace || (link !== null && lastLink !== null && link !== lastLink));
    this.lastLink = link;
    this.pendingSpace = false;
  }

  private finish(): void {
    const cur = this.cur;
    if (cur?.text.trim()) {
      if (cur.text.endsWith(' ')) cur.text = cur.text.slice(0, -1);
      this.blocks.push(cur);
    }
    this.cur = null;
  }
}

/** All blocks of a subtree in one go (the CLI, tests, small subtrees). */
export function extractBlocks(root: Element, opts: ExtractOptions = {}): Block[] {
  const reader = new BlockReader(root, opts);
  reader.read();
  return reader.blocks;
}

/** The block that holds `node`: the node itself if it is a block-level element, else its nearest block ancestor. */
export function enclosingBlock(node: Node, root: Element): Element {
  if (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName)) return node as Element;
  return blockOf(node, root);
}

function appendText(block: Block, node: Text, breakBefore: boolean): void {
  const data = node.data;
  let out = '';
  let map: number[] | null = null;
  let lastSpace = block.text.length === 0 || block.text.endsWith(' ');
  if (breakBefore && !lastSpace) {
    block.text += ' ';
    lastSpace = true;
  }
  for (let i = 0; i < data.length; i++) {
    const ch = data[i];
    if (COLLAPSIBLE.test(ch)) {
      if (lastSpace) {
        map ??= Array.from({ length: out.length }, (_, k) => k);
        continue;
      }
      out += ' ';
      lastSpace = true;
    } else {
      out += ch;
      lastSpace = false;
    }
    map?.push(i);
  }
  if (out.length === 0) return;
  block.segments.push({ node, start: block.text.length, length: out.length, map: map ? Int32Array.from(map) : null });
  block.text += out;
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
      const k = target - s.start;
      const raw = s.map ? s.map[k] : k;
      return [s.node, end ? raw + 1 : raw];
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

/** The page's visible text as one string (blocks joined by newlines) with each block's offset in it. */
export function pageText(blocks: readonly Block[]): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  for (const b of blocks) {
    if (text) text += '\n';
    offsets.push(text.length);
    text += b.text;
  }
  return { text, offsets };
}
