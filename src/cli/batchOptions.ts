import { availableParallelism } from "node:os";
import { type Command, Option } from "commander";
import { parseShard, type Shard } from "../batch/shard.js";
import { TreatylabError } from "../model/errors.js";
import { positiveInteger } from "./options.js";

/**
 * Most threads a batch run may start even with `--force-threads` (each worker holds its own copy
 * of the job; 1,000 workers exhaust memory and abort the process natively).
 * @example
 * ```ts
 * import { checkThreads, MAX_FORCED_THREADS } from "./batchOptions.js";
 * checkThreads(MAX_FORCED_THREADS, true, 8); // 64: the most --force-threads starts
 * checkThreads(MAX_FORCED_THREADS + 1, true, 8); // throws "--threads 65 is over the limit of 64 threads; ..."
 * ```
 */
export const MAX_FORCED_THREADS = 64;

/**
 * Checks `--threads` against the machine: at most its cores (`os.availableParallelism()`, but
 * 2 are always allowed), or
 * with `force` at most {@link MAX_FORCED_THREADS}; throws a usage error saying why and what to do.
 *
 * @example
 * ```ts
 * import { checkThreads } from "./batchOptions.js";
 * checkThreads(2, false, 1); // 2: two threads are always allowed
 * checkThreads(16, true, 8); // 16
 * checkThreads(16, false, 8); // throws TreatylabError: "--threads 16 is more than this machine's 8 core(s), ..."
 * ```
 */
export function checkThreads(threads: number, force: boolean, cores: number = availableParallelism()): number {
  if (threads > MAX_FORCED_THREADS)
    throw new TreatylabError(
      `--threads ${threads} is over the limit of ${MAX_FORCED_THREADS} threads; use at most ${cores} (this machine's cores)`,
    );
  // Two threads are always allowed, so the multi-threaded path runs (and is tested) on one core too.
  if (threads > Math.max(2, cores) && !force)
    throw new TreatylabError(
      `--threads ${threads} is more than this machine's ${cores} core(s), which only slows the run; use --threads ${Math.max(2, cores)}, or add --force-threads to start them anyway`,
    );
  return threads;
}

/**
 * The options shared by batch commands (sweep, montecarlo) as parsed by commander.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { addBatchOptions, type BatchCliOptions } from "./batchOptions.js";
 * const cmd = addBatchOptions(new Command("sweep")).parse(["-t", "2", "--shard", "1/4"], { from: "user" });
 * const o = cmd.opts<BatchCliOptions>();
 * o; // { threads: 2, shard: { k: 1, n: 4 } }
 * ```
 */
export interface BatchCliOptions {
  readonly threads: number;
  readonly shard?: Shard;
  readonly jsonl?: string;
  readonly resume?: boolean;
  readonly forceThreads?: boolean;
}

/**
 * Adds `--threads <k>` and `--force-threads` to a command (the thread options of every batch
 * command; {@link addBatchOptions} adds them with the shard and stream options).
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { addThreadsOptions } from "./batchOptions.js";
 * const cmd = addThreadsOptions(new Command("forecast"));
 * cmd.options.map((o) => o.long); // ["--threads", "--force-threads"]
 * cmd.parse(["--threads", "3"], { from: "user" }).opts().threads; // 3
 * ```
 */
export function addThreadsOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        "-t, --threads <k>",
        "threads computing: this one and k - 1 workers (the result is the same for any k)",
      )
        .argParser(positiveInteger)
        .default(availableParallelism()),
    )
    .option("--force-threads", `allow --threads above the machine's cores (at most ${MAX_FORCED_THREADS})`);
}

/**
 * Adds `--threads`, `--shard k/n`, `--jsonl <file>` and `--resume` to a command.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { addBatchOptions } from "./batchOptions.js";
 * const cmd = addBatchOptions(new Command("sweep"));
 * cmd.options.map((o) => o.long); // ["--threads", "--force-threads", "--shard", "--jsonl", "--resume"]
 * ```
 */
export function addBatchOptions(cmd: Command): Command {
  return addThreadsOptions(cmd)
    .addOption(
      new Option(
        "--shard <k/n>",
        "run only part k of n (1-based) and print a shard output for `treatylab merge`",
      ).argParser(parseShard),
    )
    .option("--jsonl <file>", "stream each row to this JSON Lines file as it is computed")
    .option("--resume", "with --jsonl: keep the rows already in the file (same job) and compute only the missing ones");
}

/**
 * The options of a batch run (sweep, Monte Carlo) given by the batch command-line options:
 * threads, the shard and the JSON Lines file when given, and whether to resume.
 *
 * @example
 * ```ts
 * import { batchRunOptions } from "./batchOptions.js";
 * batchRunOptions({ threads: 2, shard: { k: 1, n: 4 } }); // { threads: 2, shard: { k: 1, n: 4 }, resume: false }
 * ```
 */
export function batchRunOptions(opts: BatchCliOptions): {
  readonly threads: number;
  readonly shard?: Shard;
  readonly jsonl?: string;
  readonly resume: boolean;
} {
  if (opts.resume && !opts.jsonl)
    throw new TreatylabError("--resume continues a --jsonl stream: give the stream's file with --jsonl <file>");
  return {
    threads: checkThreads(opts.threads, Boolean(opts.forceThreads)),
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(opts.jsonl ? { jsonl: opts.jsonl } : {}),
    resume: Boolean(opts.resume),
  };
}
