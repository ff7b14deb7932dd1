import type { CoverIndex } from "./coverIndex.js";

/** Largest number of points in a leaf before it splits. */
const LEAF_SIZE = 24;

interface KdNode {
  /** Largest value of each coordinate in the subtree. */
  readonly max: Float64Array;
  /** Smallest value of each coordinate in the subtree (when it reaches q, any point covers q). */
  readonly min: Float64Array;
  dim: number;
  split: number;
  lo: KdNode | null;
  hi: KdNode | null;
  /** Point indices (leaf only). */
  points: number[] | null;
}

const leaf = (k: number): KdNode => ({
  max: new Float64Array(k).fill(Number.NEGATIVE_INFINITY),
  min: new Float64Array(k).fill(Number.POSITIVE_INFINITY),
  dim: 0,
  split: 0,
  lo: null,
  hi: null,
  points: [],
});

/**
 * A k-d tree of points with the bounding box of every subtree, answering cover queries ("some
 * point >= q - tolerance on every coordinate"): a subtree whose maximum falls short is skipped, and
 * one whose minimum already reaches q answers yes at once (the ideal / nadir test of the ND-tree,
 * Jaszkiewicz and Lust 2018, IEEE TEVC 22(5)). Used by the skyline sweep for three or more
 * remaining coordinates. Source: Bentley (1975), "Multidimensional binary search trees used for
 * associative searching", CACM 18(9).
 *
 * @example
 * ```ts
 * import { KdCoverTree } from "./kdCoverTree.js";
 * const t = new KdCoverTree(3, 0);
 * t.insert(Float64Array.of(1, 1, 1), 0);
 * t.covers(Float64Array.of(1, 0, 1), 0); // true
 * ```
 */
export class KdCoverTree implements CoverIndex {
  private coords: Float64Array;
  private count = 0;
  private readonly root: KdNode;
  private readonly stack: KdNode[] = [];
  /** The point that answered the last successful query: tried first (dominators repeat). */
  private lastHit = -1;

  constructor(
    private readonly k: number,
    private readonly tolerance: number,
  ) {
    this.coords = new Float64Array(8 * k);
    this.root = leaf(k);
  }

  /** Number of points inserted. */
  get size(): number {
    return this.count;
  }

  covers(values: Float64Array, offset: number): boolean {
    const k = this.k;
    const tol = this.tolerance;
    const c = this.coords;
    if (this.lastHit >= 0) {
      const p = this.lastHit;
      let ok = true;
      for (let m = 0; m < k && ok; m++) if (c[p * k + m]! < values[offset + m]! - tol) ok = false;
      if (ok) return true;
    }
    const stack = this.stack;
    stack.length = 0;
    stack.push(this.root);
    while (stack.length > 0) {
      const node = stack.pop()!;
      let reach = true;
      let all = true;
      for (let m = 0; m < k && reach; m++) {
        const q = values[offset + m]! - tol;
        if (node.max[m]! < q) reach = false;
        else if (node.min[m]! < q) all = false;
      }
      if (!reach) continue;
      if (all) return true;
      if (node.points) {
        for (const p of node.points) {
          let ok = true;
          for (let m = 0; m < k && ok; m++) if (c[p * k + m]! < values[offset + m]! - tol) ok = false;
          if (ok) {
            this.lastHit = p;
            return true;
          }
        }
      } else {
        stack.push(node.lo!, node.hi!); // the high side first: it is likelier to cover
      }
    }
    return false;
  }

  insert(values: Float64Array, offset: number): void {
    const k = this.k;
    if ((this.count + 1) * k > this.coords.length) {
      const c = new Float64Array(this.coords.length * 2);
      c.set(this.coords);
      this.coords = c;
    }
    const p = this.count++;
    for (let m = 0; m < k; m++) this.coords[p * k + m] = values[offset + m]!;
    let node = this.root;
    for (;;) {
      for (let m = 0; m < k; m++) {
        const x = values[offset + m]!;
        if (x > node.max[m]!) node.max[m] = x;
        if (x < node.min[m]!) node.min[m] = x;
      }
      if (node.points) break;
      node = values[offset + node.dim]! < node.split ? node.lo! : node.hi!;
    }
    node.points!.push(p);
    if (node.points!.length > LEAF_SIZE) this.split(node);
  }

  /** Splits a full leaf at the median of its widest coordinate (stays a leaf if all points coincide). */
  private split(node: KdNode): void {
    const k = this.k;
    const c = this.coords;
    const pts = node.points!;
    let best = -1;
    let spread = 0;
    for (let m = 0; m < k; m++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const p of pts) {
        const x = c[p * k + m]!;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      if (hi - lo > spread) {
        spread = hi - lo;
        best = m;
      }
    }
    if (best < 0) return;
    const sorted = pts.map((p) => c[p * k + best]!).sort((a, b) => a - b);
    let split = sorted[sorted.length >> 1]!;
    if (split === sorted[0]) split = sorted.find((x) => x > split)!;
    const lo = leaf(k);
    const hi = leaf(k);
    for (const p of pts) {
      const side = c[p * k + best]! < split ? lo : hi;
      side.points!.push(p);
      for (let m = 0; m < k; m++) {
        const x = c[p * k + m]!;
        if (x > side.max[m]!) side.max[m] = x;
        if (x < side.min[m]!) side.min[m] = x;
      }
    }
    node.dim = best;
    node.split = split;
    node.lo = lo;
    node.hi = hi;
    node.points = null;
  }
}
