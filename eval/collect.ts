/**
 * Turning datasets into training material for the learned parts of the matcher: per query, the BM25 candidates
 * with their feature vectors; and sentences that repeat no indexed claim (negatives) for the calibrator.
 */

import type { SearchOptions } from '../src/core/claims/api';
import { sentenceCues } from '../src/core/claims/cues';
import { type ClaimIndex, splitSentences } from '../src/core/claims/index';
import { analyze } from '../src/core/claims/tokenize';
import { type Dataset, loadNewsText, type Query } from './data';

export interface Collected {
  dataset: string;
  query: Query;
  /** false = a sentence that repeats no claim in the index (its gold was removed, or generic news text). */
  positive: boolean;
  kind: 'query' | 'held-out-gold' | 'news';
  ids: string[];
  bm25: number[];
  x: Float64Array[];
  queryLength: number;
  /** The sentence's check-worthiness cues (src/core/claims/cues.ts). */
  cues: number[];
}

export function searchOptions(q: Query): SearchOptions {
  const o: SearchOptions = {};
  if (q.date) o.date = q.date;
  if (q.speaker) o.speaker = q.speaker;
  return o;
}

/** Candidates of every query with gold in `splits`. */
export function collectQueries(index: ClaimIndex, ds: Dataset, splits: string[], depth: number): Collected[] {
  return ds.queries
    .filter((q) => splits.includes(q.split) && q.gold.length > 0)
    .map((q) => collectOne(index, ds.name, q, depth, 'query'));
}

/** The same queries with their gold claims removed from the index: claim-like sentences with no match. */
export function collectHeldOut(index: ClaimIndex, ds: Dataset, splits: string[], depth: number): Collected[] {
  return ds.queries
    .filter((q) => splits.includes(q.split) && q.gold.length > 0)
    .map((q) => collectOne(index, ds.name, q, depth, 'held-out-gold', new Set(q.gold)));
}

/**
 * Sentences of the newspaper3k test articles (Dec 2014, mostly business/lifestyle): ordinary news text that
 * repeats no fact-checked claim. Every `stride`-th sentence of at least 5 words.
 */
export function newsSentences(stride = 1): Query[] {
  const out: Query[] = [];
  loadNewsText().forEach((text, i) => {
    splitSentences(text)
      .filter((s) => s.text.split(/\s+/).length >= 5)
      .forEach((s, j) => {
        if ((i + j) % stride === 0)
          out.push({ split: 'train', id: `news-${i}-${j}`, text: s.text, date: '2014-12-15', gold: [] });
      });
  });
  return out;
}

export function collectNews(index: ClaimIndex, name: string, news: Query[], depth: number): Collected[] {
  return news.map((q) => collectOne(index, name, q, depth, 'news'));
}

/** One sentence's candidates and features (`kind` 'query' = it repeats its gold claims). */
export function collectOne(
  index: ClaimIndex,
  name: string,
  q: Query,
  depth: number,
  kind: Collected['kind'],
  exclude?: ReadonlySet<string>,
): Collected {
  const c = index.candidates(q.text, searchOptions(q), depth, exclude);
  const a = analyze(q.text);
  return {
    dataset: name,
    query: q,
    positive: kind === 'query',
    kind,
    ids: c.map((x) => x.id),
    bm25: c.map((x) => x.bm25),
    x: c.map((x) => x.features),
    queryLength: a.terms.length,
    cues: sentenceCues(q.text, a),
  };
}
