/**
 * Name matching: every alias of every entity in one pass per block, then a page-level decision on ambiguity.
 *
 * Pass 1 (per block): normalise (offset map kept), tokenise, walk the token trie leftmost-longest, keep a hit
 * only if its casing fits the alias (see `caseFits`). Pass 2 (per page): entities mentioned unambiguously
 * anchor the page; ambiguous spellings count only for an anchored entity, or one related to an anchored
 * entity; a spelling shared by several entities picks the anchored one, else the page's language, else none.
 */
import { type Normalized, normalize } from '../text/normalize.ts';
import { forEachToken } from '../text/tokenize.ts';
import { TokenTrie, type TrieHit } from './trie.ts';

export interface AliasSpec {
  entity: string;
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
  via: 'exact' | 'folded' | 'inflected' | 'anchored' | 'related' | 'language' | 'locative';
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
  /** Per alias token: must the text token start with a capital letter? */
  caps: boolean[];
  /** Spelling with case and accents as written (for the exact-spelling rank and caseSensitive). */
  exactKey: string;
  caseKey: string;
}

interface RawMatch {
  start: number;
  end: number;
  aliases: CompiledAlias[];
  inflected: boolean;
  exactSpelling: boolean;
  /** The one or two words right before the match (folded), when nothing but a space separates them. */
  before: string;
}

// Words before a name that say "this is a place": "in Budapest", "to Alaska", "the city of Budapest".
const LOCATIVE =
  /(?:^| )(?:in|at|to|from|near|outside|around|via|across|inside|city of|state of|capital of|nach|in der|à|en)$/;

// Words that may stand right before an ambiguous surname without making it part of another name.
const TITLES = new Set(
  (
    'president prime minister chancellor secretary general envoy ambassador senator governor mayor king queen ' +
    'prince sir dame lord lady mr mrs ms dr professor prof commissioner chairman chair speaker leader foreign ' +
    'defence defense spokesman spokeswoman spokesperson premier vice deputy herr frau madame monsieur präsident ' +
    'kanzler kanzlerin ministerpräsident président ministre'
  ).split(' '),
);

const isUpperStart = (s: string): boolean => {
  const c = s[0];
  return c !== undefined && c !== c.toLowerCase();
};

function caseKey(s: string): string {
  return normalize(s.normalize('NFKD').replace(/\p{M}/gu, ''), { fold: false }).text.trim();
}

function splitTokens(s: string): string[] {
  const out: string[] = [];
  forEachToken(s, (a, b) => out.push(s.slice(a, b)));
  return out;
}

export class NameMatcher {
  private readonly aliases: CompiledAlias[];
  private readonly related: ReadonlyMap<string, readonly string[]>;
  private tries: [TokenTrie | null, TokenTrie | null] = [null, null];
  private readonly hits: TrieHit[] = [];

  constructor(specs: readonly AliasSpec[], related: ReadonlyMap<string, readonly string[]> = new Map()) {
    this.related = related;
    this.aliases = specs.map((spec) => {
      const raw = normalize(spec.text, { fold: false }).text.trim();
      return {
        spec,
        caps: splitTokens(raw).map(isUpperStart),
        exactKey: raw,
        caseKey: caseKey(spec.text),
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
        t.add(splitTokens(normalize(this.aliases[i].spec.text, { fold: !exact }).text), i);
      }
      this.tries[slot] = t;
    }
    return t;
  }

  /** Build both tries now (so the first page does not pay for it). */
  warm(): void {
    this.trie(false);
  }

  /** Match the blocks of one page. Returns one list per block, ordered by start. */
  matchPage(blocks: readonly string[], opts: MatchOptions = {}): NameMatch[][] {
    const raw = blocks.map((b) => this.scanBlock(b, opts));
    return this.resolve(blocks, raw, opts);
  }

  private scanBlock(text: string, opts: MatchOptions): RawMatch[] {
    const exact = opts.exact === true;
    const trie = this.trie(exact);
    const norm = normalize(text, { fold: !exact });
    const starts: number[] = [];
    const ends: number[] = [];
    const toks: string[] = [];
    forEachToken(norm.text, (a, b) => {
      starts.push(a);
      ends.push(b);
      toks.push(norm.text.slice(a, b));
    });
    const out: RawMatch[] = [];
    let lastEnd = 0;
    for (let i = 0; i < toks.length; ) {
      // One code point can fold into several tokens ("㍻" → "平成"): a token that maps back into text already
      // matched starts nothing, or two matches would cover the same characters.
      if (norm.starts[starts[i]] < lastEnd) {
        i++;
        continue;
      }
      trie.walk(toks, i, !exact, this.hits);
      let taken = -1;
      for (const hit of this.hits) {
        const m = this.accept(text, norm, starts, ends, i, hit, exact);
        if (m) {
          out.push(m);
          lastEnd = m.end;
          taken = hit.lastToken;
          break;
        }
      }
      i = taken >= 0 ? taken + 1 : i + 1;
    }
    return out;
  }

  private accept(
    text: string,
    norm: Normalized,
    starts: number[],
    ends: number[],
    first: number,
    hit: TrieHit,
    exact: boolean,
  ): RawMatch | null {
    const start = norm.starts[starts[first]];
    const end = norm.ends[ends[hit.lastToken] - 1];
    const slice = text.slice(start, end);
    const ok: CompiledAlias[] = [];
    for (const ai of hit.aliases) {
      const a = this.aliases[ai];
      if (exact || this.caseFits(a, text, norm, starts, first, hit, slice)) ok.push(a);
    }
    if (ok.length === 0) return null;
    const single = hit.lastToken === first;
    if (single && ok.every((a) => a.spec.ambiguous) && this.insideLongerName(text, norm, starts, ends, first)) {
      return null;
    }
    const spelled = normalize(slice, { fold: false }).text;
    return {
      start,
      end,
      aliases: ok,
      inflected: hit.inflected,
      exactSpelling: !hit.inflected && ok.some((a) => a.exactKey === spelled),
      before: wordsBefore(norm.text, starts, ends, first),
    };
  }

  /**
   * Names are capitalised in running text: every alias token written with a capital must start with a
   * capital in the text ("Trump" matches "Trump" and "TRUMP", not "trump card"). `caseSensitive` aliases
   * must match letter for letter ("NATO", "Nato"), accents aside.
   */
  private caseFits(
    a: CompiledAlias,
    text: string,
    norm: Normalized,
    starts: number[],
    first: number,
    hit: TrieHit,
    slice: string,
  ): boolean {
    if (a.spec.caseSensitive) {
      const key = caseKey(slice);
      return hit.inflected ? key.startsWith(a.caseKey) : key === a.caseKey;
    }
    const n = hit.lastToken - first + 1;
    if (n !== a.caps.length) return true; // token counts differ only through folding; be lenient
    for (let k = 0; k < n; k++) {
      if (a.caps[k] && !isUpperStart(text[norm.starts[starts[first + k]]])) return false;
    }
    return true;
  }

  /** An ambiguous one-word name glued to another capitalised word is part of a longer name ("Alaska Airlines"). */
  private insideLongerName(text: string, norm: Normalized, starts: number[], ends: number[], i: number): boolean {
    const capAt = (k: number) => isUpperStart(text[norm.starts[starts[k]]]);
    const adjacent = (a: number, b: number) => norm.text.slice(ends[a], starts[b]) === ' ';
    if (i + 1 < starts.length && adjacent(i, i + 1) && capAt(i + 1)) return true;
    if (i > 0 && adjacent(i - 1, i) && capAt(i - 1)) {
      const prev = norm.text.slice(starts[i - 1], ends[i - 1]).toLowerCase();
      if (!TITLES.has(prev)) return true;
    }
    return false;
  }

  private resolve(blocks: readonly string[], raw: RawMatch[][], opts: MatchOptions): NameMatch[][] {
    // Entities named unambiguously somewhere on the page, with the (folded) texts that named them.
    const anchored = new Map<string, Set<string>>(Object.entries(opts.anchors ?? {}).map(([k, v]) => [k, new Set(v)]));
    raw.forEach((list, b) => {
      for (const m of list) {
        const ids = entitiesOf(m.aliases, false);
        if (ids.length !== 1) continue;
        const texts = anchored.get(ids[0]) ?? new Set<string>();
        texts.add(foldKey(blocks[b].slice(m.start, m.end)));
        anchored.set(ids[0], texts);
      }
    });
    if (opts.anchors) for (const [k, v] of anchored) opts.anchors[k] = [...v];
    const lang = opts.lang?.toLowerCase().split('-')[0];
    return raw.map((list, b) => {
      const out: NameMatch[] = [];
      for (const m of list) {
        const chosen = this.choose(m, foldKey(blocks[b].slice(m.start, m.end)), anchored, lang);
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
  private relatedContext(entity: string, key: string, anchored: Map<string, Set<string>>): boolean {
    return (this.related.get(entity) ?? []).some((r) => {
      const texts = anchored.get(r);
      return texts !== undefined && [...texts].some((t) => !t.includes(key));
    });
  }

  private choose(
    m: RawMatch,
    key: string,
    anchored: Map<string, Set<string>>,
    lang: string | undefined,
  ): [string, NameMatch['via']] | null {
    const clear = entitiesOf(m.aliases, false);
    const direct: NameMatch['via'] = m.inflected ? 'inflected' : m.exactSpelling ? 'exact' : 'folded';
    if (clear.length === 1) return [clear[0], direct];
    const all = entitiesOf(m.aliases, true);
    const byAnchor = all.filter((e) => anchored.has(e));
    if (byAnchor.length === 1) return [byAnchor[0], all.length === 1 && clear.length === 1 ? direct : 'anchored'];
    if (byAnchor.length === 0) {
      const byRelated = all.filter((e) => this.relatedContext(e, key, anchored));
      if (byRelated.length === 1) return [byRelated[0], 'related'];
    }
    // A locative word before the name settles it when exactly one candidate is a place.
    if (LOCATIVE.test(m.before)) {
      const places = entitiesOf(
        m.aliases.filter((a) => a.spec.type === 'place'),
        true,
      );
      if (places.length === 1) return [places[0], 'locative'];
    }
    if (lang && clear.length > 1) {
      const byLang = entitiesOf(
        m.aliases.filter((a) => !a.spec.ambiguous && a.spec.lang?.split('-')[0] === lang),
        false,
      );
      if (byLang.length === 1) return [byLang[0], 'language'];
    }
    return null;
  }
}

/** Up to two words right before token i, joined by single spaces (only across plain spaces). */
function wordsBefore(text: string, starts: number[], ends: number[], i: number): string {
  const words: string[] = [];
  for (let k = i - 1; k >= 0 && words.length < 2; k--) {
    if (text.slice(ends[k], starts[k + 1]) !== ' ') break;
    words.unshift(text.slice(starts[k], ends[k]).toLowerCase());
  }
  return words.join(' ');
}

const foldKey = (s: string): string => normalize(s, { fold: true }).text.trim();

/** Entities named by these aliases; `withAmbiguous` false keeps only aliases not flagged ambiguous. */
function entitiesOf(aliases: CompiledAlias[], withAmbiguous: boolean): string[] {
  const out = new Set<string>(); // not a list with includes(): one spelling of 100k entities made that quadratic
  for (const a of aliases) {
    if (!withAmbiguous && a.spec.ambiguous) continue;
    out.add(a.spec.entity);
  }
  return [...out];
}

const VIA_SCORE: Record<NameMatch['via'], number> = {
  exact: 1,
  folded: 0.9,
  inflected: 0.85,
  anchored: 0.85,
  language: 0.75,
  related: 0.7,
  locative: 0.65,
};

function score(m: RawMatch, via: NameMatch['via']): number {
  const base = VIA_SCORE[via];
  return m.exactSpelling || via === 'exact' ? base : Math.min(base, 0.9);
}
