/**
 * The bundled knowledge pack as source code: it validates, its committed summary is current, and it covers
 * every name and claim of the seed story.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPack, DEFAULT_PACK_DIR, packStats } from '../../src/node/pack-io.ts';
import { SEED_OTHERS, SEED_PEOPLE } from './seed-story.ts';

const pack = buildPack([DEFAULT_PACK_DIR]);
const ids = new Set([...pack.entities.map((e) => e.id), ...pack.claims.map((c) => c.id)]);

describe('the default pack', () => {
  it('matches the committed summary (run `npm run pack:summary` after changing the pack)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../src/data/pack-summary.json', import.meta.url), 'utf8'));
    expect({ ...packStats(pack), hash: pack.meta.hash }).toEqual(committed);
  });

  it('has every record sourced and every role dated', () => {
    for (const e of pack.entities) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const r of e.roles ?? []) expect(r.start, `${e.id} ${r.title}`).toMatch(/^\d{4}/);
      for (const f of e.facts ?? []) expect(f.date, `${e.id} fact`).toMatch(/^\d{4}/);
    }
    for (const c of pack.claims) expect(c.sources.length, c.id).toBeGreaterThan(0);
  });

  it.each([...SEED_PEOPLE, ...SEED_OTHERS])('contains %s from the seed story', (id) => {
    expect(ids).toContain(id);
  });

  it('has at least 200 entities and 150 claims', () => {
    expect(pack.entities.length).toBeGreaterThanOrEqual(200);
    expect(pack.claims.length).toBeGreaterThanOrEqual(150);
  });

  it('has people with roles that carry an "as of" date', () => {
    const people = pack.entities.filter((e) => e.type === 'person');
    expect(people.length).toBeGreaterThanOrEqual(13);
    for (const p of people) expect(p.asOf, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
