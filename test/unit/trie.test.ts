import { describe, expect, it } from 'vitest';
import { hashToken, hashToken2 } from '../../src/core/names/scan.ts';
import { type TokenSource, TokenTrie } from '../../src/core/names/trie.ts';

/** Tokens whose hashes are given apart from their texts, so a hash collision can be staged. */
function tokens(texts: string[], hashesOf: (t: string) => string = (t) => t): TokenSource {
  return {
    count: texts.length,
    hashes: Int32Array.from(texts, (t) => hashToken(hashesOf(t))),
    hash2: (i) => hashToken2(hashesOf(texts[i])),
    text: (i) => texts[i],
    spells: (i, s) => texts[i] === s,
    last: (i) => texts[i].charCodeAt(texts[i].length - 1),
  };
}

describe('TokenTrie', () => {
  const trie = new TokenTrie();
  trie.add(['vladimir', 'putin'], 0);
  trie.add(['putin'], 1);

  it('finds every alias starting at a token, longest first, and the text spells them', () => {
    const src = tokens(['vladimir', 'putin', 'said']);
    const hits = trie.hits.slice(0, trie.walk(src, 0, 'all'));
    expect(hits.map((h) => [h.lastToken, [...trie.aliasesOf(h.list)]])).toEqual([[1, [0]]]);
    expect(trie.spelled(src, 0, hits[0])).toBe(true);
  });

  it('turns down a hit whose tokens only hash like the alias (a collision)', () => {
    // "xputin" carries the hashes of "putin": the walk finds the alias by hashes, the spelling check refuses it.
    const src = tokens(['xputin', 'said'], (t) => (t === 'xputin' ? 'putin' : t));
    const hits = trie.hits.slice(0, trie.walk(src, 0, 'all'));
    expect(hits.map((h) => h.lastToken)).toEqual([0]);
    expect(trie.spelled(src, 0, hits[0])).toBe(false);
  });
});
