/**
 * Check-worthiness cues of the sentence itself, whatever claim it matched: the calibrator (./model.ts) weighs them
 * beside the match features. A sentence that asks a question rarely repeats a claim; one with a figure, a
 * comparison or a named person or place more often does. Each cue is in [0, 1].
 */

import type { Analysis } from './tokenize';

export const CUES = ['question', 'figure', 'comparative', 'names'] as const;

/** Ends with a question mark (closing quotes and brackets allowed after it). */
const QUESTION = /\?["'\u201D\u2019)\]]*\s*$/;

/**
 * Words that compare or rank: "more than", "the lowest", "never", "a record". Superlatives are listed rather than
 * matched by their ending, which would also catch "interest", "protest" and "suggest".
 */
const COMPARATIVE = new RegExp(
  `\\b(?:${[
    'more',
    'less',
    'fewer',
    'most',
    'least',
    'than',
    'record',
    'every',
    'never',
    'always',
    'only',
    'first',
    'best',
    'worst',
    'biggest',
    'largest',
    'highest',
    'lowest',
    'greatest',
    'fastest',
    'smallest',
    'strongest',
    'weakest',
    'richest',
    'poorest',
    'longest',
  ].join('|')})\\b`,
  'i',
);

/** Named people and places beyond this many add nothing. */
const NAMES_CAP = 3;

/** The cues of one sentence (CUES order), from its text and its analysis. */
export function sentenceCues(text: string, a: Analysis): number[] {
  return [
    QUESTION.test(text) ? 1 : 0,
    a.numbers.length > 0 ? 1 : 0,
    COMPARATIVE.test(text) ? 1 : 0,
    Math.min(NAMES_CAP, new Set(a.caps).size) / NAMES_CAP,
  ];
}
