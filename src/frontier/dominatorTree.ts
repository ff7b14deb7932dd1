/** Largest number of points in a leaf. */
const LEAF_SIZE = 16;

/**
 * A static k-d tree over a set of utility vectors (a frontier) that finds a point strictly
 * dominating a query `u` under a tolerance, with the test of `dominance()`: `f - u >= -tol` on
 * every coordinate and `f - u > tol` on one. Unlike a cover index it returns *which* point
 * dominates, so callers can cache dominators. Each node keeps its bounding box: a subtree whose
 * maximum falls short of `u - tol` somewhere, or gains nowhere, is skipped, and one whose minimum
 * already dominates `u` answers at once with its first point (the ideal / nadir test of the
 * ND-tree, Jaszkiewicz and Lust 2018). Points are split at the median of the widest coordinate
 * (Bentley 1975) and stored leaf by leaf, so a leaf scan reads contiguous memory.
 *
 * @example
 * ```ts
 * import { DominatorTree } from "./dominatorTree.js";
 * const t = new DominatorTree(Float64Array.of(1, 1, 0, 2), 2, 2, 1e-9);
 * t.find(Float64Array.of(0.5, 0.5)); // 0: the point (1, 1) dominates (0.5, 0.5)
 * t.find(Float64Array.of(2, 2)); // -1
 * ```
 */
export class DominatorTree {
  /** Point coordinates in leaf order (`coords[q * dims + d]`). */
  private readonly coords: Float64Array;
  /** The caller's index of the point at leaf position q. */
  private readonly ids: Int32Array;
  /** Node bounding boxes, `min[node * dims + d]` and `max[node * dims + d]`. */
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  /** Children of an inner node (-1 for a leaf). */
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  /** Leaf position range `[from, to)` of every node's points. */
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly stack: Int32Array;
  private nodes = 0;

  /**
   * Builds the tree over points `0..n-1` of `values` (`values[i * dims + d]`).
   *
   * @example
   * ```ts
   * import { PointStore } from "../enumeration/pointStore.js";
   * import { DominatorTree } from "./dominatorTree.js";
   * const store = new PointStore(2, 1);
   * for (let k = 0; k < 4; k++) store.add();
   * store.values.set([1, 0, 0.5, 0.5, 0.4, 0.4, 0, 1]);
   * new DominatorTree(store.values, store.size, store.dims, UTILITY_TOLERANCE).find(Float64Array.of(0.4, 0.4)); // 1
   * ```
   */
  constructor(
    values: Float64Array,
    n: number,
    private readonly dims: number,
    private readonly tolerance: number,
  ) {
    const cap = Math.max(1, 2 * Math.ceil(n / (LEAF_SIZE / 2)) + 1);
    this.coords = new Float64Array(n * dims);
    this.ids = new Int32Array(n);
    this.min = new Float64Array(cap * dims);
    this.max = new Float64Array(cap * dims);
    this.lo = new Int32Array(cap);
    this.hi = new Int32Array(cap);
    this.from = new Int32Array(cap);
    this.to = new Int32Array(cap);
    this.stack = new Int32Array(cap);
    const order = Array.from({ length: n }, (_, i) => i);
    if (n > 0) this.build(values, order, 0, n);
    order.forEach((i, q) => {
      this.ids[q] = i;
      for (let d = 0; d < dims; d++) this.coords[q * dims + d] = values[i * dims + d]!;
    });
  }

  /** Builds the node over `order[a..b)` (reordered in place) and returns its index. */
  private build(values: Float64Array, order: number[], a: number, b: number): number {
    const D = this.dims;
    const node = this.nodes++;
    let widest = 0;
    let spread = -1;
    for (let d = 0; d < D; d++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let q = a; q < b; q++) {
        const x = values[order[q]! * D + d]!;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      this.min[node * D + d] = lo;
      this.max[node * D + d] = hi;
      if (hi - lo > spread) {
        spread = hi - lo;
        widest = d;
      }
    }
    this.from[node] = a;
    this.to[node] = b;
    this.lo[node] = -1;
    this.hi[node] = -1;
    if (b - a <= LEAF_SIZE || spread <= 0) return node;
    const part = order.slice(a, b).sort((x, y) => values[x * D + widest]! - values[y * D + widest]!);
    for (let q = a; q < b; q++) order[q] = part[q - a]!;
    const mid = (a + b) >> 1;
    this.lo[node] = this.build(values, order, a, mid);
    this.hi[node] = this.build(values, order, mid, b);
    return node;
  }

  /**
   * The index (as given to the constructor) of a point strictly dominating `u`, or -1.
   *
   * @example
   * ```ts
   * import { DominatorTree } from "./dominatorTree.js";
   * const tree = new DominatorTree(Float64Array.of(1, 0, 0.5, 0.5, 0, 1), 3, 2, UTILITY_TOLERANCE);
   * tree.find(Float64Array.of(0.4, 0.4)) >= 0; // true: (0.5, 0.5) dominates it
   * tree.find(Float64Array.of(0.6, 0.6)); // -1: nothing dominates it
   * ```
   */
  find(u: ArrayLike<number>): number {
    if (this.nodes === 0) return -1;
    const D = this.dims;
    const tol = this.tolerance;
    const { min, max, coords, stack } = this;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top]!;
      let reach = true;
      let gain = false;
      let all = true;
      let allGain = false;
      for (let d = 0; d < D && reach; d++) {
        const x = max[node * D + d]! - u[d]!;
        if (x < -tol) reach = false;
        else if (x > tol) gain = true;
        const y = min[node * D + d]! - u[d]!;
        if (y < -tol) all = false;
        else if (y > tol) allGain = true;
      }
      if (!reach || !gain) continue;
      if (all && allGain) return this.ids[this.from[node]!]!;
      if (this.lo[node]! >= 0) {
        stack[top++] = this.lo[node]!;
        stack[top++] = this.hi[node]!; // popped first: the high side is likelier to dominate
        continue;
      }
      for (let q = this.from[node]!, end = this.to[node]!; q < end; q++) {
        let weak = true;
        let strict = false;
        for (let d = 0; d < D && weak; d++) {
          const x = coords[q * D + d]! - u[d]!;
          if (x < -tol) weak = false;
          else if (x > tol) strict = true;
        }
        if (weak && strict) return this.ids[q]!;
      }
    }
    return -1;
  }
}
