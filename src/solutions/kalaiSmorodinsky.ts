import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { ArchivePoint } from "../frontier/paretoArchive.js";
import { type BargainingProblem, idealPoint, sortAscending } from "./bargainingProblem.js";
import { type KeyWriter, keyOf, pickBest } from "./pickBest.js";

/**
 * The Kalai-Smorodinsky solution over a discrete set: maximise the smallest gain as a share of
 * the party's ideal gain (ideal = its best utility inside the ZOPA), refined leximin (then the
 * second smallest share, ...). A party whose ideal equals its reservation counts as fully
 * satisfied (share 1). Source: Kalai and Smorodinsky (1975), Econometrica 43(3).
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * kalaiSmorodinskySolution(problem)?.key[0]; // 0.625: the smallest share of ideal gain reached
 * ```
 */
export function kalaiSmorodinskySolution(
  problem: BargainingProblem,
): { point: ArchivePoint; key: readonly number[] } | null {
  return pickBest(problem, kalaiSmorodinskyKey(problem));
}

/**
 * The Kalai-Smorodinsky criterion as a `pickBest` key: shares of ideal gain sorted ascending, the
 * ideal point being that of `problem` (so it can rank a subset of its points).
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * const others = problem.points.slice(0, 3); // the three points best for bill
 * pickBest({ ...problem, points: others }, kalaiSmorodinskyKey(problem))?.key; // [0.5, 0.777…]
 * ```
 */
export function kalaiSmorodinskyKey(problem: BargainingProblem): (pt: ArchivePoint) => readonly number[] {
  return keyOf(kalaiSmorodinskyWriter(problem));
}

/**
 * The Kalai-Smorodinsky key as a {@link KeyWriter}: each party's gain over its ideal gain (1 when
 * the ideal is within the tolerance of the reservation), sorted ascending; `ideal` is the
 * problem's ideal point (worked out here unless given).
 *
 * @example
 * ```ts
 * import { kalaiSmorodinskyWriter } from "./kalaiSmorodinsky.js";
 * const problem = { points: [{ utilities: Float64Array.of(0.8, 0.5), bundle: Int32Array.of(0) }],
 *   disagreement: [0.4, 0.5], power: [1, 1], compare: () => 0 }; // ideal (0.8, 0.5)
 * const out = new Float64Array(2);
 * kalaiSmorodinskyWriter(problem).write([0.6, 0.5], 0, out); // out: Float64Array [0.5, 1]
 * ```
 */
export function kalaiSmorodinskyWriter(
  problem: BargainingProblem,
  ideal: ArrayLike<number> = idealPoint(problem),
): KeyWriter {
  const d = problem.disagreement;
  const n = d.length;
  const span = Float64Array.from({ length: n }, (_, i) => ideal[i]! - d[i]!);
  return {
    length: n,
    write: (u, at, out) => {
      for (let i = 0; i < n; i++) {
        const s = span[i]!;
        out[i] = s <= UTILITY_TOLERANCE ? 1 : Math.max(0, u[at + i]! - d[i]!) / s;
      }
      sortAscending(out);
    },
  };
}
