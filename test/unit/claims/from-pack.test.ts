import { describe, expect, it } from 'vitest';
import { buildClaimIndex, claimDocOf } from '../../../src/core/claims/index';
import type { Claim } from '../../../src/core/pack/schema';

const claim: Claim = {
  id: 'claim-wall',
  text: 'Mexico is paying for the border wall.',
  title: 'Is Mexico paying for the wall?',
  claimant: { name: 'Donald Trump', id: 'person-trump' },
  date: '2019-01-10',
  reviews: [
    { publisher: 'PolitiFact', url: 'https://example.org/a', date: '2019-01-11', rating: 'False', verdict: 'false' },
    { publisher: 'Snopes', url: 'https://example.org/b', date: '2019-02-01', rating: 'False', verdict: 'false' },
  ],
  verdict: 'false',
  context: 'c',
  sources: ['src-a'],
  entities: ['place-mexico'],
  hints: { phrases: ['Mexico pays'], numbers: ['$5.7 billion'] },
};

describe('a pack claim as the claim index reads it', () => {
  it('keeps the text, headline, claimant name, dates, hints and entities, with the first review date', () => {
    expect(claimDocOf(claim)).toEqual({
      id: 'claim-wall',
      text: 'Mexico is paying for the border wall.',
      title: 'Is Mexico paying for the wall?',
      claimant: 'Donald Trump',
      date: '2019-01-10',
      reviewDate: '2019-01-11',
      phrases: ['Mexico pays'],
      numbers: ['$5.7 billion'],
      entities: ['place-mexico'],
    });
  });

  it('indexes a claim without claimant, reviews or hints', () => {
    const bare: Claim = {
      id: 'c',
      text: 'Insulin prices tripled.',
      reviews: [],
      verdict: 'false',
      context: '',
      sources: [],
    };
    const doc = claimDocOf(bare);
    expect(doc.claimant).toBeUndefined();
    expect(doc.reviewDate).toBeUndefined();
    expect(buildClaimIndex([doc]).search('The price of insulin tripled.')[0]?.id).toBe('c');
  });
});
