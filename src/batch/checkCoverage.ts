import { TreatylabError } from "../model/errors.js";
import { type Shard, shardRange } from "./shard.js";

/** Shards or item ranges listed in a message: the first ten, then how many more. */
const LISTED = 10;

const listed = (items: readonly string[]): string =>
  items.length <= LISTED ? items.join(", ") : `${items.slice(0, LISTED).join(", ")} and ${items.length - LISTED} more`;

const items = (a: number, b: number): string => (b - a === 1 ? `${a}` : `${a}-${b - 1}`);

/**
 * Checks that ranges `[start, end)` cover `[0, total)` exactly once; throws a one-line error
 * naming the first overlap (with the outputs that hold it) or every gap (so `merge` never returns
 * a result from missing or repeated work). When every range says which shard `k/n` of one `n` it
 * is (and is that shard's range), the gaps are named as the missing shards.
 *
 * @example
 * ```ts
 * checkCoverage([{ start: 0, end: 5 }, { start: 5, end: 10 }], 10); // ok
 * checkCoverage([{ start: 0, end: 5, shard: { k: 1, n: 2 } }], 10); // throws "shard 2/2 (items 5-9 of 10) is missing; ..."
 * ```
 */
export function checkCoverage(
  ranges: readonly { readonly start: number; readonly end: number; readonly from?: string; readonly shard?: Shard }[],
  total: number,
): void {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const gaps: [number, number][] = [];
  let at = 0;
  let last: (typeof sorted)[number] | undefined;
  for (const r of sorted) {
    if (r.start < at && last) {
      const names = [last.from, r.from].filter((f) => f !== undefined);
      const sameShard = last.shard && r.shard && last.shard.k === r.shard.k && last.shard.n === r.shard.n;
      if (sameShard && names.length === 2)
        throw new TreatylabError(
          `${names[0]} and ${names[1]} are both shard ${r.shard!.k}/${r.shard!.n}; give each shard once`,
        );
      throw new TreatylabError(
        `items ${items(r.start, Math.min(at, r.end))} are in two shard outputs${names.length ? ` (${names.join(" and ")})` : ""}; give each shard once`,
      );
    }
    if (r.start > at) gaps.push([at, r.start]);
    if (r.end > at) {
      at = r.end;
      last = r;
    }
  }
  if (at < total) gaps.push([at, total]);
  if (gaps.length === 0) return;
  const n = sorted[0]?.shard?.n;
  const asShards =
    n !== undefined &&
    sorted.every((r) => {
      if (r.shard?.n !== n) return false;
      const s = shardRange(total, r.shard);
      return s.start === r.start && s.end === r.end;
    });
  if (asShards) {
    const present = new Set(sorted.map((r) => r.shard!.k));
    const missing: string[] = [];
    for (let k = 1; k <= n; k++) {
      const s = shardRange(total, { k, n });
      if (!present.has(k) && s.end > s.start) missing.push(`${k}/${n} (items ${items(s.start, s.end)} of ${total})`);
    }
    if (missing.length === 1)
      throw new TreatylabError(
        `shard ${missing[0]} is missing; run it (--shard ${missing[0]!.split(" ")[0]}) and merge again with its output`,
      );
    throw new TreatylabError(
      `shards ${listed(missing)} are missing; run them (--shard k/${n}) and merge again with their outputs`,
    );
  }
  throw new TreatylabError(
    `items ${listed(gaps.map(([a, b]) => items(a, b)))} of ${total} are missing; give the outputs of every shard`,
  );
}
