import { blocksOf } from "../batch/shard.js";
import { TreatylabError } from "../model/errors.js";
import { checkOptionsObject, checkSeed } from "../model/optionChecks.js";
import type { Scenario } from "../model/types.js";
import { SOLUTION_NAMES, type SolutionName } from "../solutions/solutionConcepts.js";
import { MonteCarloAccumulator, type MonteCarloResult } from "./monteCarloAccumulator.js";
import { type MonteCarloJob, prepareMonteCarlo } from "./monteCarloJob.js";
import { runDrawRows } from "./drawRows.js";
import { takeZopaCounts } from "./zopaCounts.js";
import type { UncertaintySpec } from "./types.js";

/**
 * Draws per block: the unit of work handed to a thread, streamed and checkpointed.
 * @example
 * ```ts
 * monteCarloWaves({ start: 0, end: 1000 })[0]?.[0]; // [0, 100]: blocks of DRAW_BLOCK_SIZE draws
 * DRAW_BLOCK_SIZE * 10; // 1000
 * ```
 */
export const DRAW_BLOCK_SIZE = 100;

/**
 * Most blocks run as one unit of work (see {@link chunkBlocks}): the calling thread, which also
 * computes, takes in other threads' results only between its units.
 * @example
 * ```ts
 * import { chunkBlocks, MAX_CHUNK_BLOCKS } from "./monteCarlo.js";
 * const blocks: [number, number][] = Array.from({ length: 30 }, (_, k) => [k * 100, k * 100 + 100]);
 * Math.max(...chunkBlocks(blocks, 1).map(([s, e]) => (e - s) / 100)) <= MAX_CHUNK_BLOCKS; // true
 * ```
 */
export const MAX_CHUNK_BLOCKS = 10;

/**
 * Groups consecutive blocks into units of work for `threads` threads, largest first (guided
 * scheduling): each unit takes 1/(2 threads) of the blocks left, at least one block and at most
 * {@link MAX_CHUNK_BLOCKS}, so that the threads finish together (the last units are single
 * blocks). Results do not depend on the grouping (rows are per draw, counts are integers).
 *
 * @example
 * ```ts
 * import { chunkBlocks } from "./monteCarlo.js";
 * const blocks: [number, number][] = Array.from({ length: 20 }, (_, k) => [k * 100, k * 100 + 100]);
 * chunkBlocks(blocks, 2);
 * // [[0, 500], [500, 900], [900, 1200], [1200, 1400], [1400, 1600],
 * //  [1600, 1700], [1700, 1800], [1800, 1900], [1900, 2000]]
 * ```
 */
export function chunkBlocks(blocks: readonly (readonly [number, number])[], threads: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < blocks.length; ) {
    const left = blocks.length - k;
    const size = Math.min(MAX_CHUNK_BLOCKS, Math.ceil(left / (2 * threads)));
    out.push([blocks[k]![0], blocks[k + size - 1]![1]]);
    k += size;
  }
  return out;
}

/**
 * When a run may stop early: once at least `minDraws` draws are done and the largest standard
 * error ({@link MonteCarloResult.maxStandardError}) is at most `precision`. The rule is checked
 * only after every `checkEvery` draws (counted from draw 0), so where a run stops does not
 * depend on the number of threads.
 *
 * @example
 * ```ts
 * const rule: ConvergenceRule = { precision: 0.005, checkEvery: 1000, minDraws: 1000 };
 * ```
 */
export interface ConvergenceRule {
  readonly precision: number;
  readonly checkEvery?: number;
  readonly minDraws?: number;
}

/**
 * The waves of blocks a run goes through: one wave of all blocks, or with a convergence rule one
 * wave per `checkEvery` draws (the rule is checked after each).
 *
 * @example
 * ```ts
 * monteCarloWaves({ start: 0, end: 2500 }, { precision: 0.01, checkEvery: 1000 }).length; // 3
 * ```
 */
export function monteCarloWaves(
  range: { readonly start: number; readonly end: number },
  rule?: ConvergenceRule,
): [number, number][][] {
  if (!rule) return [blocksOf(range.start, range.end, DRAW_BLOCK_SIZE)];
  const every = rule.checkEvery ?? 1000;
  if (!(Number.isSafeInteger(every) && every > 0 && every % DRAW_BLOCK_SIZE === 0))
    throw new TreatylabError(`checkEvery ${every} is not a positive multiple of ${DRAW_BLOCK_SIZE}`);
  if (!(rule.precision > 0)) throw new TreatylabError(`precision ${rule.precision} is not a positive number`);
  return blocksOf(range.start, range.end, every).map(([a, b]) => blocksOf(a, b, DRAW_BLOCK_SIZE));
}

/**
 * Whether a convergence rule is met by the draws accumulated so far.
 *
 * @example
 * ```ts
 * const ctx = prepareMonteCarlo(monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 100, seed: 1 }));
 * const acc = new MonteCarloAccumulator(ctx);
 * acc.add(runDrawBlock(ctx, 0, 100));
 * converged(acc, { precision: 0.01, minDraws: 100 }); // false: 100 draws do not reach ±0.01
 * ```
 */
export function converged(acc: MonteCarloAccumulator, rule: ConvergenceRule | undefined): boolean {
  if (!rule) return false;
  return acc.size >= (rule.minDraws ?? 1000) && acc.maxStandardError() <= rule.precision;
}

/**
 * Options of {@link monteCarlo}.
 *
 * @example
 * ```ts
 * const o: MonteCarloOptions = { draws: 10_000, seed: "42", solutions: ["nash"], convergence: { precision: 0.005 } };
 * ```
 */
export interface MonteCarloOptions {
  readonly draws: number;
  readonly seed: string | number;
  readonly solutions?: readonly SolutionName[];
  readonly convergence?: ConvergenceRule;
  readonly maxOutcomes?: number;
  /** List only the `top` bundles by pZopa (default all). */
  readonly top?: number;
}

/**
 * The job of a Monte Carlo run (what shard outputs record).
 *
 * @example
 * ```ts
 * monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 1000, seed: 1 }).seed; // "1"
 * ```
 */
export function monteCarloJob(
  scenario: Scenario,
  uncertainty: UncertaintySpec,
  options: MonteCarloOptions,
): MonteCarloJob {
  checkOptionsObject(options, "monteCarlo");
  return {
    scenario,
    uncertainty,
    // A missing seed would be the text "undefined": refused, as the result names its seed.
    seed: checkSeed(options.seed, "options.seed", { numbers: true }),
    draws: options.draws,
    solutions: options.solutions ?? SOLUTION_NAMES,
    ...(options.maxOutcomes !== undefined ? { maxOutcomes: options.maxOutcomes } : {}),
  };
}

/**
 * Monte Carlo over a scenario's uncertain numbers, in this thread: for each draw i (values from
 * `seedrandom(seed + ":" + i)`), the ZOPA and the solutions are computed exactly; the result gives,
 * with standard errors, the probability that the ZOPA is non-empty, each bundle's probability of
 * being in the ZOPA (`pZopa`) and of being the Nash solution (`pNash`), the distribution of each
 * party's utility at each solution, and the most robust settlement (highest `pZopa`). With a
 * convergence rule the run stops once precise enough. For threads and shards use the CLI or
 * `runMonteCarloParallel` from `treatylab/node`; they give the same result.
 *
 * @example
 * ```ts
 * import { monteCarlo, nash1950 } from "treatylab";
 * const r = monteCarlo(nash1950, { "parties.*.reservation": { spread: 0.2 } }, { draws: 500, seed: 42 });
 * r.mostRobust?.bundle; r.bundles[0]?.pZopa;
 * ```
 */
export function monteCarlo(
  scenario: Scenario,
  uncertainty: UncertaintySpec,
  options: MonteCarloOptions,
): MonteCarloResult {
  const ctx = prepareMonteCarlo(monteCarloJob(scenario, uncertainty, options));
  const acc = new MonteCarloAccumulator(ctx);
  let stoppedBy: "draws" | "precision" = "draws";
  for (const wave of monteCarloWaves({ start: 0, end: options.draws }, options.convergence)) {
    // The counts of a whole wave are taken once (see takeZopaCounts).
    const start = wave[0]![0];
    const end = wave[wave.length - 1]![1];
    acc.add({ start, end, rows: runDrawRows(ctx, start, end), zopa: takeZopaCounts(ctx) });
    if (converged(acc, options.convergence)) {
      stoppedBy = "precision";
      break;
    }
  }
  return acc.summary(stoppedBy, options.top !== undefined ? { top: options.top } : {});
}
