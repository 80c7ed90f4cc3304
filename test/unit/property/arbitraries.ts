/**
 * Generators shared by the property tests: text that is hostile to offset maps and tokenisers.
 *
 * Uniform random code points almost never hit the characters that break such code, so the text generators mix
 * fast-check's own string units with a curated list of the characters that matter: surrogate pairs and lone
 * surrogates, combining marks, right-to-left scripts and marks, zero-width and soft hyphens, every kind of space,
 * apostrophes and dashes, and compatibility characters that expand into several letters or words under NFKC.
 */
import fc from 'fast-check';

/**
 * Run settings for every property: a fixed seed by default, so `npm test` (and CI) checks the same inputs on
 * every run and a failure reproduces; `npm run test:explore` (FOOTNOTE_FC_SEED=random, FOOTNOTE_FC_SCALE=20)
 * draws new inputs each time, twenty times as many. fast-check prints the seed and the shrunk counterexample of a
 * failure, and FOOTNOTE_FC_SEED=<seed> replays it.
 */
const SEED_ENV = process.env.FOOTNOTE_FC_SEED;
const SEED = SEED_ENV === 'random' ? undefined : Number(SEED_ENV ?? 20261130);
const SCALE = Math.max(1, Number(process.env.FOOTNOTE_FC_SCALE ?? 1));

export function propertyRuns(numRuns: number): { numRuns: number; seed?: number } {
  return SEED === undefined ? { numRuns: numRuns * SCALE } : { numRuns: numRuns * SCALE, seed: SEED };
}

/** One code point (or a lone surrogate) chosen because it stresses normalisation or tokenisation. */
export const TRICKY = [
  // Surrogate pairs: emoji, mathematical letters (NFKC folds them to ASCII), Linear B, a Han extension B character.
  '😀',
  '𝐀',
  '𝔷',
  '𐀀',
  '𠀋',
  // Lone surrogates (ill-formed UTF-16 does occur in page text).
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  // Combining marks: acute, diaeresis, cedilla, Cyrillic titlo, Devanagari virama.
  '\u0301',
  '\u0308',
  '\u0327',
  '\u0483',
  '\u094D',
  // Right-to-left: Hebrew, Arabic letters, Arabic harakat, bidi marks and embeddings.
  'ש',
  'ל',
  'ع',
  'ب',
  '\u064E',
  '\u200E',
  '\u200F',
  '\u202B',
  '\u202C',
  // Ignored characters: soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM.
  '\u00AD',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  // Spaces of every kind.
  ' ',
  '\t',
  '\n',
  '\u00A0',
  '\u2007',
  '\u202F',
  '\u3000',
  '\u2028',
  // Apostrophes, quotes and dashes that normalisation unifies.
  "'",
  '\u2019',
  '\u02BC',
  '\u201C',
  '\u00AB',
  '-',
  '\u2013',
  '\u2212',
  // Case: dotted capital I (lowercases to two code units), sharp s, final sigma, titlecase digraph, Kelvin sign.
  'İ',
  'ß',
  'Σ',
  'ς',
  'ǅ',
  '\u212A',
  // Compatibility characters that expand under NFKC: ligatures, fractions, circled and squared forms, era names,
  // and the Arabic ligatures that expand into several words (one code unit in, up to 18 out).
  'ﬁ',
  'ﬃ',
  '½',
  '⑩',
  '⑴',
  '㎏',
  '㍻',
  '㋿',
  '\uFDFA',
  '\uFDFB',
  'ＮＡＴＯ',
  // Scripts written without spaces (one token per character).
  '习',
  'の',
  'ก',
  // Plain letters and digits, so that words form at all.
  'a',
  'Z',
  'é',
  'Ж',
  'и',
  '7',
  '.',
  ',',
] as const;

/**
 * Any code point U+0000..U+10FFFF, lone surrogates included: the alphabet of fast-check's `unit: 'binary'`.
 * (That unit builds a reverse map of all 1.1M code points on first use, which costs seconds under vitest.)
 */
export const anyCodePoint: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 0x10ffff })
  .map((cp) => String.fromCodePoint(cp));

/** Text: mostly characters from TRICKY, mixed with any code point and fast-check's grapheme and ASCII units. */
export const hostileText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...TRICKY), maxLength }) },
    { weight: 3, arbitrary: fc.string({ unit: fc.oneof(fc.constantFrom(...TRICKY), anyCodePoint), maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: anyCodePoint, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength }) },
    { weight: 1, arbitrary: fc.string({ maxLength }) },
  );

export const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
export const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Does offset `i` of `s` fall between the two halves of a surrogate pair? */
export const splitsPair = (s: string, i: number): boolean =>
  i > 0 && i < s.length && isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i));

/** A cheap assertion for hot loops inside properties (vitest's expect costs too much per code unit). */
export function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new Error(message);
}
