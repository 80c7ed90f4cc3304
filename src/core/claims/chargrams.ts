/**
 * IDF-weighted cosine over character trigrams of the stemmed terms: a fuzzy similarity that survives spelling
 * variants, compounds and stems the stemmer does not merge ("economy"/"economic", "medicareforall"/"medicare").
 * Document frequencies come from the claim collection; vectors are built on demand and cached per claim.
 */

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

export class GramTable {
  private readonly ids = new Map<string, number>();
  private df: number[] = [];
  private idf: Float32Array = new Float32Array(0);
  private n = 0;

  /** Count document frequencies over all claims (one call per claim), then `freeze()`. */
  add(terms: readonly string[]): void {
    this.n++;
    for (const g of trigrams(terms).keys()) {
      let id = this.ids.get(g);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(g, id);
        this.df.push(0);
      }
      this.df[id] = (this.df[id] as number) + 1;
    }
  }

  freeze(): void {
    this.idf = Float32Array.from(this.df, (df) => Math.log((this.n + 1) / (df + 0.5)));
  }

  /** Unit-length tf·idf vector (sqrt-damped tf); unseen trigrams get the rarest weight. */
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
}

/** Cosine of two unit vectors with sorted ids. */
export function cosine(a: GramVector, b: GramVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) s += (a.w[i++] as number) * (b.w[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return s;
}
