/** The engine the CLI works with: the bundled pack (validated from source) or a compiled pack file. */
import { Engine } from '../core/engine.ts';
import type { Pack } from '../core/pack/schema.ts';
import { validatePackFiles } from '../core/pack/validate.ts';
import { buildPack, DEFAULT_PACK_DIR, loadCompiledPack, PackError, today } from '../node/pack-io.ts';
import { CliError, readInput } from './args.ts';

export function loadPack(path?: string): Pack {
  if (path) {
    readInput(path); // a clear one-line error for a missing file
    let pack: Pack;
    try {
      pack = loadCompiledPack(path);
    } catch (e) {
      throw new CliError((e as Error).message, 1);
    }
    // A compiled pack is checked like any other input: the engine never runs on unvalidated data.
    const { issues } = validatePackFiles(
      [{ file: path, data: { sources: pack.sources, entities: pack.entities, claims: pack.claims } }],
      today(),
    );
    if (issues.length) throw new CliError(new PackError(issues).message, 1);
    return pack;
  }
  try {
    return buildPack([DEFAULT_PACK_DIR]);
  } catch (e) {
    if (e instanceof PackError) throw new CliError(e.message, 1);
    throw e;
  }
}

export function loadEngine(path?: string): Engine {
  return new Engine(loadPack(path));
}
