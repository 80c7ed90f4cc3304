import { describe, expect, it } from 'vitest';
import { normalize, toOriginal } from '../../src/core/text/normalize.ts';

describe('normalize', () => {
  it.each([
    ['Zelenskyy’s', "zelenskyy's"],
    ['Selenskyj', 'selenskyj'],
    ['Nausėda', 'nauseda'],
    ['Erdoğan', 'erdogan'],
    ['Kyiv\u00A0\u00A0 Oblast', 'kyiv oblast'],
    ['soft\u00ADhyphen', 'softhyphen'],
    ['zero\u200Bwidth', 'zerowidth'],
    ['“quoted”', '"quoted"'],
    ['Article‑5 – like', 'article-5 - like'],
    ['ＮＡＴＯ', 'nato'],
    ['ﬁnance', 'finance'],
    ['Зеленський', 'зеленськии'],
  ])('folds %j to %j', (input, expected) => {
    expect(normalize(input, { fold: true }).text).toBe(expected);
  });

  it('keeps case and accents in exact mode but still unifies spaces and apostrophes', () => {
    expect(normalize('Zelenskyy’s  Nausėda', { fold: false }).text).toBe("Zelenskyy's Nausėda");
  });

  it('maps every normalised span back to the original text', () => {
    const input = '  Mr\u00A0Zelenskyy’s  visit to Kyïv\u00AD, with Nausėda ';
    const n = normalize(input, { fold: true });
    const at = n.text.indexOf('nauseda');
    const [s, e] = toOriginal(n, at, at + 'nauseda'.length);
    expect(input.slice(s, e)).toBe('Nausėda');
    const k = n.text.indexOf('kyiv');
    const [ks, ke] = toOriginal(n, k, k + 4);
    expect(input.slice(ks, ke)).toBe('Kyïv');
  });

  it('maps decomposed accents (a base letter plus a combining mark) to the whole original letter', () => {
    const input = 'Nause\u0301da';
    const n = normalize(input, { fold: true });
    expect(n.text).toBe('nauseda');
    const [s, e] = toOriginal(n, 0, n.text.length);
    expect(input.slice(s, e)).toBe(input);
  });

  it('keeps surrogate pairs whole', () => {
    const input = 'a 𝐀𝐁 b';
    const n = normalize(input, { fold: true });
    expect(n.text).toBe('a ab b');
    const [s, e] = toOriginal(n, 2, 4);
    expect(input.slice(s, e)).toBe('𝐀𝐁');
  });

  it('reads lone surrogates as U+FFFD, so dropping a zero-width character between two never makes a letter', () => {
    for (const fold of [true, false]) {
      const n = normalize('a\uD800\u200D\uDC00b', { fold });
      expect(n.text).toBe('a\uFFFD\uFFFDb');
      expect(toOriginal(n, 2, 3)).toEqual([3, 4]);
    }
  });

  it.each([
    ['½', '1⁄2'],
    ['ﬃ', 'ffi'],
    ['⑴ a', '(1) a'],
    ['\uFDFA 😀', 'صلى الله عليه وسلم 😀'],
  ])('keeps a map entry for every output unit when %j expands under NFKC', (input, expected) => {
    const n = normalize(input, { fold: true });
    expect(n.text).toBe(expected);
    expect([n.starts.length, n.ends.length]).toEqual([n.text.length, n.text.length]);
    const [s, e] = toOriginal(n, 0, n.text.length);
    expect(input.slice(s, e)).toBe(input);
  });
});

describe('case folding beyond toLowerCase', () => {
  it.each([
    ['Strauß', 'STRAUSS'],
    ['Τσίπρας', 'ΤΣΙΠΡΑΣ'],
  ])('%s and %s fold alike', (a, b) => {
    expect(normalize(a, { fold: true }).text).toBe(normalize(b, { fold: true }).text);
  });
});
