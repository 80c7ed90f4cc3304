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

/** Stop counting after this many function words: enough to decide, and bounded on huge pages. */
const ENOUGH = 400;
/** The winner needs at least this many hits and this share of all hits. */
const MIN_HITS = 8;
const MIN_SHARE = 0.6;

/** The two-letter language the blocks are most likely written in, or undefined when unclear. */
export function guessLanguage(blocks: readonly string[]): string | undefined {
  const score = new Map<string, number>();
  let total = 0;
  const word = /[\p{L}]+/gu;
  outer: for (const block of blocks) {
    for (const m of block.matchAll(word)) {
      const owners = OWNER.get(m[0].toLowerCase());
      if (!owners) continue;
      for (const l of owners) score.set(l, (score.get(l) ?? 0) + 1 / owners.length);
      if (++total >= ENOUGH) break outer;
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
