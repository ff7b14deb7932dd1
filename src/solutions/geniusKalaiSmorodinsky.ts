import type { ArchivePoint } from "../frontier/paretoArchive.js";
import type { BargainingProblem } from "./bargainingProblem.js";
import { pickBest } from "./pickBest.js";

/**
 * GENIUS's own "Kalai-Smorodinsky" point (BidSpace.getKalaiSmorodinsky in GENIUS 10.4): the
 * candidate point that minimises the sum over pairs of parties of |u_i - u_j|, i.e. the most
 * equal split of raw utilities. It ignores the ideal point and the reservations, so it differs
 * from the theory's solution (equal shares of each party's ideal gain, see
 * {@link kalaiSmorodinskySolution}) whenever ideals or reservations differ. Ties go to the larger
 * sum of utilities, then to the canonically first bundle (as in {@link pickBest}).
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * geniusKalaiSmorodinskySolution(problem)?.key[0]; // -0.0183…: minus the summed pairwise gap
 * ```
 */
export function geniusKalaiSmorodinskySolution(
  problem: BargainingProblem,
): { point: ArchivePoint; key: readonly number[] } | null {
  return pickBest(problem, (pt) => {
    let gap = 0;
    const u = pt.utilities;
    for (let i = 0; i < u.length; i++) for (let j = i + 1; j < u.length; j++) gap += Math.abs(u[i]! - u[j]!);
    return [-gap];
  });
}
