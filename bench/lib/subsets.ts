/**
 * Alias-count subsets of a pack (10k, 30k, 100k aliases…): whole entities in a fixed pseudo-random order, so every
 * subset is a fair mix of people, places and organisations, and the same from run to run.
 */
import { aliasSpecs } from '../../src/core/engine.ts';
import type { Entity, Pack } from '../../src/core/pack/schema.ts';

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Subset {
  pack: Pack;
  /** Alias texts as the engine indexes them (canonical names included). */
  aliases: string[];
}

/** The first entities (in hash order) whose alias specs reach `n`; the whole pack, as it is, when n is Infinity. */
export function aliasSubset(pack: Pack, n: number): Subset {
  if (n === Number.POSITIVE_INFINITY) {
    return { pack, aliases: pack.entities.flatMap((e) => aliasSpecs(e).map((s) => s.text)) };
  }
  const order = [...pack.entities].sort((a, b) => fnv1a(a.id) - fnv1a(b.id));
  const entities: Entity[] = [];
  const aliases: string[] = [];
  for (const e of order) {
    if (aliases.length >= n) break;
    entities.push(e);
    for (const s of aliasSpecs(e)) aliases.push(s.text);
  }
  const keep = new Set(entities.map((e) => e.id));
  // Related ids must point inside the subset (the engine indexes them as given).
  const trimmed = entities.map((e) => (e.related ? { ...e, related: e.related.filter((r) => keep.has(r)) } : e));
  return { pack: { ...pack, entities: trimmed, claims: [] }, aliases };
}
