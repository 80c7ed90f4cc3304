/**
 * Reading and writing packs on disk (Node only): the build, the CLI and the tests share these.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { detectFormat, type FallbackSource, importText } from '../core/importers/index.ts';
import { canonicalBody, makePack } from '../core/pack/compile.ts';
import type { Pack, PackFile } from '../core/pack/schema.ts';
import { formatIssue, type PackIssue, validatePackFiles } from '../core/pack/validate.ts';

export const DEFAULT_PACK_DIR = new URL('../data/pack/', import.meta.url).pathname;

export class PackError extends Error {
  constructor(readonly issues: PackIssue[]) {
    const shown = issues.slice(0, 50).map(formatIssue);
    if (issues.length > 50) shown.push(`… and ${issues.length - 50} more`);
    super(`the pack is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${shown.join('\n')}`);
  }
}

export interface LoadedFile {
  file: string;
  path: string;
  data: unknown;
}

export interface ImportReport {
  file: string;
  format: string;
  total: number;
  accepted: number;
  rejected: PackIssue[];
}

export interface ReadOptions {
  /** Source for imported records that carry no review URL of their own. */
  fallbackSource?: FallbackSource;
  /** Fact-checker behind imported records that do not name one. */
  reviewer?: string;
}

function readText(path: string): string {
  const buf = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/**
 * Pack files and imports. Pack files (JSON with sources/entities/claims) are read as they are; ClaimReview JSON-LD,
 * Fact Check Tools responses, CSV and JSON Lines (optionally .gz) go through the importers, whose rejected records
 * are reported per record, never fatal. Unreadable files and broken pack files are issues (fatal for a build).
 */
export function readInputs(
  inputs: readonly string[],
  opts: ReadOptions = {},
): { files: LoadedFile[]; issues: PackIssue[]; imports: ImportReport[] } {
  const { files: candidates, issues } = listFiles(inputs, true);
  const files: LoadedFile[] = [];
  const imports: ImportReport[] = [];
  const seenSources = new Set<string>();
  const seenClaims = new Set<string>();
  for (const path of candidates) {
    const file = displayName(path);
    let text: string;
    try {
      text = readText(path);
    } catch (e) {
      issues.push({ file, record: '(file)', field: '(file)', message: (e as Error).message });
      continue;
    }
    if (/\.json(ld)?(\.gz)?$/i.test(path)) {
      try {
        JSON.parse(text);
      } catch (e) {
        issues.push({ file, record: '(file)', field: '(json)', message: (e as Error).message });
        continue;
      }
    }
    const format = detectFormat(path, text);
    if (format === null) {
      issues.push({
        file,
        record: '(file)',
        field: '(format)',
        message: 'unknown input type (use .json, .jsonld, .csv, .jsonl, optionally .gz)',
      });
      continue;
    }
    if (format === 'pack') {
      files.push({ file, path, data: JSON.parse(text) });
      continue;
    }
    const r = importText(format, text, {
      file,
      today: today(),
      fallbackSource: opts.fallbackSource,
      reviewer: opts.reviewer,
    });
    const rejected = [...r.issues];
    const claims = r.claims.filter((c) => {
      if (seenClaims.has(c.id)) {
        rejected.push({
          file,
          record: c.id,
          field: '(record)',
          message: 'the same claim and review were already imported from another input: skipped',
        });
        return false;
      }
      seenClaims.add(c.id);
      return true;
    });
    const sources = r.sources.filter((s) => !seenSources.has(s.id) && seenSources.add(s.id));
    imports.push({ file, format, total: r.total, accepted: claims.length, rejected });
    if (claims.length === 0) {
      const why = rejected[0] ? `: ${formatIssue(rejected[0])}` : '';
      issues.push({
        file,
        record: '(file)',
        field: '(import)',
        message: `no usable record in ${r.total} (${format})${why}`,
      });
    }
    files.push({ file, path, data: { sources, claims } });
  }
  return { files, issues, imports };
}

/** Pack files from a directory (every *.json, sorted) or a list of files. Unparseable JSON is an issue, not a throw. */
export function readPackFiles(inputs: readonly string[]): { files: LoadedFile[]; issues: PackIssue[] } {
  const { files: paths, issues } = listFiles(inputs, false);
  const files: LoadedFile[] = [];
  for (const path of paths) {
    const file = displayName(path);
    try {
      files.push({ file, path, data: JSON.parse(readFileSync(path, 'utf8')) });
    } catch (e) {
      issues.push({ file, record: '(file)', field: '(json)', message: (e as Error).message });
    }
  }
  return { files, issues };
}

/** Expand directories (sorted; *.json, or every importable file when `imports`); missing inputs are issues. */
function listFiles(inputs: readonly string[], imports: boolean): { files: string[]; issues: PackIssue[] } {
  const files: string[] = [];
  const issues: PackIssue[] = [];
  const wanted = imports ? /\.(json|jsonld|csv|jsonl|ndjson)(\.gz)?$/i : /\.json$/i;
  for (const input of inputs) {
    if (!existsSync(input)) {
      issues.push({ file: input, record: '(file)', field: '(file)', message: 'no such file or directory' });
    } else if (statSync(input).isDirectory()) {
      for (const f of readdirSync(input).sort()) if (wanted.test(f)) files.push(join(input, f));
    } else files.push(input);
  }
  return { files, issues };
}

function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? basename(path) : rel;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function packHash(p: Pick<Pack, 'sources' | 'entities' | 'claims'>): string {
  return createHash('sha256').update(canonicalBody(p)).digest('hex');
}

export interface BuildOptions extends ReadOptions {
  name?: string;
  version?: string;
  /** Fixed build time (tests); default now. */
  built?: string;
}

/** Read, validate and compile. Throws PackError listing every problem; never returns a partial pack. */
export function buildPack(inputs: readonly string[], opts: BuildOptions = {}): Pack {
  return buildPackWithReport(inputs, opts).pack;
}

/** As buildPack, also returning the importers' per-record reports. */
export function buildPackWithReport(
  inputs: readonly string[],
  opts: BuildOptions = {},
): { pack: Pack; imports: ImportReport[] } {
  const { files, issues, imports } = readInputs(inputs, opts);
  const result = validatePackFiles(files, today());
  const all = [...issues, ...result.issues];
  if (all.length) throw new PackError(all);
  if (files.length === 0)
    throw new PackError([
      { file: inputs.join(', '), record: '(pack)', field: '(files)', message: 'no pack files found' },
    ]);
  const pack = makePack(
    files.map((f) => f.data as PackFile),
    {
      name: opts.name ?? 'Footnote default pack',
      version: opts.version ?? '0',
      built: opts.built ?? new Date().toISOString(),
    },
  );
  pack.meta.hash = packHash(pack);
  return { pack, imports };
}

export interface PackStats {
  entities: number;
  claims: number;
  aliases: number;
  sources: number;
  byType: Record<string, number>;
  byVerdict: Record<string, number>;
}

export function packStats(pack: Pack): PackStats {
  const byType: Record<string, number> = {};
  const byVerdict: Record<string, number> = {};
  let aliases = 0;
  for (const e of pack.entities) {
    byType[e.type] = (byType[e.type] ?? 0) + 1;
    const texts = new Set([e.name, ...(e.aliases ?? []).map((a) => a.text)]);
    aliases += texts.size;
  }
  for (const c of pack.claims) byVerdict[c.verdict] = (byVerdict[c.verdict] ?? 0) + 1;
  return {
    entities: pack.entities.length,
    claims: pack.claims.length,
    aliases,
    sources: pack.sources.length,
    byType,
    byVerdict,
  };
}

/** Load a compiled pack JSON (as written by `footnote pack build`). */
export function loadCompiledPack(path: string): Pack {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Pack;
  if (!data || typeof data !== 'object' || !Array.isArray(data.entities) || !data.meta) {
    throw new Error(`${path}: not a compiled Footnote pack (expected "meta", "entities", "claims", "sources")`);
  }
  return data;
}
