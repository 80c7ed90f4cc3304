import { describe, expect, it } from 'vitest';
import { hashBits, mayHave } from '../../src/core/names/hash-bits.ts';
import { hashToken } from '../../src/core/names/scan.ts';

// Real-looking members: the hashes of many distinct words, and non-members from a disjoint set of words.
const words = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => hashToken(`${prefix}${i.toString(36)}`));
const members = words('name', 50_000);
const others = words('word', 200_000);

describe('HashBits', () => {
  it.each([
    ['one bit per member', false, 0.08],
    ['two bits per member', true, 0.025],
  ])('never turns down a member, and lets few others through (%s)', (_, twoBits, maxFalse) => {
    const set = hashBits(members, members.length, twoBits);
    expect(members.every((h) => mayHave(set, h))).toBe(true);
    const falseMaybe = others.filter((h) => mayHave(set, h)).length / others.length;
    expect(falseMaybe).toBeGreaterThan(0); // the sets are sized to be small, not exact
    expect(falseMaybe).toBeLessThan(maxFalse);
  });

  it('two bits per member turn down more non-members than one', () => {
    const one = hashBits(members, members.length);
    const two = hashBits(members, members.length, true);
    const through = (set: typeof one) => others.filter((h) => mayHave(set, h)).length;
    expect(through(two)).toBeLessThan(through(one) / 2);
  });
});
