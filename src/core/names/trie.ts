/**
 * A token trie over alias spellings: one pass over a text's tokens finds every alias, leftmost-longest.
 *
 * At each token we walk the trie as far as the following tokens allow and keep every alias that ends on the
 * way; the caller accepts the longest one that passes its checks and jumps past it. Almost every token
 * fails at the root (one hash lookup), so the pass is linear in practice at any number of aliases; the walk
 * is bounded by the longest alias (in tokens). Edges below the root live in one flat map keyed by
 * "node:token", which keeps 100k+ aliases compact (no Map per node).
 */

export interface TrieHit {
  /** Index of the last token of the alias (inclusive). */
  lastToken: number;
  /** Alias indices ending here. */
  aliases: readonly number[];
  /** The last token matched only after stripping an inflection ("Putins" → "putin"). */
  inflected: boolean;
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

export class TokenTrie {
  private readonly root = new Map<string, number>();
  private readonly edges = new Map<string, number>();
  private readonly terminals = new Map<number, number[]>();
  /** Every token of every alias: such a token is a spelling of its own, never an inflected form. */
  private readonly vocabulary = new Set<string>();
  private nodes = 1;
  /** Longest alias in tokens. */
  maxDepth = 0;

  add(tokens: readonly string[], aliasIndex: number): void {
    if (tokens.length === 0) return;
    let node = 0;
    for (let i = 0; i < tokens.length; i++) {
      this.vocabulary.add(tokens[i]);
      const map = i === 0 ? this.root : this.edges;
      const key = i === 0 ? tokens[0] : `${node}:${tokens[i]}`;
      let next = map.get(key);
      if (next === undefined) {
        next = this.nodes++;
        map.set(key, next);
      }
      node = next;
    }
    const list = this.terminals.get(node);
    // Indices arrive in increasing order, so a repeat can only be the last one: checking just that keeps 100k
    // aliases of one spelling linear (list.includes made building such a trie quadratic).
    if (list) {
      if (list[list.length - 1] !== aliasIndex) list.push(aliasIndex);
    } else this.terminals.set(node, [aliasIndex]);
    if (tokens.length > this.maxDepth) this.maxDepth = tokens.length;
  }

  get size(): number {
    return this.nodes;
  }

  private step(node: number, token: string): number | undefined {
    return node === 0 ? this.root.get(token) : this.edges.get(`${node}:${token}`);
  }

  /**
   * Every alias that starts at token `i` of `tokens`, longest first.
   * `inflect` says which endings a final token may lose (see `Inflect`). A token found in any alias is a spelling
   * of its own ("Lucas" is no inflection of "Luca"), so nothing is stripped from it.
   */
  walk(tokens: readonly string[], i: number, inflect: Inflect, out: TrieHit[]): void {
    out.length = 0;
    let node = 0;
    for (let j = i; j < tokens.length && j - i < this.maxDepth; j++) {
      const tok = tokens[j];
      const next = this.step(node, tok);
      if (
        next === undefined &&
        inflect !== 'none' &&
        !this.vocabulary.has(tok) &&
        tok.length > MIN_STEM &&
        INFLECTION_LAST.has(tok[tok.length - 1])
      )
        this.inflectedHits(node, tok, j, inflect === 'all', out);
      if (next === undefined) break;
      node = next;
      const t = this.terminals.get(node);
      if (t) out.push({ lastToken: j, aliases: t, inflected: false });
    }
    // Longest first; at equal length an exact token beats an inflected one.
    out.sort((a, b) => b.lastToken - a.lastToken || Number(a.inflected) - Number(b.inflected));
  }

  private inflectedHits(node: number, tok: string, j: number, genitiveS: boolean, out: TrieHit[]): void {
    for (const suffix of INFLECTIONS) {
      if ((suffix === 's' && !genitiveS) || !tok.endsWith(suffix) || tok.length - suffix.length < MIN_STEM) continue;
      const next = this.step(node, tok.slice(0, tok.length - suffix.length));
      const t = next === undefined ? undefined : this.terminals.get(next);
      if (t) {
        out.push({ lastToken: j, aliases: t, inflected: true });
        return;
      }
    }
  }
}
