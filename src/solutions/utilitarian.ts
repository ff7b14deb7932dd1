import type { ArchivePoint } from "../frontier/paretoArchive.js";
import type { BargainingProblem } from "./bargainingProblem.js";
import { type KeyWriter, keyOf, pickBest } from "./pickBest.js";

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
  return keyOf(utilitarianWriter(problem));
}

/**
 * The utilitarian key as a {@link KeyWriter}: the sum of the parties' utilities (in order), then the
 * smallest gain (as `gains` gives them; Infinity with no parties, as `Math.min()`).
 *
 * @example
 * ```ts
 * import { utilitarianWriter } from "./utilitarian.js";
 * const out = new Float64Array(2);
 * utilitarianWriter({ points: [], disagreement: [0.5, 0.5], power: [1, 1], compare: () => 0 }).write([0.7, 0.6], 0, out);
 * out; // Float64Array [1.3, 0.1…]
 * ```
 */
export function utilitarianWriter(problem: BargainingProblem): KeyWriter {
  const d = problem.disagreement;
  const n = d.length;
  return {
    length: 2,
    write: (u, at, out) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += u[at + i]!;
      let least = Number.POSITIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        const g = Math.max(0, u[at + i]! - d[i]!);
        if (g < least) least = g;
      }
      out[0] = sum;
      out[1] = least;
    },
  };
}
