/**
 * The reader's and fact-checker's surfaces in Chromium with the built extension: cards by keyboard, the popup's
 * page summary and export, options (import good and bad files, wrong matches), the side panel search, axe-core
 * on every surface (0 serious or critical), and screenshots of each in light and dark mode.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, findChromium, launchChromium } from './chromium.ts';
import { ROOT, type StaticServer, startServer } from './server.ts';

const OUT = join(ROOT, 'test-output', 'screenshots');
mkdirSync(OUT, { recursive: true });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  id: string;
  impact: string;
  nodes: number;
}

/** Serious and critical accessibility violations in `include` (a CSS selector, or a path into a shadow root). */
async function axe(page: Page, include: string | string[] = 'body'): Promise<string[]> {
  // Evaluated through the DevTools protocol, which extension pages' CSP (script-src 'self') does not block.
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async (inc) => {
    const w = window as unknown as {
      axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeResult[] }> };
    };
    const r = await w.axe.run(
      { include: [inc] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: (v.nodes as unknown as unknown[]).length }));
  }, include)) as AxeResult[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(OUT, `ui-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe.skipIf(!findChromium())('the interface in Chromium', () => {
  let session: ChromiumSession;
  let server: StaticServer;
  let page: Page;
  let tabId: number;
  const ext = (path: string) => `chrome-extension://${session.extensionId}/${path}`;

  beforeAll(async () => {
    server = await startServer();
    session = await launchChromium();
    page = await session.context.newPage();
    await page.goto(`${server.url}/pages/alaska-summit.html`);
    await page.waitForFunction(() => (CSS.highlights.get('footnote-entity')?.size ?? 0) > 10);
    await page.bringToFront();
    tabId = await session.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id as number;
    });
    expect(tabId).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const step = (direction: 1 | -1) =>
    session.worker.evaluate(({ id, direction }) => chrome.tabs.sendMessage(id, { type: 'footnote:step', direction }), {
      id: tabId,
      direction,
    });

  it('opens cards from the keyboard with focus inside, Tab reaches the actions, Esc closes and returns focus', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await step(1);
    const dialog = page.locator('footnote-ui [role=dialog]');
    await dialog.waitFor();
    const first = await page.evaluate(
      () =>
        CSS.highlights.get('footnote-entity') &&
        [...(CSS.highlights.get('footnote-focus') ?? [])].map((r) => r.toString()),
    );
    expect(first).toEqual(['Anchorage']);
    expect(await dialog.getAttribute('aria-labelledby')).toBe('footnote-card-title');
    const focusedInside = () => page.evaluate(() => document.activeElement?.tagName === 'FOOTNOTE-UI');
    expect(await focusedInside()).toBe(true);
    await page.keyboard.press('Tab');
    const focusedText = await page.evaluate(
      () => document.querySelector('footnote-ui')?.shadowRoot?.activeElement?.textContent ?? '',
    );
    expect(focusedText.length).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedInside()).toBe(false);
    await step(1);
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Donald Trump');
    expect(await axe(page, ['footnote-ui', '[role=dialog]'])).toEqual([]);
    await shoot(page, 'card');
    await page.keyboard.press('Escape');
  });

  it('the page cannot fetch the card UI by its extension URL (no fingerprint), while cards still open', async () => {
    // The card UI has been loaded by now (the keyboard test opened cards), from the session's dynamic URL.
    expect(await page.locator('footnote-ui').count()).toBe(1);
    const fetched = await page.evaluate(async (url) => {
      try {
        return (await fetch(url)).ok ? 'loaded' : 'refused';
      } catch {
        return 'refused';
      }
    }, ext('content/card.js'));
    expect(fetched).toBe('refused');
  });

  it('popup: page summary, jump to a mention, export as JSON', async () => {
    const popup = await session.context.newPage();
    await popup.goto(ext(`src/popup/index.html?tab=${tabId}`));
    await popup.getByTestId('counts').waitFor();
    expect(await popup.getByTestId('counts').textContent()).toMatch(/\d+ claims · \d+ names on this page/);
    const names = await popup.locator('#names-h + ul button').allTextContents();
    expect(names.some((n) => n.startsWith('Donald Trump'))).toBe(true);
    await popup.locator('#names-h + ul button', { hasText: 'Mark Rutte' }).click();
    await page.waitForFunction(() =>
      [...(CSS.highlights.get('footnote-focus') ?? [])].some((r) => r.toString() === 'Mark Rutte'),
    );
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'JSON' }).click(),
    ]);
    const file = join(tmpdir(), `footnote-export-${Date.now()}.json`);
    await download.saveAs(file);
    const report = JSON.parse(readFileSync(file, 'utf8'));
    expect(report.page.url).toContain('/pages/alaska-summit.html');
    expect(report.rows.find((r: { id: string }) => r.id === 'mark-rutte')).toMatchObject({ kind: 'entity', count: 1 });
    expect(report.rows.every((r: { sources: unknown[] }) => r.sources.length > 0)).toBe(true);
    expect(await axe(popup)).toEqual([]);
    await popup.setViewportSize({ width: 380, height: 600 });
    await shoot(popup, 'popup');
    await popup.close();
  });

  it('"wrong match" hides the mention on the page, remembers it, and lists it in options', async () => {
    await page.bringToFront();
    const before = await page.evaluate(
      () => [...(CSS.highlights.get('footnote-entity') ?? [])].filter((r) => r.toString() === 'Washington').length,
    );
    expect(before).toBe(1);
    const at = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('footnote-entity') ?? [])].find((x) => x.toString() === 'Washington') as Range;
      const b = r.getClientRects()[0];
      return { x: b.left + 5, y: b.top + b.height / 2 };
    });
    await page.mouse.click(at.x, at.y);
    await page.locator('footnote-ui [role=dialog]').getByRole('button', { name: 'Wrong match' }).click();
    await page.waitForFunction(
      () => ![...(CSS.highlights.get('footnote-entity') ?? [])].some((r) => r.toString() === 'Washington'),
    );
    await page.reload();
    await page.waitForFunction(() => (CSS.highlights.get('footnote-entity')?.size ?? 0) > 10);
    expect(
      await page.evaluate(() =>
        [...(CSS.highlights.get('footnote-entity') ?? [])].some((r) => r.toString() === 'Washington'),
      ),
    ).toBe(false);
    const options = await session.context.newPage();
    await options.goto(ext('src/options/index.html'));
    const table = options.getByTestId('wrong-matches');
    await table.waitFor();
    expect(await table.textContent()).toContain('Washington');
    await options.getByRole('button', { name: 'Forget wrong match “Washington”' }).click();
    await options.getByText('No mention has been marked as a wrong match.').waitFor();
    await page.waitForFunction(() =>
      [...(CSS.highlights.get('footnote-entity') ?? [])].some((r) => r.toString() === 'Washington'),
    );
    await options.close();
  });

  it('options: imports a good file, refuses a bad one and keeps the current pack', async () => {
    const options = await session.context.newPage();
    await options.goto(ext('src/options/index.html'));
    const info = options.getByTestId('pack-info');
    await info.waitFor();
    const claimsBefore = Number(/(\d+) claims/.exec((await info.textContent()) ?? '')?.[1]);
    const good = join(tmpdir(), 'good-factchecks.csv');
    writeFileSync(
      good,
      'claim,claimant,url,publisher,rating,review_date\n"Russia promised in 1994 to respect Ukraine\'s borders.",Example,https://example.org/fc/1,Example Check,True,2024-01-02\n"Half a claim",X,https://example.org/fc/2,Example Check,,2024-01-02\n',
    );
    await options.locator('input[type=file]').setInputFiles(good);
    await options.getByTestId('import-status').getByText('Imported 1 of 2 records (1 rejected).').waitFor();
    expect(await options.getByTestId('imported').textContent()).toContain('good-factchecks.csv: 1 claims');
    expect(Number(/(\d+) claims/.exec((await info.textContent()) ?? '')?.[1])).toBe(claimsBefore + 1);

    const bad = join(tmpdir(), 'bad-factchecks.json');
    writeFileSync(bad, '{"@type": "ClaimReview", "claimReviewed": "x", "url": "javascript:alert(1)"');
    await options.locator('input[type=file]').setInputFiles(bad);
    const status = options.getByTestId('import-status');
    await status.locator('.error').waitFor();
    expect(await status.textContent()).toMatch(/bad-factchecks\.json holds no usable fact-check/);
    expect(await options.getByTestId('imported').textContent()).toContain('good-factchecks.csv: 1 claims');
    expect(await axe(options)).toEqual([]);
    await shoot(options, 'options');
    await options.close();
  });

  it('side panel: "Check with Footnote" finds names and claims by fuzzy search and opens their cards', async () => {
    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.goto(ext('src/sidepanel/index.html'));
    await panel.getByRole('searchbox').fill('Zelenski');
    await panel.getByRole('button', { name: 'Search' }).click();
    const results = panel.getByRole('list', { name: 'Results' });
    await results.waitFor();
    expect(await results.locator('li').first().textContent()).toContain('Volodymyr Zelenskyy');
    await results.locator('li button').first().click();
    await panel.locator('h2#footnote-card-title').waitFor();
    expect(await panel.locator('.card').textContent()).toContain('President of Ukraine');
    expect(await axe(panel)).toEqual([]);
    await shoot(panel, 'sidepanel');
    await panel.close();
  });
});
