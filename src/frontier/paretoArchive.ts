import { dominance } from "./dominance.js";

/**
 * A point kept by a {@link ParetoArchive}: a utility vector and the bundle that reaches it. The
 * points of a decomposed frontier (`frontierPoints`, `decomposedFrontier`) are views into two
 * arrays shared by all of them (one typed array per point cost a large frontier about a second of
 * allocation and collection): do not transfer or detach their `buffer`, and copy a point's arrays
 * (`slice()`) to keep it without keeping the whole frontier's.
 * @example
 * ```ts
 * const p: ArchivePoint = { utilities: Float64Array.of(0.6, 0.7), bundle: Int32Array.of(1, 0, 2) };
 * ```
 */
export interface ArchivePoint {
  readonly utilities: Float64Array;
  readonly bundle: Int32Array;
}

/**
 * An incrementally built Pareto frontier: one entry per distinct utility vector (equal within the
 * tolerance), non-dominated among everything added. When two bundles reach the same vector the one
 * that comes first under `compare` is kept, so the result does not depend on insertion order.
 * Memory grows with the frontier, not with the number of points added.
 *
 * @example
 * ```ts
 * const a = new ParetoArchive((x, y) => x[0]! - y[0]!);
 * a.add(Float64Array.of(0.5, 0.5), Int32Array.of(0));
 * a.add(Float64Array.of(0.4, 0.4), Int32Array.of(1)); // dominated: ignored
 * a.size; // 1
 * ```
 */
export class ParetoArchive {
  private points: ArchivePoint[] = [];
  constructor(private readonly compare: (a: Int32Array, b: Int32Array) => number) {}

  /** Number of points on the frontier so far. */
  get size(): number {
    return this.points.length;
  }

  /** Adds a point (copied); returns true when it is on the frontier so far. */
  add(utilities: ArrayLike<number>, bundle: ArrayLike<number>): boolean {
    const pts = this.points;
    for (let k = 0; k < pts.length; k++) {
      const d = dominance(pts[k]!.utilities, utilities);
      if (d === 1) {
        if (k > 0) {
          // Move the dominator forward: it is likely to dominate the next points too.
          const t = pts[k]!;
          pts[k] = pts[k - 1]!;
          pts[k - 1] = t;
        }
        return false;
      }
      if (d === 0) {
        const b = Int32Array.from(bundle);
        if (this.compare(b, pts[k]!.bundle) < 0) pts[k] = { utilities: Float64Array.from(utilities), bundle: b };
        return false;
      }
    }
    const kept: ArchivePoint[] = [];
    for (const q of pts) if (dominance(utilities, q.utilities) !== 1) kept.push(q);
    kept.push({ utilities: Float64Array.from(utilities), bundle: Int32Array.from(bundle) });
    this.points = kept;
    return true;
  }

  /** The frontier, sorted by utilities in party order (descending), then by bundle. */
  result(): ArchivePoint[] {
    return [...this.points].sort((a, b) => {
      for (let i = 0; i < a.utilities.length; i++) {
        const d = b.utilities[i]! - a.utilities[i]!;
        if (d !== 0) return d;
      }
      return this.compare(a.bundle, b.bundle);
    });
  }
}
