/**
 * Per-collection statistics and caches the re-ranking features read (the FeatureEnv of ./features.ts): idf,
 * character-trigram vectors, term sets, claimant shares and "claims by this speaker" masks. Everything is derived
 * from the index data on first use, so a loaded index needs no extra serialised state.
 */

import { GramTable, type GramVector } from './chargrams';
import type { DocRecord } from './docs';
import type { FeatureEnv } from './features';

export class CollectionStats implements FeatureEnv {
  private gramTable: GramTable | null = null;
  private readonly gramCache = new Map<number, GramVector>();
  private readonly termSetCache = new Map<number, Set<number>>();
  private readonly masks = new Map<string, Uint8Array>();
  private claimantCounts: Map<string, number> | null = null;
  private readonly valueTokens: Uint8Array;

  constructor(
    readonly docs: DocRecord[],
    readonly terms: string[],
    readonly idf: Float32Array,
  ) {
    this.valueTokens = Uint8Array.from(terms, (t) => (/^#[0-9.e+-]+$/.test(t) ? 1 : 0));
  }

  get grams(): GramTable {
    if (!this.gramTable) {
      const g = new GramTable();
      for (let d = 0; d < this.docs.length; d++) g.add(this.docWords(d));
      g.freeze();
      this.gramTable = g;
    }
    return this.gramTable;
  }

  docGrams(d: number): GramVector {
    let v = this.gramCache.get(d);
    if (!v) {
      v = this.grams.vector(this.docWords(d));
      this.gramCache.set(d, v);
    }
    return v;
  }

  docTerms(d: number): Set<number> {
    let set = this.termSetCache.get(d);
    if (!set) {
      const doc = this.docs[d] as DocRecord;
      set = new Set([...doc.fields.text, ...doc.fields.title, ...doc.fields.phrases]);
      this.termSetCache.set(d, set);
    }
    return set;
  }

  isValueToken(id: number): boolean {
    return this.valueTokens[id] === 1;
  }

  claimantPrior(d: number): number {
    if (!this.claimantCounts) {
      const counts = new Map<string, number>();
      for (const doc of this.docs) if (doc.claimant) counts.set(doc.claimant, (counts.get(doc.claimant) ?? 0) + 1);
      this.claimantCounts = counts;
    }
    const c = (this.docs[d] as DocRecord).claimant;
    // Share of the collection, not a count, so a small pack and a large archive give comparable values.
    return c ? Math.log1p((1000 * (this.claimantCounts.get(c) ?? 0)) / this.docs.length) / 10 : 0;
  }

  /** 1 for the docs whose claimant has this surname. */
  claimantMask(surname: string): Uint8Array {
    let mask = this.masks.get(surname);
    if (!mask) {
      mask = Uint8Array.from(this.docs, (d) => (d.claimantSurname === surname ? 1 : 0));
      this.masks.set(surname, mask);
    }
    return mask;
  }

  /** The stemmed terms of a claim's text and title (what the trigram vectors are built from). */
  private docWords(d: number): string[] {
    const doc = this.docs[d] as DocRecord;
    const out: string[] = [];
    for (const id of doc.fields.text) out.push(this.terms[id] as string);
    for (const id of doc.fields.title) out.push(this.terms[id] as string);
    return out;
  }
}
