/**
 * Per-collection statistics and scratch space the re-ranking features read (the FeatureEnv of ./features.ts):
 * idf, the trigram table, claimant shares, "claims by this speaker" masks, and reusable id sets. Everything is
 * derived from the index data on first use, so a loaded index needs no extra serialised state, and nothing grows
 * with the sentences searched (bar one mask per speaker).
 */

import { GramTable, type GramVector } from './chargrams';
import type { DocRecord } from './docs';
import type { FeatureEnv } from './features';
import { IdMarks } from './marks';

export class CollectionStats implements FeatureEnv {
  private gramTable: GramTable | null = null;
  private readonly masks = new Map<string, Uint8Array>();
  private priors: Float64Array | null = null;
  private readonly valueTokens: Uint8Array;
  readonly queryTerms: IdMarks;
  readonly seen: IdMarks;
  private readonly inDoc: IdMarks;

  constructor(
    readonly docs: DocRecord[],
    readonly terms: string[],
    readonly idf: Float32Array,
  ) {
    this.valueTokens = Uint8Array.from(terms, (t) => (/^#[0-9.e+-]+$/.test(t) ? 1 : 0));
    this.queryTerms = new IdMarks(terms.length);
    this.seen = new IdMarks(terms.length);
    this.inDoc = new IdMarks(terms.length);
  }

  /** Build the tables features read (trigram table, claimant shares) ahead of the first sentence. */
  prepare(): void {
    this.priorTable();
    void this.grams;
  }

  get grams(): GramTable {
    this.gramTable ??= new GramTable(this.terms, this.docs);
    return this.gramTable;
  }

  gramCosine(q: GramVector, d: number): number {
    return this.grams.cosine(q, d);
  }

  docTerms(d: number): IdMarks {
    const { text, title, phrases } = (this.docs[d] as DocRecord).fields;
    const marks = this.inDoc;
    marks.clear();
    for (let i = 0; i < text.length; i++) marks.add(text[i] as number);
    for (let i = 0; i < title.length; i++) marks.add(title[i] as number);
    for (let i = 0; i < phrases.length; i++) marks.add(phrases[i] as number);
    return marks;
  }

  isValueToken(id: number): boolean {
    return this.valueTokens[id] === 1;
  }

  claimantPrior(d: number): number {
    return this.priorTable()[d] as number;
  }

  private priorTable(): Float64Array {
    if (!this.priors) {
      const counts = new Map<string, number>();
      for (const doc of this.docs) if (doc.claimant) counts.set(doc.claimant, (counts.get(doc.claimant) ?? 0) + 1);
      // Share of the collection, not a count, so a small pack and a large archive give comparable values.
      this.priors = Float64Array.from(this.docs, (doc) =>
        doc.claimant ? Math.log1p((1000 * (counts.get(doc.claimant) ?? 0)) / this.docs.length) / 10 : 0,
      );
    }
    return this.priors;
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
}
