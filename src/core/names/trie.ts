/**
 * A token trie over alias spellings: one pass over a text's tokens finds every alias, leftmost-longest.
 *
 * At each token we walk the trie as far as the following tokens allow and keep every alias that ends on the
 * way; the caller accepts the longest one that passes its checks and jumps past it. The walk is bounded by the
 * longest alias (in tokens), so the pass is linear at any number of aliases.
 *
 * Edges are keyed by (parent node, the token's two 32-bit hashes) in one open-addressing table of typed arrays:
 * the text's tokens are hashed while they are scanned (./scan.ts), so a walk builds no string and allocates
 * nothing until an alias ends. There the tokens on the path are compared as strings, so a hash collision can never
 * make a match (at worst, with odds of about one in 10^19 per token, it could hide one).
 */

import { type HashBits, hashBits, mayHave } from './hash-bits.ts';
import { hashToken, hashToken2, type StartFilter } from './scan.ts';

/** Tokens as the walk reads them: by index, hashed, folded text built on demand. */
export interface TokenSource {
  readonly count: number;
  readonly hashes: Int32Array;
  /** The second hash of token i (see `TokenView.hash2`). */
  hash2(i: number): number;
  text(i: number): string;
  /** Is `s` the folded text of token i? (`text(i) === s`, without building the text where that can be avoided.) */
  spells(i: number, s: string): boolean;
  /** The last code unit of token i as written. */
  last(i: number): number;
}

/** What `TokenTrie.walk` found; valid until the next walk (the trie reuses these objects). */
export interface TrieHit {
  /** Index of the last token of the alias (inclusive). */
  lastToken: number;
  /**
   * Which of the trie's alias lists ends here (its alias indices: `aliasesOf`), a key for what callers derive from
   * the list.
   */
  list: number;
  /** The last token matched only after stripping an inflection ("Putins" → "putin"). */
  inflected: boolean;
  /** The inflection stripped was a genitive "s" (which only some languages have: see `Inflect`). */
  genitive: boolean;
}

// Endings stripped from a final token when the full token is no alias: possessive/genitive "s" (en, de, nl,
// sv…) and the common Slavic case endings (Путина, Путину, Зеленського, Kyjowa…). Longest first.
const INFLECTIONS = ['ого', 'ому', 'ами', 'ом', 'ем', 'ым', 'ой', 'ою', 'а', 'у', 'е', 'ю', 'я', 'і', 'и', 's'];

/**
 * Which endings to strip: none (exact mode), the Slavic case endings only, or these and the genitive "s". An
 * English "s" is a plural far more often than a name's inflection ("Industries", "New Yorkers", "Olympics"), and
 * the English possessive is written with an apostrophe, which the tokeniser already separates.
 */
export type Inflect = 'none' | 'slavic' | 'all';
const MIN_STEM = 4;
const INFLECTION_LAST = new Set(INFLECTIONS.map((s) => s[s.length - 1]));
/** The endings' last letters as written may be capitals too: "PUTINS", "ПУТИНА". */
const mayInflect = (unit: number): boolean => unit === 0x73 || unit === 0x53 || unit >= 0x400;

/** A token and the inflected forms the walk may strip back to it: plus "s", and plus the Cyrillic case endings
 * when it is written outside ASCII. */
function endings(token: string): string[] {
  if (token.length < MIN_STEM) return [token];
  const out = [token, `${token}s`];
  if (/[\u0080-\uffff]/.test(token)) for (const suffix of INFLECTIONS) out.push(token + suffix);
  return out;
}

/** Longer hits first; at equal length an exact last token before an inflected one. */
const longestFirst = (a: TrieHit, b: TrieHit): number =>
  b.lastToken - a.lastToken || Number(a.inflected) - Number(b.inflected);

/** The bit set of these first tokens and their inflected forms. */
function firstTokenBits(firsts: ReadonlySet<string>): HashBits {
  const forms: number[] = [];
  for (const first of firsts) for (const form of endings(first)) forms.push(hashToken(form));
  return hashBits(forms, forms.length);
}

const pairHash = (a: number, b: number): number => {
  const x = Math.imul(a ^ (b >>> 15) ^ (b << 17), 0x9e3779b1);
  return x ^ (x >>> 15);
};

const EMPTY = 0; // no child is node 0 (the root), so 0 marks a free slot

// The edge table holds four numbers per slot, side by side (one cache line per probe): parent node, the token's
// two hashes, child node.
const STRIDE = 4;

export class TokenTrie {
  private table = new Int32Array(1024 * STRIDE);
  private mask = 1023;
  private edges = 0;
  /** Per node: the token that leads into it (checked when an alias ends). */
  private readonly tokenOf: string[] = [''];
  /** Per node: 1 + its index in `lists` when an alias ends there, else 0. */
  private ending = new Int32Array(1024);
  private readonly lists: number[][] = [];
  /** Hashes of every token of every alias: such a token is a spelling of its own, never an inflected form. */
  private readonly vocabulary = new Set<number>();
  private readonly path: number[] = [];
  /** The last walk's hits, the first `found` of them (the objects are reused from walk to walk). */
  private readonly hitPool: TrieHit[] = [];
  private found = 0;
  /** First tokens, and first tokens of aliases that may start with a small letter in the text (see `mayStart`). */
  private readonly firsts = new Set<string>();
  private readonly lowerFirsts = new Set<string>();
  private bits: StartFilter | null = null;
  /** Hashes of the first two tokens of aliases of two tokens or more (see `mayGoOn`). */
  private readonly pairs = new Set<number>();
  /** Hashes of one-token aliases, and of their inflected forms (see `mayGoOn`). */
  private readonly singles = new Set<number>();
  private singleBits: HashBits | null = null;
  private pairBits: HashBits | null = null;
  /** Longest alias in tokens. */
  maxDepth = 0;

  /** `lowerOk`: the alias may match where the text's first token starts with a small letter ("von der Leyen"). */
  add(tokens: readonly string[], aliasIndex: number, lowerOk = true): void {
    if (tokens.length === 0) return;
    this.bits = null;
    this.pairBits = null;
    this.singleBits = null;
    if (tokens.length > 1)
      for (const second of endings(tokens[1])) this.pairs.add(pairHash(hashToken(tokens[0]), hashToken(second)));
    else for (const form of endings(tokens[0])) this.singles.add(hashToken(form));
    this.firsts.add(tokens[0]);
    if (lowerOk) this.lowerFirsts.add(tokens[0]);
    let node = 0;
    for (const token of tokens) {
      const h1 = hashToken(token);
      const h2 = hashToken2(token);
      this.vocabulary.add(h1);
      let next = this.find(node, h1, h2);
      if (next === EMPTY) {
        next = this.tokenOf.length;
        this.tokenOf.push(token);
        this.insert(node, h1, h2, next);
      }
      node = next;
    }
    if (node >= this.ending.length) {
      const grown = new Int32Array(Math.max(2 * this.ending.length, node + 1));
      grown.set(this.ending);
      this.ending = grown;
    }
    const at = this.ending[node];
    // Indices arrive in increasing order, so a repeat can only be the last one: checking just that keeps 100k
    // aliases of one spelling linear (list.includes made building such a trie quadratic).
    if (at > 0) {
      const list = this.lists[at - 1];
      if (list[list.length - 1] !== aliasIndex) list.push(aliasIndex);
    } else this.ending[node] = this.lists.push([aliasIndex]);
    if (tokens.length > this.maxDepth) this.maxDepth = tokens.length;
  }

  /**
   * Might a token with this hash start an alias (`lower`: the token starts with a small letter)? False is certain.
   * Two bit sets small enough to stay in the processor's cache turn down most tokens before the edge table is
   * touched; in English text most words start with a small letter, and few aliases may. The bits also cover an
   * inflected first token ("Putins", "Путина"): each first token plus the endings its script takes.
   */
  mayStart(hash: number, lower: boolean): boolean {
    const b = this.startFilter();
    return mayHave(lower ? b.lower : b.all, hash);
  }

  /** `mayStart`'s bit sets, for the scan to test each token as it closes it. */
  startFilter(): StartFilter {
    // Each set is sized by its own count: few aliases may start with a small letter, and most words of a text do,
    // so that set is small enough to stay in the fastest cache.
    this.bits ??= { all: firstTokenBits(this.firsts), lower: firstTokenBits(this.lowerFirsts) };
    return this.bits;
  }

  /**
   * For a token that passed `mayStart` (or the scan's `startFilter`): might an alias start here? False is certain.
   * Asked before the edge table, which at 100k aliases is far larger than the processor's cache: the token must be
   * a one-token alias itself, or start a longer one together with the token after it. "The", "New" and "Home"
   * begin thousands of organisation and place names, but hardly ever with the word that follows them here.
   */
  mayGoOn(tokens: TokenSource, i: number): boolean {
    const h = tokens.hashes[i];
    return this.maySingle(h) || (i + 1 < tokens.count && this.maxDepth > 1 && this.mayPair(h, tokens.hashes[i + 1]));
  }

  private maySingle(h: number): boolean {
    this.singleBits ??= hashBits(this.singles, this.singles.size, true);
    return mayHave(this.singleBits, h);
  }

  /** Might an alias start with these two tokens (by their first hashes)? False is certain. */
  private mayPair(h1: number, h2: number): boolean {
    this.pairBits ??= hashBits(this.pairs, this.pairs.size, true);
    return mayHave(this.pairBits, pairHash(h1, h2));
  }

  get size(): number {
    return this.tokenOf.length;
  }

  /** The alias indices of list `list` (see `TrieHit.list`). */
  aliasesOf(list: number): readonly number[] {
    return this.lists[list];
  }

  private slot(node: number, h1: number): number {
    let x = h1 ^ Math.imul(node + 1, 0x9e3779b1);
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    return (x ^ (x >>> 13)) & this.mask;
  }

  /** The child of `node` by the token with these hashes, or EMPTY. */
  private find(node: number, h1: number, h2: number): number {
    const t = this.table;
    for (let s = this.slot(node, h1); ; s = (s + 1) & this.mask) {
      const k = s * STRIDE;
      const c = t[k + 3];
      if (c === EMPTY) return EMPTY;
      if (t[k + 1] === h1 && t[k + 2] === h2 && t[k] === node) return c;
    }
  }

  private insert(node: number, h1: number, h2: number, child: number): void {
    if (2 * (this.edges + 1) > this.mask + 1) this.rehash(2 * (this.mask + 1));
    let s = this.slot(node, h1);
    while (this.table[s * STRIDE + 3] !== EMPTY) s = (s + 1) & this.mask;
    const k = s * STRIDE;
    this.table[k] = node;
    this.table[k + 1] = h1;
    this.table[k + 2] = h2;
    this.table[k + 3] = child;
    this.edges++;
  }

  private rehash(slots: number): void {
    const old = this.table;
    this.table = new Int32Array(slots * STRIDE);
    this.mask = slots - 1;
    this.edges = 0;
    for (let k = 0; k < old.length; k += STRIDE)
      if (old[k + 3] !== EMPTY) this.insert(old[k], old[k + 1], old[k + 2], old[k + 3]);
  }

  /** 1 + the index of the alias list ending at `node`, or 0. */
  private endingAt(node: number): number {
    return node < this.ending.length ? this.ending[node] : 0;
  }

  /**
   * Every alias that starts at token `i` of `tokens`, longest first, by the tokens' hashes (`spelled` checks a
   * hit's letters). An inflected hit is checked here.
   * `inflect` says which endings a final token may lose (see `Inflect`). A token found in any alias is a spelling
   * of its own ("Lucas" is no inflection of "Luca"), so nothing is stripped from it.
   * Returns how many hits there are: `hits[0]` to `hits[n - 1]`, valid until the next walk.
   */
  walk(tokens: TokenSource, i: number, inflect: Inflect): number {
    this.found = 0;
    let node = 0;
    const end = Math.min(tokens.count, i + this.maxDepth);
    for (let j = i; j < end; j++) {
      const next = this.find(node, tokens.hashes[j], tokens.hash2(j));
      if (next === EMPTY) {
        if (inflect !== 'none' && mayInflect(tokens.last(j)) && !this.vocabulary.has(tokens.hashes[j]))
          this.inflectedHits(tokens, i, node, j, inflect === 'all');
        break;
      }
      node = next;
      this.path[j - i] = node;
      const at = this.endingAt(node);
      if (at > 0) this.hit(j, at - 1, false, false);
      // "the" starts many aliases, but hardly ever with the word after it here: ask a small bit set before the
      // edge table. (An inflected second token is looked for in the edge table only when the pair may exist.)
      if (j === i && j + 1 < end && !this.mayPair(tokens.hashes[i], tokens.hashes[j + 1])) break;
    }
    // Longest first; at equal length an exact token beats an inflected one (an insertion sort: a walk finds a
    // handful at most).
    const pool = this.hitPool;
    for (let a = 1; a < this.found; a++)
      for (let b = a; b > 0 && longestFirst(pool[b - 1], pool[b]) > 0; b--) {
        const t = pool[b];
        pool[b] = pool[b - 1];
        pool[b - 1] = t;
      }
    return this.found;
  }

  /** The last walk's hits (see `walk`: only the first n it returned are valid). */
  get hits(): readonly TrieHit[] {
    return this.hitPool;
  }

  /** Add a hit, reusing this trie's hit objects (a walk's hits are read before the next walk). */
  private hit(lastToken: number, list: number, inflected: boolean, genitive: boolean) {
    const k = this.found++;
    let h = this.hitPool[k];
    if (h === undefined) {
      h = { lastToken, list, inflected, genitive };
      this.hitPool[k] = h;
    } else {
      h.lastToken = lastToken;
      h.list = list;
      h.inflected = inflected;
      h.genitive = genitive;
    }
  }

  /**
   * Does the text spell the hit of the last walk from token i, not just hash like it? Two 32-bit hashes and the
   * parent node already agree, so this only ever turns down a hash collision; it reads the alias tokens' strings,
   * which at 100k aliases are far from the cache, so the matcher asks it only for a hit it would take.
   */
  spelled(tokens: TokenSource, i: number, hit: TrieHit): boolean {
    return hit.inflected || this.onPath(tokens, i, hit.lastToken);
  }

  /** Do tokens i..j spell the nodes on the path walked (not just hash like them)? */
  private onPath(tokens: TokenSource, i: number, j: number): boolean {
    for (let k = i; k <= j; k++) if (!tokens.spells(k, this.tokenOf[this.path[k - i]])) return false;
    return true;
  }

  private inflectedHits(tokens: TokenSource, i: number, node: number, j: number, genitiveS: boolean): void {
    const tok = tokens.text(j);
    if (tok.length <= MIN_STEM || !INFLECTION_LAST.has(tok[tok.length - 1])) return;
    for (const suffix of INFLECTIONS) {
      if ((suffix === 's' && !genitiveS) || !tok.endsWith(suffix) || tok.length - suffix.length < MIN_STEM) continue;
      const stem = tok.slice(0, tok.length - suffix.length);
      const next = this.find(node, hashToken(stem), hashToken2(stem));
      const at = next === EMPTY ? 0 : this.endingAt(next);
      if (at > 0 && this.tokenOf[next] === stem && this.onPath(tokens, i, j - 1)) {
        this.hit(j, at - 1, true, suffix === 's');
        return;
      }
    }
  }
}
