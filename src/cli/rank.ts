/**
 * `footnote rank`: rank claims for a batch of sentences and print a TREC run, for evaluation with standard tools.
 *
 *   footnote rank --claims <claims.jsonl> --queries <queries.tsv> [--top 5] [--profile joint|tweets|debates|bm25]
 *
 * claims.jsonl: one JSON object per line with `id` and `text` (optional `title`, `claimant`, `date`).
 * queries.tsv:  `id<TAB>text` per line, no header.
 * Output (stdout): `qid Q0 claim_id rank score footnote`, one line per hit.
 * Exit codes: 0 ok, 2 usage error, missing/unreadable file or malformed row (the message names file and line).
 * Node-side wrapper around the pure engine in src/core/claims.
 */

import { readFile } from 'node:fs/promises';
import type { ClaimDoc } from '../core/claims/api';
import { buildClaimIndex, MODELS } from '../core/claims/index';
import type { ModelJson } from '../core/claims/model';

export interface RankIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIO: RankIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

const RUN_TAG = 'footnote';
const USAGE =
  'usage: footnote rank --claims <claims.jsonl> --queries <queries.tsv> [--top 5] [--profile joint|tweets|debates|bm25]';

class InputError extends Error {}

interface RankArgs {
  claims: string;
  queries: string;
  top: number;
  profile: string;
}

function parseArgs(argv: string[]): RankArgs {
  const args = argv[0] === 'rank' ? argv.slice(1) : argv;
  const out: Partial<RankArgs> = { top: 5, profile: 'default' };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    const value = args[i + 1];
    if (!['--claims', '--queries', '--top', '--profile'].includes(flag))
      throw new InputError(`unknown argument "${flag}"\n${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new InputError(`${flag} needs a value\n${USAGE}`);
    i++;
    if (flag === '--claims') out.claims = value;
    else if (flag === '--queries') out.queries = value;
    else if (flag === '--profile') out.profile = value;
    else {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new InputError(`--top must be a positive integer, got "${value}"`);
      out.top = n;
    }
  }
  if (!out.claims || !out.queries) throw new InputError(USAGE);
  return out as RankArgs;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}`);
  }
}

function lines(text: string): Array<{ no: number; line: string }> {
  return text
    .split('\n')
    .map((line, i) => ({ no: i + 1, line: line.replace(/\r$/, '') }))
    .filter((l) => l.line.trim() !== '');
}

const OPTIONAL_STRINGS = ['title', 'claimant', 'date'] as const;

function parseClaims(path: string, text: string): ClaimDoc[] {
  const seen = new Set<string>();
  return lines(text).map(({ no, line }) => {
    const where = `${path}:${no}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new InputError(`${where}: not valid JSON`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw new InputError(`${where}: expected a JSON object`);
    const r = row as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id === '') throw new InputError(`${where}: "id" must be a non-empty string`);
    if (typeof r.text !== 'string' || r.text.trim() === '')
      throw new InputError(`${where}: "text" must be a non-empty string`);
    if (seen.has(r.id)) throw new InputError(`${where}: duplicate id "${r.id}"`);
    seen.add(r.id);
    const doc: ClaimDoc = { id: r.id, text: r.text };
    for (const k of OPTIONAL_STRINGS) {
      if (r[k] === undefined || r[k] === null) continue;
      if (typeof r[k] !== 'string') throw new InputError(`${where}: "${k}" must be a string`);
      doc[k] = r[k] as string;
    }
    return doc;
  });
}

function parseQueries(path: string, text: string): Array<{ id: string; text: string }> {
  return lines(text).map(({ no, line }) => {
    const tab = line.indexOf('\t');
    if (tab <= 0) throw new InputError(`${path}:${no}: expected "id<TAB>text"`);
    const id = line.slice(0, tab).trim();
    const q = line.slice(tab + 1).trim();
    if (!id || /\s/.test(id)) throw new InputError(`${path}:${no}: query id must be non-empty and contain no spaces`);
    if (!q) throw new InputError(`${path}:${no}: empty query text`);
    return { id, text: q };
  });
}

function modelFor(profile: string): ModelJson | null | undefined {
  if (profile === 'default') return undefined;
  if (profile === 'bm25') return null;
  const m = MODELS[profile];
  if (!m)
    throw new InputError(`unknown --profile "${profile}" (known: ${[...Object.keys(MODELS), 'bm25'].join(', ')})`);
  return m;
}

/** Entry point for `footnote rank`; returns the process exit code. */
export async function runRank(argv: string[], io: RankIO = defaultIO): Promise<number> {
  try {
    const args = parseArgs(argv);
    const model = modelFor(args.profile);
    const [claimsText, queriesText] = await Promise.all([readText(args.claims), readText(args.queries)]);
    const claims = parseClaims(args.claims, claimsText);
    const queries = parseQueries(args.queries, queriesText);
    const index = buildClaimIndex(claims, model === undefined ? {} : { model });
    const out: string[] = [];
    for (const q of queries) {
      index.search(q.text, { top: args.top }).forEach((h, i) => {
        out.push(`${q.id} Q0 ${h.id} ${i + 1} ${h.score.toFixed(6)} ${RUN_TAG}\n`);
      });
    }
    io.out(out.join(''));
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`footnote rank: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
