/**
 * The engine: a compiled pack plus its indexes, answering "what on this page is in the pack?".
 *
 * Pure TypeScript: the background service worker, the CLI, tests and benchmarks all use this same class.
 * Input is the text of a page's blocks; output is annotations with offsets into those blocks.
 */
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
}

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

  /** Pay index-building costs now rather than on the first page. */
  warm(): this {
    this.names.warm();
    return this;
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
    const skipEntities = opts.skip?.has('entity') ?? false;
    const names = skipEntities ? blocks.map(() => []) : this.names.matchPage(blocks, opts);
    return names.map((list) => list.map((m) => this.entityAnnotation(m)));
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
  const specs: AliasSpec[] = aliases.map((a) => ({ entity: e.id, type: e.type, ...a }));
  if (!aliases.some((a) => a.text === e.name)) specs.unshift({ entity: e.id, type: e.type, text: e.name });
  return specs;
}
