/**
 * A guess at a page's language from its most frequent function words, for pages that do not declare one. Only
 * the languages whose rules differ in the matcher matter (the genitive "s"), so a handful of short, distinctive
 * words per language is enough; no clear winner means no guess.
 */

// Words frequent in running text of one language and rare as words of the others.
// biome-ignore format: word lists read best packed
const WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'with', 'for', 'was', 'this', 'have', 'from', 'which', 'would'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'sich', 'auch', 'auf', 'eine', 'dem', 'wurde', 'nach'],
  nl: ['het', 'een', 'van', 'niet', 'zijn', 'voor', 'ook', 'dat', 'wordt', 'naar', 'maar', 'bij', 'werd', 'deze'],
  sv: ['och', 'att', 'som', 'för', 'inte', 'med', 'har', 'den', 'till', 'det', 'av', 'var', 'från', 'också'],
  fr: ['les', 'des', 'est', 'une', 'pour', 'dans', 'qui', 'pas', 'sur', 'avec', 'aux', 'été', 'mais', 'leur'],
  es: ['los', 'las', 'del', 'que', 'por', 'una', 'para', 'con', 'más', 'pero', 'sus', 'fue', 'este', 'como'],
  it: ['il', 'della', 'che', 'per', 'non', 'sono', 'gli', 'nel', 'alla', 'anche', 'questo', 'dei', 'della', 'è'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'это', 'как', 'из', 'он', 'для', 'его', 'было'],
  uk: ['і', 'та', 'не', 'на', 'що', 'з', 'до', 'це', 'як', 'від', 'він', 'для', 'його', 'було'],
};

const OWNER = new Map<string, string[]>();
for (const [lang, words] of Object.entries(WORDS)) for (const w of words) OWNER.set(w, [...(OWNER.get(w) ?? []), lang]);

/** The same words by the hash of their code units (`wordHash`): most words of a page are looked up by hash only. */
const OWNER_HASHES = new Set([...OWNER.keys()].map((w) => wordHash(w, 0, w.length)));

function wordHash(s: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Stop counting after this many function words: enough to decide, and bounded on huge pages. */
const ENOUGH = 400;
/** The winner needs at least this many hits and this share of all hits. */
const MIN_HITS = 8;
const MIN_SHARE = 0.6;

const LETTER = /\p{L}/u;
const letterMemo = new Map<number, boolean>();

/** Is the code point a letter (\p{L})? ASCII by range, the rest remembered. */
function isLetter(cp: number): boolean {
  if (cp < 128) return (cp | 32) >= 97 && (cp | 32) <= 122;
  let v = letterMemo.get(cp);
  if (v === undefined) {
    v = LETTER.test(String.fromCodePoint(cp));
    if (letterMemo.size < 65_536) letterMemo.set(cp, v);
  }
  return v;
}

/** The two-letter language the blocks are most likely written in, or undefined when unclear. */
export function guessLanguage(blocks: readonly string[]): string | undefined {
  const score = new Map<string, number>();
  let total = 0;
  // Words are runs of letters, read by code point; each is hashed in lower case as it goes, and only a word whose
  // hash is a function word's is built as a string and looked up.
  outer: for (const block of blocks) {
    let start = -1;
    let h = 0;
    let plain = true;
    for (let i = 0; i <= block.length; i++) {
      const cp = i < block.length ? (block.codePointAt(i) as number) : 0x20;
      if (isLetter(cp)) {
        if (start < 0) {
          start = i;
          h = 0;
          plain = true;
        }
        if (cp < 128) h = (Math.imul(h, 31) + (cp | 32)) | 0;
        else if (cp <= 0xffff) {
          const low = String.fromCharCode(cp).toLowerCase();
          if (low.length !== 1) plain = false;
          h = (Math.imul(h, 31) + low.charCodeAt(0)) | 0;
        } else {
          plain = false;
          i++;
        }
        continue;
      }
      if (start >= 0) {
        if (plain && OWNER_HASHES.has(h)) {
          const owners = OWNER.get(block.slice(start, i).toLowerCase());
          if (owners) {
            for (const l of owners) score.set(l, (score.get(l) ?? 0) + 1 / owners.length);
            if (++total >= ENOUGH) break outer;
          }
        }
        start = -1;
      }
      if (cp > 0xffff) i++;
    }
  }
  let best: string | undefined;
  let top = 0;
  for (const [l, n] of score)
    if (n > top) {
      best = l;
      top = n;
    }
  return best && top >= MIN_HITS && top / total >= MIN_SHARE ? best : undefined;
}
