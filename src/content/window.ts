/**
 * RangeWindow: on pages with more mentions than `LIVE_RANGES`, live Ranges exist only for the blocks near the
 * viewport. A live Range costs a few hundred bytes of the page's DOM heap, every full GC traces it and every DOM
 * edit updates it: on the 5 MB hostile page (291,000 mentions) that made mark-compact pauses of one to two seconds
 * inside our tasks. Items keep their offsets; their Ranges are made when their block comes near the viewport and
 * dropped when it leaves. Pages under the limit (nearly all) have every Range from the start.
 *
 * An IntersectionObserver reports which block elements are near; as everywhere in the content script, its
 * callback only queues, and the queue is worked off in slices afterwards.
 */
import { sliceDeadline, yieldToMain } from './timing.ts';

/** Live Ranges a page holds at most before we switch to the window (see above); far above any article's count. */
export const LIVE_RANGES = 10_000;

/** How far around the viewport blocks keep their Ranges: a screen above and below, so scrolling finds them made. */
const MARGIN = '100% 0px';

export interface WindowHost {
  /** Make and paint the Ranges of the items in this element's blocks. */
  enter(el: Element): void;
  /** Unpaint and drop them. */
  leave(el: Element): void;
}

export class RangeWindow {
  private observer: IntersectionObserver | null = null;
  private readonly near = new Set<Element>();
  /** Element → whether it is near now (the latest report wins). */
  private queue = new Map<Element, boolean>();
  private flushing = false;

  constructor(
    private readonly host: WindowHost,
    private readonly signal: AbortSignal,
  ) {}

  /** Whether the window is on: new items get a Range only when their block is near. */
  get active(): boolean {
    return this.observer !== null;
  }

  isNear(el: Element): boolean {
    return this.near.has(el);
  }

  /** Switch the window on and watch these block elements (the far ones then leave). */
  start(elements: Iterable<Element>): void {
    if (this.observer || this.signal.aborted || typeof IntersectionObserver !== 'function') return;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) this.queue.set(e.target, e.isIntersecting);
        void this.flush();
      },
      { rootMargin: MARGIN },
    );
    for (const el of elements) this.observer.observe(el);
  }

  /** Watch one more block element (its first report says whether it is near). */
  observe(el: Element): void {
    this.observer?.observe(el);
  }

  /** Stop watching an element that holds no block any more. */
  forget(el: Element): void {
    this.observer?.unobserve(el);
    this.near.delete(el);
    this.queue.delete(el);
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
          this.host.leave(el);
        } else if (!this.near.has(el)) {
          this.near.add(el);
          this.host.enter(el);
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

  /** Back to every Range live (a full rescan starts over). */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.near.clear();
    this.queue.clear();
  }
}
