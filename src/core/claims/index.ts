/**
 * Claim retrieval: which reviewed claims does a sentence repeat? The public API of src/core/claims.
 *
 * Place in the architecture: pure core (no DOM, no Node APIs). The content script segments page text
 * (`segmentSentences`), searches each sentence against a prebuilt index (`loadClaimIndex(json)` of the shipped
 * pack) and flags hits that pass `isCheckworthyMatch`. The CLI (src/cli/rank.ts) and the evaluation (eval/) use the
 * same functions. See ./claim-index.ts for the stages.
 */

import type { ClaimDoc } from './api';
import { type BackgroundStats, Bm25Index, type Bm25Params, DEFAULT_BM25 } from './bm25';
import { ClaimIndex, type ClaimIndexJson } from './claim-index';
import { analyzeClaim, docFromJSON, Vocab } from './docs';
import type { ModelJson } from './model';
import { BACKGROUND, SHIPPED_MODEL } from './shipped';

export type { ClaimDoc, ClaimExplanation, ClaimHit, SearchOptions, SentenceSpan } from './api';
export { type BackgroundStats, type Bm25Params, DEFAULT_BM25, PLAIN_BM25 } from './bm25';
export { ClaimIndex, type ClaimIndexJson, calibrationFeatures, type ScoredCandidate } from './claim-index';
export { FEATURES } from './features';
export { claimDocOf } from './from-pack';
export type { ModelJson } from './model';
export { segmentSentences, splitSentences } from './segment';
export { BACKGROUND, CHECKWORTHY_THRESHOLD, isCheckworthyMatch, MODELS, SHIPPED_MODEL } from './shipped';
export { stem } from './stem';
export { analyze, tokenize } from './tokenize';

export interface BuildOptions {
  /** BM25F parameters; default: the model's (or DEFAULT_BM25 without a model). */
  bm25?: Bm25Params;
  /** Learned ranker/calibrator. Default: the shipped model (`SHIPPED_MODEL`). `null` = BM25 only. */
  model?: ModelJson | null;
  /**
   * Background document frequencies added to the collection's own for idf. Default: BACKGROUND when a model is
   * used (the models were trained with it), none for BM25 only. Keeps scores comparable for small packs.
   */
  background?: BackgroundStats | null;
}

/** Build a claim index (analysis + BM25F postings). Deterministic for the same docs and options. */
export function buildClaimIndex(docs: ClaimDoc[], opts: BuildOptions = {}): ClaimIndex {
  const model = opts.model === undefined ? SHIPPED_MODEL : opts.model;
  const params = opts.bm25 ?? model?.bm25 ?? DEFAULT_BM25;
  const background = opts.background === undefined ? (model ? BACKGROUND : null) : opts.background;
  const vocab = new Vocab();
  const records = docs.map((d) => analyzeClaim(d, vocab));
  const bm25 = Bm25Index.build(
    records.map((r) => r.fields),
    vocab.terms,
    params,
    background,
  );
  return new ClaimIndex(records, vocab.terms, bm25, model);
}

/** Load an index from `index.toJSON()` (e.g. a prebuilt JSON shipped with the extension). */
export function loadClaimIndex(json: ClaimIndexJson): ClaimIndex {
  if (json.version !== 1) throw new Error(`unsupported claim index version ${String(json.version)}`);
  return new ClaimIndex(json.docs.map(docFromJSON), json.terms, Bm25Index.fromJSON(json.bm25, json.terms), json.model);
}
