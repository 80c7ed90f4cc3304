/**
 * Re-ranking features for a (sentence, claim) pair, computed for the BM25 candidates only.
 *
 * BM25 says how many rare words the two share; these features say *how* they are shared: does the sentence
 * contain most of the claim (claim coverage), in the same order (bigrams), with the same figures (numbers), about
 * the same people and places (capitalised terms, entities), said by the same person (claimant), around the same
 * time (dates)? The learned model (./model.ts) weighs them; its weights are trained in eval/train.ts.
 */

import type { Candidate } from './bm25';
import { cosine, type GramVector } from './chargrams';
import type { DocRecord } from './docs';

export const FEATURES = [
  'bm25',
  'bm25Rel',
  'bm25Gap',
  'logRank',
  'queryCover',
  'claimCover',
  'titleCover',
  'bigrams',
  'numMatch',
  'numMissing',
  'numConflict',
  'capsCover',
  'capsQueryMiss',
  'claimantMention',
  'chargram',
  'lenRatio',
  'dateKnown',
  'dateFuture',
  'dateAgo',
  'dateNear',
  'reviewKnown',
  'reviewDistance',
  'reviewNear',
  'reviewAfter',
  'reviewDaysAfter',
  'speakerMatch',
  'speakerKnown',
  'entityMatch',
  'matchedTerms',
  'maxMatchedIdf',
  'claimantPrior',
] as const;
export type FeatureName = (typeof FEATURES)[number];

export interface QueryContext {
  ids: Int32Array;
  idSet: Set<number>;
  bigrams: Set<number>;
  caps: Set<number>;
  numbers: Set<number>;
  /** Sum of idf over all query terms, unseen ones at the highest idf. */
  idfSum: number;
  length: number;
  grams: GramVector;
  day?: number;
  /** Surname of the sentence's speaker (see docs.ts `surname`). */
  speaker?: string;
  entities?: Set<string>;
}

export interface FeatureEnv {
  readonly idf: Float32Array;
  readonly docs: DocRecord[];
  docGrams(doc: number): GramVector;
  isValueToken: (id: number) => boolean;
  /** All term ids of a doc's text, title and phrases (cached). */
  docTerms(doc: number): Set<number>;
  /** How often fact-checkers pick this doc's claimant: log(1 + 1000 · share of claims) / 10. */
  claimantPrior(doc: number): number;
}

const PAIR = 1 << 21;

export function pairKey(a: number, b: number): number {
  return a * PAIR + b;
}

function idfCover(ids: ArrayLike<number>, has: (id: number) => boolean, idf: Float32Array): number {
  let all = 0;
  let hit = 0;
  const seen = new Set<number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (seen.has(id)) continue;
    seen.add(id);
    const w = idf[id] as number;
    all += w;
    if (has(id)) hit += w;
  }
  return all > 0 ? hit / all : 0;
}

function bigramCover(ids: Int32Array, q: QueryContext): number {
  if (ids.length < 2) return q.idSet.has(ids[0] as number) ? 1 : 0;
  let hit = 0;
  for (let i = 0; i + 1 < ids.length; i++) if (q.bigrams.has(pairKey(ids[i] as number, ids[i + 1] as number))) hit++;
  return hit / (ids.length - 1);
}

function numberFeatures(doc: DocRecord, q: QueryContext, env: FeatureEnv): [number, number, number] {
  let docValues = 0;
  let shared = 0;
  for (const id of doc.numbers) {
    if (!env.isValueToken(id)) continue;
    docValues++;
    if (q.numbers.has(id)) shared++;
  }
  let queryValues = 0;
  for (const id of q.numbers) if (env.isValueToken(id)) queryValues++;
  const missing = docValues > 0 && shared === 0 ? 1 : 0;
  const conflict = docValues > 0 && queryValues > 0 && shared === 0 ? 1 : 0;
  return [Math.min(shared, 3), missing, conflict];
}

function claimantMention(doc: DocRecord, q: QueryContext): number {
  const ids = doc.fields.claimant;
  if (ids.length === 0) return 0;
  let hit = 0;
  for (const id of ids) if (q.idSet.has(id)) hit++;
  return hit / ids.length;
}

const DAY_NEAR = 7;

function dateFeatures(doc: DocRecord, q: QueryContext): [number, number, number, number] {
  if (q.day === undefined || doc.day === undefined) return [0, 0, 0, 0];
  const ago = q.day - doc.day;
  // A claim stated after the sentence was written cannot be what it repeats (one day of slack for time zones).
  if (ago < -1) return [1, 1, 0, 0];
  return [1, 0, Math.log1p(Math.max(0, ago)) / 5, Math.abs(ago) <= DAY_NEAR ? 1 : 0];
}

/**
 * Review-date features. Whether a review published *after* the sentence helps or hurts depends on the source:
 * Snopes often reviews the very posts that spread a rumour (review after the tweet), while a debate sentence can
 * only repeat a claim that was already checked (review before it). The learned weights sort this out per profile.
 */
function reviewFeatures(doc: DocRecord, q: QueryContext): [number, number, number, number, number] {
  if (q.day === undefined || doc.reviewDay === undefined) return [0, 0, 0, 0, 0];
  const after = doc.reviewDay - q.day;
  const d = Math.abs(after);
  // One day of slack: a sentence dated by its debate vs by the write-up published the next morning.
  return [1, Math.log1p(d) / 5, d <= DAY_NEAR ? 1 : 0, after > 1 ? 1 : 0, Math.log1p(Math.max(0, after - 1)) / 5];
}

/** Same person, judged by surname: transcripts say "Senator Warren", "E. Warren" or "Elizabeth Warren". */
function speakerFeatures(doc: DocRecord, q: QueryContext): [number, number] {
  if (!q.speaker || !doc.claimantSurname) return [0, 0];
  return [doc.claimantSurname === q.speaker ? 1 : 0, 1];
}

function entityMatch(doc: DocRecord, q: QueryContext): number {
  if (!q.entities || !doc.entities) return 0;
  let hit = 0;
  for (const e of doc.entities) if (q.entities.has(e)) hit++;
  return Math.min(hit, 3);
}

/** Feature vector (in FEATURES order) for one candidate. `top`/`second` are the best BM25 scores of the query. */
export function featureVector(q: QueryContext, c: Candidate, rank: number, top: number, env: FeatureEnv): Float64Array {
  const doc = env.docs[c.doc] as DocRecord;
  const has = (id: number) => q.idSet.has(id);
  const docSet = env.docTerms(c.doc);
  let qHit = 0;
  let matched = 0;
  let maxIdf = 0;
  for (const id of q.idSet) {
    if (!docSet.has(id)) continue;
    const w = env.idf[id] as number;
    qHit += w;
    matched++;
    if (w > maxIdf) maxIdf = w;
  }
  let capsMiss = 0;
  for (const id of q.caps) if (!docSet.has(id)) capsMiss += 1;
  const [numMatch, numMissing, numConflict] = numberFeatures(doc, q, env);
  const date = dateFeatures(doc, q);
  const speaker = speakerFeatures(doc, q);
  const docLen = Math.max(1, doc.fields.text.length);
  return Float64Array.from([
    c.score,
    top > 0 ? c.score / top : 0,
    top - c.score,
    Math.log(rank + 1),
    q.idfSum > 0 ? qHit / q.idfSum : 0,
    idfCover(doc.fields.text, has, env.idf),
    idfCover(doc.fields.title, has, env.idf),
    bigramCover(doc.fields.text, q),
    numMatch,
    numMissing,
    numConflict,
    doc.caps.length ? idfCover(doc.caps, has, env.idf) : 0,
    Math.min(capsMiss, 5) / 5,
    claimantMention(doc, q),
    cosine(q.grams, env.docGrams(c.doc)),
    Math.log((q.length + 1) / (docLen + 1)),
    ...date,
    ...reviewFeatures(doc, q),
    ...speaker,
    entityMatch(doc, q),
    Math.log1p(matched),
    maxIdf / 10,
    env.claimantPrior(c.doc),
  ]);
}
