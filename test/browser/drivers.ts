/**
 * One small driver interface over both browsers, so each browser test is written once and runs in Chromium
 * (playwright-core) and Firefox ESR (WebDriver BiDi) alike.
 */
import type { Page } from 'playwright-core';
import { type ChromiumSession, findChromium, launchChromium } from './chromium.ts';
import { type FirefoxSession, findFirefox, launchFirefox } from './firefox.ts';

export interface Driver {
  name: 'chromium' | 'firefox';
  goto(url: string): Promise<void>;
  /** Evaluate a JS expression in the page's main world; promises are awaited; the result must be JSON. */
  eval<T>(expression: string): Promise<T>;
  move(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

class ChromiumDriver implements Driver {
  readonly name = 'chromium';
  constructor(
    readonly session: ChromiumSession,
    readonly page: Page,
  ) {}
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  eval<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }
  async move(x: number, y: number) {
    await this.page.mouse.move(x, y);
  }
  async click(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }
  async press(key: string) {
    await this.page.keyboard.press(key);
  }
  async screenshot(path: string) {
    await this.page.screenshot({ path });
  }
  close() {
    return this.session.close();
  }
}

class FirefoxDriver implements Driver {
  readonly name = 'firefox';
  constructor(readonly session: FirefoxSession) {}
  goto(url: string) {
    return this.session.navigate(url);
  }
  eval<T>(expression: string): Promise<T> {
    return this.session.evaluate<T>(expression);
  }
  move(x: number, y: number) {
    return this.session.moveMouse(x, y);
  }
  click(x: number, y: number) {
    return this.session.click(x, y);
  }
  async press(key: string) {
    const value = key === 'Escape' ? '\uE00C' : key === 'Tab' ? '\uE004' : key;
    await this.session.bidi.send('input.performActions', {
      context: this.session.context,
      actions: [
        {
          type: 'key',
          id: 'kbd',
          actions: [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ],
        },
      ],
    });
  }
  screenshot(path: string) {
    return this.session.screenshot(path);
  }
  close() {
    return this.session.close();
  }
}

export const BROWSERS = [
  { name: 'chromium' as const, available: () => findChromium() !== null },
  { name: 'firefox' as const, available: () => findFirefox() !== null },
];

export async function launch(name: Driver['name'], opts: { extension?: string | null } = {}): Promise<Driver> {
  if (name === 'chromium') {
    const session = await launchChromium({ extension: opts.extension });
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    return new ChromiumDriver(session, page);
  }
  return new FirefoxDriver(await launchFirefox({ extension: opts.extension }));
}

/** Poll a page expression until it returns a truthy value (or time out with the last value). */
export async function waitFor<T>(d: Driver, expression: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | null = null;
  while (Date.now() < end) {
    last = await d.eval<T>(expression);
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for: ${expression} (last: ${JSON.stringify(last)})`);
}

/** Page-side snippets the tests evaluate. */
export const PAGE = {
  /** Text of every range in every footnote highlight, grouped by highlight name. */
  highlights: `(() => { const out = {}; for (const [name, h] of CSS.highlights) { if (name.startsWith('footnote-')) out[name] = [...h].map((r) => r.toString()); } return out; })()`,
  /** Viewport centre of the first highlighted range whose text is `text` (scrolls it into view first). */
  rangeCenter: (text: string) =>
    `(() => { for (const [name, h] of CSS.highlights) { if (!name.startsWith('footnote-')) continue; for (const r of h) { if (r.toString() === ${JSON.stringify(text)}) { r.startContainer.parentElement.scrollIntoView({ block: 'center' }); const b = r.getClientRects()[0]; return { x: b.left + Math.min(b.width / 2, 20), y: b.top + b.height / 2 }; } } } return null; })()`,
  /** Text of the open popover, or null. */
  popoverText: `(() => { const host = document.querySelector('footnote-ui, div[data-footnote-ui]'); const d = host && host.shadowRoot && host.shadowRoot.querySelector('[role=dialog]'); return d ? d.textContent : null; })()`,
};
