import type { CoverIndex } from "./coverIndex.js";

/**
 * The two-dimensional maxima of the inserted points kept as a staircase: x decreasing, y
 * increasing. A cover query is one binary search: among points with x >= a, the one with the
 * smallest x has the largest y. Insertion removes the points the new one dominates.
 * Source: Kung, Luccio and Preparata (1975), "On finding the maxima of a set of vectors", JACM 22(4).
 *
 * @example
 * ```ts
 * import { Staircase } from "./staircase.js";
 * const s = new Staircase(0);
 * s.insert(Float64Array.of(2, 1), 0);
 * s.covers(Float64Array.of(1, 1), 0); // true
 * s.covers(Float64Array.of(1, 2), 0); // false
 * ```
 */
export class Staircase implements CoverIndex {
  private xs: number[] = [];
  private ys: number[] = [];
  constructor(private readonly tolerance: number) {}

  /** Number of points on the staircase. */
  get size(): number {
    return this.xs.length;
  }

  /** Index of the first point with x < a (points before it have x >= a). */
  private firstBelow(a: number): number {
    let lo = 0;
    let hi = this.xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.xs[mid]! >= a) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private reaches(a: number, b: number): boolean {
    const j = this.firstBelow(a) - 1;
    return j >= 0 && this.ys[j]! >= b;
  }

  covers(values: Float64Array, offset: number): boolean {
    return this.reaches(values[offset]! - this.tolerance, values[offset + 1]! - this.tolerance);
  }

  insert(values: Float64Array, offset: number): void {
    const x = values[offset]!;
    const y = values[offset + 1]!;
    if (this.reaches(x, y)) return;
    // First point with x <= the new x: it and the following points with y <= the new y are dominated.
    let p = this.firstBelow(x);
    while (p > 0 && this.xs[p - 1] === x) p--;
    let q = p;
    while (q < this.ys.length && this.ys[q]! <= y) q++;
    this.xs.splice(p, q - p, x);
    this.ys.splice(p, q - p, y);
  }
}
