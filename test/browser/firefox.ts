/**
 * Firefox ESR driven over WebDriver BiDi (no Playwright build of Firefox exists here): start Firefox with a
 * fresh profile and a remote-debugging port, open a BiDi session, install the unpacked build as a temporary
 * add-on, and offer the few commands the tests need (navigate, evaluate, pointer actions, screenshot).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  // Remote settings (blocklists, certificate data, search config): Firefox's own dummy server, which release
  // builds honour only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in the environment (set at launch).
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
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

/** One top-level browsing context (a tab) and the commands the tests need in it. */
export interface FirefoxTab {
  context: string;
  navigate(url: string): Promise<void>;
  /** Evaluate an expression in the page (awaits promises); returns the JSON value. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  moveMouse(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Choose files in the first `<input type=file>` matching `selector`, as a user would in the file picker. */
  setFiles(selector: string, paths: string[]): Promise<void>;
}

export interface FirefoxSession extends FirefoxTab {
  bidi: BidiSession;
  /** Base URL of the installed extension's pages (moz-extension://<uuid>/), or '' without one. */
  extensionBase: string;
  /** Open another tab (in the background unless asked otherwise) at `url`. */
  openTab(url: string, opts?: { background?: boolean }): Promise<FirefoxTab & { close(): Promise<void> }>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** Unpacked add-on to install (default dist/firefox; null for none). */
  extension?: string | null;
  /** Extra profile preferences, over the quiet defaults. */
  prefs?: Record<string, string | number | boolean>;
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

/** The add-on id our manifest declares (browser_specific_settings.gecko.id), or null. */
function geckoId(dir: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    return manifest.browser_specific_settings?.gecko?.id ?? null;
  } catch {
    return null;
  }
}

/** Navigation, evaluation and pointer input in one browsing context. */
function tabCommands(bidi: BidiSession, context: string): FirefoxTab {
  const pointer = (actions: Json[]) =>
    bidi.send('input.performActions', {
      context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  return {
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
    setFiles: async (selector, files) => {
      const r = await bidi.send('script.evaluate', {
        expression: `document.querySelector(${JSON.stringify(selector)})`,
        target: { context },
        awaitPromise: false,
        resultOwnership: 'root',
      });
      const element = r.result as Json | undefined;
      if (element?.type !== 'node') throw new Error(`no element matches ${selector}`);
      await bidi.send('input.setFiles', { context, element: { sharedId: element.sharedId }, files });
    },
  };
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxSession> {
  const exe = findFirefox();
  if (!exe) throw new Error('Firefox not found: apt-get install firefox-esr, or set FIREFOX_PATH');
  const ext = opts.extension === undefined ? FIREFOX_DIST : opts.extension;
  // Pin the add-on's internal UUID up front, so its pages have a known moz-extension:// address.
  const id = ext ? geckoId(ext) : null;
  const uuid = id ? randomUUID() : null;
  const prefs = { ...PREFS, ...(id ? { 'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }) } : {}) };
  const profile = mkdtempSync(join(tmpdir(), 'footnote-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries({ ...prefs, ...opts.prefs })
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const port = 9300 + Math.floor(Math.random() * 500);
  const proc: ChildProcess = spawn(
    exe,
    // --remote-allow-system-access: without it BiDi refuses to navigate to moz-extension:// pages.
    ['-headless', '-no-remote', '-profile', profile, `--remote-debugging-port=${port}`, '--remote-allow-system-access'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
        MOZ_HEADLESS: '1',
        MOZ_HEADLESS_WIDTH: '1200',
        MOZ_HEADLESS_HEIGHT: '900',
      },
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
  if (ext) await bidi.send('webExtension.install', { extensionData: { type: 'path', path: ext } });
  const tree = await bidi.send('browsingContext.getTree', {});
  const context = ((tree.contexts as Json[])[0] as Json).context as string;
  await bidi
    .send('browsingContext.setViewport', { context, viewport: { width: 1200, height: 900 } })
    .catch(() => undefined);

  return {
    bidi,
    ...tabCommands(bidi, context),
    extensionBase: uuid ? `moz-extension://${uuid}/` : '',
    openTab: async (url, { background = true } = {}) => {
      const r = await bidi.send('browsingContext.create', { type: 'tab', background });
      const tab = tabCommands(bidi, r.context as string);
      await tab.navigate(url);
      return {
        ...tab,
        close: async () => {
          await bidi.send('browsingContext.close', { context: tab.context }).catch(() => undefined);
        },
      };
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
