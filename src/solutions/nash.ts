import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { ArchivePoint } from "../frontier/paretoArchive.js";
import type { BargainingProblem } from "./bargainingProblem.js";
import { type KeyWriter, keyOf, tieBreak } from "./pickBest.js";

// Parenthesised, hence prettier-ignore: V8 compiles a parenthesised function when the module loads
// (not on its first call), so a first analysis does not pay for it (issue 18; docs/benchmarks.md).
// prettier-ignore
/**
 * The (generalised) Nash product in log form: sum over parties of power_i * log(u_i - d_i),
 * the utilities read from `u[at]` on.
 * A gain within the tolerance of zero makes the product 0 (log -Infinity).
 * Source: Nash (1950), "The Bargaining Problem"; the asymmetric form with exponents is from
 * Kalai (1977) and Roth (1979).
 *
 * @example
 * ```ts
 * nashLogProduct([0.7, 0.6], [0.5, 0.5], [1, 1]); // Math.log(0.2) + Math.log(0.1)
 * ```
 */
export const nashLogProduct = (function nashLogProduct(u: ArrayLike<number>, d: ArrayLike<number>, power: ArrayLike<number>, at = 0): number {
  let s = 0;
  for (let i = 0; i < d.length; i++) {
    // The gain as `gains` gives it (clamped at 0).
    const g = Math.max(0, u[at + i]! - d[i]!);
    if (g <= UTILITY_TOLERANCE) return Number.NEGATIVE_INFINITY;
    s += power[i]! * Math.log(g);
  }
  return s;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The Nash bargaining solution: the point maximising the product of gains over the disagreement
 * point, each raised to the party's power. Ties: larger sum of utilities, then canonical bundle order.
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * nashSolution(problem)?.point.utilities; // Float64Array [0.705…, 0.6875]
 * ```
 */
export const nashSolution = (function nashSolution(problem: BargainingProblem): { point: ArchivePoint; key: readonly number[] } | null {
  // pickBest(problem, nashKey(problem)) with the one-entry key kept as a number (no closures or
  // key arrays on a first call): the same comparisons, so the same point.
  const { points, disagreement: d, power } = problem;
  let best: ArchivePoint | null = null;
  let bestKey = 0;
  let bestSum = 0;
  for (let p = 0; p < points.length; p++) {
    const pt = points[p]!;
    const u = pt.utilities;
    const k = nashLogProduct(u, d, power, 0);
    let sum = 0; // in party order, as pickBest's tie-break
    for (let i = 0; i < u.length; i++) sum += u[i]!;
    if (best === null) {
      best = pt;
      bestKey = k;
      bestSum = sum;
      continue;
    }
    let cmp = 0;
    if (k !== bestKey) {
      if (k === Number.NEGATIVE_INFINITY || bestKey === Number.NEGATIVE_INFINITY) cmp = k > bestKey ? 1 : -1;
      else if (Math.abs(k - bestKey) > UTILITY_TOLERANCE) cmp = k > bestKey ? 1 : -1;
    }
    if (cmp === 0) cmp = tieBreak(problem, pt, best, sum, bestSum);
    if (cmp > 0) {
      best = pt;
      bestKey = k;
      bestSum = sum;
    }
  }
  return best === null ? null : { point: best, key: [bestKey] };
});

/**
 * The Nash criterion as a `pickBest` key: `[log Nash product]`.
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * pickBest(problem, nashKey(problem))?.key; // [-2.2046…]: the log Nash product, as nashSolution(problem)
 * ```
 */
export function nashKey(problem: BargainingProblem): (pt: ArchivePoint) => readonly number[] {
  return keyOf(nashWriter(problem));
}

/**
 * The Nash key as a {@link KeyWriter}: one entry, the log Nash product.
 *
 * @example
 * ```ts
 * import { nashWriter } from "./nash.js";
 * const out = new Float64Array(1);
 * nashWriter({ points: [], disagreement: [0.5, 0.5], power: [1, 1], compare: () => 0 }).write([0.7, 0.6], 0, out);
 * out[0]; // Math.log(0.2) + Math.log(0.1)
 * ```
 */
export function nashWriter(problem: BargainingProblem): KeyWriter {
  const { disagreement: d, power } = problem;
  return { length: 1, write: (u, at, out) => void (out[0] = nashLogProduct(u, d, power, at)) };
}
