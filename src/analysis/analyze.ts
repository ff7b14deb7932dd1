import { type CompiledScenario, compareBundles, countFeasible, toNamedBundle } from "../model/compile.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { LimitError, TreatylabError } from "../model/errors.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { Scenario } from "../model/types.js";
import { mustAcceptAgents, notDecomposable } from "../enumeration/acceptors.js";
import { decomposedFrontier, sortFrontier } from "../frontier/decomposedFrontier.js";
import { BatchArchive } from "../frontier/batchArchive.js";
import { directFrontier } from "../frontier/directFrontier.js";
import { smallFrontier, smallMethodsFit } from "../frontier/smallFrontier.js";
import type { ArchivePoint } from "../frontier/paretoArchive.js";
import { countBundles, walkWithProgress } from "../enumeration/walkBundles.js";
import { countZopa } from "../enumeration/zopaCount.js";
import type { BargainingProblem } from "../solutions/bargainingProblem.js";
import { idealPoint, packUtilities } from "../solutions/bargainingProblem.js";
import { SOLUTION_LIST, type SolutionName } from "../solutions/solutionConcepts.js";
import { geniusKalaiSmorodinskySolution } from "../solutions/geniusKalaiSmorodinsky.js";
import { pickBestEach } from "../solutions/pickBest.js";
import { roundUtility, utilityRecord } from "../utility/utilities.js";
import { prepare } from "./prepare.js";
import {
  ALGORITHM_CHOICES,
  type AlgorithmChoice,
  type AlgorithmName,
  type Analysis,
  type Solution,
  type Solutions,
  type ZopaCountMethod,
} from "./types.js";
import { checkInteger, checkNumber, checkOneOf, checkOptionsObject, checkSeed } from "../model/optionChecks.js";
import { assertFinite } from "../model/finite.js";
import { issueOptionLabel } from "../model/labels.js";

/**
 * Default largest number of bundles `analyze` enumerates.
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("ukraine-2025"));
 * c.combinations <= BigInt(DEFAULT_MAX_OUTCOMES); // true: 26,542,080 bundles, under the default 50,000,000
 * zopaFrontier(c, { maxOutcomes: 1_000_000 });
 * // throws "the outcome space has 26542080 bundles, over the enumeration limit of 1000000; raise it with ..."
 * ```
 */
export const DEFAULT_MAX_OUTCOMES = 50_000_000;

/**
 * Outcome spaces up to this size are enumerated under `auto` (cheaper than decomposing them).
 * Measured on the GENIUS domains (issue 18): enumeration is as fast or faster up to Grocery's
 * 1,600 bundles, the decomposed frontier with the meet-in-the-middle count faster from 3,024
 * (Amsterdam) on, 6x on Politics-ANAC2015's 23,040.
 * @example
 * ```ts
 * const c = compileScenario(nash1950);
 * c.combinations <= BigInt(AUTO_ENUMERATE_LIMIT); // true: 512 bundles
 * chooseAlgorithm(c, "auto"); // "enumerate"
 * ```
 */
export const AUTO_ENUMERATE_LIMIT = 2_000;

/**
 * Largest outcome space whose ZOPA the frontier method counts by walking it when the exact dynamic program gives up.
 * @example
 * ```ts
 * const c = compileScenario(nash1950);
 * frontierAnalysis(c).method; // "meet-in-the-middle": counted exactly, no walk needed
 * c.combinations <= BigInt(COUNT_BY_WALK_LIMIT); // true: an estimated count would be replaced by a walk
 * ```
 */
export const COUNT_BY_WALK_LIMIT = 2_000_000;

/**
 * Options of {@link analyze}.
 *
 * @example
 * ```ts
 * const options: AnalyzeOptions = { algorithm: "frontier", memoryBudgetBytes: 2 ** 28 };
 * analyze(nash1950, options).algorithm; // "frontier"
 * ```
 */
export interface AnalyzeOptions {
  /** Refuse (with a clear error) to enumerate outcome spaces larger than this. Default {@link DEFAULT_MAX_OUTCOMES}. */
  readonly maxOutcomes?: number;
  /** `auto` (default), `frontier` or `enumerate`; see {@link AlgorithmChoice}. */
  readonly algorithm?: AlgorithmChoice;
  /** Memory budget of the frontier method in bytes (default 1 GiB): past it, a clear error says how large the frontier was getting. */
  readonly memoryBudgetBytes?: number;
  /** Candidate sums the frontier method may form before it refuses (default 4 million: `DEFAULT_MAX_CANDIDATES` in `treatylab/advanced`). */
  readonly maxCandidates?: number;
  /**
   * Progress: of the frontier algorithm, in candidate sums formed of those known so far (see
   * `DecomposedFrontierOptions`); of enumeration, in bundles of the outcome space walked past
   * (pruned branches count as passed), reported every 1,024 ZOPA bundles.
   */
  readonly onProgress?: (done: number, total: number) => void;
  /** Seed of the ZOPA-size estimate, when the size cannot be counted exactly (default "treatylab-zopa"). */
  readonly seed?: string;
  /** Precision and cap of that estimate: it stops once as precise as this many uniform draws, or after this many draws (default 200,000). */
  readonly countSamples?: number;
  /** Also compute GENIUS's own solution variants by name (`solutions.geniusKalaiSmorodinsky`). */
  readonly geniusVariants?: boolean;
}

/** Refuses options a program got wrong, naming them (`options.algorithm`), instead of a silent default. */
function checkAnalyzeOptions(options: AnalyzeOptions): void {
  checkOptionsObject(options, "analyze");
  checkOneOf(options.algorithm, ALGORITHM_CHOICES, "options.algorithm");
  // The limit feeds a BigInt (finite); the frontier method's budgets may be switched off.
  checkNumber(options.maxOutcomes, "options.maxOutcomes", 1);
  checkInteger(options.countSamples, "options.countSamples", 1);
  checkNumber(options.memoryBudgetBytes, "options.memoryBudgetBytes", 1, { infinite: true });
  checkNumber(options.maxCandidates, "options.maxCandidates", 1, { infinite: true });
  if (options.seed !== undefined) checkSeed(options.seed, "options.seed");
}

/** Whether enumeration refuses `c`: more bundles than `options.maxOutcomes` (default {@link DEFAULT_MAX_OUTCOMES}). */
function overMaxOutcomes(c: CompiledScenario, options: AnalyzeOptions): boolean {
  return c.combinations > BigInt(Math.floor(options.maxOutcomes ?? DEFAULT_MAX_OUTCOMES));
}

/**
 * The ZOPA's Pareto frontier as index points, and the ZOPA size, by exact enumeration.
 *
 * @example
 * ```ts
 * const { points, zopaCount } = zopaFrontier(compileScenario(nash1950));
 * [points.length, zopaCount]; // [7, 293]
 * ```
 */
export function zopaFrontier(
  c: CompiledScenario,
  options: AnalyzeOptions = {},
): { points: ArchivePoint[]; zopaCount: number } {
  const max = options.maxOutcomes ?? DEFAULT_MAX_OUTCOMES;
  if (overMaxOutcomes(c, options))
    throw new LimitError(
      `the outcome space has ${c.combinations} bundles, over the enumeration limit of ${max}; ${notDecomposable(c) === null ? 'use the frontier algorithm (algorithm "frontier" or "auto"; CLI: --algorithm frontier), which does not enumerate, or ' : ""}raise the limit (maxOutcomes; CLI --max-outcomes), merge options, or coarsen numeric steps`,
    );
  const archive = new BatchArchive(
    c.partyIds.length,
    c.issueIds.length,
    (a, b) => compareBundles(c, a, b),
    undefined,
    Number(c.combinations < 1024n ? c.combinations : 1024n),
  );
  let zopaCount = 0;
  // Progress in bundles of the outcome space walked past (see walkWithProgress).
  walkWithProgress(
    c,
    { zopaOnly: true },
    (bundle, u) => {
      zopaCount++;
      archive.add(u, bundle);
    },
    options.onProgress,
  );
  return { points: sortFrontier(c, archive.result()), zopaCount };
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The algorithm {@link analyze} runs for a choice: `auto` gives `frontier` when the scenario is
 * decomposable (additive utilities, no vote-counting ratification) and has more than
 * {@link AUTO_ENUMERATE_LIMIT} bundles, and `enumerate` otherwise (both are exact).
 * Asking for `frontier` on a scenario that is not decomposable is an error that says why.
 *
 * @example
 * ```ts
 * chooseAlgorithm(compileScenario(nash1950), "auto"); // "enumerate": 512 bundles
 * chooseAlgorithm(compileScenario(nash1950), "frontier"); // "frontier": additive utilities allow it
 * ```
 */
export const chooseAlgorithm = (function chooseAlgorithm(c: CompiledScenario, choice: AlgorithmChoice = "auto"): AlgorithmName {
  const reason = notDecomposable(c);
  if (choice === "enumerate") return "enumerate";
  if (choice === "frontier") {
    if (reason !== null)
      throw new TreatylabError(
        `the frontier algorithm needs additive utilities, but ${reason}; use algorithm "enumerate" or "auto" (CLI: --algorithm enumerate)`,
      );
    return "frontier";
  }
  return reason === null && c.combinations > BigInt(AUTO_ENUMERATE_LIMIT) ? "frontier" : "enumerate";
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The ZOPA's Pareto frontier and size by the decomposed method: the frontier exactly, the size by
 * the exact dynamic program, else (small spaces) by walking the ZOPA, else by a seeded estimate.
 *
 * @example
 * ```ts
 * const { points, count, method } = frontierAnalysis(compileScenario(nash1950));
 * [points.length, count, method]; // [7, 293n, "meet-in-the-middle"]
 * ```
 */
export const frontierAnalysis = (function frontierAnalysis(
  c: CompiledScenario,
  options: AnalyzeOptions = {},
): { points: ArchivePoint[]; count: bigint; method: ZopaCountMethod; standardError: number } {
  const points = plainFrontier(c, options) ?? decomposedPoints(c, options);
  const counted = countZopa(c, {
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.countSamples !== undefined ? { samples: options.countSamples } : {}),
  });
  if (counted.method === "estimate" && c.combinations <= BigInt(COUNT_BY_WALK_LIMIT)) {
    return { points, count: BigInt(countBundles(c, { zopaOnly: true })), method: "enumerate", standardError: 0 };
  }
  return { points, count: counted.count, method: counted.method, standardError: counted.standardError };
});

function decomposedPoints(c: CompiledScenario, options: AnalyzeOptions): ArchivePoint[] {
  return decomposedFrontier(c, {
    extraAcceptors: mustAcceptAgents(c),
    ...(options.memoryBudgetBytes !== undefined ? { memoryBudgetBytes: options.memoryBudgetBytes } : {}),
    ...(options.maxCandidates !== undefined ? { maxCandidates: options.maxCandidates } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
  }).points;
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The frontier of a plain scenario (additive utilities, no constraints, constituencies or
 * interaction terms) by the small methods: `directFrontier` for two parties, `smallFrontier` for
 * more; null when they do not apply or give up, or when the options ask for the decomposed
 * method's progress (`onProgress`) or for budgets (`maxCandidates`, `memoryBudgetBytes`) smaller
 * than the most the small methods can use (`smallMethodsFit`; the CLI's defaults are larger). The same
 * points, in the same order, as the decomposed method and enumeration: on a first call their few
 * loops cost far less than the general method's cold code (issue 18).
 */
const plainFrontier = (function plainFrontier(c: CompiledScenario, options: AnalyzeOptions): ArchivePoint[] | null {
  if (options.onProgress !== undefined || !smallMethodsFit(c, options)) return null;
  const direct = directFrontier(c);
  if (direct !== null) return direct;
  if (c.partyIds.length > 2) {
    const small = smallFrontier(c);
    if (small !== null) return sortFrontier(c, small.points);
  }
  return null;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The ZOPA's Pareto frontier only (no ZOPA count), by the algorithm `analyze` would pick (or the
 * one forced in `options.algorithm`): what explanations and other frontier-only callers use, so
 * they scale like `analyze`. Under `auto`, a plain two-party scenario gets `directFrontier`, and a
 * small plain agenda of three or more parties `smallFrontier` (the same points, with less code to
 * run cold on a first call).
 *
 * @example
 * ```ts
 * frontierPoints(compileScenario(nash1950)).length; // 7, as analyze(nash1950).frontier.length
 * ```
 */
export const frontierPoints = (function frontierPoints(c: CompiledScenario, options: AnalyzeOptions = {}): ArchivePoint[] {
  // Auto on a plain scenario: the small methods (the same points), unless the options ask for the
  // decomposed method's progress or budgets (see plainFrontier), or enumeration (what auto picks
  // up to AUTO_ENUMERATE_LIMIT bundles) would refuse the space for maxOutcomes (its limit error
  // is kept).
  if (
    (options.algorithm ?? "auto") === "auto" &&
    (c.combinations > BigInt(AUTO_ENUMERATE_LIMIT) || !overMaxOutcomes(c, options))
  ) {
    const plain = plainFrontier(c, options);
    if (plain !== null) return plain;
  }
  return chooseAlgorithm(c, options.algorithm) === "frontier"
    ? decomposedPoints(c, options)
    : zopaFrontier(c, options).points;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The ZOPA's Pareto frontier and size by the algorithm {@link analyze} picks (or the one forced
 * in `options.algorithm`), and which it was: what `analyze` and the what-if probes share.
 *
 * When `auto` enumerates a plain scenario (a small space), the walk only counts the ZOPA and the
 * frontier comes from the small methods (`directFrontier`, `smallFrontier`: the same points in the
 * same order, property-tested against enumeration), which run cold in half the time and memory.
 * A forced `enumerate` keeps the frontier in the walk too, so that it stays an independent check.
 *
 * @example
 * ```ts
 * import { zopaAndFrontier } from "./analyze.js";
 * const { algorithm, points, count, method } = zopaAndFrontier(compileScenario(nash1950));
 * [algorithm, points.length, count, method]; // ["enumerate", 7, 293n, "enumerate"]
 * ```
 */
export const zopaAndFrontier = (function zopaAndFrontier(
  c: CompiledScenario,
  options: AnalyzeOptions = {},
): { algorithm: AlgorithmName; points: ArchivePoint[]; count: bigint; method: ZopaCountMethod; standardError: number } {
  const algorithm = chooseAlgorithm(c, options.algorithm);
  if (algorithm === "frontier") return { algorithm, ...frontierAnalysis(c, options) };
  // Auto, and within maxOutcomes (otherwise zopaFrontier's limit error is kept).
  if (
    (options.algorithm ?? "auto") === "auto" &&
    !overMaxOutcomes(c, options)
  ) {
    const plain = plainFrontier(c, options);
    if (plain !== null)
      return { algorithm, points: plain, count: BigInt(countBundles(c, { zopaOnly: true })), method: "enumerate", standardError: 0 };
  }
  const r = zopaFrontier(c, options);
  return { algorithm, points: r.points, count: BigInt(r.zopaCount), method: "enumerate", standardError: 0 };
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The bargaining problem of a compiled scenario over the given frontier points.
 *
 * @example
 * ```ts
 * const c = compileScenario(nash1950);
 * const problem = bargainingProblem(c, zopaFrontier(c).points);
 * problem.disagreement; // Float64Array [0.35294117647058826, 0.375]: the reservations
 * ```
 */
export const bargainingProblem = (function bargainingProblem(c: CompiledScenario, points: readonly ArchivePoint[]): BargainingProblem {
  return { points, disagreement: c.reservation, power: c.power, compare: (a, b) => compareBundles(c, a, b) };
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The solution of every concept in `SOLUTION_CONCEPTS` (Nash, Kalai-Smorodinsky, egalitarian,
 * utilitarian) of a bargaining problem, in the registry's order; `packed` is the points'
 * utilities as `packUtilities` gives them (worked out here unless given).
 *
 * @example
 * ```ts
 * const c = compileScenario(nash1950);
 * solveAll(c, bargainingProblem(c, zopaFrontier(c).points)).nash?.utilities; // { bill: 0.705882352941, jack: 0.6875 }
 * ```
 */
export const solveAll = (function solveAll(
  c: CompiledScenario,
  problem: BargainingProblem,
  geniusVariants = false,
  packed: ArrayLike<number> = packUtilities(problem),
): Solutions {
  const wrap = (
    r: { point: ArchivePoint; key: readonly number[] } | null,
    criterion: (k: readonly number[]) => number,
  ): Solution | null =>
    r === null
      ? null
      : {
          bundle: toNamedBundle(c, r.point.bundle),
          utilities: utilityRecord(c, r.point.utilities),
          criterion: roundUtility(criterion(r.key)),
        };
  // Every concept with a key writer in one pass over the packed utilities (the same picks as its `solve`).
  let ideal: Float64Array | undefined;
  const idealOf = (): Float64Array => (ideal ??= idealPoint(problem, packed));
  const fused = SOLUTION_LIST.filter((s) => s.writer !== undefined);
  const picked = new Map(
    pickBestEach(
      problem,
      fused.map((s) => s.writer!(problem, idealOf)),
      packed,
    ).map((r, j) => [fused[j]!.name, r]),
  );
  const solutions = Object.fromEntries(
    SOLUTION_LIST.map((s) => [s.name, wrap(picked.has(s.name) ? picked.get(s.name)! : s.solve(problem), s.value)]),
  ) as Record<SolutionName, Solution | null>;
  return geniusVariants
    ? { ...solutions, geniusKalaiSmorodinsky: wrap(geniusKalaiSmorodinskySolution(problem), (k) => -k[0]!) }
    : solutions;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Analyses a scenario exactly: the number of feasible bundles, the ZOPA (bundles every party
 * accepts) and its size, the ZOPA's Pareto frontier (one entry per distinct utility vector), and
 * the Nash, Kalai-Smorodinsky, egalitarian and utilitarian solutions over the ZOPA.
 * The algorithm is picked by {@link chooseAlgorithm} (or forced with `options.algorithm`) and
 * reported in `algorithm`; both give the same frontier, representatives and solutions. With the
 * frontier method the ZOPA size may be a seeded estimate on huge spaces (`zopa.method`).
 * The input is validated and never modified; the result is frozen plain data.
 *
 * @example
 * ```ts
 * import { analyze, builtinScenario } from "treatylab";
 * const a = analyze(builtinScenario("ukraine-2025"));
 * console.log(a.zopa.count, a.solutions.nash?.bundle);
 * ```
 */
export const analyze = (function analyze(scenario: Scenario | CompiledScenario, options: AnalyzeOptions = {}): Analysis {
  checkAnalyzeOptions(options);
  const c = prepare(scenario);
  const outcomes = countFeasible(c);
  const { algorithm, points, ...zopa } = zopaAndFrontier(c, options);
  const problem = bargainingProblem(c, points);
  // One pass over the points (a large frontier's point objects lie scattered in memory): the
  // named frontier, and the utilities packed as `packUtilities` gives them for the solutions.
  const P = c.partyIds.length;
  const packed = new Float64Array(points.length * P);
  const frontier = points.map((pt, k) => {
    for (let i = 0; i < P; i++) packed[k * P + i] = pt.utilities[i]!;
    return Object.freeze({ bundle: toNamedBundle(c, pt.bundle), utilities: utilityRecord(c, pt.utilities) });
  });
  const ideal = points.length > 0 ? idealPoint(problem, packed) : null;
  // The frontier's only numbers are its rounded utilities, finite when the packed ones are
  // (rounding to 12 digits keeps a finite double finite): checked here in a tight loop, so that
  // assertFinite need not walk every entry (if one is not, it walks them and names it).
  const checked = packed.every((x) => Number.isFinite(x)) ? new Set<object>([frontier]) : undefined;
  const s = c.scenario;
  return assertFinite(
    deepFreeze({
      scenario: { id: s.id, title: s.title ?? s.id },
      algorithm,
      tolerance: UTILITY_TOLERANCE,
      outcomes: Number(outcomes),
      outcomesExact: outcomes.toString(),
      parties: s.parties.map((p, i) => ({
        id: p.id,
        label: p.label ?? p.id,
        reservation: p.reservation,
        power: p.power ?? 1,
        ideal: ideal ? roundUtility(ideal[i]!) : null,
      })),
      issues: s.issues.map((issue, i) => ({
        id: issue.id,
        label: issue.label ?? issue.id,
        options: c.optionIds[i]!.map((o) => ({ id: o, label: issueOptionLabel(issue, o) })),
      })),
      zopa: {
        count: Number(zopa.count),
        share: outcomes > 0n ? roundUtility(Number(zopa.count) / Number(outcomes)) : 0,
      },
      zopaCounting: {
        method: zopa.method,
        countExact: zopa.count.toString(),
        standardError: roundUtility(zopa.standardError),
      },
      frontier,
      solutions: solveAll(c, problem, options.geniusVariants === true, packed),
    }),
    "analyze",
    checked,
  );
});
