import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/claims/index';

const numbersOf = (text: string) => analyze(text).numbers;

describe('number and currency normalisation', () => {
  const ninetyBillionDollars = ['#90000000000', '$90000000000'];
  it.each([
    '$90bn',
    '$90 billion',
    '90 billion dollars',
    'US$90 billion',
    'ninety billion dollars',
    '$90,000,000,000',
    '$ 90 bn',
  ])('reads "%s" as 90 billion US dollars', (text) => {
    expect(numbersOf(text)).toEqual(ninetyBillionDollars);
  });

  it.each(['10%', '10 percent', '10 per cent', 'ten percent', '10 pct'])('reads "%s" as the percentage 10', (text) => {
    expect(numbersOf(text)).toEqual(['#10', '%10']);
  });

  it.each(['10 days', 'ten days', 'a 10-day trip', '10 day'])('reads "%s" as a count of 10 days', (text) => {
    expect(numbersOf(text)).toEqual(['#10', '#10:day']);
  });

  it('reads decimals, thousands separators and scale words', () => {
    expect(numbersOf('3.14')).toEqual(['#3.14']);
    expect(numbersOf('$4,300')).toEqual(['#4300', '$4300']);
    expect(numbersOf('$1.5bn')).toEqual(['#1500000000', '$1500000000']);
    expect(numbersOf('a million')).toEqual(['#1000000']);
    expect(numbersOf('three hundred and twenty five')).toEqual(['#325']);
    expect(numbersOf('50 cents')).toEqual(['#0.5', '$0.5']);
  });

  it('keeps other currencies apart from dollars', () => {
    expect(numbersOf('£5m')).toEqual(['#5000000', '£5000000']);
    expect(numbersOf('€20 billion')).toEqual(['#20000000000', '€20000000000']);
  });

  it('does not read the pronoun "one" or ordinals as numbers', () => {
    expect(numbersOf('It was one of those days')).toEqual([]);
    expect(numbersOf('She came 1st')).toEqual([]);
  });

  it('makes differently written claims share their number terms', () => {
    const a = analyze('The US gave Ukraine $90bn in weapons').terms;
    const b = analyze('America sent 90 billion dollars of arms to Ukraine').terms;
    expect(a.filter((t) => b.includes(t))).toEqual(expect.arrayContaining(['#90000000000', '$90000000000', 'ukrain']));
  });
});
