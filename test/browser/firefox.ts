/**
 * Firefox ESR driven over WebDriver BiDi (no Playwright build of Firefox exists here): start Firefox with a
 * fresh profile and a remote-debugging port, open a BiDi session, install the unpacked build as a temporary
 * add-on, and offer the few commands the tests need (navigate, evaluate, pointer actions, screenshot).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ROOT } from './server.ts';

export const FIREFOX_DIST = join(ROOT, 'dist', 'firefox');

export function findFirefox(): string | null {
  const env = process.env.FIREFOX_PATH;
  if (env) return existsSync(env) ? env : null;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p)) ?? null;
}

// Keep Firefox off the network and out of the way: no updates, telemetry, safe-browsing lists, captive portal
// checks or first-run pages.
const PREFS: Record<string, string | number | boolean> = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'media.gmp-manager.updateEnabled': false,
  'xpinstall.signatures.required': false,
  // MV3 host permissions are opt-in in Firefox; grant them for the test profile as a user would.
  'extensions.originControls.grantByDefault': true,
};

type Json = Record<string, unknown>;

export class BidiSession {
  private nextId = 1;
  private pending = new Map<number, { ok: (v: Json) => void; fail: (e: Error) => void }>();
  readonly events: Json[] = [];

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as Json;
      if (typeof msg.id === 'number') {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.type === 'error') p?.fail(new Error(`${msg.error}: ${msg.message}`));
        else p?.ok(msg.result as Json);
      } else if (msg.type === 'event') {
        this.events.push(msg);
      }
    });
  }

  send(method: string, params: Json = {}): Promise<Json> {
    const id = this.nextId++;
    return new Promise((ok, fail) => {
      this.pending.set(id, { ok, fail });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
}

export interface FirefoxSession {
  bidi: BidiSession;
  context: string;
  navigate(url: string): Promise<void>;
  /** Evaluate an expression in the page (awaits promises); returns the JSON value. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  moveMouse(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

async function connect(port: number, deadline: number): Promise<WebSocket> {
  for (;;) {
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/session`);
      await new Promise<void>((ok, fail) => {
        ws.once('open', () => ok());
        ws.once('error', fail);
      });
      return ws;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`Firefox did not open its BiDi port: ${(e as Error).message}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Convert a BiDi remote value into plain JSON (enough for the shapes the tests return). */
function fromRemote(v: Json): unknown {
  switch (v.type) {
    case 'undefined':
    case 'null':
      return null;
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'array':
      return (v.value as Json[]).map(fromRemote);
    case 'object':
      return Object.fromEntries((v.value as [string, Json][]).map(([k, x]) => [k, fromRemote(x)]));
    default:
      return v.value ?? null;
  }
}

export async function launchFirefox(opts: { extension?: string | null } = {}): Promise<FirefoxSession> {
  const exe = findFirefox();
  if (!exe) throw new Error('Firefox not found: apt-get install firefox-esr, or set FIREFOX_PATH');
  const profile = mkdtempSync(join(tmpdir(), 'footnote-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(PREFS)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const port = 9300 + Math.floor(Math.random() * 500);
  const proc: ChildProcess = spawn(
    exe,
    ['-headless', '-no-remote', '-profile', profile, `--remote-debugging-port=${port}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MOZ_HEADLESS: '1', MOZ_HEADLESS_WIDTH: '1200', MOZ_HEADLESS_HEIGHT: '900' },
    },
  );
  let stderr = '';
  proc.stderr?.on('data', (d) => {
    stderr = (stderr + String(d)).slice(-4000);
  });
  const ws = await connect(port, Date.now() + 30_000).catch((e: Error) => {
    proc.kill('SIGKILL');
    throw new Error(`${e.message}\n${stderr}`);
  });
  const bidi = new BidiSession(ws);
  await bidi.send('session.new', {
    capabilities: { alwaysMatch: { acceptInsecureCerts: true, unhandledPromptBehavior: { default: 'ignore' } } },
  });
  const ext = opts.extension === undefined ? FIREFOX_DIST : opts.extension;
  if (ext) await bidi.send('webExtension.install', { extensionData: { type: 'path', path: ext } });
  const tree = await bidi.send('browsingContext.getTree', {});
  const context = ((tree.contexts as Json[])[0] as Json).context as string;
  await bidi
    .send('browsingContext.setViewport', { context, viewport: { width: 1200, height: 900 } })
    .catch(() => undefined);

  const pointer = (actions: Json[]) =>
    bidi.send('input.performActions', {
      context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });

  return {
    bidi,
    context,
    navigate: async (url) => {
      await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    evaluate: async <T>(expression: string) => {
      const r = await bidi.send('script.evaluate', {
        expression,
        target: { context },
        awaitPromise: true,
        resultOwnership: 'none',
      });
      if (r.type === 'exception') {
        const details = r.exceptionDetails as Json;
        throw new Error(`page script failed: ${details.text}`);
      }
      return fromRemote(r.result as Json) as T;
    },
    moveMouse: async (x, y) => {
      await pointer([{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 }]);
    },
    click: async (x, y) => {
      await pointer([
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ]);
    },
    screenshot: async (path) => {
      const r = await bidi.send('browsingContext.captureScreenshot', { context });
      writeFileSync(path, Buffer.from(r.data as string, 'base64'));
    },
    close: async () => {
      await bidi.send('browser.close', {}).catch(() => undefined);
      ws.close();
      await new Promise<void>((ok) => {
        const t = setTimeout(() => {
          proc.kill('SIGKILL');
          ok();
        }, 5000);
        proc.once('exit', () => {
          clearTimeout(t);
          ok();
        });
      });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
