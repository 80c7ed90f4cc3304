/**
 * Zero network: while a reader browses pages, opens cards, the popup, options and side panel, and imports a pack,
 * no request may leave for anywhere but the local test server. Every connection the browser makes goes through a
 * recording proxy (loopback included), so a request from any extension context — service worker, content script,
 * popup, options, side panel — would be caught there.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, findChromium, launchChromium } from './chromium.ts';
import { hasShared, ROOT, type StaticServer, startServer } from './server.ts';

/** An HTTP proxy that serves nothing: it records each request (and CONNECT tunnel) and forwards only to `allowed`. */
async function recordingProxy(allowed: string): Promise<{ port: number; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer(async (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(allowed)) {
      seen.push(`${req.method} ${url}`);
      res.writeHead(403).end();
      return;
    }
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
  return { port: (server.address() as AddressInfo).port, seen, server };
}

/**
 * Chromium's own background services (sign-in, component updates) still call Google hosts despite the quiet flags;
 * they come from the browser process, not from any extension context. The second test proves our bundle never
 * names these hosts, so filtering them cannot hide a request of ours.
 */
const BROWSER_OWN = /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)$/;

function hostOf(entry: string): string {
  const target = entry.split(' ')[1] ?? '';
  try {
    return new URL(target.includes('://') ? target : `https://${target}`).hostname;
  } catch {
    return target;
  }
}

async function waitUntil(ok: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
  if (!ok())
    throw new Error('the positive control request never reached the recorder: the harness would miss requests');
}

function listJs(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listJs(p) : p.endsWith('.js') || p.endsWith('.html') ? [p] : [];
  });
}

describe.skipIf(!findChromium())('zero network (Chromium)', () => {
  let site: StaticServer;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
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
    const pages = ['alaska-summit', 'budapest-memorandum', 'ceasefire-diplomacy'].map(
      (p) => `${site.url}/pages/${p}.html`,
    );
    if (hasShared()) pages.push(`${site.url}/shared/pages/seed-article.html`);
    for (const url of pages) {
      await page.goto(url);
      await page.waitForFunction(() => (CSS.highlights.get('footnote-entity')?.size ?? 0) > 0);
      const at = await page.evaluate(() => {
        const r = [...(CSS.highlights.get('footnote-entity') ?? [])].find(
          (x) => !x.startContainer.parentElement?.closest('a'),
        ) as Range;
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const b = r.getClientRects()[0];
        return { x: b.left + 3, y: b.top + b.height / 2 };
      });
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
    const csv = join(tmpdir(), 'network-test.csv');
    writeFileSync(
      csv,
      'claim,url,publisher,rating,review_date\n"A claim.",https://example.org/fc,Example,False,2024-01-01\n',
    );
    await options.locator('input[type=file]').setInputFiles(csv);
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
    await session.worker.evaluate(() => fetch('http://control.invalid/from-extension').catch(() => undefined));
    await waitUntil(() => proxy.seen.some((s) => s.includes('control.invalid')));
    const fromUs = proxy.seen.filter((s) => !s.includes('control.invalid') && !BROWSER_OWN.test(hostOf(s)));
    expect(fromUs).toEqual([]);
  });

  it('ships no code that names the browser vendor hosts filtered out above', () => {
    const bundle = listJs(join(ROOT, 'dist', 'chrome'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(bundle).not.toMatch(/https?:\/\/[a-z0-9.-]*(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)/);
  });
});
