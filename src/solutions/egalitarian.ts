import type { ArchivePoint } from "../search/paretoArchive.js";
import { type BargainingProblem, gains } from "./bargainingProblem.js";
import { pickBest } from "./pickBest.js";

/**
 * The egalitarian solution: maximise the smallest gain over the disagreement point, refined
 * leximin (then the second smallest gain, ...). Source: Kalai (1977), Econometrica 45(7).
 *
 * @example
 * ```ts
 * egalitarianSolution(problem)?.key[0]; // the smallest gain reached
 * ```
 */
export function egalitarianSolution(problem: BargainingProblem): { point: ArchivePoint; key: readonly number[] } | null {
  return pickBest(problem, (pt) => gains(pt.utilities, problem.disagreement).sort((a, b) => a - b));
}
