/**
 * Hostile pages (./hostile-pages.ts): broken DOM prototypes, a page that clears all highlights, a strict CSP,
 * 5 MB of text, a DOM 2,000 deep, 100k text nodes, shadow DOM / iframes / contenteditable, and a live blog that
 * mutates every 50 ms for 10 s. In each: no error escapes, no main-thread task of ours over 50 ms (a Chrome trace,
 * see ./tasks.ts), memory stays bounded, and the highlights are the right ones.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, findChromium, launchChromium } from './chromium.ts';
import { BROWSERS, type Driver, launch, waitFor } from './drivers.ts';
import { type HostilePage, writeHostilePages } from './hostile-pages.ts';
import { type StaticServer, startServer } from './server.ts';
import { TaskTracer, type TracedTask } from './tasks.ts';

/** A long task, as the Long Tasks API defines it. */
const LONG_TASK_MS = 50;
/** The largest pages take the browser itself seconds to parse and lay out on a loaded 2-core machine. */
const PAGE_TIMEOUT_MS = 180_000;

const { dir, pages } = writeHostilePages();
const painted = `(() => { const out = []; for (const [n, h] of CSS.highlights) if (n.startsWith('footnote-') && n !== 'footnote-focus') for (const r of h) out.push(r.toString()); return out; })()`;
/** Footnote's painted range texts, or null until every name in `names` is among them (a function, not a string:
 * pages with a strict CSP forbid evaluating strings). */
const paintedIfAll = (names: string[]) => {
  const out: string[] = [];
  for (const [n, h] of CSS.highlights)
    if (n.startsWith('footnote-') && n !== 'footnote-focus') for (const r of h) out.push(r.toString());
  return names.every((x) => out.includes(x)) ? out : null;
};
const paintedAll = (names: string[]) =>
  `(() => { const p = ${painted}; return ${JSON.stringify(names)}.every((n) => p.includes(n)) ? p : null; })()`;
/** The content script's mark once the names of the whole page are painted (claims are matched after). */
const namesDone = () => performance.getEntriesByName('footnote:names').length > 0;

/** One visit's tasks of ours, and the tracer that can say what ran inside them. */
interface Visit {
  tasks: TracedTask[];
  tracer: TaskTracer;
}

/** The longest task by one measure, in ms. */
const longest = (tasks: TracedTask[], of: (t: TracedTask) => number) => Math.max(0, ...tasks.map(of));

describe.skipIf(!findChromium())('hostile pages in Chromium', () => {
  let server: StaticServer;
  let session: ChromiumSession;
  beforeAll(async () => {
    server = await startServer({ '/hostile/': dir });
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** Load the page with tracing on, check what a reader sees, return our tasks. Throws on a wrong page. */
  async function visit(p: HostilePage): Promise<Visit> {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => {
      if (!/page says no/.test(e.message)) errors.push(e.message);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && m.location().url.startsWith('chrome-extension://')) errors.push(m.text());
    });
    const cdp = await session.context.newCDPSession(page);
    const tracer = new TaskTracer(cdp);
    try {
      await tracer.start();
      await page.goto(`${server.url}/hostile/${p.name}.html`, { timeout: PAGE_TIMEOUT_MS });
      const heapBefore = p.name === 'live-blog' ? await heap(cdp) : 0;
      const got = await waitForPage(page, p.expect, PAGE_TIMEOUT_MS);
      // Trace until the names of the whole page are painted: the 5 MB page is read and matched in many batches.
      await page.waitForFunction(namesDone, undefined, { timeout: PAGE_TIMEOUT_MS, polling: 500 });
      if (p.name === 'highlight-thief') {
        await page.waitForTimeout(1600); // the page clears every highlight at 1.5 s
        await waitForPage(page, p.expect, 6000);
      }
      if (p.name === 'live-blog') await checkLiveBlog(page, cdp, heapBefore);
      for (const n of p.never ?? []) expect(got).not.toContain(n);
      const tasks = await tracer.stop();
      console.log(
        `${p.name}: ${got.length} ranges painted, ${tasks.length} tasks of ours; longest: ` +
          `${longest(tasks, work).toFixed(1)} ms of work, ${longest(tasks, (t) => t.cpu).toFixed(1)} ms CPU, ` +
          `${longest(tasks, (t) => t.gc).toFixed(1)} ms GC, ${longest(tasks, (t) => t.wall).toFixed(1)} ms wall`,
      );
      expect(errors).toEqual([]);
      return { tasks, tracer };
    } finally {
      // Whatever happens, end the trace and close the tab: one trace at a time per browser.
      await tracer.dispose();
      await page.close().catch(() => undefined);
    }
  }

  it.each(pages.map((p) => [p.name, p] as const))(
    '%s: no error, no task of ours over 50 ms, bounded memory, right highlights',
    async (_, p) => {
      let v = await visit(p);
      // What is judged is each task's own work: its main-thread CPU time (trace `tdur`) less the garbage collections
      // V8 ran in it. Wall time also counts the moments the OS gave the core to another process, which on a loaded
      // 2-core machine is often ten times the work; and a collection lands in whichever task allocates when the heap
      // is due, the page's or ours, its size set by the whole page (its DOM included), and under CPU contention its
      // concurrent phases fall into the final pause. Both are printed. A single task over the limit gets one more
      // visit, judged alike.
      if (slow(v.tasks).length === 1) {
        console.log(
          `${p.name}: one task over ${LONG_TASK_MS} ms (${describeTask(v, slow(v.tasks)[0])}); measuring again`,
        );
        v = await visit(p);
      }
      const over = slow(v.tasks);
      expect(
        over.map((t) => describeTask(v, t)),
        `tasks of ours over ${LONG_TASK_MS} ms of work`,
      ).toEqual([]);
    },
    2 * PAGE_TIMEOUT_MS + 60_000,
  );

  /** Live blog: every painted range still holds a name, every name in the live text is painted, little growth. */
  async function checkLiveBlog(page: Page, cdp: import('playwright-core').CDPSession, heapBefore: number) {
    await page.waitForFunction(() => document.title === 'done', undefined, { timeout: 30_000 });
    await page.waitForTimeout(1500); // one more flush after the last mutation
    const now = (await page.evaluate(paintedIfAll, [])) as string[];
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
    const text = await page.evaluate(() => document.body.innerText);
    const names = ['Keir Starmer', 'Friedrich Merz', 'Giorgia Meloni', 'Mark Rutte', 'Donald Trump'];
    for (const t of now) expect(['Emmanuel Macron', ...names]).toContain(t);
    for (const name of names) {
      const inText = text.split(name).length - 1;
      expect(now.filter((t) => t === name).length, name).toBe(inText);
    }
    const growth = (await heap(cdp)) - heapBefore;
    console.log(`live-blog: heap growth ${(growth / 1048576).toFixed(1)} MB after 200 mutations`);
    expect(growth).toBeLessThan(16 * 1048576);
  }
});

/** A task's own work: CPU time less the garbage collections in it. */
const work = (t: TracedTask) => t.cpu - t.gc;
const slow = (tasks: TracedTask[]) => tasks.filter((t) => work(t) > LONG_TASK_MS);
const describeTask = (v: Visit, t: TracedTask) =>
  `${work(t).toFixed(1)} ms of work (${t.cpu.toFixed(1)} ms CPU, ${t.gc.toFixed(1)} ms of it GC; ${t.wall.toFixed(1)} ` +
  `ms wall): ${JSON.stringify(v.tracer.inside(t))}`;

async function heap(cdp: import('playwright-core').CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

async function waitForPage(page: Page, names: string[], timeout: number): Promise<string[]> {
  const handle = await page.waitForFunction(paintedIfAll, names, { timeout, polling: 200 });
  return (await handle.jsonValue()) as string[];
}

const firefox = BROWSERS.find((b) => b.name === 'firefox');
describe.skipIf(!firefox?.available())('hostile pages in Firefox', () => {
  let server: StaticServer;
  let d: Driver;
  beforeAll(async () => {
    server = await startServer({ '/hostile/': dir });
    d = await launch('firefox');
  });
  afterAll(async () => {
    await d?.close();
    await server?.close();
  });

  it.each(
    pages
      .filter((p) =>
        ['prototypes', 'highlight-thief', 'strict-csp', 'shadow-iframe-editable', 'deep-dom'].includes(p.name),
      )
      .map((p) => [p.name, p] as const),
  )('%s: the right highlights', async (_, p) => {
    await d.goto(`${server.url}/hostile/${p.name}.html`);
    const got = await waitFor<string[]>(d, paintedAll(p.expect), 30_000);
    if (p.name === 'highlight-thief') {
      await new Promise((r) => setTimeout(r, 1600));
      await waitFor(d, paintedAll(p.expect), 6000);
    }
    for (const n of p.never ?? []) expect(got).not.toContain(n);
  });
});
