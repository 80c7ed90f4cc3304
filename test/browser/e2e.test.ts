/**
 * The whole path in real browsers: built extension → page from a local server → highlights painted → a card
 * opened by hover and by click shows the right entity. Same scenarios in Chromium and Firefox ESR.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.ts';
import { parseHtml } from '../../src/node/html.ts';
import { buildPack, DEFAULT_PACK_DIR } from '../../src/node/pack-io.ts';
import { BROWSERS, type Driver, launch, PAGE, waitFor } from './drivers.ts';
import { hasShared, ROOT, SHARED, type StaticServer, startServer } from './server.ts';

const OUT = join(ROOT, 'test-output', 'screenshots');
mkdirSync(OUT, { recursive: true });

const engine = new Engine(buildPack([DEFAULT_PACK_DIR]));

/** What the engine finds on a page, as the texts the browser should paint. */
function expectedTexts(file: string): string[] {
  const page = parseHtml(readFileSync(file, 'utf8'));
  const texts = engine
    .annotateBlocks(
      page.blocks.map((b) => b.text),
      { lang: page.lang },
    )
    .flat()
    .filter((a) => a.kind === 'entity')
    .map((a) => a.text);
  page.close();
  return texts.sort();
}

const painted = (h: Record<string, string[]>) => (h['footnote-entity'] ?? []).slice().sort();

async function openCard(d: Driver, text: string, how: 'hover' | 'click'): Promise<string> {
  const at = await d.eval<{ x: number; y: number } | null>(PAGE.rangeCenter(text));
  expect(at, `a highlighted range for "${text}"`).not.toBeNull();
  const { x, y } = at as { x: number; y: number };
  if (how === 'hover') {
    await d.move(x - 30, y - 40); // arrive from elsewhere, like a pointer does
    await d.move(x, y);
  } else await d.click(x, y);
  return waitFor<string>(d, PAGE.popoverText, 5000);
}

for (const browser of BROWSERS) {
  describe.skipIf(!browser.available())(`in ${browser.name}`, () => {
    let d: Driver;
    let server: StaticServer;
    beforeAll(async () => {
      server = await startServer();
      d = await launch(browser.name);
    });
    afterAll(async () => {
      await d?.close();
      await server?.close();
    });

    it('paints every name the engine finds on our sample article, and none of the decoys', async () => {
      await d.goto(`${server.url}/pages/alaska-summit.html`);
      const expected = expectedTexts(join(ROOT, 'test', 'pages', 'alaska-summit.html'));
      expect(expected.length).toBeGreaterThan(10);
      const h = await waitFor<Record<string, string[]>>(
        d,
        `(() => { const h = ${PAGE.highlights}; return (h['footnote-entity'] || []).length >= ${expected.length} ? h : null; })()`,
      );
      expect(painted(h)).toEqual(expected);
      const all = Object.values(h).flat().join(' | ');
      expect(all).not.toMatch(/trump card|Alaska Airlines/i);
      await d.screenshot(join(OUT, `${browser.name}-sample.png`));
    });

    it('opens the right card on hover', async () => {
      const e = engine.entity('emmanuel-macron');
      expect(e).toBeDefined();
      const text = await openCard(d, 'Emmanuel Macron', 'hover');
      expect(text).toContain(e?.name);
      expect(text).toContain(e?.description.slice(0, 40));
      await d.screenshot(join(OUT, `${browser.name}-hover-card.png`));
      await d.press('Escape');
      await waitFor(d, `${PAGE.popoverText} === null`, 3000);
    });

    it('opens the right card on click', async () => {
      const e = engine.entity('keir-starmer');
      const text = await openCard(d, 'Keir Starmer', 'click');
      expect(text).toContain(e?.name);
      expect(text).toContain(e?.description.slice(0, 40));
    });

    it.skipIf(!hasShared())('lights up the seed article: every name the engine finds is painted', async () => {
      const file = join(SHARED, 'pages', 'seed-article.html');
      const expected = expectedTexts(file);
      await d.goto(`${server.url}/shared/pages/seed-article.html`);
      const h = await waitFor<Record<string, string[]>>(
        d,
        `(() => { const h = ${PAGE.highlights}; return (h['footnote-entity'] || []).length >= ${expected.length} ? h : null; })()`,
      );
      expect(painted(h)).toEqual(expected);
      const text = await openCard(d, 'Zelenskyy', 'click');
      expect(text).toContain(engine.entity('volodymyr-zelenskyy')?.name);
      await d.screenshot(join(OUT, `${browser.name}-seed.png`));
    });

    it('leaves the page DOM untouched: no element of ours inside <body>', async () => {
      const inBody = await d.eval<number>(`document.body.querySelectorAll('[data-footnote-ui], footnote-ui').length`);
      expect(inBody).toBe(0);
    });

    it('reads an XHTML page as it reads HTML: prose painted, script and code left alone', async () => {
      // In an XHTML document tag names are lower case; blocks and exclusions go by local name, the same in both.
      await d.goto(`${server.url}/fixtures/xhtml-article.xhtml`);
      expect(await d.eval<string>('document.contentType')).toBe('application/xhtml+xml');
      expect(await d.eval<string>('document.body.tagName')).toBe('body');
      const h = await waitFor<Record<string, string[]>>(
        d,
        `(() => { const h = ${PAGE.highlights}; return (h['footnote-entity'] || []).length >= 3 ? h : null; })()`,
      );
      // Give a late annotation of the script's or the code's text time to appear before asserting it did not.
      await new Promise((r) => setTimeout(r, 500));
      const after = await d.eval<Record<string, string[]>>(PAGE.highlights);
      expect(painted(after)).toEqual(['Emmanuel Macron', 'Keir Starmer', 'Volodymyr Zelenskyy']);
      expect(painted(h)).toEqual(painted(after));
    });
  });
}

if (!hasShared()) console.warn('[footnote] ../shared not found: seed-article browser test skipped');
