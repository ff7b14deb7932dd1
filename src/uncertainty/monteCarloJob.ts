import seedrandom from "seedrandom";
import { bargainingProblem, DEFAULT_MAX_OUTCOMES } from "../analysis/analyze.js";
import type { ArchivePoint } from "../search/paretoArchive.js";
import { BatchArchive } from "../search/batchArchive.js";
import { sortFrontier } from "../search/decomposedFrontier.js";
import { walkBundles } from "../search/walkBundles.js";
import { applyEdits } from "../edits/applyEdits.js";
import { parameterEdit } from "../edits/parameter.js";
import { bundleIndexer } from "../model/bundleIndexer.js";
import { type CompiledScenario, compareBundles, compileScenario } from "../model/compile.js";
import { LimitError, TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { validateScenario } from "../model/validate.js";
import { SOLUTION_CONCEPTS, SOLUTION_NAMES, type SolutionName } from "../solutions/solutionConcepts.js";
import { BundleCounter } from "./bundleCounter.js";
import { NashCandidates } from "./nashCandidates.js";
import { resolveUncertainty, type UncertainParameter } from "./resolveUncertainty.js";
import { sample } from "./sample.js";
import { parseUncertainty, type UncertaintySpec } from "./types.js";
import { planZopaKernel, runZopaKernel, type ZopaKernelPlan } from "./zopaKernel.js";
import { maxOf, minOf } from "../model/extrema.js";

export { bundleIndexer } from "../model/bundleIndexer.js";

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
 * The result of one draw: the drawn values (in the order of the resolved parameters), the ZOPA
 * size and each solution's bundle (as its index, see {@link bundleIndexer}) and utilities.
 *
 * @example
 * ```ts
 * row.draw; row.zopaSize; row.solutions.nash?.u;
 * ```
 */
export interface DrawRow {
  readonly draw: number;
  readonly values: readonly number[];
  readonly zopaSize: number;
  readonly solutions: Readonly<Partial<Record<SolutionName, { readonly bundle: number; readonly u: readonly number[] } | null>>>;
}

/**
 * The results of draws `[start, end)`: their rows in order, and how many of those draws had each
 * bundle in the ZOPA (bundle indices ascending, counts > 0).
 *
 * @example
 * ```ts
 * block.rows.length === block.end - block.start; block.zopa.index[0];
 * ```
 */
export interface DrawBlock {
  readonly start: number;
  readonly end: number;
  readonly rows: readonly DrawRow[];
  readonly zopa: ZopaCounts;
}

/**
 * How many draws had each bundle in the ZOPA: bundle indices (see {@link bundleIndexer})
 * ascending, with their counts (all > 0).
 *
 * @example
 * ```ts
 * const { index, count } = takeZopaCounts(ctx); index[0]; count[0];
 * ```
 */
export interface ZopaCounts {
  readonly index: ArrayLike<number> & Iterable<number>;
  readonly count: ArrayLike<number> & Iterable<number>;
}

/**
 * ZOPA counts as `[bundle index, count]` pairs, in the order of `counts.index` (the form part
 * files and block checkpoints store). Inverse of {@link pairsToCounts}.
 *
 * @example
 * ```ts
 * countsToPairs({ index: [7, 31], count: [3, 1] }); // [[7, 3], [31, 1]]
 * ```
 */
export function countsToPairs(counts: ZopaCounts): [number, number][] {
  return Array.from(counts.index, (k, j): [number, number] => [k, counts.count[j]!]);
}

/**
 * `[bundle index, count]` pairs (as stored in part files and block checkpoints) back to
 * {@link ZopaCounts} columns, in the same order. Inverse of {@link countsToPairs}.
 *
 * @example
 * ```ts
 * pairsToCounts([[7, 3], [31, 1]]); // { index: [7, 31], count: [3, 1] }
 * ```
 */
export function pairsToCounts(pairs: readonly (readonly [number, number])[]): ZopaCounts {
  return { index: pairs.map((z) => z[0]), count: pairs.map((z) => z[1]) };
}

/**
 * A prepared job: the validated scenario compiled once, the resolved uncertain parameters, and
 * the bundle indexer. Build with {@link prepareMonteCarlo}.
 *
 * @example
 * ```ts
 * const ctx = prepareMonteCarlo(job); ctx.parameters.length;
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
 * const ctx = prepareMonteCarlo(job);
 * ```
 */
export function prepareMonteCarlo(job: MonteCarloJob): MonteCarloContext {
  if (!Number.isSafeInteger(job.draws) || job.draws < 1) throw new TreatylabError(`draws ${job.draws} is not a positive integer`);
  if (typeof job.seed !== "string" || job.seed.length === 0) throw new TreatylabError("the seed must be a non-empty string (e.g. --seed 42)");
  const scenario = validateScenario(job.scenario);
  const spec = parseUncertainty(job.uncertainty);
  const parameters = resolveUncertainty(scenario, spec);
  if (parameters.length === 0) throw new TreatylabError("the uncertainty declaration names no parameter; add entries such as \"parties.*.reservation\": { \"spread\": 0.1 }");
  for (const s of job.solutions) if (!SOLUTION_NAMES.includes(s)) throw new TreatylabError(`unknown solution "${s}"; expected one of ${SOLUTION_NAMES.join(", ")}`);
  const solutions = SOLUTION_NAMES.filter((s) => s === "nash" || job.solutions.includes(s));
  const compiled = compileScenario(scenario);
  if (compiled.combinations > BigInt(Number.MAX_SAFE_INTEGER))
    throw new LimitError(`the outcome space has ${compiled.combinations} bundles, too many to index; merge options or coarsen numeric steps`);
  const combos = Number(compiled.combinations);
  const strides = bundleIndexer(compiled.sizes).strides;
  const spread = compiled.issueIds.map((_, i) => Math.max(...compiled.contrib.map((rows) => maxOf(rows[i]!) - minOf(rows[i]!))));
  const order = compiled.issueIds.map((_, i) => i).sort((a, b) => spread[b]! - spread[a]! || a - b);
  const base = compileScenario(permuteIssues(scenario, order));
  // Normalised values (contribution / weight) allow redrawing weights without recompiling; only
  // when every uncertain number is a reservation, a power, a capability (which no analysis reads:
  // only forecasts, from the drawn scenario) or a weight that is positive.
  const fast = parameters.every((p) => p.ref.kind === "reservation" || p.ref.kind === "power" || p.ref.kind === "capability" || (p.ref.kind === "weight" && p.base > 0));
  const values = fast ? base.contrib.map((rows, p) => rows.map((row, i) => row.map((x) => (base.weight[p]![i]! > 0 ? x / base.weight[p]![i]! : 0)))) : null;
  const walkStrides = order.map((i) => strides[i]!);
  const countStrides = bundleIndexer(base.sizes).strides;
  const counter = new BundleCounter(Math.min(combos, 1 << 16), combos);
  const plan = planZopaKernel(base, countStrides);
  const kernel = plan ? { plan, nash: new NashCandidates(plan.parties, plan.issues) } : null;
  return { job, scenario, compiled, parameters, solutions, strides, walk: { base, order, strides: walkStrides, values, countStrides }, counter, kernel, fallbacks: 0 };
}

/**
 * The values of draw `i`: each uncertain parameter in order, from the generator
 * `seedrandom(seed + ":" + i)` (so draw i is the same whichever thread or shard runs it),
 * clamped to the parameter's range.
 *
 * @example
 * ```ts
 * drawValues(ctx, 0); // [0.43, 0.51, ...]
 * ```
 */
export function drawValues(ctx: MonteCarloContext, i: number): number[] {
  const rng = seedrandom(`${ctx.job.seed}:${i}`);
  return ctx.parameters.map((p) => Math.min(p.domain.max, Math.max(p.domain.min, sample(p.distribution, rng))));
}

/**
 * The scenario of draw `i` (its uncertain numbers replaced by the drawn values), structure
 * shared with the base scenario.
 *
 * @example
 * ```ts
 * drawScenario(ctx, 7).parties[0]?.reservation;
 * ```
 */
export function drawScenario(ctx: MonteCarloContext, i: number, values = drawValues(ctx, i)): Scenario {
  const s = applyEdits(ctx.scenario, ctx.parameters.map((p, k) => parameterEdit(p.ref, values[k]!)), { validate: false });
  for (const p of s.parties) {
    let total = 0;
    for (const issue of s.issues) total += p.weights[issue.id] ?? 0;
    if (!(total > 0)) throw new TreatylabError(`draw ${i}: every weight of party "${p.id}" was drawn as 0; narrow its weight distributions`);
  }
  return s;
}

/** The scenario with its issues in the given order (a permutation of issue indices). */
function permuteIssues(s: Scenario, order: readonly number[]): Scenario {
  return { ...s, issues: order.map((i) => s.issues[i]!) };
}

/**
 * The walk-ordered compiled scenario of a draw, built from the base tables: only reservations,
 * powers and the contributions of parties whose weights were drawn change.
 */
function perturbCompiled(ctx: MonteCarloContext, i: number, values: readonly number[]): CompiledScenario {
  const base = ctx.walk.base;
  const nv = ctx.walk.values!;
  const reservation = Float64Array.from(base.reservation);
  const power = Float64Array.from(base.power);
  const raw = new Map<number, Float64Array>();
  ctx.parameters.forEach((p, k) => {
    const party = base.partyIds.indexOf(p.ref.party);
    const v = values[k]!;
    if (p.ref.kind === "reservation") reservation[party] = v;
    else if (p.ref.kind === "power") power[party] = v;
    else if (p.ref.kind === "weight") {
      let w = raw.get(party);
      if (!w) {
        const src = ctx.scenario.parties[party]!;
        w = Float64Array.from(base.issueIds, (id) => src.weights[id] ?? 0);
        raw.set(party, w);
      }
      w[base.issueIds.indexOf(p.ref.issue)] = v;
    }
  });
  const contrib = base.contrib.slice();
  const weight = base.weight.slice();
  for (const [party, w] of raw) {
    let total = 0;
    for (const x of w) total += x;
    if (!(total > 0)) throw new TreatylabError(`draw ${i}: every weight of party "${base.partyIds[party]}" was drawn as 0; narrow its weight distributions`);
    const nw = w.map((x) => x / total);
    weight[party] = nw;
    contrib[party] = nv[party]!.map((row, k) => row.map((x) => x * nw[k]!));
  }
  return { ...base, contrib, weight, reservation, power };
}

/**
 * The compiled tables of draw `i`, issues in walk order (see `MonteCarloContext.walk`): built from
 * the base tables when only reservations, powers and positive weights are uncertain, else by
 * compiling the drawn scenario.
 *
 * @example
 * ```ts
 * drawCompiled(ctx, 3).reservation; // the drawn reservations
 * ```
 */
export function drawCompiled(ctx: MonteCarloContext, i: number, values = drawValues(ctx, i)): CompiledScenario {
  return ctx.walk.values ? perturbCompiled(ctx, i, values) : compileScenario(permuteIssues(drawScenario(ctx, i, values), ctx.walk.order));
}

/**
 * Buffer of the per-draw frontier archive: a draw's ZOPA has about 10,000 bundles on
 * `ukraine-2025`; merging every 2,048 lets the frontier drop most later bundles at once (about
 * 10 % faster there than one merge at the end).
 */
const DRAW_ARCHIVE_BUFFER = 2048;

/** An empty archive for one draw's ZOPA frontier. */
const drawArchive = (c: CompiledScenario): BatchArchive => new BatchArchive(c.partyIds.length, c.issueIds.length, (a, b) => compareBundles(c, a, b), DRAW_ARCHIVE_BUFFER);

/**
 * Runs draw `i`: draws the scenario, enumerates its ZOPA (counting each ZOPA bundle in the
 * context's counter) and solves the bargaining problem for each solution.
 *
 * @example
 * ```ts
 * runDraw(ctx, 0).solutions.nash?.bundle;
 * ```
 */
export function runDraw(ctx: MonteCarloContext, i: number): DrawRow {
  const values = drawValues(ctx, i);
  const c = drawCompiled(ctx, i, values);
  const strides = ctx.walk.strides;
  const max = ctx.job.maxOutcomes ?? DEFAULT_MAX_OUTCOMES;
  if (c.combinations > BigInt(Math.floor(max)))
    throw new LimitError(`the outcome space has ${c.combinations} bundles, over the enumeration limit of ${max}; raise it with --max-outcomes`);
  const counter = ctx.counter;
  const kernel = ctx.kernel;
  let zopaCount: number;
  let frontier: ArchivePoint[] | null = null;
  const nashOnly = ctx.solutions.length === 1;
  if (kernel && nashOnly) {
    // One walk counts every ZOPA bundle and keeps the Nash candidates; the frontier is built only
    // when their certificate fails.
    kernel.nash.reset(c.reservation, c.power);
    zopaCount = runZopaKernel(kernel.plan, c, null, { counter, nash: kernel.nash });
  } else {
    // One walk both counts every ZOPA bundle and builds the ZOPA's Pareto frontier.
    const archive = drawArchive(c);
    if (kernel) {
      zopaCount = runZopaKernel(kernel.plan, c, (index, b, u) => {
        counter.increment(index);
        archive.add(u, b);
      });
    } else {
      zopaCount = 0;
      const countStrides = ctx.walk.countStrides;
      walkBundles(c, { zopaOnly: true }, (b, u) => {
        let x = 0;
        for (let k = 0; k < countStrides.length; k++) x += b[k]! * countStrides[k]!;
        counter.increment(x);
        zopaCount++;
        archive.add(u, b);
      });
    }
    frontier = sortFrontier(c, archive.result());
  }
  const solutions: Partial<Record<SolutionName, { bundle: number; u: number[] } | null>> = {};
  for (const name of ctx.solutions) {
    let best: { point: ArchivePoint } | null;
    if (frontier) best = SOLUTION_CONCEPTS[name].solve(bargainingProblem(c, frontier));
    else {
      const r = kernel!.nash.resolve(c);
      if (r === "fallback") {
        ctx.fallbacks++;
        const archive = drawArchive(c);
        runZopaKernel(kernel!.plan, c, (_, b, u) => void archive.add(u, b));
        best = SOLUTION_CONCEPTS[name].solve(bargainingProblem(c, sortFrontier(c, archive.result())));
      } else best = r;
    }
    if (best === null) solutions[name] = null;
    else {
      let x = 0;
      for (let k = 0; k < strides.length; k++) x += best.point.bundle[k]! * strides[k]!;
      solutions[name] = { bundle: x, u: Array.from(best.point.utilities) };
    }
  }
  return { draw: i, values, zopaSize: zopaCount, solutions };
}

/**
 * Runs draws `[start, end)` and returns their rows and ZOPA counts (see {@link DrawBlock}).
 *
 * @example
 * ```ts
 * const block = runDrawBlock(ctx, 0, 100);
 * ```
 */
export function runDrawBlock(ctx: MonteCarloContext, start: number, end: number): DrawBlock {
  const rows = runDrawRows(ctx, start, end);
  return { start, end, rows, zopa: takeZopaCounts(ctx) };
}

/**
 * Runs draws `[start, end)` and returns their rows; their ZOPA counts are added to the context's
 * counter and stay there until {@link takeZopaCounts} (so a thread that runs many blocks converts
 * and sends its counts once, not once per block).
 *
 * @example
 * ```ts
 * const rows = runDrawRows(ctx, 0, 100);
 * const zopa = takeZopaCounts(ctx); // counts of draws 0..99
 * ```
 */
export function runDrawRows(ctx: MonteCarloContext, start: number, end: number): DrawRow[] {
  const rows: DrawRow[] = [];
  for (let i = start; i < end; i++) rows.push(runDraw(ctx, i));
  return rows;
}

/**
 * The ZOPA counts held in the context's counter (of every draw run since the last call), as
 * bundle indices ascending with their counts; clears the counter.
 *
 * @example
 * ```ts
 * runDrawRows(ctx, 0, 50); runDrawRows(ctx, 50, 100);
 * takeZopaCounts(ctx); // equal to runDrawBlock(ctx, 0, 100).zopa
 * ```
 */
export function takeZopaCounts(ctx: MonteCarloContext): ZopaCounts {
  // Typed arrays: moved between threads as blocks of memory.
  const counted = ctx.counter.entries(false);
  ctx.counter.clear();
  return toDeclarationOrder(ctx, counted.index, counted.count);
}

/** Walk-order count keys (any order) turned into bundle indices (declaration order), sorted by index. */
function toDeclarationOrder(ctx: MonteCarloContext, walkIndex: Float64Array, count: Float64Array): { index: Float64Array; count: Float64Array } {
  const { countStrides, strides, base } = ctx.walk;
  const n = walkIndex.length;
  const I = countStrides.length;
  let most = 1;
  for (let j = 0; j < n; j++) if (count[j]! > most) most = count[j]!;
  const radix = 2 ** Math.ceil(Math.log2(most + 1));
  const packable = Number(base.combinations) * radix <= Number.MAX_SAFE_INTEGER;
  // Index and count packed into one number when it fits: then a plain numeric sort.
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let rest = walkIndex[j]!;
    let x = 0;
    for (let k = 0; k < I; k++) {
      const digit = Math.floor(rest / countStrides[k]!);
      rest -= digit * countStrides[k]!;
      x += digit * strides[k]!;
    }
    keys[j] = packable ? x * radix + count[j]! : x;
  }
  if (packable) {
    keys.sort();
    const outCount = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const c = keys[j]! % radix;
      outCount[j] = c;
      keys[j] = (keys[j]! - c) / radix;
    }
    return { index: keys, count: outCount };
  }
  const perm = Array.from(keys, (_, j) => j).sort((a, b) => keys[a]! - keys[b]!);
  return { index: Float64Array.from(perm, (j) => keys[j]!), count: Float64Array.from(perm, (j) => count[j]!) };
}

/**
 * Canonical sort keys of bundle indices: numbers ordered as `compareBundles` orders the bundles
 * (issues by id, options by canonical rank), i.e. the bundle's option ranks read as one mixed-radix
 * number, the canonically first issue most significant.
 *
 * @example
 * ```ts
 * const key = canonicalBundleKeys(ctx.compiled, [5, 2]);
 * key[0]! < key[1]!; // compareBundles(c, decode(5), decode(2)) < 0
 * ```
 */
export function canonicalBundleKeys(c: CompiledScenario, indices: ArrayLike<number>): Float64Array {
  const { strides } = bundleIndexer(c.sizes);
  const order = c.canonicalIssueOrder;
  const out = new Float64Array(indices.length);
  for (let j = 0; j < indices.length; j++) {
    const index = indices[j]!;
    let key = 0;
    for (const i of order) {
      const option = Math.floor(index / strides[i]!) % c.sizes[i]!;
      key = key * c.sizes[i]! + c.optionRank[i]![option]!;
    }
    out[j] = key;
  }
  return out;
}
