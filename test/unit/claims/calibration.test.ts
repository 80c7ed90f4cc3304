import { describe, expect, it } from 'vitest';
import {
  buildClaimIndex,
  CHECKWORTHY_THRESHOLD,
  isCheckworthyMatch,
  MODELS,
  SHIPPED_MODEL,
} from '../../../src/core/claims/index';
import { CORPUS } from './corpus';

const sentences = [
  'Mike Bloomberg owns more wealth than the bottom 125 million Americans.',
  'America gave Ukraine ninety billion dollars of weapons.',
  'Insulin is expensive.',
  'Donald Trump spoke in Chicago.',
  'Thank you all for coming tonight.',
  'The wall.',
];

describe('calibrated scores', () => {
  it.each(Object.keys(MODELS))('keeps every score of the %s model in [0, 1]', (name) => {
    const index = buildClaimIndex(CORPUS, { model: MODELS[name] });
    for (const s of sentences) {
      for (const h of index.search(s, { top: 12 })) {
        expect(h.score).toBeGreaterThanOrEqual(0);
        expect(h.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keeps BM25-only scores in [0, 1] as well', () => {
    const index = buildClaimIndex(CORPUS, { model: null });
    for (const s of sentences) for (const h of index.search(s)) expect(h.score).toBeGreaterThanOrEqual(0);
    for (const s of sentences) for (const h of index.search(s)) expect(h.score).toBeLessThanOrEqual(1);
  });

  it('scores a verbatim repeat above a loose topical mention', () => {
    const index = buildClaimIndex(CORPUS);
    const verbatim = index.search('Mike Bloomberg owns more wealth than the bottom 125 million Americans.')[0]!;
    const loose = index.search('Bloomberg is rich.')[0];
    expect(verbatim.score).toBeGreaterThan(loose?.score ?? 0);
  });

  it('flags a hit exactly when its score reaches the shipped threshold', () => {
    expect(CHECKWORTHY_THRESHOLD).toBe(SHIPPED_MODEL.threshold);
    expect(CHECKWORTHY_THRESHOLD).toBeGreaterThan(0);
    expect(CHECKWORTHY_THRESHOLD).toBeLessThan(1);
    const hit = {
      id: 'x',
      score: CHECKWORTHY_THRESHOLD,
      explanation: { terms: [], entities: [], numbers: [], bm25: 1 },
    };
    expect(isCheckworthyMatch(hit)).toBe(true);
    expect(isCheckworthyMatch({ ...hit, score: CHECKWORTHY_THRESHOLD - 1e-6 })).toBe(false);
    expect(isCheckworthyMatch({ ...hit, score: 0.5 }, 0.6)).toBe(false);
  });

  it('ships every model with a threshold inside (0, 1) and finite weights', () => {
    for (const m of Object.values(MODELS)) {
      expect(m.threshold).toBeGreaterThan(0);
      expect(m.threshold).toBeLessThan(1);
      for (const w of [...m.ranker.w, ...m.calibrator.w, m.calibrator.b]) expect(Number.isFinite(w)).toBe(true);
    }
  });
});

describe('the shipped model on a small pack', () => {
  const index = buildClaimIndex(CORPUS);
  it.each([
    'Mike Bloomberg owns more wealth than the bottom 125 million Americans.',
    'America gave Ukraine ninety billion dollars of weapons.',
    'Mexico is paying for the border wall.',
  ])('flags the clear repeat "%s"', (s) => {
    const hit = index.search(s)[0]!;
    expect(isCheckworthyMatch(hit)).toBe(true);
  });

  it.each(['Insulin is expensive.', 'Donald Trump spoke in Chicago.', 'Thank you all for coming tonight.'])(
    'does not flag the loose mention "%s"',
    (s) => {
      const hit = index.search(s)[0];
      expect(hit === undefined || !isCheckworthyMatch(hit)).toBe(true);
    },
  );
});
