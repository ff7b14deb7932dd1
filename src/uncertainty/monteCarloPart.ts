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
 * const ctx = prepareMonteCarlo(monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 100, seed: 1 }));
 * const acc = new MonteCarloAccumulator(ctx);
 * acc.add(runDrawBlock(ctx, 0, 100));
 * const part: MonteCarloPart = monteCarloPart(ctx, acc, { start: 0, end: 100 }, { k: 1, n: 1 });
 * part.range; // { start: 0, end: 100 }
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
 * const ctx = prepareMonteCarlo(monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 100, seed: 1 }));
 * const acc = new MonteCarloAccumulator(ctx);
 * acc.add(runDrawBlock(ctx, 0, 50));
 * const part = monteCarloPart(ctx, acc, { start: 0, end: 50 }, { k: 1, n: 2 });
 * part.kind; // "treatylab-montecarlo-part"
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
 * const ctx = prepareMonteCarlo(monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 100, seed: 1 }));
 * const shard = (k: number, start: number, end: number) => {
 *   const acc = new MonteCarloAccumulator(ctx);
 *   acc.add(runDrawBlock(ctx, start, end));
 *   return monteCarloPart(ctx, acc, { start, end }, { k, n: 2 });
 * };
 * const result = mergeMonteCarloParts([shard(1, 0, 50), shard(2, 50, 100)]);
 * result.draws; // 100
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
