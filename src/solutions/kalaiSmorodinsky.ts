import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { ArchivePoint } from "../frontier/paretoArchive.js";
import { type BargainingProblem, gains, idealPoint } from "./bargainingProblem.js";
import { pickBest } from "./pickBest.js";

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
  const ideal = idealPoint(problem);
  const d = problem.disagreement;
  return (pt) =>
    gains(pt.utilities, d)
      .map((g, i) => {
        const span = ideal[i]! - d[i]!;
        return span <= UTILITY_TOLERANCE ? 1 : g / span;
      })
      .sort((a, b) => a - b);
}
