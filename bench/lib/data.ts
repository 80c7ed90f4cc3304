/**
 * Reading ../shared/data in place (never copied into the repo): where it is, and JSONL / gzipped JSONL rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = resolve(HERE, '../..');
const DATA_DIR = resolve(REPO_DIR, '../shared/data');

/** ../shared/data when present (always in CI), else null. */
export function findDataDir(): string | null {
  return existsSync(DATA_DIR) ? DATA_DIR : null;
}

export function readText(path: string): string {
  const buf = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
}

/** Rows of a .jsonl or .jsonl.gz file. */
export function readJsonl<T>(path: string): T[] {
  const out: T[] = [];
  for (const line of readText(path).split('\n')) if (line.trim()) out.push(JSON.parse(line) as T);
  return out;
}

export const dataPath = (dataDir: string, ...parts: string[]): string => join(dataDir, ...parts);
