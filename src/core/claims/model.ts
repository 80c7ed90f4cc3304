/**
 * The learned parts of the matcher, as plain JSON (trained by eval/train.ts on TRAIN/DEV splits only):
 * - `ranker`: logistic regression over the re-ranking features (./features.ts) → orders the BM25 candidates;
 * - `calibrator`: logistic regression over the ranker's logit and a few query-level signals → P(the sentence
 *   repeats this claim), trained with sentences that repeat no claim, so scores mean the same thing across queries;
 * - `threshold`: the calibrated score above which a sentence is flagged (F1-optimal on train/dev).
 */

import type { Bm25Params } from './bm25';
import { CUES } from './cues';

export interface LinearModelJson {
  features: string[];
  mean: number[];
  scale: number[];
  w: number[];
  b: number;
}

export interface ModelJson {
  version: 1;
  /** Where the weights came from (data, splits, date), for humans. */
  trainedOn: string;
  bm25: Bm25Params;
  /** How many BM25 candidates are re-ranked. */
  depth: number;
  ranker: LinearModelJson;
  calibrator: LinearModelJson;
  threshold: number;
}

/** The raw pair features (./features.ts names) the calibrator reads besides the ranker's verdict. */
export const CALIBRATION_PAIR_FEATURES = [
  'claimCover',
  'queryCover',
  'bigrams',
  'chargram',
  'numMatch',
  'numConflict',
  'capsCover',
  'speakerMatch',
  'dateFuture',
  'dateAgo',
  'reviewAfter',
] as const;

/**
 * The calibrator's inputs: the ranker's verdict (logit, margin over the runner-up), the sentence length, the raw
 * pair features that say whether a match is a repeat at all rather than merely the best of poor candidates, and
 * the sentence's own check-worthiness cues (./cues.ts). Deliberately absent: `speakerKnown`/`dateKnown`-style
 * flags, whose rate differs between training sources and would shift every score.
 */
export const CALIBRATION_FEATURES = [
  'logit',
  'margin',
  'logLength',
  'bm25',
  ...CALIBRATION_PAIR_FEATURES,
  ...CUES,
] as const;

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export class LinearModel {
  private readonly index: number[];

  /** `names` is the order of the feature vectors this model will be given. */
  constructor(
    readonly json: LinearModelJson,
    names: readonly string[],
  ) {
    this.index = json.features.map((f) => {
      const i = names.indexOf(f);
      if (i < 0) throw new Error(`model feature "${f}" is not computed by this engine`);
      return i;
    });
  }

  logit(x: ArrayLike<number>): number {
    const { mean, scale, w, b } = this.json;
    let z = b;
    for (let k = 0; k < this.index.length; k++) {
      const v = x[this.index[k] as number] as number;
      z += (w[k] as number) * ((v - (mean[k] as number)) / (scale[k] as number));
    }
    return z;
  }
}
