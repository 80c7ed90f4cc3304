/**
 * Re-ranking features for a (sentence, claim) pair, computed for the BM25 candidates only.
 *
 * BM25 says how many rare words the two share; these features say *how* they are shared: does the sentence
 * contain most of the claim (claim coverage), in the same order (bigrams), with the same figures (numbers), about
 * the same people and places (capitalised terms, entities), said by the same person (claimant), around the same
 * time (dates)? The learned model (./model.ts) weighs them; its weights are trained in eval/train.ts.
 */

import type { Candidate } from './bm25';
import type { GramVector } from './chargrams';
import type { DocRecord } from './docs';
import type { IdMarks } from './marks';

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

/** Position of each feature in a vector. */
const AT = Object.fromEntries(FEATURES.map((f, i) => [f, i])) as Record<FeatureName, number>;

export interface QueryContext {
  ids: Int32Array;
  /** The distinct ids of `ids`, in order of first occurrence. */
  unique: Int32Array;
  bigrams: Set<number>;
  caps: Set<number>;
  numbers: Set<number>;
  /** How many of `numbers` are plain values (see FeatureEnv.isValueToken). */
  valueNumbers: number;
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
  /** Trigram cosine of a sentence's vector and a doc's (./chargrams.ts). */
  gramCosine(q: GramVector, doc: number): number;
  isValueToken: (id: number) => boolean;
  /** All term ids of a doc's text, title and phrases, as a set valid until the next call. */
  docTerms(doc: number): IdMarks;
  /** The current sentence's term ids (filled by `featureVectors`). */
  readonly queryTerms: IdMarks;
  /** Scratch set for counting each id once. */
  readonly seen: IdMarks;
  /** How often fact-checkers pick this doc's claimant: log(1 + 1000 · share of claims) / 10. */
  claimantPrior(doc: number): number;
}

const PAIR = 1 << 21;

export function pairKey(a: number, b: number): number {
  return a * PAIR + b;
}

/** Share of the idf of `ids` (each counted once) that the sentence has. */
function idfCover(ids: ArrayLike<number>, env: FeatureEnv): number {
  let all = 0;
  let hit = 0;
  const { seen, queryTerms, idf } = env;
  seen.clear();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (!seen.addNew(id)) continue;
    const w = idf[id] as number;
    all += w;
    if (queryTerms.has(id)) hit += w;
  }
  return all > 0 ? hit / all : 0;
}

function bigramCover(ids: Int32Array, q: QueryContext, env: FeatureEnv): number {
  if (ids.length < 2) return ids.length === 1 && env.queryTerms.has(ids[0] as number) ? 1 : 0;
  let hit = 0;
  for (let i = 0; i + 1 < ids.length; i++) if (q.bigrams.has(pairKey(ids[i] as number, ids[i + 1] as number))) hit++;
  return hit / (ids.length - 1);
}

/** numMatch, numMissing, numConflict. */
function numberFeatures(doc: DocRecord, q: QueryContext, env: FeatureEnv, x: Float64Array): void {
  let docValues = 0;
  let shared = 0;
  for (const id of doc.numbers) {
    if (!env.isValueToken(id)) continue;
    docValues++;
    if (q.numbers.has(id)) shared++;
  }
  x[AT.numMatch] = Math.min(shared, 3);
  x[AT.numMissing] = docValues > 0 && shared === 0 ? 1 : 0;
  x[AT.numConflict] = docValues > 0 && q.valueNumbers > 0 && shared === 0 ? 1 : 0;
}

function claimantMention(doc: DocRecord, env: FeatureEnv): number {
  const ids = doc.fields.claimant;
  if (ids.length === 0) return 0;
  let hit = 0;
  for (const id of ids) if (env.queryTerms.has(id)) hit++;
  return hit / ids.length;
}

const DAY_NEAR = 7;

/** dateKnown, dateFuture, dateAgo, dateNear (0 when a date is missing). */
function dateFeatures(doc: DocRecord, q: QueryContext, x: Float64Array): void {
  if (q.day === undefined || doc.day === undefined) return;
  const ago = q.day - doc.day;
  x[AT.dateKnown] = 1;
  // A claim stated after the sentence was written cannot be what it repeats (one day of slack for time zones).
  if (ago < -1) {
    x[AT.dateFuture] = 1;
    return;
  }
  x[AT.dateAgo] = Math.log1p(Math.max(0, ago)) / 5;
  x[AT.dateNear] = Math.abs(ago) <= DAY_NEAR ? 1 : 0;
}

/**
 * Review-date features. Whether a review published *after* the sentence helps or hurts depends on the source:
 * Snopes often reviews the very posts that spread a rumour (review after the tweet), while a debate sentence can
 * only repeat a claim that was already checked (review before it). The learned weights sort this out per profile.
 */
function reviewFeatures(doc: DocRecord, q: QueryContext, x: Float64Array): void {
  if (q.day === undefined || doc.reviewDay === undefined) return;
  const after = doc.reviewDay - q.day;
  const d = Math.abs(after);
  x[AT.reviewKnown] = 1;
  x[AT.reviewDistance] = Math.log1p(d) / 5;
  x[AT.reviewNear] = d <= DAY_NEAR ? 1 : 0;
  // One day of slack: a sentence dated by its debate vs by the write-up published the next morning.
  x[AT.reviewAfter] = after > 1 ? 1 : 0;
  x[AT.reviewDaysAfter] = Math.log1p(Math.max(0, after - 1)) / 5;
}

/** Same person, judged by surname: transcripts say "Senator Warren", "E. Warren" or "Elizabeth Warren". */
function speakerFeatures(doc: DocRecord, q: QueryContext, x: Float64Array): void {
  if (!q.speaker || !doc.claimantSurname) return;
  x[AT.speakerMatch] = doc.claimantSurname === q.speaker ? 1 : 0;
  x[AT.speakerKnown] = 1;
}

function entityMatch(doc: DocRecord, q: QueryContext): number {
  if (!q.entities || !doc.entities) return 0;
  let hit = 0;
  for (const e of doc.entities) if (q.entities.has(e)) hit++;
  return Math.min(hit, 3);
}

/** Feature vectors (FEATURES order) of a sentence's BM25 candidates, given best first. */
export function featureVectors(q: QueryContext, cands: readonly Candidate[], env: FeatureEnv): Float64Array[] {
  env.queryTerms.clear();
  for (let i = 0; i < q.unique.length; i++) env.queryTerms.add(q.unique[i] as number);
  const top = cands[0]?.score ?? 0;
  return cands.map((c, rank) => featureVector(q, c, rank, top, env));
}

/** Feature vector for one candidate at `rank`; the sentence's terms are in env.queryTerms. */
function featureVector(q: QueryContext, c: Candidate, rank: number, top: number, env: FeatureEnv): Float64Array {
  const doc = env.docs[c.doc] as DocRecord;
  const inDoc = env.docTerms(c.doc);
  let qHit = 0;
  let matched = 0;
  let maxIdf = 0;
  for (let i = 0; i < q.unique.length; i++) {
    const id = q.unique[i] as number;
    if (!inDoc.has(id)) continue;
    const w = env.idf[id] as number;
    qHit += w;
    matched++;
    if (w > maxIdf) maxIdf = w;
  }
  let capsMiss = 0;
  for (const id of q.caps) if (!inDoc.has(id)) capsMiss += 1;
  const x = new Float64Array(FEATURES.length);
  x[AT.bm25] = c.score;
  x[AT.bm25Rel] = top > 0 ? c.score / top : 0;
  x[AT.bm25Gap] = top - c.score;
  x[AT.logRank] = Math.log(rank + 1);
  x[AT.queryCover] = q.idfSum > 0 ? qHit / q.idfSum : 0;
  x[AT.claimCover] = idfCover(doc.fields.text, env);
  x[AT.titleCover] = idfCover(doc.fields.title, env);
  x[AT.bigrams] = bigramCover(doc.fields.text, q, env);
  numberFeatures(doc, q, env, x);
  x[AT.capsCover] = doc.caps.length ? idfCover(doc.caps, env) : 0;
  x[AT.capsQueryMiss] = Math.min(capsMiss, 5) / 5;
  x[AT.claimantMention] = claimantMention(doc, env);
  x[AT.chargram] = env.gramCosine(q.grams, c.doc);
  x[AT.lenRatio] = Math.log((q.length + 1) / (Math.max(1, doc.fields.text.length) + 1));
  dateFeatures(doc, q, x);
  reviewFeatures(doc, q, x);
  speakerFeatures(doc, q, x);
  x[AT.entityMatch] = entityMatch(doc, q);
  x[AT.matchedTerms] = Math.log1p(matched);
  x[AT.maxMatchedIdf] = maxIdf / 10;
  x[AT.claimantPrior] = env.claimantPrior(c.doc);
  return x;
}
