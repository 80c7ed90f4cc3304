/**
 * Number and currency normalisation for claim matching.
 *
 * Claims are often recognisable by their figures, written a dozen ways: "$90bn", "$90 billion", "90 billion dollars",
 * "US$90 billion", "ninety billion dollars". All of them become the same tokens:
 *   `#90000000000` (the bare value: matches any mention of the figure) and `$90000000000` (the value in US dollars).
 * Percentages add `%10`; a count of a unit adds `#10:day` ("10 days", "ten-day", "10 day").
 * The tokeniser (./tokenize.ts) recognises the pieces; this module turns them into values and tokens.
 */

/** A lookup table without a prototype, so words like "constructor" are simply absent. */
export function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

const ONES: Record<string, number> = table({
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
});

/** Multipliers written as words or attached suffixes ("90bn", "1.5m", "50k"). */
export const SCALES: Record<string, number> = table({
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  trillions: 1e12,
  tn: 1e12,
  trn: 1e12,
});

/** Scale suffixes that are safe as separate words after a number ("90 bn"); "m"/"b"/"k" alone are too ambiguous. */
export const SCALE_WORDS = new Set([
  'hundred',
  'thousand',
  'million',
  'millions',
  'mn',
  'mln',
  'billion',
  'billions',
  'bn',
  'trillion',
  'trillions',
  'tn',
  'trn',
]);

export type Currency = 'usd' | 'gbp' | 'eur' | 'jpy' | 'cad' | 'aud' | 'inr';

export const CURRENCY_SYMBOLS: Record<string, Currency> = table({
  $: 'usd',
  us$: 'usd',
  usd: 'usd',
  '£': 'gbp',
  '€': 'eur',
  '¥': 'jpy',
  c$: 'cad',
  a$: 'aud',
  '₹': 'inr',
});

/** Currency words after a number ("90 billion dollars"). */
export const CURRENCY_WORDS: Record<string, Currency> = table({
  dollar: 'usd',
  dollars: 'usd',
  bucks: 'usd',
  usd: 'usd',
  pound: 'gbp',
  pounds: 'gbp',
  sterling: 'gbp',
  gbp: 'gbp',
  euro: 'eur',
  euros: 'eur',
  eur: 'eur',
  yen: 'jpy',
  rupees: 'inr',
});

const CURRENCY_PREFIX_CHAR: Record<Currency, string> = {
  usd: '$',
  gbp: '£',
  eur: '€',
  jpy: '¥',
  cad: 'c$',
  aud: 'a$',
  inr: '₹',
};

export const PERCENT_WORDS = new Set(['percent', 'pct', 'percentage']);

/** Units whose count is worth its own token ("10 days" ≠ "10 people"); stemmed singular form. */
export const UNITS: Record<string, string> = table({
  second: 'second',
  seconds: 'second',
  minute: 'minute',
  minutes: 'minute',
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  decade: 'decade',
  decades: 'decade',
  people: 'people',
  persons: 'people',
  person: 'people',
  times: 'time',
  jobs: 'job',
  job: 'job',
  mile: 'mile',
  miles: 'mile',
  kilometer: 'km',
  kilometers: 'km',
  kilometre: 'km',
  kilometres: 'km',
  km: 'km',
  meter: 'meter',
  meters: 'meter',
  metre: 'meter',
  metres: 'meter',
  feet: 'foot',
  foot: 'foot',
  pounds: 'pound',
  tons: 'ton',
  acres: 'acre',
  states: 'state',
  countries: 'country',
  cases: 'case',
  deaths: 'death',
  votes: 'vote',
  students: 'student',
  workers: 'worker',
  children: 'child',
  kids: 'child',
  women: 'woman',
  men: 'man',
  americans: 'american',
  immigrants: 'immigrant',
  troops: 'troop',
  soldiers: 'soldier',
});

/** The value of a number word, or undefined. */
export function numberWordValue(w: string): number | undefined {
  return ONES[w];
}

/** Parse "4,300", "1.5", ".5" (no sign, no suffix). */
export function parseDigits(s: string): number {
  return Number(s.replace(/,/g, ''));
}

/** A canonical, locale-free spelling of a value: integers in full, others to 6 significant digits. */
export function canonicalNumber(v: number): string {
  if (!Number.isFinite(v)) return 'nan';
  const r = Number(v.toPrecision(6));
  if (Number.isInteger(r) && Math.abs(r) < 1e21) return r.toFixed(0);
  return String(r);
}

export interface NumberMention {
  value: number;
  currency?: Currency;
  percent?: boolean;
  unit?: string;
}

/** The retrieval tokens for one number mention (see the module comment). */
export function numberTokens(n: NumberMention): string[] {
  const c = canonicalNumber(n.value);
  const out = [`#${c}`];
  if (n.currency) out.push(`${CURRENCY_PREFIX_CHAR[n.currency]}${c}`);
  if (n.percent) out.push(`%${c}`);
  if (n.unit) out.push(`#${c}:${n.unit}`);
  return out;
}

/** The value carried by a number token (`#90`, `$90`, `%10`, `#10:day`), or NaN. */
export function tokenValue(token: string): number {
  const m = /^(?:#|%|[$£€¥₹]|[ca]\$)([0-9.e+-]+)/.exec(token);
  return m ? Number(m[1]) : Number.NaN;
}

export function isNumberToken(token: string): boolean {
  return /^(?:#|%|[$£€¥₹]|[ca]\$)[0-9]/.test(token);
}
