/** Name matching against hand-written gold (test/gold): every expected mention found, nothing else, no decoy. */
import { describe, expect, it } from 'vitest';
import { goldFiles, scoreGold } from '../../eval/names-gold.ts';
import { Engine } from '../../src/core/engine.ts';
import { buildPack, DEFAULT_PACK_DIR } from '../../src/node/pack-io.ts';

const engine = new Engine(buildPack([DEFAULT_PACK_DIR]));
const files = goldFiles();
if (!files.some((f) => f.name === 'seed-article'))
  console.warn('[footnote] ../shared not found: seed-article gold skipped');

describe('names on gold pages', () => {
  it('has gold for our sample pages', () => {
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['alaska-summit', 'budapest-memorandum', 'ceasefire-diplomacy']),
    );
  });

  it.each(files.map((f) => [f.name, f] as const))('%s: precision and recall 1.0, no decoy annotated', (_, f) => {
    const s = scoreGold(engine, f.gold, f.path);
    expect(s.errors).toEqual([]);
    expect(s.tp).toBe(f.gold.mentions.length);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(1);
  });
});
