import { blocksOf, type Shard, shardRange } from "../batch/shard.js";
import {
  type ForecastDrawRow,
  type ForecastMonteCarloJob,
  type ForecastMonteCarloPart,
  type ForecastMonteCarloResult,
  forecastMonteCarloPart,
  forecastMonteCarloResult,
  prepareForecastMonteCarlo,
} from "../forecast/monteCarlo.js";
import { chunkBlocks } from "../uncertainty/monteCarlo.js";
import { BatchPool } from "./batchPool.js";

/** Draws per block: the unit a thread takes (grouped into larger units by `chunkBlocks`). */
const BLOCK = 50;

/**
 * Options of {@link runForecastMonteCarloParallel}.
 *
 * @example
 * ```ts
 * const o: ParallelForecastOptions = { threads: 2, shard: { k: 1, n: 4 } };
 * ```
 */
export interface ParallelForecastOptions {
  readonly threads?: number;
  /** Run only this part of the draws and return a part for `merge`. */
  readonly shard?: Shard;
  /** Called with (draws done, draws to do) as blocks finish (progress bars). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs a forecast Monte Carlo on worker threads, the machinery of `montecarlo` (a `BatchPool`
 * running the `forecast` batch task): draw i always uses `seedrandom(seed:i)` and the rows are
 * summarised in draw order, so the result is byte-identical for any number of threads (and equal
 * to `runForecastMonteCarlo`, or with `shard` to `forecastMonteCarloShard`).
 *
 * @example
 * ```ts
 * import { runForecastMonteCarloParallel } from "treatylab/node";
 * const uncertainty = { "parties.*.weights.*": { spread: 0.2 } };
 * const scenario = builtinScenario("dayton-1995");
 * const job: ForecastMonteCarloJob =
 *   { input: { kind: "scenario", scenario, uncertainty }, options: { draws: 200, seed: "7" } };
 * const r = await runForecastMonteCarloParallel(job, { threads: 2 }); // = forecastMonteCarloScenario's, byte for byte
 * r.kind === "treatylab-forecast-montecarlo" ? r.pOutsideZopa?.p : null; // 0.135
 * ```
 */
export async function runForecastMonteCarloParallel(
  job: ForecastMonteCarloJob,
  options: ParallelForecastOptions = {},
): Promise<ForecastMonteCarloResult | ForecastMonteCarloPart> {
  const ctx = prepareForecastMonteCarlo(job);
  const range = options.shard ? shardRange(job.options.draws, options.shard) : { start: 0, end: job.options.draws };
  const blocks = blocksOf(range.start, range.end, BLOCK);
  // No more threads than blocks: a worker with nothing to do would only cost its start-up.
  const threads = Math.max(1, Math.min(options.threads ?? 1, blocks.length));
  // This thread's lane uses the context prepared above.
  const pool = new BatchPool("forecast", job, threads, ctx);
  let results: ForecastDrawRow[][];
  try {
    const total = range.end - range.start;
    let done = 0;
    options.onProgress?.(0, total);
    results = await pool.run<ForecastDrawRow[]>(chunkBlocks(blocks, threads), (_rows, block) => {
      done += block[1] - block[0];
      options.onProgress?.(done, total);
    });
  } finally {
    await pool.close();
  }
  const rows = results.flat();
  return options.shard ? forecastMonteCarloPart(job, options.shard, rows) : forecastMonteCarloResult(ctx, rows);
}
