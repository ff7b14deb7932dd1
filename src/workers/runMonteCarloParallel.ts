import { hashJson } from "../batch/hashJson.js";
import { type Shard, shardRange } from "../batch/shard.js";
import { TreatylabError } from "../model/errors.js";
import { chunkBlocks, type ConvergenceRule, converged, monteCarloWaves } from "../uncertainty/monteCarlo.js";
import { MonteCarloAccumulator, type MonteCarloResult } from "../uncertainty/monteCarloAccumulator.js";
import { countsToPairs, pairsToCounts } from "../uncertainty/zopaCounts.js";
import { type DrawBlock, type DrawRow } from "../uncertainty/drawRows.js";
import { type MonteCarloJob, prepareMonteCarlo } from "../uncertainty/monteCarloJob.js";
import { type MonteCarloPart, monteCarloPart } from "../uncertainty/monteCarloPart.js";
import { BatchPool } from "./batchPool.js";
import { openStream } from "../files/streamFile.js";

/**
 * Options of {@link runMonteCarloParallel}.
 *
 * @example
 * ```ts
 * const o: ParallelMonteCarloOptions = { threads: 2, jsonl: "draws.jsonl", resume: true };
 * ```
 */
export interface ParallelMonteCarloOptions {
  readonly threads?: number;
  /**
   * Run on this pool (made with `new BatchPool("montecarloPooled", job, threads)`, or task
   * `"montecarlo"` with `jsonl`) instead of starting threads: the pool is switched to this job
   * and left open, so that several runs share warm threads. `threads` is then the pool's.
   */
  readonly pool?: BatchPool;
  /** Run only this part of the draws and return a part for `merge`. */
  readonly shard?: Shard;
  readonly convergence?: ConvergenceRule;
  /** Stream each draw's row (and each block's ZOPA counts) to this JSON Lines file. */
  readonly jsonl?: string;
  /** Keep the rows already in `jsonl` (same job) and compute only the missing ones. */
  readonly resume?: boolean;
  readonly top?: number;
  /** Called after each block with the draws done and the draws planned. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A stream line closing a block: its range and ZOPA counts. */
interface BlockLine {
  readonly block: readonly [number, number];
  readonly zopa: readonly (readonly [number, number])[];
}

/**
 * Runs a Monte Carlo job on worker threads (draw i always uses sub-seed `seed:i`, so the result
 * is the same for any number of threads), optionally one shard of it, streaming rows to JSON
 * Lines and resuming from them. Returns the summary, or with `shard` the part to merge.
 *
 * @example
 * ```ts
 * import { runMonteCarloParallel } from "treatylab/node";
 * const job = monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 200, seed: 1 });
 * const r = await runMonteCarloParallel(job, { threads: 2 }); // = monteCarlo's on one thread, byte for byte
 * r.kind === "treatylab-montecarlo" ? r.zopa.pNonEmpty.p : null; // 1: every draw has a ZOPA
 * ```
 */
export async function runMonteCarloParallel(
  job: MonteCarloJob,
  options: ParallelMonteCarloOptions = {},
): Promise<MonteCarloResult | MonteCarloPart> {
  if (options.shard && options.convergence)
    throw new TreatylabError(
      "--precision stops a run early and cannot be combined with --shard (each shard would stop at a different point)",
    );
  const task = options.jsonl ? "montecarlo" : "montecarloPooled";
  if (options.pool && options.pool.task !== task)
    throw new TreatylabError(
      `the pool given runs the task "${options.pool.task}"; this run needs a pool for "${task}" (task "montecarlo" when streaming to JSON Lines, else "montecarloPooled")`,
    );
  const ctx = prepareMonteCarlo(job);
  const range = options.shard ? shardRange(job.draws, options.shard) : { start: 0, end: job.draws };
  const acc = new MonteCarloAccumulator(ctx);
  const jobHash = hashJson(job);
  const restored = new Map<string, DrawBlock>();
  const present = new Set<number>();
  let stream: Awaited<ReturnType<typeof openStream>> | null = null;
  if (options.jsonl) {
    stream = await openStream(
      options.jsonl,
      { kind: "treatylab-montecarlo-stream", jobHash, range },
      options.resume ?? false,
    );
    const rows = new Map<number, DrawRow>();
    for (const line of stream.lines) {
      const l = line as Partial<DrawRow & BlockLine>;
      if (typeof l.draw === "number") {
        rows.set(l.draw, l as DrawRow);
        present.add(l.draw);
      } else if (Array.isArray(l.block)) {
        const [a, b] = l.block as [number, number];
        const blockRows = [];
        for (let i = a; i < b; i++) if (rows.has(i)) blockRows.push(rows.get(i)!);
        if (blockRows.length === b - a)
          restored.set(`${a}:${b}`, { start: a, end: b, rows: blockRows, zopa: pairsToCounts(l.zopa!) });
      }
    }
  }
  const total = range.end - range.start;
  let done = 0;
  // Without a stream (whose lines carry each block's counts, for resuming), each thread sends its
  // ZOPA counts once per wave (see the montecarloPooled task).
  // The pool's lane on this thread shares `ctx` (the accumulator only reads it).
  const pool = options.pool ?? new BatchPool(task, job, options.threads ?? 1, ctx);
  if (options.pool && options.pool.job !== job) options.pool.setJob(job, ctx);
  const threads = pool.threads;
  try {
    let stoppedBy: "draws" | "precision" = "draws";
    for (const blocks of monteCarloWaves(range, options.convergence)) {
      // Blocks are added to the accumulator as they arrive (between this thread's own blocks);
      // the result does not depend on the order.
      const todo = blocks.filter(([a, b]) => {
        const r = restored.get(`${a}:${b}`);
        if (r) {
          acc.add(r);
          done += r.rows.length;
        }
        return !r;
      });
      options.onProgress?.(done, total);
      // Without a stream (whose lines are per block, for resuming), blocks are grouped into
      // larger units (see chunkBlocks): fewer messages.
      const units = stream ? todo : chunkBlocks(todo, threads);
      await pool.run<DrawBlock>(
        units,
        async (r) => {
          acc.add(r);
          if (stream) {
            const z: BlockLine = { block: [r.start, r.end], zopa: countsToPairs(r.zopa) };
            await stream.out.append([...r.rows.filter((row) => !present.has(row.draw)), z]);
          }
          done += r.rows.length;
          options.onProgress?.(done, total);
        },
        (flushed) => acc.add(flushed),
      );
      if (converged(acc, options.convergence)) {
        stoppedBy = "precision";
        break;
      }
    }
    if (options.shard) return monteCarloPart(ctx, acc, range, options.shard);
    return acc.summary(stoppedBy, options.top !== undefined ? { top: options.top } : {});
  } finally {
    if (!options.pool) await pool.close();
    await stream?.out.close();
  }
}
