/**
 * The slack of acceptance: a party (or a constituency that must accept) accepts a bundle whose
 * utility is at least its reservation minus this. Reservations are the modeller's decimals
 * (0.6), utilities sums of rounded shares (0.3 + 0.3 may come out a grid step below 0.6): 1e-9 is
 * far above that rounding and far below any difference a modeller means. Acceptance is a
 * threshold on each coordinate, so the slack never makes two algorithms disagree. Dominance and
 * equality of utility vectors use no slack: utilities are exact multiples of {@link UTILITY_GRID}
 * and are compared exactly (docs/algorithms.md, "Exactness").
 *
 * @example
 * ```ts
 * const accepted = (utility: number, reservation: number) => utility >= reservation - UTILITY_TOLERANCE;
 * accepted(utilityCell(0.3) + utilityCell(0.3), 0.6); // true, though the sum may sit a grid step below 0.6
 * ```
 */
export const UTILITY_TOLERANCE = 1e-9;

/**
 * The grid every utility share lies on: the compiler rounds each party's share of each option
 * (normalised weight times normalised value) and each interaction value to a multiple of 2^-50
 * (about 8.9e-16). Sums of such numbers below 2^3 in magnitude are exact in floating point, in
 * any order, so every algorithm (enumeration walking bundles, the decomposed frontier merging
 * issue groups in another order, the Monte Carlo kernels) computes bit-identical utilities for
 * the same bundle, and Pareto dominance can be exact (transitive). A share smaller than half a
 * step (a weight below about 4.4e-16 of the party's total) counts as 0.
 *
 * @example
 * ```ts
 * utilityCell(UTILITY_GRID * 3.4) / UTILITY_GRID; // 3: shares are whole multiples of the grid
 * ```
 */
export const UTILITY_GRID = 2 ** -50;

/** Numbers at least this large are already multiples of the grid (their last bit is 2^-50 or more). */
const ON_GRID_ABOVE = 2 ** 2;

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The nearest multiple of {@link UTILITY_GRID} (halves away from zero; numbers of magnitude 4
 * or more are returned as they are, being multiples already). The one rounding of utility shares:
 * the compiler and the Monte Carlo draws both use it.
 *
 * @example
 * ```ts
 * utilityCell(0.1) === 0.1; // false: 0.1 is not a multiple of 2^-50
 * utilityCell(0.1) + utilityCell(0.2) === utilityCell(0.2) + utilityCell(0.1); // true, and exact
 * utilityCell(0.25); // 0.25
 * ```
 */
export const utilityCell = (function utilityCell(x: number): number {
  if (!(Math.abs(x) < ON_GRID_ABOVE)) return x;
  const k = Math.sign(x) * Math.round(Math.abs(x) / UTILITY_GRID);
  return k === 0 ? 0 : k * UTILITY_GRID;
});

/**
 * The slack of Pareto dominance and of "equal utility vectors": none. Utilities are exact sums of
 * grid multiples ({@link UTILITY_GRID}), so exact comparison is free of rounding noise, and it is
 * transitive, which a slack is not: with a slack, a ≈ b and b ≈ c but a dominating c made the
 * frontier depend on the order points were met, so enumeration and the decomposed frontier could
 * keep different points (issue 17, one weight 1e10). Every frontier structure (the archives of
 * enumeration, the decomposed frontier's skylines, the simulation's outcome space) uses this.
 *
 * @example
 * ```ts
 * const dominates = (a: readonly number[], b: readonly number[]) =>
 *   a.every((x, i) => x >= b[i]! - DOMINANCE_TOLERANCE) && a.some((x, i) => x > b[i]! + DOMINANCE_TOLERANCE);
 * dominates([0.5, 0.5 + UTILITY_GRID], [0.5, 0.5]); // true: one grid step is a real difference
 * ```
 */
export const DOMINANCE_TOLERANCE = 0;

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The smallest multiple of {@link UTILITY_GRID} at or above `x` (exact: scaling by a power of two
 * and rounding up lose nothing). For a sum `y` on the grid, `y >= x` exactly when
 * `y >= gridCeil(x)`; so a test "can `y + rest` still reach `need`" (with `rest` on the grid) is
 * `y >= gridCeil(need) - rest`, one threshold computed exactly before a loop instead of a sum in
 * it: what the small frontier methods do, whose loops run mostly as cold code, where every sum is
 * a new heap object (issue 18). The difference `gridCeil(need) - rest` is exact while it is below
 * 8 in magnitude, as it is for compiled scenarios (reservations in [0, 1], rest in [0, 1]).
 *
 * @example
 * ```ts
 * import { gridCeil, UTILITY_GRID } from "./tolerance.js";
 * gridCeil(0.5 - 1e-9) === 0.5 - 1e-9; // false: 1e-9 is not a multiple of 2^-50
 * gridCeil(0.5 - 1e-9) >= 0.5 - 1e-9 && gridCeil(0.5 - 1e-9) - UTILITY_GRID < 0.5 - 1e-9; // true
 * gridCeil(0.25); // 0.25
 * ```
 */
export const gridCeil = (function gridCeil(x: number): number {
  return Math.ceil(x / UTILITY_GRID) * UTILITY_GRID;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Whether a utility share is a whole multiple of {@link UTILITY_GRID} and at least 0, as every
 * share of a compiled scenario is: sums of such shares below 8 are exact doubles. The small
 * frontier methods, which rest on exact sums, check it on tables that may be hand-made (the
 * compiled scenario's type is public) and give way to the general methods otherwise. False for
 * NaN.
 *
 * @example
 * ```ts
 * import { isGridShare, utilityCell } from "./tolerance.js";
 * isGridShare(utilityCell(0.1)); // true
 * isGridShare(0.1); // false: 0.1 is not a multiple of 2^-50
 * isGridShare(-0.25); // false
 * ```
 */
export const isGridShare = (function isGridShare(x: number): boolean {
  return x >= 0 && Number.isInteger(x / UTILITY_GRID);
});
