/**
 * Largest outcome space whose counts a {@link BundleCounter} keeps in a dense byte array (one
 * byte per bundle: 64 MiB at most) when asked to; larger spaces use the hash table.
 * @example
 * ```ts
 * DENSE_COUNT_LIMIT; // 1 << 26 (67,108,864 bundles)
 * ```
 */
export const DENSE_COUNT_LIMIT = 1 << 26;

/**
 * Counts of bundle indices (non-negative safe integers, see `bundleIndexer`) without allocation
 * per increment and without string keys: the ZOPA counts of Monte Carlo draws (about 10,000
 * increments a draw on `ukraine-2025`) and their merge.
 *
 * Two layouts: with `denseSize` (at most {@link DENSE_COUNT_LIMIT}) one byte per bundle of the
 * outcome space plus the list of bundles seen (an increment is one byte write; a count past 255
 * moves into the hash table); otherwise an open-addressing hash table of typed arrays (Fibonacci
 * hashing, linear probing, grown at half load).
 *
 * @example
 * ```ts
 * const c = new BundleCounter();
 * c.add(31_850_495); c.add(7); c.add(7, 2);
 * c.get(7); // 3
 * c.entries(); // { index: Float64Array [7, 31850495], count: Float64Array [3, 1] }
 * ```
 */
export class BundleCounter {
  /** Stored key + 1 (0 marks an empty slot). */
  private keys: Float64Array;
  private counts: Float64Array;
  private mask: number;
  private shift: number;
  private used = 0;
  private readonly dense: Uint8Array | null;
  private seen: Float64Array;
  private seenCount = 0;
  /** Counts past 255 of the dense layout. */
  private spill: BundleCounter | null = null;

  constructor(capacity = 1024, denseSize = 0) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Float64Array(n);
    this.counts = new Float64Array(n);
    this.mask = n - 1;
    this.shift = 32 - Math.log2(n);
    this.dense = denseSize > 0 && denseSize <= DENSE_COUNT_LIMIT ? new Uint8Array(denseSize) : null;
    this.seen = new Float64Array(this.dense ? n : 0);
  }

  /** Number of distinct indices counted. */
  get size(): number {
    return this.dense ? this.seenCount : this.used;
  }

  private slot(index: number): number {
    // Fibonacci hashing of both 32-bit halves of the index: the top bits of the product.
    return Math.imul((index | 0) ^ Math.imul((index / 4294967296) | 0, 0x27d4eb2d), 0x9e3779b1) >>> this.shift;
  }

  /** Adds 1 to the count of `index` (the hot path of the ZOPA walk). */
  increment(index: number): void {
    const d = this.dense;
    if (d === null) {
      this.add(index, 1);
      return;
    }
    const v = d[index]! + 1;
    if (v === 1) {
      if (this.seenCount === this.seen.length) this.growSeen();
      this.seen[this.seenCount++] = index;
    } else if (v === 256) {
      this.spillOver(index);
      return;
    }
    d[index] = v;
  }

  // The rare paths of `increment`, kept out of it so that its optimised code never meets them.
  private growSeen(): void {
    const grown = new Float64Array(this.seen.length * 2);
    grown.set(this.seen);
    this.seen = grown;
  }

  private spillOver(index: number): void {
    (this.spill ??= new BundleCounter()).add(index, 255);
    this.dense![index] = 1;
  }

  /** Adds `by` (default 1) to the count of `index`. */
  add(index: number, by = 1): void {
    if (this.dense !== null) {
      for (let k = 0; k < by; k++) this.increment(index);
      return;
    }
    const stored = index + 1;
    const keys = this.keys;
    let s = this.slot(index);
    for (;;) {
      const k = keys[s]!;
      if (k === stored) {
        this.counts[s] = this.counts[s]! + by;
        return;
      }
      if (k === 0) break;
      s = (s + 1) & this.mask;
    }
    keys[s] = stored;
    this.counts[s] = by;
    if (++this.used * 2 > this.mask) this.grow();
  }

  /** The count of `index` (0 when never added). */
  get(index: number): number {
    if (this.dense !== null) return this.dense[index]! + (this.spill?.get(index) ?? 0);
    const stored = index + 1;
    let s = this.slot(index);
    for (;;) {
      const k = this.keys[s]!;
      if (k === stored) return this.counts[s]!;
      if (k === 0) return 0;
      s = (s + 1) & this.mask;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    this.keys = new Float64Array(keys.length * 2);
    this.counts = new Float64Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.shift = 32 - Math.log2(this.keys.length);
    for (let s = 0; s < keys.length; s++) {
      const k = keys[s]!;
      if (k === 0) continue;
      let t = this.slot(k - 1);
      while (this.keys[t] !== 0) t = (t + 1) & this.mask;
      this.keys[t] = k;
      this.counts[t] = counts[s]!;
    }
  }

  /** The counted indices with their counts, in ascending order of index unless `sorted` is false. */
  entries(sorted = true): { index: Float64Array; count: Float64Array } {
    let index: Float64Array;
    if (this.dense !== null) index = this.seen.slice(0, this.seenCount);
    else {
      index = new Float64Array(this.used);
      let n = 0;
      for (let s = 0; s < this.keys.length; s++) if (this.keys[s] !== 0) index[n++] = this.keys[s]! - 1;
    }
    if (sorted) index.sort();
    const count = new Float64Array(index.length);
    if (this.dense !== null && this.spill === null)
      for (let j = 0; j < index.length; j++) count[j] = this.dense[index[j]!]!;
    else for (let j = 0; j < index.length; j++) count[j] = this.get(index[j]!);
    return { index, count };
  }

  /** Forgets every count (keeps the table's current size). */
  clear(): void {
    if (this.dense !== null) {
      for (let j = 0; j < this.seenCount; j++) this.dense[this.seen[j]!] = 0;
      this.seenCount = 0;
      this.spill = null;
      return;
    }
    if (this.used === 0) return;
    this.keys.fill(0);
    this.used = 0;
  }
}
