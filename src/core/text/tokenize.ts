/**
 * Word tokens with Unicode-aware boundaries, for name matching.
 *
 * A token is a run of letters, combining marks and digits in any script. Scripts written without spaces
 * (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) give one token per character, so a name written in them
 * still matches inside a longer run. Apostrophes and hyphens separate tokens: "Trump's" → "trump" + "s",
 * "Jean-Noël" → "jean" + "noel"; aliases are tokenised the same way, so both sides agree.
 */

export interface Token {
  /** [start, end) in the tokenised string. */
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{M}\p{N}]/u;
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

// Per code-point class: 0 = separator, 1 = word, 2 = unspaced word character (cached beyond ASCII).
const classCache = new Map<number, number>();

export function classify(cp: number, ch: string): number {
  if (cp < 128) {
    if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57)) return 1;
    return 0;
  }
  let c = classCache.get(cp);
  if (c === undefined) {
    c = UNSPACED.test(ch) ? 2 : WORD.test(ch) ? 1 : 0;
    if (classCache.size < 65536) classCache.set(cp, c);
  }
  return c;
}

/** Call `onToken(start, end)` for every token of `s`, in order. No allocation per token beyond the callback. */
export function forEachToken(s: string, onToken: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) as number;
    const len = cp > 0xffff ? 2 : 1;
    const c = classify(cp, len === 1 ? s[i] : s.slice(i, i + 2));
    if (c === 1) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) {
        onToken(start, i);
        start = -1;
      }
      if (c === 2) onToken(i, i + len);
    }
    i += len;
  }
  if (start >= 0) onToken(start, s.length);
}

export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  forEachToken(s, (start, end) => out.push({ start, end, text: s.slice(start, end) }));
  return out;
}
