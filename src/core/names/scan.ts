/**
 * The name pass's view of a block: its tokens, in the original text's offsets, with the folded text of each token
 * built only when asked for.
 *
 * `scanTokens` normalises and tokenises in one pass over the block's code units, without building the normalised
 * text: letters are folded one at a time into two running hashes per token, and the trie is walked by hashes
 * (see `TokenTrie`), so no string is built for a token that starts no alias. It gives the same tokens as `forEachToken(normalize(text))`
 * for every block where each code point folds to letters only, to separators only or to nothing; a block with a
 * code point that folds into a mix (NFKC "½" → "1⁄2") or into a script written without spaces takes the exact
 * route, `normalizedTokens`, with the same interface.
 */
import { foldCodePoint, normalize } from '../text/normalize.ts';
import { classify, forEachToken } from '../text/tokenize.ts';
import { type HashBits, mayHave } from './hash-bits.ts';

export interface TokenView {
  readonly count: number;
  /** Original offsets of token i: [starts[i], ends[i]). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /**
   * Two independent hashes of each token's folded text (`hashToken`, `hashToken2`): 64 bits in all. The second is
   * only needed for the few tokens that reach the trie's edge table, so it is worked out when first asked for.
   */
  readonly hashes: Int32Array;
  hash2(i: number): number;
  /** The folded text of token i. */
  text(i: number): string;
  /** Is `s` the folded text of token i? */
  spells(i: number, s: string): boolean;
  /** Is there nothing but white space (at least one) between token i and token i + 1? */
  spaced(i: number): boolean;
  /** The last code unit of token i as written (a cheap first look at its ending). */
  last(i: number): number;
  /**
   * The tokens that passed the scan's `StartFilter`, in order (the first `candidateCount`), or null when the scan
   * had no filter or took the exact route: then every token is a candidate.
   */
  readonly candidates: Int32Array | null;
  readonly candidateCount: number;
}

/**
 * Bit sets over first-token hashes (`TokenTrie.startFilter`), one for tokens that start with a small ASCII letter
 * and one for the rest: the scan tests each token as it closes it, so the name pass visits only the tokens that
 * may start an alias.
 */
export interface StartFilter {
  readonly all: HashBits;
  readonly lower: HashBits;
}

/** The hashes the trie and the scanner agree on, over the folded token's UTF-16 code units. */
export function hashToken(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

export function hashToken2(s: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

// What a code point is to the scanner.
const SEP = 0; // folds to separators (punctuation, quotes, dashes)
const WORD = 1; // folds to word characters only
const IGNORED = 2; // folds to nothing (soft hyphen, zero-width, combining marks)
const SPACE = 3; // white space of any kind
const MIXED = 4; // anything else: the exact route

interface Fold {
  kind: number;
  text: string;
}

// ASCII: kind and folded code unit per mode, filled once.
const ASCII_KIND = new Uint8Array(128);
const ASCII_LOWER = new Uint8Array(128);
const ASCII_FOLDED: string[] = [];
const ASCII_AS_IS: string[] = [];
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_LOWER[c] = ch.toLowerCase().charCodeAt(0);
  ASCII_FOLDED.push(ch.toLowerCase());
  ASCII_AS_IS.push(ch);
  const f = foldCodePoint(ch, true);
  ASCII_KIND[c] = f === ' ' ? SPACE : f === '' ? IGNORED : classify(c, ch) === 1 ? WORD : SEP;
}

const folds: [Map<number, Fold>, Map<number, Fold>] = [new Map(), new Map()];

function foldOf(cp: number, fold: boolean): Fold {
  const memo = folds[fold ? 1 : 0];
  let f = memo.get(cp);
  if (f) return f;
  const text = foldCodePoint(String.fromCodePoint(cp), fold);
  let kind: number;
  if (text === '') kind = IGNORED;
  else if (text === ' ') kind = SPACE;
  else {
    let words = 0;
    let other = 0;
    for (const ch of text) {
      const c = classify(ch.codePointAt(0) as number, ch);
      if (c === 1) words++;
      else if (c === 0) other++;
      else other += 1000; // a script written without spaces: one token per character
    }
    kind = other === 0 ? WORD : words === 0 && other < 1000 ? SEP : MIXED;
  }
  f = { kind, text };
  if (memo.size < 65_536) memo.set(cp, f);
  return f;
}

// Growable buffers shared by every scan (one block at a time).
let starts = new Int32Array(1024);
let ends = new Int32Array(1024);
let hashes = new Int32Array(1024);
let hashes2 = new Int32Array(1024);
/** Per token: bit 0 = has a code unit outside ASCII; bit 1 = only white space between it and the next token. */
let flags = new Uint8Array(1024);
let candidates = new Int32Array(1024);
/** Per token: its folded text once built, valid where `textGen` holds the current scan's generation (so nothing is
 * cleared between blocks; the list stays dense, for fast element access). */
const texts: string[] = new Array<string>(1024).fill('');
let textGen = new Int32Array(1024);

function grow(): void {
  const size = starts.length * 2;
  const g32 = (a: Int32Array) => {
    const b = new Int32Array(size);
    b.set(a);
    return b;
  };
  starts = g32(starts);
  ends = g32(ends);
  hashes = g32(hashes);
  hashes2 = g32(hashes2);
  candidates = g32(candidates);
  textGen = g32(textGen);
  while (texts.length < size) texts.push('');
  const f = new Uint8Array(size);
  f.set(flags);
  flags = f;
}

// Per-token flags.
const NON_ASCII = 1;
const SPACED = 2;
/** `hashes2[i]` has been worked out. */
const HAS_HASH2 = 4;

class ScannedView implements TokenView {
  count = 0;
  candidateCount = 0;
  private filtered = false;
  private gen = 0;
  private src = '';
  private fold = true;

  /** Start over on another block (the buffers the view reads are the scanner's own, reused the same way). */
  reset(src: string, fold: boolean): this {
    this.src = src;
    this.fold = fold;
    this.count = 0;
    this.candidateCount = 0;
    this.filtered = false;
    if (++this.gen === 0x7fffffff) {
      textGen.fill(0);
      this.gen = 1;
    }
    return this;
  }
  get starts() {
    return starts;
  }
  get ends() {
    return ends;
  }
  get hashes() {
    return hashes;
  }
  hash2(i: number): number {
    if ((flags[i] & HAS_HASH2) !== 0) return hashes2[i];
    let h = FNV_BASIS;
    if ((flags[i] & NON_ASCII) === 0) {
      // An ASCII token folds letter by letter, in place.
      const src = this.src;
      for (let k = starts[i]; k < ends[i]; k++) {
        const c = src.charCodeAt(k);
        h = Math.imul(h ^ (this.fold ? ASCII_LOWER[c] : c), FNV_PRIME);
      }
    } else h = hashToken2(this.text(i));
    hashes2[i] = h;
    flags[i] |= HAS_HASH2;
    return h;
  }
  get candidates() {
    return this.filtered ? candidates : null;
  }
  markFiltered(count: number): void {
    this.filtered = true;
    this.candidateCount = count;
  }
  last(i: number): number {
    return this.src.charCodeAt(ends[i] - 1);
  }
  spaced(i: number): boolean {
    return (flags[i] & SPACED) !== 0;
  }
  spells(i: number, s: string): boolean {
    const start = starts[i];
    if (textGen[i] === this.gen || (flags[i] & NON_ASCII) !== 0 || ends[i] - start !== s.length)
      return this.text(i) === s;
    // An ASCII token folds letter by letter: compare in place.
    const src = this.src;
    for (let k = 0; k < s.length; k++) {
      const c = src.charCodeAt(start + k);
      if ((this.fold ? ASCII_LOWER[c] : c) !== s.charCodeAt(k)) return false;
    }
    return true;
  }
  text(i: number): string {
    if (textGen[i] === this.gen) return texts[i];
    let t: string;
    const raw = this.src.slice(starts[i], ends[i]);
    if ((flags[i] & NON_ASCII) === 0) t = this.fold ? raw.toLowerCase() : raw;
    else {
      t = '';
      for (const ch of raw) t += foldOf(ch.codePointAt(0) as number, this.fold).text;
    }
    texts[i] = t;
    textGen[i] = this.gen;
    return t;
  }
}
/** The one scanned view: like the buffers it reads, valid until the next scan. */
const scanned = new ScannedView();

/**
 * Tokens of `text`, folded (`fold`) or as written but for separators and white space (exact mode); null when the
 * block needs the exact route. The view is valid until the next call.
 */
export function scanTokens(text: string, fold: boolean, filter?: StartFilter): TokenView | null {
  const view = scanned.reset(text, fold);
  let nc = 0;
  let lowerStart = false;
  const asciiFolded = fold ? ASCII_FOLDED : ASCII_AS_IS;
  let n = 0;
  let inToken = false;
  let h = 0;
  let wordEnd = 0;
  let nonAscii = 0;
  // Since the last token ended: white space seen, anything else seen.
  let gapSpace = false;
  let gapOther = false;
  const len = text.length;
  // The shared buffers in locals (a module variable is read from its context on every use); again after growing.
  let tStarts = starts;
  let tEnds = ends;
  let tHashes = hashes;
  let tFlags = flags;
  let tCandidates = candidates;
  // One step past the end, as if a space followed: that closes the last token.
  for (let i = 0; i <= len; i++) {
    let c = i < len ? text.charCodeAt(i) : 0x20;
    let kind: number;
    let folded: string;
    let width = 1;
    if (c < 128) {
      kind = ASCII_KIND[c];
      if (kind === WORD && inToken) {
        // The common case, kept short: the run of ASCII letters that goes on the current word, in one tight loop.
        let j = i;
        do {
          h = (Math.imul(h, 31) + (fold ? ASCII_LOWER[c] : c)) | 0;
          if (++j === len) break;
          c = text.charCodeAt(j);
        } while (c < 128 && ASCII_KIND[c] === WORD);
        wordEnd = j;
        i = j - 1;
        continue;
      }
      folded = asciiFolded[c];
    } else {
      const cp = c >= 0xd800 && c <= 0xdbff ? (text.codePointAt(i) as number) : c;
      width = cp > 0xffff ? 2 : 1;
      const f = foldOf(cp, fold);
      kind = f.kind;
      folded = f.text;
    }
    if (kind === WORD) {
      if (!inToken) {
        if (n > 0 && gapSpace && !gapOther) tFlags[n - 1] |= SPACED;
        if (n === tStarts.length) {
          grow();
          tStarts = starts;
          tEnds = ends;
          tHashes = hashes;
          tFlags = flags;
          tCandidates = candidates;
        }
        tStarts[n] = i;
        tFlags[n] = 0;
        lowerStart = c >= 0x61 && c <= 0x7a;
        inToken = true;
        nonAscii = 0;
        if (c < 128) {
          // An ASCII first letter is the word's hash so far (no folded string to read).
          h = fold ? ASCII_LOWER[c] : c;
          wordEnd = i + 1;
          continue;
        }
        h = 0;
      }
      if (c >= 128) nonAscii = NON_ASCII;
      for (let k = 0; k < folded.length; k++) {
        const f = folded.charCodeAt(k);
        h = (Math.imul(h, 31) + f) | 0;
      }
      wordEnd = i + width;
    } else if (kind === IGNORED) {
      // Inside a word it joins the letters around it ("Zelensk\u00ADyy"), and the word's text is then built by
      // folding; between words it is nothing.
      if (inToken) nonAscii = NON_ASCII;
    } else if (kind === MIXED) {
      return null;
    } else {
      if (inToken) {
        tEnds[n] = wordEnd;
        tHashes[n] = h;
        tFlags[n] |= nonAscii;
        if (filter && mayHave(lowerStart ? filter.lower : filter.all, h)) tCandidates[nc++] = n;
        n++;
        inToken = false;
        gapSpace = false;
        gapOther = false;
      }
      if (kind === SPACE) gapSpace = true;
      else gapOther = true;
    }
    i += width - 1;
  }
  view.count = n;
  if (filter) view.markFiltered(nc);
  return view;
}

/** The exact route: normalise the whole block, then tokenise the normalised text. */
export function normalizedTokens(text: string, fold: boolean): TokenView {
  const norm = normalize(text, { fold });
  const s: number[] = [];
  const e: number[] = [];
  forEachToken(norm.text, (a, b) => {
    s.push(a);
    e.push(b);
  });
  const count = s.length;
  const os = new Int32Array(count);
  const oe = new Int32Array(count);
  const h1 = new Int32Array(count);
  const h2 = new Int32Array(count);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    os[i] = norm.starts[s[i]];
    oe[i] = norm.ends[e[i] - 1];
    texts.push(norm.text.slice(s[i], e[i]));
    h1[i] = hashToken(texts[i]);
    h2[i] = hashToken2(texts[i]);
  }
  return {
    count,
    candidates: null,
    candidateCount: count,
    starts: os,
    ends: oe,
    hashes: h1,
    hash2: (i) => h2[i],
    text: (i) => texts[i],
    spells: (i, t) => texts[i] === t,
    spaced: (i) => i + 1 < count && norm.text.slice(e[i], s[i + 1]) === ' ',
    last: (i) => norm.text.charCodeAt(e[i] - 1),
  };
}

/** The block's tokens by the fast route when it applies, else the exact one. */
export function blockTokens(text: string, fold: boolean, filter?: StartFilter): TokenView {
  return scanTokens(text, fold, filter) ?? normalizedTokens(text, fold);
}
