/**
 * Largest and smallest element of a numeric array without spreading it into arguments
 * (`Math.max(...xs)` overflows the call stack above about 125,000 elements).
 * @module
 */

/**
 * The largest element of `xs` (`-Infinity` when empty), for arrays of any length.
 * @example
 * ```ts
 * import { maxOf } from "./extrema.js";
 * maxOf([3, 1, 2]); // 3
 * maxOf([]); // -Infinity
 * ```
 */
export function maxOf(xs: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i]! > m) m = xs[i]!;
  return m;
}

/**
 * The smallest element of `xs` (`Infinity` when empty), for arrays of any length.
 * @example
 * ```ts
 * import { minOf } from "./extrema.js";
 * minOf(new Float64Array([3, 1, 2])); // 1
 * ```
 */
export function minOf(xs: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i]! < m) m = xs[i]!;
  return m;
}
