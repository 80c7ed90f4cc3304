/**
 * The naive baseline: one big alternation of every alias, escaped, case-insensitive, with Unicode word
 * boundaries (no letter, mark or digit on either side), longest alternatives first so the leftmost match is also
 * the longest. This is what a first extension would do; the trie has to beat it by a wide margin.
 */

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

export function escapeRegExp(s: string): string {
  return s.replace(SPECIAL, '\\$&');
}

/** Distinct (case-insensitively) alias texts, longest first. */
export function alternatives(aliases: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const a of aliases) {
    const t = a.trim().toLowerCase();
    if (t) seen.add(t);
  }
  return [...seen].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

export function naiveAlternation(aliases: Iterable<string>): RegExp {
  const body = alternatives(aliases).map(escapeRegExp).join('|');
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${body})(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
}

/** Matches of `re` in `text` (V8 compiles a regex lazily, on its first exec: call this once to pay for that). */
export function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}
