// `npm run package`: build both browsers, lint each package, and write the store uploads to packages/:
//   footnote-chrome-<version>.zip   (Chrome Web Store; checked by scripts/chrome-lint.mjs)
//   footnote-firefox-<version>.zip  (addons.mozilla.org; checked by `web-ext lint`, 0 errors required)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { lintChrome } from './chrome-lint.mjs';
import { zipDirectory } from './zip.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

// FOOTNOTE_SKIP_BUILD=1 packages the dist/ that is already there (the tests build once for all browser tests).
if (
  process.env.FOOTNOTE_SKIP_BUILD !== '1' &&
  spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0
)
  process.exit(1);
mkdirSync('packages', { recursive: true });

const chromeProblems = lintChrome('dist/chrome');
for (const p of chromeProblems) console.error(`dist/chrome: ${p}`);
if (chromeProblems.length) {
  console.error(`chrome package: ${chromeProblems.length} problem(s); nothing written`);
  process.exit(1);
}
const chromeZip = `packages/footnote-chrome-${version}.zip`;
writeFileSync(chromeZip, zipDirectory('dist/chrome'));
console.log(`${chromeZip}: lint ok`);

const lint = run('npx', [
  'web-ext',
  'lint',
  '--source-dir',
  'dist/firefox',
  '--output',
  'json',
  '--no-config-discovery',
]);
const report = JSON.parse(lint.stdout);
for (const e of report.errors) console.error(`dist/firefox: ${e.code}: ${e.message}`);
if (report.summary.errors > 0) {
  console.error(`firefox package: web-ext lint found ${report.summary.errors} error(s); nothing written`);
  process.exit(1);
}
const firefoxZip = `packages/footnote-firefox-${version}.zip`;
writeFileSync(firefoxZip, zipDirectory('dist/firefox'));
console.log(`${firefoxZip}: web-ext lint 0 errors, ${report.summary.warnings} warning(s)`);
