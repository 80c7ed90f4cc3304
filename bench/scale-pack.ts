/**
 * Bench: build the scale pack from ../shared/data (people, organisations, places, fact-checked claims) and report
 * its size, build time and heap, and what the full validator says about it. Other benches reuse the same pack.
 */
import type { LoadedScalePack } from './context.ts';
import { checkScalePack } from './lib/scale/build.ts';
import type { BenchContext, BenchResult, BenchRow } from './types.ts';

export const name = 'scale-pack';
export const order = 0;

export async function run(ctx: BenchContext): Promise<BenchResult> {
  if (!ctx.dataDir) return { rows: [], skipped: '../shared/data is absent: no scale pack' };
  const sp = (await ctx.scalePack()) as LoadedScalePack;
  const s = sp.stats;
  const rows: BenchRow[] = [
    { metric: 'entities', value: s.entities, unit: '' },
    { metric: 'aliases', value: s.aliases, unit: '', goal: '>=100000', note: `${s.ambiguousAliases} ambiguous` },
    { metric: 'claims', value: s.claims, unit: '', goal: '>=30000', note: `${s.reviews} with a review` },
    { metric: 'sources', value: s.sources, unit: '' },
    { metric: sp.from === 'built' ? 'build time' : 'load time (cache)', value: sp.ms, unit: 'ms' },
    { metric: sp.from === 'built' ? 'build cpu' : 'load cpu (cache)', value: sp.cpuMs, unit: 'ms' },
    { metric: 'pack heap', value: sp.heapMB, unit: 'MB', note: 'after a full GC' },
  ];
  const notes = [
    `entities by kind: ${Object.entries(s.byType)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `spellings shared by 2+ entities: ${s.sharedKeys}; claimants linked to a person entity: ${s.claimantsLinked}; ` +
      `common words learnt from claims: ${s.commonWords}`,
    `build stages (ms, wall): ${Object.entries(sp.timings)
      .map(([k, v]) => `${k} ${Math.round(v)}`)
      .join(', ')}`,
  ];
  if (ctx.flags.has('no-validate')) notes.push('validation skipped (--no-validate)');
  else {
    const check = checkScalePack(sp.pack);
    rows.push(
      { metric: 'validator: other issues', value: check.other.length, unit: '', goal: '<=0' },
      { metric: 'validator: alias collisions', value: check.collisions, unit: '', note: 'expected at scale' },
      { metric: 'validate time', value: check.ms, unit: 'ms' },
    );
    for (const o of check.other.slice(0, 10)) notes.push(`validator: ${o}`);
  }
  return { rows, notes };
}
