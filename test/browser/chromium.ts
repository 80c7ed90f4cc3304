/**
 * Chromium (Debian's /usr/bin/chromium, or CHROME_PATH) with the unpacked build loaded, through playwright-core.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { ROOT } from './server.ts';

export const CHROME_DIST = join(ROOT, 'dist', 'chrome');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(): string | null {
  const env = process.env.CHROME_PATH;
  if (env) return existsSync(env) ? env : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Flags that keep Chromium off the (closed) network and quiet. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--no-default-browser-check',
];

export async function launchChromium(
  opts: { headless?: boolean; extension?: string | null; args?: string[] } = {},
): Promise<ChromiumSession> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: apt-get install chromium, or set CHROME_PATH');
  const dir = mkdtempSync(join(tmpdir(), 'footnote-chromium-'));
  const ext = opts.extension === undefined ? CHROME_DIST : opts.extension;
  const args = [...QUIET_FLAGS, ...(opts.args ?? [])];
  if (ext) args.push(`--disable-extensions-except=${ext}`, `--load-extension=${ext}`);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: opts.headless ?? true,
    args,
    viewport: { width: 1200, height: 900 },
  });
  // The worker may register before or after we look: poll rather than race a one-shot event.
  let worker = context.serviceWorkers()[0] as Worker | undefined;
  for (const end = Date.now() + 45_000; ext && !worker && Date.now() < end; ) {
    worker = await context.waitForEvent('serviceworker', { timeout: 1000 }).catch(() => context.serviceWorkers()[0]);
  }
  if (ext && !worker) {
    await context.close();
    throw new Error(`the extension's service worker did not start (loaded from ${ext})`);
  }
  const extensionId = worker ? new URL(worker.url()).host : '';
  return {
    context,
    worker: worker as Worker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
