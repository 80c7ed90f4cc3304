/**
 * Store-ready packages: `npm run package` writes both zips, each passing its lint, and the content script stays
 * within its size budget (it is parsed on every page the reader opens).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintChrome } from '../../scripts/chrome-lint.mjs';
import { CARD_UI_FILE, CONTENT_FILE } from '../../src/content/files.ts';
import { ROOT } from './server.ts';

const DIST = join(ROOT, 'dist', 'chrome');
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/** Static imports (`import … from "x"`, `import "x"`); a dynamic import() loads later. */
const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[^"'`()]*?from\s*)?["'`][^"'`]+["'`]/;

describe('packages', () => {
  it('npm run package writes a Chrome and a Firefox zip, each passing its lint', () => {
    const r = spawnSync('node', ['scripts/package.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FOOTNOTE_SKIP_BUILD: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`footnote-chrome-${version}.zip: lint ok`);
    expect(r.stdout).toMatch(new RegExp(`footnote-firefox-${version}\\.zip: web-ext lint 0 errors`));
    for (const target of ['chrome', 'firefox']) {
      const zip = join(ROOT, 'packages', `footnote-${target}-${version}.zip`);
      expect(existsSync(zip)).toBe(true);
      const check = spawnSync(
        'python3',
        [
          '-c',
          'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()))',
          zip,
        ],
        { encoding: 'utf8' },
      );
      expect(check.status, check.stderr).toBe(0);
      expect(Number(check.stdout)).toBe(countFiles(join(ROOT, 'dist', target)));
    }
  });

  it('the Chrome lint catches a broken package', () => {
    expect(lintChrome(DIST)).toEqual([]);
    expect(lintChrome(join(ROOT, 'dist', 'firefox'))).toEqual(
      expect.arrayContaining([
        'manifest: background.service_worker is required for Chrome',
        'manifest: background.scripts is Firefox-only',
      ]),
    );
  });

  it('keeps the content script small: ≤ 40 KB before the first card, card UI ≤ 90 KB on demand', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
    const scripts: string[] = manifest.content_scripts.flatMap((c: { js: string[] }) => c.js);
    expect(scripts).toEqual([CONTENT_FILE]);
    const main = readFileSync(join(DIST, CONTENT_FILE), 'utf8');
    // A classic script: the browser runs it as it injects it, with nothing more to fetch first.
    expect(main).not.toMatch(STATIC_IMPORT);
    expect(main).toContain('footnote:first-paint');
    // The card UI is the one file pages may load (the content script imports it on the first card).
    expect(manifest.web_accessible_resources).toEqual([
      { resources: [CARD_UI_FILE], matches: expect.any(Array), use_dynamic_url: true },
    ]);
    const card = readFileSync(join(DIST, CARD_UI_FILE), 'utf8');
    expect(card).not.toMatch(STATIC_IMPORT);
    expect(card).toContain('PopoverHost');
    const eager = statSync(join(DIST, CONTENT_FILE)).size;
    const onDemand = statSync(join(DIST, CARD_UI_FILE)).size;
    console.log(
      `content script: ${(eager / 1024).toFixed(1)} KB eager, card UI ${(onDemand / 1024).toFixed(1)} KB on demand`,
    );
    expect(eager).toBeLessThanOrEqual(40 * 1024);
    expect(onDemand).toBeLessThanOrEqual(90 * 1024);
  });
});

function countFiles(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir)) n += statSync(join(dir, f)).isDirectory() ? countFiles(join(dir, f)) : 1;
  return n;
}
