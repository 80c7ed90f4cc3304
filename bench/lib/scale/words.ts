/**
 * Ordinary English words, learnt from the claim texts and PolitiFact articles: a word seen in lower case inside
 * sentences ("reading", "mobile", "next", "target") is an ordinary word, so a one-word name spelt like it
 * ("Reading", "Mobile", "Next", "Target") is ambiguous at best. These texts are a different corpus from the news
 * pages the benchmark runs on, so this does not tune the pack to the pages it is measured on.
 */
import { aliasKey } from './util.ts';

// Words that are always capitalised yet never a name on their own: months, days, titles and company suffixes.
const ALWAYS_CAPITALISED =
  'january february march april may june july august september october november december monday tuesday ' +
  'wednesday thursday friday saturday sunday mr mrs ms dr st inc ltd co corp jr sr gov sen rep gen lt col ' +
  'capt prof sgt ave blvd mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct ' +
  'nov dec ok ceo cfo cto coo';
const COMMON = 3;
// Seen this often (per ~4M words), a word is too frequent even for an ambiguous surname ("He", "Work", "Day"),
// while rarer ones stay usable as surnames of an anchored person ("Trump", "Bush", "Rice").
const FREQUENT = 150;

export class CommonWords {
  private readonly raw = new Map<string, number>();
  private counts: Map<string, number> | null = null;

  /** Count the lower-case words of one text (a capitalised word may be a name; it does not count). */
  learn(text: string): void {
    for (const m of text.matchAll(/\p{L}+/gu)) {
      const w = m[0];
      if (w.length < 2 || w[0] !== w[0].toLowerCase()) continue;
      this.raw.set(w, (this.raw.get(w) ?? 0) + 1);
    }
  }

  private table(): Map<string, number> {
    if (!this.counts) {
      this.counts = new Map();
      for (const [w, n] of this.raw) {
        const k = aliasKey(w);
        this.counts.set(k, (this.counts.get(k) ?? 0) + n);
      }
      for (const w of ALWAYS_CAPITALISED.split(' ')) this.counts.set(w, Number.POSITIVE_INFINITY);
      this.raw.clear();
    }
    return this.counts;
  }

  /** Words to treat as ordinary whatever the corpus says (languages, demonyms). */
  addOrdinary(words: Iterable<string>): void {
    const table = this.table();
    for (const w of words) table.set(aliasKey(w), Number.POSITIVE_INFINITY);
  }

  /** How often one word was seen in lower case (0 for several words: multi-word names are never ordinary). */
  count(text: string): number {
    const key = aliasKey(text);
    return key === '' || key.includes(' ') ? 0 : (this.table().get(key) ?? 0);
  }

  isCommon(text: string): boolean {
    return this.count(text) >= COMMON;
  }

  isFrequent(text: string): boolean {
    return this.count(text) >= FREQUENT;
  }

  /** Only single letters and frequent words ("I'm", "It's"): nothing in it names anything. */
  isFiller(text: string): boolean {
    const toks = aliasKey(text).split(' ');
    if (toks.length < 2 || !toks.some((t) => t.length === 1)) return false;
    const table = this.table();
    return toks.every((t) => t.length === 1 || (table.get(t) ?? 0) >= FREQUENT);
  }

  get size(): number {
    let n = 0;
    for (const c of this.table().values()) if (c >= COMMON) n++;
    return n;
  }
}
