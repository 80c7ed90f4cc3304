import { describe, expect, it } from 'vitest';
import { buildClaimIndex, loadClaimIndex, PLAIN_BM25 } from '../../../src/core/claims/index';
import { CORPUS } from './corpus';

const sentences = [
  'America gave Ukraine ninety billion dollars of weapons.',
  'We have the lowest unemployment in fifty years.',
  'Bloomberg has more wealth than the bottom 125 million people.',
  'The CDC told healthy people not to wear masks.',
];

describe('index serialisation', () => {
  it('gives identical search results after toJSON → JSON text → loadClaimIndex', () => {
    const index = buildClaimIndex(CORPUS);
    const loaded = loadClaimIndex(JSON.parse(JSON.stringify(index.toJSON())));
    expect(loaded.size).toBe(index.size);
    for (const s of sentences) expect(loaded.search(s, { top: 5 })).toEqual(index.search(s, { top: 5 }));
  });

  it('round-trips a BM25-only index too', () => {
    const index = buildClaimIndex(CORPUS, { bm25: PLAIN_BM25, model: null });
    const loaded = loadClaimIndex(JSON.parse(JSON.stringify(index.toJSON())));
    for (const s of sentences) expect(loaded.search(s)).toEqual(index.search(s));
  });

  it('serialises to the same JSON again after loading', () => {
    const json = buildClaimIndex(CORPUS).toJSON();
    expect(loadClaimIndex(json).toJSON()).toEqual(json);
  });

  it('refuses an index of an unknown version', () => {
    const json = { ...buildClaimIndex(CORPUS).toJSON(), version: 2 as 1 };
    expect(() => loadClaimIndex(json)).toThrow(/version/);
  });
});
