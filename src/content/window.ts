/**
 * LiveRanges: which items hold a live Range. On pages with more mentions than `LIVE_RANGES`, only the blocks near
 * the viewport do. A live Range costs a few hundred bytes of the page's DOM heap, every full GC traces it and every
 * DOM edit updates it: on the 5 MB hostile page (291,000 mentions) that made mark-compact pauses of one to two
 * seconds inside our tasks. Items keep their offsets; their Ranges are made when their block comes near the viewport
 * and dropped when it leaves. Pages under the limit (nearly all) have every Range from the start.
 *
 * An IntersectionObserver reports which block elements are near; as everywhere in the content script, its
 * callback only queues, and the queue is worked off in slices afterwards.
 */
import type { Block } from './extract.ts';
import { byHighlight, type Painter } from './highlights.ts';
import type { Item } from './interaction.ts';
import type { PageItems } from './items.ts';
import { blockRange } from './ranges.ts';
import { sliceDeadline, yieldToMain } from './timing.ts';

/** Live Ranges a page holds at most before we switch to the window (see above); far above any article's count. */
export const LIVE_RANGES = 10_000;

/** How far around the viewport blocks keep their Ranges: a screen above and below, so scrolling finds them made. */
const MARGIN = '100% 0px';

export class LiveRanges {
  private observer: IntersectionObserver | null = null;
  private readonly near = new Set<Element>();
  /** Element → whether it is near now (the latest report wins). */
  private queue = new Map<Element, boolean>();
  private flushing = false;
  /** Live Ranges our items hold. */
  private count = 0;

  constructor(
    private readonly doc: Document,
    private readonly page: PageItems,
    private readonly painter: Painter,
    private readonly signal: AbortSignal,
  ) {}

  /** Whether the items of this block get their Ranges now (always, unless the window is on and it is far). */
  wants(block: Block): boolean {
    return this.observer === null || this.near.has(block.element);
  }

  /** Items were added to a block, with Ranges if `wants` said so. */
  added(block: Block, items: readonly Item[]): void {
    for (const it of items) if (it.range) this.count++;
    this.observer?.observe(block.element);
  }

  /** After a batch: past LIVE_RANGES, switch the window on (the far blocks then let their Ranges go). */
  check(): void {
    if (this.observer || this.count <= LIVE_RANGES || this.signal.aborted) return;
    if (typeof IntersectionObserver !== 'function') return;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) this.queue.set(e.target, e.isIntersecting);
        void this.flush();
      },
      { rootMargin: MARGIN },
    );
    for (const el of this.page.elements()) this.observer.observe(el);
  }

  /** The item's Range, made now if the window had dropped it (a card or a keyboard step to a far mention). */
  rangeOf(item: Item): Range | null {
    if (!item.range) {
      const a = item.annotation;
      item.range = blockRange(item.block, a.start, a.end);
      if (item.range) this.count++;
    }
    return item.range;
  }

  /** Items that went away: unpaint them, and stop watching block elements that hold nothing now. */
  dropped(items: readonly Item[]): void {
    this.painter.remove(byHighlight(items));
    for (const it of items) {
      if (it.range) this.count--;
      const el = it.block.element;
      if (this.observer && !this.page.holds(el)) {
        this.observer.unobserve(el);
        this.near.delete(el);
        this.queue.delete(el);
      }
    }
  }

  /** A block element came near the viewport: make and paint its items' Ranges. */
  private enter(el: Element): void {
    const items = this.page.itemsIn(el);
    for (const it of items) this.rangeOf(it);
    this.painter.add(this.doc, byHighlight(items));
  }

  /** A block element left the viewport's surroundings: unpaint its items and let their Ranges go. */
  private leave(el: Element): void {
    const items = this.page.itemsIn(el);
    this.painter.remove(byHighlight(items));
    for (const it of items) {
      if (!it.range) continue;
      it.range = null;
      this.count--;
    }
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      let stop = sliceDeadline();
      while (this.queue.size > 0 && !this.signal.aborted && this.observer) {
        const [el, isNear] = this.queue.entries().next().value as [Element, boolean];
        this.queue.delete(el);
        if (!isNear) {
          // Also for blocks whose Ranges were made before the window was on: their first report is "far".
          this.near.delete(el);
          this.leave(el);
        } else if (!this.near.has(el)) {
          this.near.add(el);
          this.enter(el);
        }
        if (stop()) {
          await yieldToMain();
          stop = sliceDeadline();
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Back to every Range live and none counted (a full rescan starts over; a pause clears the page). */
  reset(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.near.clear();
    this.queue.clear();
    this.count = 0;
  }
}
