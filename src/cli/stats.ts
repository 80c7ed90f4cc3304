/** `footnote stats [--pack <file>]`: the pack's counts as JSON. */
import { packStats } from '../node/pack-io.ts';
import { flagString, parseArgs } from './args.ts';
import { loadPack } from './load.ts';

export async function runStats(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { pack: true });
  const pack = loadPack(flagString(args, 'pack'));
  process.stdout.write(`${JSON.stringify(packStats(pack), null, 2)}\n`);
  return 0;
}
