import {
  type ForecastDrawRow,
  type ForecastMonteCarloContext,
  type ForecastMonteCarloJob,
  forecastDrawRows,
  prepareForecastMonteCarlo,
} from "../forecast/monteCarlo.js";
import { validateScenario } from "../model/validate.js";
import type { Scenario } from "../model/types.js";
import { type BreakEvenEntry, type BreakEvenOptions, breakEven } from "../sensitivity/breakEven.js";
import { planSweep, type SweepPlan, type SweepRow, type SweepSpec, sweepRow } from "../sensitivity/sweep.js";
import { type DrawBlock, runDrawBlock, runDrawRows } from "../uncertainty/drawRows.js";
import { type MonteCarloContext, type MonteCarloJob, prepareMonteCarlo } from "../uncertainty/monteCarloJob.js";
import { takeZopaCounts } from "../uncertainty/zopaCounts.js";

/**
 * A kind of batch work split into blocks of items `[start, end)`: `prepare` turns the job (plain
 * JSON, sent to each thread) into a context once per thread, `run` computes one block. Blocks
 * are independent, so any thread or shard may run any block with the same result.
 *
 * @example
 * ```ts
 * const job = monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 200, seed: 1 });
 * const t: BatchTask<MonteCarloJob, MonteCarloContext, DrawBlock> = BATCH_TASKS.montecarlo;
 * const ctx = t.prepare(job);
 * t.run(ctx, 0, 100).rows.length; // 100: draws 0-99
 * ```
 */
export interface BatchTask<Job, Ctx, Result> {
  readonly prepare: (job: Job) => Ctx;
  readonly run: (ctx: Ctx, start: number, end: number) => Result;
  /**
   * When present, `run` may keep part of its results in the context (totals over the blocks a
   * thread ran) and `flush` returns them and resets: the pool calls it once per thread when that
   * thread has no block left.
   */
  readonly flush?: (ctx: Ctx) => Result;
}

/**
 * The job of a sweep run in blocks.
 *
 * @example
 * ```ts
 * const job: SweepJob = { scenario, spec: { axes: [{ parameter: "parties.a.reservation", values: [0.1, 0.2] }] } };
 * ```
 */
export interface SweepJob {
  readonly scenario: Scenario;
  readonly spec: SweepSpec;
}

const montecarlo: BatchTask<MonteCarloJob, MonteCarloContext, DrawBlock> = {
  prepare: prepareMonteCarlo,
  run: runDrawBlock,
};

/** No counts: the ZOPA counts of a `montecarloPooled` block come later, in its thread's flush. */
const NO_COUNTS = { index: [], count: [] } as const;

/**
 * Monte Carlo where each thread sends its ZOPA counts once (a block with no rows, from `flush`)
 * instead of with every block: the counts of thousands of draws cover far fewer bundles than the
 * sum of per-block counts, so converting, sending and merging them once saves work on every
 * thread and on the main thread. The accumulated result is the same.
 */
const montecarloPooled: BatchTask<MonteCarloJob, MonteCarloContext, DrawBlock> = {
  prepare: prepareMonteCarlo,
  run: (ctx, start, end) => ({ start, end, rows: runDrawRows(ctx, start, end), zopa: NO_COUNTS }),
  flush: (ctx) => ({ start: 0, end: 0, rows: [], zopa: takeZopaCounts(ctx) }),
};

const sweep: BatchTask<SweepJob, { scenario: Scenario; plan: SweepPlan }, SweepRow[]> = {
  prepare: (job) => {
    const scenario = validateScenario(job.scenario);
    return { scenario, plan: planSweep(scenario, job.spec) };
  },
  run: (ctx, start, end) => Array.from({ length: end - start }, (_, k) => sweepRow(ctx.scenario, ctx.plan, start + k)),
};

/**
 * The job of a break-even analysis run one parameter per item: `parameters` are concrete paths.
 *
 * @example
 * ```ts
 * const job: SensitivityJob = { scenario, options: { parameters: ["parties.a.reservation", "parties.b.reservation"] } };
 * ```
 */
export interface SensitivityJob {
  readonly scenario: Scenario;
  readonly options: BreakEvenOptions & { readonly parameters: readonly string[] };
}

const sensitivity: BatchTask<
  SensitivityJob,
  { scenario: Scenario; options: SensitivityJob["options"] },
  BreakEvenEntry[]
> = {
  prepare: (job) => ({ scenario: validateScenario(job.scenario), options: job.options }),
  run: (ctx, start, end) => [
    ...breakEven(ctx.scenario, { ...ctx.options, parameters: ctx.options.parameters.slice(start, end) }).entries,
  ],
};

/** A forecast Monte Carlo's draws: each block's rows (see `forecastDrawRows`). */
const forecast: BatchTask<ForecastMonteCarloJob, ForecastMonteCarloContext, ForecastDrawRow[]> = {
  prepare: prepareForecastMonteCarlo,
  run: forecastDrawRows,
};

/**
 * The batch tasks worker threads can run, by name.
 *
 * @example
 * ```ts
 * const spec: SweepSpec = { axes: [{ parameter: "parties.jack.reservation", values: [0.3, 0.5, 0.7] }] };
 * const rows = BATCH_TASKS.sweep.run(BATCH_TASKS.sweep.prepare({ scenario: nash1950, spec }), 0, 3);
 * rows.map((r) => r.zopaSize); // [336, 189, 26]: the ZOPA shrinks as jack asks for more
 * ```
 */
export const BATCH_TASKS = { montecarlo, montecarloPooled, sweep, sensitivity, forecast } as const;

/**
 * A batch task's name.
 *
 * @example
 * ```ts
 * const n: BatchTaskName = "montecarlo";
 * ```
 */
export type BatchTaskName = keyof typeof BATCH_TASKS;
