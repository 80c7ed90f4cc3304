/**
 * What the extension costs a page, measured in Chromium: the page's heap after full collections, and how long the
 * content script takes to paint. Shared by the budget test (./budgets.test.ts) and the heap benchmark
 * (bench/heap.ts).
 *
 * `Runtime.getHeapUsage` answers for the page's whole isolate, which holds every world of the page: its own
 * scripts and the isolated worlds of content scripts. `usedSize` is V8's heap; `embedderHeapUsedSize` is Blink's
 * (DOM objects, Ranges, wrappers' other halves). A control extension whose content script holds a known amount
 * proves the isolated world is counted (`writeHoldingExtension`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumSession } from './chromium.ts';

/** Bytes of the page's heap: V8 and Blink, after full collections. */
export interface PageHeap {
  v8: number;
  blink: number;
}

export const heapTotal = (h: PageHeap) => h.v8 + h.blink;

/** Full collections until the heap stops shrinking (at most a few), then the heap. */
export async function pageHeap(cdp: CDPSession): Promise<PageHeap> {
  let last = Number.POSITIVE_INFINITY;
  let heap: PageHeap = { v8: 0, blink: 0 };
  for (let i = 0; i < 4; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    heap = { v8: h.usedSize, blink: h.embedderHeapUsedSize ?? 0 };
    if (heapTotal(heap) >= last) break;
    last = heapTotal(heap);
  }
  return heap;
}

/**
 * Resolves once the page has this User Timing mark (the content script's, or the control's). Polls with a bare
 * expression rather than `page.waitForFunction`: that first compiles Playwright's injected script in the page, tens
 * of milliseconds of the page's main thread right while the content script starts, which delayed the replies it
 * waits for and showed up in the first-paint figures.
 */
export async function markSeen(page: Page, name: string, timeout = 60_000): Promise<void> {
  const probe = `performance.getEntriesByName(${JSON.stringify(name)}).length > 0`;
  for (const end = Date.now() + timeout; !(await page.evaluate(probe)); ) {
    if (Date.now() > end) throw new Error(`no ${name} mark within ${timeout} ms on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Load `url` in a fresh tab (one tab at a time: tabs of one site can share a renderer, and so a heap), wait for
 * `ready` (a mark) or, without one, for the page to settle, and measure its heap. Median of `loads` loads, by total.
 */
export async function heapAfterLoad(
  session: ChromiumSession,
  url: string,
  ready: string | null,
  loads = 3,
): Promise<PageHeap> {
  const figures: PageHeap[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await session.context.newPage();
    try {
      const cdp = await session.context.newCDPSession(page);
      await page.goto(url, { waitUntil: 'load' });
      if (ready) await markSeen(page, ready);
      else await page.waitForTimeout(1000);
      figures.push(await pageHeap(cdp));
    } finally {
      await page.close();
    }
  }
  figures.sort((a, b) => heapTotal(a) - heapTotal(b));
  return figures[figures.length >> 1];
}

/** The mark the control extension's content script sets once it holds its objects. */
export const HELD_MARK = 'control:held';

/**
 * A control extension (written to a temporary folder) whose content script holds `count` small objects, each with
 * a string of its own: about 50 bytes apiece in V8, in the content script's isolated world.
 */
export function writeHoldingExtension(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'footnote-heap-control-'));
  const manifest = {
    manifest_version: 3,
    name: 'heap control',
    version: '1',
    // A service worker, so the launcher can tell that the extension loaded.
    background: { service_worker: 'worker.js' },
    content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['hold.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'worker.js'), '');
  writeFileSync(
    join(dir, 'hold.js'),
    `globalThis.held = Array.from({ length: ${count} }, (_, i) => ({ i, s: 'held ' + i }));\n` +
      `performance.mark(${JSON.stringify(HELD_MARK)});\n`,
  );
  return dir;
}

/** Our User Timing marks on one load (ms from navigation start), and the page's own DOMContentLoaded. */
export interface PaintTiming {
  /** The content script starts: the browser runs it as it injects it, at document_idle. */
  start: number;
  firstPaint: number;
  domContentLoaded: number;
}

/** Load `url` in a fresh tab, wait until the content script has finished the page, and read its marks. */
export async function paintTiming(session: ChromiumSession, url: string): Promise<PaintTiming> {
  const page = await session.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    // The whole scan, claims included, so the next load does not queue behind this one in the background.
    await markSeen(page, 'footnote:scanned');
    // A string, not a function: tsx (the benchmark) would wrap the function's inner names in a helper the page
    // does not have.
    return (await page.evaluate(`(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
      const nav = performance.getEntriesByType('navigation')[0];
      return { start: at('footnote:start'), firstPaint: at('footnote:first-paint'),
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : Number.NaN };
    })()`)) as PaintTiming;
  } finally {
    await page.close();
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The heap of the extension's service worker (where the engine and its index live), after a full collection.
 * Playwright gives no CDP session to a worker of a persistent context: this attaches to it through a page's session
 * and talks to it with Target.sendMessageToTarget.
 */
export async function workerHeap(session: ChromiumSession): Promise<PageHeap> {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`),
    );
    if (!worker) throw new Error('the extension has no running service worker');
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    } as never)) as { sessionId: string };
    let next = 0;
    const replies = new Map<number, (result: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget' as never, (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; result?: unknown };
      if (m.id !== undefined) replies.get(m.id)?.(m.result);
    });
    const call = (method: string) =>
      new Promise<unknown>((resolve) => {
        const id = ++next;
        replies.set(id, resolve);
        void cdp.send(
          'Target.sendMessageToTarget' as never,
          {
            sessionId,
            message: JSON.stringify({ id, method, params: {} }),
          } as never,
        );
      });
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const h = (await call('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    return { v8: h.usedSize, blink: h.embedderHeapUsedSize ?? 0 };
  } finally {
    await page.close();
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}
