import type { CompiledScenario } from "../model/compile.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import { TreatylabError } from "../model/errors.js";
import { mustAcceptAgents, notDecomposable, partyAcceptors } from "./acceptors.js";
import { issueGroups } from "./issueGroups.js";
import { meetInTheMiddleCount, QUICK_HALF } from "./meetInTheMiddle.js";
import { VectorCounter } from "./vectorCounter.js";
import { conditionalEstimate } from "./conditionalEstimate.js";

/**
 * Default largest number of distinct partial utility vectors the counting dynamic program holds.
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("annan-plan-2004"));
 * countZopa(c).states <= DEFAULT_COUNT_STATES; // true: 12 states, counted exactly ("dp", 27 bundles)
 * countZopa(c, { maxStates: 10 }).method; // "estimate": 10 states are too few
 * ```
 */
export const DEFAULT_COUNT_STATES = 1 << 17;
/**
 * Default precision and most draws of the estimate: it stops once its standard error is at most
 * that of this many uniform draws of whole bundles (the estimator before the conditional one), and
 * at this many draws in any case; the conditional estimate usually needs a few thousand.
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("annan-plan-2004"));
 * countZopa(c, { maxStates: 10 }).samples <= DEFAULT_COUNT_SAMPLES; // true: 1,024 draws (every one with the same count)
 * ```
 */
export const DEFAULT_COUNT_SAMPLES = 200_000;

/**
 * Largest half (partial bundles) for which `countZopa` counts exactly by meet in the middle once its
 * dynamic program has given up, by number of acceptors: the cost model of the exact path. The
 * count sorts both halves once per acceptor and, for three acceptors, runs an O(n log^2 n) divide
 * and conquer; at these sizes it takes a few milliseconds (2^16 + 2^16 one-acceptor sums, 2^14 +
 * 2^14 two-acceptor, 2^13 + 2^13 three-acceptor), about what the decomposed frontier takes on such
 * agendas. Larger halves (up to `MEET_IN_THE_MIDDLE_LIMIT`, on request with the `exactHalf`
 * option) take from tens of milliseconds to seconds, so the count is estimated instead, by the
 * conditional estimate (see `conditionalEstimate`).
 *
 * @example
 * ```ts
 * import { EXACT_HALF } from "./zopaCount.js";
 * EXACT_HALF[3]; // 8192
 * const c = compileScenario(builtinScenario("annan-plan-2004"));
 * countZopa(c, { maxStates: 10, exactHalf: 0 }).method; // "estimate": no half is small enough
 * ```
 */
export const EXACT_HALF: Readonly<Record<number, number>> = { 1: 1 << 16, 2: 1 << 14, 3: 1 << 13 };

/**
 * Options of {@link countZopa}.
 *
 * @example
 * ```ts
 * const options: ZopaCountOptions = { maxStates: 10, samples: 1000, seed: "zopa" };
 * countZopa(compileScenario(builtinScenario("annan-plan-2004")), options);
 * // { count: 27n, method: "estimate", standardError: 0, samples: 1000, states: 11 }: every draw has the same count
 * ```
 */
export interface ZopaCountOptions {
  /** Give up the exact count when the dynamic program would hold more states than this. */
  readonly maxStates?: number;
  /** Precision and most draws of the estimate (when the exact count is given up), see {@link DEFAULT_COUNT_SAMPLES}. */
  readonly samples?: number;
  /** Try the exact meet-in-the-middle count before estimating (default true). */
  readonly meetInTheMiddle?: boolean;
  /**
   * Largest half for the exact meet-in-the-middle count once the dynamic program gives up (default
   * {@link EXACT_HALF} of the number of acceptors; at most `MEET_IN_THE_MIDDLE_LIMIT` is used).
   */
  readonly exactHalf?: number;
  /** Seed of the estimate's random draws (seedrandom). Default "treatylab-zopa". */
  readonly seed?: string;
}

/**
 * A ZOPA size: exact (`method: "dp"`), or a seeded Monte Carlo estimate with its standard error.
 *
 * @example
 * ```ts
 * const z: ZopaCount = countZopa(compileScenario(builtinScenario("annan-plan-2004")));
 * z.method === "dp" ? z.count : `${z.count} ± ${z.standardError}`; // 27n
 * ```
 */
export interface ZopaCount {
  readonly count: bigint;
  readonly method: "dp" | "meet-in-the-middle" | "estimate";
  /** Standard error of the count (0 when exact). */
  readonly standardError: number;
  /** Samples drawn (0 when exact). */
  readonly samples: number;
  /** Most states the dynamic program held (before giving up, if it did). */
  readonly states: number;
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Counts the ZOPA of an additive scenario without listing it (a scenario that is not additive,
 * see `notDecomposable`, is refused with a {@link TreatylabError}): bundles that satisfy the
 * constraints, cross no red line and give every party (and every constituency that must accept)
 * at least its reservation minus the tolerance.
 *
 * Exact methods: first, when the agenda splits into two halves of at most `QUICK_HALF` partial
 * bundles each, the meet-in-the-middle count (see `meetInTheMiddleCount`). Else a dynamic program over issue groups in declaration order whose states are the
 * distinct partial utility vectors (compared bit for bit, summed in the same order as enumeration)
 * with the number of partial bundles reaching each. A state that cannot reach some reservation
 * with the best remaining options is dropped; one that meets every reservation with the worst
 * remaining options is counted at once, times the number of completions. It is exact whenever
 * the states stay under `maxStates` (utilities on a coarse grid, e.g. small integer values, or
 * reservations that decide early); it gives up early when, past a sixty-fourth of the limit,
 * states barely merge and their growth over the remaining groups would pass 64 times the limit.
 * When it gives up, the count is still exact by meet in the middle for one to three acceptors on
 * agendas that split into two halves of at most {@link EXACT_HALF} partial bundles (the cost model:
 * a few milliseconds; `exactHalf` raises it up to `MEET_IN_THE_MIDDLE_LIMIT`). Otherwise the count
 * is estimated by the seeded conditional estimate (`conditionalEstimate`: a few groups enumerated,
 * the others sampled with seedrandom's Alea generator, each draw's completions counted exactly),
 * with its standard error, stopping once that is at most the standard error of `samples` uniform
 * draws of whole bundles.
 *
 * @example
 * ```ts
 * countZopa(compileScenario(builtinScenario("annan-plan-2004"))).count; // 27n
 * ```
 */
export const countZopa = (function countZopa(c: CompiledScenario, options: ZopaCountOptions = {}): ZopaCount {
  // The count sums issue by issue; on a scenario that is not additive it would be wrong, silently.
  const reason = notDecomposable(c);
  if (reason !== null)
    throw new TreatylabError(
      `countZopa counts the ZOPA of additive scenarios only, but ${reason}; count it with analyze() (which enumerates)`,
    );
  const acceptors = [...partyAcceptors(c), ...mustAcceptAgents(c)];
  const D = acceptors.length;
  const need = Float64Array.from(acceptors, (a) => a.reservation - UTILITY_TOLERANCE);
  const groups = issueGroups(c, acceptors).sort((a, b) => a.issues[0]! - b.issues[0]!);
  const K = groups.length;
  const exact = (count: bigint, states: number): ZopaCount => ({
    count,
    method: "dp",
    standardError: 0,
    samples: 0,
    states,
  });
  if (groups.some((g) => g.options.size === 0)) return exact(0n, 0);
  // Two small halves: the meet-in-the-middle count is exact and takes about a millisecond.
  if (options.meetInTheMiddle !== false) {
    const quick = meetInTheMiddleCount(groups, need, QUICK_HALF);
    if (quick !== undefined)
      return { count: BigInt(quick), method: "meet-in-the-middle", standardError: 0, samples: 0, states: 0 };
  }
  const completions: bigint[] = new Array<bigint>(K + 1).fill(1n);
  for (let k = K - 1; k >= 0; k--) completions[k] = completions[k + 1]! * BigInt(groups[k]!.options.size);
  const maxRest = Array.from({ length: K + 1 }, () => new Float64Array(D));
  const minRest = Array.from({ length: K + 1 }, () => new Float64Array(D));
  for (let k = K - 1; k >= 0; k--) {
    const g = groups[k]!.options;
    for (let d = 0; d < D; d++) {
      let hi = Number.NEGATIVE_INFINITY;
      let lo = Number.POSITIVE_INFINITY;
      for (let o = 0; o < g.size; o++) {
        hi = Math.max(hi, g.values[o * D + d]!);
        lo = Math.min(lo, g.values[o * D + d]!);
      }
      maxRest[k]![d] = maxRest[k + 1]![d]! + hi;
      minRest[k]![d] = minRest[k + 1]![d]! + lo;
    }
  }
  const maxStates = options.maxStates ?? DEFAULT_COUNT_STATES;
  // Give up early when states barely merge (utilities off any coarse grid) and, growing at this
  // rate over the remaining groups, would pass the limit many times over: `size` states after
  // group k out of `tried` extensions of the states before it. True for some size, true for any larger.
  const growsPastLimit = (size: number, tried: number, k: number): boolean => {
    const merging = size / Math.max(1, tried);
    if (!(size > maxStates / 64 && merging > 0.5)) return false;
    let predicted = size;
    for (let j = k + 1; j < K && predicted <= 64 * maxStates; j++)
      predicted *= Math.max(1, merging * groups[j]!.options.size);
    return predicted > 64 * maxStates;
  };
  let cur = new VectorCounter(D, 1);
  cur.add(new Float64Array(D), 0, 1);
  let total = 0n;
  let states = 1;
  const x = new Float64Array(D);
  for (let k = 0; k < K; k++) {
    const g = groups[k]!.options;
    const gv = g.values;
    const hiRest = maxRest[k + 1]!;
    const loRest = minRest[k + 1]!;
    const next = new VectorCounter(D, Math.min(4096, Math.max(16, cur.size * g.size)));
    // Counts settled at this level (all completions accepted), as high and low 32-bit parts.
    let sureHi = 0;
    let sureLo = 0;
    for (let e = 0; e < cur.size; e++) {
      const lo = cur.low(e);
      const hi = cur.high(e);
      for (let o = 0; o < g.size; o++) {
        let reach = true;
        let sure = true;
        for (let d = 0; d < D; d++) {
          const u = cur.keys[e * D + d]! + gv[o * D + d]!;
          x[d] = u;
          if (u + hiRest[d]! < need[d]!) {
            reach = false;
            break;
          }
          if (u + loRest[d]! < need[d]!) sure = false;
        }
        if (!reach) continue;
        if (sure) {
          sureLo += lo;
          sureHi += hi;
          if (sureLo >= 2 ** 32) {
            sureLo -= 2 ** 32;
            sureHi += 1;
          }
        } else {
          const before = next.size;
          next.add(x, 0, lo, hi);
          if (next.size > maxStates) return inexact(groups, need, options, next.size);
          // The give-up test below only gets truer as the level's states grow: once it holds
          // for the states so far, it holds for the level (checked every 64 new states).
          if (next.size !== before && (next.size & 63) === 0 && growsPastLimit(next.size, cur.size * g.size, k))
            return inexact(groups, need, options, next.size);
        }
      }
    }
    total += (BigInt(sureHi) * 2n ** 32n + BigInt(sureLo)) * completions[k + 1]!;
    states = Math.max(states, next.size);
    if (growsPastLimit(next.size, cur.size * g.size, k)) return inexact(groups, need, options, next.size);
    cur = next;
  }
  return exact(total, states);
});

/**
 * When the dynamic program gives up: the meet-in-the-middle count if the agenda splits into two
 * halves small enough (one to three acceptors), else the seeded estimate.
 */
function inexact(
  groups: ReturnType<typeof issueGroups>,
  need: Float64Array,
  options: ZopaCountOptions,
  states: number,
): ZopaCount {
  const half = options.exactHalf ?? EXACT_HALF[need.length] ?? 0;
  const n = options.meetInTheMiddle === false ? undefined : meetInTheMiddleCount(groups, need, half);
  if (n !== undefined) return { count: BigInt(n), method: "meet-in-the-middle", standardError: 0, samples: 0, states };
  return estimate(groups, need, options, states);
}

function estimate(
  groups: ReturnType<typeof issueGroups>,
  need: Float64Array,
  options: ZopaCountOptions,
  states: number,
): ZopaCount {
  const e = conditionalEstimate(groups, need, {
    seed: options.seed ?? "treatylab-zopa",
    maxSamples: options.samples ?? DEFAULT_COUNT_SAMPLES,
  });
  return {
    count: BigInt(Math.round(e.count)),
    method: "estimate",
    standardError: e.standardError,
    samples: e.samples,
    states,
  };
}
