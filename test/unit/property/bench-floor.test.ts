/**
 * The name bench's floor (bench/lib/bare.ts) counts exactly the tokens the engine's tokeniser finds, on arbitrary
 * Unicode: a floor that skipped work would flatter every ratio measured against it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTokens } from '../../../bench/lib/bare.ts';
import { forEachToken } from '../../../src/core/text/tokenize.ts';
import { hostileText, propertyRuns } from './arbitraries.ts';

describe('the name bench floor', () => {
  it('counts the tokens forEachToken reports', () => {
    fc.assert(
      fc.property(hostileText(60), (s) => {
        let n = 0;
        forEachToken(s, () => {
          n++;
        });
        expect(countTokens(s)).toBe(n);
      }),
      propertyRuns(400),
    );
  });

  it('counts words, and each character of an unspaced script', () => {
    expect(countTokens("Trump's talks in 東京 — Jean-Noël")).toBe(8);
  });
});
