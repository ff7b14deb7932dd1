/**
 * A Monte Carlo job and its preparation: what defines a run ({@link MonteCarloJob}) and the context
 * every draw of it reads ({@link MonteCarloContext}). The draws are in `draws.ts`, running them in
 * `drawRows.ts`, the per-bundle ZOPA counts in `zopaCounts.ts`.
 * @module
 */
import { checkSeed } from "../model/optionChecks.js";
import { bundleIndexer } from "../model/bundleIndexer.js";
import { type CompiledScenario, compileScenario } from "../model/compile.js";
import { LimitError, TreatylabError } from "../model/errors.js";
import { maxOf, minOf } from "../model/extrema.js";
import type { Scenario } from "../model/types.js";
import { validateScenario } from "../model/validate.js";
import { SOLUTION_NAMES, type SolutionName } from "../solutions/solutionConcepts.js";
import { BundleCounter } from "./bundleCounter.js";
import { NashCandidates } from "./nashCandidates.js";
import { resolveUncertainty, type UncertainParameter } from "./resolveUncertainty.js";
import { parseUncertainty, type UncertaintySpec } from "./types.js";
import { planZopaKernel, type ZopaKernelPlan } from "./zopaKernel.js";

/**
 * Everything that defines a Monte Carlo run (and so its result): plain JSON, sent to worker
 * threads and stored in shard outputs so that `merge` can check and finish the work.
 *
 * @example
 * ```ts
 * const job: MonteCarloJob = { scenario, uncertainty: { "parties.*.reservation": { spread: 0.1 } },
 *   seed: "42", draws: 10_000, solutions: ["nash"] };
 * ```
 */
export interface MonteCarloJob {
  readonly scenario: Scenario;
  readonly uncertainty: UncertaintySpec;
  readonly seed: string;
  /** Draws requested (the most a run does). */
  readonly draws: number;
  /** Solutions computed per draw; "nash" is always included (pNash needs it). */
  readonly solutions: readonly SolutionName[];
  readonly maxOutcomes?: number;
}

/**
 * A prepared job: the validated scenario compiled once, the resolved uncertain parameters, and
 * the bundle indexer. Build with {@link prepareMonteCarlo}.
 *
 * @example
 * ```ts
 * const job = monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 100, seed: 1 });
 * const ctx: MonteCarloContext = prepareMonteCarlo(job);
 * ctx.parameters.length; // 2: one reservation per party
 * ```
 */
export interface MonteCarloContext {
  readonly job: MonteCarloJob;
  readonly scenario: Scenario;
  readonly compiled: CompiledScenario;
  readonly parameters: readonly UncertainParameter[];
  readonly solutions: readonly SolutionName[];
  readonly strides: readonly number[];
  /**
   * The scenario compiled with its issues reordered for the walk (largest utility spread first,
   * which prunes sooner); `walkStrides[k]` is the declaration-order stride of walk issue k.
   * Results do not depend on the order: ties are broken canonically by issue and option id.
   */
  readonly walk: {
    readonly base: CompiledScenario;
    readonly order: readonly number[];
    readonly strides: readonly number[];
    readonly values: readonly (readonly Float64Array[])[] | null;
    /**
     * Strides of the index the counter is keyed by: walk order, last walk issue fastest, so that
     * the bundles of one branch of the walk sit close together in the count table.
     */
    readonly countStrides: readonly number[];
  };
  /** ZOPA counts of the draws run since the last {@link takeZopaCounts}, keyed by walk-order index (see `walk.countStrides`). */
  readonly counter: BundleCounter;
  /**
   * The allocation-free ZOPA walk and the Nash candidates of each draw (see `runZopaKernel` and
   * `NashCandidates`), or null when the scenario needs the general walk (interaction terms,
   * constituencies).
   */
  readonly kernel: { readonly plan: ZopaKernelPlan; readonly nash: NashCandidates } | null;
  /** Draws whose Nash solution needed the full frontier because the candidates' certificate failed. */
  fallbacks: number;
}

/**
 * Checks a job and prepares it: validates the scenario and the uncertainty declaration, resolves
 * the uncertain parameters, compiles the scenario once.
 *
 * @example
 * ```ts
 * const job = monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 100, seed: 1 });
 * const ctx = prepareMonteCarlo(job);
 * ctx.parameters.map((p) => p.parameter); // ["parties.bill.reservation", "parties.jack.reservation"]
 * ```
 */
export function prepareMonteCarlo(job: MonteCarloJob): MonteCarloContext {
  if (!Number.isSafeInteger(job.draws) || job.draws < 1)
    throw new TreatylabError(`draws is ${String(job.draws)}; expected a positive integer`);
  checkSeed(job.seed, "job.seed");
  const scenario = validateScenario(job.scenario);
  const spec = parseUncertainty(job.uncertainty);
  const parameters = resolveUncertainty(scenario, spec);
  if (parameters.length === 0)
    throw new TreatylabError(
      'the uncertainty declaration names no parameter; add entries such as "parties.*.reservation": { "spread": 0.1 }',
    );
  for (const s of job.solutions)
    if (!SOLUTION_NAMES.includes(s))
      throw new TreatylabError(`unknown solution "${s}"; expected one of ${SOLUTION_NAMES.join(", ")}`);
  const solutions = SOLUTION_NAMES.filter((s) => s === "nash" || job.solutions.includes(s));
  const compiled = compileScenario(scenario);
  if (compiled.combinations > BigInt(Number.MAX_SAFE_INTEGER))
    throw new LimitError(
      `the outcome space has ${compiled.combinations} bundles, too many to index; merge options or coarsen numeric steps`,
    );
  const combos = Number(compiled.combinations);
  const strides = bundleIndexer(compiled.sizes).strides;
  const spread = compiled.issueIds.map((_, i) =>
    Math.max(...compiled.contrib.map((rows) => maxOf(rows[i]!) - minOf(rows[i]!))),
  );
  const order = compiled.issueIds.map((_, i) => i).sort((a, b) => spread[b]! - spread[a]! || a - b);
  const base = compileScenario(permuteIssues(scenario, order));
  // The compiler's normalised values allow redrawing weights without recompiling; only
  // when every uncertain number is a reservation, a power, a capability (which no analysis reads:
  // only forecasts, from the drawn scenario) or a weight that is positive.
  const fast = parameters.every(
    (p) =>
      p.ref.kind === "reservation" ||
      p.ref.kind === "power" ||
      p.ref.kind === "capability" ||
      (p.ref.kind === "weight" && p.base > 0),
  );
  const values = fast ? base.value : null;
  const walkStrides = order.map((i) => strides[i]!);
  const countStrides = bundleIndexer(base.sizes).strides;
  const counter = new BundleCounter(Math.min(combos, 1 << 16), combos);
  const plan = planZopaKernel(base, countStrides);
  const kernel = plan ? { plan, nash: new NashCandidates(plan.parties, plan.issues) } : null;
  return {
    job,
    scenario,
    compiled,
    parameters,
    solutions,
    strides,
    walk: { base, order, strides: walkStrides, values, countStrides },
    counter,
    kernel,
    fallbacks: 0,
  };
}

/**
 * The scenario with its issues in the given order (a permutation of issue indices): how the walk
 * order of {@link MonteCarloContext} is compiled.
 *
 * @example
 * ```ts
 * import { permuteIssues } from "./monteCarloJob.js";
 * const s = builtinScenario("nash-1950");
 * permuteIssues(s, [1, 0]).issues[0] === s.issues[1]; // true
 * ```
 */
export function permuteIssues(s: Scenario, order: readonly number[]): Scenario {
  return { ...s, issues: order.map((i) => s.issues[i]!) };
}
