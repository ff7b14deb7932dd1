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
 * The ideal point: each party's best utility among the candidate points (inside the ZOPA), read
 * from `packed` (the points' utilities as {@link packUtilities} gives them) when it is given.
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * idealPoint(problem); // Float64Array [0.882…, 0.875]: bill's and jack's best utilities in the ZOPA
 * ```
 */
export function idealPoint(
  problem: BargainingProblem,
  packed: ArrayLike<number> = packUtilities(problem),
): Float64Array {
  const n = problem.disagreement.length;
  const ideal = Float64Array.from(problem.disagreement);
  for (let at = 0; at < packed.length; at += n)
    for (let i = 0; i < n; i++) if (packed[at + i]! > ideal[i]!) ideal[i] = packed[at + i]!;
  return ideal;
}

/**
 * The candidate points' utilities in one array, point after point (one entry per party, as many
 * as the disagreement point has): what {@link idealPoint} and `pickBestEach` read, so that a
 * large frontier's scattered point objects are visited once.
 *
 * @example
 * ```ts
 * import { packUtilities } from "./bargainingProblem.js";
 * const points = [Float64Array.of(0.6, 0.5), Float64Array.of(0.4, 0.9)].map((u) => ({ utilities: u, bundle: Int32Array.of(0) }));
 * packUtilities({ points, disagreement: [0.3, 0.3], power: [1, 1], compare: () => 0 }); // Float64Array [0.6, 0.5, 0.4, 0.9]
 * ```
 */
export function packUtilities(problem: BargainingProblem): Float64Array {
  const n = problem.disagreement.length;
  const points = problem.points;
  const packed = new Float64Array(points.length * n);
  for (let p = 0; p < points.length; p++) {
    const u = points[p]!.utilities;
    for (let i = 0; i < n; i++) packed[p * n + i] = u[i]!;
  }
  return packed;
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

/**
 * Sorts a short array ascending in place and returns it (insertion sort: ranking keys have one
 * entry per party). Same order as `xs.sort((a, b) => a - b)` for numbers that are not NaN.
 *
 * @example
 * ```ts
 * import { sortAscending } from "./bargainingProblem.js";
 * sortAscending(Float64Array.of(0.3, 0.1, 0.2)); // Float64Array [0.1, 0.2, 0.3]
 * ```
 */
export function sortAscending(xs: Float64Array): Float64Array {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && xs[j]! > x) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}
