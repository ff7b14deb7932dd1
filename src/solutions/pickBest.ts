import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { ArchivePoint } from "../frontier/paretoArchive.js";
import { type BargainingProblem, packUtilities } from "./bargainingProblem.js";

/**
 * A ranking key written into a scratch array instead of returned as a new one: `length` numbers,
 * written by `write` from a point's utilities, read at `utilities[at]`, `utilities[at + 1]`, ...
 * (one per party; the same numbers, in the same order, as the array key it stands for; see
 * {@link keyOf}). Lets {@link pickBestEach} rank many points by several criteria at once, reading
 * their utilities packed in one array, without allocating per point.
 *
 * @example
 * ```ts
 * import type { KeyWriter } from "treatylab";
 * const sumFirst: KeyWriter = { length: 1, write: (u, at, out) => void (out[0] = u[at]! + u[at + 1]!) };
 * const key = new Float64Array(sumFirst.length);
 * sumFirst.write(Float64Array.of(0.5, 0.25), 0, key);
 * key[0]; // 0.75
 * ```
 */
export interface KeyWriter {
  readonly length: number;
  readonly write: (utilities: ArrayLike<number>, at: number, out: Float64Array) => void;
}

/**
 * The array key of a {@link KeyWriter}: a function giving each point's key as a new array.
 *
 * @example
 * ```ts
 * import { keyOf } from "./pickBest.js";
 * const first = keyOf({ length: 1, write: (u, at, out) => void (out[0] = u[at]!) });
 * first({ utilities: Float64Array.of(0.5, 0.25), bundle: Int32Array.of(0) }); // [0.5]
 * ```
 */
export function keyOf(writer: KeyWriter): (pt: ArchivePoint) => readonly number[] {
  return (pt) => {
    const out = new Float64Array(writer.length);
    writer.write(pt.utilities, 0, out);
    return Array.from(out);
  };
}

/**
 * Lexicographic order of two keys of `length` entries, entries compared with the tolerance
 * (-Infinity, a zero Nash product, compares exactly): 1 when `a` ranks higher, -1 lower, 0 tied.
 */
function compareKeys(a: ArrayLike<number>, b: ArrayLike<number>, length: number): number {
  for (let i = 0; i < length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x === Number.NEGATIVE_INFINITY || y === Number.NEGATIVE_INFINITY) return x > y ? 1 : -1;
    if (Math.abs(x - y) > UTILITY_TOLERANCE) return x > y ? 1 : -1;
  }
  return 0;
}

/** The sum of the `n` utilities of a point at `u[at]`, in party order (the tie-break after the key). */
function utilitySum(u: ArrayLike<number>, at: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += u[at + i]!;
  return sum;
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The tie-break of every solution concept, once two points' keys are equal within the tolerance:
 * 1 when `pt` ranks above `best` (the larger sum of utilities, by more than
 * {@link UTILITY_TOLERANCE}; else the canonically first bundle), -1 otherwise. `sum` and
 * `bestSum` are the points' sums of utilities in party order.
 *
 * @example
 * ```ts
 * import { tieBreak } from "./pickBest.js";
 * const problem = { points: [], disagreement: [0, 0], power: [1, 1], compare: (a: Int32Array, b: Int32Array) => a[0]! - b[0]! };
 * const p = { utilities: Float64Array.of(0.5, 0.5), bundle: Int32Array.of(1) };
 * const q = { utilities: Float64Array.of(0.6, 0.4), bundle: Int32Array.of(0) };
 * tieBreak(problem, p, q, 1, 1); // -1: equal sums, and q's bundle comes first
 * ```
 */
export const tieBreak = (function tieBreak(
  problem: BargainingProblem,
  pt: ArchivePoint,
  best: ArchivePoint,
  sum: number,
  bestSum: number,
): 1 | -1 {
  if (Math.abs(sum - bestSum) > UTILITY_TOLERANCE) return sum > bestSum ? 1 : -1;
  return problem.compare(pt.bundle, best.bundle) < 0 ? 1 : -1;
});

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
    const sum = utilitySum(pt.utilities, 0, pt.utilities.length);
    if (best === null) {
      best = pt;
      bestKey = k;
      bestSum = sum;
      continue;
    }
    let cmp = compareKeys(k, bestKey, k.length);
    if (cmp === 0) cmp = tieBreak(problem, pt, best, sum, bestSum);
    if (cmp > 0) {
      best = pt;
      bestKey = k;
      bestSum = sum;
    }
  }
  return best === null ? null : { point: best, key: bestKey };
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * {@link pickBest} for several keys in one pass over the points: entry `j` of the result is
 * `pickBest(problem, keyOf(writers[j]))`, the same point and key (ties broken the same way), but
 * no key array is allocated per point, and the utilities are read from `packed` (as
 * `packUtilities` gives them, one entry per party). What `analyze` uses to find every solution of
 * a large frontier at once.
 *
 * @example
 * ```ts
 * import { pickBestEach } from "./pickBest.js";
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(c), disagreement: c.reservation, power: c.power,
 *   compare: (a, b) => compareBundles(c, a, b) }; // the 7 points of the ZOPA's frontier
 * const [bill, jack] = pickBestEach(
 *   problem,
 *   [0, 1].map((p) => ({ length: 1, write: (u, at, out) => void (out[0] = u[at + p]!) })),
 * );
 * [bill?.key, jack?.key]; // [[0.882…], [0.875]]: each party's best point
 * ```
 */
export const pickBestEach = (function pickBestEach(
  problem: BargainingProblem,
  writers: readonly KeyWriter[],
  packed: ArrayLike<number> = packUtilities(problem),
): ({ point: ArchivePoint; key: readonly number[] } | null)[] {
  const m = writers.length;
  const n = problem.disagreement.length;
  const scratch = writers.map((w) => new Float64Array(w.length));
  const bestKeys = writers.map((w) => new Float64Array(w.length));
  const best: (ArchivePoint | null)[] = writers.map(() => null);
  const bestSums = new Float64Array(m);
  const points = problem.points;
  for (let p = 0; p < points.length; p++) {
    const pt = points[p]!;
    const at = p * n;
    const sum = utilitySum(packed, at, n);
    for (let j = 0; j < m; j++) {
      const w = writers[j]!;
      const k = scratch[j]!;
      w.write(packed, at, k);
      const b = best[j]!;
      let cmp = 1;
      if (b !== null) {
        cmp = compareKeys(k, bestKeys[j]!, w.length);
        if (cmp === 0) cmp = tieBreak(problem, pt, b, sum, bestSums[j]!);
      }
      if (cmp > 0) {
        best[j] = pt;
        bestKeys[j]!.set(k);
        bestSums[j] = sum;
      }
    }
  }
  return best.map((pt, j) => (pt === null ? null : { point: pt, key: Array.from(bestKeys[j]!) }));
});
