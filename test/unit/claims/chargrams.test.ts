import { describe, expect, it } from 'vitest';
import { GramTable, type GramVector } from '../../../src/core/claims/chargrams';
import { analyzeClaim, Vocab } from '../../../src/core/claims/docs';
import { IdMarks } from '../../../src/core/claims/marks';
import { analyze } from '../../../src/core/claims/tokenize';
import { CORPUS } from './corpus';

/** The plain way: both vectors materialised, merged over sorted ids. */
function referenceCosine(a: GramVector, b: GramVector): number {
  let s = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) s += (a.w[i++] as number) * (b.w[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return s;
}

describe('trigram cosine against claims', () => {
  const vocab = new Vocab();
  const docs = CORPUS.map((c) => analyzeClaim(c, vocab));
  const table = new GramTable(vocab.terms, docs);
  const words = (d: number) => [...docs[d]!.fields.text, ...docs[d]!.fields.title].map((id) => vocab.terms[id]!);

  it.each([
    'Mexico will pay for the wall',
    'The United States sent ninety billion dollars of weapons to Ukraine',
    'vaccinations and autism',
    'Nothing in common here, zebra quokka',
  ])('equals the cosine of the materialised vectors for "%s"', (s) => {
    const q = table.vector(analyze(s).terms);
    docs.forEach((_, d) => {
      expect(table.cosine(q, d)).toBe(referenceCosine(q, table.vector(words(d))));
    });
  });

  it('is 1 for a claim against its own words and 0 without a shared trigram', () => {
    expect(table.cosine(table.vector(words(0)), 0)).toBeCloseTo(1, 6);
    expect(table.cosine(table.vector(['zzzqqq']), 0)).toBe(0);
  });
});

describe('reusable id sets', () => {
  it('forget everything on clear and report whether an id was new', () => {
    const m = new IdMarks(10);
    expect(m.addNew(3)).toBe(true);
    expect(m.addNew(3)).toBe(false);
    m.add(7);
    expect([m.has(3), m.has(7), m.has(4)]).toEqual([true, true, false]);
    m.clear();
    expect([m.has(3), m.has(7)]).toEqual([false, false]);
    expect(m.addNew(3)).toBe(true);
  });
});
