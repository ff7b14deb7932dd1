import { describePatches, diffScenarios } from "../edits/diffScenarios.js";
import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { checkCoverage } from "./checkCoverage.js";
import { hashJson } from "./hashJson.js";
import { type Shard, shardRange } from "./shard.js";

/**
 * What every shard output carries: its job, the job's fingerprint, the shard `k/n` it is (when run
 * with `--shard`), its range of items and one row per item.
 *
 * @example
 * ```ts
 * import type { ShardOutput } from "./checkParts.js";
 * const job = { seed: "7", draws: 2 };
 * const p: ShardOutput<{ index: number }> =
 *   { job, jobHash: hashJson(job), range: { start: 0, end: 1 }, rows: [{ index: 0 }] };
 * p.jobHash; // "c8c14e1b9d7d6dbc"
 * ```
 */
export interface ShardOutput<Row> {
  readonly job: unknown;
  readonly jobHash: string;
  readonly shard?: Shard;
  readonly range: { readonly start: number; readonly end: number };
  readonly rows: readonly Row[];
}

/**
 * Checks shard outputs before a merge, in this order for each part: `check` (a kind test, say),
 * the job against its fingerprint, the same job as the first part (`otherJob` words that error,
 * given the name of the part compared with: an earlier output of the same shard if there is one,
 * else the first; the error then names what differs, see {@link jobDifference}), its range
 * matching its shard, rows matching the range (`item` gives a row's item number); then that the
 * parts cover items `0..total(first)-1` once each (naming the missing shards, see
 * {@link checkCoverage}). Parts are named by `names` or "part k". Throws one-line errors.
 *
 * @example
 * ```ts
 * import { checkParts, type ShardOutput } from "./checkParts.js";
 * const job = { seed: "7", draws: 2 };
 * const part = (k: number): ShardOutput<{ index: number }> =>
 *   ({ job, jobHash: hashJson(job), range: { start: k, end: k + 1 }, rows: [{ index: k }] });
 * const o = { item: (r: { index: number }) => r.index, otherJob: (f: string) => `not ${f}'s job`, total: () => 2 };
 * checkParts([part(0), part(1)], o); // passes: items 0 and 1 once each
 * checkParts([part(0)], o); // throws "items 1 of 2 are missing; give the outputs of every shard"
 * ```
 */
export function checkParts<Part extends ShardOutput<unknown>>(
  parts: readonly Part[],
  o: {
    readonly names?: readonly string[] | undefined;
    readonly item: (row: Part["rows"][number]) => number;
    readonly otherJob: (firstName: string) => string;
    readonly total: (first: Part) => number;
    readonly check?: (part: Part, name: string) => void;
  },
): void {
  if (parts.length === 0) throw new TreatylabError("nothing to merge");
  const first = parts[0]!;
  const nameOf = (k: number): string => o.names?.[k] ?? `part ${k + 1}`;
  parts.forEach((p, k) => {
    const name = nameOf(k);
    o.check?.(p, name);
    if (hashJson(p.job) !== p.jobHash)
      throw new TreatylabError(`${name}: its job does not match its fingerprint (the file was edited or damaged)`);
    if (p.jobHash !== first.jobHash) {
      const same = parts.findIndex(
        (q, j) => j < k && q.shard !== undefined && q.shard.k === p.shard?.k && q.shard.n === p.shard.n,
      );
      const ref = same >= 0 ? same : 0;
      const both = same >= 0 ? ` (both are shard ${p.shard!.k}/${p.shard!.n})` : "";
      throw new TreatylabError(
        `${name}: ${o.otherJob(nameOf(ref))}${both}; what differs (${nameOf(ref)} -> ${name}): ${jobDifference(parts[ref]!.job, p.job)}`,
      );
    }
    if (p.shard) {
      const s = shardRange(o.total(first), p.shard);
      if (s.start !== p.range.start || s.end !== p.range.end)
        throw new TreatylabError(
          `${name}: its range ${p.range.start}-${p.range.end - 1} is not that of shard ${p.shard.k}/${p.shard.n} (${s.start}-${s.end - 1}); the file was edited or damaged`,
        );
    }
    if (p.rows.length !== p.range.end - p.range.start || p.rows.some((r, j) => o.item(r) !== p.range.start + j))
      throw new TreatylabError(
        `${name}: its rows do not match its range ${p.range.start}-${p.range.end - 1} (an unfinished shard?)`,
      );
  });
  checkCoverage(
    parts.map((p, k) => ({ ...p.range, from: nameOf(k), ...(p.shard ? { shard: p.shard } : {}) })),
    o.total(first),
  );
}

/** Differences listed by {@link jobDifference} before "and k more". */
const DIFFERENCES = 3;

/**
 * What differs between two jobs, for a person: `seed: "7" -> "8"`, with parties, issues and
 * options named by id (`scenario.parties[bill].reservation: 0.3 -> 0.35`); the first three
 * differences, then how many more.
 *
 * @example
 * ```ts
 * import { jobDifference } from "./checkParts.js";
 * jobDifference({ seed: "7", draws: 10 }, { seed: "8", draws: 10 }); // 'seed: "7" -> "8"'
 * ```
 */
export function jobDifference(a: unknown, b: unknown): string {
  // diffScenarios and describePatches walk any JSON value (a job holds a scenario and more).
  const lines = describePatches(a as Scenario, diffScenarios(a as Scenario, b as Scenario));
  if (lines.length === 0) return "nothing in the job (its fingerprint is stale)";
  return lines.length <= DIFFERENCES
    ? lines.join("; ")
    : `${lines.slice(0, DIFFERENCES).join("; ")} and ${lines.length - DIFFERENCES} more`;
}
