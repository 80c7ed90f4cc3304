/**
 * What ships with the extension besides code: the learned weights (./weights.json) and background document
 * frequencies (./background.json), both written by eval/train.ts, and the flag threshold derived from them.
 */

import type { ClaimHit } from './api';
import shippedBackground from './background.json' with { type: 'json' };
import type { BackgroundStats } from './bm25';
import type { ModelJson } from './model';
import shippedWeights from './weights.json' with { type: 'json' };

interface WeightsFile {
  default: string;
  models: Record<string, ModelJson>;
}

/** Document frequencies of ~33k published fact-checks, used for idf by default (see ./bm25.ts). */
export const BACKGROUND: BackgroundStats = shippedBackground as BackgroundStats;

/**
 * The trained models (figures in eval/README.md): `joint` (tweets + debates, the default), `tweets`
 * (CheckThat 2A only) and `debates` (CheckThat 2B only).
 */
export const MODELS: Readonly<Record<string, ModelJson>> = (shippedWeights as WeightsFile).models;
export const SHIPPED_MODEL = MODELS[(shippedWeights as WeightsFile).default] as ModelJson;

/** Flag threshold of the shipped model: a hit at or above it likely repeats a reviewed claim. */
export const CHECKWORTHY_THRESHOLD: number = SHIPPED_MODEL.threshold;

/** Does this hit likely repeat a reviewed claim? (Threshold calibrated on train/dev; see eval/README.md.) */
export function isCheckworthyMatch(hit: ClaimHit, threshold: number = CHECKWORTHY_THRESHOLD): boolean {
  return hit.score >= threshold;
}
