import { validateScenario } from "../model/validate.js";
import type { Scenario } from "../model/types.js";
import { planSweep, type SweepPlan, type SweepRow, type SweepSpec, sweepRow } from "../sensitivity/sweep.js";
import { type DrawBlock, type MonteCarloContext, type MonteCarloJob, prepareMonteCarlo, runDrawBlock } from "../uncertainty/monteCarloJob.js";

/**
 * A kind of batch work split into blocks of items `[start, end)`: `prepare` turns the job (plain
 * JSON, sent to each thread) into a context once per thread, `run` computes one block. Blocks
 * are independent, so any thread or shard may run any block with the same result.
 *
 * @example
 * ```ts
 * const t = BATCH_TASKS.montecarlo; const ctx = t.prepare(job); t.run(ctx, 0, 100);
 * ```
 */
export interface BatchTask<Job, Ctx, Result> {
  readonly prepare: (job: Job) => Ctx;
  readonly run: (ctx: Ctx, start: number, end: number) => Result;
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

const montecarlo: BatchTask<MonteCarloJob, MonteCarloContext, DrawBlock> = { prepare: prepareMonteCarlo, run: runDrawBlock };

const sweep: BatchTask<SweepJob, { scenario: Scenario; plan: SweepPlan }, SweepRow[]> = {
  prepare: (job) => {
    const scenario = validateScenario(job.scenario);
    return { scenario, plan: planSweep(scenario, job.spec) };
  },
  run: (ctx, start, end) => Array.from({ length: end - start }, (_, k) => sweepRow(ctx.scenario, ctx.plan, start + k)),
};

/**
 * The batch tasks worker threads can run, by name.
 *
 * @example
 * ```ts
 * BATCH_TASKS.sweep.run(BATCH_TASKS.sweep.prepare(job), 0, 10);
 * ```
 */
export const BATCH_TASKS = { montecarlo, sweep } as const;

/**
 * A batch task's name.
 *
 * @example
 * ```ts
 * const n: BatchTaskName = "montecarlo";
 * ```
 */
export type BatchTaskName = keyof typeof BATCH_TASKS;
