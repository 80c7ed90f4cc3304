/**
 * IDF-weighted cosine over character trigrams of the stemmed terms: a fuzzy similarity that survives spelling
 * variants, compounds and stems the stemmer does not merge ("economy"/"economic", "medicareforall"/"medicare").
 * Document frequencies come from the claim collection.
 */

import type { DocRecord } from './docs';
import { IdMarks } from './marks';
import { isNumberToken } from './numbers';

export interface GramVector {
  ids: Int32Array;
  w: Float32Array;
}

/** Trigrams of each term padded with spaces ("tax" → " ta", "tax", "ax "); number tokens are left out. */
export function trigrams(terms: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of terms) {
    if (isNumberToken(t)) continue;
    const s = ` ${t} `;
    for (let i = 0; i + 3 <= s.length; i++) {
      const g = s.slice(i, i + 3);
      out.set(g, (out.get(g) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * Trigram statistics of a claim collection: the trigram ids of every vocabulary term, document frequencies, and
 * each claim's vector norm, so a claim's vector is never materialised. Built in one pass over the claims when the
 * first sentence is searched.
 */
export class GramTable {
  private readonly ids = new Map<string, number>();
  private readonly idf: Float32Array;
  private readonly n: number;
  /** Trigram ids of vocabulary term t (repeats kept, in order): termGrams[termStart[t] … termStart[t + 1]). */
  private readonly termStart: Int32Array;
  private readonly termGrams: Int32Array;
  /** 1 / |tf·idf vector| of each claim (0 for a claim without trigrams). */
  private readonly invNorm: Float64Array;
  /** Scratch: the trigrams of one claim and their counts. */
  private readonly inDoc: IdMarks;
  private readonly tf: Float64Array;

  /** A claim's vector is made of its text terms, then its title terms (ids into `terms`). */
  constructor(
    terms: readonly string[],
    private readonly docs: readonly DocRecord[],
  ) {
    const n = docs.length;
    this.n = n;
    // Trigram ids in order of first appearance, claim by claim: the order vectors are summed in (see `cosine`).
    const lists: Array<number[] | undefined> = new Array(terms.length);
    const df: number[] = [];
    const grams = (t: number): number[] => {
      let list = lists[t];
      if (!list) {
        list = [];
        for (const [g, tf] of trigrams([terms[t] as string])) {
          let id = this.ids.get(g);
          if (id === undefined) {
            id = this.ids.size;
            this.ids.set(g, id);
            df.push(0);
          }
          for (let k = 0; k < tf; k++) list.push(id);
        }
        lists[t] = list;
      }
      return list;
    };
    for (const doc of docs) {
      for (const field of [doc.fields.text, doc.fields.title]) for (const t of field) grams(t);
    }
    const seen = new IdMarks(df.length);
    for (const doc of docs) {
      seen.clear();
      for (const field of [doc.fields.text, doc.fields.title]) {
        for (const t of field) for (const g of grams(t)) if (seen.addNew(g)) df[g] = (df[g] as number) + 1;
      }
    }
    this.idf = Float32Array.from(df, (x) => Math.log((n + 1) / (x + 0.5)));
    this.termStart = new Int32Array(terms.length + 1);
    let total = 0;
    for (let t = 0; t < terms.length; t++) {
      this.termStart[t] = total;
      total += lists[t]?.length ?? 0;
    }
    this.termStart[terms.length] = total;
    this.termGrams = new Int32Array(total);
    lists.forEach((l, t) => {
      if (l) this.termGrams.set(l, this.termStart[t] as number);
    });
    this.inDoc = new IdMarks(df.length);
    this.tf = new Float64Array(df.length);
    this.invNorm = new Float64Array(n);
    for (let d = 0; d < n; d++) this.invNorm[d] = this.norm(d);
  }

  /** Unit-length tf·idf vector (sqrt-damped tf) of a sentence's terms; unseen trigrams get the rarest weight. */
  vector(terms: readonly string[]): GramVector {
    const grams = trigrams(terms);
    const ids: number[] = [];
    const w: number[] = [];
    let norm = 0;
    const unseen = Math.log((this.n + 1) / 0.5);
    for (const [g, tf] of grams) {
      const id = this.ids.get(g);
      const x = Math.sqrt(tf) * (id === undefined ? unseen : (this.idf[id] as number));
      norm += x * x;
      if (id === undefined) continue;
      ids.push(id);
      w.push(x);
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const order = ids.map((_, i) => i).sort((a, b) => (ids[a] as number) - (ids[b] as number));
    return {
      ids: Int32Array.from(order, (i) => ids[i] as number),
      w: Float32Array.from(order, (i) => (w[i] as number) * inv),
    };
  }

  /**
   * Cosine of a sentence's vector and claim d's: Σ over shared trigrams, in trigram-id order, of the sentence's
   * weight times the claim's (rounded to float32, as a stored vector would be).
   */
  cosine(q: GramVector, d: number): number {
    this.count(d);
    const inv = this.invNorm[d] as number;
    let s = 0;
    for (let i = 0; i < q.ids.length; i++) {
      const g = q.ids[i] as number;
      if (!this.inDoc.has(g)) continue;
      s += (q.w[i] as number) * Math.fround(Math.sqrt(this.tf[g] as number) * (this.idf[g] as number) * inv);
    }
    return s;
  }

  /** Counts claim d's trigrams into the scratch (`inDoc`, `tf`); returns them in order of first appearance. */
  private count(d: number, order?: number[]): void {
    const { text, title } = (this.docs[d] as DocRecord).fields;
    this.inDoc.clear();
    this.countTerms(text, order);
    this.countTerms(title, order);
  }

  private countTerms(ids: Int32Array, order?: number[]): void {
    const { termStart, termGrams, inDoc, tf } = this;
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i] as number;
      for (let p = termStart[t] as number; p < (termStart[t + 1] as number); p++) {
        const g = termGrams[p] as number;
        if (inDoc.addNew(g)) {
          tf[g] = 1;
          order?.push(g);
        } else tf[g] = (tf[g] as number) + 1;
      }
    }
  }

  private norm(d: number): number {
    const order: number[] = [];
    this.count(d, order);
    let norm = 0;
    for (const g of order) {
      const x = Math.sqrt(this.tf[g] as number) * (this.idf[g] as number);
      norm += x * x;
    }
    return norm > 0 ? 1 / Math.sqrt(norm) : 0;
  }
}
