/**
 * Tiny, dependency-free learners for the claim matcher's weights (run at eval/build time, never in the extension):
 * - a listwise ranker (conditional logit: softmax over each query's candidates, gold = target), fitted by Newton's method;
 * - a weighted logistic regression (for the calibrator), fitted by Newton's method (IRLS).
 * Both standardise features first and use an L2 penalty. Deterministic.
 */

import type { LinearModelJson } from '../src/core/claims/model';

export interface Group {
  /** Feature rows (already projected to the chosen features). */
  x: Float64Array[];
  /** 1 for relevant candidates. */
  y: number[];
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivot = (m[c] as number[])[c] as number;
    if (Math.abs(pivot) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((m[r] as number[])[c] as number) / pivot;
      if (f === 0) continue;
      for (let k = c; k <= n; k++)
        (m[r] as number[])[k] = ((m[r] as number[])[k] as number) - f * ((m[c] as number[])[k] as number);
    }
  }
  return m.map((row, i) => {
    const d = row[i] as number;
    return Math.abs(d) < 1e-12 ? 0 : (row[n] as number) / d;
  });
}

export interface Standardiser {
  mean: number[];
  scale: number[];
}

export function standardiser(rows: Float64Array[]): Standardiser {
  const d = rows[0]?.length ?? 0;
  const mean = new Array(d).fill(0);
  const sq = new Array(d).fill(0);
  for (const r of rows) for (let k = 0; k < d; k++) mean[k] += r[k] as number;
  for (let k = 0; k < d; k++) mean[k] /= Math.max(1, rows.length);
  for (const r of rows) for (let k = 0; k < d; k++) sq[k] += ((r[k] as number) - mean[k]) ** 2;
  const scale = sq.map((s) => {
    const sd = Math.sqrt(s / Math.max(1, rows.length));
    return sd > 1e-9 ? sd : 1;
  });
  return { mean, scale };
}

function z(r: Float64Array, s: Standardiser): number[] {
  return Array.from(r, (v, k) => (v - (s.mean[k] as number)) / (s.scale[k] as number));
}

/** Σ_q log Σ_{gold} softmax − λ/2 |w|² for standardised rows. */
function rankerObjective(zs: number[][][], ys: number[][], w: number[], l2: number): number {
  let obj = -0.5 * l2 * w.reduce((a, v) => a + v * v, 0);
  zs.forEach((rows, gi) => {
    const scores = rows.map((r) => r.reduce((a, v, k) => a + v * (w[k] as number), 0));
    const mx = Math.max(...scores);
    const lse = mx + Math.log(scores.reduce((a, sc) => a + Math.exp(sc - mx), 0));
    const y = ys[gi] as number[];
    const nGold = y.filter((v) => v > 0).length;
    scores.forEach((sc, i) => {
      if ((y[i] as number) > 0) obj += (sc - lse) / nGold;
    });
  });
  return obj;
}

/**
 * Listwise ranker: maximise Σ_q (1/|gold|) Σ_{gold} log softmax(w·x) − λ/2 |w|² (damped Newton).
 * Groups without a relevant row carry no signal and are skipped.
 */
export function fitRanker(groups: Group[], features: string[], l2 = 1, iters = 40): LinearModelJson {
  const usable = groups.filter((g) => g.y.some((y) => y > 0));
  const s = standardiser(usable.flatMap((g) => g.x));
  const zs = usable.map((g) => g.x.map((r) => z(r, s)));
  const ys = usable.map((g) => g.y);
  const d = features.length;
  let w = new Array(d).fill(0);
  let obj = rankerObjective(zs, ys, w, l2);
  for (let it = 0; it < iters; it++) {
    const grad = w.map((wk) => -l2 * wk);
    const hess = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? l2 : 0)));
    usable.forEach((g, gi) => {
      const rows = zs[gi] as number[][];
      const scores = rows.map((r) => r.reduce((a, v, k) => a + v * (w[k] as number), 0));
      const mx = Math.max(...scores);
      const e = scores.map((sc) => Math.exp(sc - mx));
      const tot = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / tot);
      const nGold = g.y.filter((y) => y > 0).length;
      const mean = new Array(d).fill(0);
      rows.forEach((r, i) => {
        for (let k = 0; k < d; k++) mean[k] += (p[i] as number) * (r[k] as number);
      });
      rows.forEach((r, i) => {
        const t = (g.y[i] as number) > 0 ? 1 / nGold : 0;
        for (let k = 0; k < d; k++) grad[k] += t * (r[k] as number);
        const pi = p[i] as number;
        if (pi < 1e-12) return;
        for (let a = 0; a < d; a++) {
          const da = (r[a] as number) - mean[a];
          if (da === 0) continue;
          const row = hess[a] as number[];
          for (let b = 0; b < d; b++) row[b] = (row[b] as number) + pi * da * ((r[b] as number) - mean[b]);
        }
      });
      for (let k = 0; k < d; k++) grad[k] -= mean[k];
    });
    const step = solve(hess, grad);
    let t = 1;
    let next = w;
    let nextObj = obj;
    for (let h = 0; h < 30; h++, t /= 2) {
      next = w.map((wk, k) => wk + t * (step[k] as number));
      nextObj = rankerObjective(zs, ys, next, l2);
      if (nextObj >= obj) break;
    }
    if (nextObj < obj) break;
    w = next;
    const done = obj - nextObj > -1e-7;
    obj = nextObj;
    if (done) break;
  }
  return { features, mean: s.mean, scale: s.scale, w: w.map(round), b: 0 };
}

/** Weighted logistic regression with intercept (IRLS). */
export function fitLogistic(
  x: Float64Array[],
  y: number[],
  weights: number[],
  features: string[],
  l2 = 1,
  iters = 30,
): LinearModelJson {
  const s = standardiser(x);
  const rows = x.map((r) => [1, ...z(r, s)]);
  const d = features.length + 1;
  let w = new Array(d).fill(0);
  for (let it = 0; it < iters; it++) {
    const grad = w.map((wk, k) => (k === 0 ? 0 : -l2 * wk));
    const hess = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => (i === j && i > 0 ? l2 : i === j ? 1e-6 : 0)),
    );
    rows.forEach((r, i) => {
      const zz = r.reduce((a, v, k) => a + v * (w[k] as number), 0);
      const p = 1 / (1 + Math.exp(-zz));
      const c = weights[i] as number;
      const err = (y[i] as number) - p;
      const v = c * p * (1 - p);
      for (let a = 0; a < d; a++) {
        grad[a] += c * err * (r[a] as number);
        const row = hess[a] as number[];
        for (let b = 0; b < d; b++) row[b] = (row[b] as number) + v * (r[a] as number) * (r[b] as number);
      }
    });
    const step = solve(hess, grad);
    w = w.map((wk, k) => wk + (step[k] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return { features, mean: s.mean, scale: s.scale, w: w.slice(1).map(round), b: round(w[0] as number) };
}

function round(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}
