/**
 * The knowledge pack schema: what Footnote knows, as plain data.
 *
 * A pack is compiled from one or more *pack files* (src/data/pack/*.json by default). Each file is a
 * `PackFile`: its own sources, entities and claims. Ids are unique across all files of a pack; records
 * point at each other by id (entity → related entities, claim → entities / related claims, anything →
 * sources). Validation (./validate.ts) names the file, record id and field of every problem.
 *
 * Claims follow schema.org ClaimReview: `text` is `claimReviewed`, `claimant` is `itemReviewed.author`,
 * `reviews[]` are the ClaimReviews with the publisher's own rating wording, and `verdict` is our
 * normalised reading on one fixed scale (VERDICTS).
 */

/** ISO date: "2025", "2025-08" or "2025-08-18". */
export type DateStr = string;
/** Entity id: lowercase ascii slug, e.g. "emmanuel-macron", "nato", "budapest-memorandum". */
export type EntityId = string;
/** Claim id: "claim-" + slug, e.g. "claim-ukraine-90bn-us-weapons". */
export type ClaimId = string;
/** Source id: "src-" + slug, e.g. "src-nato-article-5". */
export type SourceId = string;

export const ENTITY_TYPES = ['person', 'organisation', 'place', 'agreement', 'event', 'concept'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The one normalised verdict scale. Publishers' own wordings live in ClaimReviewRecord.rating. */
export const VERDICTS = [
  'accurate',
  'mostly-accurate',
  'needs-context',
  'misleading',
  'unsupported',
  'false',
  'disputed',
  'pending',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Source {
  id: SourceId;
  /** https only. */
  url: string;
  publisher: string;
  title: string;
  /** Publication date of the page (or the date it states), ISO. */
  date: DateStr;
}

export interface Alias {
  text: string;
  /** BCP-47 language tag of the spelling ("en", "de", "uk", "ru", "fr"…); omitted = any language. */
  lang?: string;
  /**
   * True when this spelling alone may name something else (a surname, "Alaska", "Budapest", "Giles"):
   * the engine counts it only after an unambiguous mention of the same entity on the page, or with strong context.
   */
  ambiguous?: boolean;
  /**
   * Match case exactly (after Unicode normalisation). Use for spellings that collide with ordinary words
   * in another case: "Trump" (not "trump card"), "NATO"/"Nato" but not "nato". Default: case-insensitive,
   * except that an all-lowercase alias of one word matches lowercase text only when the entity has no
   * `caseSensitive` flag — see core/names for the exact rule.
   */
  caseSensitive?: boolean;
}

export interface Role {
  /** In our words: "President of France", "Secretary General of NATO". */
  title: string;
  /** The organisation or place the role belongs to, if it is in the pack. */
  of?: EntityId;
  start: DateStr;
  /** Omitted or null = still held as of the entity's `asOf` date. */
  end?: DateStr | null;
  sources: SourceId[];
}

export interface Fact {
  /** One sentence in our own words. */
  text: string;
  /** When the fact happened or was true. */
  date: DateStr;
  sources: SourceId[];
}

export interface SameAs {
  /** Wikidata QID, "Q142". */
  wikidata?: string;
  /** https://en.wikipedia.org/wiki/... */
  wikipedia?: string;
}

export interface Entity {
  id: EntityId;
  type: EntityType;
  /** Canonical name in English. Always matched (it is alias zero). */
  name: string;
  aliases?: Alias[];
  /** One or two sentences, in our own words. */
  description: string;
  /** The date the description and roles were last checked. */
  asOf: DateStr;
  roles?: Role[];
  facts?: Fact[];
  sameAs?: SameAs;
  related?: EntityId[];
  /** Sources for the description. At least one. */
  sources: SourceId[];
}

export interface ClaimReviewRecord {
  publisher: string;
  /** https URL of the fact-check. */
  url: string;
  date: DateStr;
  /** The publisher's own rating wording: "Mostly False", "Pants on Fire!", "Missing context". */
  rating: string;
  /** That rating on our scale. */
  verdict: Verdict;
  title?: string;
}

export interface Appearance {
  url?: string;
  publisher?: string;
  date?: DateStr;
  /** Where it was said, in words: "Fox News interview", "press conference at the White House". */
  where?: string;
}

export interface Claimant {
  /** Entity id when the claimant is in the pack. */
  id?: EntityId;
  name: string;
}

export interface MatchHints {
  /** Phrases whose presence in a sentence makes it likely to repeat this claim. */
  phrases?: string[];
  /** Numbers as written in the claim ("$90bn", "10 days"). */
  numbers?: string[];
}

export interface Claim {
  id: ClaimId;
  /** The claim as worded (schema.org claimReviewed). */
  text: string;
  claimant?: Claimant;
  /** When the claim was made. */
  date?: DateStr;
  appearances?: Appearance[];
  /** Published fact-checks of this claim; may be empty when none exists. */
  reviews: ClaimReviewRecord[];
  /** Our normalised verdict; "needs-context" where no review exists and context matters. */
  verdict: Verdict;
  /** What a reader should know, in our own words (may include what happened afterwards). */
  context: string;
  sources: SourceId[];
  entities?: EntityId[];
  related?: ClaimId[];
  hints?: MatchHints;
  /** Free-text title of the originating fact-check, when imported. */
  title?: string;
}

/** One file of a pack, as written by hand or produced by an importer. */
export interface PackFile {
  sources?: Source[];
  entities?: Entity[];
  claims?: Claim[];
}

export interface PackMeta {
  name: string;
  version: string;
  /** ISO date-time of the build. */
  built: string;
  /** sha-256 (hex) of the canonical JSON of sources+entities+claims. */
  hash?: string;
}

/** A compiled pack: all files merged, validated, canonically ordered. */
export interface Pack {
  meta: PackMeta;
  sources: Source[];
  entities: Entity[];
  claims: Claim[];
}
