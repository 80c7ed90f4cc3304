import { describe, expect, it } from 'vitest';
import { segmentSentences, splitSentences } from '../../../src/core/claims/index';

const cases: Array<[string, string, string[]]> = [
  ['splits plain sentences', 'The sky is blue. The grass is green.', ['The sky is blue.', 'The grass is green.']],
  [
    'keeps titles with their names',
    'Mr. Smith met Dr. Jones. They talked.',
    ['Mr. Smith met Dr. Jones.', 'They talked.'],
  ],
  [
    'keeps U.S. and U.K. inside a sentence',
    'The U.S. Army and the U.K. Navy met. Talks ended.',
    ['The U.S. Army and the U.K. Navy met.', 'Talks ended.'],
  ],
  [
    'ends a sentence at U.S. when a new sentence clearly starts',
    'She moved to the U.S. The next day she left.',
    ['She moved to the U.S.', 'The next day she left.'],
  ],
  [
    'keeps month abbreviations before dates',
    'It happened on Jan. 6, 2021 and Sept. 11, 2001. Both mattered.',
    ['It happened on Jan. 6, 2021 and Sept. 11, 2001.', 'Both mattered.'],
  ],
  [
    'keeps No. before a number',
    'He lives at No. 10 Downing Street. It is old.',
    ['He lives at No. 10 Downing Street.', 'It is old.'],
  ],
  ['treats No. as an answer before a pronoun', 'Did he win? No. He lost.', ['Did he win?', 'No.', 'He lost.']],
  ['keeps St. before a name', 'St. Louis is in Missouri. It is big.', ['St. Louis is in Missouri.', 'It is big.']],
  [
    'keeps e.g. and i.e. inside the sentence',
    'Some fruits, e.g. Apples, are red, i.e. Not blue. Others vary.',
    ['Some fruits, e.g. Apples, are red, i.e. Not blue.', 'Others vary.'],
  ],
  [
    'keeps initials with the surname',
    'J. K. Rowling met John F. Kennedy Jr. in a dream. Odd.',
    ['J. K. Rowling met John F. Kennedy Jr. in a dream.', 'Odd.'],
  ],
  [
    'puts final punctuation inside closing quotes with its sentence',
    'He said "It is over." Then he left.',
    ['He said "It is over."', 'Then he left.'],
  ],
  [
    'does not split after a quoted question followed by lowercase',
    '"Why?" she asked. Nobody knew.',
    ['"Why?" she asked.', 'Nobody knew.'],
  ],
  [
    'does not split decimals and amounts',
    'The US sent $1.5bn, or 3.14 times more. Then it stopped.',
    ['The US sent $1.5bn, or 3.14 times more.', 'Then it stopped.'],
  ],
  [
    'does not split an ellipsis followed by lowercase',
    'Prices rose... and then fell. Wait… What happened?',
    ['Prices rose... and then fell.', 'Wait…', 'What happened?'],
  ],
  [
    'splits at paragraph breaks even without punctuation',
    'A headline\n\nFirst sentence. Second one.',
    ['A headline', 'First sentence.', 'Second one.'],
  ],
  [
    'handles company abbreviations',
    'Apple Inc. The company said so. Apple Inc. announced profits.',
    ['Apple Inc.', 'The company said so.', 'Apple Inc. announced profits.'],
  ],
  [
    'handles currency amounts at sentence start',
    'It cost a lot. $90bn was spent. £5m more came.',
    ['It cost a lot.', '$90bn was spent.', '£5m more came.'],
  ],
  ['returns one span for a text without terminal punctuation', 'no punctuation here', ['no punctuation here']],
  ['returns nothing for whitespace', '   \n  ', []],
];

describe('segmentSentences', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });

  it('returns [start, end) offsets into the input, trimmed of surrounding whitespace', () => {
    const text = '  First one.   Second one.  ';
    const spans = segmentSentences(text);
    expect(spans).toEqual([
      { start: 2, end: 12 },
      { start: 15, end: 26 },
    ]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
  });

  it('covers every non-space character of the input exactly once', () => {
    const text = 'Dr. Who said "Run!" Then Mr. T. ran... fast. The U.S. economy grew 3.5% in Q1. OK?';
    const spans = segmentSentences(text);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    const covered = spans.map((s) => text.slice(s.start, s.end)).join('');
    expect(covered.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});
