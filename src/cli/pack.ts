/** `footnote pack check|format|build`: the pack as source code — validated, canonical, compiled. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FallbackSource } from '../core/importers/index.ts';
import { canonicalFile } from '../core/pack/compile.ts';
import type { PackFile } from '../core/pack/schema.ts';
import { checkDate, checkUrl, formatIssue, validatePackFiles } from '../core/pack/validate.ts';
import { buildPackWithReport, DEFAULT_PACK_DIR, PackError, packStats, readPackFiles, today } from '../node/pack-io.ts';
import { CliError, flagString, parseArgs } from './args.ts';

export async function runPack(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'check':
      return check(rest);
    case 'format':
      return format(rest);
    case 'build':
      return build(rest);
    default:
      throw new CliError(`pack needs a subcommand: check, format or build (got ${sub ?? 'nothing'})`);
  }
}

function inputsOf(positional: string[]): string[] {
  return positional.length ? positional : [DEFAULT_PACK_DIR];
}

function check(argv: string[]): number {
  const args = parseArgs(argv, {});
  const { files, issues } = readPackFiles(inputsOf(args.positional));
  const result = validatePackFiles(files, today());
  const all = [...issues, ...result.issues];
  for (const i of all) process.stderr.write(`${formatIssue(i)}\n`);
  const { sources, entities, claims } = result.counts;
  const summary = `${files.length} files, ${entities} entities, ${claims} claims, ${sources} sources`;
  if (all.length) {
    process.stderr.write(`invalid: ${all.length} problem${all.length === 1 ? '' : 's'} (${summary})\n`);
    return 1;
  }
  process.stdout.write(`ok: ${summary}\n`);
  return 0;
}

function format(argv: string[]): number {
  const args = parseArgs(argv, { check: false });
  const { files, issues } = readPackFiles(inputsOf(args.positional));
  if (issues.length) {
    for (const i of issues) process.stderr.write(`${formatIssue(i)}\n`);
    return 1;
  }
  let changed = 0;
  let failed = 0;
  for (const f of files) {
    let text: string;
    try {
      // Rewriting a file of another shape would garble it ("sources": "abc" → one record per letter).
      if (!packShaped(f.data)) throw new Error('not lists of records under "sources", "entities", "claims"');
      text = canonicalFile(f.data as PackFile);
    } catch (e) {
      // Also what JSON.stringify throws for nesting thousands of levels deep: the file is left as it is.
      failed++;
      process.stderr.write(`${f.file}: (file): (format): cannot format (${(e as Error).message}): run pack check\n`);
      continue;
    }
    if (readFileSync(f.path, 'utf8') === text) continue;
    changed++;
    if (args.flags.has('check'))
      process.stderr.write(`${f.file}: not in canonical form (run: npm run -s footnote -- pack format)\n`);
    else writeFileSync(f.path, text);
  }
  if (args.flags.has('check')) return changed || failed ? 1 : 0;
  process.stdout.write(`formatted ${changed} of ${files.length} files\n`);
  return failed ? 1 : 0;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const packShaped = (d: unknown): boolean =>
  isRecord(d) &&
  (['sources', 'entities', 'claims'] as const).every((k) => {
    const list = d[k];
    return list === undefined || (Array.isArray(list) && list.every(isRecord));
  });

const SOURCE_FLAGS = ['source-url', 'source-publisher', 'source-title', 'source-date'] as const;

/** `--source-*` describe where imported records without their own review URL come from (all four, or none). */
function fallbackSource(args: ReturnType<typeof parseArgs>): FallbackSource | undefined {
  const given = SOURCE_FLAGS.filter((f) => args.flags.has(f));
  if (given.length === 0) return undefined;
  if (given.length < SOURCE_FLAGS.length) {
    throw new CliError(
      `--source-url, --source-publisher, --source-title and --source-date go together (missing: ${SOURCE_FLAGS.filter(
        (f) => !given.includes(f),
      )
        .map((f) => `--${f}`)
        .join(', ')})`,
    );
  }
  const s = {
    url: flagString(args, 'source-url'),
    publisher: flagString(args, 'source-publisher'),
    title: flagString(args, 'source-title'),
    date: flagString(args, 'source-date'),
  } as FallbackSource;
  const bad = checkUrl(s.url) ?? checkDate(s.date, today());
  if (bad) throw new CliError(`--source-*: ${bad}`);
  return s;
}

function build(argv: string[]): number {
  const args = parseArgs(argv, {
    out: true,
    name: true,
    version: true,
    reviewer: true,
    report: true,
    strict: false,
    ...Object.fromEntries(SOURCE_FLAGS.map((f) => [f, true])),
  });
  const out = flagString(args, 'out');
  if (!out) throw new CliError('pack build needs --out <pack.json>');
  if (args.positional.length === 0) throw new CliError('pack build needs at least one input file or directory');
  let result: ReturnType<typeof buildPackWithReport>;
  try {
    result = buildPackWithReport(args.positional, {
      name: flagString(args, 'name'),
      version: flagString(args, 'version'),
      reviewer: flagString(args, 'reviewer'),
      fallbackSource: fallbackSource(args),
    });
  } catch (e) {
    if (e instanceof PackError) throw new CliError(e.message, 1);
    throw e;
  }
  const { pack, imports } = result;
  let rejected = 0;
  for (const r of imports) {
    rejected += r.rejected.length;
    process.stderr.write(
      `${r.file}: ${r.format}: imported ${r.accepted} of ${r.total} records, ${r.rejected.length} rejected\n`,
    );
    for (const i of r.rejected.slice(0, 10)) process.stderr.write(`  ${formatIssue(i)}\n`);
    if (r.rejected.length > 10)
      process.stderr.write(
        `  … ${r.rejected.length - 10} more${args.flags.has('report') ? '' : ' (write them all with --report <file>)'}\n`,
      );
  }
  const report = flagString(args, 'report');
  if (report) writeFileSync(report, `${JSON.stringify(imports, null, 2)}\n`);
  if (rejected > 0 && args.flags.has('strict')) {
    process.stderr.write(`--strict: ${rejected} rejected record(s); nothing written\n`);
    return 1;
  }
  writeFileSync(out, `${JSON.stringify(pack)}\n`);
  process.stdout.write(`${JSON.stringify({ out, ...packStats(pack), rejected, hash: pack.meta.hash })}\n`);
  return 0;
}
