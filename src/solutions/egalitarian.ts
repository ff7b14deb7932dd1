import type { ArchivePoint } from "../frontier/paretoArchive.js";
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
 * pickBest(problem, egalitarianKey(problem));
 * ```
 */
export function egalitarianKey(problem: BargainingProblem): (pt: ArchivePoint) => readonly number[] {
  return (pt) => gains(pt.utilities, problem.disagreement).sort((a, b) => a - b);
}
