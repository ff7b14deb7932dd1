import { type CompiledScenario, compareBundles, countFeasible, toNamedBundle } from "../model/compile.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { LimitError } from "../model/errors.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { Scenario } from "../model/types.js";
import { ParetoArchive, type ArchivePoint } from "../search/paretoArchive.js";
import { walkBundles } from "../search/walkBundles.js";
import type { BargainingProblem } from "../solutions/bargainingProblem.js";
import { idealPoint } from "../solutions/bargainingProblem.js";
import { egalitarianSolution } from "../solutions/egalitarian.js";
import { kalaiSmorodinskySolution } from "../solutions/kalaiSmorodinsky.js";
import { nashSolution } from "../solutions/nash.js";
import { utilitarianSolution } from "../solutions/utilitarian.js";
import { roundUtility, utilityRecord } from "../utility/utilities.js";
import { prepare } from "./prepare.js";
import type { Analysis, Solution, Solutions } from "./types.js";

/** Default largest number of bundles `analyze` enumerates. */
export const DEFAULT_MAX_OUTCOMES = 50_000_000;

/**
 * Options of {@link analyze}.
 *
 * @example
 * ```ts
 * analyze(s, { maxOutcomes: 1e8 });
 * ```
 */
export interface AnalyzeOptions {
  /** Refuse (with a clear error) outcome spaces larger than this. Default {@link DEFAULT_MAX_OUTCOMES}. */
  readonly maxOutcomes?: number;
}

/**
 * The ZOPA's Pareto frontier as index points, and the ZOPA size, by exact enumeration.
 *
 * @example
 * ```ts
 * const { points, zopaCount } = zopaFrontier(compiled);
 * ```
 */
export function zopaFrontier(c: CompiledScenario, options: AnalyzeOptions = {}): { points: ArchivePoint[]; zopaCount: number } {
  const max = options.maxOutcomes ?? DEFAULT_MAX_OUTCOMES;
  if (c.combinations > BigInt(Math.floor(max)))
    throw new LimitError(
      `the outcome space has ${c.combinations} bundles, over the enumeration limit of ${max}; raise it with --max-outcomes (maxOutcomes), merge options, or coarsen numeric steps`,
    );
  const archive = new ParetoArchive((a, b) => compareBundles(c, a, b));
  let zopaCount = 0;
  walkBundles(c, { zopaOnly: true }, (bundle, u) => {
    zopaCount++;
    archive.add(u, bundle);
  });
  return { points: archive.result(), zopaCount };
}

/**
 * The bargaining problem of a compiled scenario over the given frontier points.
 *
 * @example
 * ```ts
 * const problem = bargainingProblem(compiled, zopaFrontier(compiled).points);
 * ```
 */
export function bargainingProblem(c: CompiledScenario, points: readonly ArchivePoint[]): BargainingProblem {
  return { points, disagreement: c.reservation, power: c.power, compare: (a, b) => compareBundles(c, a, b) };
}

/**
 * Nash, Kalai-Smorodinsky, egalitarian and utilitarian solutions of a bargaining problem.
 *
 * @example
 * ```ts
 * solveAll(compiled, problem).nash?.bundle;
 * ```
 */
export function solveAll(c: CompiledScenario, problem: BargainingProblem): Solutions {
  const wrap = (r: { point: ArchivePoint; key: readonly number[] } | null, criterion: (k: readonly number[]) => number): Solution | null =>
    r === null
      ? null
      : { bundle: toNamedBundle(c, r.point.bundle), utilities: utilityRecord(c, r.point.utilities), criterion: roundUtility(criterion(r.key)) };
  return {
    nash: wrap(nashSolution(problem), (k) => Math.exp(k[0]!)),
    kalaiSmorodinsky: wrap(kalaiSmorodinskySolution(problem), (k) => k[0]!),
    egalitarian: wrap(egalitarianSolution(problem), (k) => k[0]!),
    utilitarian: wrap(utilitarianSolution(problem), (k) => k[0]!),
  };
}

/**
 * Analyses a scenario exactly: the number of feasible bundles, the ZOPA (bundles every party
 * accepts) and its size, the ZOPA's Pareto frontier (one entry per distinct utility vector), and
 * the Nash, Kalai-Smorodinsky, egalitarian and utilitarian solutions over the ZOPA.
 * The input is validated and never modified; the result is frozen plain data.
 *
 * @example
 * ```ts
 * import { analyze, builtinScenario } from "treatylab";
 * const a = analyze(builtinScenario("ukraine-2025"));
 * console.log(a.zopa.count, a.solutions.nash?.bundle);
 * ```
 */
export function analyze(scenario: Scenario | CompiledScenario, options: AnalyzeOptions = {}): Analysis {
  const c = prepare(scenario);
  const outcomes = countFeasible(c);
  const { points, zopaCount } = zopaFrontier(c, options);
  const problem = bargainingProblem(c, points);
  const ideal = points.length > 0 ? idealPoint(problem) : null;
  const s = c.scenario;
  return deepFreeze({
    scenario: { id: s.id, title: s.title ?? s.id },
    algorithm: "enumerate",
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
    zopa: { count: zopaCount, share: Number(outcomes) > 0 ? roundUtility(zopaCount / Number(outcomes)) : 0 },
    frontier: points.map((pt) => ({ bundle: toNamedBundle(c, pt.bundle), utilities: utilityRecord(c, pt.utilities) })),
    solutions: solveAll(c, problem),
  });
}
