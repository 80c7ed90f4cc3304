/**
 * Store-ready packages: `npm run package` writes both zips, each passing its lint, and the content script stays
 * within its size budget (it is parsed on every page the reader opens).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintChrome } from '../../scripts/chrome-lint.mjs';
import { ROOT } from './server.ts';

const DIST = join(ROOT, 'dist', 'chrome');
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/** Bytes of a chunk plus every chunk it imports statically (what the browser must load before it runs). */
function eagerBytes(file: string, seen = new Set<string>()): number {
  if (seen.has(file)) return 0;
  seen.add(file);
  const text = readFileSync(join(DIST, 'assets', file), 'utf8');
  let total = statSync(join(DIST, 'assets', file)).size;
  // Static imports only: `import … from "./x.js"` / `import "./x.js"`; dynamic import("./x.js") loads later.
  for (const m of text.matchAll(/(?:^|[;\s])import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g))
    total += eagerBytes(m[1], seen);
  return total;
}

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
    const loader = readFileSync(join(DIST, manifest.content_scripts[0].js[0]), 'utf8');
    const main = /assets\/(src-content-main[^"']+\.js)/.exec(loader)?.[1] as string;
    expect(main).toBeDefined();
    const eager = eagerBytes(main);
    const popover = readdirSync(join(DIST, 'assets')).find((f) => f.startsWith('popover-')) as string;
    const onDemand = eagerBytes(popover, new Set());
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
