/**
 * Places for the scale pack: countries and territories (English, official, native and translated names from
 * world-countries, names in 78 locales from i18n-iso-countries, Wikidata ids from country-coder) and the 135k
 * GeoNames cities of at least 1,000 inhabitants.
 */
import { dataPath, readJsonl } from '../data.ts';
import type { Drafts } from './drafts.ts';
import { SRC } from './sources.ts';
import type { CommonWords } from './words.ts';

interface NamePair {
  common?: string;
  official?: string;
}
interface WorldCountry {
  name: NamePair & { native?: Record<string, NamePair> };
  altSpellings?: string[];
  translations?: Record<string, NamePair>;
  capital?: string[];
  region?: string;
  subregion?: string;
  cca2: string;
  cca3: string;
  independent?: boolean;
}
interface CoderRow {
  wikidata?: string;
  iso1A2?: string;
  nameEn?: string;
  aliases?: string[];
  level?: string | null;
  group_names?: string[];
}
interface I18nRow {
  iso2: string;
  names: Record<string, string | string[]>;
}
interface CityRow {
  geonameid: number;
  name: string;
  featureCode?: string;
  altName?: string | string[];
  country: string;
  population: number;
}

// world-countries uses ISO 639-3 keys; the engine compares two-letter page languages.
// biome-ignore format: a lookup table reads best packed
const LANG3: Record<string, string> = {
  ara: 'ar', bre: 'br', ces: 'cs', cym: 'cy', deu: 'de', est: 'et', fin: 'fi', fra: 'fr', hrv: 'hr', hun: 'hu',
  ita: 'it', jpn: 'ja', kor: 'ko', nld: 'nl', per: 'fa', pol: 'pl', por: 'pt', rus: 'ru', slk: 'sk', spa: 'es',
  srp: 'sr', swe: 'sv', tur: 'tr', urd: 'ur', zho: 'zh', eng: 'en', fas: 'fa', ukr: 'uk', ell: 'el', heb: 'he',
};

// Cities under this size are named by one word only ambiguously ("Hope", "Police", "Of" are all towns).
const CITY_CLEAR_POPULATION = 50_000;

export function addCountries(drafts: Drafts, dataDir: string): number {
  const dir = dataPath(dataDir, 'places');
  const qidByIso = new Map<string, string>();
  const coder = readJsonl<CoderRow>(`${dir}/country-coder-regions.jsonl`);
  for (const r of coder) {
    if (r.iso1A2 && r.wikidata && !qidByIso.has(r.iso1A2)) qidByIso.set(r.iso1A2, r.wikidata);
  }
  const i18n = new Map(readJsonl<I18nRow>(`${dir}/i18n-iso-countries-names.jsonl`).map((r) => [r.iso2, r.names]));
  let n = 0;
  for (const c of readJsonl<WorldCountry>(`${dir}/world-countries.jsonl`)) {
    const qid = qidByIso.get(c.cca2);
    const kind = c.independent ? 'Country' : 'Territory';
    const where = c.subregion || c.region;
    const capital = c.capital?.length ? `; capital ${c.capital.join(', ')}` : '';
    const d = drafts.upsert({
      type: 'place',
      name: c.name.common ?? c.cca3,
      key: qid ?? c.cca3,
      qid,
      description: `${kind} in ${where}${capital}.`,
      asOf: SRC.countries.date,
      prominence: 1e9,
      source: SRC.countries.id,
    });
    if (!d) continue;
    n++;
    d.sources.add(SRC.countryNames.id);
    if (qid) d.sources.add(SRC.countryCoder.id);
    const add = (text: string | undefined, lang?: string) => drafts.addAlias(d, text, lang ? { lang } : {});
    add(c.name.official, 'en');
    const names = i18n.get(c.cca2) ?? {};
    for (const t of [names.en ?? []].flat()) add(t, 'en');
    for (const [l, p] of Object.entries(c.translations ?? {})) {
      add(p.common, LANG3[l]);
      add(p.official, LANG3[l]);
    }
    for (const [l, p] of Object.entries(c.name.native ?? {})) {
      add(p.common, LANG3[l]);
      add(p.official, LANG3[l]);
    }
    for (const [locale, v] of Object.entries(names)) for (const t of [v].flat()) add(t, locale);
    // Bare ISO codes ("FR", "DE") are left out: in running text they are anything but the country.
    for (const t of c.altSpellings ?? []) if (!/^[A-Z]{2,3}$/.test(t)) add(t);
  }
  return n + addRegions(drafts, coder);
}

/** Regions, unions and the UK's countries that world-countries lacks (England, Europe, European Union, Africa…). */
function addRegions(drafts: Drafts, coder: CoderRow[]): number {
  let n = 0;
  for (const r of coder) {
    if (!r.wikidata || !r.nameEn || drafts.byQid.has(r.wikidata)) continue;
    const within = r.group_names?.length ? ` within ${r.group_names.slice(0, 2).join(', ')}` : '';
    const d = drafts.upsert({
      type: 'place',
      name: r.nameEn,
      key: r.wikidata,
      qid: r.wikidata,
      description: `${r.level ? `Region (${r.level})` : 'Country or territory'}${within}.`,
      asOf: SRC.countryCoder.date,
      prominence: 1e8,
      source: SRC.countryCoder.id,
    });
    if (!d) continue;
    n++;
    // ISO 3166-2 codes ("GB-ENG") are codes, not names.
    for (const a of r.aliases ?? []) if (!/^[A-Z0-9]{1,3}(-[A-Z0-9]+)?$/.test(a)) drafts.addAlias(d, a);
  }
  return n;
}

export function addCities(drafts: Drafts, dataDir: string, words: CommonWords): number {
  const countryName = new Map<string, string>();
  for (const c of readJsonl<WorldCountry>(dataPath(dataDir, 'places/world-countries.jsonl'))) {
    if (c.name.common) countryName.set(c.cca2, c.name.common);
  }
  let n = 0;
  for (const r of readJsonl<CityRow>(dataPath(dataDir, 'places/geonames-cities1000.jsonl.gz'))) {
    // A small town called by an ordinary word ("Home", "Earth", "August") would be found after every "in" or "at".
    if (r.population < CITY_CLEAR_POPULATION && (words.isCommon(r.name) || words.isFiller(r.name))) continue;
    const country = countryName.get(r.country) ?? r.country;
    const d = drafts.upsert({
      type: 'place',
      name: r.name,
      key: `gn${r.geonameid}`,
      description: `Place in ${country} with about ${r.population.toLocaleString('en')} inhabitants (GeoNames ${r.geonameid}).`,
      asOf: SRC.geonames.date,
      // A national capital outranks a bigger namesake elsewhere ("Washington" is D.C.).
      prominence: r.featureCode === 'PPLC' ? 10 * r.population : r.population,
      source: SRC.geonames.id,
    });
    if (!d) continue;
    n++;
    if (!d.nameKey.includes(' ') && r.population < CITY_CLEAR_POPULATION) {
      const name = d.aliases.values().next().value;
      if (name) name.ambiguous = true;
    }
    // GeoNames' few alternate names here are mostly country codes ("IT", "NO"), not spellings.
    for (const t of [r.altName ?? []].flat()) if (!/^[A-Z]{2,3}$/.test(t)) drafts.addAlias(d, t);
    // "Washington, D.C." is "Washington" in running text, "New York City" often "New York".
    if (d.name.includes(', ')) drafts.addAlias(d, d.name.split(', ')[0]);
    if (r.population >= 100_000 && d.name.endsWith(' City')) drafts.addAlias(d, d.name.slice(0, -' City'.length));
  }
  return n;
}
