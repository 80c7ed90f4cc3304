/**
 * The scale pack: a `Pack` built in memory at bench time from the real entity and claim sets in ../shared/data
 * (never copied into the repo), so the engine is measured at the size a real deployment would reach.
 *
 * It is a well-typed pack that passes every validator check except the alias-collision rule, which a pack of
 * 100k+ names breaks by nature (two "John Smith"s); the build reports how many collisions remain.
 */
import { aliasSpecs } from '../../../src/core/engine.ts';
import type { Pack } from '../../../src/core/pack/schema.ts';
import { validatePackFiles } from '../../../src/core/pack/validate.ts';
import { dataPath, readJsonl, readText } from '../data.ts';
import { readClaims } from './claims.ts';
import { Drafts } from './drafts.ts';
import { addOrganisations } from './orgs.ts';
import { addPeople } from './people.ts';
import { addCities, addCountries } from './places.ts';
import { SRC } from './sources.ts';
import { aliasKey, TODAY } from './util.ts';
import { CommonWords } from './words.ts';

export interface ScalePackStats {
  entities: number;
  byType: Record<string, number>;
  /** Alias specs as the engine indexes them (canonical name + aliases, per entity). */
  aliases: number;
  ambiguousAliases: number;
  /** Spellings shared by two or more entities. */
  sharedKeys: number;
  claims: number;
  reviews: number;
  claimantsLinked: number;
  sources: number;
  commonWords: number;
}

export interface ScalePack {
  pack: Pack;
  stats: ScalePackStats;
  /** Milliseconds per stage, and in total. */
  timings: Record<string, number>;
}

export function buildScalePack(dataDir: string): ScalePack {
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  let t = t0;
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = now - t;
    t = now;
  };
  const claimSet = readClaims(dataDir);
  const words = new CommonWords();
  for (const c of claimSet.claims) words.learn(c.text);
  learnFromArticles(dataDir, words);
  words.addOrdinary(languagesAndDemonyms(dataDir));
  lap('claims');
  const drafts = new Drafts(words);
  const byType: Record<string, number> = {};
  byType['country or region'] = addCountries(drafts, dataDir);
  lap('countries');
  byType.person = addPeople(drafts, dataDir);
  lap('people');
  byType.city = addCities(drafts, dataDir, words);
  lap('cities');
  byType.organisation = addOrganisations(drafts, dataDir);
  lap('organisations');
  const sharedKeys = drafts.resolveCollisions();
  const entities = drafts.entities();
  const claimantsLinked = linkClaimants(entities, claimSet.claims);
  lap('resolve');
  const pack: Pack = {
    meta: { name: 'Footnote scale pack (bench)', version: '0', built: new Date().toISOString() },
    sources: [...Object.values(SRC), ...claimSet.sources].sort(byId),
    entities: entities.sort(byId),
    claims: claimSet.claims.sort(byId),
  };
  lap('assemble');
  timings.total = performance.now() - t0;
  let aliases = 0;
  let ambiguousAliases = 0;
  for (const e of entities) {
    for (const s of aliasSpecs(e)) {
      aliases++;
      if (s.ambiguous) ambiguousAliases++;
    }
  }
  const stats: ScalePackStats = {
    entities: entities.length,
    byType,
    aliases,
    ambiguousAliases,
    sharedKeys,
    claims: pack.claims.length,
    reviews: pack.claims.reduce((n, c) => n + c.reviews.length, 0),
    claimantsLinked,
    sources: pack.sources.length,
    commonWords: words.size,
  };
  return { pack, stats, timings };
}

// Enough PolitiFact article text (~4M words) to know the ordinary English words; more adds little.
const ARTICLES = 4000;

/** Learn ordinary words from the first PolitiFact articles (CheckThat! 2B full texts). */
function learnFromArticles(dataDir: string, words: CommonWords): void {
  const text = readText(dataPath(dataDir, 'checkthat2022-task2b-en/vclaims-text.jsonl.gz'));
  let at = 0;
  for (let i = 0; i < ARTICLES && at < text.length; i++) {
    const next = text.indexOf('\n', at);
    const line = text.slice(at, next < 0 ? text.length : next);
    at = next < 0 ? text.length : next + 1;
    if (line.trim()) words.learn((JSON.parse(line) as { text?: string }).text ?? '');
  }
}

/** "English", "French", "Brazilian": always capitalised, never a person's name on a news page. */
function languagesAndDemonyms(dataDir: string): string[] {
  const out: string[] = [];
  type Row = { languages?: Record<string, string>; demonyms?: { eng?: { f?: string; m?: string } } };
  for (const c of readJsonl<Row>(dataPath(dataDir, 'places/world-countries.jsonl'))) {
    out.push(...Object.values(c.languages ?? {}), c.demonyms?.eng?.f ?? '', c.demonyms?.eng?.m ?? '');
  }
  return out.filter((w) => w && !w.includes(' '));
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A claimant whose name is exactly one person's name in the pack gets that person's id. */
function linkClaimants(entities: Pack['entities'], claims: Pack['claims']): number {
  const byName = new Map<string, string | null>();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const k = aliasKey(e.name);
    byName.set(k, byName.has(k) ? null : e.id);
  }
  let n = 0;
  for (const c of claims) {
    const id = c.claimant ? byName.get(aliasKey(c.claimant.name)) : undefined;
    if (c.claimant && id) {
      c.claimant.id = id;
      n++;
    }
  }
  return n;
}

export interface PackCheck {
  collisions: number;
  /** Every other problem the validator finds (should be none). */
  other: string[];
  ms: number;
}

/** Run the full validator; split alias collisions (expected at scale) from everything else. */
export function checkScalePack(pack: Pack): PackCheck {
  const t0 = performance.now();
  const data = { sources: pack.sources, entities: pack.entities, claims: pack.claims };
  const { issues } = validatePackFiles([{ file: 'scale-pack', data }], TODAY);
  const collision = (m: string) => m.endsWith('mark it ambiguous (or remove it)');
  const other = issues.filter((i) => !collision(i.message)).map((i) => `${i.record}: ${i.field}: ${i.message}`);
  return { collisions: issues.length - other.length, other, ms: performance.now() - t0 };
}
