/**
 * Claims and queries as the matcher sees them after analysis: term ids per field, entity-like terms, number tokens,
 * claimant and date. Built once per claim at index time (and serialised with the index), once per query at search.
 */

import type { ClaimDoc } from './api';
import type { Field } from './bm25';
import { parseDay } from './dates';
import { analyze } from './tokenize';

export interface DocRecord {
  id: string;
  fields: Record<Field, Int32Array>;
  /** Unique ids of entity-like terms (capitalised mid-sentence, acronyms) over text and title. */
  caps: Int32Array;
  /** Unique ids of number tokens over text and title. */
  numbers: Int32Array;
  /** Normalised claimant name. */
  claimant?: string;
  /** Its surname, for comparison with a sentence's speaker (derived, not serialised). */
  claimantSurname?: string;
  day?: number;
  /** Review (fact-check publication) date in days. */
  reviewDay?: number;
  entities?: string[];
}

/** Grows a term → id table. */
export class Vocab {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];

  constructor(terms: readonly string[] = []) {
    for (const t of terms) this.add(t);
  }

  add(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  get(term: string): number | undefined {
    return this.ids.get(term);
  }
}

export function normalizeName(name: string): string {
  let s = name.toLowerCase();
  if (/[^ -~]/.test(s)) s = s.normalize('NFD').replace(/\p{M}/gu, '');
  return s.replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Name suffixes and titles that say nothing about who someone is. */
const NAME_NOISE = new Set([
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'mr',
  'mrs',
  'ms',
  'dr',
  'senator',
  'sen',
  'president',
  'governor',
  'gov',
  'rep',
  'mayor',
  'vice',
]);

/**
 * The surname of a name ("Donald Trump Jr." → "trump"). Speakers and claimants are compared by surname because
 * transcripts say "Senator Warren", "E. Warren" or "Elizabeth Warren" for the same person.
 */
export function surname(name: string): string {
  const parts = normalizeName(name)
    .split(' ')
    .filter((p) => p && !NAME_NOISE.has(p));
  return parts[parts.length - 1] ?? '';
}

/**
 * The optional fields of a DocRecord, all present (undefined) from the start: every record then has the same
 * shape, which keeps property reads in the per-candidate feature loops monomorphic (fast) in V8.
 */
const ABSENT = {
  claimant: undefined,
  claimantSurname: undefined,
  day: undefined,
  reviewDay: undefined,
  entities: undefined,
} as const;

function unique(ids: number[]): Int32Array {
  return Int32Array.from(new Set(ids));
}

/** Analyse a claim into a DocRecord, adding its terms to the vocabulary. */
export function analyzeClaim(doc: ClaimDoc, vocab: Vocab): DocRecord {
  const text = analyze(doc.text);
  const title = analyze(doc.title ?? '');
  const claimant = analyze(doc.claimant ?? '');
  const phraseTexts = [...(doc.phrases ?? []), ...(doc.numbers ?? [])];
  const phrases = analyze(phraseTexts.join(' . '));
  const ids = (terms: string[]) => Int32Array.from(terms, (t) => vocab.add(t));
  const rec: DocRecord = {
    id: doc.id,
    fields: {
      text: ids(text.terms),
      title: ids(title.terms),
      claimant: ids(claimant.terms),
      phrases: ids(phrases.terms),
    },
    caps: unique([...text.caps, ...title.caps].map((t) => vocab.add(t))),
    numbers: unique([...text.numbers, ...title.numbers, ...phrases.numbers].map((t) => vocab.add(t))),
    ...ABSENT,
  };
  if (doc.claimant) {
    rec.claimant = normalizeName(doc.claimant);
    rec.claimantSurname = surname(doc.claimant);
  }
  const day = parseDay(doc.date);
  if (day !== undefined) rec.day = day;
  const reviewDay = parseDay(doc.reviewDate);
  if (reviewDay !== undefined) rec.reviewDay = reviewDay;
  if (doc.entities?.length) rec.entities = doc.entities;
  return rec;
}

export interface DocRecordJson {
  id: string;
  f: [number[], number[], number[], number[]];
  c: number[];
  n: number[];
  cl?: string;
  d?: number;
  rd?: number;
  e?: string[];
}

export function docToJSON(r: DocRecord): DocRecordJson {
  const j: DocRecordJson = {
    id: r.id,
    f: [
      Array.from(r.fields.text),
      Array.from(r.fields.title),
      Array.from(r.fields.claimant),
      Array.from(r.fields.phrases),
    ],
    c: Array.from(r.caps),
    n: Array.from(r.numbers),
  };
  if (r.claimant) j.cl = r.claimant;
  if (r.day !== undefined) j.d = r.day;
  if (r.reviewDay !== undefined) j.rd = r.reviewDay;
  if (r.entities) j.e = r.entities;
  return j;
}

export function docFromJSON(j: DocRecordJson): DocRecord {
  const r: DocRecord = {
    id: j.id,
    fields: {
      text: Int32Array.from(j.f[0]),
      title: Int32Array.from(j.f[1]),
      claimant: Int32Array.from(j.f[2]),
      phrases: Int32Array.from(j.f[3]),
    },
    caps: Int32Array.from(j.c),
    numbers: Int32Array.from(j.n),
    ...ABSENT,
  };
  if (j.cl) {
    r.claimant = j.cl;
    r.claimantSurname = surname(j.cl);
  }
  if (j.d !== undefined) r.day = j.d;
  if (j.rd !== undefined) r.reviewDay = j.rd;
  if (j.e) r.entities = j.e;
  return r;
}
