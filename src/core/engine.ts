/**
 * The engine: a compiled pack plus its indexes, answering "what on this page is in the pack?".
 *
 * Pure TypeScript: the background service worker, the CLI, tests and benchmarks all use this same class.
 * Input is the text of a page's blocks; output is annotations with offsets into those blocks.
 */
import {
  analyze,
  buildClaimIndex,
  type ClaimIndex,
  claimDocOf,
  isCheckworthyMatch,
  segmentSentences,
} from './claims/index.ts';
import { type AliasSpec, type MatchOptions, type NameMatch, NameMatcher } from './names/matcher.ts';
import type { Claim, Entity, Pack, Source } from './pack/schema.ts';

export type AnnotationKind = 'entity' | 'claim';

export interface Annotation {
  kind: AnnotationKind;
  id: string;
  /** Canonical name, or the claim as reviewed. */
  label: string;
  /** The matched text as it stands on the page. */
  text: string;
  /** [start, end) in the block (or page) text. */
  start: number;
  end: number;
  score: number;
  /** How it matched, for "why this matched". */
  via: string;
  /** Normalised verdict (claims only). */
  verdict?: string;
  /** Evidence behind a claim match: matched terms, entities and numbers. */
  explanation?: { terms: string[]; entities: string[]; numbers: string[] };
}

export interface AnnotateOptions extends MatchOptions {
  /** Categories to leave out. */
  skip?: ReadonlySet<AnnotationKind>;
  /** When the page was published (ISO), so claims made around that time rank higher. */
  date?: string;
}

/** Annotations in text order; at the same start, the longer first. */
const byPosition = (x: Annotation, y: Annotation): number => x.start - y.start || y.end - x.end;

/** Sentences shorter than this (in characters) are never checked against claims: headings, captions, bylines. */
const MIN_CLAIM_SENTENCE = 40;
/** Longest sentence we check; longer "sentences" are lists or run-on text where a match means little. */
const MAX_CLAIM_SENTENCE = 600;
/** Score given to a match made by the pack's own hints (above the calibrated threshold, below strong matches). */
const HINT_SCORE = 0.5;

/** Everything a card needs about one record, resolved across the pack. */
export interface EntityCard {
  entity: Entity;
  sources: Record<string, Source>;
  claims: Array<Pick<Claim, 'id' | 'text' | 'verdict'>>;
  related: Array<Pick<Entity, 'id' | 'name' | 'type'>>;
}

export interface ClaimCard {
  claim: Claim;
  sources: Record<string, Source>;
  /** Entities the claim is about. */
  related: Array<Pick<Entity, 'id' | 'name' | 'type'>>;
  /** Related claims. */
  claims: Array<Pick<Claim, 'id' | 'text' | 'verdict'>>;
}

export class Engine {
  readonly pack: Pack;
  private readonly names: NameMatcher;
  private readonly entities = new Map<string, Entity>();
  private readonly claims = new Map<string, Claim>();
  private readonly sources = new Map<string, Source>();
  private readonly related = new Map<string, string[]>();
  private readonly claimsByEntity = new Map<string, string[]>();
  private claimIndex: ClaimIndex | null = null;
  /** Per claim: the analysed terms of each hint phrase and number (see `hintMatch`). */
  private hintTerms = new Map<string, string[][]>();

  constructor(pack: Pack) {
    this.pack = pack;
    for (const s of pack.sources) this.sources.set(s.id, s);
    for (const c of pack.claims) {
      this.claims.set(c.id, c);
      const about = new Set([...(c.entities ?? []), ...(c.claimant?.id ? [c.claimant.id] : [])]);
      for (const e of about) push(this.claimsByEntity, e, c.id);
    }
    const specs: AliasSpec[] = [];
    for (const e of pack.entities) {
      this.entities.set(e.id, e);
      for (const r of e.related ?? []) {
        push(this.related, e.id, r);
        push(this.related, r, e.id);
      }
      specs.push(...aliasSpecs(e));
    }
    this.names = new NameMatcher(specs, this.related);
  }

  get aliasCount(): number {
    return this.names.aliasCount;
  }

  /** Pay index-building costs now rather than on the first page: the name index, and the claim index unless told. */
  warm(claims = true): this {
    this.names.warm();
    if (claims) this.claims_();
    return this;
  }

  /** The claim index, built on first use from the pack's claims (text, title, claimant, hints, entities). */
  private claims_(): ClaimIndex {
    if (this.claimIndex) return this.claimIndex;
    this.claimIndex = buildClaimIndex(this.pack.claims.map(claimDocOf));
    // Once, with the index (not on every block).
    for (const c of this.pack.claims) {
      const sets = [...(c.hints?.phrases ?? []), ...(c.hints?.numbers ?? [])]
        .map((h) => analyze(h).terms)
        .filter((t) => t.length > 0);
      if (sets.length) this.hintTerms.set(c.id, sets);
    }
    return this.claimIndex;
  }

  /**
   * The pack's own match hints: a sentence that contains every term of one of the claim's key phrases (or one of
   * its numbers, as normalised figures) and names at least two of the claim's entities (its claimant counts)
   * repeats it, whatever the learned score says. The hints are written by the pack's authors for exactly this;
   * imported claims have none. Two entities, not one: "Ukraine's territorial integrity" alone is not Cruz's claim.
   */
  private hintMatch(
    claim: Claim,
    sentence: string,
    mentions: readonly NameMatch[],
    entities: readonly string[],
  ): boolean {
    const sets = this.hintTerms.get(claim.id);
    if (!sets) return false;
    const about = new Set([...(claim.entities ?? []), ...(claim.claimant?.id ? [claim.claimant.id] : [])]);
    if (entities.filter((e) => about.has(e)).length < 2) return false;
    const terms = new Set(analyze(sentence).terms);
    // A hint that is only a name ("coalition of the willing") says nothing the entities do not: it must add a word.
    const nameTerms = new Set(mentions.flatMap((m) => analyze(m.text).terms));
    return sets.some((hint) => hint.every((t) => terms.has(t)) && hint.some((t) => !nameTerms.has(t)));
  }

  entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  claim(id: string): Claim | undefined {
    return this.claims.get(id);
  }

  source(id: string): Source | undefined {
    return this.sources.get(id);
  }

  /** Annotate the blocks of one page together (ambiguity is decided per page). One list per block. */
  annotateBlocks(blocks: readonly string[], opts: AnnotateOptions = {}): Annotation[][] {
    // Names are found even when hidden: claim matching uses them as context.
    const names = this.names.matchPage(blocks, opts);
    const showNames = !(opts.skip?.has('entity') ?? false);
    const showClaims = !(opts.skip?.has('claim') ?? false) && this.pack.claims.length > 0;
    return names.map((list, b) => {
      const out = showNames ? list.map((m) => this.entityAnnotation(m)) : [];
      if (showClaims) out.push(...this.claimAnnotations(blocks[b], list, opts));
      return out.length > 1 ? out.sort(byPosition) : out;
    });
  }

  /** Sentences of a block that repeat a reviewed claim, each with its evidence. */
  private claimAnnotations(text: string, names: readonly NameMatch[], opts: AnnotateOptions): Annotation[] {
    const out: Annotation[] = [];
    const index = this.claims_();
    for (const span of segmentSentences(text)) {
      const length = span.end - span.start;
      if (length < MIN_CLAIM_SENTENCE || length > MAX_CLAIM_SENTENCE) continue;
      const sentence = text.slice(span.start, span.end);
      const inSentence = names.filter((n) => n.start >= span.start && n.end <= span.end);
      const entities = [...new Set(inSentence.map((n) => n.entity))];
      // The first person named is usually who is speaking ("Zelenskyy also announced…"): the model compares it
      // with each claim's claimant.
      const speaker = inSentence.map((n) => this.entities.get(n.entity)).find((e) => e?.type === 'person')?.name;
      const date = opts.date && /^\d{4}-\d{2}-\d{2}$/.test(opts.date) ? opts.date : undefined;
      const [hit] = index.search(sentence, { top: 1, entities, speaker, date });
      if (!hit) continue;
      const claim = this.claims.get(hit.id);
      if (!claim) continue;
      const byHint = !isCheckworthyMatch(hit) && this.hintMatch(claim, sentence, inSentence, entities);
      if (!isCheckworthyMatch(hit) && !byHint) continue;
      const x = hit.explanation;
      out.push({
        kind: 'claim',
        id: claim.id,
        label: claim.text,
        text: sentence,
        start: span.start,
        end: span.end,
        score: byHint ? Math.max(hit.score, HINT_SCORE) : hit.score,
        via: byHint ? 'hint' : 'claim',
        verdict: claim.verdict,
        explanation: { terms: x.terms, entities: x.entities, numbers: x.numbers },
      });
    }
    return out;
  }

  /** Annotate one text as a single block. */
  annotateText(text: string, opts: AnnotateOptions = {}): Annotation[] {
    return this.annotateBlocks([text], opts)[0];
  }

  private entityAnnotation(m: NameMatch): Annotation {
    const e = this.entities.get(m.entity) as Entity;
    return {
      kind: 'entity',
      id: e.id,
      label: e.name,
      text: m.text,
      start: m.start,
      end: m.end,
      score: m.score,
      via: m.via,
    };
  }

  /** A claim with its sources, the entities it is about and its related claims. */
  claimCard(id: string): ClaimCard | undefined {
    const claim = this.claims.get(id);
    if (!claim) return undefined;
    return {
      claim,
      sources: this.sourcesOf(claim.sources),
      related: (claim.entities ?? [])
        .map((e) => this.entities.get(e))
        .filter((e): e is Entity => e !== undefined)
        .map(({ id, name, type }) => ({ id, name, type })),
      claims: (claim.related ?? [])
        .map((c) => this.claims.get(c))
        .filter((c): c is Claim => c !== undefined)
        .map(({ id, text, verdict }) => ({ id, text, verdict })),
    };
  }

  private sourcesOf(ids: Iterable<string>): Record<string, Source> {
    const out: Record<string, Source> = {};
    for (const s of ids) {
      const src = this.sources.get(s);
      if (src) out[s] = src;
    }
    return out;
  }

  entityCard(id: string): EntityCard | undefined {
    const entity = this.entities.get(id);
    if (!entity) return undefined;
    const ids = new Set<string>(entity.sources);
    for (const r of entity.roles ?? []) for (const s of r.sources) ids.add(s);
    for (const f of entity.facts ?? []) for (const s of f.sources) ids.add(s);
    const sources = this.sourcesOf(ids);
    const claims = (this.claimsByEntity.get(id) ?? [])
      .map((c) => this.claims.get(c))
      .filter((c): c is Claim => c !== undefined)
      .map(({ id, text, verdict }) => ({ id, text, verdict }));
    const related = (this.related.get(id) ?? [])
      .map((r) => this.entities.get(r))
      .filter((e): e is Entity => e !== undefined)
      .map(({ id, name, type }) => ({ id, name, type }));
    return { entity, sources, claims, related };
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** The canonical name is alias zero; an alias entry with the same text carries its flags. */
export function aliasSpecs(e: Entity): AliasSpec[] {
  const aliases = e.aliases ?? [];
  // One shared list per entity (not a copy per alias): the titles of its roles, for "President Trump".
  const titles = e.roles?.length ? e.roles.map((r) => r.title) : undefined;
  const base = { entity: e.id, type: e.type, ...(titles ? { titles } : {}) };
  const specs: AliasSpec[] = aliases.map((a) => ({ ...base, ...a }));
  if (!aliases.some((a) => a.text === e.name)) specs.unshift({ ...base, text: e.name });
  return specs;
}
