/**
 * The floor of the name bench: the cheapest pass that tokenises a text, with the engine's own word classes
 * (`classify`) and nothing else, not even a callback per token.
 *
 * Not `forEachToken` with a counting callback: other code in the bench process (the engine's alias compiler,
 * `aliasStartShare`) calls `forEachToken` with other callbacks, and once its call site has seen several, V8 stops
 * inlining the callback. The same floor then took 46 ms in one run and 90 ms in the next, depending on what ran
 * first, and every ratio against it moved with it.
 *
 * ASCII is classed here, by the same ranges as `classify`, and only other code points go to `classify`: otherwise
 * each character's one-letter string (`classify`'s second argument) is made unless V8 inlines `classify` and drops
 * it, and whether it does changed from process to process (the floor took 45 ms in one, 87 ms in another).
 */
import { classify } from '../../src/core/text/tokenize.ts';

/** The number of tokens `forEachToken(s)` would report. */
export function countTokens(s: string): number {
  let n = 0;
  let inToken = false;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) as number;
    const len = cp > 0xffff ? 2 : 1;
    const c =
      cp < 128
        ? (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57)
          ? 1
          : 0
        : classify(cp, len === 1 ? s[i] : s.slice(i, i + 2));
    if (c === 1) {
      if (!inToken) n++;
      inToken = true;
    } else {
      inToken = false;
      if (c === 2) n++; // a character of a script written without spaces is a token of its own
    }
    i += len;
  }
  return n;
}
