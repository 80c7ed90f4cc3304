/**
 * People for the scale pack: heads of state and government, cabinet-level officeholders, legislators and MEPs
 * (Wikidata via every-politician-scrapers), and the US Congress and presidents (unitedstates/congress-legislators).
 * One entity per person (merged by QID, else by exact name), their roles, and their surname as an ambiguous alias.
 */
import type { Role } from '../../../src/core/pack/schema.ts';
import { dataPath, readJsonl } from '../data.ts';
import type { Draft, Drafts } from './drafts.ts';
import { SRC } from './sources.ts';
import { aliasKey, cleanText, TODAY, validDate } from './util.ts';

interface OfficialRow {
  person: string;
  person_qid: string;
  position?: string;
  jurisdiction?: string;
  jurisdiction_qid?: string;
  country?: string;
  country_qid?: string;
  start?: string;
  end?: string | null;
  start_year?: string;
  end_year?: string | null;
  enwiki?: string | null;
}
interface CongressRow {
  bioguide: string | null;
  ids?: { govtrack?: number };
  wikidata: string | null;
  wikipedia: string | null;
  name: string;
  aliases?: string[];
  name_parts?: { first?: string; middle?: string; last?: string; nickname?: string; official_full?: string };
  latest_role?: string;
  latest_term?: { start?: string; end?: string };
}

// Family name first (Wikidata's English labels keep that order: "Xi Jinping", "Moon Jae-in").
const FAMILY_FIRST = new Set(['Q148', 'Q884', 'Q423', 'Q881', 'Q865']);
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|v)$/i;
const MAX_ROLES = 20;

export function addPeople(drafts: Drafts, dataDir: string): number {
  const ppl = new People(drafts);
  const wo = (f: string) => readJsonl<OfficialRow>(dataPath(dataDir, 'world-officials-wikidata', f));
  const cg = (f: string) => readJsonl<CongressRow>(dataPath(dataDir, 'us-congress-legislators', f));
  for (const r of wo('heads-of-state-government.jsonl')) {
    const j = { ...r, jurisdiction_qid: r.country_qid, start: r.start_year, end: r.end_year };
    ppl.official(j, r.position ?? 'Head of state or government', 1e7, true);
  }
  for (const r of cg('executive.jsonl')) ppl.congress(r, 1e7);
  for (const r of wo('officeholders.jsonl.gz')) ppl.official(r, officeTitle(r), 1e6, true);
  for (const r of cg('legislators-current.jsonl')) ppl.congress(r, 1e6);
  for (const r of wo('legislators.jsonl.gz')) ppl.official(r, capitalise(r.position ?? 'Legislator'), 1e5, false);
  for (const r of wo('european-parliament-meps.jsonl')) {
    const j = { ...r, start: '2019-07-02', end: '2024-07-15' };
    ppl.official(j, `Member of the European Parliament for ${r.country}`, 1e5, false);
  }
  for (const d of ppl.all) d.description = describe(d);
  return ppl.all.length;
}

class People {
  readonly all: Draft[] = [];
  private readonly byName = new Map<string, Draft>();
  constructor(private readonly drafts: Drafts) {}

  /** The person's draft: by QID, else the one person already known under exactly this name. */
  private person(label: string, key: string, qid: string | undefined, prominence: number, source: string) {
    // Wikidata labels sometimes carry a disambiguator ("이상배 (1939년)"): not part of the name.
    const name = label.replace(/\s*\([^)]*\)\s*$/, '') || label;
    const nameKey = aliasKey(name);
    const known = qid ? this.drafts.byQid.get(qid) : this.byName.get(nameKey);
    if (known && known.type === 'person') {
      known.prominence = Math.max(known.prominence, prominence);
      known.sources.add(source);
      return known;
    }
    const asOf = source === SRC.congress.id ? SRC.congress.date : SRC.officials.date;
    const d = this.drafts.upsert({ type: 'person', name, key, qid, description: name, asOf, prominence, source });
    if (d?.type !== 'person') return null;
    // A one-word label ("Hassan", "Moyo") is a given name or a mononym: never enough alone.
    if (!d.nameKey.includes(' ')) {
      const own = d.aliases.values().next().value;
      if (own) own.ambiguous = true;
    }
    this.all.push(d);
    const words = d.nameKey.split(' ');
    for (const w of new Set([words[0], words[words.length - 1]])) {
      this.drafts.personWords.set(w, (this.drafts.personWords.get(w) ?? 0) + 1);
    }
    if (!this.byName.has(nameKey)) this.byName.set(nameKey, d);
    return d;
  }

  official(r: OfficialRow, title: string, prominence: number, relate: boolean): void {
    const d = this.person(r.person, r.person_qid, r.person_qid, prominence, SRC.officials.id);
    if (!d) return;
    const country = r.jurisdiction_qid ? this.drafts.byQid.get(r.jurisdiction_qid) : undefined;
    const of = country?.type === 'place' ? country.id : undefined;
    addRole(d, SRC.officials.id, title, r.start, r.end, of);
    if (relate && of) d.related.add(of);
    if (r.enwiki && !d.sameAs?.wikipedia) {
      d.sameAs = { ...d.sameAs, wikipedia: `https://en.wikipedia.org/wiki/${encodeURI(r.enwiki.replace(/ /g, '_'))}` };
    }
    this.drafts.addAlias(d, surname(d.name, r.jurisdiction_qid), { ambiguous: true });
  }

  congress(r: CongressRow, prominence: number): void {
    const key = r.wikidata ?? r.bioguide ?? `govtrack${r.ids?.govtrack ?? ''}`;
    // The common name ("Barack Obama") rather than the official one ("Barack Hussein Obama"), which stays an alias.
    const common = r.wikipedia?.replace(/ \(.*\)$/, '') ?? r.aliases?.[0] ?? r.name;
    const d = this.person(common, key, r.wikidata ?? undefined, prominence, SRC.congress.id);
    if (!d) return;
    const us = this.drafts.byQid.get('Q30');
    const title = r.latest_role ?? 'Member of the United States Congress';
    addRole(d, SRC.congress.id, title, r.latest_term?.start, r.latest_term?.end, us?.id);
    if (us) d.related.add(us.id);
    const p = r.name_parts ?? {};
    for (const a of [r.name, ...(r.aliases ?? []), p.official_full]) this.drafts.addAlias(d, a, { lang: 'en' });
    if (p.first && p.last) this.drafts.addAlias(d, `${p.first} ${p.last}`, { lang: 'en' });
    if (p.nickname && p.last) this.drafts.addAlias(d, `${p.nickname} ${p.last}`, { lang: 'en' });
    this.drafts.addAlias(d, p.last, { ambiguous: true });
  }
}

function addRole(d: Draft, src: string, title: string, start?: string, end?: string | null, of?: string): void {
  const s = validDate(start);
  const t = cleanText(title);
  if (!s || !t || d.roles.length >= MAX_ROLES) return;
  if (d.roles.some((r) => r.title === t && r.start === s)) return;
  const e = end && end <= TODAY ? validDate(end) : undefined;
  const role: Role = { title: t, start: s, end: e && e >= s ? e : null, sources: [src] };
  if (of) role.of = of;
  d.roles.push(role);
}

function officeTitle(r: OfficialRow): string {
  const p = r.position ?? 'Officeholder';
  return r.jurisdiction && !p.includes(r.jurisdiction) ? `${p}, ${r.jurisdiction}` : p;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// Lower-case particles that belong to the family name ("de la Rúa", "von der Leyen", "van Rompuy").
const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'der',
  'den',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'van',
  'von',
]);

/** The family name of a Wikidata label, or undefined when it has one word or no safe surname. */
export function surname(name: string, jurisdiction?: string): string | undefined {
  const toks = name.split(/\s+/).filter((t) => !SUFFIX.test(t.replace(/,$/, '')));
  // Regnal and territorial names ("Abdullah II of Jordan") have no family name.
  if (toks.length < 2 || toks.includes('of')) return undefined;
  if (jurisdiction && FAMILY_FIRST.has(jurisdiction)) return safe(toks[0], 2);
  let i = toks.length - 1;
  while (i > 1 && PARTICLES.has(toks[i - 1])) i--;
  const last = safe(toks[toks.length - 1]);
  return last && toks.slice(i, -1).concat(last).join(' ');
}

function safe(tok: string, min = 3): string | undefined {
  const s = tok.replace(/,$/, '');
  return s.length < min || s.includes('.') || s[0] === s[0].toLowerCase() ? undefined : s;
}

function describe(d: Draft): string {
  const years = (r: Role) => (r.end ? `${r.start.slice(0, 4)}–${r.end.slice(0, 4)}` : `since ${r.start.slice(0, 4)}`);
  const roles = d.roles.slice(0, 2).map((r) => `${r.title} (${years(r)})`);
  if (roles.length === 0) return `Public official listed in Wikidata (as of ${d.asOf}).`;
  const more = d.roles.length > 2 ? `, and ${d.roles.length - 2} more role(s)` : '';
  return `${roles.join('; ')}${more}.`;
}
