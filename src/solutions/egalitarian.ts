import type { ArchivePoint } from "../frontier/paretoArchive.js";
import { type BargainingProblem, gains } from "./bargainingProblem.js";
import { pickBest } from "./pickBest.js";

/**
 * The egalitarian solution: maximise the smallest gain over the disagreement point, refined
 * leximin (then the second smallest gain, ...). Source: Kalai (1977), Econometrica 45(7).
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * egalitarianSolution(problem)?.key[0]; // 0.3125: the smallest gain reached (jack's)
 * ```
 */
export function egalitarianSolution(
  problem: BargainingProblem,
): { point: ArchivePoint; key: readonly number[] } | null {
  return pickBest(problem, egalitarianKey(problem));
}

/**
 * The egalitarian criterion as a `pickBest` key: gains sorted ascending (leximin).
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * pickBest(problem, egalitarianKey(problem))?.key; // [0.3125, 0.352…]: the gains, smallest first
 * ```
 */
export function egalitarianKey(problem: BargainingProblem): (pt: ArchivePoint) => readonly number[] {
  return (pt) => gains(pt.utilities, problem.disagreement).sort((a, b) => a - b);
}
