/**
 * Ranking and detection metrics as CheckThat! 2022 task 2 defines them: MAP@k divides by the number of relevant
 * claims of the query; MRR over the returned list; R@k = share of relevant claims found in the top k.
 */

export interface RankMetrics {
  n: number;
  map5: number;
  mrr: number;
  r1: number;
  r5: number;
}

export function averagePrecision(ranked: string[], gold: ReadonlySet<string>, k: number): number {
  let hits = 0;
  let sum = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    if (gold.has(ranked[i] as string)) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return gold.size ? sum / gold.size : 0;
}

export function rankMetrics(runs: Array<{ ranked: string[]; gold: string[] }>): RankMetrics {
  let map5 = 0;
  let mrr = 0;
  let r1 = 0;
  let r5 = 0;
  for (const { ranked, gold } of runs) {
    const g = new Set(gold);
    map5 += averagePrecision(ranked, g, 5);
    const first = ranked.findIndex((id) => g.has(id));
    mrr += first >= 0 ? 1 / (first + 1) : 0;
    r1 += ranked.slice(0, 1).filter((id) => g.has(id)).length / g.size;
    r5 += ranked.slice(0, 5).filter((id) => g.has(id)).length / g.size;
  }
  const n = Math.max(1, runs.length);
  return { n: runs.length, map5: map5 / n, mrr: mrr / n, r1: r1 / n, r5: r5 / n };
}

export interface DetectionMetrics {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function detection(items: Array<{ score: number; positive: boolean }>, threshold: number): DetectionMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { score, positive } of items) {
    const flagged = score >= threshold;
    if (flagged && positive) tp++;
    else if (flagged) fp++;
    else if (positive) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { threshold, tp, fp, fn, precision, recall, f1 };
}

/** The threshold maximising F1 (weights let a sample stand for more sentences, e.g. to match a base rate). */
export function bestF1Threshold(items: Array<{ score: number; positive: boolean; weight?: number }>): {
  threshold: number;
  f1: number;
} {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const totalPos = sorted.reduce((s, x) => s + (x.positive ? (x.weight ?? 1) : 0), 0);
  let tp = 0;
  let fp = 0;
  let best = { threshold: 1, f1: 0 };
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] as (typeof sorted)[0];
    if (x.positive) tp += x.weight ?? 1;
    else fp += x.weight ?? 1;
    const next = sorted[i + 1];
    if (next && next.score === x.score) continue;
    const p = tp / (tp + fp);
    const r = totalPos ? tp / totalPos : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    if (f1 > best.f1) best = { threshold: next ? (x.score + next.score) / 2 : x.score, f1 };
  }
  return best;
}
