/**
 * A reusable set of small integer ids (term ids, trigram ids) over one Int32Array, emptied in O(1) by moving to a
 * new generation. The per-candidate loops of the re-ranker use these instead of allocating a Set per candidate:
 * a sentence is compared with 50–70 candidates, each needing "which of its terms does the sentence have".
 */
export class IdMarks {
  private readonly at: Int32Array;
  private gen = 1;

  constructor(size: number) {
    this.at = new Int32Array(size);
  }

  clear(): void {
    this.gen++;
    if (this.gen === 0x7fffffff) {
      this.at.fill(0);
      this.gen = 1;
    }
  }

  add(id: number): void {
    this.at[id] = this.gen;
  }

  has(id: number): boolean {
    return this.at[id] === this.gen;
  }

  /** Adds `id`; false when it was already in the set. */
  addNew(id: number): boolean {
    if (this.at[id] === this.gen) return false;
    this.at[id] = this.gen;
    return true;
  }
}
