/**
 * Running Monte Carlo draws: one draw's row (ZOPA size and solutions, its ZOPA bundles counted in
 * the context's counter) by the kernel's Nash-only path, the kernel with a frontier, or the general
 * walk; and blocks of draws.
 * @module
 */
import { bargainingProblem, DEFAULT_MAX_OUTCOMES } from "../analysis/analyze.js";
import { type CompiledScenario, compareBundles } from "../model/compile.js";
import { LimitError } from "../model/errors.js";
import { BatchArchive } from "../frontier/batchArchive.js";
import { sortFrontier } from "../frontier/decomposedFrontier.js";
import type { ArchivePoint } from "../frontier/paretoArchive.js";
import { walkBundles } from "../enumeration/walkBundles.js";
import { SOLUTION_CONCEPTS, type SolutionName } from "../solutions/solutionConcepts.js";
import { drawCompiled, drawValues } from "./draws.js";
import type { MonteCarloContext } from "./monteCarloJob.js";
import { takeZopaCounts, type ZopaCounts } from "./zopaCounts.js";
import { runZopaKernel } from "./zopaKernel.js";

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
  readonly solutions: Readonly<
    Partial<Record<SolutionName, { readonly bundle: number; readonly u: readonly number[] } | null>>
  >;
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
 * Buffer of the per-draw frontier archive: a draw's ZOPA has about 10,000 bundles on
 * `ukraine-2025`; merging every 2,048 lets the frontier drop most later bundles at once (about
 * 10 % faster there than one merge at the end).
 */
const DRAW_ARCHIVE_BUFFER = 2048;

/** An empty archive for one draw's ZOPA frontier. */
const drawArchive = (c: CompiledScenario): BatchArchive =>
  new BatchArchive(c.partyIds.length, c.issueIds.length, (a, b) => compareBundles(c, a, b), DRAW_ARCHIVE_BUFFER);

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
    throw new LimitError(
      `the outcome space has ${c.combinations} bundles, over the enumeration limit of ${max}; raise it with --max-outcomes`,
    );
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
