/**
 * `npm run demo`: Footnote on the sample pages in Chromium with the freshly built extension.
 * With a display: a real window with each sample page in a tab (close the window to end).
 * Without one: headless; for each page a screenshot with a card open and the list of annotations go to demo-output/.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Engine } from '../src/core/engine.ts';
import { parseHtml } from '../src/node/html.ts';
import { buildPack, DEFAULT_PACK_DIR } from '../src/node/pack-io.ts';
import { findChromium, launchChromium } from '../test/browser/chromium.ts';
import { hasShared, ROOT, SHARED, startServer } from '../test/browser/server.ts';

const OUT = join(ROOT, 'demo-output');

async function main(): Promise<number> {
  const chrome = findChromium();
  if (!chrome) {
    console.error(
      [
        'npm run demo: no Chromium found.',
        '  Debian/Ubuntu:  sudo apt-get install chromium',
        '  Fedora:         sudo dnf install chromium',
        '  macOS:          install Google Chrome, then',
        '  any system:     CHROME_PATH=/path/to/chrome npm run demo',
        'Or load dist/chrome (Chrome) or dist/firefox (Firefox) by hand: see README.md.',
      ].join('\n'),
    );
    return 1;
  }
  const server = await startServer();
  const pages = readdirSync(join(ROOT, 'test', 'pages'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({
      name: f.replace(/\.html$/, ''),
      url: `${server.url}/pages/${f}`,
      file: join(ROOT, 'test', 'pages', f),
    }));
  if (hasShared()) {
    pages.unshift({
      name: 'seed-article',
      url: `${server.url}/shared/pages/seed-article.html`,
      file: join(SHARED, 'pages', 'seed-article.html'),
    });
  }
  const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.FOOTNOTE_HEADLESS !== '1';
  const session = await launchChromium({ headless: !headed });
  console.log(`Footnote loaded in ${chrome} (extension id ${session.extensionId}), serving ${server.url}`);

  if (headed) {
    for (const p of pages) await (await session.context.newPage()).goto(p.url);
    console.log(
      'A Chromium window shows Footnote on the sample pages: hover or click an underlined name. Close the window to end.',
    );
    await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
    await server.close();
    return 0;
  }

  mkdirSync(OUT, { recursive: true });
  const engine = new Engine(buildPack([DEFAULT_PACK_DIR]));
  const page = await session.context.newPage();
  for (const p of pages) {
    await page.goto(p.url);
    await page.waitForFunction(() => (CSS.highlights.get('footnote-entity')?.size ?? 0) > 0, undefined, {
      timeout: 10_000,
    });
    // Open a card on the first highlighted name, as a reader hovering it would.
    const at = await page.evaluate(() => {
      const h = CSS.highlights.get('footnote-entity');
      const r = h ? ([...h][0] as Range) : null;
      const b = r?.getClientRects()[0];
      return b ? { x: b.left + b.width / 2, y: b.top + b.height / 2 } : null;
    });
    if (at) {
      await page.mouse.move(at.x, at.y);
      await page.waitForSelector('footnote-ui >> [role=dialog]', { timeout: 5000 }).catch(() => undefined);
      await page.waitForTimeout(300);
    }
    const shot = join(OUT, `${p.name}.png`);
    await page.screenshot({ path: shot });
    const parsed = parseHtml(readFileSync(p.file, 'utf8'));
    const annotations = engine.annotateBlocks(
      parsed.blocks.map((b) => b.text),
      { lang: parsed.lang },
    );
    const list = annotations.flatMap((l, i) =>
      l.map((a) => ({ ...a, start: a.start + parsed.offsets[i], end: a.end + parsed.offsets[i] })),
    );
    parsed.close();
    writeFileSync(join(OUT, `${p.name}.json`), `${JSON.stringify({ page: p.url, annotations: list }, null, 2)}\n`);
    const painted = await page.evaluate(() =>
      [...CSS.highlights].filter(([n]) => n.startsWith('footnote-')).reduce((n, [, h]) => n + h.size, 0),
    );
    console.log(
      `${p.name}: ${painted} highlights painted, ${list.length} annotations → ${relative(process.cwd(), shot)}`,
    );
  }
  await session.close();
  await server.close();
  console.log(`Screenshots and annotation lists are in ${relative(process.cwd(), OUT) || OUT}/`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`npm run demo failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
