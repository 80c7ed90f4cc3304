/** `footnote pack check|format|build`: the pack as source code — validated, canonical, compiled. */
import { readFileSync, writeFileSync } from 'node:fs';
import { canonicalFile } from '../core/pack/compile.ts';
import type { PackFile } from '../core/pack/schema.ts';
import { formatIssue, validatePackFiles } from '../core/pack/validate.ts';
import { buildPack, DEFAULT_PACK_DIR, PackError, packStats, readPackFiles, today } from '../node/pack-io.ts';
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
  for (const f of files) {
    const text = canonicalFile(f.data as PackFile);
    if (readFileSync(f.path, 'utf8') === text) continue;
    changed++;
    if (args.flags.has('check'))
      process.stderr.write(`${f.file}: not in canonical form (run: npm run -s footnote -- pack format)\n`);
    else writeFileSync(f.path, text);
  }
  if (args.flags.has('check')) return changed ? 1 : 0;
  process.stdout.write(`formatted ${changed} of ${files.length} files\n`);
  return 0;
}

function build(argv: string[]): number {
  const args = parseArgs(argv, { out: true, name: true, version: true });
  const out = flagString(args, 'out');
  if (!out) throw new CliError('pack build needs --out <pack.json>');
  if (args.positional.length === 0) throw new CliError('pack build needs at least one input file or directory');
  try {
    const pack = buildPack(args.positional, { name: flagString(args, 'name'), version: flagString(args, 'version') });
    writeFileSync(out, `${JSON.stringify(pack)}\n`);
    process.stdout.write(`${JSON.stringify({ out, ...packStats(pack), hash: pack.meta.hash })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof PackError) throw new CliError(e.message, 1);
    throw e;
  }
}
