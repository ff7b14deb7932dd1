import { availableParallelism } from "node:os";
import { type Command, Option } from "commander";
import { parseShard } from "../batch/shard.js";
import { positiveInteger } from "./options.js";

/**
 * The options shared by batch commands (sweep, montecarlo) as parsed by commander.
 *
 * @example
 * ```ts
 * const o: BatchCliOptions = { threads: 2, shard: "1/4", jsonl: "rows.jsonl", resume: true };
 * ```
 */
export interface BatchCliOptions {
  readonly threads: number;
  readonly shard?: string;
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
    .addOption(new Option("--shard <k/n>", "run only part k of n (1-based) and print a shard output for `treatylab merge`").argParser((v) => (parseShard(v), v)))
    .option("--jsonl <file>", "stream each row to this JSON Lines file as it is computed")
    .option("--resume", "with --jsonl: keep the rows already in the file (same job) and compute only the missing ones");
}
