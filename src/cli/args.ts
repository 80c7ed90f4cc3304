/** Small, strict argument parsing for the CLI: unknown flags are errors, not silently ignored. */
import { readFileSync } from 'node:fs';

export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

export interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `spec` maps each allowed flag to whether it takes a value. */
export function parseArgs(argv: readonly string[], spec: Record<string, boolean>): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (!(name in spec)) throw new CliError(`unknown option --${name}`);
      if (spec[name]) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new CliError(`--${name} needs a value`);
        flags.set(name, v);
      } else flags.set(name, true);
    } else positional.push(a);
  }
  return { positional, flags };
}

export function flagString(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Read a text file or fail with a one-line message naming it. */
export function readInput(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new CliError(`cannot read ${path}: ${why}`);
  }
}
