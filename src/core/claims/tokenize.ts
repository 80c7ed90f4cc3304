/**
 * The claim tokeniser: text → retrieval terms. Used for the index (claims), the queries (page sentences) and the
 * re-ranking features, so both sides of a match are always analysed the same way.
 *
 * Pipeline: lex (words, numbers, currency signs, initialisms, URLs, @handles, #hashtags) → assemble number mentions
 * (./numbers.ts) → lowercase, fold diacritics, drop stopwords → stem (./stem.ts).
 * Capitalised words that do not start a sentence are kept aside as entity-like terms (`caps`).
 */

import {
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  type Currency,
  type NumberMention,
  numberTokens,
  numberWordValue,
  PERCENT_WORDS,
  parseDigits,
  SCALE_WORDS,
  SCALES,
  table,
  UNITS,
} from './numbers';
import { isTitleAbbreviation } from './segment';
import { stem } from './stem';
import { STOPWORDS } from './stopwords';

export interface Analysis {
  /** Retrieval terms in text order: stems of content words and number tokens. */
  terms: string[];
  /** Stems of capitalised (name-like) words and acronyms, excluding sentence-initial words. */
  caps: string[];
  /** Number tokens only (`#90000000000`, `$90000000000`, `%10`, `#10:day`). */
  numbers: string[];
  /** Lowercased, unstemmed content words (for character n-gram similarity). */
  words: string[];
  /** For each entry of `terms`: the text it came from ("Ukraine", "$90bn"), for explanations. */
  surface: string[];
}

/** A lexical unit; `a`/`z` are its [start, end) in the analysed text. */
type Lexeme = { a: number; z: number } & (
  | { k: 'w'; s: string; initial: boolean }
  | { k: 'n'; v: number; suffix: string }
  | { k: 'c'; c: Currency }
  | { k: 'p' }
  | { k: 'skip' }
);

const LEX =
  /(https?:\/\/\S+|www\.\S+|pic\.twitter\.com\/\S+)|([@#][\p{L}\p{N}_]+)|((?:\p{L}\.){2,})|(us\$|c\$|a\$|[$£€¥₹])|((?:\d+(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(\p{L}+)?|(%)|(\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*)|([.!?:;"“”])/giu;

const CAMEL = /\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu;
const COMBINING = /\p{M}/gu;
const SENTENCE_PUNCT = new Set(['.', '!', '?', ':', '"', '“', '”']);

/** US spellings of the country all become one term, so "U.S.", "US" and "USA" match each other. */
const SPECIAL_SURFACE: Record<string, string> = table({ US: 'usa', USA: 'usa', UK: 'uk' });
const SPECIAL_INITIALISMS: Record<string, string> = {
  'u.s.': 'usa',
  'u.s.a.': 'usa',
  'u.k.': 'uk',
  'e.g.': '',
  'i.e.': '',
};

function foldWord(s: string): string {
  let w = s.toLowerCase();
  if (/[^a-z0-9'’]/.test(w)) w = w.normalize('NFD').replace(COMBINING, '');
  const apo = w.search(/['’]/);
  if (apo > 0) w = apo === 1 ? w.replace(/['’]/g, '') : w.slice(0, apo);
  return w;
}

function lex(text: string): Lexeme[] {
  const out: Lexeme[] = [];
  let atStart = true;
  LEX.lastIndex = 0;
  for (let m = LEX.exec(text); m !== null; m = LEX.exec(text)) {
    if (m[1]) continue;
    const a = m.index;
    const z = a + m[0].length;
    if (m[2]) {
      for (const part of m[2].slice(1).match(CAMEL) ?? []) {
        if (/^\d/.test(part)) out.push({ a, z, k: 'n', v: Number(part), suffix: '' });
        else out.push({ a, z, k: 'w', s: part, initial: false });
      }
      atStart = false;
    } else if (m[3]) {
      const low = m[3].toLowerCase();
      const special = SPECIAL_INITIALISMS[low];
      const word = special ?? low.replace(/\./g, '');
      if (word) out.push({ a, z, k: 'w', s: word.toUpperCase(), initial: false });
      atStart = false;
    } else if (m[4]) {
      out.push({ a, z, k: 'c', c: CURRENCY_SYMBOLS[m[4].toLowerCase()] as Currency });
    } else if (m[5]) {
      out.push({ a, z, k: 'n', v: parseDigits(m[5]), suffix: (m[6] ?? '').toLowerCase() });
      atStart = false;
    } else if (m[7]) {
      out.push({ a, z, k: 'p' });
    } else if (m[8]) {
      out.push({ a, z, k: 'w', s: m[8], initial: atStart });
      atStart = false;
    } else if (m[9]) {
      const prev = out[out.length - 1];
      const afterTitle = m[9] === '.' && prev?.k === 'w' && isTitleAbbreviation(prev.s);
      if (SENTENCE_PUNCT.has(m[9]) && !afterTitle) atStart = true;
      out.push({ a, z, k: 'skip' });
    }
  }
  return out;
}

function lower(l: Lexeme | undefined): string {
  return l && l.k === 'w' ? l.s.toLowerCase() : '';
}

interface Parsed {
  mention: NumberMention;
  next: number;
}

/** Parse a run of number words ("twenty five", "three hundred thousand", "a million") at i. */
function parseNumberWords(lx: Lexeme[], i: number): { value: number; next: number } | null {
  let total = 0;
  let current = 0;
  let j = i;
  let seen = false;
  const first = lower(lx[i]);
  if ((first === 'a' || first === 'an') && SCALE_WORDS.has(lower(lx[i + 1]))) {
    current = 1;
    j = i + 1;
    seen = true;
  }
  for (; j < lx.length; j++) {
    const w = lower(lx[j]);
    const v = numberWordValue(w);
    if (v !== undefined) {
      current += v;
      seen = true;
    } else if (w === 'hundred' && seen) {
      current = (current || 1) * 100;
    } else if (SCALE_WORDS.has(w) && seen) {
      total += (current || 1) * (SCALES[w] as number);
      current = 0;
    } else if (w === 'and' && seen && numberWordValue(lower(lx[j + 1])) !== undefined) {
      // "three hundred and twenty"
    } else break;
  }
  if (!seen) return null;
  return { value: total + current, next: j };
}

/** Number mention starting at i (digits or number words), with scale, currency, percent and unit. */
function parseNumber(lx: Lexeme[], i: number, currency: Currency | undefined): Parsed | null {
  const l = lx[i];
  let value: number;
  let j: number;
  let percent = false;
  if (l?.k === 'n') {
    value = l.v;
    j = i + 1;
    const suffix = l.suffix;
    if (suffix) {
      if (SCALES[suffix] !== undefined) value *= SCALES[suffix] as number;
      else if (suffix !== 's' && !/^(st|nd|rd|th)$/.test(suffix)) return null;
      else if (suffix !== 's') return { mention: { value: Number.NaN }, next: j };
    }
  } else {
    const words = parseNumberWords(lx, i);
    if (!words) return null;
    value = words.value;
    j = words.next;
  }
  for (let w = lower(lx[j]); SCALE_WORDS.has(w); w = lower(lx[j])) {
    value *= SCALES[w] as number;
    j++;
  }
  const after = lx[j];
  const w = lower(after);
  if (after?.k === 'p' || PERCENT_WORDS.has(w)) {
    percent = true;
    j++;
  } else if (w === 'per' && lower(lx[j + 1]) === 'cent') {
    percent = true;
    j += 2;
  } else if (CURRENCY_WORDS[w]) {
    currency = CURRENCY_WORDS[w];
    j++;
  } else if (w === 'cents' || w === 'cent') {
    value /= 100;
    currency = currency ?? 'usd';
    j++;
  }
  const unit = UNITS[lower(lx[j])];
  const mention: NumberMention = { value };
  if (currency) mention.currency = currency;
  if (percent) mention.percent = true;
  if (unit && !currency && !percent) mention.unit = unit;
  return { mention, next: j };
}

function isNumberStart(lx: Lexeme[], i: number): boolean {
  const l = lx[i];
  if (!l) return false;
  if (l.k === 'n') return true;
  if (l.k !== 'w') return false;
  const w = l.s.toLowerCase();
  if (w === 'a' || w === 'an') return SCALE_WORDS.has(lower(lx[i + 1]));
  const v = numberWordValue(w);
  if (v === undefined) return false;
  // "one" alone is a pronoun far more often than a count: only as part of a larger figure.
  if (v === 1) {
    const nx = lower(lx[i + 1]);
    return SCALE_WORDS.has(nx) || UNITS[nx] !== undefined;
  }
  return true;
}

function addWord(out: Analysis, l: Extract<Lexeme, { k: 'w' }>, surface: string): void {
  const special = SPECIAL_SURFACE[l.s];
  const w = special ?? foldWord(l.s);
  if (w.length === 0 || STOPWORDS.has(w)) return;
  if (w.length === 1 && !/\d/.test(w)) return;
  const t = stem(w);
  out.terms.push(t);
  out.surface.push(surface);
  out.words.push(w);
  const capital = /^\p{Lu}/u.test(l.s);
  const acronym = l.s.length >= 2 && l.s === l.s.toUpperCase() && /\p{Lu}/u.test(l.s);
  if ((capital && !l.initial) || acronym || special) out.caps.push(t);
}

/** Analyse one text into retrieval terms. Pure and deterministic. */
export function analyze(text: string): Analysis {
  const out: Analysis = { terms: [], caps: [], numbers: [], words: [], surface: [] };
  const lx = lex(text);
  let currency: Currency | undefined;
  let currencyAt = 0;
  for (let i = 0; i < lx.length; ) {
    const l = lx[i] as Lexeme;
    if (l.k === 'c') {
      currency = l.c;
      currencyAt = l.a;
      i++;
      continue;
    }
    if (isNumberStart(lx, i)) {
      const from = currency ? currencyAt : l.a;
      const p = parseNumber(lx, i, currency);
      currency = undefined;
      if (p) {
        if (!Number.isNaN(p.mention.value)) {
          const toks = numberTokens(p.mention);
          const surface = text.slice(from, (lx[Math.max(i, p.next - 1)] as Lexeme).z);
          out.terms.push(...toks);
          out.numbers.push(...toks);
          for (const _ of toks) out.surface.push(surface);
        }
        i = Math.max(p.next, i + 1);
        continue;
      }
    }
    currency = undefined;
    if (l.k === 'w') addWord(out, l, text.slice(l.a, l.z));
    else if (l.k === 'n' && l.suffix)
      addWord(out, { a: l.a, z: l.z, k: 'w', s: `${l.v}${l.suffix}`, initial: false }, text.slice(l.a, l.z));
    i++;
  }
  return out;
}

/** Just the retrieval terms of a text. */
export function tokenize(text: string): string[] {
  return analyze(text).terms;
}
