/**
 * Sentence segmentation for page text: the unit the claim matcher looks at.
 *
 * A boundary is sentence-final punctuation (. ! ? … and runs of them), optionally followed by closing quotes or
 * brackets, then whitespace, then something that can start a sentence (an upper-case letter, a digit, an opening
 * quote or bracket). A paragraph break (blank line) is always a boundary. A full stop is *not* a boundary after:
 * - a title that always precedes a name (Mr., Dr., Sen., St., Gen. …),
 * - "No."/"Nos."/"pp."/"Vol." before a number, "Jan."/"Sept." … before a day or year,
 * - an ambiguous abbreviation, initialism or initial (U.S., Inc., etc., J.) unless the next word is one that
 *   usually starts a sentence ("The", "He", "But" …): "in the U.S. The next day" splits, "the U.S. Army" does not,
 * - "e.g." / "i.e." / "vs." (never final).
 * Decimals and amounts ($1.5bn, 3.14) never split, because the full stop is not followed by whitespace.
 * Spans are [start, end) offsets into the input, trimmed of surrounding whitespace.
 */

import type { SentenceSpan } from './api';

/** Always followed by a name or number: never the end of a sentence. */
const TITLES = new Set(
  'mr mrs ms messrs dr prof rev fr sr jr st gen lt col capt cpt sgt maj adm cmdr gov sen rep reps sens pres supt insp det hon amb mt ft vs v e.g i.e cf approx ca'.split(
    ' ',
  ),
);

/** Before a number only ("No. 10", "pp. 12", "Jan. 6"). */
const BEFORE_NUMBER = new Set(
  'no nos pp p vol vols fig figs ch sec art para jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** Abbreviations that may also end a sentence; decided by the next word. */
const AMBIGUOUS = new Set(
  'inc ltd co corp llc plc bros etc al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun dept univ assn ave blvd rd est no a.m p.m'.split(
    ' ',
  ),
);

/** Words that typically open a new sentence: after an ambiguous abbreviation they signal a boundary. */
const SENTENCE_STARTERS = new Set(
  `the a an he she it they we i you this that these those there his her their its our my your but and so yet
  however meanwhile still then thus also in on at as after before when while if although though since because
  what who why how where one some many most all no not now today yesterday last next for with by from`.split(/\s+/),
);

/** True for a title abbreviation ("Mr", "Dr", "Sen") that is always followed by a name. */
export function isTitleAbbreviation(word: string): boolean {
  return TITLES.has(word.toLowerCase());
}

const TERMINAL = /[.!?\u2026]/;
const CLOSERS = /["'\u201D\u2019)\]\u00BB]/;
const OPENERS = /["'\u201C\u2018([\u00AB]/;
const SPACE = /\s/;

/** The word (letters and inner dots) just before position `end` (exclusive), lowercased. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] as string)) i--;
  return text.slice(i, end).toLowerCase();
}

function nextWord(text: string, from: number): string {
  const m = /^[\p{L}\p{N}]+/u.exec(text.slice(from, from + 40));
  return m ? m[0] : '';
}

/** Should the full stop at `dot` (followed by whitespace, then `next` at index `nextAt`) end a sentence? */
function fullStopEnds(text: string, dot: number, nextAt: number): boolean {
  const before = wordBefore(text, dot);
  if (before.length === 0) return true;
  const next = nextWord(text, nextAt);
  const starter = SENTENCE_STARTERS.has(next.toLowerCase());
  const nextIsDigit = /^\d/.test(next);
  if (TITLES.has(before)) return false;
  if (BEFORE_NUMBER.has(before) && nextIsDigit) return false;
  if (AMBIGUOUS.has(before)) return starter;
  // Initialisms with inner dots (U.S., D.C., a.m.) and single-letter initials (J. K. Rowling).
  if (before.includes('.') || /^\p{L}$/u.test(before)) return starter;
  return true;
}

/** Index just past a run of terminal punctuation and closing quotes/brackets starting at i. */
function endOfTerminalRun(text: string, i: number): number {
  let j = i;
  while (j < text.length && (TERMINAL.test(text[j] as string) || text[j] === '.')) j++;
  while (j < text.length && CLOSERS.test(text[j] as string)) j++;
  return j;
}

function canStartSentence(ch: string): boolean {
  return /[\p{Lu}\p{N}]/u.test(ch) || OPENERS.test(ch) || /[$£€¥#@]/.test(ch);
}

function isBoundary(text: string, i: number, runEnd: number): boolean {
  if (runEnd >= text.length) return true;
  if (!SPACE.test(text[runEnd] as string)) return false;
  let k = runEnd;
  while (k < text.length && SPACE.test(text[k] as string)) k++;
  if (k >= text.length) return true;
  if (!canStartSentence(text[k] as string)) return false;
  const punct = text.slice(i, runEnd);
  // A lone full stop (not "..." and not "?"/"!") needs the abbreviation checks.
  if (/^\.["'\u201D\u2019)\]\u00BB]*$/.test(punct)) return fullStopEnds(text, i, k);
  return true;
}

function pushTrimmed(text: string, start: number, end: number, out: SentenceSpan[]): void {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s] as string)) s++;
  while (e > s && SPACE.test(text[e - 1] as string)) e--;
  if (e > s) out.push({ start: s, end: e });
}

/** Split text into sentence spans ([start, end) offsets, trimmed). */
export function segmentSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\n' && /^\n[ \t\r\f\v]*\n/.test(text.slice(i, i + 40))) {
      pushTrimmed(text, start, i, out);
      while (i < text.length && SPACE.test(text[i] as string)) i++;
      start = i;
      continue;
    }
    if (TERMINAL.test(ch)) {
      const runEnd = endOfTerminalRun(text, i);
      if (isBoundary(text, i, runEnd)) {
        pushTrimmed(text, start, runEnd, out);
        start = runEnd;
      }
      i = runEnd;
      continue;
    }
    i++;
  }
  pushTrimmed(text, start, text.length, out);
  return out;
}

/** The sentences of a text as strings with their spans. */
export function splitSentences(text: string): Array<SentenceSpan & { text: string }> {
  return segmentSentences(text).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}
