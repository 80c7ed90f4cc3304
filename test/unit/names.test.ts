import { describe, expect, it } from 'vitest';
import { type AliasSpec, NameMatcher } from '../../src/core/names/matcher.ts';
import { tokenize } from '../../src/core/text/tokenize.ts';

const ALIASES: AliasSpec[] = [
  { entity: 'donald-trump', text: 'Donald Trump' },
  { entity: 'donald-trump', text: 'Trump', caseSensitive: true },
  { entity: 'ursula-von-der-leyen', text: 'Ursula von der Leyen' },
  { entity: 'ursula-von-der-leyen', text: 'von der Leyen' },
  { entity: 'leyen-town', text: 'Leyen' },
  { entity: 'vladimir-putin', text: 'Vladimir Putin' },
  { entity: 'vladimir-putin', text: 'Putin' },
  { entity: 'vladimir-putin', text: 'Путин', lang: 'ru' },
  { entity: 'volodymyr-zelenskyy', text: 'Zelenskyy' },
  { entity: 'volodymyr-zelenskyy', text: 'Selenskyj', lang: 'de' },
  { entity: 'nato', text: 'NATO', caseSensitive: true },
  { entity: 'nato', text: 'Nato', caseSensitive: true },
  { entity: 'kyiv', text: 'Kyiv' },
  { entity: 'kyiv', text: 'Kiev' },
  { entity: 'keir-giles', text: 'Keir Giles' },
  { entity: 'keir-giles', text: 'Giles', ambiguous: true },
  { entity: 'alaska', text: 'Alaska', ambiguous: true },
  { entity: 'budapest', text: 'Budapest', ambiguous: true },
  { entity: 'budapest-memorandum', text: 'Budapest Memorandum' },
  { entity: 'georgia-country', text: 'Georgia', ambiguous: true },
  { entity: 'georgia-us-state', text: 'Georgia', ambiguous: true },
  { entity: 'tbilisi', text: 'Tbilisi' },
  { entity: 'xi-jinping', text: '习近平', lang: 'zh' },
];
const RELATED = new Map<string, string[]>([
  ['alaska', ['alaska-summit-2025', 'donald-trump']],
  ['georgia-country', ['tbilisi']],
  ['tbilisi', ['georgia-country']],
]);
const matcher = new NameMatcher(ALIASES, RELATED);

const find = (text: string, opts = {}) => matcher.matchPage([text], opts)[0].map((m) => [m.entity, m.text]);
const findPage = (blocks: string[]) => matcher.matchPage(blocks).map((l) => l.map((m) => [m.entity, m.text]));

describe('tokenize', () => {
  it('splits on punctuation and apostrophes in every script, one token per Han character', () => {
    expect(tokenize("Trump's Kyiv-bound envoy, Путина; 习近平").map((t) => t.text)).toEqual([
      'Trump',
      's',
      'Kyiv',
      'bound',
      'envoy',
      'Путина',
      '习',
      '近',
      '平',
    ]);
  });
});

describe('NameMatcher', () => {
  it.each<[string, string[][]]>([
    ['Ursula von der Leyen spoke.', [['ursula-von-der-leyen', 'Ursula von der Leyen']]],
    ['Later von der Leyen left.', [['ursula-von-der-leyen', 'von der Leyen']]],
    ["Trump's envoy", [['donald-trump', 'Trump']]],
    ['the trump card', []],
    ['TRUMP SAYS', []],
    [
      'Zelenskyy’s plan and Selenskyjs Plan',
      [
        ['volodymyr-zelenskyy', 'Zelenskyy'],
        ['volodymyr-zelenskyy', 'Selenskyjs'],
      ],
    ],
    [
      'Putins Besuch und Путина',
      [
        ['vladimir-putin', 'Putins'],
        ['vladimir-putin', 'Путина'],
      ],
    ],
    [
      'NATO and Nato but not nato',
      [
        ['nato', 'NATO'],
        ['nato', 'Nato'],
      ],
    ],
    [
      'in Kiev and Kyiv',
      [
        ['kyiv', 'Kiev'],
        ['kyiv', 'Kyiv'],
      ],
    ],
    ['the Budapest Memorandum', [['budapest-memorandum', 'Budapest Memorandum']]],
    ['习近平 visited', [['xi-jinping', '习近平']]],
    ['Zelensk\u00ADyy arrived', [['volodymyr-zelenskyy', 'Zelensk\u00ADyy']]],
  ])('in %j finds %j', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('ranks an exact spelling above a folded one', () => {
    const [exact] = matcher.matchPage(['Kyiv'])[0];
    const [folded] = matcher.matchPage(['KYÏV'])[0];
    expect(exact.score).toBeGreaterThan(folded.score);
  });

  it('counts an ambiguous surname only after a full mention on the same page', () => {
    expect(find('Giles said so.')).toEqual([]);
    expect(findPage(['Keir Giles of Chatham House.', 'Giles said so.'])).toEqual([
      [['keir-giles', 'Keir Giles']],
      [['keir-giles', 'Giles']],
    ]);
  });

  it('does not take an ambiguous name that is part of a longer proper name', () => {
    expect(findPage(['Donald Trump flew.', 'Alaska Airlines flies to Alaska.'])).toEqual([
      [['donald-trump', 'Donald Trump']],
      [['alaska', 'Alaska']],
    ]);
  });

  it('leaves an ambiguous place unannotated without context', () => {
    expect(find('A weekend in Alaska.')).toEqual([]);
    expect(find('A city break in Budapest.')).toEqual([]);
  });

  it('chooses between entities sharing a spelling by context, or not at all', () => {
    expect(find('Georgia voted.')).toEqual([]);
    expect(findPage(['Tbilisi is the capital.', 'Georgia voted.'])[1]).toEqual([['georgia-country', 'Georgia']]);
  });

  it('exact-only mode folds nothing', () => {
    expect(find('Kyïv and KYIV and Kyiv', { exact: true })).toEqual([['kyiv', 'Kyiv']]);
    expect(find('Putins', { exact: true })).toEqual([]);
  });

  it('keeps a title before an ambiguous surname', () => {
    expect(findPage(['Keir Giles wrote.', 'Dr Giles added.'])[1]).toEqual([['keir-giles', 'Giles']]);
  });

  it('never returns spans outside the text', () => {
    const text = ' Putin\u200B Zelenskyy’s Kyiv ';
    for (const m of matcher.matchPage([text])[0]) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it.each([
    [
      'one character folding into two names',
      [
        { entity: 'a', text: '平' },
        { entity: 'b', text: '成' },
      ],
      '元号は㍻です',
      [['a', 3, 4]],
    ],
    ['a name after a long NFKC expansion', [{ entity: 'k', text: 'Kyiv' }], '\uFDFA Kyiv', [['k', 2, 6]]],
    ['a name inside a fraction', [{ entity: 'two', text: '2' }], 'x ½', [['two', 2, 3]]],
  ])('returns disjoint in-range spans for %s', (_, specs, text, expected) => {
    const found = new NameMatcher(specs).matchPage([text])[0];
    expect(found.map((m) => [m.entity, m.start, m.end])).toEqual(expected);
    for (const m of found) expect(m.text).toBe(text.slice(m.start, m.end));
  });
});
