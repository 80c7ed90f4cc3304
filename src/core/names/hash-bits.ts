/**
 * A bit set over 32-bit hashes, small enough to stay in the processor's cache: the name pass asks it before the
 * trie's edge table, which at 100k aliases is far larger. "No" is certain; "maybe" is wrong for a few percent of
 * non-members (about 16 bits per member; at most 4M bits, 512 kB).
 *
 * With one bit per member (the scan's start filter, asked for every token, where a wrong "maybe" costs only the
 * next filter) about 1 in 16 non-members gets a "maybe". With two bits per member (`twoBits`: the filters right
 * before the edge table, where a wrong "maybe" costs a walk into memory the cache does not hold) about 1 in 70.
 */
export interface HashBits {
  readonly bits: Uint32Array;
  readonly mask: number;
  /** Shift that takes the top bits of a multiplicative hash to a bit index (the second bit), or 0 for one bit. */
  readonly shift: number;
}

/** Golden-ratio multiplier: its product's top bits are nearly independent of the hash's low bits. */
const SECOND = 0x9e3779b1 | 0;

export function hashBits(hashes: Iterable<number>, count: number, twoBits = false): HashBits {
  let size = 1 << 12;
  while (size < count * 16 && size < 1 << 22) size <<= 1;
  const bits = new Uint32Array(size >>> 5);
  const mask = size - 1;
  // The top log2(size) bits of a 32-bit product.
  const shift = twoBits ? Math.clz32(size) + 1 : 0;
  for (const h of hashes) {
    const k = h & mask;
    bits[k >>> 5] |= 1 << (k & 31);
    if (shift) {
      const k2 = Math.imul(h, SECOND) >>> shift;
      bits[k2 >>> 5] |= 1 << (k2 & 31);
    }
  }
  return { bits, mask, shift };
}

export function mayHave(set: HashBits, hash: number): boolean {
  const k = hash & set.mask;
  if ((set.bits[k >>> 5] & (1 << (k & 31))) === 0) return false;
  if (set.shift === 0) return true;
  const k2 = Math.imul(hash, SECOND) >>> set.shift;
  return (set.bits[k2 >>> 5] & (1 << (k2 & 31))) !== 0;
}
