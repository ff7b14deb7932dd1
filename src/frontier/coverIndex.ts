import { KdCoverTree } from "./kdCoverTree.js";
import { Staircase } from "./staircase.js";

/**
 * A set of points (utility vectors restricted to some coordinates) that answers "does some point
 * reach at least `q - tolerance` on every coordinate?", the test that decides whether a later
 * point of a sorted skyline sweep is dominated. Points are copied on insertion.
 *
 * @example
 * ```ts
 * import { type CoverIndex, coverIndex } from "./coverIndex.js";
 * const ix: CoverIndex = coverIndex(2, 1e-9);
 * ix.insert(Float64Array.of(0.5, 0.5), 0);
 * ix.covers(Float64Array.of(0.4, 0.5), 0); // true
 * ```
 */
export interface CoverIndex {
  /** Whether some inserted point is >= `values[offset + m] - tolerance` for every coordinate m. */
  covers(values: Float64Array, offset: number): boolean;
  /** Adds the point `values[offset .. offset + k)`. */
  insert(values: Float64Array, offset: number): void;
}

/** Cover index over zero coordinates: any point covers any other. */
class AnyPoint implements CoverIndex {
  private any = false;
  covers(): boolean {
    return this.any;
  }
  insert(): void {
    this.any = true;
  }
}

/** Cover index over one coordinate: the running maximum. */
class RunningMax implements CoverIndex {
  private max = Number.NEGATIVE_INFINITY;
  constructor(private readonly tolerance: number) {}
  covers(values: Float64Array, offset: number): boolean {
    return this.max >= values[offset]! - this.tolerance;
  }
  insert(values: Float64Array, offset: number): void {
    if (values[offset]! > this.max) this.max = values[offset]!;
  }
}

/**
 * The fastest cover index for `k` coordinates: a flag (k = 0), a running maximum (k = 1), a
 * staircase with binary search (k = 2, as in Kung, Luccio and Preparata 1975) or a k-d tree with
 * bounding boxes (k >= 3).
 *
 * @example
 * ```ts
 * import { coverIndex } from "./coverIndex.js";
 * coverIndex(3, 1e-9).covers(Float64Array.of(0, 0, 0), 0); // false: empty
 * coverIndex(2, 1e-9).constructor.name; // "Staircase"
 * ```
 */
export function coverIndex(k: number, tolerance: number): CoverIndex {
  if (k === 0) return new AnyPoint();
  if (k === 1) return new RunningMax(tolerance);
  if (k === 2) return new Staircase(tolerance);
  return new KdCoverTree(k, tolerance);
}
