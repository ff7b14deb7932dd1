/**
 * Per-bundle ZOPA counts of Monte Carlo draws (how many draws had each bundle in the ZOPA): their
 * form, the pairs stored in part files, taking them from a context's counter in bundle-index order
 * (a radix-packed sort), and the canonical keys that order bundles as `compareBundles` does.
 * @module
 */
import { bundleIndexer } from "../model/bundleIndexer.js";
import type { CompiledScenario } from "../model/compile.js";
import type { MonteCarloContext } from "./monteCarloJob.js";

/**
 * How many draws had each bundle in the ZOPA: bundle indices (see {@link bundleIndexer})
 * ascending, with their counts (all > 0).
 *
 * @example
 * ```ts
 * const { index, count } = takeZopaCounts(ctx); index[0]; count[0];
 * ```
 */
export interface ZopaCounts {
  readonly index: ArrayLike<number> & Iterable<number>;
  readonly count: ArrayLike<number> & Iterable<number>;
}

/**
 * ZOPA counts as `[bundle index, count]` pairs, in the order of `counts.index` (the form part
 * files and block checkpoints store). Inverse of {@link pairsToCounts}.
 *
 * @example
 * ```ts
 * countsToPairs({ index: [7, 31], count: [3, 1] }); // [[7, 3], [31, 1]]
 * ```
 */
export function countsToPairs(counts: ZopaCounts): [number, number][] {
  return Array.from(counts.index, (k, j): [number, number] => [k, counts.count[j]!]);
}

/**
 * `[bundle index, count]` pairs (as stored in part files and block checkpoints) back to
 * {@link ZopaCounts} columns, in the same order. Inverse of {@link countsToPairs}.
 *
 * @example
 * ```ts
 * pairsToCounts([[7, 3], [31, 1]]); // { index: [7, 31], count: [3, 1] }
 * ```
 */
export function pairsToCounts(pairs: readonly (readonly [number, number])[]): ZopaCounts {
  return { index: pairs.map((z) => z[0]), count: pairs.map((z) => z[1]) };
}

/**
 * The ZOPA counts held in the context's counter (of every draw run since the last call), as
 * bundle indices ascending with their counts; clears the counter.
 *
 * @example
 * ```ts
 * runDrawRows(ctx, 0, 50); runDrawRows(ctx, 50, 100);
 * takeZopaCounts(ctx); // equal to runDrawBlock(ctx, 0, 100).zopa
 * ```
 */
export function takeZopaCounts(ctx: MonteCarloContext): ZopaCounts {
  // Typed arrays: moved between threads as blocks of memory.
  const counted = ctx.counter.entries(false);
  ctx.counter.clear();
  return toDeclarationOrder(ctx, counted.index, counted.count);
}

/** Walk-order count keys (any order) turned into bundle indices (declaration order), sorted by index. */
function toDeclarationOrder(
  ctx: MonteCarloContext,
  walkIndex: Float64Array,
  count: Float64Array,
): { index: Float64Array; count: Float64Array } {
  const { countStrides, strides, base } = ctx.walk;
  const n = walkIndex.length;
  const I = countStrides.length;
  let most = 1;
  for (let j = 0; j < n; j++) if (count[j]! > most) most = count[j]!;
  const radix = 2 ** Math.ceil(Math.log2(most + 1));
  const packable = Number(base.combinations) * radix <= Number.MAX_SAFE_INTEGER;
  // Index and count packed into one number when it fits: then a plain numeric sort.
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let rest = walkIndex[j]!;
    let x = 0;
    for (let k = 0; k < I; k++) {
      const digit = Math.floor(rest / countStrides[k]!);
      rest -= digit * countStrides[k]!;
      x += digit * strides[k]!;
    }
    keys[j] = packable ? x * radix + count[j]! : x;
  }
  if (packable) {
    keys.sort();
    const outCount = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const c = keys[j]! % radix;
      outCount[j] = c;
      keys[j] = (keys[j]! - c) / radix;
    }
    return { index: keys, count: outCount };
  }
  const perm = Array.from(keys, (_, j) => j).sort((a, b) => keys[a]! - keys[b]!);
  return { index: Float64Array.from(perm, (j) => keys[j]!), count: Float64Array.from(perm, (j) => count[j]!) };
}

/**
 * Canonical sort keys of bundle indices: numbers ordered as `compareBundles` orders the bundles
 * (issues by id, options by canonical rank), i.e. the bundle's option ranks read as one mixed-radix
 * number, the canonically first issue most significant.
 *
 * @example
 * ```ts
 * const key = canonicalBundleKeys(ctx.compiled, [5, 2]);
 * key[0]! < key[1]!; // compareBundles(c, decode(5), decode(2)) < 0
 * ```
 */
export function canonicalBundleKeys(c: CompiledScenario, indices: ArrayLike<number>): Float64Array {
  const { strides } = bundleIndexer(c.sizes);
  const order = c.canonicalIssueOrder;
  const out = new Float64Array(indices.length);
  for (let j = 0; j < indices.length; j++) {
    const index = indices[j]!;
    let key = 0;
    for (const i of order) {
      const option = Math.floor(index / strides[i]!) % c.sizes[i]!;
      key = key * c.sizes[i]! + c.optionRank[i]![option]!;
    }
    out[j] = key;
  }
  return out;
}
