/**
 * The claim-matching contract between the engine (src/core/claims) and its callers
 * (src/core/annotate.ts, the CLI, eval and bench). Pure data, no DOM.
 */

/** A claim as the retrieval index sees it. */
export interface ClaimDoc {
  id: string;
  text: string;
  title?: string;
  claimant?: string;
  /** When the claim was made (ISO or "26 May 2015"). */
  date?: string;
  /** When it was fact-checked (the review's publication date), if known. */
  reviewDate?: string;
  /** Key phrases and numbers that make a match likely (from the pack's `hints`). */
  phrases?: string[];
  numbers?: string[];
  /** Entity ids the claim is about (entity-aware features). */
  entities?: string[];
}

/** Why a sentence matched a claim: shown to the reader under "why this matched". */
export interface ClaimExplanation {
  terms: string[];
  entities: string[];
  numbers: string[];
  bm25: number;
}

export interface ClaimHit {
  id: string;
  /** Calibrated to [0,1]. */
  score: number;
  explanation: ClaimExplanation;
}

export interface SearchOptions {
  /** How many candidates to return (default 5). */
  top?: number;
  /** Entity ids found in or near the sentence. */
  entities?: string[];
  /**
   * When the sentence was written or said (ISO "2019-11-21", or "21 Nov 2019"): the page's publication date.
   * Claims stated after it are demoted, recent ones preferred. Omit when unknown.
   */
  date?: string;
  /** Who says the sentence (a quote's speaker, a transcript's speaker), compared with each claim's claimant. */
  speaker?: string;
  /** false = plain BM25 order and a BM25-only score (no learned re-ranking). Default true. */
  rerank?: boolean;
}

/** A sentence span in a text: [start, end) in UTF-16 code units of the input. */
export interface SentenceSpan {
  start: number;
  end: number;
}
