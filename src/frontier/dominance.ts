import { DOMINANCE_TOLERANCE } from "../model/tolerance.js";

/**
 * Compares two utility vectors, exactly by default ({@link DOMINANCE_TOLERANCE}): `1` when a
 * Pareto-dominates b (at least as good for all, better by more than `tol` for one), `-1` when b
 * dominates a, `0` when they are equal (within `tol`), `NaN` when neither dominates.
 *
 * @example
 * ```ts
 * dominance([0.5, 0.5], [0.4, 0.5]); // 1
 * dominance([0.5, 0.4], [0.4, 0.5]); // NaN
 * ```
 */
export function dominance(a: ArrayLike<number>, b: ArrayLike<number>, tol = DOMINANCE_TOLERANCE): number {
  let aBetter = false;
  let bBetter = false;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (d > tol) aBetter = true;
    else if (d < -tol) bBetter = true;
    if (aBetter && bBetter) return Number.NaN;
  }
  return aBetter ? 1 : bBetter ? -1 : 0;
}
