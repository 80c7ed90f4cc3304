/**
 * Zero network: while a reader browses pages, opens cards, the popup, options and side panel (sidebar), and
 * imports a pack, no request may leave for anywhere but the local test server. Every connection the browser makes
 * goes through a recording proxy (loopback included), so a request from any extension context — background,
 * content script, popup, options, side panel — would be caught there. The same walk runs in Chromium and in
 * Firefox ESR; in each, a positive control proves the recorder sees a request from an extension page.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, findChromium, launchChromium } from './chromium.ts';
import { PAGE } from './drivers.ts';
import { type FirefoxSession, type FirefoxTab, findFirefox, launchFirefox } from './firefox.ts';
import { hasShared, ROOT, type StaticServer, startServer } from './server.ts';

interface RecordingProxy {
  port: number;
  /** Every request (and CONNECT tunnel) for anywhere but `allowed`, refused. */
  seen: string[];
  /** Requests forwarded to `allowed`: proof that the test server's pages came through the proxy too. */
  forwarded: number;
  server: Server;
}

/** An HTTP proxy that serves nothing: it records each request (and CONNECT tunnel) and forwards only to `allowed`. */
async function recordingProxy(allowed: string): Promise<RecordingProxy> {
  const seen: string[] = [];
  const server = createServer(async (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(allowed)) {
      seen.push(`${req.method} ${url}`);
      res.writeHead(403).end();
      return;
    }
    proxy.forwarded++;
    const upstream = await fetch(url, { method: req.method, headers: { accept: String(req.headers.accept ?? '*/*') } });
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
    });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const proxy: RecordingProxy = { port: (server.address() as AddressInfo).port, seen, forwarded: 0, server };
  return proxy;
}

/**
 * Chromium's own background services (sign-in, component updates) still call Google hosts despite the quiet flags;
 * they come from the browser process, not from any extension context. A test proves our bundle never names these
 * hosts, so filtering them cannot hide a request of ours. Firefox needs no such filter: with the prefs in
 * ./firefox.ts (and remote settings pointed at Firefox's own dummy server) it makes no request of its own, so
 * there every request counts.
 */
const CHROMIUM_OWN = /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)$/;

function hostOf(entry: string): string {
  const target = entry.split(' ')[1] ?? '';
  try {
    return new URL(target.includes('://') ? target : `https://${target}`).hostname;
  } catch {
    return target;
  }
}

const CONTROL = 'control.invalid';

async function waitUntil(ok: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
  if (!ok())
    throw new Error('the positive control request never reached the recorder: the harness would miss requests');
}

/** What the recorder saw, less the control request and the browser's own hosts (listed in the output). */
function fromUs(proxy: RecordingProxy, own: RegExp | null, browser: string): string[] {
  const isOwn = (s: string) => own?.test(hostOf(s)) ?? false;
  const theirs = proxy.seen.filter(isOwn);
  const hosts = [...new Set(theirs.map(hostOf))].join(', ') || 'none';
  console.log(
    `[network] ${browser}: ${proxy.forwarded} requests to the test server through the proxy;` +
      ` ${theirs.length} from the browser itself (${hosts})`,
  );
  expect(proxy.forwarded, 'the pages must load through the recording proxy').toBeGreaterThan(0);
  return proxy.seen.filter((s) => !s.includes(CONTROL) && !isOwn(s));
}

function bundleText(dir: string): string {
  const files = (d: string): string[] =>
    readdirSync(d).flatMap((f) => {
      const p = join(d, f);
      return statSync(p).isDirectory() ? files(p) : /\.(js|html|json)$/.test(p) ? [p] : [];
    });
  return files(dir)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

/** The pages the reader browses: our samples, and the seed article when ../shared is present. */
function readingList(site: StaticServer): string[] {
  const pages = ['alaska-summit', 'budapest-memorandum', 'ceasefire-diplomacy'].map(
    (p) => `${site.url}/pages/${p}.html`,
  );
  if (hasShared()) pages.push(`${site.url}/shared/pages/seed-article.html`);
  return pages;
}

/** A one-record fact-check file for the import. */
function importFile(): string {
  const csv = join(tmpdir(), 'network-test.csv');
  writeFileSync(
    csv,
    'claim,url,publisher,rating,review_date\n"A claim.",https://example.org/fc,Example,False,2024-01-01\n',
  );
  return csv;
}

/** Page expression: resolves once names are painted and their number has held still for 300 ms (done painting). */
const PAINTED = `(async () => {
  for (let last = -1, i = 0; i < 100; i++) {
    const n = CSS.highlights.get('footnote-entity')?.size ?? 0;
    if (n > 0 && n === last) return true;
    last = n;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
})()`;

/** Page expression: viewport point inside the first painted name that is not a link (scrolled into view). */
const FIRST_NAME_AT = `(() => {
  const r = [...(CSS.highlights.get('footnote-entity') ?? [])].find((x) => !x.startContainer.parentElement?.closest('a'));
  if (!r) return null;
  r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const b = r.getClientRects()[0];
  return { x: b.left + 3, y: b.top + b.height / 2 };
})()`;

describe.skipIf(!findChromium())('zero network (Chromium)', () => {
  let site: StaticServer;
  let proxy: RecordingProxy;
  let session: ChromiumSession;
  const ext = (path: string) => `chrome-extension://${session.extensionId}/${path}`;

  beforeAll(async () => {
    site = await startServer();
    proxy = await recordingProxy(site.url);
    // `<-loopback>` removes Chromium's implicit bypass, so even loopback requests pass through the proxy.
    session = await launchChromium({
      args: [`--proxy-server=http://127.0.0.1:${proxy.port}`, '--proxy-bypass-list=<-loopback>'],
    });
  });
  afterAll(async () => {
    await session?.close();
    await site?.close();
    await new Promise((ok) => proxy?.server.close(ok));
  });

  it('makes no request while browsing, reading cards, using every surface and importing a pack', async () => {
    const page = await session.context.newPage();
    for (const url of readingList(site)) {
      await page.goto(url);
      expect(await page.evaluate(PAINTED)).toBe(true);
      const at = (await page.evaluate(FIRST_NAME_AT)) as { x: number; y: number };
      await page.mouse.click(at.x, at.y);
      await page.locator('footnote-ui [role=dialog]').waitFor();
    }
    const tabId = await session.worker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id as number,
    );
    const popup = await session.context.newPage();
    await popup.goto(ext(`src/popup/index.html?tab=${tabId}`));
    await popup.getByTestId('counts').waitFor();
    const options = await session.context.newPage();
    await options.goto(ext('src/options/index.html'));
    await options.locator('input[type=file]').setInputFiles(importFile());
    await options
      .getByTestId('import-status')
      .getByText(/Imported 1 of 1/)
      .waitFor();
    const panel = await session.context.newPage();
    await panel.goto(ext('src/sidepanel/index.html'));
    await panel.getByRole('searchbox').fill('Putin');
    await panel.getByRole('button', { name: 'Search' }).click();
    await panel.getByRole('list', { name: 'Results' }).waitFor();
    await page.waitForTimeout(1000); // let any deferred work (timers, idle callbacks) run
    // Positive control: a request from the extension's own service worker does reach the recorder.
    await session.worker.evaluate((u) => fetch(u).catch(() => undefined), `http://${CONTROL}/from-extension`);
    await waitUntil(() => proxy.seen.some((s) => s.includes(CONTROL)));
    expect(fromUs(proxy, CHROMIUM_OWN, 'Chromium')).toEqual([]);
  });

  it('ships no code that names the browser vendor hosts filtered out above', () => {
    expect(bundleText(join(ROOT, 'dist', 'chrome'))).not.toMatch(
      /[a-z0-9.-]*(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)/,
    );
  });
});

/** Poll a tab expression until it is truthy. */
async function until<T>(tab: FirefoxTab, expression: string, ms = 15_000): Promise<T> {
  let last: T | null = null;
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    last = await tab.evaluate<T>(expression);
    if (last) return last;
  }
  throw new Error(`timed out waiting for: ${expression} (last: ${JSON.stringify(last)})`);
}

describe.skipIf(!findFirefox())('zero network (Firefox)', () => {
  let site: StaticServer;
  let proxy: RecordingProxy;
  let ff: FirefoxSession;
  const ext = (path: string) => `${ff.extensionBase}${path}`;

  beforeAll(async () => {
    site = await startServer();
    proxy = await recordingProxy(site.url);
    ff = await launchFirefox({
      prefs: {
        'network.proxy.type': 1, // manual proxy configuration
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.no_proxies_on': '',
        // Firefox never proxies loopback unless told to; with this, requests to 127.0.0.1 are recorded too.
        'network.proxy.allow_hijacking_localhost': true,
      },
    });
  });
  afterAll(async () => {
    await ff?.close();
    await site?.close();
    await new Promise((ok) => proxy?.server.close(ok));
  });

  it('makes no request while browsing, reading cards, using every surface and importing a pack', async () => {
    for (const url of readingList(site)) {
      await ff.navigate(url);
      expect(await ff.evaluate(PAINTED)).toBe(true);
      const at = await until<{ x: number; y: number }>(ff, FIRST_NAME_AT);
      await ff.click(at.x, at.y);
      await until(ff, PAGE.popoverText);
    }
    const options = await ff.openTab(ext('src/options/index.html'));
    // The options tab opened in the background: the active tab is still the article.
    const tabId = await options.evaluate<number>(
      'browser.tabs.query({ active: true, currentWindow: true }).then((t) => t[0].id)',
    );
    const popup = await ff.openTab(ext(`src/popup/index.html?tab=${tabId}`));
    await until(popup, `document.querySelector('[data-testid=counts]')?.textContent`);
    await options.setFiles('input[type=file]', [importFile()]);
    await until(options, `/Imported 1 of 1/.test(document.querySelector('[data-testid=import-status]')?.textContent)`);
    const panel = await ff.openTab(ext('src/sidepanel/index.html'));
    // Type, let Preact render the new query, then submit (as Enter would).
    await panel.evaluate(`(async () => {
      const box = document.querySelector('input[type=search]');
      box.value = 'Putin';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
      box.form.requestSubmit();
    })()`);
    await until(panel, `document.querySelectorAll('ul.results li').length`);
    await new Promise((r) => setTimeout(r, 1000)); // let any deferred work (timers, idle callbacks) run
    // Positive control: a request from an extension page does reach the recorder.
    await options.evaluate(`fetch('http://${CONTROL}/from-extension').then(() => 0, () => 0)`);
    await waitUntil(() => proxy.seen.some((s) => s.includes(CONTROL)));
    expect(fromUs(proxy, null, 'Firefox')).toEqual([]);
  });
});
