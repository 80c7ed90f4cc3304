/**
 * Bench: what the extension costs a page's heap, and where the index lives. The seed article
 * (../shared/pages/seed-article.html) in Chromium without the extension, and with it built around the default pack
 * and around the scale pack (bench/scale-pack.ts: 100k+ aliases and the fact-checked claims), each build written to
 * a temporary folder. For each:
 *   - the page's heap (test/browser/heap.ts: V8 and Blink of the page's isolate, content scripts' isolated worlds
 *     included, after full collections; median of 3 loads) less the same page's without the extension;
 *   - the heap of the extension's service worker, where the engine and its index live;
 *   - the first paint after document_idle (median of 5 loads), right after the service worker was stopped (median
 *     of 3), and on the first page of a fresh browser.
 * Goals: the page pays at most 4 MB with the default pack (also asserted in test/browser/budgets.test.ts) and 8 MB
 * with the scale pack.
 *
 * The scale pack cannot go through `FOOTNOTE_PACK=… npm run build`: the build validates the pack, and a pack of
 * 100,000 names breaks the alias-collision rule by nature (two "John Smith"s). This bench builds with the project's
 * vite config, its pack plugin given the pack as bench/scale-pack.ts made it.
 *
 * Run: `npm run bench -- heap` (with `--cached` to reuse bench-output/scale-pack.json).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin, type PluginOption, type UserConfig } from 'vite';
import type { Pack } from '../src/core/pack/schema.ts';
import { type ChromiumSession, findChromium, launchChromium } from '../test/browser/chromium.ts';
import { heapAfterLoad, heapTotal, median, type PageHeap, paintTiming, workerHeap } from '../test/browser/heap.ts';
import { hasShared, startServer } from '../test/browser/server.ts';
import viteConfig, { footnotePack } from '../vite.config.ts';
import { REPO_DIR } from './lib/data.ts';
import type { BenchContext, BenchResult, BenchRow } from './types.ts';

export const name = 'heap';
/** After the Node benches (it reuses their scale pack), before the in-browser find-and-paint bench. */
export const order = 150;

const MB = 1e6;
const SEED = '/shared/pages/seed-article.html';
const PAINT_LOADS = 5;
const WAKE_LOADS = 3;

/** Stop the extension's service worker, as Chrome does after 30 s without events. */
async function stopServiceWorkers(session: ChromiumSession): Promise<void> {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await page.close();
  }
}

/** The Chrome build of the extension around `pack`, in a fresh temporary folder; returns the folder. */
export async function buildExtension(pack: Pack): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'footnote-bench-ext-'));
  const config = (viteConfig as unknown as (env: { mode: string; command: 'build' }) => UserConfig)({
    mode: 'chrome',
    command: 'build',
  });
  const plugins = ((config.plugins ?? []) as PluginOption[])
    .flat(Number.POSITIVE_INFINITY as 1)
    .filter((p): p is Plugin => Boolean(p) && (p as Plugin).name !== 'footnote-pack');
  await build({
    ...config,
    configFile: false,
    root: REPO_DIR,
    mode: 'chrome',
    logLevel: 'warn',
    plugins: [footnotePack(() => pack), ...plugins],
    build: { ...config.build, outDir, emptyOutDir: true },
  });
  return outDir;
}

interface Figures {
  page: PageHeap;
  worker: PageHeap;
  paint: number;
  /** First paint on the first load in a fresh browser. */
  coldPaint: number;
  /** First paint on a load right after the service worker was stopped. */
  wakePaint: number;
  buildMs: number;
}

async function measure(extension: string, url: string, buildMs: number): Promise<Figures> {
  const session = await launchChromium({ extension });
  const logged: string[] = [];
  session.worker.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') logged.push(`service worker ${m.type()}: ${m.text()}`);
  });
  try {
    // The first load in a fresh browser: the background reads the pack and builds its index meanwhile.
    const cold = await paintTiming(session, url);
    const page = await heapAfterLoad(session, url, 'footnote:scanned').catch((e: Error) => {
      throw new Error(`${e.message.split('\n')[0]}${logged.length ? `; ${logged.join('; ')}` : ''}`);
    });
    const paints: number[] = [];
    for (let i = 0; i < PAINT_LOADS; i++) {
      const t = await paintTiming(session, url);
      paints.push(t.firstPaint - t.start);
    }
    // Chrome stops an extension's idle service worker after 30 s: the next page waits for it to start again, read
    // the pack and build the name index.
    const woken: number[] = [];
    for (let i = 0; i < WAKE_LOADS; i++) {
      await stopServiceWorkers(session);
      const t = await paintTiming(session, url);
      woken.push(t.firstPaint - t.start);
    }
    return {
      page,
      worker: await workerHeap(session),
      paint: median(paints),
      coldPaint: cold.firstPaint - cold.start,
      wakePaint: median(woken),
      buildMs,
    };
  } finally {
    await session.close();
  }
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  if (!hasShared()) return { rows: [], skipped: '../shared/pages/seed-article.html is absent' };
  if (!findChromium()) return { rows: [], skipped: 'no Chromium (apt-get install chromium, or set CHROME_PATH)' };
  const server = await startServer();
  const url = `${server.url}${SEED}`;
  const built: string[] = [];
  try {
    const bare = await launchChromium({ extension: null });
    const without = await heapAfterLoad(bare, url, null).finally(() => bare.close());
    const packs: Array<[string, () => Promise<Pack>, number]> = [['default pack', async () => ctx.defaultPack(), 4]];
    if (ctx.dataDir) packs.push(['scale pack', async () => (await ctx.scalePack()).pack, 8]);
    const rows: BenchRow[] = [
      { metric: 'page heap without the extension', value: heapTotal(without) / MB, unit: 'MB', note: show(without) },
    ];
    const notes: string[] = [];
    for (const [label, pack, goal] of packs) {
      ctx.log(`  heap: building the extension with the ${label}`);
      const p = await pack();
      const t0 = performance.now();
      const dir = await buildExtension(p);
      built.push(dir);
      ctx.log(`  heap: measuring the ${label}`);
      const f = await measure(dir, url, performance.now() - t0);
      rows.push(
        {
          metric: `${label}: page heap added`,
          value: (heapTotal(f.page) - heapTotal(without)) / MB,
          unit: 'MB',
          goal: `<=${goal}`,
          note: `page with the extension: ${show(f.page)}`,
        },
        {
          metric: `${label}: service worker heap`,
          value: heapTotal(f.worker) / MB,
          unit: 'MB',
          note: `engine and index, once per browser: ${show(f.worker)}`,
        },
        {
          metric: `${label}: first paint`,
          value: f.paint,
          unit: 'ms',
          // The budget is the seed page's with the default pack (test/browser/budgets.test.ts asserts it).
          goal: label === 'default pack' ? '<=100' : undefined,
          note: `after document_idle (the content script's injection), median of ${PAINT_LOADS} loads`,
        },
        {
          metric: `${label}: first paint after the worker stopped`,
          value: f.wakePaint,
          unit: 'ms',
          note: `median of ${WAKE_LOADS} loads, each right after stopping the service worker (Chrome stops it after 30 s idle)`,
        },
        {
          metric: `${label}: first paint in a fresh browser`,
          value: f.coldPaint,
          unit: 'ms',
          note: 'the first page after the browser starts: the background reads the pack and builds its index',
        },
      );
      notes.push(
        `${label}: ${p.entities.length} entities, ${p.claims.length} claims; built in ${(f.buildMs / 1000).toFixed(0)} s`,
      );
    }
    if (!ctx.dataDir) notes.push('../shared/data is absent: no scale pack, default pack only');
    return { rows, notes };
  } finally {
    for (const dir of built) rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}

const show = (h: PageHeap) => `V8 ${(h.v8 / MB).toFixed(2)} MB + Blink ${(h.blink / MB).toFixed(2)} MB`;
