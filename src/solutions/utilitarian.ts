import type { ArchivePoint } from "../frontier/paretoArchive.js";
import { type BargainingProblem, gains } from "./bargainingProblem.js";
import { pickBest } from "./pickBest.js";

/**
 * The utilitarian solution: maximise the sum of utilities; ties go to the larger smallest gain
 * (the more equal split), then to the canonical bundle order. Source: Harsanyi (1955); see
 * Thomson (1994), "Cooperative models of bargaining", Handbook of Game Theory 2.
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * utilitarianSolution(problem)?.key[0]; // 1.393…: the largest sum of utilities
 * ```
 */
export function utilitarianSolution(
  problem: BargainingProblem,
): { point: ArchivePoint; key: readonly number[] } | null {
  return pickBest(problem, utilitarianKey(problem));
}

/**
 * The utilitarian criterion as a `pickBest` key: `[sum of utilities, smallest gain]`.
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * pickBest(problem, utilitarianKey(problem))?.key; // [1.393…, 0.3125]: sum of utilities, smallest gain
 * ```
 */
export function utilitarianKey(problem: BargainingProblem): (pt: ArchivePoint) => readonly number[] {
  return (pt) => {
    let sum = 0;
    for (const u of pt.utilities) sum += u;
    return [sum, Math.min(...gains(pt.utilities, problem.disagreement))];
  };
}
