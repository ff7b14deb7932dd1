import { TreatylabError } from "../model/errors.js";
import { checkCoverage } from "./checkCoverage.js";
import { hashJson } from "./hashJson.js";

/**
 * What every shard output carries: its job, the job's fingerprint, its range of items and one row
 * per item.
 *
 * @example
 * ```ts
 * const p: ShardOutput<{ index: number }> = { job, jobHash: hashJson(job), range: { start: 0, end: 1 }, rows: [{ index: 0 }] };
 * ```
 */
export interface ShardOutput<Row> {
  readonly job: unknown;
  readonly jobHash: string;
  readonly range: { readonly start: number; readonly end: number };
  readonly rows: readonly Row[];
}

/**
 * Checks shard outputs before a merge, in this order for each part: `check` (a kind test, say),
 * the job against its fingerprint, the same job as the first part (`otherJob` words that error,
 * given the first part's name),
 * rows matching the range (`item` gives a row's item number); then that the parts cover items
 * `0..total(first)-1` once each. Parts are named by `names` or "part k". Throws one-line errors.
 *
 * @example
 * ```ts
 * checkParts(parts, { item: (r) => r.index, otherJob: (f) => `comes from another sweep than ${f}`, total: (first) => first.rows.length });
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
    if (hashJson(p.job) !== p.jobHash) throw new TreatylabError(`${name}: its job does not match its fingerprint (the file was edited or damaged)`);
    if (p.jobHash !== first.jobHash) throw new TreatylabError(`${name}: ${o.otherJob(nameOf(0))}`);
    if (p.rows.length !== p.range.end - p.range.start || p.rows.some((r, j) => o.item(r) !== p.range.start + j))
      throw new TreatylabError(`${name}: its rows do not match its range ${p.range.start}-${p.range.end - 1} (an unfinished shard?)`);
  });
  checkCoverage(parts.map((p, k) => ({ ...p.range, from: nameOf(k) })), o.total(first));
}
