/**
 * A growable table of points for the issue groups and the frontier algorithms: `dims` utilities
 * and `width` option indices (a possibly partial bundle) per point, in typed arrays. Memory is
 * 8 * dims + 4 * width bytes per point; nothing is allocated per point once the capacity is reached.
 *
 * @example
 * ```ts
 * import { PointStore } from "./pointStore.js";
 * const s = new PointStore(2, 3);
 * const i = s.add();
 * s.values[i * 2] = 0.5; s.bundles[i * 3 + 1] = 2;
 * s.size; // 1
 * s.pointBytes; // 28: 8 * 2 + 4 * 3
 * ```
 */
export class PointStore {
  values: Float64Array;
  bundles: Int32Array;
  size = 0;
  private capacity: number;

  constructor(
    readonly dims: number,
    readonly width: number,
    capacity = 64,
  ) {
    this.capacity = Math.max(1, capacity);
    this.values = new Float64Array(this.capacity * dims);
    this.bundles = new Int32Array(this.capacity * width);
  }

  /** Bytes one point takes. */
  get pointBytes(): number {
    return 8 * this.dims + 4 * this.width;
  }

  /** Appends a zeroed point and returns its index (its slots are free to write). */
  add(): number {
    if (this.size >= this.capacity) this.grow();
    const i = this.size++;
    this.values.fill(0, i * this.dims, (i + 1) * this.dims);
    this.bundles.fill(0, i * this.width, (i + 1) * this.width);
    return i;
  }

  /** Appends a copy of point `i` of `from` (same dims and width) and returns its index. */
  copyFrom(from: PointStore, i: number): number {
    const j = this.add();
    this.values.set(from.values.subarray(i * from.dims, (i + 1) * from.dims), j * this.dims);
    this.bundles.set(from.bundles.subarray(i * from.width, (i + 1) * from.width), j * this.width);
    return j;
  }

  /** Forgets every point, keeping the buffers. */
  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const cap = 2 * this.capacity;
    this.capacity = cap;
    const v = new Float64Array(cap * this.dims);
    v.set(this.values);
    const b = new Int32Array(cap * this.width);
    b.set(this.bundles);
    this.values = v;
    this.bundles = b;
  }
}
