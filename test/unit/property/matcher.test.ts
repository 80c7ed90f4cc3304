/**
 * Properties of the name matcher: spans are always real slices of the block, ordered and disjoint, whatever the
 * text and the alias set; names spliced into noise are found; and the scan is leftmost-longest (checked against
 * a reference model that walks the same tokens greedily).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AliasSpec, type NameMatch, NameMatcher } from '../../../src/core/names/matcher.ts';
import { normalize } from '../../../src/core/text/normalize.ts';
import { forEachToken } from '../../../src/core/text/tokenize.ts';
import { check, hostileText, propertyRuns, splitsPair, TRICKY } from './arbitraries.ts';

const RUNS = propertyRuns(150);

// Name words in several scripts, with the spellings that make matching hard: diacritics, apostrophes, hyphens,
// dotted capital I, ligatures, Han written without spaces, and compatibility characters that expand under NFKC.
const NAME_WORDS = [
  'Kyiv',
  'Nausėda',
  'Jean',
  'Noël',
  "O'Brien",
  'von',
  'der',
  'Leyen',
  'Путин',
  'Зеленський',
  '习近平',
  '平',
  '成',
  '㍻',
  'NATO',
  'Nato',
  'İstanbul',
  'ﬁnance',
  'Erdoğan',
  'Σίσυφος',
  'שלום',
  'عباس',
  'G7',
  '½',
] as const;
const JOINERS = [' ', '-', "'", ' '] as const;
const LANGS = [undefined, 'en', 'de', 'ru', 'zh'] as const;

const aliasArb = fc.record({
  words: fc.array(fc.constantFrom(...NAME_WORDS), { minLength: 1, maxLength: 3 }),
  joiner: fc.constantFrom(...JOINERS),
  entity: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
  ambiguous: fc.boolean(),
  caseSensitive: fc.boolean(),
  lang: fc.constantFrom(...LANGS),
  type: fc.constantFrom('person', 'place', 'organisation'),
});
type AliasRecord = typeof aliasArb extends fc.Arbitrary<infer T> ? T : never;

function toSpec(a: AliasRecord): AliasSpec {
  return {
    entity: a.entity,
    text: a.words.join(a.joiner),
    ambiguous: a.ambiguous,
    caseSensitive: a.caseSensitive,
    type: a.type,
    ...(a.lang ? { lang: a.lang } : {}),
  };
}

// How a name may be written on a page: as is, in capitals, in lower case, with curly apostrophes, with a soft
// hyphen or a combining mark slipped in, or glued to punctuation.
const VARIANTS: Array<(s: string) => string> = [
  (s) => s,
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
  (s) => s.replace(/'/g, '\u2019'),
  (s) => s.replace(/'/g, '\u02BC'),
  (s) => (s.length > 2 ? `${s.slice(0, 2)}\u00AD${s.slice(2)}` : s),
  (s) => (s.length > 1 ? `${s.slice(0, 1)}\u0301${s.slice(1)}` : s),
  (s) => `«${s}»`,
  (s) => `${s}’s`,
  (s) => `${s}s`,
  (s) => `${s}у`,
];

/** A page piece: noise, or alias number `alias` (modulo the set) written in variant `variant`. */
const pieceArb = fc.oneof(
  hostileText(12),
  fc.record({ alias: fc.nat(), variant: fc.nat(VARIANTS.length - 1) }),
  fc.constantFrom(' ', ', ', '\u00A0', ' — ', '\n'),
);

function buildBlock(pieces: Array<string | { alias: number; variant: number }>, specs: AliasSpec[]): string {
  return pieces
    .map((p) => (typeof p === 'string' ? p : VARIANTS[p.variant](specs[p.alias % specs.length].text)))
    .join('');
}

function checkSpans(block: string, matches: readonly NameMatch[], entities: Set<string>): void {
  let lastEnd = 0;
  for (const m of matches) {
    const where = `[${m.start}, ${m.end}) in ${JSON.stringify(block)}`;
    check(Number.isInteger(m.start) && Number.isInteger(m.end), `non-integer span ${where}`);
    check(m.start >= 0 && m.start < m.end && m.end <= block.length, `span out of range ${where}`);
    check(m.text === block.slice(m.start, m.end), `text is not the slice ${where}`);
    check(!splitsPair(block, m.start) && !splitsPair(block, m.end), `span splits a surrogate pair ${where}`);
    check(m.start >= lastEnd, `span overlaps or precedes the previous one ${where}`);
    check(m.score > 0 && m.score <= 1, `score ${m.score} ${where}`);
    check(entities.has(m.entity), `unknown entity ${m.entity}`);
    lastEnd = m.end;
  }
}

describe('NameMatcher on arbitrary pages', () => {
  it.each([
    ['folded', false],
    ['exact', true],
  ])('returns in-range, ordered, disjoint spans whose text is the slice (%s mode)', (_mode, exact) => {
    fc.assert(
      fc.property(
        fc.array(aliasArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(pieceArb, { maxLength: 10 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...LANGS),
        (aliases, pages, lang) => {
          const specs = aliases.map(toSpec);
          const matcher = new NameMatcher(specs, new Map([['e1', ['e2']]]));
          const blocks = pages.map((pieces) => buildBlock(pieces, specs));
          const result = matcher.matchPage(blocks, { exact, lang, anchors: {} });
          expect(result).toHaveLength(blocks.length);
          const entities = new Set(specs.map((s) => s.entity));
          result.forEach((matches, b) => {
            checkSpans(blocks[b], matches, entities);
          });
        },
      ),
      RUNS,
    );
  });

  it('keeps spans valid when an alias itself is arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.array(hostileText(10), { minLength: 1, maxLength: 5 }),
        fc.array(fc.oneof(hostileText(12), fc.nat()), { maxLength: 12 }),
        fc.boolean(),
        (texts, pieces, exact) => {
          const specs = texts.map((text, i) => ({ entity: `e${i}`, text, caseSensitive: i % 2 === 0 }));
          const block = pieces.map((p) => (typeof p === 'string' ? p : texts[p % texts.length])).join(' ');
          const [matches] = new NameMatcher(specs).matchPage([block], { exact });
          checkSpans(block, matches, new Set(specs.map((s) => s.entity)));
        },
      ),
      RUNS,
    );
  });
});

// Filler words that are no alias token, not even after stripping an inflection (all at most four letters).
const FILLER = ['the', 'and', 'said', 'met', 'with', 'from', 'ok', 'und', 'и', 'на'];

describe('NameMatcher finds names spliced into filler', () => {
  it('finds every unambiguous alias written as in the pack, with its exact text, between filler words', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(aliasArb, { minLength: 1, maxLength: 6, selector: (a) => foldedKey(toSpec(a).text) }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FILLER), fc.constantFrom(' ', ', ', ' — ', '\n')), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.boolean(),
        (aliases, picks, exact) => {
          // One entity per spelling, nothing ambiguous: then nothing but the scan decides what is found. An alias
          // must begin and end with a letter in this mode ("㍻" is a symbol unless folded to "平成").
          const specs = aliases
            .map((a, i) => ({ ...toSpec(a), entity: `e${i}`, ambiguous: false }))
            .filter((s) => lettersAtBothEnds(s.text, !exact));
          fc.pre(specs.length > 0);
          const matcher = new NameMatcher(specs);
          let block = '';
          const expected: Array<[string, number, number]> = [];
          for (const [n, filler, sep] of picks) {
            const spec = specs[n % specs.length];
            block += `${filler}${sep}`;
            expected.push([spec.entity, block.length, block.length + spec.text.length]);
            block += `${spec.text}${sep}`;
          }
          block += 'end';
          const [found] = matcher.matchPage([block], { exact });
          expect(found.map((m) => [m.entity, m.start, m.end])).toEqual(expected);
        },
      ),
      RUNS,
    );
  });
});

function lettersAtBothEnds(s: string, fold: boolean): boolean {
  const n = normalize(s, { fold });
  const spans: number[] = [];
  forEachToken(n.text, (a, b) => spans.push(a, b));
  return spans.length > 0 && n.starts[spans[0]] === 0 && n.ends[spans[spans.length - 1] - 1] === s.length;
}

function foldedKey(s: string): string {
  return tokensOf(normalize(s, { fold: true }).text).join(' ');
}

function tokensOf(s: string): string[] {
  const out: string[] = [];
  forEachToken(s, (a, b) => out.push(s.slice(a, b)));
  return out;
}

/**
 * The reference model of the scan: tokens of the normalised block, greedily the longest alias at each token,
 * then on past it. A token that maps back inside text already matched (the second half of "㍻" → "平成") starts
 * nothing. Valid when every alias is accepted wherever its tokens occur: lower-case, unambiguous, not
 * case-sensitive, one entity per spelling, and no token longer than three letters (so no inflection applies).
 */
function leftmostLongest(block: string, aliases: readonly string[], fold: boolean): Array<[number, number]> {
  const keys = new Set(aliases.map((a) => tokensOf(normalize(a, { fold }).text).join('\u0000')));
  const maxLen = Math.max(...aliases.map((a) => tokensOf(normalize(a, { fold }).text).length));
  const norm = normalize(block, { fold });
  const spans: Array<[number, number]> = [];
  forEachToken(norm.text, (a, b) => spans.push([a, b]));
  const toks = spans.map(([a, b]) => norm.text.slice(a, b));
  const out: Array<[number, number]> = [];
  let lastEnd = 0;
  for (let i = 0; i < toks.length; ) {
    const start = norm.starts[spans[i][0]];
    let taken = 0;
    if (start >= lastEnd) {
      for (let len = Math.min(maxLen, toks.length - i); len > 0; len--) {
        if (keys.has(toks.slice(i, i + len).join('\u0000'))) {
          taken = len;
          break;
        }
      }
    }
    if (taken > 0) {
      lastEnd = norm.ends[spans[i + taken - 1][1] - 1];
      out.push([start, lastEnd]);
      i += taken;
    } else i++;
  }
  return out;
}

// Short words, so that prefixes of longer aliases are aliases too and "longest" really has to choose.
const SHORT_WORDS = [
  'al',
  'bin',
  'von',
  'der',
  'la',
  'xi',
  'jé',
  'ян',
  'до',
  'ωμ',
  '习',
  '近',
  '平',
  '成',
  'אב',
  'o',
  '½',
  '1',
  '2',
];

describe('NameMatcher is leftmost-longest', () => {
  it.each([
    ['folded', false],
    ['exact', true],
  ])('matches exactly what a greedy longest-alias scan over the same tokens matches (%s mode)', (_mode, exact) => {
    const word = fc.constantFrom(...SHORT_WORDS);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '-', "'")), {
          minLength: 1,
          maxLength: 10,
          selector: ([w]) => foldedKey(w.join(' ')),
        }),
        fc.array(
          fc.oneof(
            fc.tuple(word, fc.nat(VARIANTS.length - 1)).map(([w, v]) => VARIANTS[v](w)),
            fc.constantFrom(' ', ' ', '-', "'", '\u00AD', '\u200B', ', '),
            fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 3 }),
          ),
          { maxLength: 30 },
        ),
        (aliasWords, pieces) => {
          const texts = aliasWords.map(([w, j]) => w.join(j));
          const specs = texts.map((text, i) => ({ entity: `e${i}`, text }));
          const block = pieces.join('');
          const [found] = new NameMatcher(specs).matchPage([block], { exact });
          expect(found.map((m) => [m.start, m.end])).toEqual(leftmostLongest(block, texts, !exact));
        },
      ),
      RUNS,
    );
  });
});
