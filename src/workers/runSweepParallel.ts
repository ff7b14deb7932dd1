import type { SweepJob } from "../jobs/batchTasks.js";
import { blocksOf, type Shard, shardRange } from "../batch/shard.js";
import { validateScenario } from "../model/validate.js";
import { planSweep, type SweepRow } from "../sensitivity/sweep.js";
import { type SweepOutput, sweepOutput } from "../sensitivity/sweepPart.js";
import { hashJson } from "../batch/hashJson.js";
import { BatchPool } from "./batchPool.js";
import { openStream } from "../files/streamFile.js";

/**
 * Options of {@link runSweepParallel}.
 *
 * @example
 * ```ts
 * const o: ParallelSweepOptions = { threads: 2, shard: { k: 1, n: 4 }, jsonl: "rows.jsonl", resume: true };
 * ```
 */
export interface ParallelSweepOptions {
  readonly threads?: number;
  readonly shard?: Shard;
  readonly jsonl?: string;
  readonly resume?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs a sweep's rows on worker threads (each row is independent, so the rows are the same for
 * any number of threads), optionally one shard of them, streaming rows to JSON Lines and
 * resuming from them. Returns the sweep output (a part when sharded).
 *
 * @example
 * ```ts
 * import { runSweepParallel } from "treatylab/node";
 * const spec: SweepSpec = { axes: [{ parameter: "parties.jack.reservation", values: [0.3, 0.5, 0.7] }] };
 * const out = await runSweepParallel({ scenario: nash1950, spec }, { threads: 2 });
 * out.rows.map((r) => r.zopaSize); // [336, 189, 26], as sweep() on one thread
 * ```
 */
export async function runSweepParallel(job: SweepJob, options: ParallelSweepOptions = {}): Promise<SweepOutput> {
  const scenario = validateScenario(job.scenario);
  const plan = planSweep(scenario, job.spec);
  const range = options.shard ? shardRange(plan.rows, options.shard) : { start: 0, end: plan.rows };
  const rows = new Map<number, SweepRow>();
  let stream: Awaited<ReturnType<typeof openStream>> | null = null;
  if (options.jsonl) {
    stream = await openStream(
      options.jsonl,
      { kind: "treatylab-sweep-stream", jobHash: hashJson(job), range },
      options.resume ?? false,
    );
    for (const line of stream.lines) {
      const r = line as SweepRow;
      if (typeof r.index === "number" && r.index >= range.start && r.index < range.end) rows.set(r.index, r);
    }
  }
  const todo = blocksOf(range.start, range.end, 1).filter(([a]) => !rows.has(a));
  const total = range.end - range.start;
  options.onProgress?.(rows.size, total);
  // This thread's lane uses the scenario and plan prepared above (what the task's prepare builds).
  const pool = new BatchPool("sweep", job, options.threads ?? 1, { scenario, plan });
  try {
    await pool.run<SweepRow[]>(todo, async (result) => {
      for (const r of result) rows.set(r.index, r);
      await stream?.out.append(result);
      options.onProgress?.(rows.size, total);
    });
  } finally {
    await pool.close();
    await stream?.out.close();
  }
  return sweepOutput(scenario, job.spec, [...rows.values()], range, plan, options.shard);
}
