/** The Firefox build passes Mozilla's add-on linter (offline), and both manifests come from the one source. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './server.ts';

const manifest = (target: string) => JSON.parse(readFileSync(join(ROOT, 'dist', target, 'manifest.json'), 'utf8'));

describe('built packages', () => {
  it('web-ext lint reports 0 errors on dist/firefox', () => {
    const r = spawnSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-config-discovery'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(r.stdout);
    expect(report.errors.map((e: { code: string; message: string }) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it('derives the Chrome manifest (service worker) and the Firefox manifest (gecko id, background scripts)', () => {
    const chrome = manifest('chrome');
    const firefox = manifest('firefox');
    expect(chrome.background.service_worker).toMatch(/\.js$/);
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox.background.scripts).toHaveLength(1);
    expect(firefox.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(chrome.version).toBe(firefox.version);
    expect(chrome.content_scripts[0].matches).toEqual(firefox.content_scripts[0].matches);
  });
});
