/**
 * Plain-text tables for the bench output: one per bench, with ratio, goal and whether it is met.
 */
import type { BenchResult, BenchRow } from '../types.ts';

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) >= 1000) return x.toLocaleString('en');
  const a = Math.abs(x);
  if (a > 0 && a < 0.01) return x.toPrecision(2);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 2 : 3;
  return x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function cells(row: BenchRow): string[] {
  const ratio = row.ratio === undefined ? '' : `${formatNumber(row.ratio)}×`;
  const met = row.met === undefined ? '' : row.met ? 'yes' : 'NO';
  return [
    row.metric,
    `${formatNumber(row.value)}${row.unit ? ` ${row.unit}` : ''}`,
    row.baseline ?? '',
    ratio,
    row.goal ?? '',
    met,
    row.note ?? '',
  ];
}

export function formatResult(r: BenchResult & { name: string; ms: number }): string {
  const head = `== ${r.name} (${(r.ms / 1000).toFixed(1)} s) ==`;
  if (r.skipped && r.rows.length === 0) return `${head}\nskipped: ${r.skipped}\n`;
  const rows = [['metric', 'value', 'vs baseline', 'ratio', 'goal', 'met', 'note'], ...r.rows.map(cells)];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => (i === 1 || i === 3 ? x.padStart(widths[i]) : x.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [head, line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)];
  if (r.skipped) out.push(`note: ${r.skipped}`);
  for (const n of r.notes ?? []) out.push(n);
  return `${out.join('\n')}\n`;
}
