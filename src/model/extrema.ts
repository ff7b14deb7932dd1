/**
 * Largest and smallest element of a numeric array without spreading it into arguments
 * (`Math.max(...xs)` overflows the call stack above about 125,000 elements).
 * @module
 */

/**
 * The largest element of `xs` (`-Infinity` when empty), for arrays of any length.
 * @example
 * ```ts
 * maxOf([3, 1, 2]); // 3
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
 * minOf([3, 1, 2]); // 1
 * ```
 */
export function minOf(xs: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i]! < m) m = xs[i]!;
  return m;
}
