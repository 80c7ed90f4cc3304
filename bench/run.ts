/**
 * `npm run bench [-- names…] [--quick] [--cached] [--write-pack] [--no-validate]`: every bench module in bench/
 * (a top-level *.ts exporting `name` and `run`, see ./types.ts), a table per bench with ratios against the baselines
 * measured in the same run, and bench-output/results.json.
 *
 * Flags: --quick fewer runs and subsets; --cached use bench-output/scale-pack.json when present; --write-pack write
 * it; --no-validate skip the full validator on the scale pack. Positional names pick benches (default: all).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeContext } from './context.ts';
import { REPO_DIR } from './lib/data.ts';
import { resolveRatios } from './lib/ratios.ts';
import { formatResult } from './lib/table.ts';
import { load } from './lib/timing.ts';
import type { BenchModule, BenchResult } from './types.ts';

const NOT_BENCHES = new Set(['run.ts', 'context.ts', 'types.ts']);

async function discover(): Promise<Array<BenchModule & { file: string }>> {
  const dir = join(REPO_DIR, 'bench');
  const found: Array<BenchModule & { file: string }> = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.ts') || file.endsWith('.d.ts') || NOT_BENCHES.has(file)) continue;
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Partial<BenchModule>;
    if (typeof mod.name === 'string' && typeof mod.run === 'function') {
      found.push({ name: mod.name, order: mod.order, run: mod.run, file });
    }
  }
  return found.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.file.localeCompare(b.file));
}

interface Finished extends BenchResult {
  name: string;
  file: string;
  ms: number;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')).map((a) => a.slice(2)));
  const only = args.filter((a) => !a.startsWith('--'));
  const ctx = makeContext({
    flags,
    quick: flags.has('quick'),
    cached: flags.has('cached'),
    writePack: flags.has('write-pack'),
  });
  const started = new Date();
  const loadBefore = load();
  if (!ctx.dataDir) console.log('notice: ../shared/data is absent; benches that need it are skipped.\n');
  const benches = (await discover()).filter((b) => only.length === 0 || only.includes(b.name));
  const done: Finished[] = [];
  for (const b of benches) {
    ctx.log(`… ${b.name}`);
    const t0 = performance.now();
    let result: BenchResult;
    try {
      result = await b.run(ctx);
      if (!Array.isArray(result?.rows)) throw new Error('run() must resolve to { rows: BenchRow[], … }');
    } catch (e) {
      result = { rows: [], skipped: `failed: ${(e as Error).stack ?? e}` };
    }
    const finished = { name: b.name, file: b.file, ms: performance.now() - t0, ...result };
    done.push(finished);
    // Print as each bench ends (its baselines come from itself or from benches that ran before it).
    resolveRatios(done);
    console.log(formatResult(finished));
    writeResults(ctx.outDir, { started, loadBefore, flags, done });
  }
  const seconds = writeResults(ctx.outDir, { started, loadBefore, flags, done });
  console.log(`bench-output/results.json written (${seconds.toFixed(0)} s; load average ${loadBefore} → ${load()})`);
  return done.some((r) => r.skipped?.startsWith('failed')) ? 1 : 0;
}

/** bench-output/results.json, rewritten after every bench so an interrupted run keeps what it measured. */
function writeResults(
  outDir: string,
  run: { started: Date; loadBefore: string; flags: Set<string>; done: Finished[] },
): number {
  const seconds = (Date.now() - run.started.getTime()) / 1000;
  const summary = {
    started: run.started.toISOString(),
    seconds,
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    loadavg: { before: run.loadBefore, after: load() },
    flags: [...run.flags],
    benches: run.done,
  };
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return seconds;
}

main().then((code) => process.exit(code));
