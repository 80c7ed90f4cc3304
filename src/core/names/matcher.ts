/**
 * Name matching: every alias of every entity in one pass per block, then a page-level decision on ambiguity.
 *
 * Pass 1 (per block): normalise (offset map kept), tokenise, walk the token trie leftmost-longest, keep a hit
 * only if its casing fits the alias (see `caseFits`). Pass 2 (per page): entities mentioned unambiguously
 * anchor the page; ambiguous spellings count only for an anchored entity, or one related to an anchored
 * entity; a spelling shared by several entities picks the anchored one, else the page's language, else none.
 */

import { guessLanguage } from '../text/lang.ts';
import { normalize, normalizeKey } from '../text/normalize.ts';
import { forEachToken } from '../text/tokenize.ts';
import { blockTokens, type TokenView } from './scan.ts';
import { type Inflect, TokenTrie, type TrieHit } from './trie.ts';

export interface AliasSpec {
  entity: string;
  /** The entity's roles' titles ("President of the United States"), for "President Trump" (see `titleFits`). */
  titles?: readonly string[];
  text: string;
  lang?: string;
  ambiguous?: boolean;
  caseSensitive?: boolean;
  /** The entity's type; places get the locative-context rule ("in Budapest"). */
  type?: string;
}

export interface NameMatch {
  entity: string;
  /** [start, end) in the block's original text. */
  start: number;
  end: number;
  text: string;
  score: number;
  /** How the match was made, for "why this matched". */
  via: 'exact' | 'folded' | 'inflected' | 'anchored' | 'title' | 'related' | 'language' | 'locative';
}

export interface MatchOptions {
  /** Exact-only mode: no case/diacritic folding, no inflections. */
  exact?: boolean;
  /** The page's language (BCP-47), used to choose between entities sharing a spelling. */
  lang?: string;
  /**
   * Entities already named unambiguously elsewhere on the page (entity id → the folded texts that named them),
   * when only some blocks are being rescanned. `matchPage` adds to this map the anchors it finds.
   */
  anchors?: Anchors;
}

/** Entity id → folded texts that named it unambiguously on the page. Plain data, so it can cross messages. */
export type Anchors = Record<string, string[]>;

interface CompiledAlias {
  spec: AliasSpec;
  /** Bit k set: the text's token k must start with a capital letter (tokens past 31 are not checked). */
  caps: number;
  tokens: number;
  /** Spelling with case and accents as written, separators aside (for the exact-spelling rank). */
  exactKey: string;
  caseKey: string;
  /** Matched by its case key: case-sensitive, or camel case (a small letter first, a capital inside). */
  byKey: boolean;
  /** Copies of the spec's fields read in the hot loop (specs come in many shapes; this object has one). */
  entity: string;
  ambiguous: boolean;
  place: boolean;
}

/** The one empty list of a block without matches (most blocks): frozen, since every such block shares it. */
const NO_MATCHES: readonly RawMatch[] = Object.freeze([]);
const NO_NAMES: readonly NameMatch[] = Object.freeze([]);

/**
 * What `accept` and `resolve` read of one of the trie's alias lists (`TrieHit.list`), worked out on its first hit
 * and kept: at 100k aliases the alias objects lie far apart in memory, and a common surname's list holds dozens.
 */
interface ListInfo {
  aliases: readonly CompiledAlias[];
  /** Every alias of the list is flagged ambiguous. */
  allAmbiguous: boolean;
  /**
   * When every alias is matched by its capitals (none by case key) with one token count and one capitals mask:
   * that count and mask, so one test stands for all of them (see `caseFits`); else tokens is -1.
   */
  tokens: number;
  caps: number;
  /** `entitiesOf(aliases, false)` and `entitiesOf(aliases, true)`. */
  clear: readonly string[];
  all: readonly string[];
  /** The related entities of each of `all`, once asked for (see `relatedContext`). */
  related: (readonly string[] | undefined)[] | null;
  /** The spelling key (`exactKey`) every alias of the list shares, or null when they differ. */
  exactKey: string | null;
}

interface RawMatch {
  start: number;
  end: number;
  aliases: readonly CompiledAlias[];
  inflected: boolean;
  exactSpelling: boolean;
  /** The text's letters as written (see `spellingKey`). */
  spelled: string;
  /** The text folded (`foldKey`). */
  key: string;
  /**
   * The one or two words right before the match (folded), when nothing but a space separates them; only read
   * when the match names no one entity clearly, so left empty then.
   */
  before: string;
  /** The entities its aliases not flagged ambiguous name (`entitiesOf(aliases, false)`). */
  clear: readonly string[];
  /** What is known of the list when `aliases` is the whole alias list of the hit, else null. */
  info: ListInfo | null;
}

// Words before a name that say "this is a place": "in Budapest", "near Kharkiv", "the city of Budapest". Not "to",
// "from" or "at": "a letter to Elizabeth", "a statement from Murdoch", "at Christmas" name people and days as often.
const LOCATIVE =
  /(?:^| )(?:in|near|outside|inside|across|throughout|city of|town of|village of|state of|province of|capital of|nach|in der|à|en)$/;

// Calendar words that are also town names somewhere ("in August", "in May", "in Easter week"): never a place by
// the locative rule alone.
const CALENDAR = new Set(
  (
    'january february march april may june july august september october november december monday tuesday ' +
    'wednesday thursday friday saturday sunday christmas easter spring summer autumn winter januar februar märz ' +
    'mai juni juli oktober dezember'
  ).split(' '),
);

/** A related entity named on the page with more relations than this is a hub (a country, a large organisation):
 * its presence says nothing about which of several people sharing a surname is meant. */
const HUB_RELATIONS = 100;

// Words that make a title someone else's: "Vice President Pence" is not "President Pence".
const TITLE_MODIFIERS = new Set('vice deputy assistant under former acting first senior'.split(' '));

// Words that may stand right before an ambiguous surname without making it part of another name.
const TITLES = new Set(
  (
    'president prime minister chancellor secretary general envoy ambassador senator governor mayor king queen ' +
    'prince sir dame lord lady mr mrs ms dr professor prof commissioner chairman chair speaker leader foreign ' +
    'defence defense spokesman spokeswoman spokesperson premier vice deputy herr frau madame monsieur präsident ' +
    'kanzler kanzlerin ministerpräsident président ministre'
  )
    .split(' ')
    .map((w) => normalizeKey(w, true)), // compared with folded page text
);

const isUpperStart = (s: string): boolean => {
  const c = s[0];
  return c !== undefined && c !== c.toLowerCase();
};

// Printable ASCII without the backquote (an apostrophe to the normaliser) or doubled spaces: the normalisers below
// would only change its case, so they are skipped for it.
const PLAIN = /^(?:[\x21-\x5f\x61-\x7e]| (?! ))*$/;

function caseKey(s: string): string {
  if (PLAIN.test(s)) return s.trim();
  return normalize(s.normalize('NFKD').replace(/\p{M}/gu, ''), { fold: false }).text.trim();
}

/** Letters as written, without the separators between them: "collective-defence" spells "collective defence". */
function spellingKey(s: string): string {
  return s.replace(/[\s\-'".]/g, '');
}

function splitTokens(s: string): string[] {
  const out: string[] = [];
  forEachToken(s, (a, b) => out.push(s.slice(a, b)));
  return out;
}

export class NameMatcher {
  private readonly aliases: CompiledAlias[];
  private readonly related: ReadonlyMap<string, readonly string[]>;
  /** Entity id → its type and the heads of its role titles ("president", "prime minister"). */
  private readonly types = new Map<string, string | undefined>();
  private readonly titleHeads = new Map<string, string[]>();
  private tries: [TokenTrie | null, TokenTrie | null] = [null, null];
  /** Per trie (exact, folded): what is known of each of its alias lists (see `ListInfo`). */
  private readonly listInfos: [(ListInfo | undefined)[], (ListInfo | undefined)[]] = [[], []];
  /** `caseFits`'s memo of the case key of the text being accepted (one accept at a time). */
  private readonly sliceKey = { key: '' };

  constructor(specs: readonly AliasSpec[], related: ReadonlyMap<string, readonly string[]> = new Map()) {
    this.related = related;
    for (const spec of specs) {
      if (!this.types.has(spec.entity)) this.types.set(spec.entity, spec.type);
      if (spec.titles?.length && !this.titleHeads.has(spec.entity))
        this.titleHeads.set(spec.entity, [...new Set(spec.titles.map(titleHead).filter((h) => h.length > 0))]);
    }
    this.aliases = specs.map((spec) => {
      const raw = normalize(spec.text, { fold: false }).text.trim();
      const words = splitTokens(raw);
      let caps = 0;
      for (let k = 0; k < words.length && k < 31; k++) if (isUpperStart(words[k])) caps |= 1 << k;
      return {
        spec,
        caps,
        tokens: words.length,
        exactKey: spellingKey(raw),
        caseKey: caseKey(spec.text),
        byKey: spec.caseSensitive === true || /^\p{Ll}\p{L}*\p{Lu}/u.test(raw),
        entity: spec.entity,
        ambiguous: spec.ambiguous === true,
        place: spec.type === 'place',
      };
    });
  }

  get aliasCount(): number {
    return this.aliases.length;
  }

  /** Build the trie for one mode on first use (the exact trie is only built if exact mode is ever asked for). */
  private trie(exact: boolean): TokenTrie {
    const slot = exact ? 0 : 1;
    let t = this.tries[slot];
    if (!t) {
      t = new TokenTrie();
      for (let i = 0; i < this.aliases.length; i++) {
        const a = this.aliases[i];
        const tokens = splitTokens(normalize(a.spec.text, { fold: !exact }).text);
        // May the text's first word start with a small letter? Not when the alias's does not (see `caseFits`).
        t.add(tokens, i, (a.caps & 1) === 0 || tokens.length !== a.tokens);
      }
      this.tries[slot] = t;
    }
    return t;
  }

  /** Build both tries now (so the first page does not pay for it). */
  warm(): void {
    this.trie(false);
  }

  /** Match the blocks of one page. Returns one read-only list per block, ordered by start. */
  matchPage(blocks: readonly string[], options: MatchOptions = {}): (readonly NameMatch[])[] {
    const page = new PageLanguage(blocks, options);
    const raw = blocks.map((b) => this.scanBlock(b, options, page));
    return this.resolve(blocks, raw, options, page);
  }

  private scanBlock(text: string, opts: MatchOptions, page: PageLanguage): readonly RawMatch[] {
    const exact = opts.exact === true;
    const trie = this.trie(exact);
    const inflect = page.inflect;
    // Most tokens are turned down by the scan itself, by a bit in a small set, as it closes each token (the exact
    // route has no filter: its tokens are tested here).
    const view = blockTokens(text, !exact, trie.startFilter());
    const cands = view.candidates;
    const count = cands ? view.candidateCount : view.count;
    let out: RawMatch[] | null = null;
    let lastEnd = 0;
    let next = 0; // tokens before this one are inside a match taken
    for (let k = 0; k < count; k++) {
      const i = cands ? cands[k] : k;
      if (i < next) continue;
      if (!cands) {
        const c = text.charCodeAt(view.starts[i]);
        if (!trie.mayStart(view.hashes[i], c >= 0x61 && c <= 0x7a)) continue;
      }
      // Then most of the rest, by the token after it, still before the trie's edge table is touched.
      if (!trie.mayGoOn(view, i)) continue;
      // One code point can fold into several tokens ("㍻" → "平成"): a token that maps back into text already
      // matched starts nothing, or two matches would cover the same characters.
      if (view.starts[i] < lastEnd) continue;
      // Almost every walk ends at its first token, by the token's hashes, before any string is built.
      const found = trie.walk(view, i, inflect);
      for (let h = 0; h < found; h++) {
        const hit = trie.hits[h];
        if (hit.genitive && !page.genitiveS()) continue;
        const m = this.accept(text, view, i, hit, trie, exact);
        if (m && trie.spelled(view, i, hit)) {
          if (out === null) out = [];
          out.push(m);
          lastEnd = m.end;
          next = hit.lastToken + 1;
          break;
        }
      }
    }
    return out ?? NO_MATCHES;
  }

  private accept(
    text: string,
    view: TokenView,
    first: number,
    hit: TrieHit,
    trie: TokenTrie,
    exact: boolean,
  ): RawMatch | null {
    const single = hit.lastToken === first;
    const info = this.listInfo(exact, trie, hit);
    // An ambiguous one-word name glued to another capitalised word: decided before anything is built.
    if (single && info.allAmbiguous && this.insideLongerName(text, view, first)) return null;
    const start = view.starts[first];
    const end = view.ends[hit.lastToken];
    const slice = text.slice(start, end);
    const tokens = hit.lastToken - first + 1;
    // Which of the text's tokens start with a capital (bit k for token first + k), for `caseFits`.
    let capitals = 0;
    for (let k = 0; k < tokens && k < 31; k++) if (isUpperStart(text[view.starts[first + k]])) capitals |= 1 << k;
    let ok: readonly CompiledAlias[] | null = null;
    if (exact) ok = info.aliases;
    else if (info.tokens >= 0) {
      // One test for the whole list (`caseFits` for aliases matched by their capitals).
      if (info.tokens === tokens && (info.caps & ~capitals) !== 0) return null;
      ok = info.aliases;
    } else {
      const passed: CompiledAlias[] = [];
      this.sliceKey.key = '';
      for (const a of info.aliases) if (this.caseFits(a, capitals, tokens, hit, slice, this.sliceKey)) passed.push(a);
      if (passed.length === 0) return null;
      ok = passed.length === info.aliases.length ? info.aliases : passed;
    }
    const whole = ok === info.aliases;
    const clear = whole ? info.clear : entitiesOf(ok, false);
    const spelled = spellingKey(PLAIN.test(slice) ? slice : normalize(slice, { fold: false }).text);
    const shared = whole ? info.exactKey : null;
    return {
      start,
      end,
      aliases: ok,
      inflected: hit.inflected,
      exactSpelling: !hit.inflected && (shared !== null ? shared === spelled : ok.some((a) => a.exactKey === spelled)),
      spelled,
      key: foldKey(slice),
      before: clear.length === 1 ? '' : wordsBefore(view, first),
      clear,
      info: whole ? info : null,
    };
  }

  /** What is known of the alias list of this hit, worked out on the list's first hit (see `ListInfo`). */
  private listInfo(exact: boolean, trie: TokenTrie, hit: TrieHit): ListInfo {
    const infos = this.listInfos[exact ? 0 : 1];
    let info = infos[hit.list];
    if (info !== undefined) return info;
    const aliases = trie.aliasesOf(hit.list).map((ai) => this.aliases[ai]);
    const [a0] = aliases;
    const uniform = aliases.every((a) => !a.byKey && a.tokens === a0.tokens && a.caps === a0.caps);
    info = {
      aliases,
      allAmbiguous: aliases.every((a) => a.ambiguous),
      tokens: uniform ? a0.tokens : -1,
      caps: uniform ? a0.caps : 0,
      clear: entitiesOf(aliases, false),
      all: entitiesOf(aliases, true),
      related: null,
      exactKey: aliases.every((a) => a.exactKey === a0.exactKey) ? a0.exactKey : null,
    };
    infos[hit.list] = info;
    return info;
  }

  /**
   * Names are capitalised in running text: every alias token written with a capital must start with a
   * capital in the text ("Trump" matches "Trump" and "TRUMP", not "trump card"). `caseSensitive` aliases
   * must match letter for letter ("NATO", "Nato"), accents aside.
   */
  private caseFits(
    a: CompiledAlias,
    capitals: number,
    tokens: number,
    hit: TrieHit,
    slice: string,
    memo: { key: string },
  ): boolean {
    // A name in camel case ("eMotion", "iPhone") is that spelling only, like a case-sensitive one.
    if (a.byKey) {
      memo.key ||= caseKey(slice);
      return hit.inflected ? memo.key.startsWith(a.caseKey) : memo.key === a.caseKey;
    }
    if (tokens !== a.tokens) return true; // token counts differ only through folding; be lenient
    return (a.caps & ~capitals) === 0;
  }

  /** An ambiguous one-word name glued to another capitalised word is part of a longer name ("Alaska Airlines"). */
  private insideLongerName(text: string, view: TokenView, i: number): boolean {
    if (i + 1 < view.count && view.spaced(i) && isUpperStart(text[view.starts[i + 1]])) return true;
    if (i > 0 && view.spaced(i - 1) && isUpperStart(text[view.starts[i - 1]])) {
      const prev = view.text(i - 1).toLowerCase();
      if (!TITLES.has(prev)) return true;
    }
    return false;
  }

  private resolve(
    blocks: readonly string[],
    raw: (readonly RawMatch[])[],
    opts: MatchOptions,
    page: PageLanguage,
  ): (readonly NameMatch[])[] {
    // Entities named unambiguously somewhere on the page, with the (folded) texts that named them.
    const anchored = new Map<string, Set<string>>(Object.entries(opts.anchors ?? {}).map(([k, v]) => [k, new Set(v)]));
    for (const list of raw) {
      for (const m of list) {
        const ids = m.clear;
        if (ids.length !== 1) continue;
        const texts = anchored.get(ids[0]) ?? new Set<string>();
        texts.add(m.key);
        anchored.set(ids[0], texts);
      }
    }
    if (opts.anchors) for (const [k, v] of anchored) opts.anchors[k] = [...v];
    const context: PageContext = { anchored, page };
    return raw.map((list, b) => {
      if (list.length === 0) return NO_NAMES;
      const out: NameMatch[] = [];
      for (const m of list) {
        const chosen = this.choose(m, m.key, context);
        if (!chosen) continue;
        const [entity, via] = chosen;
        out.push({
          entity,
          start: m.start,
          end: m.end,
          text: blocks[b].slice(m.start, m.end),
          via,
          score: score(m, via),
        });
      }
      return out;
    });
  }

  /**
   * Related entities are context only when named by something other than a longer name containing this very
   * word: "Budapest Memorandum" on the page says nothing about the city in "a city break in Budapest".
   */
  private relatedContext(
    entity: string,
    related: readonly string[] | undefined,
    key: string,
    anchored: Map<string, Set<string>>,
  ): boolean {
    // Looked up only once a related entity is on the page: most candidates have none there.
    let person: boolean | undefined;
    return (related ?? []).some((r) => {
      const texts = anchored.get(r);
      if (texts === undefined || (this.related.get(r)?.length ?? 0) > HUB_RELATIONS) return false;
      // A place on the page says little about which person bearing a surname is meant (officials relate to
      // their country by the thousand).
      person ??= this.types.get(entity) === 'person';
      if (person && this.types.get(r) === 'place') return false;
      return [...texts].some((t) => !t.includes(key));
    });
  }

  /** Candidates whose role title is the title written right before the name ("President Trump"). */
  private byTitle(candidates: readonly string[], before: string): string[] {
    const words = before.split(' ');
    if (!TITLES.has(words[words.length - 1])) return [];
    return candidates.filter((e) =>
      (this.titleHeads.get(e) ?? []).some((h) => {
        if (before === h) return true;
        // "Minister Lammy" for a prime minister is fine; "President Pence" for a vice president is not.
        if (!before.endsWith(` ${h}`))
          return h.endsWith(` ${before}`) && !h.split(' ').some((w) => TITLE_MODIFIERS.has(w));
        const prev =
          before
            .slice(0, before.length - h.length - 1)
            .split(' ')
            .pop() ?? '';
        return !TITLE_MODIFIERS.has(prev);
      }),
    );
  }

  private choose(m: RawMatch, key: string, context: PageContext): [string, NameMatch['via']] | null {
    const { anchored, page } = context;
    const clear = m.clear;
    const direct: NameMatch['via'] = m.inflected ? 'inflected' : m.exactSpelling ? 'exact' : 'folded';
    if (clear.length === 1) return [clear[0], direct];
    // Spellings that differ only in what matching skips ("İstanbul ㍻ Nato" and "İstanbul Nato" in exact mode,
    // "Muller" and "Müller" folded) name the one entity whose alias is written exactly as the text.
    if (clear.length > 1 && m.exactSpelling && !m.inflected) {
      const spelledSo = entitiesOf(
        m.aliases.filter((a) => a.exactKey === m.spelled),
        false,
      );
      if (spelledSo.length === 1) return [spelledSo[0], 'exact'];
    }
    const info = m.info;
    const all = info ? info.all : entitiesOf(m.aliases, true);
    // A title right before the name picks the one candidate holding it, named in full on the page or not:
    // "President Trump" is Donald Trump even where only Ivanka Trump is named in full.
    if (m.before) {
      const titled = this.byTitle(all, m.before);
      if (titled.length === 1) return [titled[0], anchored.has(titled[0]) ? 'anchored' : 'title'];
    }
    const byAnchor = all.filter((e) => anchored.has(e));
    if (byAnchor.length === 1) return [byAnchor[0], all.length === 1 && clear.length === 1 ? direct : 'anchored'];
    // Indirect evidence needs the name as written: not a plural or an accent-folded spelling ("Readers").
    const literal = m.exactSpelling && !m.inflected;
    if (byAnchor.length === 0 && literal) {
      // Each candidate's relations, kept with the alias list when the match has the whole list.
      if (info && info.related === null) info.related = info.all.map((e) => this.related.get(e));
      const related = info ? info.related : null;
      const byRelated = all.filter((e, k) =>
        this.relatedContext(e, related ? related[k] : this.related.get(e), key, anchored),
      );
      if (byRelated.length === 1) return [byRelated[0], 'related'];
    }
    // A locative word before the name settles it when exactly one candidate is a place.
    if (literal && LOCATIVE.test(m.before) && !CALENDAR.has(key)) {
      // Only a place spelled exactly so: "Bush" is not the town of Būsh.
      const places = entitiesOf(
        m.aliases.filter((a) => a.place && a.exactKey === m.spelled),
        true,
      );
      if (places.length === 1) return [places[0], 'locative'];
    }
    const lang = clear.length > 1 ? page.lang() : undefined;
    if (lang) {
      const byLang = entitiesOf(
        m.aliases.filter((a) => !a.spec.ambiguous && a.spec.lang?.split('-')[0] === lang),
        false,
      );
      if (byLang.length === 1) return [byLang[0], 'language'];
    }
    return null;
  }
}

// Languages whose names take a genitive "s" without an apostrophe (Putins, Selenskyjs, Rutte's is English).
const GENITIVE_S = new Set(['de', 'nl', 'sv', 'da', 'nb', 'nn', 'no', 'is', 'lb', 'af', 'fy']);

/**
 * The page's language, for the two rules that depend on it: which inflections a name may lose (the genitive "s"
 * only where the language has one), and which of several entities sharing a spelling is meant. A page that does
 * not declare its language gets a guess from its function words (English plurals are no genitive), made only when
 * one of the rules first asks: most pages never need it.
 */
class PageLanguage {
  /** Endings a name may lose: none in exact mode; all (the genitive "s" checked per hit) unless declared. */
  readonly inflect: Inflect;
  /** The declared language's primary subtag, lower case; then the guess, once made (null: not asked yet). */
  private known: string | undefined | null;

  constructor(
    private readonly blocks: readonly string[],
    opts: MatchOptions,
  ) {
    const declared = opts.lang?.toLowerCase().split('-')[0] || undefined;
    // Exact mode makes no guess.
    this.known = declared ?? (opts.exact ? undefined : null);
    this.inflect = opts.exact ? 'none' : !declared || GENITIVE_S.has(declared) ? 'all' : 'slavic';
  }

  /** The declared language, else the guess (primary subtag, lower case), else undefined. */
  lang(): string | undefined {
    if (this.known === null) this.known = guessLanguage(this.blocks);
    return this.known;
  }

  /** May a name lose a genitive "s" here? Yes where the language has one, or is unknown. */
  genitiveS(): boolean {
    const lang = this.lang();
    return lang === undefined || GENITIVE_S.has(lang);
  }
}

/** Up to two words right before token i, joined by single spaces (only across plain white space). */
function wordsBefore(view: TokenView, i: number): string {
  const words: string[] = [];
  for (let k = i - 1; k >= 0 && words.length < 2; k--) {
    if (!view.spaced(k)) break;
    words.unshift(view.text(k).toLowerCase());
  }
  return words.join(' ');
}

/** The head of a role title, lower case: "President of the United States" → "president", "Senior Advisor to the
 * President" → "senior advisor", "Prime Minister, Japan" → "prime minister". */
export function titleHead(title: string): string {
  const head = normalizeKey(title, true).split(/,| of | to | for | in | at | and |\(/)[0];
  return head
    .replace(/[^\p{L}\p{M} ]/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

const foldKey = (s: string): string => (PLAIN.test(s) ? s.toLowerCase() : normalize(s, { fold: true }).text).trim();

/** What `choose` reads about the page: the entities named unambiguously on it (see `resolve`), and its language. */
interface PageContext {
  anchored: Map<string, Set<string>>;
  page: PageLanguage;
}

/** Entities named by these aliases; `withAmbiguous` false keeps only aliases not flagged ambiguous. */
function entitiesOf(aliases: readonly CompiledAlias[], withAmbiguous: boolean): string[] {
  // Most spellings name one entity: no set for those.
  let only: string | null = null;
  let many = false;
  for (const a of aliases) {
    if (!withAmbiguous && a.ambiguous) continue;
    if (only === null) only = a.entity;
    else if (a.entity !== only) {
      many = true;
      break;
    }
  }
  if (!many) return only === null ? [] : [only];
  const out = new Set<string>(); // not a list with includes(): one spelling of 100k entities made that quadratic
  for (const a of aliases) {
    if (!withAmbiguous && a.ambiguous) continue;
    out.add(a.entity);
  }
  return [...out];
}

const VIA_SCORE: Record<NameMatch['via'], number> = {
  exact: 1,
  folded: 0.9,
  inflected: 0.85,
  anchored: 0.85,
  title: 0.8,
  language: 0.75,
  related: 0.7,
  locative: 0.65,
};

function score(m: RawMatch, via: NameMatch['via']): number {
  const base = VIA_SCORE[via];
  return m.exactSpelling || via === 'exact' ? base : Math.min(base, 0.9);
}
