/**
 * Compile validated pack files into one Pack: merged, canonically ordered, with a stable serialisation.
 * The content hash itself is computed by the caller (Node's crypto at build time) over `canonicalBody`.
 */
import type { Claim, Entity, Pack, PackFile, PackMeta, Source } from './schema.ts';
import { FIELDS } from './validate.ts';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Key order of each record kind in canonical JSON: the order the validator lists the fields in (the schema's).
const ORDER: Record<string, readonly string[]> = {
  file: FIELDS.file,
  source: FIELDS.source,
  entity: FIELDS.entity,
  claim: FIELDS.claim,
};

function ordered(rec: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (rec[k] !== undefined) out[k] = rec[k];
  for (const k of Object.keys(rec)) if (!(k in out) && rec[k] !== undefined) out[k] = rec[k];
  return out;
}

/** The canonical form of one pack file: records sorted by id, keys in schema order, 2-space JSON, final newline. */
export function canonicalFile(file: PackFile): string {
  const out: Record<string, unknown> = {};
  if (file.sources) out.sources = [...file.sources].sort(byId).map((s) => ordered({ ...s }, ORDER.source));
  if (file.entities) out.entities = [...file.entities].sort(byId).map((e) => ordered({ ...e }, ORDER.entity));
  if (file.claims) out.claims = [...file.claims].sort(byId).map((c) => ordered({ ...c }, ORDER.claim));
  return `${JSON.stringify(ordered(out, ORDER.file), null, 2)}\n`;
}

export function mergeFiles(files: readonly PackFile[]): { sources: Source[]; entities: Entity[]; claims: Claim[] } {
  const sources: Source[] = [];
  const entities: Entity[] = [];
  const claims: Claim[] = [];
  // One record at a time: push(...list) overflows the stack beyond ~150k records (a large import).
  for (const f of files) {
    for (const s of f.sources ?? []) sources.push(s);
    for (const e of f.entities ?? []) entities.push(e);
    for (const c of f.claims ?? []) claims.push(c);
  }
  return { sources: sources.sort(byId), entities: entities.sort(byId), claims: claims.sort(byId) };
}

/** The string the pack hash is computed over: independent of file split, key order and build date. */
export function canonicalBody(p: Pick<Pack, 'sources' | 'entities' | 'claims'>): string {
  return canonicalFile({ sources: p.sources, entities: p.entities, claims: p.claims });
}

export function makePack(files: readonly PackFile[], meta: PackMeta): Pack {
  return { meta, ...mergeFiles(files) };
}
