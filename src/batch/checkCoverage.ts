import { TreatylabError } from "../model/errors.js";

/**
 * Checks that ranges `[start, end)` cover `[0, total)` exactly once; throws a one-line error
 * naming the first gap or overlap (so `merge` never returns a result from missing or repeated work).
 *
 * @example
 * ```ts
 * checkCoverage([{ start: 0, end: 5 }, { start: 5, end: 10 }], 10); // ok
 * ```
 */
export function checkCoverage(ranges: readonly { readonly start: number; readonly end: number; readonly from?: string }[], total: number): void {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  for (const r of sorted) {
    const name = r.from ? ` (${r.from})` : "";
    if (r.start < at) throw new TreatylabError(`items ${r.start}-${Math.min(at, r.end) - 1} are in two shard outputs${name}; give each shard once`);
    if (r.start > at) throw new TreatylabError(`items ${at}-${r.start - 1} of ${total} are missing; give the outputs of every shard`);
    at = r.end;
  }
  if (at < total) throw new TreatylabError(`items ${at}-${total - 1} of ${total} are missing; give the outputs of every shard`);
}
