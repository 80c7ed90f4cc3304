// Builds dist/chrome and dist/firefox from the one manifest. Usage: node scripts/build.mjs [chrome|firefox]
import { spawnSync } from 'node:child_process';

const targets = process.argv[2] ? [process.argv[2]] : ['chrome', 'firefox'];
for (const target of targets) {
  const r = spawnSync('npx', ['vite', 'build', '--mode', target, '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build for ${target} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`built dist/${target}`);
}
