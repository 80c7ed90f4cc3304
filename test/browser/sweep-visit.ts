/**
 * One visit of the real-page sweep (./sweep.test.ts, run by ./sweep-run.ts): a tab loads a page, waits for it to
 * settle (and, with the extension, for our first full scan, told by our footnote:scanned mark), and records what
 * the page and the extension logged, the body's text and element count, long tasks, and the slices of
 * main-thread time spent in our code (sampling profiler, see ./longtask.ts).
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import {
  type LongTask,
  mainThreadTimes,
  type OurTask,
  ourSlices,
  READ_LONGTASKS,
  startProfiling,
  stopProfiling,
} from './longtask.ts';

/** The page counts as settled once neither its DOM nor the network has moved for this long (no fixed sleeps). */
const QUIET_MS = 200;
/** Give up waiting for quiet (pages that animate forever) after this long… */
const SETTLE_MAX_MS = 4000;
/** …or for our first paint, with the extension. */
const SCAN_MAX_MS = 60_000; // big pages are read in slices; under heavy load (CPU share 0.1) each yield costs a lot
// Generous: on a loaded 2-core machine a 300 kB page can take 10 s to load; a timeout here is not our bug.
const LOAD_TIMEOUT_MS = 60_000;
/** How a page evaluation fails when the page navigates meanwhile, and how many new documents a visit follows. */
const NAVIGATED = /Execution context was destroyed|because of a navigation/i;
const NAVIGATION_RETRIES = 3;

/**
 * Messages the browser itself logs when a resource fails: every off-machine URL is aborted by design and the
 * static server answers 404 for files the saved pages do not include. When the browser gets round to favicons,
 * web app manifests and lazy images depends on timing, not on us (the extension makes no requests), so these are
 * left out of the comparison; errors raised or logged by page scripts are compared.
 */
const NETWORK_NOISE = /^(Failed to load resource: |Manifest fetch from .* failed)/;

export interface Visit {
  loaded: boolean;
  loadError?: string;
  /** Our first paint happened (its page-level style is in place), or there is no text to paint on. */
  scanned: boolean;
  text: string | null;
  elements: number;
  annotations: number;
  pageErrors: string[];
  extensionErrors: string[];
  longTasks: LongTask[];
  /** Main-thread slices in our code (ms), with the extension only. */
  slices: number[];
  /** Time from the load event to the snapshot (ms). */
  dwell: number;
  /** Time from navigation start to the load event (ms, wall clock). */
  loadMs: number;
  /** Our User Timing marks → page time (ms). */
  marks: Record<string, number>;
  /** Where the visit ended (a page may navigate itself away, e.g. to a blocked off-machine URL). */
  finalUrl: string;
  /** DOMContentLoaded (page ms): the content script runs after it, so earlier long tasks are not ours. */
  domContentLoaded: number;
  /** The longest of `slices`. */
  worstSlice: number;
  /** Share of the main thread's task time that was CPU time during the visit (1 on an idle machine). */
  cpuShare: number;
  /** Our tasks in a traced visit (pages the sampling screen flagged), the one with the smallest longest task. */
  traced: OurTask[] | null;
}

const newVisit = (): Visit => ({
  loaded: false,
  scanned: false,
  text: null,
  elements: -1,
  annotations: 0,
  pageErrors: [],
  extensionErrors: [],
  longTasks: [],
  slices: [],
  dwell: 0,
  loadMs: 0,
  marks: {},
  finalUrl: '',
  domContentLoaded: 0,
  worstSlice: 0,
  cpuShare: 1,
  traced: null,
});

const MARKS = 'footnote.sweep.marks';

/**
 * Init script: record our User Timing marks (footnote:start, footnote:scanned…) as they are made, with their
 * times, where page code will not see them; an observer keeps them even if the page clears its marks.
 */
export const MARKS_INIT = `(() => {
  const key = Symbol.for(${JSON.stringify(MARKS)});
  if (window[key]) return;
  const marks = {};
  Object.defineProperty(window, key, { value: marks, enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name.startsWith('footnote:')) marks[e.name] ??= e.startTime;
    }).observe({ type: 'mark' });
  } catch {}
})();`;

/**
 * How a visit knows our first full scan is done: the footnote:scanned mark, in builds that make it; in older
 * ones, the page-level style that went in with the first paint (made on every page there, names or not).
 */
export type ScanSignal = 'mark' | 'style';

/** Wait in the page for our first full scan (with the extension), then for a quiet DOM. */
async function settleDom(page: Page, signal: ScanSignal | null): Promise<boolean> {
  return page.evaluate(
    async ({ sig, key, quiet, settleMax, scanMax }) => {
      const t0 = performance.now();
      // A page without visible text gets no paint at all.
      // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
      const empty = sig === 'style' && !document.body?.innerText.trim();
      const marks = (window as unknown as Record<symbol, Record<string, number>>)[Symbol.for(key)] ?? {};
      const scanned = () =>
        sig === null ||
        empty ||
        (sig === 'mark' ? 'footnote:scanned' in marks : document.querySelector('style[data-footnote-ui]') !== null);
      let last = performance.now();
      const mo = new MutationObserver(() => {
        last = performance.now();
      });
      mo.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      // Wait for our scan, then for a quiet DOM: the settle budget counts from the end of our scan, so a page
      // that animates forever costs the same few seconds with the extension as without it.
      let readAt = scanned() ? t0 : -1;
      for (let now = t0; now - t0 < scanMax && (readAt < 0 || now - readAt < settleMax); now = performance.now()) {
        if (readAt >= 0 && now - last >= quiet) break;
        await new Promise((r) => setTimeout(r, 50));
        if (readAt < 0 && scanned()) readAt = performance.now();
      }
      mo.disconnect();
      return scanned();
    },
    { sig: signal, key: MARKS, quiet: QUIET_MS, settleMax: SETTLE_MAX_MS, scanMax: SCAN_MAX_MS },
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
    marks: window[Symbol.for(${JSON.stringify(MARKS)})] || {},
    finalUrl: location.href,
    domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? 0,
  };
})()`;

export interface VisitOptions {
  /** Keep the page open at least this long after its load event. */
  minDwell?: number;
  /** Awaited once the page has settled (or failed to load), before the snapshot: pairs snapshot together. */
  settled?: () => Promise<void>;
}

/** What a tab needs from its browser (SweepBrowser in ./sweep-run.ts). */
export interface VisitBrowser {
  readonly context: BrowserContext;
  readonly withExtension: boolean;
  /** How visits tell our first scan is done (null without the extension). */
  readonly scanSignal: ScanSignal | null;
  /** Our extension's URLs. */
  readonly ourPrefix: string;
  isOurs(url: string | undefined): boolean;
}

/** One tab that visits pages one after another and records what each visit logged. */
export class Tab {
  page!: Page;
  private visit: Visit | null = null;
  private session: CDPSession | null = null;
  private inflight = 0;
  private lastNetwork = 0;

  private constructor(
    readonly browser: VisitBrowser,
    /** Run the sampling profiler on each visit (off when the visit is traced instead). */
    private readonly profile: boolean,
  ) {}

  static async open(browser: VisitBrowser, profile = browser.withExtension): Promise<Tab> {
    const tab = new Tab(browser, profile);
    await tab.attach();
    return tab;
  }

  private async attach(): Promise<void> {
    const page = await this.browser.context.newPage();
    this.page = page;
    this.session = null;
    page.on('console', (m) => {
      const v = this.visit;
      if (!v) return;
      const url = m.location().url;
      const type = m.type();
      if (this.browser.isOurs(url) || m.text().startsWith('[footnote]')) {
        if (type === 'error' || type === 'warning' || m.text().startsWith('[footnote]'))
          v.extensionErrors.push(`console.${type}: ${m.text()} (${url})`);
      } else if (type === 'error' && !NETWORK_NOISE.test(m.text()))
        v.pageErrors.push(`console.error: ${m.text()}${url ? ` (${url})` : ''}`);
    });
    page.on('pageerror', (e) => {
      const v = this.visit;
      if (!v) return;
      if (this.browser.isOurs(e.stack)) v.extensionErrors.push(`uncaught: ${e.stack}`);
      else v.pageErrors.push(`uncaught: ${e.message}`);
    });
    page.on('crash', () => this.visit?.pageErrors.push('renderer crashed'));
    const net = (d: number) => () => {
      this.inflight += d;
      this.lastNetwork = Date.now();
    };
    page.on('request', net(1));
    page.on('requestfinished', net(-1));
    page.on('requestfailed', net(-1));
  }

  /** A fresh page in place of this one (after a failed load: a page that navigates itself late can race ours). */
  async renew(): Promise<void> {
    await this.page.close().catch(() => undefined);
    await this.attach();
  }

  close(): Promise<void> {
    return this.page.close();
  }

  /** Both browsers also wait for the network to go quiet, so late resource loads happen (or not) in both alike. */
  private async settleNetwork(): Promise<void> {
    const end = Date.now() + SETTLE_MAX_MS;
    while (Date.now() < end && (this.inflight > 0 || Date.now() - this.lastNetwork < QUIET_MS))
      await new Promise((r) => setTimeout(r, 50));
  }

  /**
   * Run `read` in the page; if the page navigates itself meanwhile (a script sending it to another URL wipes the
   * document being read), wait for the new document to load and read that one. `left` tells `read` the page is
   * no longer the one visited (our content script does not run on Chrome's error pages, so a wait for our scan
   * there would only time out).
   */
  private async inPage<T>(read: (left: boolean) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await read(attempt > 0 && this.page.url().split('#')[0] !== this.target.split('#')[0]);
      } catch (e) {
        if (attempt >= NAVIGATION_RETRIES || !NAVIGATED.test((e as Error).message)) throw e;
        await this.page.waitForLoadState('load', { timeout: LOAD_TIMEOUT_MS });
      }
    }
  }

  private target = '';

  async run(url: string, opts: VisitOptions = {}): Promise<Visit> {
    this.target = url;
    const v = newVisit();
    this.visit = v;
    this.inflight = 0;
    let arrived = false;
    const arrive = async () => {
      if (arrived) return;
      arrived = true;
      await opts.settled?.();
    };
    let before = { cpu: 0, tasks: 0 };
    if (this.profile) {
      if (!this.session) {
        this.session = await this.browser.context.newCDPSession(this.page);
        await this.session.send('Performance.enable');
      }
      before = await mainThreadTimes(this.session).catch(() => before);
      await startProfiling(this.session);
    }
    try {
      const start = Date.now();
      await this.page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      const loaded = Date.now();
      v.loadMs = loaded - start;
      v.loaded = true;
      [v.scanned] = await Promise.all([
        this.inPage((left) => settleDom(this.page, left ? null : this.browser.scanSignal)),
        this.settleNetwork(),
      ]);
      const left = (opts.minDwell ?? 0) - (Date.now() - loaded);
      if (left > 0) await new Promise((r) => setTimeout(r, left));
      await arrive();
      Object.assign(v, await this.inPage(() => this.page.evaluate(SNAPSHOT)));
      v.dwell = Date.now() - loaded;
    } catch (e) {
      v.loadError = (e as Error).message.split('\n')[0];
      await arrive();
    }
    if (this.session) {
      const profile = await stopProfiling(this.session).catch(() => null);
      if (profile) v.slices = ourSlices(profile, this.browser.ourPrefix);
      const after = await mainThreadTimes(this.session).catch(() => before);
      const tasks = after.tasks - before.tasks;
      if (tasks > 0) v.cpuShare = Math.min(1, Math.max(0, (after.cpu - before.cpu) / tasks));
    }
    v.worstSlice = Math.max(0, ...v.slices);
    this.visit = null; // late messages from this page must not land on the next one
    await this.page.goto('about:blank').catch(() => {});
    return v;
  }
}
