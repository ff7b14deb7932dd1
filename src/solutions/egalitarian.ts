import type { ArchivePoint } from "../frontier/paretoArchive.js";
import { type BargainingProblem, sortAscending } from "./bargainingProblem.js";
import { type KeyWriter, keyOf, pickBest } from "./pickBest.js";

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
  return keyOf(egalitarianWriter(problem));
}

/**
 * The egalitarian key as a {@link KeyWriter}: the gains (as `gains` gives them) sorted ascending.
 *
 * @example
 * ```ts
 * import { egalitarianWriter } from "./egalitarian.js";
 * const problem = { points: [], disagreement: [0.4, 0.5], power: [1, 1], compare: () => 0 };
 * const out = new Float64Array(2);
 * egalitarianWriter(problem).write([0.6, 0.55], 0, out); // out: Float64Array [0.05…, 0.2…]
 * ```
 */
export function egalitarianWriter(problem: BargainingProblem): KeyWriter {
  const d = problem.disagreement;
  const n = d.length;
  return {
    length: n,
    write: (u, at, out) => {
      for (let i = 0; i < n; i++) out[i] = Math.max(0, u[at + i]! - d[i]!);
      sortAscending(out);
    },
  };
}
