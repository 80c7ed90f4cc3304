/**
 * Reading and writing packs on disk (Node only): the build, the CLI and the tests share these.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
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

/** Pack files from a directory (every *.json, sorted) or a list of files. Unparseable JSON is an issue, not a throw. */
export function readPackFiles(inputs: readonly string[]): { files: LoadedFile[]; issues: PackIssue[] } {
  const paths: string[] = [];
  const issues: PackIssue[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) {
      issues.push({ file: input, record: '(file)', field: '(file)', message: 'no such file or directory' });
    } else if (statSync(input).isDirectory()) {
      for (const f of readdirSync(input).sort()) if (f.endsWith('.json')) paths.push(join(input, f));
    } else paths.push(input);
  }
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

export interface BuildOptions {
  name?: string;
  version?: string;
  /** Fixed build time (tests); default now. */
  built?: string;
}

/** Read, validate and compile. Throws PackError listing every problem; never returns a partial pack. */
export function buildPack(inputs: readonly string[], opts: BuildOptions = {}): Pack {
  const { files, issues } = readPackFiles(inputs);
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
  return pack;
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
