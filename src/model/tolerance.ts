/**
 * The one tolerance used for every comparison of utilities: two utilities closer than this are
 * equal, a party accepts a bundle whose utility is at least its reservation minus this, and
 * Pareto dominance needs a gain larger than this. Floating-point sums of normalised values differ
 * in the last bits (0.785 against 0.7849999999999998 on GENIUS's Party domain); 1e-9 is far above
 * that noise and far below any difference a modeller means.
 *
 * @example
 * ```ts
 * Math.abs(0.785 - 0.7849999999999998) <= UTILITY_TOLERANCE; // true
 * ```
 */
export const UTILITY_TOLERANCE = 1e-9;
