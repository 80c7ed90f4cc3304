/** The names of the seed story (../shared/pages/seed-article.html), shared by the tests that check them. */

/** The 13 people named in the seed article. */
export const SEED_PEOPLE = [
  'emmanuel-macron',
  'keir-starmer',
  'friedrich-merz',
  'giorgia-meloni',
  'alexander-stubb',
  'ursula-von-der-leyen',
  'mark-rutte',
  'donald-trump',
  'vladimir-putin',
  'volodymyr-zelenskyy',
  'marina-miron',
  'keir-giles',
  'steve-witkoff',
];

/** Organisations, places, agreements and events of the seed story. */
export const SEED_OTHERS = [
  'nato',
  'european-commission',
  'kings-college-london',
  'chatham-house',
  'fox-news',
  'al-jazeera',
  'white-house',
  'kremlin',
  'ukraine',
  'kyiv',
  'russia',
  'united-states',
  'alaska',
  'europe',
  'budapest-memorandum',
  'nato-article-5',
  'alaska-summit-2025',
  'white-house-meeting-2025-08-18',
  'coalition-of-the-willing',
];
