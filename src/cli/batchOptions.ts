import { availableParallelism } from "node:os";
import { type Command, Option } from "commander";
import { parseShard, type Shard } from "../batch/shard.js";
import { positiveInteger } from "./options.js";

/**
 * The options shared by batch commands (sweep, montecarlo) as parsed by commander.
 *
 * @example
 * ```ts
 * const o: BatchCliOptions = { threads: 2, shard: { k: 1, n: 4 }, jsonl: "rows.jsonl", resume: true };
 * ```
 */
export interface BatchCliOptions {
  readonly threads: number;
  readonly shard?: Shard;
  readonly jsonl?: string;
  readonly resume?: boolean;
}

/**
 * Adds `--threads`, `--shard k/n`, `--jsonl <file>` and `--resume` to a command.
 *
 * @example
 * ```ts
 * addBatchOptions(program.command("sweep"));
 * ```
 */
export function addBatchOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("-t, --threads <k>", "threads computing: this one and k - 1 workers (the result is the same for any k)").argParser(positiveInteger).default(availableParallelism()))
    .addOption(new Option("--shard <k/n>", "run only part k of n (1-based) and print a shard output for `treatylab merge`").argParser(parseShard))
    .option("--jsonl <file>", "stream each row to this JSON Lines file as it is computed")
    .option("--resume", "with --jsonl: keep the rows already in the file (same job) and compute only the missing ones");
}

/**
 * The options of a batch run (sweep, Monte Carlo) given by the batch command-line options:
 * threads, the shard and the JSON Lines file when given, and whether to resume.
 *
 * @example
 * ```ts
 * batchRunOptions({ threads: 2, shard: { k: 1, n: 4 } }); // { threads: 2, shard: { k: 1, n: 4 }, resume: false }
 * ```
 */
export function batchRunOptions(opts: BatchCliOptions): { readonly threads: number; readonly shard?: Shard; readonly jsonl?: string; readonly resume: boolean } {
  return { threads: opts.threads, ...(opts.shard ? { shard: opts.shard } : {}), ...(opts.jsonl ? { jsonl: opts.jsonl } : {}), resume: Boolean(opts.resume) };
}
