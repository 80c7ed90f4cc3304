/**
 * In-browser benchmark: Footnote's find-and-paint path against mark.js and against the cheapest possible pass,
 * on the 20 largest English news pages (../shared/data/news-pages, category news-en, by source_bytes), in one
 * headless Chromium run.
 *
 * Per page, in the page itself:
 *   bare     a TreeWalker over every text node that only reads its text — the floor for anything that reads a page
 *            (timed warm, as the median of repeated passes, and once more as the first pass on a fresh copy of the
 *            page, when it also makes every text node's JavaScript wrapper: set beside Footnote's first run);
 *   element walk  the least a reader that keeps the issue's exclusion list can do: the walk visits every element
 *            too, reads its local name and skips script, style, code… by it (no attribute, no layout test, no blocks);
 *            timed like the bare pass, to show how much of the gap to it visiting elements alone accounts for;
 *   mark.js  mark.js 8.11.1 marking the 50 names' aliases (it wraps matches in <mark>, so every run gets a freshly
 *            loaded copy of the page);
 *   Footnote the content script's extractor (src/content/extract.ts, with the same layout visibility test the
 *            content script passes) + the name engine (src/core/names/matcher.ts) + Ranges + CSS.highlights, with
 *            (c) the same 50 names, (d) the whole default pack, (e) the scale pack (bench/scale-pack.ts, >100k
 *            aliases, shared with the other benches). The content script reads in 8 ms slices (BlockReader with a
 *            deadline) and yields between them; here `extractBlocks` reads in one go — the same work without the
 *            yields, so the figure is its total main-thread cost.
 * The 50 names: the default pack's people and places these pages mention most (as the engine finds them in Node),
 * filled up with the pack's other people in pack order.
 * The extractor and engine are bundled into one IIFE with vite's build API and injected with addScriptTag, so the
 * page runs the same code the extension ships. In the extension matching runs in the background and the blocks
 * travel by message; here it all runs in the page, so the figures leave out the message round trip.
 * Building an index (NameMatcher + trie) is a one-time cost in the extension (the background builds it once), so it
 * is timed separately, once per page load, and never inside a per-page figure.
 *
 * Timings are the synchronous work measured with performance.now() in the page; the frame that paints the result
 * (highlights or <mark> elements) comes after and is left out for all methods alike. Footnote and bare figures are
 * medians of repeated runs after one warm-up run on the same page; mark.js runs once per fresh copy of the page
 * (its JIT state is cold each time, as a content script's is on each page load). The first ("cold") Footnote run
 * on each page is reported too.
 *
 * Run: `npm run bench -- browser` (with the others: `npm run bench`), or alone `npx tsx bench/browser.ts`; `--quick`
 * uses 4 pages and fewer runs, `--cached` a cached scale pack. BENCH_MARK_RUNS=n times mark.js on n fresh copies.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { aliasSpecs } from '../src/core/engine.ts';
import type { AliasSpec } from '../src/core/names/matcher.ts';
import { NameMatcher } from '../src/core/names/matcher.ts';
import type { Entity, Pack } from '../src/core/pack/schema.ts';
import { parseHtml } from '../src/node/html.ts';
import { findChromium, launchChromium } from '../test/browser/chromium.ts';
import { ROOT, startServer } from '../test/browser/server.ts';
import { makeContext } from './context.ts';
import { resolveRatios } from './lib/ratios.ts';
import { formatResult } from './lib/table.ts';
import type { BenchContext, BenchResult, BenchRow } from './types.ts';

export const name = 'browser';
/** After the Node benches: it is the slowest, and nothing depends on it. */
export const order = 200;

const NAMES = 50;
const BARE_RUNS = 9;
const BARE_REPEAT = 20;
/** mark.js takes ~0.5 s a page on a quiet machine and needs a fresh page each time: one run per page by default. */
const MARK_RUNS = Number(process.env.BENCH_MARK_RUNS ?? 1);
const HIGHLIGHT = 'footnote-bench';

interface BenchPage {
  name: string;
  file: string;
  urlPath: string;
  bytes: number;
}

/** The largest English news pages of the Readability corpus. */
function largestNewsPages(dataDir: string, n: number): BenchPage[] {
  const news = join(dataDir, 'news-pages');
  const rows = readFileSync(join(news, 'index.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { name: string; category: string; source_bytes: number });
  return rows
    .filter((r) => r.category === 'news-en')
    .sort((a, b) => b.source_bytes - a.source_bytes)
    .slice(0, n)
    .map((r) => ({
      name: r.name,
      file: join(news, r.name, 'source.html'),
      urlPath: `/shared/data/news-pages/${encodeURIComponent(r.name)}/source.html`,
      bytes: r.source_bytes,
    }));
}

/**
 * The 50 people and places of the default pack that these pages mention most (as the engine finds them in
 * Node), then — if fewer than 50 are mentioned — the pack's other people in pack order.
 */
function pickNames(pack: Pack, pages: readonly BenchPage[]): Entity[] {
  const candidates = pack.entities.filter((e) => e.type === 'person' || e.type === 'place');
  const matcher = new NameMatcher(candidates.flatMap(aliasSpecs));
  const count = new Map<string, number>();
  for (const p of pages) {
    const parsed = parseHtml(readFileSync(p.file, 'utf8'));
    for (const list of matcher.matchPage(
      parsed.blocks.map((b) => b.text),
      { lang: parsed.lang },
    ))
      for (const m of list) count.set(m.entity, (count.get(m.entity) ?? 0) + 1);
    parsed.close();
  }
  const order = new Map(candidates.map((e, i) => [e.id, i]));
  const mentioned = candidates
    .filter((e) => count.has(e.id))
    .sort((a, b) => (count.get(b.id) ?? 0) - (count.get(a.id) ?? 0) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const rest = candidates.filter((e) => e.type === 'person' && !count.has(e.id));
  return [...mentioned, ...rest].slice(0, NAMES);
}

/** The page-side code, bundled to one IIFE: extractor, engine, and the timed passes. */
const PAGE_ENTRY = `
import { blockRange, extractBlocks } from ${JSON.stringify(join(ROOT, 'src/content/extract.ts'))};
import { hidesText } from ${JSON.stringify(join(ROOT, 'src/content/visible.ts'))};
import { EXCLUDED_TAGS, skipSubtree } from ${JSON.stringify(join(ROOT, 'src/content/exclude.ts'))};
import { NameMatcher } from ${JSON.stringify(join(ROOT, 'src/core/names/matcher.ts'))};

/** The bare pass: read every text node's text, build nothing. */
function readAllText() {
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) chars += n.data.length;
  return chars;
}

/** The element walk: every element and text node, excluded subtrees skipped by local name, text read. */
function walkElements() {
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = w.nextNode(); n; ) {
    if (n.nodeType === 3) chars += n.data.length;
    else if (EXCLUDED_TAGS.has(n.localName)) {
      n = skipSubtree(w);
      continue;
    }
    n = w.nextNode();
  }
  return chars;
}

const matchers = {};

window.__footnoteBench = {
  /** Fetch an alias list from the bench server (the browser caches it across page loads), then time the build. */
  async build(key) {
    const specs = await (await fetch('/bench/' + key + '.json')).json();
    const t0 = performance.now();
    const m = new NameMatcher(specs);
    m.warm();
    matchers[key] = m;
    return performance.now() - t0;
  },
  bare() {
    // One pass is a fraction of a millisecond and performance.now() is coarsened to 0.1 ms outside
    // cross-origin-isolated pages: time ${BARE_REPEAT} passes and divide.
    const t0 = performance.now();
    let chars = 0;
    for (let k = 0; k < ${BARE_REPEAT}; k++) chars = readAllText();
    return { ms: (performance.now() - t0) / ${BARE_REPEAT}, count: chars };
  },
  elementWalk() {
    const t0 = performance.now();
    let chars = 0;
    for (let k = 0; k < ${BARE_REPEAT}; k++) chars = walkElements();
    return { ms: (performance.now() - t0) / ${BARE_REPEAT}, count: chars };
  },
  /** One bare pass, timed alone: the first on a freshly loaded page (no JavaScript wrapper of any node exists yet). */
  bareOnce() {
    const t0 = performance.now();
    const chars = readAllText();
    return { ms: performance.now() - t0, count: chars };
  },
  footnote(key) {
    CSS.highlights.delete(${JSON.stringify(HIGHLIGHT)});
    const t0 = performance.now();
    const blocks = extractBlocks(document.body, { hidesText });
    const t1 = performance.now();
    const found = matchers[key].matchPage(blocks.map((b) => b.text), { lang: document.documentElement.lang || undefined });
    const t2 = performance.now();
    const ranges = [];
    for (let i = 0; i < blocks.length; i++)
      for (const m of found[i]) {
        const r = blockRange(blocks[i], m.start, m.end);
        if (r) ranges.push(r);
      }
    const t3 = performance.now();
    CSS.highlights.set(${JSON.stringify(HIGHLIGHT)}, new Highlight(...ranges));
    const t4 = performance.now();
    return { ms: t4 - t0, count: ranges.length, phases: { extract: t1 - t0, match: t2 - t1, ranges: t3 - t2, paint: t4 - t3 } };
  },
  /** The extractor alone without the layout visibility test, to show that test's share. */
  extractOnly() {
    const t0 = performance.now();
    const blocks = extractBlocks(document.body);
    return { ms: performance.now() - t0, count: blocks.length };
  },
  mark(keywords) {
    return new Promise((resolve) => {
      const t0 = performance.now();
      new window.Mark(document.body).mark(keywords, {
        separateWordSearch: false,
        accuracy: 'exactly',
        done: (n) => resolve({ ms: performance.now() - t0, count: n }),
      });
    });
  },
};
`;

export async function bundlePageCode(): Promise<string> {
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'footnote-bench-'));
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, PAGE_ENTRY);
  try {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      root: ROOT,
      build: {
        write: false,
        minify: false,
        lib: { entry, formats: ['iife'], name: 'FootnoteBenchBundle', fileName: 'bench' },
      },
    });
    const outputs = (Array.isArray(out) ? out : [out]) as Array<{ output: Array<{ type: string; code?: string }> }>;
    const chunk = outputs[0].output.find((o) => o.type === 'chunk');
    if (!chunk?.code) throw new Error('vite produced no bundle');
    return chunk.code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Phases = { extract: number; match: number; ranges: number; paint: number };

interface Timed {
  ms: number;
  count: number;
  phases?: Phases;
}

const PHASES = ['extract', 'match', 'ranges', 'paint'] as const;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface PageResult {
  page: string;
  bytes: number;
  bare: number;
  /** One bare pass on a freshly loaded page. */
  bareCold: number;
  mark: number;
  marks: number;
  fn50: number;
  fn50Cold: number;
  fnPack: number;
  fnScale: number;
  ranges50: number;
  rangesPack: number;
  rangesScale: number;
  build: { fn50: number; pack: number; scale: number };
  /** Medians of the Footnote 50-name runs, by phase; and the first run's phases. */
  phases: Phases;
  coldPhases: Phases;
  /** The extractor without the layout visibility test. */
  extractOnly: number;
  /** The element walk (see the header). */
  elementWalk: number;
}

type Lists = { fn50: AliasSpec[]; pack: AliasSpec[]; scale: AliasSpec[] };

async function measurePage(page: Page, url: string, bundle: string, keywords: string[], runs: number) {
  const ev = <T>(fn: string, ...args: unknown[]) =>
    page.evaluate(
      ([f, a]) =>
        (window as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>).__footnoteBench[
          f as string
        ](...(a as unknown[])),
      [fn, args] as const,
    ) as Promise<T>;
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: bundle });
  // The first run on a freshly loaded page, as the content script's run is (only the 50-name index is built
  // before it, which warms the normaliser a little).
  const build50 = await ev<number>('build', 'fn50');
  const cold = await ev<Timed>('footnote', 'fn50');
  const build = {
    fn50: build50,
    pack: await ev<number>('build', 'pack'),
    scale: await ev<number>('build', 'scale'),
  };
  const bare: number[] = [];
  const extractOnly: number[] = [];
  await ev<Timed>('bare');
  await ev<Timed>('extractOnly');
  const elementWalk: number[] = [];
  await ev<Timed>('elementWalk');
  for (let i = 0; i < BARE_RUNS; i++) {
    bare.push((await ev<Timed>('bare')).ms);
    elementWalk.push((await ev<Timed>('elementWalk')).ms);
  }
  for (let i = 0; i < runs; i++) extractOnly.push((await ev<Timed>('extractOnly')).ms);
  const t: Record<'fn50' | 'pack' | 'scale', number[]> = { fn50: [], pack: [], scale: [] };
  const n: Record<'fn50' | 'pack' | 'scale', number> = { fn50: 0, pack: 0, scale: 0 };
  const phases: Record<keyof Phases, number[]> = { extract: [], match: [], ranges: [], paint: [] };
  for (const key of ['fn50', 'pack', 'scale'] as const) await ev<Timed>('footnote', key); // warm-up
  for (let i = 0; i < runs; i++) {
    for (const key of ['fn50', 'pack', 'scale'] as const) {
      const r = await ev<Timed>('footnote', key);
      t[key].push(r.ms);
      n[key] = r.count;
      if (key === 'fn50' && r.phases) for (const ph of PHASES) phases[ph].push(r.phases[ph]);
    }
  }
  // The bare pass as it runs once on a page load, on a fresh copy, to set beside Footnote's first run.
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: bundle });
  const bareCold = (await ev<Timed>('bareOnce')).ms;
  const mark: number[] = [];
  let marks = 0;
  const markJs = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');
  for (let i = 0; i < MARK_RUNS; i++) {
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ path: markJs });
    await page.addScriptTag({ content: bundle });
    const r = await ev<Timed>('mark', keywords);
    mark.push(r.ms);
    marks = r.count;
  }
  return {
    bare: median(bare),
    bareCold,
    mark: median(mark),
    marks,
    fn50: median(t.fn50),
    fn50Cold: cold.ms,
    fnPack: median(t.pack),
    fnScale: median(t.scale),
    ranges50: n.fn50,
    rangesPack: n.pack,
    rangesScale: n.scale,
    build,
    phases: Object.fromEntries(PHASES.map((ph) => [ph, median(phases[ph])])) as Phases,
    coldPhases: cold.phases as Phases,
    extractOnly: median(extractOnly),
    elementWalk: median(elementWalk),
  };
}

const f1 = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export async function run(ctx: BenchContext): Promise<BenchResult> {
  if (!ctx.dataDir || !existsSync(join(ctx.dataDir, 'news-pages', 'index.jsonl')))
    return { rows: [], skipped: '../shared/data/news-pages is absent' };
  if (!findChromium())
    return { rows: [], skipped: 'Chromium not found (apt-get install chromium, or set CHROME_PATH)' };
  const pages = largestNewsPages(ctx.dataDir, ctx.quick ? 4 : 20);
  const runs = ctx.quick ? 3 : 7;
  const pack = ctx.defaultPack();
  const chosen = pickNames(pack, pages);
  const fn50 = chosen.flatMap(aliasSpecs);
  const keywords = [...new Set(fn50.map((s) => s.text))];
  const packSpecs = pack.entities.flatMap(aliasSpecs);
  const scalePack = (await ctx.scalePack()).pack;
  const scaleSpecs = scalePack.entities.flatMap(aliasSpecs);
  const lists: Lists = { fn50, pack: packSpecs, scale: scaleSpecs };
  const t0 = performance.now();
  new NameMatcher(scaleSpecs).warm();
  const nodeScaleBuild = performance.now() - t0;
  const bundle = await bundlePageCode();
  // The alias lists reach each page from the local server (JSON, cached by the browser) rather than through the
  // DevTools protocol: the scale pack's list is tens of MB.
  const listDir = mkdtempSync(join(tmpdir(), 'footnote-bench-lists-'));
  for (const [key, specs] of Object.entries(lists)) writeFileSync(join(listDir, `${key}.json`), JSON.stringify(specs));
  const server = await startServer({ '/bench/': listDir });
  const session = await launchChromium({ extension: null });
  const results: PageResult[] = [];
  const table: string[] = [
    `${'page'.padEnd(26)} ${'kB'.padStart(5)} ${'bare'.padStart(5)} ${'bare1'.padStart(5)} ${'mark.js'.padStart(7)} ${'fn50'.padStart(5)}` +
      ` ${'1st'.padStart(5)} ${'pack'.padStart(5)} ${'scale'.padStart(5)}  mark/fn50 fn50/bare pack/bare scale/bare` +
      '  (ms; marks | ranges 50/pack/scale)',
  ];
  try {
    const { context } = session;
    // The saved pages point at scripts and images on the (closed) network: fail those at once.
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      return !/^https?:$/.test(u.protocol) || u.hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    for (const p of pages) {
      const r = await measurePage(page, `${server.url}${p.urlPath}`, bundle, keywords, runs);
      results.push({ page: p.name, bytes: p.bytes, ...r });
      const x = (a: number, b: number) => `${f1(a / b)}×`.padStart(9);
      const line =
        `${p.name.padEnd(26)} ${String(Math.round(p.bytes / 1000)).padStart(5)} ${f1(r.bare).padStart(5)} ${f1(r.bareCold).padStart(5)}` +
        ` ${f1(r.mark).padStart(7)} ${f1(r.fn50).padStart(5)} ${f1(r.fn50Cold).padStart(5)} ${f1(r.fnPack).padStart(5)}` +
        ` ${f1(r.fnScale).padStart(5)}  ${x(r.mark, r.fn50)} ${x(r.fn50, r.bare)} ${x(r.fnPack, r.bare)} ${x(r.fnScale, r.bare)} ` +
        ` (${r.marks} | ${r.ranges50}/${r.rangesPack}/${r.rangesScale})`;
      table.push(line);
      ctx.log(`browser: ${line}`);
    }
  } finally {
    await session.close();
    await server.close();
    rmSync(listDir, { recursive: true, force: true });
  }
  return summarise(results, table, {
    names: chosen.length,
    keywords: keywords.length,
    packAliases: packSpecs.length,
    scaleAliases: scaleSpecs.length,
    nodeScaleBuild,
  });
}

interface Sizes {
  names: number;
  keywords: number;
  packAliases: number;
  scaleAliases: number;
  nodeScaleBuild: number;
}

function summarise(results: PageResult[], table: string[], n: Sizes): BenchResult {
  const med = (f: (r: PageResult) => number) => median(results.map(f));
  const perPage = (f: (r: PageResult) => number) => `median of per-page ratios ${f1(med(f))}×`;
  const phase = (ph: keyof Phases, cold = false) => med((r) => (cold ? r.coldPhases : r.phases)[ph]);
  const fn50 = med((r) => r.fn50);
  const BARE = 'bare text pass';
  const MARK = `mark.js, ${n.names} names`;
  const rows: BenchRow[] = [
    { metric: BARE, value: med((r) => r.bare), unit: 'ms', note: 'TreeWalker(SHOW_TEXT) reading every text node' },
    {
      metric: 'element walk',
      value: med((r) => r.elementWalk),
      unit: 'ms',
      baseline: BARE,
      note: `every element visited, excluded tags skipped, nothing else; per page ${f1(med((r) => r.elementWalk / r.bare))}×`,
    },
    {
      metric: MARK,
      value: med((r) => r.mark),
      unit: 'ms',
      note: `${n.keywords} aliases, one pass each; wraps in <mark>`,
    },
    {
      metric: `footnote, ${n.names} names`,
      value: fn50,
      unit: 'ms',
      baseline: MARK,
      goal: '<=0.01',
      note: `≤0.01 = ≥100× faster; mark.js ÷ footnote per page: median ${f1(med((r) => r.mark / r.fn50))}×`,
    },
    {
      metric: `footnote, ${n.names} names vs bare`,
      value: fn50,
      unit: 'ms',
      baseline: BARE,
      goal: '<=2',
      note: perPage((r) => r.fn50 / r.bare),
    },
    {
      metric: `footnote, default pack (${n.packAliases} aliases)`,
      value: med((r) => r.fnPack),
      unit: 'ms',
      baseline: BARE,
      goal: '<=5',
      note: perPage((r) => r.fnPack / r.bare),
    },
    {
      metric: `footnote, scale pack (${n.scaleAliases} aliases)`,
      value: med((r) => r.fnScale),
      unit: 'ms',
      baseline: BARE,
      goal: '<=5',
      note: perPage((r) => r.fnScale / r.bare),
    },
    {
      metric: 'bare text pass, first on a fresh page',
      value: med((r) => r.bareCold),
      unit: 'ms',
      note: "one pass; it also makes every text node's JavaScript wrapper",
    },
    {
      metric: `footnote, ${n.names} names, first run on the page`,
      value: med((r) => r.fn50Cold),
      unit: 'ms',
      baseline: 'bare text pass, first on a fresh page',
      note: `cold JIT, as the content script on each page load; per page ${f1(med((r) => r.fn50Cold / r.bareCold))}×`,
    },
    {
      metric: 'phase: extract',
      value: phase('extract'),
      unit: 'ms',
      note: `first run ${f1(phase('extract', true))} ms`,
    },
    {
      metric: 'phase: extract without layout test',
      value: med((r) => r.extractOnly),
      unit: 'ms',
      note: 'extractBlocks with no hidesText',
    },
    {
      metric: 'phase: match',
      value: phase('match'),
      unit: 'ms',
      note: `first run ${f1(phase('match', true))} ms; per page ${f1(med((r) => r.phases.match / r.bare))}× the bare pass alone`,
    },
    { metric: 'phase: ranges', value: phase('ranges'), unit: 'ms', note: `first run ${f1(phase('ranges', true))} ms` },
    { metric: 'phase: paint', value: phase('paint'), unit: 'ms', note: 'CSS.highlights.set(new Highlight(...))' },
    { metric: `index build in page: ${n.names} names`, value: med((r) => r.build.fn50), unit: 'ms', note: 'one-time' },
    { metric: 'index build in page: default pack', value: med((r) => r.build.pack), unit: 'ms', note: 'one-time' },
    { metric: 'index build in page: scale pack', value: med((r) => r.build.scale), unit: 'ms', note: 'one-time' },
    { metric: 'index build in Node: scale pack', value: n.nodeScaleBuild, unit: 'ms', note: 'one-time, wall' },
  ];
  const notes = [
    `${results.length} largest news-en pages of news-pages (Readability corpus), one Chromium, medians over pages;` +
      ' per page: median of repeated in-page runs (mark.js: one fresh copy of the page per run).',
    ...table,
  ];
  return { rows, notes };
}

/** `npx tsx bench/browser.ts`: this bench alone, printed like `npm run bench` prints it. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const ctx = makeContext({ flags: new Set(), quick, cached: process.argv.includes('--cached'), writePack: false });
  const t0 = performance.now();
  run(ctx).then(
    (result) => {
      const done = { name, ms: performance.now() - t0, ...result };
      resolveRatios([done]);
      console.log(formatResult(done));
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
