import { checkParts } from "../batch/checkParts.js";
import { hashJson } from "../batch/hashJson.js";
import type { Shard } from "../batch/shard.js";
import type { Scenario } from "../model/types.js";
import { planSweep, type SweepPlan, type SweepRow, type SweepSpec } from "./sweep.js";

/**
 * A sweep's output: the scenario, each axis (parameter, value in the scenario, values swept) and
 * the tidy rows in order. Shards print the same shape with `kind: "treatylab-sweep-part"` and the
 * `range` of rows they cover; `merge` joins them.
 *
 * @example
 * ```ts
 * out.rows[0]?.zopaSize;
 * ```
 */
export interface SweepOutput {
  readonly kind: "treatylab-sweep" | "treatylab-sweep-part";
  readonly version: 1;
  readonly jobHash: string;
  readonly job: { readonly scenario: Scenario; readonly spec: SweepSpec };
  readonly scenarioId: string;
  readonly axes: readonly { readonly parameter: string; readonly base: number; readonly values: readonly number[] }[];
  /** Which shard `k/n` a part is (run with `--shard`); absent in a whole output. */
  readonly shard?: Shard;
  readonly range: { readonly start: number; readonly end: number };
  readonly rows: readonly SweepRow[];
}

/**
 * Wraps sweep rows `[start, end)` as an output (a part, naming its `shard`, when they are not
 * every row).
 *
 * @example
 * ```ts
 * sweepOutput(s, spec, rows, { start: 0, end: rows.length });
 * ```
 */
export function sweepOutput(
  scenario: Scenario,
  spec: SweepSpec,
  rows: readonly SweepRow[],
  range: { readonly start: number; readonly end: number },
  plan: SweepPlan = planSweep(scenario, spec),
  shard?: Shard,
): SweepOutput {
  const job = { scenario, spec };
  const whole = range.start === 0 && range.end === plan.rows;
  return {
    kind: whole ? "treatylab-sweep" : "treatylab-sweep-part",
    version: 1,
    jobHash: hashJson(job),
    job,
    scenarioId: scenario.id,
    axes: plan.axes.map((a) => ({ parameter: a.parameter, base: a.base, values: a.values })),
    ...(shard && !whole ? { shard: { k: shard.k, n: shard.n } } : {}),
    range,
    rows: [...rows].sort((a, b) => a.index - b.index),
  };
}

/**
 * Merges sweep shard outputs into the output of a single run (same job, every row once).
 *
 * @example
 * ```ts
 * mergeSweepParts([part1, part2]).rows.length;
 * ```
 */
export function mergeSweepParts(parts: readonly SweepOutput[], names?: readonly string[]): SweepOutput {
  const rowsOf = (p: SweepOutput): number => p.axes.reduce((n, a) => n * a.values.length, 1);
  checkParts(parts, {
    names,
    item: (r) => r.index,
    otherJob: (f) => `comes from another sweep than ${f}`,
    total: rowsOf,
  });
  const first = parts[0]!;
  const total = rowsOf(first);
  return sweepOutput(
    first.job.scenario,
    first.job.spec,
    parts.flatMap((p) => p.rows),
    { start: 0, end: total },
  );
}
