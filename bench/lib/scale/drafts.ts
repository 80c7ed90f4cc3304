/**
 * Entity drafts for the scale pack: merged by Wikidata id, aliases deduplicated under the engine's own key, and
 * spellings shared between entities resolved the way a pack author would (see `resolveCollisions`).
 */
import type { Alias, Entity, EntityType, Role, SameAs } from '../../../src/core/pack/schema.ts';
import { LIMITS } from '../../../src/core/pack/validate.ts';
import { aliasKey, cleanText, entityId } from './util.ts';
import type { CommonWords } from './words.ts';

export interface Draft {
  id: string;
  type: EntityType;
  name: string;
  description: string;
  asOf: string;
  /** How well known: decides who keeps a shared spelling (countries 1e9, heads of state 1e7, cities: population). */
  prominence: number;
  /** First spelling per key; the canonical name comes first. */
  aliases: Map<string, Alias>;
  nameKey: string;
  roles: Role[];
  sameAs?: SameAs;
  related: Set<string>;
  sources: Set<string>;
}

export interface NewDraft {
  type: EntityType;
  name: string;
  /** Id suffix: QID, bioguide or GeoNames id. */
  key: string;
  qid?: string;
  description: string;
  asOf: string;
  prominence: number;
  source: string;
}

// Shorter keys ("a", "x") are never names worth indexing.
const MIN_KEY = 2;
// An initialism ("US", "U.S.", "NHS", "TECH") must match letter for letter: never "us", "Us" or "Tech".
const INITIALISM = /^[A-Z][A-Z.&]{1,5}$/;
// An ambiguous owner of a shared spelling (a surname, a small town) weighs at most this much against a clear one:
// a city of 100k+ keeps its one-word name against a surname ("Cleveland", not Grover Cleveland).
const AMBIGUOUS_WEIGHT = 1e4;

export class Drafts {
  readonly byId = new Map<string, Draft>();
  readonly byQid = new Map<string, Draft>();
  /** How many people have each word as a given name or surname (filled by the people builder). */
  readonly personWords = new Map<string, number>();
  constructor(private readonly words: CommonWords) {}

  /** The draft for this QID if one exists (merge), else a new one. Null when the name is unusable. */
  upsert(d: NewDraft): Draft | null {
    const existing = d.qid ? this.byQid.get(d.qid) : undefined;
    if (existing) {
      existing.prominence = Math.max(existing.prominence, d.prominence);
      existing.sources.add(d.source);
      return existing;
    }
    const name = cleanText(d.name);
    if (!name || aliasKey(name).length < MIN_KEY) return null;
    let id = entityId(name, d.key);
    for (let n = 2; this.byId.has(id); n++) id = `${entityId(name, d.key)}-${n}`;
    const draft: Draft = {
      id,
      type: d.type,
      name,
      description: cleanText(d.description, LIMITS.longText) ?? name,
      asOf: d.asOf,
      prominence: d.prominence,
      aliases: new Map(),
      nameKey: aliasKey(name),
      roles: [],
      related: new Set(),
      sources: new Set([d.source]),
    };
    if (d.qid) draft.sameAs = { wikidata: d.qid };
    this.addAlias(draft, name);
    this.byId.set(id, draft);
    if (d.qid) this.byQid.set(d.qid, draft);
    return draft;
  }

  /**
   * Add a spelling unless the entity already has one with the same key. An ordinary word ("Man", "Archive", "I'm")
   * is dropped as an extra spelling; one already flagged ambiguous (a surname: "Trump", "Bush") is dropped only when
   * very frequent ("He", "Work"); an entity's own name that is an ordinary word ("World", a brand called "George")
   * stays, as ambiguous, except a country's ("China", "Turkey").
   * Returns the stored alias, if any.
   */
  addAlias(draft: Draft, text: string | undefined, flags: Omit<Alias, 'text'> = {}): Alias | undefined {
    // A qualifier in brackets ("7-Eleven (Norge)") is never part of the name as written in running text.
    const t = cleanText(text?.replace(/\s*\([^)]*\)/g, ''));
    if (!t) return undefined;
    const key = aliasKey(t);
    if (key.length < MIN_KEY || /^[\d ]+$/.test(key)) return undefined;
    const have = draft.aliases.get(key);
    if (have) return have;
    if (draft.aliases.size >= LIMITS.aliases) return undefined;
    const own = draft.aliases.size === 0;
    const alias: Alias = { text: t, ...flags };
    let ordinary: boolean;
    if (INITIALISM.test(t)) {
      alias.caseSensitive = true;
      // "OK", "IT", "NO" are words even in capitals; a country's own initialisms ("US", "UK") are not at risk.
      ordinary = draft.prominence < 1e8 && this.words.isFrequent(t);
    } else if (own)
      ordinary =
        draft.prominence < 1e9 && (this.words.isCommon(t) || this.words.isFiller(t) || this.personal(draft, key));
    else if (!flags.ambiguous) ordinary = this.words.isCommon(t) || this.words.isFiller(t);
    else ordinary = this.words.isFrequent(t);
    // A short foreign spelling folds onto English words and initialisms: Vietnamese "Mỹ" → "My", "Úc" → "UC".
    if (!own && flags.lang && flags.lang !== 'en' && /^\p{Script=Latin}{1,3}$/u.test(t)) ordinary = true;
    if (ordinary) {
      if (!own) return undefined;
      alias.ambiguous = true;
    }
    draft.aliases.set(key, alias);
    return alias;
  }

  /** An organisation or a town called by a common given name or surname ("George", "Morgan", "Hassan"). */
  private personal(draft: Draft, key: string): boolean {
    if (key.includes(' ') || draft.type === 'person') return false;
    if (draft.type === 'place' && draft.prominence >= 5e5) return false;
    return (this.personWords.get(key) ?? 0) >= 5;
  }

  /**
   * A spelling shared by several entities. Owners holding it as ambiguous (surnames, small towns) keep that. A
   * translation (a non-English spelling) never competes with an entity whose own name it is ("Sudan" is Sudan, not
   * South Sudan in Polish), nor does a variant of a less prominent entity. Among the other clear owners the most prominent wins if it outweighs every other owner
   * ten times ("Paris" the capital, not Paris, Texas), an ambiguous owner weighing at most AMBIGUOUS_WEIGHT. Every
   * other clear owner becomes ambiguous: the spelling then counts for it only where the page anchors it.
   * Returns the number of shared keys.
   */
  resolveCollisions(): number {
    const owners = new Map<string, Draft[]>();
    for (const d of this.byId.values()) {
      for (const key of d.aliases.keys()) {
        const list = owners.get(key);
        if (list) list.push(d);
        else owners.set(key, [d]);
      }
    }
    let shared = 0;
    for (const [key, list] of owners) {
      if (list.length < 2) continue;
      shared++;
      const alias = (d: Draft) => d.aliases.get(key) as Alias;
      // Whose own name it is beats whoever has it as a variant, unless that one is more prominent ("Washington" is
      // D.C. before a town of that name; "China" is China, not Taiwan's variant).
      const named = list.filter((d) => d.nameKey === key && !alias(d).ambiguous);
      const namedTop = Math.max(0, ...named.map((d) => d.prominence));
      for (const d of list) {
        const a = alias(d);
        if (d.nameKey === key || !named.length) continue;
        if ((a.lang && a.lang !== 'en') || d.prominence <= namedTop) a.ambiguous = true;
      }
      const clear = list.filter((d) => !alias(d).ambiguous).sort((a, b) => b.prominence - a.prominence);
      if (clear.length === 0) continue;
      const top = clear[0];
      const weight = (d: Draft) => (alias(d).ambiguous ? Math.min(d.prominence, AMBIGUOUS_WEIGHT) : d.prominence);
      const rival = Math.max(...list.filter((d) => d !== top).map(weight));
      const winner = top.prominence >= 10 * rival ? top : null;
      for (const d of clear) if (d !== winner) alias(d).ambiguous = true;
    }
    return shared;
  }

  entities(): Entity[] {
    const out: Entity[] = [];
    for (const d of this.byId.values()) out.push(toEntity(d));
    return out;
  }
}

function toEntity(d: Draft): Entity {
  // The canonical name is alias zero; list it only when it carries flags.
  const aliases = [...d.aliases.values()].filter(
    (a) => a.text !== d.name || a.ambiguous || a.caseSensitive || a.lang !== undefined,
  );
  const e: Entity = { id: d.id, type: d.type, name: d.name, description: d.description, asOf: d.asOf, sources: [] };
  if (aliases.length) e.aliases = aliases;
  if (d.roles.length) e.roles = d.roles;
  if (d.sameAs) e.sameAs = d.sameAs;
  if (d.related.size) e.related = [...d.related];
  e.sources = [...d.sources];
  return e;
}
