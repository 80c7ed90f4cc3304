import { describe, expect, it } from 'vitest';
import { buildClaimIndex, PLAIN_BM25 } from '../../../src/core/claims/index';
import { CORPUS } from './corpus';

const queries: Array<[string, string]> = [
  ['America gave Ukraine ninety billion dollars of weapons.', 'ukraine-90bn'],
  ['Vaccines given to children are causing autism, my cousin says.', 'vaccines-autism'],
  ['We have the lowest unemployment in fifty years.', 'unemployment-50y'],
  ['And Mexico is going to pay for the wall, believe me.', 'wall-mexico-pays'],
  ['160 million Americans like their private health insurance plans.', 'medicare-160m'],
  ['The price of insulin tripled over the last decade, 10 years.', 'insulin-price'],
  ['Bloomberg has more wealth than the bottom 125 million people in America.', 'bloomberg-wealth'],
];

describe('claim index ranking', () => {
  const plain = buildClaimIndex(CORPUS, { bm25: PLAIN_BM25, model: null });
  const full = buildClaimIndex(CORPUS);

  it.each(queries)('plain BM25 ranks the repeated claim first for "%s"', (q, id) => {
    expect(plain.search(q, { rerank: false })[0]?.id).toBe(id);
  });

  it.each(queries)('the re-ranked index ranks the repeated claim first for "%s"', (q, id) => {
    expect(full.search(q)[0]?.id).toBe(id);
  });

  it('returns at most `top` hits, best first', () => {
    const hits = full.search('Donald Trump said unemployment and murders went down', { top: 3 });
    expect(hits.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
  });

  it('returns nothing for a sentence that shares no term with any claim', () => {
    expect(full.search('Lovely weather for a picnic.')).toEqual([]);
  });

  it('explains a match with the matched terms, numbers, entities and raw BM25', () => {
    const hit = full.search('The US gave Ukraine $90bn in weapons.')[0]!;
    expect(hit.id).toBe('ukraine-90bn');
    expect(hit.explanation.terms).toEqual(expect.arrayContaining(['Ukraine', 'weapons']));
    expect(hit.explanation.numbers).toContain('$90bn');
    expect(hit.explanation.entities).toContain('Ukraine');
    expect(hit.explanation.bm25).toBeGreaterThan(0);
  });

  it('prefers claims made before the sentence when a date is given', () => {
    const docs = [
      { id: 'old', text: 'The minimum wage increase will cost jobs.', date: '2019-01-01' },
      { id: 'new', text: 'The minimum wage increase will cost jobs.', date: '2023-01-01' },
    ];
    const index = buildClaimIndex(docs, { model: undefined });
    expect(index.search('A minimum wage increase would cost jobs.', { date: '2020-06-01' })[0]?.id).toBe('old');
  });

  it('builds the same index twice from the same claims', () => {
    expect(JSON.stringify(buildClaimIndex(CORPUS).toJSON())).toBe(JSON.stringify(buildClaimIndex(CORPUS).toJSON()));
  });
});
