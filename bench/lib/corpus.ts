/**
 * The news pages as a benchmark corpus: every block, the same blocks pre-normalised (for the tokenise-only floor),
 * and a fixed pseudo-random block order for passes that can only afford a sample (the naive regex).
 */
import { normalize } from '../../src/core/text/normalize.ts';
import { forEachToken } from '../../src/core/text/tokenize.ts';
import type { NewsPage } from './pages.ts';
import { aliasKey } from './scale/util.ts';

export interface Corpus {
  pages: NewsPage[];
  blocks: string[];
  /** Each block normalised as the engine does (case and accents folded). */
  folded: string[];
  /** Indices into `blocks`, shuffled once and for all (sampling order). */
  sampleOrder: number[];
  bytes: number;
}

export function makeCorpus(pages: NewsPage[]): Corpus {
  const blocks = pages.flatMap((p) => p.blocks);
  const folded = blocks.map((b) => normalize(b, { fold: true }).text);
  let seed = 42;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const sampleOrder = blocks.map((_, i) => i);
  for (let i = sampleOrder.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [sampleOrder[i], sampleOrder[j]] = [sampleOrder[j], sampleOrder[i]];
  }
  return { pages, blocks, folded, sampleOrder, bytes: pages.reduce((n, p) => n + p.bytes, 0) };
}

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * Share of the corpus's tokens that begin some alias: each one costs the trie more than a failed root lookup (a walk
 * into the edges, then the case and ambiguity checks). "Almost every token fails at the root" holds only while
 * this stays small.
 */
export function aliasStartShare(corpus: Corpus, aliases: readonly string[]): number {
  const firsts = new Set<string>();
  for (const a of aliases) firsts.add(aliasKey(a).split(' ')[0]);
  let all = 0;
  let starts = 0;
  for (const t of corpus.folded) {
    forEachToken(t, (a, b) => {
      all++;
      if (firsts.has(t.slice(a, b))) starts++;
    });
  }
  return all ? starts / all : 0;
}
