/** Importers: other people's fact-check data → pack claims, with a per-record report instead of a crash. */

export { importClaimReview } from './claimreview.ts';
export { type FallbackSource, type ImportOptions, type ImportResult, normalizeVerdict } from './common.ts';
export { importFactCheckApi, isFactCheckApiResponse } from './factcheck-api.ts';
export { importCsv, importJsonLines, parseCsv } from './table.ts';

import { importClaimReview } from './claimreview.ts';
import type { ImportOptions, ImportResult } from './common.ts';
import { importFactCheckApi, isFactCheckApiResponse } from './factcheck-api.ts';
import { importCsv, importJsonLines } from './table.ts';

export type ImportFormat = 'claimreview' | 'factcheck-api' | 'csv' | 'jsonl';

/** Pick the importer from the file name and, for JSON, from the content's shape. */
export function detectFormat(name: string, text: string): ImportFormat | 'pack' | null {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (!/\.(json|jsonld)$/.test(lower)) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'claimreview'; // let the importer report the parse error with its position
  }
  if (isFactCheckApiResponse(data)) return 'factcheck-api';
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const keys = Object.keys(data);
    if (keys.length > 0 && keys.every((k) => k === 'sources' || k === 'entities' || k === 'claims')) return 'pack';
  }
  return 'claimreview';
}

/** Run one importer on a file's text. Never throws. */
export function importText(format: ImportFormat, text: string, opts: ImportOptions): ImportResult {
  if (format === 'csv') return importCsv(text, opts);
  if (format === 'jsonl') return importJsonLines(text, opts);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      claims: [],
      sources: [],
      total: 0,
      issues: [{ file: opts.file, record: '(file)', field: '(json)', message: (e as Error).message }],
    };
  }
  return format === 'factcheck-api' ? importFactCheckApi(data, opts) : importClaimReview(data, opts);
}
