/**
 * Measuring the naive alternation regex within a CPU budget: it is orders of magnitude slower than the trie, so it
 * runs over a fixed random sample of blocks until the budget is spent, and its MB/s is bytes over CPU time.
 */
import type { Corpus } from './corpus.ts';
import { utf8Bytes } from './corpus.ts';
import { countMatches, naiveAlternation } from './regex.ts';
import { timed } from './timing.ts';

export interface RegexMeasure {
  patterns: number;
  /** CPU ms of building the RegExp and its first exec (V8 compiles lazily). */
  compileCpuMs: number;
  compileWallMs: number;
  bytes: number;
  cpuMs: number;
  wallMs: number;
  matches: number;
  /** Share of the corpus the sample covered. */
  share: number;
}

export function measureRegex(aliases: string[], corpus: Corpus, budgetCpuMs: number): RegexMeasure {
  const patterns = new Set(aliases.map((a) => a.trim().toLowerCase())).size;
  const built = timed(() => {
    const re = naiveAlternation(aliases);
    countMatches(re, 'Warm-up: Paris, London and the United Nations.');
    return re;
  });
  const re = built.value;
  // One more block before timing, so regexp tier-up (bytecode → native code) is not in the sample.
  countMatches(re, corpus.blocks[corpus.sampleOrder[0]] ?? '');
  let bytes = 0;
  let cpuMs = 0;
  let wallMs = 0;
  let matches = 0;
  for (const i of corpus.sampleOrder.slice(1)) {
    const t = timed(() => countMatches(re, corpus.blocks[i]));
    bytes += utf8Bytes(corpus.blocks[i]);
    cpuMs += t.cpuMs;
    wallMs += t.ms;
    matches += t.value;
    if (cpuMs >= budgetCpuMs) break;
  }
  return {
    patterns,
    compileCpuMs: built.cpuMs,
    compileWallMs: built.ms,
    bytes,
    cpuMs,
    wallMs,
    matches,
    share: bytes / corpus.bytes,
  };
}
