/**
 * Footnote on every saved real page (../shared/data/news-pages*): the built extension must be invisible to the
 * page except for its highlights. Each page is loaded twice from the local server — in a Chromium without the
 * extension, then in one with it (one browser at a time) — and the runs are compared:
 *   - no uncaught error and no error/warning console message from the extension (chrome-extension:// sources,
 *     "[footnote]" failure logs, the service worker's console);
 *   - no page console error that the run without the extension did not have;
 *   - the same document.body.innerText and the same number of elements in <body>;
 *   - no slice of main-thread time in our code over 50 ms (see ./longtask.ts for how it is measured).
 * Every request not to 127.0.0.1 is aborted: the pages reference scripts, styles and images by absolute URLs
 * and the network is closed; aborting at once keeps loads fast and the same in both runs.
 *
 * FOOTNOTE_SWEEP_TABS (default 4) pages load in parallel; FOOTNOTE_SWEEP_LIMIT=n sweeps the first n pages only.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from './chromium.ts';
import { LONGTASK_INIT, type LongTask, ourSlices, READ_LONGTASKS, startProfiling, stopProfiling } from './longtask.ts';
import { type RealPage, realPageFolders, realPages } from './real-pages.ts';
import { type StaticServer, startServer } from './server.ts';

const TABS = Number(process.env.FOOTNOTE_SWEEP_TABS ?? 4);
const LIMIT = Number(process.env.FOOTNOTE_SWEEP_LIMIT ?? 0);
/** A long task, as the Long Tasks API defines it. */
const LONG_TASK_MS = 50;
/** The page counts as settled once nothing in the DOM has changed for this long (no fixed sleeps). */
const QUIET_MS = 300;
/** Give up waiting for quiet (pages that animate forever) or for our scan after this long. */
const SETTLE_MAX_MS = 4000;
const SCAN_MAX_MS = 8000;
const LOAD_TIMEOUT_MS = 20_000;

interface Visit {
  loaded: boolean;
  loadError?: string;
  /** Our scan finished (its page-level style is in place): only meaningful with the extension. */
  scanned: boolean;
  text: string | null;
  elements: number;
  annotations: number;
  pageErrors: string[];
  extensionErrors: string[];
  longTasks: LongTask[];
  /** Main-thread slices in our code (ms), with the extension only. */
  slices: number[];
}

const folders = realPageFolders();
const allPages = realPages(folders);
const pages = LIMIT > 0 ? allPages.slice(0, LIMIT) : allPages;

const isOurs = (url: string | undefined) => !!url && url.startsWith('chrome-extension://');

/** Wait for the page to settle: our scan done (with the extension), then a quiet DOM. Runs in the page. */
async function settle(page: Page, withExtension: boolean): Promise<boolean> {
  return page.evaluate(
    async ({ ext, quiet, max }) => {
      const t0 = performance.now();
      const scanned = () => !ext || document.querySelector('style[data-footnote-ui]') !== null;
      let last = performance.now();
      const mo = new MutationObserver(() => {
        last = performance.now();
      });
      mo.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      while (performance.now() - t0 < max) {
        if (scanned() && performance.now() - last >= quiet) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      mo.disconnect();
      return scanned();
    },
    { ext: withExtension, quiet: QUIET_MS, max: withExtension ? SCAN_MAX_MS : SETTLE_MAX_MS },
  );
}

const SNAPSHOT = `(() => {
  let annotations = 0;
  if (typeof CSS !== 'undefined' && CSS.highlights)
    for (const [name, h] of CSS.highlights) if (name.startsWith('footnote-')) annotations += h.size;
  const body = document.body;
  return {
    text: body ? body.innerText : null,
    elements: body ? body.getElementsByTagName('*').length : -1,
    annotations,
    longTasks: ${READ_LONGTASKS},
  };
})()`;

class Tab {
  visit: Visit | null = null;
  private session: CDPSession | null = null;
  constructor(
    readonly page: Page,
    readonly profile: boolean,
  ) {
    page.on('console', (m) => {
      const v = this.visit;
      if (!v) return;
      const url = m.location().url;
      if (isOurs(url) || m.text().startsWith('[footnote]')) {
        if (m.type() === 'error' || m.type() === 'warning' || m.text().startsWith('[footnote]'))
          v.extensionErrors.push(`console.${m.type()}: ${m.text()} (${url})`);
      } else if (m.type() === 'error') v.pageErrors.push(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => {
      const v = this.visit;
      if (!v) return;
      if (isOurs(e.stack)) v.extensionErrors.push(`uncaught: ${e.stack}`);
      else v.pageErrors.push(`uncaught: ${e.message}`);
    });
    page.on('crash', () => this.visit?.pageErrors.push('renderer crashed'));
  }

  async run(url: string, withExtension: boolean): Promise<Visit> {
    const v: Visit = {
      loaded: false,
      scanned: false,
      text: null,
      elements: -1,
      annotations: 0,
      pageErrors: [],
      extensionErrors: [],
      longTasks: [],
      slices: [],
    };
    this.visit = v;
    if (this.profile) {
      this.session ??= await this.page.context().newCDPSession(this.page);
      await startProfiling(this.session);
    }
    try {
      await this.page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      v.loaded = true;
      v.scanned = await settle(this.page, withExtension);
      Object.assign(v, await this.page.evaluate(SNAPSHOT));
    } catch (e) {
      v.loadError = (e as Error).message.split('\n')[0];
    }
    if (this.session) {
      const profile = await stopProfiling(this.session).catch(() => null);
      if (profile) v.slices = ourSlices(profile, 'chrome-extension://');
    }
    this.visit = null; // late messages from this page must not land on the next one
    await this.page.goto('about:blank').catch(() => {});
    return v;
  }
}

/** Abort every request that would leave the machine; keep loopback and non-network schemes. */
async function closeNetwork(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (!/^(https?|wss?):$/.test(u.protocol) || u.hostname === '127.0.0.1') return route.continue();
    return route.abort();
  });
}

async function sweep(server: StaticServer, withExtension: boolean): Promise<Map<string, Visit>> {
  const session = await launchChromium({ extension: withExtension ? undefined : null });
  const results = new Map<string, Visit>();
  const workerErrors: string[] = [];
  try {
    const { context } = session;
    await closeNetwork(context);
    await context.addInitScript(LONGTASK_INIT);
    session.worker?.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') workerErrors.push(`service worker ${m.type()}: ${m.text()}`);
    });
    const tabs: Tab[] = [];
    for (let i = 0; i < TABS; i++) tabs.push(new Tab(await context.newPage(), withExtension));
    let next = 0;
    await Promise.all(
      tabs.map(async (tab) => {
        while (next < pages.length) {
          const p = pages[next++];
          results.set(p.id, await tab.run(`${server.url}${p.urlPath}`, withExtension));
        }
      }),
    );
  } finally {
    await session.close();
  }
  // The service worker serves every page: its errors count against the run, shown on the first page.
  if (workerErrors.length && pages[0]) results.get(pages[0].id)?.extensionErrors.push(...workerErrors);
  return results;
}

/** Multiset difference: messages in `after` beyond their count in `before`. */
function newMessages(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const m of before) left.set(m, (left.get(m) ?? 0) + 1);
  const out: string[] = [];
  for (const m of after) {
    const n = left.get(m) ?? 0;
    if (n > 0) left.set(m, n - 1);
    else out.push(m);
  }
  return out;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 40), i + 60));
  return `at ${i} of ${a.length}/${b.length}: without ${show(a)} vs with ${show(b)}`;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

describe.skipIf(folders.length === 0 || !findChromium())('Footnote on saved real pages (Chromium)', () => {
  let server: StaticServer;
  let without: Map<string, Visit>;
  let withExt: Map<string, Visit>;
  /** Pages that loaded in both runs: the invariants are about these. */
  let compared: RealPage[] = [];

  beforeAll(async () => {
    server = await startServer();
    const t0 = Date.now();
    without = await sweep(server, false);
    const t1 = Date.now();
    withExt = await sweep(server, true);
    const t2 = Date.now();
    compared = pages.filter((p) => without.get(p.id)?.loaded && withExt.get(p.id)?.loaded);
    summarise(t1 - t0, t2 - t1);
  }, 900_000);

  afterAll(async () => {
    await server?.close();
  });

  function summarise(msWithout: number, msWith: number): void {
    const visits = compared.map((p) => withExt.get(p.id) as Visit);
    const annotations = visits.reduce((n, v) => n + v.annotations, 0);
    const painted = visits.filter((v) => v.annotations > 0).length;
    const extErrors = visits.reduce((n, v) => n + v.extensionErrors.length, 0);
    let worst = { ms: 0, id: '' };
    for (const p of compared) {
      const top = Math.max(0, ...(withExt.get(p.id)?.slices ?? []));
      if (top > worst.ms) worst = { ms: top, id: p.id };
    }
    const lt = (m: Map<string, Visit>) =>
      Math.max(0, ...compared.flatMap((p) => m.get(p.id)?.longTasks ?? []).map((t) => t.duration));
    const extraLong = compared.filter(
      (p) => (withExt.get(p.id)?.longTasks.length ?? 0) > (without.get(p.id)?.longTasks.length ?? 0),
    );
    const lines = [
      `[sweep] ${pages.length} pages from ${folders.join(', ')}; ${compared.length} loaded in both runs` +
        ` (without extension ${(msWithout / 1000).toFixed(0)} s, with ${(msWith / 1000).toFixed(0)} s, ${TABS} tabs)`,
      `[sweep] scan finished on ${visits.filter((v) => v.scanned).length}; ${annotations} annotations painted on ${painted} pages`,
      `[sweep] extension errors: ${extErrors}; new page console errors on ${compared.filter((p) => newErrors(p).length).length} pages`,
      `[sweep] worst main-thread slice in our code: ${ms(worst.ms)}${worst.id ? ` (${worst.id})` : ''}`,
      `[sweep] longest long task: without ${ms(lt(without))}, with ${ms(lt(withExt))};` +
        ` pages with more long tasks with the extension: ${extraLong.length}${
          extraLong.length
            ? ` (${extraLong
                .slice(0, 8)
                .map((p) => p.id)
                .join(', ')}${extraLong.length > 8 ? ', …' : ''})`
            : ''
        }`,
    ];
    console.log(lines.join('\n'));
  }

  const newErrors = (p: RealPage) =>
    newMessages(without.get(p.id)?.pageErrors ?? [], withExt.get(p.id)?.pageErrors ?? []);

  it('loads every page in both runs', () => {
    const failed = pages
      .filter((p) => !compared.includes(p))
      .map((p) => `${p.id}: ${without.get(p.id)?.loadError ?? ''} | ${withExt.get(p.id)?.loadError ?? ''}`);
    expect(failed).toEqual([]);
  });

  it('finishes its scan on every page', () => {
    expect(compared.filter((p) => !withExt.get(p.id)?.scanned).map((p) => p.id)).toEqual([]);
  });

  it('paints names on the news pages', () => {
    const total = compared.reduce((n, p) => n + (withExt.get(p.id)?.annotations ?? 0), 0);
    expect(total).toBeGreaterThan(compared.length);
  });

  it('raises no error of its own on any page', () => {
    const bad = compared.flatMap((p) => (withExt.get(p.id)?.extensionErrors ?? []).map((e) => `${p.id}: ${e}`));
    expect(bad).toEqual([]);
  });

  it('causes no page console error that the page does not have without it', () => {
    const bad = compared.flatMap((p) => newErrors(p).map((e) => `${p.id}: ${e}`));
    expect(bad).toEqual([]);
  });

  it('leaves document.body.innerText unchanged', () => {
    const bad = compared
      .filter((p) => without.get(p.id)?.text !== withExt.get(p.id)?.text)
      .map((p) => `${p.id}: ${firstDifference(without.get(p.id)?.text ?? '', withExt.get(p.id)?.text ?? '')}`);
    expect(bad).toEqual([]);
  });

  it('leaves the number of elements in <body> unchanged', () => {
    const bad = compared
      .filter((p) => without.get(p.id)?.elements !== withExt.get(p.id)?.elements)
      .map((p) => `${p.id}: ${without.get(p.id)?.elements} without, ${withExt.get(p.id)?.elements} with`);
    expect(bad).toEqual([]);
  });

  it(`runs no task of its own longer than ${LONG_TASK_MS} ms`, () => {
    const bad = compared
      .map((p) => ({ id: p.id, top: Math.max(0, ...(withExt.get(p.id)?.slices ?? [])) }))
      .filter((x) => x.top > LONG_TASK_MS)
      .map((x) => `${x.id}: ${ms(x.top)}`);
    expect(bad).toEqual([]);
  });
});

if (folders.length === 0) console.warn('[footnote] ../shared/data/news-pages* not found: real-page sweep skipped');
else if (!findChromium()) console.warn('[footnote] Chromium not found: real-page sweep skipped');
