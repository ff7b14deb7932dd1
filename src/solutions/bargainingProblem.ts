import type { ArchivePoint } from "../frontier/paretoArchive.js";

/**
 * A bargaining problem in index form: candidate points (normally the Pareto frontier of the ZOPA),
 * the disagreement point (reservations), bargaining powers, and the canonical bundle order for ties.
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) };
 * problem.points.length; // 7
 * ```
 */
export interface BargainingProblem {
  readonly points: readonly ArchivePoint[];
  readonly disagreement: ArrayLike<number>;
  readonly power: ArrayLike<number>;
  readonly compare: (a: Int32Array, b: Int32Array) => number;
}

/**
 * The ideal point: each party's best utility among the candidate points (inside the ZOPA).
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * idealPoint(problem); // Float64Array [0.882…, 0.875]: bill's and jack's best utilities in the ZOPA
 * ```
 */
export function idealPoint(problem: BargainingProblem): Float64Array {
  const n = problem.disagreement.length;
  const ideal = Float64Array.from(problem.disagreement);
  for (const pt of problem.points)
    for (let i = 0; i < n; i++) if (pt.utilities[i]! > ideal[i]!) ideal[i] = pt.utilities[i]!;
  return ideal;
}

/**
 * Gains over the disagreement point, clamped at 0 (a ZOPA point may sit a tolerance below it).
 *
 * @example
 * ```ts
 * gains([0.6, 0.5], [0.4, 0.5]); // [0.2, 0]
 * ```
 */
export function gains(u: ArrayLike<number>, d: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.length; i++) out.push(Math.max(0, u[i]! - d[i]!));
  return out;
}
