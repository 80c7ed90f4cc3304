// Build the extension once before the browser tier (FOOTNOTE_SKIP_BUILD=1 reuses an existing dist/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.ts';

export default function setup(): void {
  const built =
    existsSync(join(ROOT, 'dist', 'chrome', 'manifest.json')) &&
    existsSync(join(ROOT, 'dist', 'firefox', 'manifest.json'));
  if (process.env.FOOTNOTE_SKIP_BUILD === '1' && built) return;
  const r = spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the extension failed');
}
