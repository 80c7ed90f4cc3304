/**
 * The browsers of the real-page sweep (./sweep.test.ts): two Chromiums, one without the extension and one with
 * a private copy of it, visit each page at the same time in a pair of tabs (./sweep-visit.ts) and snapshot it at
 * the same moment, so the two visits differ only by the extension (late page timers fire in both alike). Pages
 * where the sampled slices of our code look long are traced, one at a time, in a third Chromium of their own
 * while the pairs go on, for exact task lengths (see ./longtask.ts).
 *
 * The network is closed: every request not to 127.0.0.1 fails at once (the pages reference scripts, styles and
 * images by absolute URLs), which keeps loads fast and the same in both browsers. Date and Math.random are
 * deterministic in the page's main world (./real-pages.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { CHROME_DIST, type ChromiumSession, launchChromium } from './chromium.ts';
import { LONGTASK_INIT, type OurTask, traceOurTasks } from './longtask.ts';
import { DETERMINISTIC_INIT } from './real-pages.ts';
import { MARKS_INIT, type ScanSignal, Tab, type Visit, type VisitBrowser } from './sweep-visit.ts';

/**
 * Every request that would leave the machine goes to a proxy on a closed loopback port and fails at once
 * (ERR_PROXY_CONNECTION_FAILED); loopback bypasses proxies, so the test server answers. Cheaper than routing
 * each request through the test process, and it stops IP-literal URLs too, which DNS rules would not.
 */
const CLOSED_NETWORK = [
  '--proxy-server=http://127.0.0.1:9',
  // A page that sends itself to an off-machine URL ends on Chrome's network error page, which by default reloads
  // itself again and again (1 s, 5 s, …): each reload would wipe the document that a snapshot is reading.
  '--disable-auto-reload',
];

/** The text of the content scripts an extension's manifest lists. */
function contentScripts(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js: string[] }[];
  };
  return (manifest.content_scripts ?? [])
    .flatMap((c) => c.js)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

/** One Chromium for the whole sweep, with or without (a private copy of) the built extension. */
export class SweepBrowser implements VisitBrowser {
  readonly workerErrors: string[] = [];
  /** Our extension's URLs (its id depends on the folder it is loaded from; a page may reference others). */
  readonly ourPrefix: string;

  /** How visits tell our first scan is done (null without the extension). */
  readonly scanSignal: ScanSignal | null;

  private constructor(
    private readonly session: ChromiumSession,
    readonly withExtension: boolean,
    private readonly copy: string | null,
  ) {
    this.ourPrefix = `chrome-extension://${session.extensionId || '-'}/`;
    this.scanSignal = !copy ? null : contentScripts(copy).includes('footnote:scanned') ? 'mark' : 'style';
  }

  get context(): BrowserContext {
    return this.session.context;
  }

  isOurs(url: string | undefined): boolean {
    return !!url && url.includes(this.ourPrefix);
  }

  /** With the extension, loads a copy of dist/chrome: a rebuild during the sweep must not swap files under it. */
  static async launch(withExtension: boolean): Promise<SweepBrowser> {
    const copy = withExtension ? mkdtempSync(join(tmpdir(), 'footnote-sweep-ext-')) : null;
    if (copy) cpSync(CHROME_DIST, copy, { recursive: true });
    const session = await launchChromium({ extension: copy, args: CLOSED_NETWORK });
    const browser = new SweepBrowser(session, withExtension, copy);
    const { context } = session;
    await context.addInitScript(DETERMINISTIC_INIT);
    await context.addInitScript(LONGTASK_INIT);
    await context.addInitScript(MARKS_INIT);
    session.worker?.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        browser.workerErrors.push(`service worker ${m.type()}: ${m.text()}`);
    });
    return browser;
  }

  private closed: Promise<void> | null = null;

  close(): Promise<void> {
    this.closed ??= this.session.close().finally(() => {
      if (this.copy) rmSync(this.copy, { recursive: true, force: true });
    });
    return this.closed;
  }
}

/** A barrier for `n` parties: each awaits the returned function; all resume when the last arrives. */
function barrier(n: number): () => Promise<void> {
  let left = n;
  let open = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return () => {
    if (--left === 0) open();
    return opened;
  };
}

export interface PairedVisits {
  without: Visit;
  with: Visit;
}

/**
 * Visit each URL in both browsers at once, `pairs` pages at a time; a pair snapshots together once both tabs
 * have settled (the tab with the extension also waits for our first scan). A pair where either load failed is
 * visited once more in fresh tabs. `onDone` hears of each page as it is done. No page is started after
 * `deadline` (epoch ms): those are left undefined in the result.
 */
export async function visitPairs(
  browsers: { without: SweepBrowser; with: SweepBrowser },
  urls: readonly string[],
  opts: {
    pairs: number;
    minDwell?: (i: number) => number;
    deadline?: number;
    onDone?: (i: number, visits: PairedVisits, done: number) => void;
  },
): Promise<Array<PairedVisits | undefined>> {
  const out: Array<PairedVisits | undefined> = new Array(urls.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    const a = await Tab.open(browsers.without);
    const b = await Tab.open(browsers.with);
    while (next < urls.length && Date.now() < (opts.deadline ?? Number.POSITIVE_INFINITY)) {
      const i = next++;
      const visit = () => {
        const settled = barrier(2);
        const o = { minDwell: opts.minDwell?.(i) ?? 0, settled };
        return Promise.all([a.run(urls[i], o), b.run(urls[i], o)]);
      };
      let [x, y] = await visit();
      if (!x.loaded || !y.loaded) {
        if (!x.loaded) await a.renew();
        if (!y.loaded) await b.renew();
        [x, y] = await visit();
      }
      const pair = { without: x, with: y };
      out[i] = pair;
      opts.onDone?.(i, pair, ++done);
    }
    await Promise.all([a.close(), b.close()]);
  };
  await Promise.all(Array.from({ length: Math.min(opts.pairs, urls.length) }, worker));
  return out;
}

/**
 * Visit `url` under a Chrome trace, which separates back-to-back tasks and gives each task's CPU time (see
 * ./longtask.ts): our tasks, or null if the page did not load or we did not finish reading it. Tracing is
 * browser-wide, so nothing else may run in the tab's browser meanwhile.
 */
async function tracedVisit(tab: Tab, url: string): Promise<{ tasks: OurTask[]; visit: Visit } | null> {
  const cdp = await tab.browser.context.newCDPSession(tab.page);
  try {
    let visit: Visit | null = null;
    const tasks = await traceOurTasks(
      cdp,
      async () => {
        visit = await tab.run(url);
      },
      tab.browser.ourPrefix,
    );
    const v = visit as Visit | null;
    return v?.loaded && v.scanned ? { tasks, visit: v } : null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export const longestCpu = (tasks: readonly OurTask[]) => Math.max(0, ...tasks.map((t) => t.cpu));

/**
 * Traced visits in a Chromium of their own (with the extension), so they run while the pairs go on: tracing is
 * browser-wide, and nothing else runs in this one. Pages are queued as the sampling screen flags them; each gets
 * up to `visits` traced visits, until one has no task of ours over `limitMs`, and keeps the traced tasks of the
 * visit whose longest task was shortest (in `visit.traced`).
 */
export interface TracerOptions {
  /** Traced visits per page at most. */
  visits: number;
  /** Stop visiting a page again once its longest task of ours is at most this (CPU ms). */
  limitMs: number;
  /** No trace starts after this (epoch ms): the pages still queued keep their sampled estimate. */
  deadline: number;
}

export class Tracer {
  /** Pages traced so far. */
  count = 0;
  private readonly queue: Array<{ url: string; visit: Visit }> = [];
  private wake: (() => void) | null = null;
  private finishing = false;
  private failure: unknown = null;
  private readonly done: Promise<void>;

  private constructor(
    private readonly browser: SweepBrowser,
    private readonly opts: TracerOptions,
  ) {
    this.done = this.loop().catch((e) => {
      this.failure = e;
    });
  }

  static async start(opts: TracerOptions): Promise<Tracer> {
    return new Tracer(await SweepBrowser.launch(true), opts);
  }

  add(url: string, visit: Visit): void {
    this.queue.push({ url, visit });
    this.wake?.();
  }

  /** Trace what is still queued, close the browser and return its service worker's errors. */
  async finish(): Promise<string[]> {
    this.finishing = true;
    this.wake?.();
    await this.done;
    await this.browser.close();
    if (this.failure) throw this.failure;
    return this.browser.workerErrors;
  }

  private async loop(): Promise<void> {
    const tab = await Tab.open(this.browser, false);
    for (;;) {
      const next = this.queue.shift();
      if (next) await this.trace(tab, next.url, next.visit);
      else if (this.finishing) break;
      else {
        await new Promise<void>((ok) => {
          this.wake = ok;
        });
        this.wake = null;
      }
    }
    await tab.close();
  }

  private async trace(tab: Tab, url: string, v: Visit): Promise<void> {
    if (Date.now() > this.opts.deadline) return;
    this.count++;
    for (let i = 0; i < this.opts.visits && (v.traced === null || longestCpu(v.traced) > this.opts.limitMs); i++) {
      const t = await tracedVisit(tab, url);
      if (!t) continue;
      v.extensionErrors.push(...t.visit.extensionErrors);
      if (v.traced === null || longestCpu(t.tasks) < longestCpu(v.traced)) v.traced = t.tasks;
    }
  }
}
