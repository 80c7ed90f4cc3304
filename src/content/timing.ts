/**
 * Every timing number of the content script, named, with the reason for its value.
 */

/** A card stays open this long after the pointer leaves (Wikipedia Page Previews uses ~300 ms): time to reach it. */
export const CLOSE_GRACE_MS = 300;

/** Longest slice of main-thread work we do before yielding. Long tasks start at 50 ms; stay far below. */
export const SLICE_MS = 8;

/** Changed blocks above which one full rescan is cheaper than many partial ones. */
export const FULL_RESCAN_BLOCKS = 64;

/** After a burst of DOM changes, wait this long for quiet before rescanning (live blogs mutate constantly). */
export const MUTATION_SETTLE_MS = 120;

/** Give up waiting for quiet after this long and rescan anyway, so constant mutation cannot starve us. */
export const MUTATION_MAX_WAIT_MS = 1000;

/** How often we check that the page has not cleared our highlights (a Map lookup per category: cheap). */
export const HIGHLIGHT_CHECK_MS = 1000;

/** Yield to the browser so input and rendering can run between our slices. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/** A deadline `SLICE_MS` from now, as a stop predicate for sliced work. */
export function sliceDeadline(ms = SLICE_MS): () => boolean {
  const end = performance.now() + ms;
  return () => performance.now() >= end;
}

/**
 * User Timing marks, in the page's performance timeline, so tests and benchmarks can time us: footnote:start (the
 * browser injected the content script, at document_idle), footnote:first-paint, footnote:names (the names of the
 * whole page are painted), footnote:scanned (claims too).
 */
export function mark(name: string, startTime?: number): void {
  try {
    performance.mark(name, startTime === undefined ? undefined : { startTime });
  } catch {
    // a page may have replaced performance.mark; timing is optional
  }
}
