/**
 * `footnote` — the engine from the command line: the fact-checker's batch tool and the engine's test surface.
 *
 *   footnote annotate <file.html> [--json] [--exact] [--pack <pack.json>]
 *   footnote pack check [<files or dirs>…]       validate (default: the bundled pack sources)
 *   footnote pack format [<files or dirs>…]      rewrite pack files in canonical form
 *   footnote pack build <inputs…> --out <pack.json> [--name N] [--version V]
 *   footnote stats [--pack <pack.json>]
 *   footnote rank --claims <claims.jsonl> --queries <queries.tsv> [--top 5]
 *
 * Exit codes: 0 ok, 1 invalid data, 2 usage or unreadable input.
 */
import { runAnnotate } from './annotate.ts';
import { CliError } from './args.ts';
import { runPack } from './pack.ts';
import { runStats } from './stats.ts';

const USAGE = `usage: footnote <command> [options]

commands:
  annotate <file.html> [--json] [--exact] [--pack <pack.json>]   names and claims found on a saved page
  pack check [<files|dirs>…]                                     validate pack files (default: src/data/pack)
  pack format [<files|dirs>…]                                    rewrite pack files canonically
  pack build <inputs…> --out <pack.json>                         compile pack files and imports into one pack
  stats [--pack <pack.json>]                                     counts of the pack as JSON
  rank --claims <claims.jsonl> --queries <queries.tsv> [--top N]  TREC run for a retrieval benchmark
`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'annotate':
      return runAnnotate(rest);
    case 'pack':
      return runPack(rest);
    case 'stats':
      return runStats(rest);
    case 'rank': {
      const { runRank } = await import('./rank.ts');
      return runRank(rest);
    }
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return cmd === undefined ? 2 : 0;
    default:
      throw new CliError(`unknown command "${cmd}" (try: footnote --help)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(`footnote: ${e.message}\n`);
      process.exitCode = e.code;
    } else {
      process.stderr.write(`footnote: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    }
  },
);
