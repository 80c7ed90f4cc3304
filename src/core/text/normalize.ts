/**
 * Text normalisation with an offset map back to the original string.
 *
 * Every output code unit remembers the original range it came from, so a match found in the normalised text
 * maps back to exact offsets in the page text. Folding is per code point, which keeps the map simple and
 * is enough for names: NFKC, case folding and diacritic removal all act on single code points here.
 */

export interface NormalizeOptions {
  /** Fold case, diacritics and compatibility forms (NFKC). Off = "exact only" mode. */
  fold: boolean;
}

export interface Normalized {
  text: string;
  /** For output index i: the original index where the code point that produced it starts. */
  starts: Int32Array;
  /** For output index i: the original index just past that code point. */
  ends: Int32Array;
}

// Characters that carry no letters: removed entirely (soft hyphen, zero-width space/joiners, word joiner, BOM).
const IGNORED = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
// Whitespace of any kind, including no-break spaces; collapsed to one ASCII space.
const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02BC\u02B9\u0060\u00B4\u2032]/;
const QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E]/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const COMBINING = /\p{M}/u;

/** Map one code point to its normalised form (possibly empty or several code units). */
export function foldCodePoint(ch: string, fold: boolean): string {
  // A lone surrogate (ill-formed UTF-16) reads as the replacement character, as a decoder shows it: kept as it is,
  // two of them around a dropped zero-width character would join into a letter that is not in the text.
  if (ch.length === 1 && (ch.charCodeAt(0) & 0xf800) === 0xd800) return '\uFFFD';
  if (IGNORED.test(ch)) return '';
  if (SPACE.test(ch)) return ' ';
  if (APOSTROPHES.test(ch)) return "'";
  if (QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  if (!fold) return ch;
  // Case folding beyond toLowerCase: "ß"/"ẞ" fold to "ss" (Strauß = STRAUSS), final sigma to sigma (ΤΣΙΠΡΑΣ = Τσίπρας).
  let out = ch.normalize('NFKC').toLowerCase().replace('ß', 'ss').replace('ς', 'σ').normalize('NFD');
  if (out.length > 1 || COMBINING.test(out)) out = stripMarks(out);
  return out;
}

function stripMarks(s: string): string {
  let r = '';
  for (const c of s) if (!COMBINING.test(c)) r += c;
  return r;
}

// Most page text is ASCII; cache the fold of each code point we have seen (bounded by the alphabet in use).
const cache: [Map<string, string>, Map<string, string>] = [new Map(), new Map()];

export function normalize(input: string, opts: NormalizeOptions): Normalized {
  const memo = cache[opts.fold ? 1 : 0];
  let starts: Int32Array = new Int32Array(input.length + 1);
  let ends: Int32Array = new Int32Array(input.length + 1);
  let out = '';
  let n = 0;
  let lastWasSpace = true; // drop leading whitespace
  for (let i = 0; i < input.length; ) {
    const cp = input.codePointAt(i) as number;
    const len = cp > 0xffff ? 2 : 1;
    const ch = len === 1 ? input[i] : input.slice(i, i + 2);
    let f = memo.get(ch);
    if (f === undefined) {
      f = foldCodePoint(ch, opts.fold);
      if (memo.size < 4096) memo.set(ch, f);
    }
    // NFKC can expand one code unit into many ("½" → "1⁄2", U+FDFA → 18 units): grow the maps, since typed
    // arrays silently drop writes past their end and the map would come out shorter than the text.
    if (n + f.length > starts.length) {
      const size = Math.max(2 * starts.length, n + f.length);
      starts = grown(starts, size);
      ends = grown(ends, size);
    }
    if (f === ' ') {
      if (!lastWasSpace) {
        out += ' ';
        starts[n] = i;
        ends[n] = i + len;
        n++;
        lastWasSpace = true;
      }
    } else if (f.length > 0) {
      out += f;
      for (let k = 0; k < f.length; k++) {
        starts[n] = i;
        ends[n] = i + len;
        n++;
      }
      lastWasSpace = false;
    }
    i += len;
  }
  return { text: out, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Map a span [start, end) of normalised text back to the original text. */
export function toOriginal(norm: Normalized, start: number, end: number): [number, number] {
  return [norm.starts[start], norm.ends[end - 1]];
}

/** Normalise a short string (an alias, a query) without keeping the map. */
export function normalizeKey(s: string, fold: boolean): string {
  return normalize(s, { fold }).text.trim();
}
