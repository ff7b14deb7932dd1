import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { ArchivePoint } from "../frontier/paretoArchive.js";
import type { BargainingProblem } from "./bargainingProblem.js";

/**
 * Picks the point with the lexicographically largest key (entries compared with
 * {@link UTILITY_TOLERANCE}); remaining ties go to the larger sum of utilities, then to the
 * canonically first bundle. Returns null when there are no points.
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * pickBest(problem, (pt) => [pt.utilities[0]!])?.point.utilities; // Float64Array [0.882…, 0.375]: best for bill
 * ```
 */
export function pickBest(
  problem: BargainingProblem,
  key: (pt: ArchivePoint) => readonly number[],
): { point: ArchivePoint; key: readonly number[] } | null {
  let best: ArchivePoint | null = null;
  let bestKey: readonly number[] = [];
  let bestSum = 0;
  for (const pt of problem.points) {
    const k = key(pt);
    let sum = 0;
    for (const u of pt.utilities) sum += u;
    if (best === null) {
      best = pt;
      bestKey = k;
      bestSum = sum;
      continue;
    }
    let cmp = 0;
    for (let i = 0; i < k.length && cmp === 0; i++) {
      const a = k[i]!;
      const b = bestKey[i]!;
      if (a === b) continue;
      if (a === Number.NEGATIVE_INFINITY || b === Number.NEGATIVE_INFINITY) cmp = a > b ? 1 : -1;
      else if (Math.abs(a - b) > UTILITY_TOLERANCE) cmp = a > b ? 1 : -1;
    }
    if (cmp === 0 && Math.abs(sum - bestSum) > UTILITY_TOLERANCE) cmp = sum > bestSum ? 1 : -1;
    if (cmp === 0) cmp = problem.compare(pt.bundle, best.bundle) < 0 ? 1 : -1;
    if (cmp > 0) {
      best = pt;
      bestKey = k;
      bestSum = sum;
    }
  }
  return best === null ? null : { point: best, key: bestKey };
}
