/**
 * Small helpers for the scale-pack builders: ids, dates, the engine's own alias key.
 */
import { checkDate } from '../../../src/core/pack/validate.ts';
import { normalize } from '../../../src/core/text/normalize.ts';
import { forEachToken } from '../../../src/core/text/tokenize.ts';

export const TODAY = new Date().toISOString().slice(0, 10);

/** Lowercase ASCII slug for ids ("José de la Rúa" → "jose-de-la-rua"); may be empty for non-Latin names. */
export function slug(s: string, max = 48): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}

/** "name-q123" or "q123"; every id passes the validator's entity id pattern. */
export function entityId(name: string, key: string): string {
  const s = slug(name);
  const k = slug(key);
  return s ? `${s}-${k}` : k;
}

/** The spelling as the engine's trie sees it: folded tokens joined by one space. Empty when no token. */
export function aliasKey(text: string): string {
  const n = normalize(text, { fold: true }).text;
  const toks: string[] = [];
  forEachToken(n, (a, b) => toks.push(n.slice(a, b)));
  return toks.join(' ');
}

export const tokenCount = (key: string): number => (key ? key.split(' ').length : 0);

/** An ISO date the validator accepts (not in the future), else undefined. */
export function validDate(s: unknown): string | undefined {
  return typeof s === 'string' && checkDate(s, TODAY) === null ? s : undefined;
}

const MONTHS = 'january february march april may june july august september october november december'.split(' ');

/** "26 May 2015" → "2015-05-26". */
export function parseDayMonthYear(s: string | undefined): string | undefined {
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(s?.trim() ?? '');
  if (!m) return undefined;
  const mo = MONTHS.indexOf(m[2].toLowerCase());
  if (mo < 0) return undefined;
  return validDate(`${m[3]}-${String(mo + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`);
}

/** Text the validator accepts as a short text: trimmed, no control characters, at most `max` characters. */
export function cleanText(s: unknown, max = 300): string | undefined {
  if (typeof s !== 'string') return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const t = s.replace(/[\u0000-\u001F\u007F]/g, ' ').trim();
  if (!t) return undefined;
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}
