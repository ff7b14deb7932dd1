import { TreatylabError } from "../model/errors.js";

/**
 * Part `k` of `n` (1-based) of a batch of independent work items.
 *
 * @example
 * ```ts
 * const s: Shard = { k: 2, n: 4 };
 * ```
 */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

/**
 * Parses `k/n` (1 <= k <= n), as given to `--shard`.
 *
 * @example
 * ```ts
 * parseShard("3/8"); // { k: 3, n: 8 }
 * ```
 */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const k = m ? Number(m[1]) : Number.NaN;
  const n = m ? Number(m[2]) : Number.NaN;
  if (!m || !Number.isSafeInteger(n) || n < 1 || k < 1 || k > n)
    throw new TreatylabError(
      `--shard "${text}": expected k/n with 1 <= k <= n, e.g. 1/4 (Slurm: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT)`,
    );
  return { k, n };
}

/**
 * The items of a shard: `[floor((k-1) total / n), floor(k total / n))`. The shards of one `n`
 * cover `[0, total)` exactly once, in order.
 *
 * @example
 * ```ts
 * shardRange(10, { k: 1, n: 3 }); // { start: 0, end: 3 }
 * shardRange(10, { k: 3, n: 3 }); // { start: 6, end: 10 }
 * ```
 */
export function shardRange(total: number, shard: Shard): { readonly start: number; readonly end: number } {
  return { start: Math.floor(((shard.k - 1) * total) / shard.n), end: Math.floor((shard.k * total) / shard.n) };
}

/**
 * Splits `[start, end)` into consecutive blocks of at most `size` items, aligned to multiples of
 * `size` (so blocks are the same whatever range they are cut from).
 *
 * @example
 * ```ts
 * blocksOf(150, 420, 100); // [[150, 200], [200, 300], [300, 400], [400, 420]]
 * ```
 */
export function blocksOf(start: number, end: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = start; a < end; ) {
    const b = Math.min(end, (Math.floor(a / size) + 1) * size);
    out.push([a, b]);
    a = b;
  }
  return out;
}
