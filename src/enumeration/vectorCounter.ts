const TWO32 = 2 ** 32;

/**
 * A hash table from utility vectors (compared bit for bit) to counts, for the ZOPA-counting dynamic
 * program: open addressing over typed arrays, counts up to about 2^85 kept exactly as two doubles
 * (high and low 32-bit parts). No allocation per entry once the capacity is reached.
 *
 * @example
 * ```ts
 * import { VectorCounter } from "./vectorCounter.js";
 * const t = new VectorCounter(2);
 * t.add(Float64Array.of(0.5, 0.25), 0, 3);
 * t.add(Float64Array.of(0.5, 0.25), 0, 4);
 * t.size; // 1
 * t.countOf(0); // 7n
 * ```
 */
export class VectorCounter {
  keys: Float64Array;
  private hi: Float64Array;
  private lo: Float64Array;
  /** Entry index of each slot plus one (0: empty). */
  private slots: Int32Array;
  private mask: number;
  size = 0;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  constructor(
    readonly dims: number,
    capacity = 1024,
  ) {
    let slots = 16;
    while (slots < 2 * capacity) slots *= 2;
    this.mask = slots - 1;
    this.slots = new Int32Array(slots);
    this.keys = new Float64Array(capacity * dims);
    this.hi = new Float64Array(capacity);
    this.lo = new Float64Array(capacity);
  }

  private hash(v: Float64Array, off: number): number {
    let h = 0x811c9dc5 | 0;
    for (let d = 0; d < this.dims; d++) {
      this.bits[0] = v[off + d]! + 0; // +0 folds -0 into 0
      h = Math.imul(h ^ this.words[0]!, 0x01000193);
      h = Math.imul(h ^ this.words[1]!, 0x01000193);
    }
    return (h ^ (h >>> 15)) >>> 0;
  }

  /**
   * Adds `count` (hi * 2^32 + lo, with lo < 2^32) to the entry of vector `v[off .. off + dims)`,
   * creating it if needed; returns the entry index.
   */
  add(v: Float64Array, off: number, lo: number, hi = 0): number {
    const D = this.dims;
    let s = this.hash(v, off) & this.mask;
    for (;;) {
      const e = this.slots[s]! - 1;
      if (e < 0) break;
      let same = true;
      for (let d = 0; d < D && same; d++) if (this.keys[e * D + d] !== v[off + d]! + 0) same = false;
      if (same) {
        this.bump(e, lo, hi);
        return e;
      }
      s = (s + 1) & this.mask;
    }
    if (this.size * D >= this.keys.length) this.grow();
    const e = this.size++;
    for (let d = 0; d < D; d++) this.keys[e * D + d] = v[off + d]! + 0;
    this.hi[e] = 0;
    this.lo[e] = 0;
    this.bump(e, lo, hi);
    if (2 * this.size > this.mask) this.rehash();
    else this.slots[s] = e + 1;
    return e;
  }

  private bump(e: number, lo: number, hi: number): void {
    let l = this.lo[e]! + lo;
    let h = this.hi[e]! + hi;
    if (l >= TWO32) {
      l -= TWO32;
      h += 1;
    }
    this.lo[e] = l;
    this.hi[e] = h;
  }

  /** Low and high 32-bit parts of entry e's count. */
  low(e: number): number {
    return this.lo[e]!;
  }
  high(e: number): number {
    return this.hi[e]!;
  }

  /** Entry e's count as a bigint. */
  countOf(e: number): bigint {
    return BigInt(this.hi[e]!) * BigInt(TWO32) + BigInt(this.lo[e]!);
  }

  private grow(): void {
    const cap = 2 * this.hi.length;
    const k = new Float64Array(cap * this.dims);
    k.set(this.keys);
    this.keys = k;
    const h = new Float64Array(cap);
    h.set(this.hi);
    this.hi = h;
    const l = new Float64Array(cap);
    l.set(this.lo);
    this.lo = l;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      let s = this.hash(this.keys, e * this.dims) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
