/**
 * Weighted median and mean of positions, the statistics every forecast model reports per round.
 * @module
 */

/**
 * Relative tolerance of the weighted median's "running weight reaches half the total" test, so that
 * sums like 0.1 + 0.2 do not miss an exact half by one unit in the last place.
 */
const HALF_TOLERANCE = 1e-12;

/**
 * The weighted median: positions sorted ascending, the first at which the running weight reaches
 * half the total weight (so on an exact half the lower position wins). On a line with
 * distance-based utilities it is the Condorcet winner (Black 1948). Weights must be non-negative
 * with a positive sum.
 *
 * @example
 * ```ts
 * weightedMedian([4, 7, 10], [0.248, 0.093, 0.336]); // 7
 * ```
 */
export function weightedMedian(positions: ArrayLike<number>, weights: ArrayLike<number>): number {
  const n = positions.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => positions[a]! - positions[b]!);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const half = total / 2 - HALF_TOLERANCE * total;
  let running = 0;
  for (const i of order) {
    running += weights[i]!;
    if (running >= half) return positions[i]!;
  }
  return positions[order[n - 1]!]!;
}

/**
 * The weighted mean sum w x / sum w (the compromise model's forecast when w = capability x salience).
 *
 * @example
 * ```ts
 * weightedMean([0, 10], [1, 3]); // 7.5
 * ```
 */
export function weightedMean(positions: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < positions.length; i++) {
    sw += weights[i]!;
    swx += weights[i]! * positions[i]!;
  }
  return swx / sw;
}
