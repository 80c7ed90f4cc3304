/**
 * The claim index: BM25F candidates (./bm25.ts) → re-ranking features (./features.ts) → learned ranker and
 * calibrator (./model.ts) → hits with calibrated scores and explanations (./explain.ts).
 * Built by `buildClaimIndex` / `loadClaimIndex` in ./index.ts.
 */

import type { ClaimHit, SearchOptions } from './api';
import type { Bm25Index, Bm25Json, Candidate } from './bm25';
import type { GramVector } from './chargrams';
import { CollectionStats } from './collection';
import { sentenceCues } from './cues';
import { parseDay } from './dates';
import { type DocRecord, type DocRecordJson, docToJSON, surname, Vocab } from './docs';
import { explainMatch } from './explain';
import { FEATURES, featureVectors, pairKey, type QueryContext } from './features';
import { CALIBRATION_FEATURES, CALIBRATION_PAIR_FEATURES, LinearModel, type ModelJson, sigmoid } from './model';
import { CHECKWORTHY_THRESHOLD } from './shipped';
import { type Analysis, analyze } from './tokenize';

export interface ClaimIndexJson {
  version: 1;
  terms: string[];
  docs: DocRecordJson[];
  bm25: Bm25Json;
  model: ModelJson | null;
}

/** A candidate with its feature vector (FEATURES order): what the trainer learns from. */
export interface ScoredCandidate {
  id: string;
  bm25: number;
  features: Float64Array;
}

const DEFAULT_TOP = 5;
const DEFAULT_DEPTH = 50;
/** Extra candidates among the speaker's own claims, when the sentence's speaker is known (20 was best on DEV). */
const SPEAKER_DEPTH = 20;
/** Scores go down the list by at least this much (see `search`). */
const MONOTONE_STEP = 1e-6;
/** BM25-only scores map to [0,1] with 1 − e^(−s/scale); scale ≈ a typical strong BM25 match. */
const BM25_SCORE_SCALE = 15;
/** Margin given to a lone candidate (nothing else matched at all): as decisive as a very clear winner. */
const NO_RIVAL_MARGIN = 10;
const NO_GRAMS: GramVector = { ids: new Int32Array(0), w: new Float32Array(0) };
const RAW_CALIBRATION = CALIBRATION_PAIR_FEATURES.map((f) => FEATURES.indexOf(f));

/**
 * The calibrator's inputs (CALIBRATION_FEATURES order) for one ranked candidate with features `x`, in a sentence
 * with `queryLength` terms and check-worthiness `cues` (./cues.ts).
 */
export function calibrationFeatures(
  logit: number,
  margin: number,
  x: Float64Array,
  queryLength: number,
  bm25: number,
  cues: readonly number[],
): number[] {
  return [logit, margin, Math.log1p(queryLength), bm25, ...RAW_CALIBRATION.map((i) => x[i] as number), ...cues];
}

export class ClaimIndex {
  private readonly vocab: Vocab;
  private readonly stats: CollectionStats;
  private readonly ranker: LinearModel | null;
  private readonly calibrator: LinearModel | null;
  private readonly unseenIdf: number;

  constructor(
    readonly docs: DocRecord[],
    terms: string[],
    readonly bm25: Bm25Index,
    readonly model: ModelJson | null,
  ) {
    this.vocab = new Vocab(terms);
    this.stats = new CollectionStats(docs, this.vocab.terms, bm25.idf);
    this.ranker = model ? new LinearModel(model.ranker, FEATURES) : null;
    this.calibrator = model ? new LinearModel(model.calibrator, CALIBRATION_FEATURES) : null;
    this.unseenIdf = bm25.idf.reduce((m, v) => Math.max(m, v), 0);
    // A re-ranking index builds its feature tables now rather than on the first sentence it is given.
    if (model) this.stats.prepare();
  }

  get size(): number {
    return this.docs.length;
  }

  /** The calibrated flag threshold of this index's model. */
  get threshold(): number {
    return this.model?.threshold ?? CHECKWORTHY_THRESHOLD;
  }

  /** Claims the sentence likely repeats, best first, with calibrated scores and an explanation. */
  search(sentence: string, opts: SearchOptions = {}): ClaimHit[] {
    const top = opts.top ?? DEFAULT_TOP;
    const a = analyze(sentence);
    const rerank = this.ranker !== null && this.calibrator !== null && opts.rerank !== false;
    const q = this.queryContext(a, opts, rerank);
    if (!rerank) {
      return this.bm25.search(q.ids, top).map((c) => this.hit(c, 1 - Math.exp(-c.score / BM25_SCORE_SCALE), a, q));
    }
    // Scores stay non-increasing down the list (the calibrator sees more than the ranker's order), so a consumer
    // that sorts by score — trec_eval does — gets the ranker's order back.
    let prev = 1;
    return this.rerank(q, sentenceCues(sentence, a), top).map((s) => {
      prev = Math.max(0, Math.min(s.p, prev - MONOTONE_STEP));
      return this.hit(s.c, prev, a, q);
    });
  }

  /**
   * BM25 candidates with their re-ranking features, in BM25 order (for training and diagnostics).
   * `exclude` drops claims before ranking, as if they were not indexed (to simulate sentences whose claim is
   * missing from the index).
   */
  candidates(
    sentence: string,
    opts: SearchOptions = {},
    depth = this.depth(),
    exclude?: ReadonlySet<string>,
  ): ScoredCandidate[] {
    const q = this.queryContext(analyze(sentence), opts, true);
    return this.featureRows(q, depth, exclude).map((r) => ({
      id: (this.docs[r.c.doc] as DocRecord).id,
      bm25: r.c.score,
      features: r.x,
    }));
  }

  toJSON(): ClaimIndexJson {
    return {
      version: 1,
      terms: this.vocab.terms,
      docs: this.docs.map(docToJSON),
      bm25: this.bm25.toJSON(),
      model: this.model,
    };
  }

  private depth(): number {
    return this.model?.depth ?? DEFAULT_DEPTH;
  }

  private featureRows(
    q: QueryContext,
    depth: number,
    exclude?: ReadonlySet<string>,
  ): Array<{ c: Candidate; x: Float64Array }> {
    const bySpeaker = q.speaker ? { mask: this.stats.claimantMask(q.speaker), k: SPEAKER_DEPTH } : undefined;
    let cands = this.bm25.search(q.ids, depth + (exclude?.size ?? 0), bySpeaker);
    if (exclude?.size) cands = cands.filter((c) => !exclude.has((this.docs[c.doc] as DocRecord).id)).slice(0, depth);
    const xs = featureVectors(q, cands, this.stats);
    return cands.map((c, i) => ({ c, x: xs[i] as Float64Array }));
  }

  /** The `top` best candidates in the ranker's order, each with its calibrated probability. */
  private rerank(q: QueryContext, cues: readonly number[], top: number): Array<{ c: Candidate; p: number }> {
    const ranker = this.ranker as LinearModel;
    const calibrator = this.calibrator as LinearModel;
    const rows = this.featureRows(q, this.depth()).map(({ c, x }) => ({ c, x, z: ranker.logit(x) }));
    if (rows.length === 0) return [];
    rows.sort((u, v) => v.z - u.z || u.c.doc - v.c.doc);
    const best = (rows[0] as (typeof rows)[0]).z;
    const second = rows.length > 1 ? (rows[1] as (typeof rows)[0]).z : best - NO_RIVAL_MARGIN;
    return rows.slice(0, top).map((row, i) => {
      const cx = calibrationFeatures(
        row.z,
        i === 0 ? row.z - second : row.z - best,
        row.x,
        q.length,
        row.c.score,
        cues,
      );
      return { c: row.c, p: sigmoid(calibrator.logit(cx)) };
    });
  }

  private hit(c: Candidate, score: number, a: Analysis, q: QueryContext): ClaimHit {
    const doc = this.docs[c.doc] as DocRecord;
    return {
      id: doc.id,
      score: Math.min(1, Math.max(0, score)),
      explanation: explainMatch(doc, a, this.vocab, q.entities, c.score),
    };
  }

  /** The sentence as the features read it; `features` = false for BM25 alone (no trigram vector). */
  private queryContext(a: Analysis, opts: SearchOptions, features: boolean): QueryContext {
    const ids: number[] = [];
    const unique = new Set<number>();
    let idfSum = 0;
    const seen = new Set<string>();
    for (const t of a.terms) {
      const id = this.vocab.get(t);
      if (id !== undefined) {
        ids.push(id);
        unique.add(id);
      }
      if (seen.has(t)) continue;
      seen.add(t);
      idfSum += id === undefined ? this.unseenIdf : (this.bm25.idf[id] as number);
    }
    const bigrams = new Set<number>();
    for (let i = 0; i + 1 < ids.length; i++) {
      bigrams.add(pairKey(ids[i] as number, ids[i + 1] as number));
      if (i + 2 < ids.length) bigrams.add(pairKey(ids[i] as number, ids[i + 2] as number));
    }
    const known = (ts: string[]) =>
      new Set(ts.map((t) => this.vocab.get(t)).filter((x): x is number => x !== undefined));
    const numbers = known(a.numbers);
    let valueNumbers = 0;
    for (const id of numbers) if (this.stats.isValueToken(id)) valueNumbers++;
    const speaker = opts.speaker ? surname(opts.speaker) : '';
    // Every field present, absent ones undefined: one object shape for all sentences (see docs.ts, ABSENT).
    return {
      ids: Int32Array.from(ids),
      unique: Int32Array.from(unique),
      bigrams,
      caps: known(a.caps),
      numbers,
      valueNumbers,
      idfSum,
      length: a.terms.length,
      grams: features ? this.stats.grams.vector(a.terms) : NO_GRAMS,
      day: parseDay(opts.date),
      speaker: speaker || undefined,
      entities: opts.entities?.length ? new Set(opts.entities) : undefined,
    };
  }
}
