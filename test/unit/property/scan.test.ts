/**
 * The name pass's one-pass scanner agrees with the exact route (normalise the block, then tokenise) on arbitrary
 * Unicode: same tokens at the same original offsets, same folded texts, same white-space gaps, and hashes that
 * are those of the folded texts. Where it declines a block (null), the exact route is used, so that is allowed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashToken, hashToken2, normalizedTokens, scanTokens, type TokenView } from '../../../src/core/names/scan.ts';
import { hostileText, propertyRuns } from './arbitraries.ts';

const RUNS = propertyRuns(400);

function dump(v: TokenView) {
  return Array.from({ length: v.count }, (_, i) => [v.starts[i], v.ends[i], v.text(i), v.spaced(i)]);
}

describe.each([
  ['fold', true],
  ['exact', false],
] as const)('scanTokens (%s mode)', (_mode, fold) => {
  it('finds the tokens the exact route finds, with their hashes', () => {
    let scanned = 0;
    fc.assert(
      fc.property(fc.oneof(hostileText(), fc.string({ unit: 'grapheme-ascii' }), fc.string()), (input) => {
        const fast = scanTokens(input, fold);
        if (!fast) return;
        scanned++;
        expect(dump(fast)).toEqual(dump(normalizedTokens(input, fold)));
        for (let i = 0; i < fast.count; i++) {
          expect(fast.hashes[i]).toBe(hashToken(fast.text(i)));
          expect(fast.hash2(i)).toBe(hashToken2(fast.text(i)));
        }
      }),
      RUNS,
    );
    // The property must not hold vacuously: most inputs take the fast route.
    expect(scanned).toBeGreaterThan(RUNS.numRuns / 2);
  });

  it('lists as candidates exactly the tokens whose bit is set in the start filter for their first letter', () => {
    // Small sets, so about half the tokens pass: both outcomes are exercised.
    const bits = (seed: number) => Uint32Array.from({ length: 4 }, (_, k) => (seed * (k + 7) * 0x9e3779b1) >>> 0);
    const filter = { all: { bits: bits(3), mask: 127, shift: 0 }, lower: { bits: bits(5), mask: 127, shift: 0 } };
    let listed = 0;
    let left = 0;
    fc.assert(
      fc.property(fc.oneof(hostileText(), fc.string({ unit: 'grapheme-ascii' })), (input) => {
        const fast = scanTokens(input, fold, filter);
        if (!fast) return;
        const expected: number[] = [];
        for (let i = 0; i < fast.count; i++) {
          const c = input.charCodeAt(fast.starts[i]);
          const lower = c >= 0x61 && c <= 0x7a;
          const set = lower ? filter.lower : filter.all;
          const k = fast.hashes[i] & set.mask;
          if ((set.bits[k >>> 5] & (1 << (k & 31))) !== 0) expected.push(i);
        }
        expect(Array.from(fast.candidates ?? [], Number).slice(0, fast.candidateCount)).toEqual(expected);
        listed += expected.length;
        left += fast.count - expected.length;
      }),
      RUNS,
    );
    expect([listed > 0, left > 0]).toEqual([true, true]);
    expect(scanTokens('no filter here', fold)?.candidates).toBeNull();
  });

  it('takes the fast route through typical news text, including typographic punctuation and accents', () => {
    const text = 'Zelensk\u00ADyy’s “plan” — Kyïv,\u00A0Macron and  Merz met  in Genève. Straße, ΤΣΙΠΡΑΣ; Путина.';
    const fast = scanTokens(text, fold);
    if (!fast) throw new Error('the scanner declined ordinary news text');
    expect(dump(fast)).toEqual(dump(normalizedTokens(text, fold)));
    expect(fast.count).toBe(13);
  });
});
