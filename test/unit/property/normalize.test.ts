/**
 * Properties of normalisation and tokenisation on arbitrary Unicode: the offset map is total, ordered, in bounds
 * and made of whole code points, and every token maps back to original text that normalises to that token again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCodePoint, type Normalized, normalize, toOriginal } from '../../../src/core/text/normalize.ts';
import { forEachToken } from '../../../src/core/text/tokenize.ts';
import { check, hostileText, isHigh, isLow, propertyRuns, splitsPair } from './arbitraries.ts';

const RUNS = propertyRuns(300);
const MODES = [
  ['fold', true],
  ['exact', false],
] as const;

/** Output runs that come from one input code point: [first output index, end output index). */
function runs(n: Normalized): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 0; k < n.text.length; ) {
    let j = k + 1;
    while (j < n.text.length && n.starts[j] === n.starts[k]) j++;
    out.push([k, j]);
    k = j;
  }
  return out;
}

function tokens(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  forEachToken(s, (a, b) => out.push([a, b]));
  return out;
}

describe.each(MODES)('normalize (%s mode) on arbitrary Unicode', (_mode, fold) => {
  it('maps every output code unit to one whole input code point, in order and within bounds', () => {
    fc.assert(
      fc.property(hostileText(), (input) => {
        const n = normalize(input, { fold });
        expect(n.starts.length).toBe(n.text.length);
        expect(n.ends.length).toBe(n.text.length);
        for (let k = 0; k < n.text.length; k++) {
          const s = n.starts[k];
          const e = n.ends[k];
          const pair = isHigh(input.charCodeAt(s)) && isLow(input.charCodeAt(s + 1));
          check(s >= 0 && e <= input.length, `output ${k} maps to [${s}, ${e}) outside the input`);
          check(e - s === (pair ? 2 : 1), `output ${k} maps to [${s}, ${e}), not one whole code point`);
          check(!splitsPair(input, s) && !splitsPair(input, e), `output ${k} splits a surrogate pair`);
          if (k === 0) continue;
          if (n.starts[k - 1] === s) check(n.ends[k - 1] === e, `outputs ${k - 1} and ${k} disagree on their end`);
          else check(s >= n.ends[k - 1], `output ${k} maps before output ${k - 1}`);
        }
      }),
      RUNS,
    );
  });

  it('builds the output from the fold of each input code point (a single space for white space)', () => {
    fc.assert(
      fc.property(hostileText(), (input) => {
        const n = normalize(input, { fold });
        for (const [a, b] of runs(n)) {
          const piece = n.text.slice(a, b);
          const folded = foldCodePoint(input.slice(n.starts[a], n.ends[a]), fold);
          expect(piece).toBe(folded);
        }
      }),
      RUNS,
    );
  });

  it('maps any non-empty output span back to an in-bounds span that splits no surrogate pair', () => {
    fc.assert(
      fc.property(
        hostileText().filter((s) => normalize(s, { fold }).text.length > 0),
        fc.nat(),
        fc.nat(),
        (input, x, y) => {
          const n = normalize(input, { fold });
          const a = x % n.text.length;
          const b = a + 1 + (y % (n.text.length - a));
          const [s, e] = toOriginal(n, a, b);
          expect(0 <= s && s < e && e <= input.length).toBe(true);
          expect(splitsPair(input, s) || splitsPair(input, e)).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('gives back each token when the original text it maps to is normalised again', () => {
    fc.assert(
      fc.property(hostileText(), (input) => {
        const n = normalize(input, { fold });
        for (const [a, b] of tokens(n.text)) {
          const [s, e] = toOriginal(n, a, b);
          // A token can start or end inside the expansion of one code point ("½" → "1⁄2"); the original text
          // then covers that whole code point, so widen the token to the whole expansion before comparing.
          let wa = a;
          while (wa > 0 && n.starts[wa - 1] === s) wa--;
          let wb = b;
          while (wb < n.text.length && n.ends[wb] === e) wb++;
          expect(normalize(input.slice(s, e), { fold }).text).toBe(n.text.slice(wa, wb));
          if (wa === a && wb === b) expect(normalize(input.slice(s, e), { fold }).text).toBe(n.text.slice(a, b));
        }
      }),
      RUNS,
    );
  });
});

describe('forEachToken on arbitrary Unicode', () => {
  it('yields ordered, non-overlapping, non-empty tokens that split no surrogate pair and hold no space', () => {
    fc.assert(
      fc.property(hostileText(), fc.boolean(), (input, fold) => {
        const text = normalize(input, { fold }).text;
        let last = 0;
        for (const [a, b] of tokens(text)) {
          check(a >= last && b > a && b <= text.length, `token [${a}, ${b}) out of order or bounds`);
          check(!splitsPair(text, a) && !splitsPair(text, b), `token [${a}, ${b}) splits a surrogate pair`);
          check(!/[\s'"-]/.test(text.slice(a, b)), `token [${a}, ${b}) holds a separator`);
          last = b;
        }
      }),
      RUNS,
    );
  });
});
