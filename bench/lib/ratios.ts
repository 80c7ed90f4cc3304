/**
 * Ratios against named baselines and goal checks, over every bench of one run (a baseline may live in another
 * bench: "scale-pack/aliases").
 */
import type { BenchResult, BenchRow } from '../types.ts';

export function resolveRatios(results: ReadonlyArray<BenchResult & { name: string }>): void {
  const all = new Map<string, BenchRow>();
  for (const r of results) for (const row of r.rows) all.set(`${r.name}/${row.metric}`, row);
  for (const r of results) {
    for (const row of r.rows) {
      if (row.baseline && row.ratio === undefined) {
        const base = all.get(`${r.name}/${row.baseline}`) ?? all.get(row.baseline);
        if (base && base.value !== 0 && Number.isFinite(base.value)) row.ratio = row.value / base.value;
      }
      if (row.goal && row.met === undefined) row.met = meets(row.baseline ? row.ratio : row.value, row.goal);
    }
  }
}

/** ">=10", "<= 2", ">0.5" against a number; undefined when there is nothing to compare. */
export function meets(x: number | undefined, goal: string): boolean | undefined {
  const m = /^\s*(>=|<=|>|<)\s*(-?[\d.]+(?:e[+-]?\d+)?)\s*$/i.exec(goal);
  if (!m || x === undefined || !Number.isFinite(x)) return undefined;
  const g = Number(m[2]);
  switch (m[1]) {
    case '>=':
      return x >= g;
    case '<=':
      return x <= g;
    case '>':
      return x > g;
    default:
      return x < g;
  }
}
