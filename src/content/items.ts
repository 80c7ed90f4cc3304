/**
 * What the annotator knows about the page: the blocks it read, in document order, and the items (an annotation and
 * its Range) found in each, with the lookups hit-testing and updates need. No painting and no messages here.
 *
 * Nothing is indexed per text node: hit-testing goes from a text node to its block element (one short walk up per
 * pointer position) and from there to that element's blocks, so a page of 100,000 text nodes costs a map entry per
 * block, not per node.
 */
import { type Block, enclosingBlock } from './extract.ts';
import type { Item, PaintedItem } from './interaction.ts';

export class PageItems {
  private blocks: Block[] = [];
  private readonly itemsOf = new Map<Block, Item[]>();
  /** Block element → its blocks (one element can hold several: the text before and after a nested block). */
  private readonly byElement = new Map<Element, Block[]>();
  /** Items held per annotation (`kind:id`), so the badge's counts never need a pass over every item. */
  private readonly tally = new Map<string, number>();
  /** Items held. */
  size = 0;

  /** How many different entities (or claims) the page mentions. */
  distinct(kind: Item['annotation']['kind']): number {
    let n = 0;
    for (const key of this.tally.keys()) if (key.startsWith(`${kind}:`)) n++;
    return n;
  }

  private count(items: readonly Item[], delta: 1 | -1): void {
    for (const { annotation: a } of items) {
      const key = `${a.kind}:${a.id}`;
      const n = (this.tally.get(key) ?? 0) + delta;
      if (n > 0) this.tally.set(key, n);
      else this.tally.delete(key);
    }
    this.size += delta * items.length;
  }

  /** Every item in document order. */
  all(): Item[] {
    const out: Item[] = [];
    for (const b of this.blocks) {
      const items = this.itemsOf.get(b);
      if (items) for (const it of items) out.push(it);
    }
    return out;
  }

  /** Painted items that may sit under a text node: those of the blocks of its block element. */
  itemsAt(node: Node, root: Element): PaintedItem[] {
    const out: PaintedItem[] = [];
    for (const it of this.itemsIn(enclosingBlock(node, root))) if (it.range) out.push(it as PaintedItem);
    return out;
  }

  /** The items of every block of one block element. */
  itemsIn(el: Element): Item[] {
    const blocks = this.byElement.get(el);
    if (!blocks) return [];
    return blocks.flatMap((b) => this.itemsOf.get(b) ?? []);
  }

  /** Whether this block is held. */
  has(block: Block): boolean {
    return this.itemsOf.has(block);
  }

  /** Whether any block of this element is held. */
  holds(el: Element): boolean {
    return this.byElement.has(el);
  }

  /** The elements of all held blocks. */
  elements(): Iterable<Element> {
    return this.byElement.keys();
  }

  /** Add a block read after every block held so far (a full scan reads in document order). */
  append(block: Block, items: Item[]): void {
    this.blocks.push(block);
    this.index(block, items);
  }

  /** Add a block read by an update, at its place in document order (a binary search, not a sort). */
  insert(block: Block, items: Item[]): void {
    const blocks = this.blocks;
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (precedes(blocks[mid], block)) lo = mid + 1;
      else hi = mid;
    }
    blocks.splice(lo, 0, block);
    this.index(block, items);
  }

  /** Add items to a block already held (a later pass over the same blocks); false when the block is gone. */
  extend(block: Block, items: Item[]): boolean {
    const held = this.itemsOf.get(block);
    if (!held) return false;
    if (items.length > 0) this.itemsOf.set(block, [...held, ...items].sort(byPosition));
    this.count(items, 1);
    return true;
  }

  private index(block: Block, items: Item[]): void {
    this.itemsOf.set(block, items);
    this.count(items, 1);
    const list = this.byElement.get(block.element);
    if (list) list.push(block);
    else this.byElement.set(block.element, [block]);
  }

  /**
   * Drop the blocks `gone` says are gone and the items `keep` rejects; returns the items dropped. Runs in slices:
   * `pause` is awaited whenever `stop()` says the slice is over.
   */
  async prune(
    gone: (b: Block) => boolean,
    keep: (it: Item) => boolean,
    stop: () => boolean,
    pause: () => Promise<void>,
  ): Promise<Item[]> {
    const dropped: Item[] = [];
    const kept: Block[] = [];
    for (const b of this.blocks) {
      const items = this.itemsOf.get(b) ?? [];
      if (gone(b)) {
        for (const it of items) dropped.push(it);
        this.unindex(b);
      } else {
        kept.push(b);
        this.keepOnly(b, items, keep, dropped);
      }
      if (stop()) await pause();
    }
    this.blocks = kept;
    return dropped;
  }

  /** Drop the items `keep` rejects, everywhere (a "wrong match"); returns them. */
  filter(keep: (it: Item) => boolean): Item[] {
    const dropped: Item[] = [];
    for (const [b, items] of this.itemsOf) this.keepOnly(b, items, keep, dropped);
    return dropped;
  }

  private keepOnly(b: Block, items: Item[], keep: (it: Item) => boolean, dropped: Item[]): void {
    const live: Item[] = [];
    const gone: Item[] = [];
    for (const it of items) (keep(it) ? live : gone).push(it);
    if (gone.length === 0) return;
    this.itemsOf.set(b, live);
    this.count(gone, -1);
    for (const it of gone) dropped.push(it);
  }

  private unindex(b: Block): void {
    this.count(this.itemsOf.get(b) ?? [], -1);
    this.itemsOf.delete(b);
    const list = this.byElement.get(b.element);
    if (!list) return;
    const i = list.indexOf(b);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byElement.delete(b.element);
  }

  clear(): void {
    this.blocks = [];
    this.itemsOf.clear();
    this.byElement.clear();
    this.tally.clear();
    this.size = 0;
  }
}

/** Items of one block in reading order: by start, the longer first (a claim sentence before the name it opens with). */
function byPosition(x: Item, y: Item): number {
  return x.annotation.start - y.annotation.start || y.annotation.end - x.annotation.end;
}

/** Whether block `a` comes before block `b` in the document (by their first text nodes). */
function precedes(a: Block, b: Block): boolean {
  const na = a.segments[0]?.node;
  const nb = b.segments[0]?.node;
  if (!na || !nb || na === nb) return false;
  return (na.compareDocumentPosition(nb) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}
