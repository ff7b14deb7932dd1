import { hashJson } from "../batch/hashJson.js";
import { checkParts } from "../batch/checkParts.js";
import type { Shard } from "../batch/shard.js";
import { TreatylabError } from "../model/errors.js";
import { MonteCarloAccumulator, type MonteCarloResult } from "./monteCarloAccumulator.js";
import { type DrawRow } from "./drawRows.js";
import { type MonteCarloContext, type MonteCarloJob, prepareMonteCarlo } from "./monteCarloJob.js";
import { pairsToCounts } from "./zopaCounts.js";

/**
 * One shard's output: the job (so that `merge` needs nothing else), which shard `k/n` it is, the
 * draws it covers, their rows and ZOPA counts. Merging the parts of every shard gives exactly the single-run result.
 *
 * @example
 * ```ts
 * part.range; // { start: 0, end: 2500 }
 * ```
 */
export interface MonteCarloPart {
  readonly kind: "treatylab-montecarlo-part";
  readonly version: 1;
  readonly jobHash: string;
  readonly job: MonteCarloJob;
  /** Absent in outputs written before shards were named (merge then names missing draws instead). */
  readonly shard?: Shard;
  readonly range: { readonly start: number; readonly end: number };
  readonly rows: readonly DrawRow[];
  /** [bundle index, number of draws with the bundle in the ZOPA], by index. */
  readonly zopa: readonly (readonly [number, number])[];
}

/**
 * The part of a shard from its accumulated draws.
 *
 * @example
 * ```ts
 * const part = monteCarloPart(ctx, acc, { start: 0, end: 2500 }, { k: 1, n: 4 });
 * ```
 */
export function monteCarloPart(
  ctx: MonteCarloContext,
  acc: MonteCarloAccumulator,
  range: { readonly start: number; readonly end: number },
  shard?: Shard,
): MonteCarloPart {
  return {
    kind: "treatylab-montecarlo-part",
    version: 1,
    jobHash: hashJson(ctx.job),
    job: ctx.job,
    ...(shard ? { shard: { k: shard.k, n: shard.n } } : {}),
    range,
    rows: acc.sortedRows(),
    zopa: acc.zopaCounts(),
  };
}

/**
 * Merges shard parts into the result of a single run. Throws a one-line error when parts come
 * from different jobs (naming what differs), overlap, or leave draws missing (naming the missing
 * shards).
 *
 * @example
 * ```ts
 * import { mergeMonteCarloParts } from "treatylab/advanced";
 * const result = mergeMonteCarloParts([part1, part2]);
 * ```
 */
export function mergeMonteCarloParts(
  parts: readonly MonteCarloPart[],
  options: { readonly top?: number; readonly names?: readonly string[] } = {},
): MonteCarloResult {
  checkParts(parts, {
    names: options.names,
    item: (r) => r.draw,
    otherJob: (f) => `comes from another job than ${f}`,
    total: (first) => first.job.draws,
    check: (p, name) => {
      if (p.kind !== "treatylab-montecarlo-part")
        throw new TreatylabError(
          `${name}: not a Monte Carlo shard output (run montecarlo with --shard k/n --format json)`,
        );
    },
  });
  const first = parts[0]!;
  const ctx = prepareMonteCarlo(first.job);
  const acc = new MonteCarloAccumulator(ctx);
  for (const p of parts) acc.add({ start: p.range.start, end: p.range.end, rows: p.rows, zopa: pairsToCounts(p.zopa) });
  return acc.summary("draws", options.top !== undefined ? { top: options.top } : {});
}
