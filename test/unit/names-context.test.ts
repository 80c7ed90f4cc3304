/**
 * The matcher's context rules on cases the scale benchmark turned up: plurals taken for genitives, a name taken
 * for a shorter one, titles, hub entities as "related" context, and locative words before common words.
 */
import { describe, expect, it } from 'vitest';
import { type AliasSpec, NameMatcher, titleHead } from '../../src/core/names/matcher.ts';
import { guessLanguage } from '../../src/core/text/lang.ts';

const PRESIDENT = ['President of the United States'];
const ALIASES: AliasSpec[] = [
  { entity: 'donald-trump', text: 'Donald Trump', type: 'person', titles: PRESIDENT },
  { entity: 'donald-trump', text: 'Trump', ambiguous: true, type: 'person', titles: PRESIDENT },
  { entity: 'ivanka-trump', text: 'Ivanka Trump', type: 'person', titles: ['Senior Advisor to the President'] },
  {
    entity: 'ivanka-trump',
    text: 'Trump',
    ambiguous: true,
    type: 'person',
    titles: ['Senior Advisor to the President'],
  },
  { entity: 'mike-pence', text: 'Mike Pence', type: 'person', titles: ['Vice President of the United States'] },
  { entity: 'jd-pence', text: 'Pence', ambiguous: true, type: 'person', titles: ['President of Pencetown'] },
  {
    entity: 'mike-pence',
    text: 'Pence',
    ambiguous: true,
    type: 'person',
    titles: ['Vice President of the United States'],
  },
  { entity: 'industrie-brand', text: 'Industrie', type: 'organisation' },
  { entity: 'vladimir-putin', text: 'Putin', type: 'person' },
  { entity: 'vladimir-putin', text: 'Wladimir Putin', type: 'person' },
  { entity: 'vladimir-putin', text: 'Владимир Путин', type: 'person' },
  { entity: 'luca-town', text: 'Luca', type: 'place' },
  { entity: 'george-lucas', text: 'George Lucas', type: 'person' },
  { entity: 'august-town', text: 'August', ambiguous: true, type: 'place' },
  { entity: 'murdoch-town', text: 'Murdoch', ambiguous: true, type: 'place' },
  { entity: 'bush-town', text: 'Būsh', ambiguous: true, type: 'place' },
  { entity: 'george-bush', text: 'Bush', ambiguous: true, type: 'person' },
  { entity: 'iowa', text: 'Iowa', ambiguous: true, type: 'place' },
  { entity: 'united-states', text: 'United States', type: 'place' },
  { entity: 'don-wing', text: 'Wing', ambiguous: true, type: 'person' },
  { entity: 'emotion-brand', text: 'eMotion', type: 'organisation' },
];
// Don Wing relates to the United States, as thousands of officials do: a hub.
const RELATED = new Map<string, string[]>([
  ['don-wing', ['united-states']],
  ['united-states', ['don-wing', ...Array.from({ length: 150 }, (_, i) => `official-${i}`)]],
]);
const matcher = new NameMatcher(ALIASES, RELATED);
const found = (blocks: string[], lang?: string) =>
  matcher.matchPage(blocks, { lang }).flatMap((l) => l.map((m) => `${m.text}→${m.entity}`));

describe('matcher context rules', () => {
  it('takes no English plural for a genitive, but German genitives still map', () => {
    expect(found(['Heavy Industries grew.'], 'en')).toEqual([]);
    expect(found(['Putins Besuch'], 'de')).toEqual(['Putins→vladimir-putin']);
    // The last word of a longer name too, through every filter of the pass.
    expect(found(['Wladimir Putins Besuch'], 'de')).toEqual(['Wladimir Putins→vladimir-putin']);
    expect(found(['Визит Владимир Путина'], 'en')).toEqual(['Владимир Путина→vladimir-putin']);
  });

  it('guesses the language of a page that does not declare one', () => {
    const en =
      'The talks of the leaders were held in the city, and this was the end of the day that they would remember.';
    const de = 'Die Gespräche der Staatschefs wurden in der Stadt geführt, und das ist nicht das Ende, sagte er auch.';
    expect(guessLanguage([en])).toBe('en');
    expect(guessLanguage([de])).toBe('de');
    expect(guessLanguage(['Trump Putin Kyiv'])).toBeUndefined();
    // Function words outside ASCII, in capitals, across blocks; a word glued to a letter outside the BMP is no word.
    const sv = ['Det var också en dag för samtal från', 'HAR INTE OCH SOM MED DEN TILL AV'];
    expect(guessLanguage(sv)).toBe('sv');
    expect(guessLanguage(['Это было не на что как из для его и в с по он'])).toBe('ru');
    expect(guessLanguage([`${'the𝐀 and𝐀 of𝐀 '.repeat(10)}`])).toBeUndefined();
    expect(found([`Heavy Industries grew. ${en}`])).toEqual([]);
    expect(found([`Putins Besuch. ${de}`])).toEqual(['Putins→vladimir-putin']);
  });

  it('strips no ending from a word that is a name token of its own', () => {
    expect(found(['Lucas said so. George Lucas agreed.'])).toEqual(['George Lucas→george-lucas']);
  });

  it('lets a title pick the surname holder, not a relative named in full', () => {
    expect(found(['Ivanka Trump attended.', 'President Trump said the talks went well.'], 'en')).toEqual([
      'Ivanka Trump→ivanka-trump',
      'Trump→donald-trump',
    ]);
    // Without a title the one named in full is meant.
    expect(found(['Ivanka Trump attended.', 'Trump said so.'], 'en')).toEqual([
      'Ivanka Trump→ivanka-trump',
      'Trump→ivanka-trump',
    ]);
    // "Vice President Pence" is the vice president, not the president of somewhere else.
    expect(found(['Vice President Pence spoke.'], 'en')).toEqual(['Pence→mike-pence']);
    expect(found(['President Pence spoke.'], 'en')).toEqual(['Pence→jd-pence']);
  });

  it('finds role title heads', () => {
    expect(titleHead('President of the United States')).toBe('president');
    expect(titleHead('Senior Advisor to the President')).toBe('senior advisor');
    expect(titleHead('Prime Minister, Japan')).toBe('prime minister');
  });

  it('takes no hub entity as related context', () => {
    expect(found(['The United States said the Wing was closed.'], 'en')).toEqual(['United States→united-states']);
  });

  it('reads locative words only before place names spelled exactly, and never for calendar words', () => {
    expect(found(['Caucuses were held in Iowa.'], 'en')).toEqual(['Iowa→iowa']);
    expect(found(['The summit was held in August.'], 'en')).toEqual([]);
    expect(found(['A statement from Murdoch followed.'], 'en')).toEqual([]);
    expect(found(['Life in Bush was quiet.'], 'en')).toEqual([]);
    expect(found(['Life in Būsh was quiet.'], 'en')).toEqual(['Būsh→bush-town']);
  });

  it('matches a camel-case name only as written', () => {
    expect(found(['Our emotion ran high.'], 'en')).toEqual([]);
    expect(found(['eMotion announced a deal.'], 'en')).toEqual(['eMotion→emotion-brand']);
  });

  it('gives a spelling shared by two entities to the one whose alias is written exactly so', () => {
    const matcher = new NameMatcher([
      { entity: 'plain', text: 'İstanbul Nato', type: 'organisation' },
      { entity: 'with-era', text: 'İstanbul ㍻ Nato', type: 'organisation' },
      { entity: 'muller', text: 'Muller', type: 'person' },
      { entity: 'mueller', text: 'Müller', type: 'person' },
    ]);
    const names = (text: string, exact: boolean) =>
      matcher.matchPage([text], { exact, lang: 'en' })[0].map((m) => `${m.text}→${m.entity}`);
    // In exact mode the era sign is no token, so both aliases are the same tokens; the text's own spelling decides.
    expect(names('the İstanbul ㍻ Nato said', true)).toEqual(['İstanbul ㍻ Nato→with-era']);
    expect(names('the İstanbul Nato said', true)).toEqual(['İstanbul Nato→plain']);
    expect(names('Muller met Müller.', false)).toEqual(['Muller→muller', 'Müller→mueller']);
    // Written neither way (capitals fold to both): still undecided, so not annotated.
    expect(names('MULLER spoke.', false)).toEqual([]);
  });
});
