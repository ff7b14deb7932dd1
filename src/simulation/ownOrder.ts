import type { CompiledScenario } from "../model/compile.js";

/**
 * The bundles of an outcome space in the canonical order of `compareBundles` (issues by id,
 * options by canonical rank): the bundle index at each position. A full space in walk order
 * (`dense`: bundle k is the mixed-radix code of its option indices, last issue fastest) is
 * numbered directly, in O(n); a list of rows is ordered by a native sort of canonical codes.
 *
 * @example
 * ```ts
 * const at = canonicalOrder(c, space.bundles, space.size, true);
 * compareBundles(c, space.row(at[0]!), space.row(at[1]!)) < 0; // true
 * ```
 */
export function canonicalOrder(c: CompiledScenario, bundles: Int32Array, n: number, dense: boolean): Int32Array {
  const I = c.issueIds.length;
  const at = new Int32Array(n);
  if (dense && walkIsCanonical(c)) {
    for (let k = 0; k < n; k++) at[k] = k;
    return at;
  }
  if (dense) {
    // Walk-order stride of each issue, and the option at each canonical rank.
    const stride = new Array<number>(I).fill(1);
    for (let i = I - 2; i >= 0; i--) stride[i] = stride[i + 1]! * c.sizes[i + 1]!;
    const order = c.canonicalIssueOrder;
    const byRank = c.optionRank.map((ranks) => {
      const inv = new Int32Array(ranks.length);
      ranks.forEach((r, o) => (inv[r] = o));
      return inv;
    });
    const digit = new Int32Array(I);
    let k = 0;
    for (const i of order) k += byRank[i]![0]! * stride[i]!;
    for (let pos = 0; pos < n; pos++) {
      at[pos] = k;
      // Next canonical position: increment the last canonical issue, carrying leftwards.
      for (let j = I - 1; j >= 0; j--) {
        const i = order[j]!;
        k -= byRank[i]![digit[j]!]! * stride[i]!;
        if (++digit[j]! < c.sizes[i]!) {
          k += byRank[i]![digit[j]!]! * stride[i]!;
          break;
        }
        digit[j] = 0;
        k += byRank[i]![0]! * stride[i]!;
      }
    }
    return at;
  }
  const code = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let x = 0;
    for (const i of c.canonicalIssueOrder) x = x * c.sizes[i]! + c.optionRank[i]![bundles[k * I + i]!]!;
    code[k] = x;
  }
  // Codes are distinct: sort code * n + k (exact while the codes stay below 2^53 / n).
  const small = code.every((x) => x * n + n <= Number.MAX_SAFE_INTEGER);
  if (small) {
    const keyed = Float64Array.from(code, (x, k) => x * n + k).sort();
    for (let pos = 0; pos < n; pos++) at[pos] = keyed[pos]! % n;
    return at;
  }
  const idx = Array.from({ length: n }, (_, k) => k).sort((a, b) => code[a]! - code[b]!);
  at.set(idx);
  return at;
}

/**
 * True when the walk order of a full space is already canonical: issues declared in canonical
 * order and every issue's options in canonical rank order, so bundle k is at canonical position k.
 *
 * @example
 * ```ts
 * walkIsCanonical(c) ? null : canonicalOrder(c, bundles, n, true);
 * ```
 */
export function walkIsCanonical(c: CompiledScenario): boolean {
  const order = c.canonicalIssueOrder;
  for (let i = 0; i < order.length; i++) if (order[i] !== i) return false;
  for (const ranks of c.optionRank) for (let o = 0; o < ranks.length; o++) if (ranks[o] !== o) return false;
  return true;
}

const scratch = new Float64Array(1);
const bits = new Uint32Array(scratch.buffer);

/**
 * `order` (bundle indices) sorted by `value(k)` descending, stable: equal values keep their order
 * in `order`. An LSD radix sort on the doubles' bits (8-bit digits, passes where every digit is
 * equal skipped), so no comparator is called; -0 counts as 0.
 *
 * @example
 * ```ts
 * sortDescendingStable(Int32Array.of(0, 1, 2), (k) => [0.5, 0.9, 0.5][k]!); // Int32Array [1, 0, 2]
 * ```
 */
export function sortDescendingStable(order: Int32Array, value: (k: number) => number): Int32Array {
  const m = order.length;
  const hi = new Uint32Array(m);
  const lo = new Uint32Array(m);
  for (let j = 0; j < m; j++) {
    const v = value(order[j]!);
    scratch[0] = v === 0 ? 0 : v;
    let h = bits[1]!;
    let l = bits[0]!;
    // Sortable unsigned form (ascending), then inverted for descending.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[j] = ~h >>> 0;
    lo[j] = ~l >>> 0;
  }
  // Plain loops, not Int32Array.from with a mapping function (ten times slower in V8).
  let cur = new Int32Array(m);
  for (let j = 0; j < m; j++) cur[j] = j;
  let next = new Int32Array(m);
  const count = new Int32Array(257);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? lo : hi;
    const shift = (pass % 4) * 8;
    count.fill(0);
    for (let j = 0; j < m; j++) count[((word[cur[j]!]! >>> shift) & 255) + 1]!++;
    let single = false;
    for (let d = 1; d <= 256 && !single; d++) single = count[d] === m;
    if (single) continue; // one bucket: this digit orders nothing
    for (let d = 0; d < 256; d++) count[d + 1]! += count[d]!;
    for (let j = 0; j < m; j++) {
      const e = cur[j]!;
      next[count[(word[e]! >>> shift) & 255]!++] = e;
    }
    const t = cur;
    cur = next;
    next = t;
  }
  const out = new Int32Array(m);
  for (let j = 0; j < m; j++) out[j] = order[cur[j]!]!;
  return out;
}

/** Buckets of at most this many bundles are sorted by insertion; larger ones by {@link sortDescendingStable}. */
const INSERTION_LIMIT = 32;

/** Largest space whose temporary arrays {@link ownOrder} keeps between calls. */
const SCRATCH_LIMIT = 1 << 16;
let reused: { accepted: Int32Array; value: Float64Array; bucket: Int32Array; end: Int32Array } | null = null;
/** The reused buffers, allocated on first use. */
const buffers = () =>
  (reused ??= {
    accepted: new Int32Array(SCRATCH_LIMIT),
    value: new Float64Array(SCRATCH_LIMIT),
    bucket: new Int32Array(SCRATCH_LIMIT),
    end: new Int32Array(SCRATCH_LIMIT + 1),
  });

/**
 * Party `p`'s own order: the bundles it accepts, in the order of `canonical` (bundle indices in
 * canonical order; null when that is bundle index order, 0 to `n` - 1), sorted by its utility
 * descending, exact ties in canonical order, with those utilities. The same order as filtering
 * the canonical sequence and calling {@link sortDescendingStable}, found faster: one stable bucket
 * pass over the utility range (as many buckets as bundles; the bucket of a utility is monotone in
 * it, so equal utilities share a bucket), then each bucket sorted on its own (insertion for small
 * ones, the radix sort for large ones). Utilities that span no finite range (or hold NaN) go to
 * the radix sort directly. `utility` and `acceptable` are the outcome space's flat arrays (row
 * length `P`, `n` rows).
 *
 * @example
 * ```ts
 * const { order, values } = ownOrder(canonicalOrder(c, bundles, n, true), n, acceptable, utility, 2, 0);
 * values[0]; // party 0's best acceptable utility
 * ```
 */
export function ownOrder(
  canonical: Int32Array | null,
  n: number,
  acceptable: Uint8Array,
  utility: Float64Array,
  P: number,
  p: number,
): { order: Int32Array; values: Float64Array } {
  // The accepted bundles in canonical order, with their utilities (in reused buffers for spaces
  // of up to SCRATCH_LIMIT bundles: allocating them per call cost more than the sort).
  const small = n <= SCRATCH_LIMIT ? buffers() : null;
  const accepted = small ? small.accepted : new Int32Array(n);
  const value = small ? small.value : new Float64Array(n);
  let m = 0;
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  let nan = false;
  for (let j = 0; j < n; j++) {
    const k = canonical === null ? j : canonical[j]!;
    if (acceptable[k * P + p] !== 1) continue;
    const u = utility[k * P + p]!;
    if (u > max) max = u;
    if (u < min) min = u;
    if (u !== u) nan = true;
    accepted[m] = k;
    value[m++] = u;
  }
  const range = max - min;
  const scale = (m - 1) / range;
  if (m < 2 || nan || !(range > 0) || !Number.isFinite(range) || !Number.isFinite(scale)) {
    const order =
      m < 2 ? accepted.slice(0, m) : sortDescendingStable(accepted.subarray(0, m), (k) => utility[k * P + p]!);
    const values = new Float64Array(m);
    for (let j = 0; j < m; j++) values[j] = utility[order[j]! * P + p]!;
    return { order, values };
  }
  // Bucket of u: floor((max - u) * scale), non-decreasing as u decreases (each step rounds monotonically).
  const bucket = small ? small.bucket : new Int32Array(m);
  const end = small ? small.end : new Int32Array(m + 1);
  end.fill(0, 0, m + 1);
  for (let j = 0; j < m; j++) {
    const b = Math.min(m - 1, Math.floor((max - value[j]!) * scale));
    bucket[j] = b;
    end[b + 1]!++;
  }
  for (let b = 0; b < m; b++) end[b + 1]! += end[b]!;
  const order = new Int32Array(m);
  const values = new Float64Array(m);
  // Scatter: end[b] advances from bucket b's start to its end (the start of bucket b + 1).
  for (let j = 0; j < m; j++) {
    const at = end[bucket[j]!]!++;
    order[at] = accepted[j]!;
    values[at] = value[j]!;
  }
  for (let b = 0; b < m; b++) {
    const lo = b === 0 ? 0 : end[b - 1]!;
    const hi = end[b]!;
    if (hi - lo < 2) continue;
    if (hi - lo <= INSERTION_LIMIT) {
      // Stable insertion: an element moves only past strictly smaller ones.
      for (let j = lo + 1; j < hi; j++) {
        const v = values[j]!;
        const k = order[j]!;
        let i = j;
        while (i > lo && values[i - 1]! < v) {
          values[i] = values[i - 1]!;
          order[i] = order[i - 1]!;
          i--;
        }
        values[i] = v;
        order[i] = k;
      }
    } else {
      const sorted = sortDescendingStable(order.subarray(lo, hi), (k) => utility[k * P + p]!);
      order.set(sorted, lo);
      for (let j = lo; j < hi; j++) values[j] = utility[order[j]! * P + p]!;
    }
  }
  return { order, values };
}
