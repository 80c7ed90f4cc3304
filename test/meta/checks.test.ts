/**
 * The repository's own checks, as tests: types (whole repo, and the engine without DOM or Node), lint and
 * formatting (biome), canonical pack formatting. `npm test` therefore fails on any of them.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}`.trim() };
};

describe('repository checks', () => {
  it('type-checks the whole repository (strict)', () => {
    const r = run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('type-checks the engine with no DOM and no Node types (src/core is pure)', () => {
    const r = run('npx', ['tsc', '--noEmit', '-p', 'src/core/tsconfig.json']);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('passes lint and format checks (biome)', () => {
    const r = run('npx', ['biome', 'check', '--reporter=summary', '.']);
    expect(r.code, r.out).toBe(0);
  });

  it('keeps every pack file in canonical form', () => {
    const r = run('npx', ['tsx', 'src/cli/main.ts', 'pack', 'format', '--check']);
    expect(r.code, r.out).toBe(0);
  });
});
