import { DOMINANCE_TOLERANCE } from "../model/tolerance.js";
import type { ArchivePoint } from "./paretoArchive.js";
import { PointStore } from "../enumeration/pointStore.js";
import { DominatorTree } from "./dominatorTree.js";
import { skylineOf } from "./skyline.js";

/** Recent dominators checked before a point is buffered. */
const CACHE = 16;

/**
 * A Pareto archive for streams of millions of points (the enumeration kernel's output), with the
 * same result as {@link ParetoArchive}: one point per class of equal utility vectors, the first
 * bundle under `compare`, none dominated. A point dominated by one of the last few dominators, or
 * by the frontier as of the last merge (cover queries on a {@link CoverIndex}), is dropped at
 * once; the others are buffered and merged with the frontier by a sorted skyline sweep when the
 * buffer fills. Memory: the frontier plus the buffer.
 *
 * @example
 * ```ts
 * const a = new BatchArchive(2, 3, (x, y) => x[0]! - y[0]!);
 * a.add(Float64Array.of(0.5, 0.5), Int32Array.of(0, 1, 2));
 * a.result().length; // 1
 * ```
 */
export class BatchArchive {
  private store: PointStore;
  private frontier = 0;
  private readonly cache: Float64Array;
  private cached = 0;
  private compareIdx: (i: number, j: number) => number;
  private index: DominatorTree | null = null; // over the frontier of the last merge; none before it

  constructor(
    private readonly dims: number,
    private readonly width: number,
    private readonly compare: (a: Int32Array, b: Int32Array) => number,
    private readonly bufferSize = 1 << 14,
    initialCapacity = 1024,
  ) {
    // A small stream (a GENIUS domain of 27 bundles) should not pay for zeroing 1,024 slots.
    this.store = new PointStore(dims, width, Math.max(1, Math.min(1024, initialCapacity)));
    this.cache = new Float64Array(CACHE * dims);
    this.compareIdx = this.comparator(this.store);
  }

  /**
   * Whether the frontier of the last merge strictly dominates u; its dominator then becomes the
   * first cache entry (the previous first moves to the last slot).
   */
  private dominatedByFrontier(u: ArrayLike<number>): boolean {
    const i = this.index === null ? -1 : this.index.find(u);
    if (i < 0) return false;
    const D = this.dims;
    const c = this.cache;
    const v = this.store.values;
    c.copyWithin(Math.min(this.cached, CACHE - 1) * D, 0, D);
    for (let d = 0; d < D; d++) c[d] = v[i * D + d]!;
    if (this.cached < CACHE) this.cached++;
    return true;
  }

  private comparator(store: PointStore): (i: number, j: number) => number {
    const w = this.width;
    return (i, j) =>
      this.compare(store.bundles.subarray(i * w, (i + 1) * w), store.bundles.subarray(j * w, (j + 1) * w));
  }

  /** Adds a point (copied). */
  add(utilities: ArrayLike<number>, bundle: ArrayLike<number>): void {
    const D = this.dims;
    const c = this.cache;
    const tol = DOMINANCE_TOLERANCE;
    for (let k = 0; k < this.cached; k++) {
      let weak = true;
      let gain = false;
      for (let d = 0; d < D && weak; d++) {
        const x = c[k * D + d]! - utilities[d]!;
        if (x < -tol) weak = false;
        else if (x > tol) gain = true;
      }
      if (weak && gain) {
        if (k > 0)
          for (let d = 0; d < D; d++) {
            const t = c[d]!;
            c[d] = c[k * D + d]!;
            c[k * D + d] = t;
          }
        return;
      }
    }
    if (this.dominatedByFrontier(utilities)) return;
    const i = this.store.add();
    for (let d = 0; d < D; d++) this.store.values[i * D + d] = utilities[d]!;
    for (let m = 0; m < this.width; m++) this.store.bundles[i * this.width + m] = bundle[m]!;
    // The newcomer is likely strong: it replaces the least recent cache entry.
    const slot = Math.min(this.cached, CACHE - 1);
    for (let d = 0; d < D; d++) c[slot * D + d] = utilities[d]!;
    if (this.cached < CACHE) this.cached++;
    if (this.store.size - this.frontier >= this.bufferSize) this.flush();
  }

  /** The indices of the store's points that no other strictly dominates (one per equal class). */
  private skyline(): number[] {
    const s = this.store;
    return skylineOf(
      { store: s, gainDims: this.dims, tolerance: DOMINANCE_TOLERANCE, compare: this.compareIdx },
      Array.from({ length: s.size }, (_, i) => i),
    );
  }

  private flush(): void {
    const s = this.store;
    const kept = this.skyline();
    const next = new PointStore(this.dims, this.width, Math.max(16, 2 * kept.length));
    for (const i of kept) next.copyFrom(s, i);
    this.store = next;
    this.frontier = next.size;
    this.index = new DominatorTree(next.values, next.size, this.dims, DOMINANCE_TOLERANCE);
    this.compareIdx = this.comparator(next);
  }

  /** Number of points held (frontier plus buffered candidates). */
  get size(): number {
    return this.store.size;
  }

  /** The frontier (unsorted; see `sortFrontier`). */
  result(): ArchivePoint[] {
    // The merge without building the next store and index: the archive is left as it was.
    const s = this.store;
    const kept = s.size > this.frontier ? this.skyline() : Array.from({ length: s.size }, (_, i) => i);
    return kept.map((i) => ({
      utilities: s.values.slice(i * this.dims, (i + 1) * this.dims),
      bundle: s.bundles.slice(i * this.width, (i + 1) * this.width),
    }));
  }
}
