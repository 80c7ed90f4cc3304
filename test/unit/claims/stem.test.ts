import { describe, expect, it } from 'vitest';
import { analyze, stem } from '../../../src/core/claims/index';

describe('stem', () => {
  it.each([
    ['immigrants', 'immigration'],
    ['taxes', 'taxed'],
    ['voting', 'votes'],
    ['policies', 'policy'],
    ['abortions', 'abortion'],
    ['running', 'run'],
    ['hopping', 'hop'],
    ['days', 'day'],
    ['agreed', 'agree'],
    ['nationalization', 'nationalize'],
  ])('gives "%s" and "%s" the same stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['cats', 'cat'],
    ['relational', 'relat'],
    ['unemployment', 'unemploy'],
    ['president', 'presid'],
  ])('stems "%s" to "%s"', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('leaves short and non-ASCII words alone', () => {
    expect(stem('bus')).toBe('bus');
    expect(stem('was')).toBe('was');
    expect(stem('überall')).toBe('überall');
  });

  it('keeps different words apart', () => {
    expect(stem('passed')).not.toBe(stem('past'));
    expect(stem('police')).not.toBe(stem('policy'));
  });
});

describe('analyze', () => {
  it('drops stopwords, URLs and handles punctuation', () => {
    expect(analyze('The wall is being built! https://t.co/abc').terms).toEqual(['wall', 'built']);
  });

  it('splits hashtags and handles in camel case', () => {
    expect(analyze('#AustralianFires @IlhanMN').terms).toEqual(['australian', 'fire', 'ilhan', 'mn']);
  });

  it('gives all spellings of the United States one term', () => {
    for (const t of ['U.S.', 'US', 'USA', 'U.S.A.']) expect(analyze(`The ${t} economy`).terms).toContain('usa');
    expect(analyze('tell us more').terms).not.toContain('usa');
  });

  it('marks capitalised words after the first word as entity-like', () => {
    expect(analyze('Yesterday Mr. Biden visited Kyiv.').caps).toEqual(['biden', 'kyiv']);
  });
});
