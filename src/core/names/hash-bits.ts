/**
 * A bit set over 32-bit hashes, small enough to stay in the processor's cache: the name pass asks it before the
 * trie's edge table, which at 100k aliases is far larger. "No" is certain; "maybe" is wrong for a few percent of
 * non-members (about 16 bits per member; at most 4M bits, 512 kB).
 */
export interface HashBits {
  readonly bits: Uint32Array;
  readonly mask: number;
}

export function hashBits(hashes: Iterable<number>, count: number): HashBits {
  let size = 1 << 12;
  while (size < count * 16 && size < 1 << 22) size <<= 1;
  const bits = new Uint32Array(size >>> 5);
  const mask = size - 1;
  for (const h of hashes) {
    const k = h & mask;
    bits[k >>> 5] |= 1 << (k & 31);
  }
  return { bits, mask };
}

export function mayHave(set: HashBits, hash: number): boolean {
  const k = hash & set.mask;
  return (set.bits[k >>> 5] & (1 << (k & 31))) !== 0;
}
