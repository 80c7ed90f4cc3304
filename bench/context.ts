/**
 * The shared state of one `npm run bench`: the scale pack, the default pack and the news pages are each built
 * once, on first use, and handed to every bench module that asks.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pack } from '../src/core/pack/schema.ts';
import { buildPack, DEFAULT_PACK_DIR } from '../src/node/pack-io.ts';
import { findDataDir, REPO_DIR } from './lib/data.ts';
import { loadNewsPages, type NewsPage } from './lib/pages.ts';
import { buildScalePack, type ScalePack } from './lib/scale/build.ts';
import { heapUsedMB, timed } from './lib/timing.ts';
import type { BenchContext } from './types.ts';

export interface ContextOptions {
  flags: ReadonlySet<string>;
  quick: boolean;
  /** Load bench-output/scale-pack.json instead of building (when present). */
  cached: boolean;
  /** Write bench-output/scale-pack.json after building. */
  writePack: boolean;
}

/** The scale pack plus how it was obtained in this run. */
export interface LoadedScalePack extends ScalePack {
  from: 'built' | 'cache';
  /** Wall and CPU time of building (or loading) it here. */
  ms: number;
  cpuMs: number;
  /** Heap held by the pack object after a full GC. */
  heapMB: number;
}

function readCache(packFile: string, statsFile: string): ScalePack {
  const pack = JSON.parse(readFileSync(packFile, 'utf8')) as Pack;
  return { pack, ...(JSON.parse(readFileSync(statsFile, 'utf8')) as Omit<ScalePack, 'pack'>) };
}

export function makeContext(opts: ContextOptions): BenchContext & { scalePack(): Promise<LoadedScalePack> } {
  const dataDir = findDataDir();
  const outDir = join(REPO_DIR, 'bench-output');
  mkdirSync(outDir, { recursive: true });
  const packFile = join(outDir, 'scale-pack.json');
  const statsFile = join(outDir, 'scale-pack.stats.json');
  let scale: LoadedScalePack | undefined;
  let def: Pack | undefined;
  let pages: NewsPage[] | undefined;
  const need = (what: string) => {
    if (!dataDir) throw new Error(`${what} needs ../shared/data, which is absent`);
    return dataDir;
  };
  return {
    dataDir,
    outDir,
    quick: opts.quick,
    flags: opts.flags,
    log: (line) => process.stderr.write(`${line}\n`),
    async scalePack() {
      if (scale) return scale;
      const dir = need('the scale pack');
      const before = heapUsedMB();
      const fromCache = opts.cached && existsSync(packFile) && existsSync(statsFile);
      const t = timed(() => (fromCache ? readCache(packFile, statsFile) : buildScalePack(dir)));
      const heapMB = heapUsedMB() - before;
      scale = { ...t.value, from: fromCache ? 'cache' : 'built', ms: t.ms, cpuMs: t.cpuMs, heapMB };
      if (opts.writePack && !fromCache) {
        // The pack alone, so `footnote annotate --pack bench-output/scale-pack.json` can use it too.
        writeFileSync(packFile, JSON.stringify(scale.pack));
        writeFileSync(statsFile, JSON.stringify({ stats: scale.stats, timings: scale.timings }));
      }
      return scale;
    },
    defaultPack() {
      def ??= buildPack([DEFAULT_PACK_DIR]);
      return def;
    },
    async newsPages() {
      pages ??= await loadNewsPages(need('the news pages'), join(outDir, 'news-pages-text.json'));
      return pages;
    },
  };
}
