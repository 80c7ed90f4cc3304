/**
 * Visible text of a page as blocks, each with a map back to its text nodes.
 *
 * One TreeWalker, one exclusion predicate (`isExcluded`). A block is the run of text nodes that share the
 * nearest block-level ancestor, so a name split over <a>, <em> or <span> is one string to the engine. White
 * space is collapsed as a browser renders it; each segment keeps what it takes to map its collapsed offsets
 * back to the text node's own (./whitespace.ts, `sourceOffset`), so engine offsets turn into DOM Ranges exactly.
 * Used by the content script and, over happy-dom, by the CLI — the same "visible text" in both.
 */
import { ATTRIBUTE_SUSPECTS, type ExtractOptions, isExcludedTag, SUSPECT_ATTRIBUTES, skipSubtree } from './exclude.ts';
import { type Block, CHECKPOINT_EVERY, type Segment } from './ranges.ts';
import { collapseWhiteSpace, isBlank } from './whitespace.ts';

export { type ExtractOptions, isExcluded, OWN_UI_ATTR } from './exclude.ts';
export { type Block, blockRange, pointAt, type Segment } from './ranges.ts';

/** Elements that start a new block of text, by local name (as in ./exclude.ts: the same in HTML and XHTML). */
const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p section summary table tbody ' +
    'td tfoot th thead tr ul button'
  ).split(' '),
);

function blockOf(node: Node, root: Node): Element {
  let el = node.parentElement;
  while (el && el !== root && !BLOCK_TAGS.has(el.localName)) el = el.parentElement;
  return (el ?? root) as Element;
}

/** Whether an element's own text renders: not asked yet, yes, no. */
enum Shows {
  Unknown = 0,
  Yes = 1,
  No = 2,
}

/** A block being built: text kept as parts (appending to one long string and reading its end would flatten it). */
interface Draft {
  element: Element;
  parts: string[];
  length: number;
  endsInSpace: boolean;
  segments: Segment[];
}

/** Work units (a node, or 256 characters of text) between two looks at the clock. */
const UNITS_PER_CHECK = 64;

/**
 * Reads a subtree's blocks incrementally: `read(stop)` walks until `stop()` says so, so the content script can
 * spread a long page over several short tasks (the TreeWalker keeps its place between calls).
 *
 * Every cost is per node and independent of depth: the walker returns each element (so a DOM 2,000 deep cannot
 * hold one `nextNode()` call for long), and the reader keeps the path from the root to the current node as a
 * stack of frames, so a text node's block, link and visibility come from its parent's frame instead of a walk up.
 */
export class BlockReader {
  readonly blocks: Block[] = [];
  private readonly walker: TreeWalker;
  // The path from the root to the current node, one entry per element, kept in parallel arrays (no object per
  // element: on a page of 100,000 elements the garbage would cost more than the walk): the element, its nearest
  // block-level ancestor-or-self (or the root), its nearest <a> ancestor-or-self, and whether its own text renders
  // (`hidesText`, asked on its first text child).
  private readonly els: Element[] = [];
  private readonly blocksOf: Element[] = [];
  private readonly links: Array<Element | null> = [];
  private readonly shows: Shows[] = [];
  private depth = 0;
  /** Text nodes the walk has returned so far (each segment's `ord`, see ./ranges.ts). */
  private texts = 0;
  private cur: Draft | null = null;
  private pendingSpace = false;
  private lastLink: Element | null = null;
  /**
   * The elements of the subtree that the attribute half of the exclusion predicate could turn down
   * (`ATTRIBUTE_SUSPECTS`, in document order), found by one query on the first slice, and the first of them the
   * walk has not reached: every other element is judged by its local name alone. The list holds while the page
   * does not change: an observer on the subtree says whether it did between two slices, and then (or where no
   * observer can be had) the list is dropped and every element is asked, as when it is null.
   */
  private suspects: ArrayLike<Element> | null = null;
  private nextSuspect = 0;
  private watcher: MutationObserver | null = null;
  private changed = false;
  private started = false;
  done = false;

  constructor(
    private readonly root: Element,
    private readonly opts: ExtractOptions = {},
  ) {
    const doc = root.ownerDocument;
    const NF = doc.defaultView?.NodeFilter ?? { SHOW_ELEMENT: 1, SHOW_TEXT: 4 };
    // No NodeFilter: a filter is a call from native code into ours for every node. Excluded subtrees are skipped
    // by hand instead (`skip`).
    this.walker = doc.createTreeWalker(root, NF.SHOW_ELEMENT | NF.SHOW_TEXT);
    this.push(root, root, root.closest('a'));
  }

  private push(el: Element, block: Element, link: Element | null): void {
    const d = this.depth++;
    this.els[d] = el;
    this.blocksOf[d] = block;
    this.links[d] = link;
    this.shows[d] = Shows.Unknown;
  }

  /** Read on until `stop()` is true (checked every few dozen nodes) or the subtree ends. Returns true when done. */
  read(stop: () => boolean = () => false): boolean {
    let units = 0;
    if (!this.started) this.startSuspects();
    else if (this.watcher === null || this.changed || this.watcher.takeRecords().length > 0) this.close();
    for (let n = this.walker.nextNode(); n; ) {
      // Each DOM property read is a call into the browser: a node's type, name and text are read once each.
      if (n.nodeType === 1) {
        const name = (n as Element).localName;
        if (this.excluded(n as Element, name)) {
          this.passSuspectsIn(n as Element);
          n = skipSubtree(this.walker);
          units++;
          continue;
        }
        units += this.visitElement(n as Element, name);
      } else units += this.visitText(n as Text);
      if (units >= UNITS_PER_CHECK) {
        units = 0;
        if (stop()) return false;
      }
      n = this.walker.nextNode();
    }
    this.finish();
    this.done = true;
    this.close();
    return true;
  }

  /** Stop watching the page. A reader left unfinished must be closed; one that reads on asks every element. */
  close(): void {
    this.watcher?.disconnect();
    this.watcher = null;
    this.suspects = null;
  }

  /** The exclusion predicate (./exclude.ts), asking about attributes only where they could say yes. */
  private excluded(el: Element, name: string): boolean {
    const suspects = this.suspects;
    let askAttributes = suspects === null;
    if (suspects !== null && suspects[this.nextSuspect] === el) {
      this.nextSuspect++;
      askAttributes = true;
    }
    return isExcludedTag(el, name, this.opts, askAttributes);
  }

  /** The walk skips `el`'s subtree: so do the suspects, which it will not reach. */
  private passSuspectsIn(el: Element): void {
    const suspects = this.suspects;
    if (suspects === null) return;
    while (this.nextSuspect < suspects.length && el.contains(suspects[this.nextSuspect])) this.nextSuspect++;
  }

  /** The suspects list, made on the first slice, and the observer that keeps it honest across slices. */
  private startSuspects(): void {
    this.started = true;
    this.suspects = this.root.querySelectorAll(ATTRIBUTE_SUSPECTS);
    this.nextSuspect = 0;
    const Observer = this.root.ownerDocument.defaultView?.MutationObserver;
    if (!Observer) return;
    this.watcher = new Observer(() => {
      this.changed = true;
    });
    this.watcher.observe(this.root, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: SUSPECT_ATTRIBUTES,
    });
  }

  /** Visit an element (not excluded); returns its cost in work units. */
  private visitElement(el: Element, name: string): number {
    const parent = el.parentNode as Element | null;
    if (!parent) return 1; // left the document between two slices
    const d = this.frameOf(parent);
    if (name === 'br') this.pendingSpace = true;
    this.push(el, BLOCK_TAGS.has(name) ? el : this.blocksOf[d], name === 'a' ? el : this.links[d]);
    return 1;
  }

  /** Visit a text node; returns its cost in work units. */
  private visitText(node: Text): number {
    const ord = this.texts++;
    const parent = node.parentNode as Element | null;
    if (!parent) return 1; // left the document between two slices
    const d = this.frameOf(parent);
    const data = node.data;
    const units = 1 + (data.length >> 8);
    // White space alone is at most a word break, and asking the layout about its parent (a container, mostly,
    // whose own text is only the breaks between its children) would be half of all the layout tests on a page.
    if (this.opts.hidesText && this.shows[d] !== Shows.Yes && !isBlank(data)) {
      if (this.shows[d] === Shows.Unknown) this.shows[d] = this.opts.hidesText(parent) ? Shows.No : Shows.Yes;
      if (this.shows[d] === Shows.No) return units;
    }
    const block = this.blocksOf[d];
    if (this.cur?.element !== block) {
      this.finish();
      this.cur = { element: block, parts: [], length: 0, endsInSpace: true, segments: [] };
      this.pendingSpace = false;
    }
    // Adjacent links ("<a>Home</a><a>News</a>") are separate words on screen (menus space them with CSS).
    const link = this.links[d];
    const lastLink = this.lastLink;
    const breakBefore = this.pendingSpace || (link !== null && lastLink !== null && link !== lastLink);
    appendText(this.cur, node, data, ord, breakBefore);
    this.lastLink = link;
    this.pendingSpace = false;
    return units;
  }

  /**
   * The depth of `el`, the parent of the node being visited, on the path: it is there, since the walk is in
   * document order (entries below it belong to subtrees the walk has left).
   */
  private frameOf(el: Element): number {
    let d = this.depth - 1;
    while (d >= 0 && this.els[d] !== el) d--;
    if (d < 0) {
      // The page moved nodes between two slices: rebuild this one entry the slow way.
      this.depth = 0;
      this.push(el, el === this.root ? el : enclosingBlock(el, this.root), el.closest('a'));
      return 0;
    }
    this.depth = d + 1;
    return d;
  }

  private finish(): void {
    const cur = this.cur;
    this.cur = null;
    if (!cur || cur.length === 0) return;
    let text = cur.parts.join('');
    if (!/\S/.test(text)) return;
    if (cur.endsInSpace) text = text.slice(0, -1);
    this.blocks.push({ element: cur.element, text, segments: cur.segments, opts: this.opts });
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
  if (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).localName)) return node as Element;
  return blockOf(node, root);
}

function appendText(draft: Draft, node: Text, data: string, ord: number, breakBefore: boolean): void {
  if (breakBefore && !draft.endsInSpace) {
    draft.parts.push(' ');
    draft.length++;
    draft.endsInSpace = true;
  }
  const afterSpace = draft.endsInSpace;
  const { text, verbatim, endsInSpace } = collapseWhiteSpace(data, afterSpace);
  draft.endsInSpace = endsInSpace;
  if (text.length === 0) return;
  const keep = draft.segments.length % CHECKPOINT_EVERY === 0;
  draft.segments.push({
    node: keep ? node : null,
    ord,
    start: draft.length,
    length: text.length,
    verbatim,
    afterSpace,
  });
  draft.parts.push(text);
  draft.length += text.length;
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
