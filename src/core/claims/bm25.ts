/**
 * BM25F over an inverted index in compressed-row form (one offsets array, one doc-id array, one weight array).
 *
 * Each claim has several fields (text, title, claimant, phrases). At build time the per-field term frequencies are
 * length-normalised and summed with field weights into one pseudo-frequency per (term, doc) — BM25F as in
 * Robertson, Zaragoza & Taylor (2004), "Simple BM25 extension to multiple weighted fields" — so a search only adds
 * idf · tf~(k1+1)/(tf~+k1) per posting. The arrays serialise to plain JSON and load without re-tokenising.
 *
 * Document frequencies can be topped up with background statistics (./background.json, from ~33k published
 * fact-checks): a pack of a few dozen claims then still knows that "the" is common and "Bloomberg" is rare, so
 * scores — and the learned weights on top of them — mean the same as on the large collections they were trained on.
 */

/** Document frequencies of a large reference collection of claims, by term. */
export interface BackgroundStats {
  n: number;
  df: Record<string, number>;
}

export const FIELDS = ['text', 'title', 'claimant', 'phrases'] as const;
export type Field = (typeof FIELDS)[number];

export interface Bm25Params {
  k1: number;
  /** Length normalisation per field (0 = none, 1 = full). */
  b: Record<Field, number>;
  /** Weight of a term occurrence per field. 0 leaves the field out of the index. */
  w: Record<Field, number>;
}

export const DEFAULT_BM25: Bm25Params = {
  k1: 1.2,
  b: { text: 0.75, title: 0.75, claimant: 0.3, phrases: 0.3 },
  w: { text: 1, title: 0.6, claimant: 0.4, phrases: 0.8 },
};

/** Plain BM25 over the claim text only: the baseline the evaluation compares against. */
export const PLAIN_BM25: Bm25Params = {
  k1: 1.2,
  b: { text: 0.75, title: 0, claimant: 0, phrases: 0 },
  w: { text: 1, title: 0, claimant: 0, phrases: 0 },
};

export interface Candidate {
  doc: number;
  score: number;
}

export interface Bm25Json {
  params: Bm25Params;
  offsets: number[];
  /** Doc ids, delta-encoded within each term's posting list. */
  docs: number[];
  /** Pseudo-frequencies ×100, rounded. */
  tf: number[];
  n: number;
  /** idf ×1000 per term, when background statistics were used (otherwise computed from the postings). */
  idf?: number[];
}

export class Bm25Index {
  readonly terms: string[];
  readonly idf: Float32Array;
  /** True when idf came from background-augmented document frequencies (then serialised with the index). */
  readonly usesBackground: boolean;
  private readonly scores: Float32Array;
  private readonly touched: Int32Array;

  private constructor(
    readonly params: Bm25Params,
    terms: string[],
    readonly offsets: Int32Array,
    readonly docs: Int32Array,
    readonly tf: Float32Array,
    readonly n: number,
    idf?: Float32Array,
  ) {
    this.terms = terms;
    this.usesBackground = idf !== undefined;
    this.idf = idf ?? new Float32Array(terms.length);
    if (!idf) {
      for (let t = 0; t < terms.length; t++) this.idf[t] = bm25Idf(n, this.df(t));
    }
    this.scores = new Float32Array(n);
    this.touched = new Int32Array(n);
  }

  /**
   * Build from per-doc, per-field term ids (ids < vocabSize). Fields with weight 0 are not indexed; their terms keep
   * an empty posting list (and the highest idf), which the re-ranking features still use.
   */
  static build(
    fields: Array<Record<Field, ArrayLike<number>>>,
    terms: string[],
    params: Bm25Params,
    background?: BackgroundStats | null,
  ): Bm25Index {
    const n = fields.length;
    const avg = {} as Record<Field, number>;
    for (const f of FIELDS) avg[f] = Math.max(1, fields.reduce((s, d) => s + d[f].length, 0) / Math.max(1, n));
    const lists: Array<Array<[number, number]>> = terms.map(() => []);
    fields.forEach((doc, d) => {
      const tfs = new Map<number, number>();
      for (const f of FIELDS) {
        const w = params.w[f];
        const ids = doc[f];
        if (w === 0 || ids.length === 0) continue;
        const norm = w / (1 - params.b[f] + (params.b[f] * ids.length) / avg[f]);
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i] as number;
          tfs.set(id, (tfs.get(id) ?? 0) + norm);
        }
      }
      for (const [id, tf] of tfs) (lists[id] as Array<[number, number]>).push([d, tf]);
    });
    const offsets = new Int32Array(lists.length + 1);
    let total = 0;
    lists.forEach((l, i) => {
      offsets[i] = total;
      total += l.length;
    });
    offsets[lists.length] = total;
    const docs = new Int32Array(total);
    const tf = new Float32Array(total);
    let p = 0;
    for (const l of lists) {
      for (const [d, f] of l) {
        docs[p] = d;
        tf[p++] = Math.round(f * 100) / 100;
      }
    }
    let idf: Float32Array | undefined;
    if (background) {
      const bg = background;
      idf = Float32Array.from(terms, (t, i) => {
        const own = (offsets[i + 1] as number) - (offsets[i] as number);
        const extra = Object.hasOwn(bg.df, t) ? (bg.df[t] as number) : 0;
        return Math.round(bm25Idf(n + bg.n, own + extra) * 1000) / 1000;
      });
    }
    return new Bm25Index(params, terms, offsets, docs, tf, n, idf);
  }

  static fromJSON(j: Bm25Json, terms: string[]): Bm25Index {
    const docs = new Int32Array(j.docs.length);
    for (let t = 0; t < terms.length; t++) {
      let prev = 0;
      for (let p = j.offsets[t] as number; p < (j.offsets[t + 1] as number); p++) {
        prev += j.docs[p] as number;
        docs[p] = prev;
      }
    }
    const tf = Float32Array.from(j.tf, (x) => x / 100);
    const idf = j.idf ? Float32Array.from(j.idf, (x) => x / 1000) : undefined;
    return new Bm25Index(j.params, terms, Int32Array.from(j.offsets), docs, tf, j.n, idf);
  }

  toJSON(): Bm25Json {
    const docs: number[] = new Array(this.docs.length);
    for (let t = 0; t < this.terms.length; t++) {
      let prev = 0;
      for (let p = this.offsets[t] as number; p < (this.offsets[t + 1] as number); p++) {
        docs[p] = (this.docs[p] as number) - prev;
        prev = this.docs[p] as number;
      }
    }
    return {
      params: this.params,
      offsets: Array.from(this.offsets),
      docs,
      tf: Array.from(this.tf, (x) => Math.round(x * 100)),
      n: this.n,
      ...(this.usesBackground ? { idf: Array.from(this.idf, (x) => Math.round(x * 1000)) } : {}),
    };
  }

  df(id: number): number {
    return (this.offsets[id + 1] as number) - (this.offsets[id] as number);
  }

  /**
   * Top `k` docs for a bag of term ids (each counted once), best first. With `extra`, also the top `extra.k` among
   * the docs allowed by `extra.mask` that did not make the overall top `k` (e.g. claims by the sentence's speaker);
   * they rank below the others, so the list stays in score order.
   */
  search(termIds: Iterable<number>, k: number, extra?: { mask: Uint8Array; k: number }): Candidate[] {
    const { scores, touched } = this;
    const k1 = this.params.k1;
    let nTouched = 0;
    for (const t of new Set(termIds)) {
      const idf = this.idf[t] as number;
      for (let p = this.offsets[t] as number; p < (this.offsets[t + 1] as number); p++) {
        const d = this.docs[p] as number;
        const f = this.tf[p] as number;
        if (scores[d] === 0) touched[nTouched++] = d;
        scores[d] = (scores[d] as number) + (idf * f * (k1 + 1)) / (f + k1);
      }
    }
    const out = topK(scores, touched, nTouched, k);
    if (extra) {
      const taken = new Set(out.map((c) => c.doc));
      const mask = extra.mask;
      const more = topK(scores, touched, nTouched, extra.k + out.length, (d) => mask[d] === 1 && !taken.has(d));
      out.push(...more.slice(0, extra.k));
    }
    for (let i = 0; i < nTouched; i++) scores[touched[i] as number] = 0;
    return out;
  }
}

/** Robertson–Spärck Jones idf as Lucene uses it (never negative). */
export function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Partial selection of the k best scores among the touched docs (ties: lower doc id first). */
function topK(
  scores: Float32Array,
  touched: Int32Array,
  n: number,
  k: number,
  allow?: (doc: number) => boolean,
): Candidate[] {
  const heap: Candidate[] = [];
  const worse = (a: Candidate, b: Candidate) => a.score < b.score || (a.score === b.score && a.doc > b.doc);
  for (let i = 0; i < n; i++) {
    const d = touched[i] as number;
    if (allow && !allow(d)) continue;
    const score = scores[d] as number;
    if (heap.length < k) {
      heap.push({ doc: d, score });
      siftUp(heap, heap.length - 1, worse);
      continue;
    }
    // Most docs lose to the heap's worst at once: decide that before allocating a candidate.
    const least = heap[0] as Candidate;
    if (least.score > score || (least.score === score && least.doc < d)) continue;
    heap[0] = { doc: d, score };
    siftDown(heap, 0, worse);
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

type Worse = (a: Candidate, b: Candidate) => boolean;

function siftUp(h: Candidate[], i: number, worse: Worse): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!worse(h[i] as Candidate, h[p] as Candidate)) break;
    [h[i], h[p]] = [h[p] as Candidate, h[i] as Candidate];
    i = p;
  }
}

function siftDown(h: Candidate[], i: number, worse: Worse): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && worse(h[l] as Candidate, h[m] as Candidate)) m = l;
    if (r < h.length && worse(h[r] as Candidate, h[m] as Candidate)) m = r;
    if (m === i) break;
    [h[i], h[m]] = [h[m] as Candidate, h[i] as Candidate];
    i = m;
  }
}
