import type { IssueGroup } from "./issueGroups.js";

/**
 * Largest number of partial bundles one half of the agenda may have for the meet-in-the-middle
 * count, by number of acceptors: 2^20 per half for one (10^12 bundles in all), 2^18 for two (about
 * 6.9 * 10^10) and 2^17 for three (about 1.7 * 10^10), where the count takes a few hundred
 * milliseconds. Past these the count falls back to the seeded estimate; `countZopa` by default
 * stops at the smaller `EXACT_HALF` (its cost model) and goes this far only when asked (`exactHalf`).
 *
 * @example
 * ```ts
 * import { partyAcceptors } from "./acceptors.js";
 * import { issueGroups } from "./issueGroups.js";
 * import { MEET_IN_THE_MIDDLE_LIMIT, meetInTheMiddleCount } from "./meetInTheMiddle.js";
 * const c = compileScenario(nash1950);
 * const need = Float64Array.from(c.reservation, (r) => r - UTILITY_TOLERANCE);
 * const groups = issueGroups(c, partyAcceptors(c));
 * meetInTheMiddleCount(groups, need); // 293: 512 bundles, far under MEET_IN_THE_MIDDLE_LIMIT[2]
 * meetInTheMiddleCount(groups, Float64Array.of(0, 0, 0, 0)); // undefined: no limit for 4 acceptors
 * ```
 */
export const MEET_IN_THE_MIDDLE_LIMIT: Readonly<Record<number, number>> = { 1: 1 << 20, 2: 1 << 18, 3: 1 << 17 };

/**
 * Halves small enough that the meet-in-the-middle count takes about a millisecond: `countZopa`
 * tries it before its dynamic program, which can take tens of milliseconds on the same agenda.
 *
 * @example
 * ```ts
 * import { partyAcceptors } from "./acceptors.js";
 * import { issueGroups } from "./issueGroups.js";
 * import { QUICK_HALF, meetInTheMiddleCount } from "./meetInTheMiddle.js";
 * const c = compileScenario(nash1950);
 * const need = Float64Array.from(c.reservation, (r) => r - UTILITY_TOLERANCE);
 * meetInTheMiddleCount(issueGroups(c, partyAcceptors(c)), need, QUICK_HALF); // 293: both halves are quick
 * meetInTheMiddleCount(issueGroups(c, partyAcceptors(c)), need, 16); // undefined: a half has more than 16
 * ```
 */
export const QUICK_HALF = 1 << 13;

/**
 * How close a bundle's sum may come to an acceptance threshold before the order of summation (the
 * enumeration's issue order, or head + tail here) could decide whether it is counted. A sum of at
 * most a few hundred utilities in [0, 1] has a rounding error far below this, so a bundle further
 * than this from every threshold is classified the same way in either order.
 */
const ORDER_MARGIN = 1e-11;

/**
 * Sums of every combination of the groups' options (mixed radix, last group fastest): `dims`
 * values per combination.
 *
 * @example
 * ```ts
 * import { partyAcceptors } from "./acceptors.js";
 * import { issueGroups } from "./issueGroups.js";
 * import { combinationSums } from "./meetInTheMiddle.js";
 * const c = compileScenario(nash1950);
 * combinationSums(issueGroups(c, partyAcceptors(c)).slice(0, 3), 2).length; // 16: 8 combinations of 3 two-option groups, 2 values each
 * ```
 */
export function combinationSums(groups: readonly IssueGroup[], dims: number): Float64Array {
  let sums = new Float64Array(dims);
  let n = 1;
  for (const g of groups) {
    const m = g.options.size;
    const next = new Float64Array(n * m * dims);
    const v = g.options.values;
    for (let a = 0; a < n; a++)
      for (let o = 0; o < m; o++) {
        const at = (a * m + o) * dims;
        for (let d = 0; d < dims; d++) next[at + d] = sums[a * dims + d]! + v[o * dims + d]!;
      }
    sums = next;
    n *= m;
  }
  return sums;
}

/**
 * Indices 0..n-1 ordered by key descending, ties by index ascending: a bucket pass over the range
 * of the keys (stable), then an insertion sort that only moves keys within or across neighbouring
 * buckets. About linear for spread-out keys, and no comparator calls; keys bunched into few
 * buckets (the insertion sort passing 8 moves per key) fall back to a comparator sort.
 *
 * @example
 * ```ts
 * import { orderDescending } from "./meetInTheMiddle.js";
 * [...orderDescending(Float64Array.of(0.2, 0.9, 0.2, 0.5))]; // [1, 3, 0, 2]
 * ```
 */
export function orderDescending(keys: Float64Array): Int32Array {
  return bucketSort(keys, true).order!;
}

/**
 * The keys sorted descending and, when `withOrder`, their indices in that order (ties by index
 * ascending, as {@link orderDescending}), with the `buckets` that sorted them (default one per
 * key): bucket b (keys k with floor((hi - k) * scale) = b, clamped to the last) holds positions
 * start[b] .. start[b + 1] - 1, and every key of a bucket is above every key of the next.
 */
function bucketSort(
  keys: Float64Array,
  withOrder: boolean,
  buckets = keys.length,
): { sorted: Float64Array; order: Int32Array | null; start: Int32Array; hi: number; scale: number } {
  const n = keys.length;
  const B = Math.max(1, buckets);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = keys[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const scale = hi > lo ? (B - 1) / (hi - lo) : 0;
  // The bucket of key i: floor((hi - key) * scale), at most n - 1 (the product is >= 0; a plain
  // comparison and truncation, much cheaper here than Math.min and Math.floor).
  const bucketOf = (i: number): number => {
    const f = (hi - keys[i]!) * scale;
    return f < B - 1 ? f | 0 : B - 1;
  };
  // Bucket b's count at start[b + 2], summed, then each key placed at start[b + 1]++: that
  // leaves bucket b at start[b] .. start[b + 1] - 1.
  const start = new Int32Array(B + 2);
  for (let i = 0; i < n; i++) start[bucketOf(i) + 2]!++;
  for (let b = 2; b <= B; b++) start[b + 1]! += start[b]!;
  const sorted = new Float64Array(n);
  let order = withOrder ? new Int32Array(n) : null;
  for (let i = 0; i < n; i++) {
    const at = start[bucketOf(i) + 1]!++;
    sorted[at] = keys[i]!;
    if (order) order[at] = i;
  }
  let moves = 0;
  for (let i = 1; i < n; i++) {
    const x = sorted[i]!;
    const e = order ? order[i]! : 0;
    let j = i - 1;
    for (; j >= 0 && sorted[j]! < x; j--) {
      sorted[j + 1] = sorted[j]!;
      if (order) order[j + 1] = order[j]!;
    }
    sorted[j + 1] = x;
    if (order) order[j + 1] = e;
    moves += i - 1 - j;
    if (moves > 8 * n) {
      // A comparator sort; the buckets stay where they are (a sorted order keeps each bucket's keys together).
      if (order) {
        order = Int32Array.from(Array.from({ length: n }, (_, k) => k).sort((a, b) => keys[b]! - keys[a]! || a - b));
        for (let k = 0; k < n; k++) sorted[k] = keys[order[k]!]!;
      } else sorted.sort().reverse();
      break;
    }
  }
  return { sorted, order, start: start.subarray(0, B + 1), hi, scale };
}

/**
 * Keys sorted descending (`sorted`, and if asked their indices in `order`, as {@link orderDescending}),
 * answering "how many keys are >= x" from x's bucket: keys in earlier buckets are > x, in later
 * ones < x, so the answer lies in x's bucket (a short scan; a binary search in a crowded bucket).
 * Two buckets per key: shorter scans, for a slightly longer sort.
 */
class SortedKeys {
  /** The keys' indices in that order (when asked for). */
  readonly order: Int32Array | null;
  readonly sorted: Float64Array;
  private readonly start: Int32Array;
  private readonly hi: number;
  private readonly scale: number;

  constructor(keys: Float64Array, withOrder = false) {
    const { sorted, order, start, hi, scale } = bucketSort(keys, withOrder, 2 * keys.length);
    this.order = order;
    this.sorted = sorted;
    this.start = start;
    this.hi = hi;
    this.scale = scale;
  }

  /** The number of keys >= x. */
  atLeast(x: number): number {
    const sorted = this.sorted;
    const m = sorted.length;
    if (m === 0) return 0;
    const f = (this.hi - x) * this.scale;
    const last = this.start.length - 2;
    const b = f <= 0 ? 0 : f < last ? f | 0 : last;
    let p = this.start[b]!;
    let end = this.start[b + 1]!;
    while (end - p > 8) {
      const mid = (p + end) >>> 1;
      if (sorted[mid]! >= x) p = mid + 1;
      else end = mid;
    }
    while (p < end && sorted[p]! >= x) p++;
    return p;
  }

  /** {@link atLeast}, or -1 when some key lies within {@link ORDER_MARGIN} of x. */
  atLeastApart(x: number): number {
    const sorted = this.sorted;
    const p = this.atLeast(x);
    return (p > 0 && sorted[p - 1]! - x <= ORDER_MARGIN) || (p < sorted.length && x - sorted[p]! <= ORDER_MARGIN)
      ? -1
      : p;
  }
}

/**
 * Dense ranks of `keys` (0 for the smallest value; equal values share a rank) and the number of
 * distinct values, from their {@link orderDescending}.
 */
function denseRanks(keys: Float64Array, order: Int32Array): { ranks: Int32Array; distinct: number } {
  const n = keys.length;
  const ranks = new Int32Array(n);
  let distinct = 0;
  for (let k = n - 1; k >= 0; k--) {
    const e = order[k]!;
    if (k < n - 1 && keys[e] !== keys[order[k + 1]!]) distinct++;
    ranks[e] = distinct;
  }
  return { ranks, distinct: n > 0 ? distinct + 1 : 0 };
}

/** A Fenwick tree of counts over ranks 0..n-1 that answers "how many at rank >= r". */
class SuffixCounter {
  private readonly tree: Float64Array;
  private total = 0;
  constructor(private readonly n: number) {
    this.tree = new Float64Array(n + 1);
  }
  add(rank: number, count: number): void {
    this.total += count;
    for (let i = rank + 1; i <= this.n; i += i & -i) this.tree[i]! += count;
  }
  /** Count at ranks >= r. */
  atLeast(r: number): number {
    let below = 0;
    for (let i = r; i > 0; i -= i & -i) below += this.tree[i]!;
    return this.total - below;
  }
}

/**
 * The events of a dominance count, per acceptor d: `x[d]` holds the tails' values (events 0..T-1)
 * then the heads' queries `need[d] - head` (events T..N-1), and `order[d]` the events by value
 * descending, ties by index (tails first). Built once and shared by the threshold check and the count.
 */
interface Events {
  readonly x: Float64Array[];
  readonly order: Int32Array[];
  readonly T: number;
  readonly N: number;
}

function events(head: Float64Array, tail: Float64Array, need: Float64Array): Events {
  const D = need.length;
  const H = head.length / D;
  const T = tail.length / D;
  const x: Float64Array[] = [];
  const order: Int32Array[] = [];
  for (let d = 0; d < D; d++) {
    const v = new Float64Array(T + H);
    for (let j = 0; j < T; j++) v[j] = tail[j * D + d]!;
    for (let i = 0; i < H; i++) v[T + i] = need[d]! - head[i * D + d]!;
    x.push(v);
    order.push(orderDescending(v));
  }
  return { x, order, T, N: T + H };
}

/**
 * Whether some head + tail sum lies within {@link ORDER_MARGIN} of `need` on some acceptor: in each
 * acceptor's merged order, every query against the nearest tail above it and below it.
 */
function nearThreshold(ev: Events): boolean {
  const { T, N } = ev;
  for (let d = 0; d < ev.x.length; d++) {
    const x = ev.x[d]!;
    const order = ev.order[d]!;
    let tailAbove = Number.POSITIVE_INFINITY;
    for (let k = 0; k < N; k++) {
      const e = order[k]!;
      if (e < T) tailAbove = x[e]!;
      else if (tailAbove - x[e]! <= ORDER_MARGIN) return true;
    }
    let tailBelow = Number.NEGATIVE_INFINITY;
    for (let k = N - 1; k >= 0; k--) {
      const e = order[k]!;
      if (e < T) tailBelow = x[e]!;
      else if (x[e]! - tailBelow <= ORDER_MARGIN) return true;
    }
  }
  return false;
}

/**
 * A counter, for batches of queries t (two values each), of the tails b (two values each) with
 * b >= t on both coordinates, offline: the tails sorted once by each coordinate (descending); per
 * batch, each query's number of tails at or above it on the first coordinate (a binary search), the
 * queries bucketed by that number (a counting sort), then one sweep that adds the tails in the
 * first coordinate's order to a Fenwick tree over their positions in the second's, with one prefix
 * count per query. O((|B| + q) log |B|) per batch, no comparator calls. It returns the total, or
 * -1 when `margin` is given and some query lies within it of a tail's value on either coordinate
 * (the counts are then not computed).
 *
 * @example
 * ```ts
 * import { pairCounter } from "./meetInTheMiddle.js";
 * const count = pairCounter(Float64Array.of(0.3, 0.5, 0.6, 0.2, 0.1, 0.1)); // three tails
 * const out = new Float64Array(2);
 * count(Float64Array.of(0.2, 0.5, 0.5, 0), 2, out); // 2: (0.3, 0.5) clears the first query, (0.6, 0.2) the second
 * [...out]; // [1, 1]
 * ```
 */
export function pairCounter(
  tails: Float64Array,
): (queries: Float64Array, q: number, out?: Float64Array, margin?: number) => number {
  const m = tails.length / 2;
  const first = new Float64Array(m);
  const second = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    first[j] = tails[2 * j]!;
    second[j] = tails[2 * j + 1]!;
  }
  const byFirst = new SortedKeys(first, true);
  const bySecond = new SortedKeys(second, true);
  const firstOrder = byFirst.order!;
  // Position of each tail in the second coordinate's descending order, and both sorted value lists.
  const position = new Int32Array(m);
  for (let k = 0; k < m; k++) position[bySecond.order![k]!] = k;
  const firstSorted = byFirst.sorted;
  const secondSorted = bySecond.sorted;
  const tree = new Int32Array(m + 1);
  const near = (sorted: Float64Array, at: number, x: number, margin: number): boolean =>
    (at > 0 && sorted[at - 1]! - x <= margin) || (at < m && x - sorted[at]! <= margin);
  return (queries, q, out, margin) => {
    tree.fill(0);
    const at = new Int32Array(q);
    const at2 = new Int32Array(q);
    const start = new Int32Array(m + 2);
    for (let i = 0; i < q; i++) {
      const a = (at[i] = byFirst.atLeast(queries[2 * i]!));
      const b = (at2[i] = bySecond.atLeast(queries[2 * i + 1]!));
      if (
        margin !== undefined &&
        (near(firstSorted, a, queries[2 * i]!, margin) || near(secondSorted, b, queries[2 * i + 1]!, margin))
      )
        return -1;
      start[a + 1]!++;
    }
    for (let k = 0; k <= m; k++) start[k + 1]! += start[k]!;
    const order = new Int32Array(q);
    for (let i = 0; i < q; i++) order[start[at[i]!]!++] = i;
    let added = 0;
    let total = 0;
    for (let k = 0; k < q; k++) {
      const i = order[k]!;
      for (const upTo = at[i]!; added < upTo; added++)
        for (let p = position[firstOrder[added]!]! + 1; p <= m; p += p & -p) tree[p]!++;
      // Tails added with second coordinate >= t1: among the first at2[i] positions of that order.
      let c = 0;
      for (let p = at2[i]!; p > 0; p -= p & -p) c += tree[p]!;
      total += c;
      if (out) out[i] = c;
    }
    return total;
  };
}

/** Most tails for which three acceptors are counted with bitsets rather than by divide and conquer. */
const BITSET_TAILS = 2048;

/**
 * Number of set bits of a 32-bit integer.
 *
 * @example
 * ```ts
 * import { popcount } from "./meetInTheMiddle.js";
 * [popcount(0b1011), popcount(-1)]; // [3, 32]
 * ```
 */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The dominance count by bitsets (few tails), for three or more acceptors. Tails are numbered by
 * descending rank on a prefix acceptor (the one whose queries are cleared by the fewest tails in
 * all), so the tails at least a rank there are a prefix of that numbering (a query reads the words
 * of that prefix only). A second acceptor is swept: queries in rising order of how many tails clear
 * them there, its tails added to one bitset as they come.
 * For each further acceptor, the set of tails of rank at least r, as a bitset, is kept only for
 * the ranks some query asks about (at most one per query, built in one pass over its tails by
 * rank). A query is the AND of the swept set and one kept set per further acceptor over the first
 * acceptor's prefix, and a population count: O(T + Q) to sort, O((D - 2) min(Q, T) T / 32) memory
 * and time to build, O(D T / 32) per query.
 *
 * `orders[d]`: the T tails by value descending on acceptor d (ties by index); `len[q * D + d]`: the
 * number of tails that clear query q there (so the first that many of `orders[d]`).
 */
function countByBitsets(
  orders: readonly Int32Array[],
  len: Int32Array,
  T: number,
  perHead: Float64Array | undefined,
): number {
  const D = orders.length;
  const W = (T + 31) >>> 5;
  const Q = len.length / D;
  // Roles: a query reads the words of its prefix on `role[0]`, so that is the acceptor whose
  // prefixes are shortest in all (ties: the lowest index); `role[1]` is swept; the others kept.
  const role: number[] = [0];
  let shortest = Number.POSITIVE_INFINITY;
  for (let d = 0; d < D; d++) {
    let sum = 0;
    for (let q = 0; q < Q; q++) sum += len[q * D + d]!;
    if (sum < shortest) {
      shortest = sum;
      role[0] = d;
    }
  }
  for (let d = 0; d < D; d++) if (d !== role[0]) role.push(d);
  const d0 = role[0]!;
  const d1 = role[1]!;
  // pos[j]: tail j's slot in the prefix acceptor's order (its bit in every set).
  const pos = new Int32Array(T);
  for (let k = 0; k < T; k++) pos[orders[d0]![k]!] = k;
  // Further acceptors: the sets of their tails of rank at least r for the prefix lengths asked
  // for, `kept[i - 2]`, W words each; `slot[i - 2][k]` is that of prefix length k (or -1).
  const kept: Int32Array[] = [];
  const slot: Int32Array[] = [];
  for (let i = 2; i < D; i++) {
    const d = role[i]!;
    const at = new Int32Array(T + 1).fill(-1);
    for (let q = 0; q < Q; q++) at[len[q * D + d]!] = 0;
    let m = 0;
    for (let k = 1; k <= T; k++) if (at[k] === 0) at[k] = m++;
    const sets = new Int32Array(m * W);
    const current = new Int32Array(W);
    const order = orders[d]!;
    for (let k = 1; k <= T; k++) {
      const b = pos[order[k - 1]!]!;
      current[b >>> 5]! |= 1 << (b & 31);
      const x = at[k]!;
      if (x >= 0) sets.set(current, x * W);
    }
    kept.push(sets);
    slot.push(at);
  }
  // Queries by rising prefix length on the swept acceptor (a counting sort).
  const start = new Int32Array(T + 2);
  for (let q = 0; q < Q; q++) start[len[q * D + d1]! + 1]!++;
  for (let k = 0; k <= T; k++) start[k + 1]! += start[k]!;
  const byLength = new Int32Array(Q);
  for (let q = 0; q < Q; q++) byLength[start[len[q * D + d1]!]!++] = q;
  const swept = new Int32Array(W);
  const order1 = orders[d1]!;
  const at = new Int32Array(D - 2);
  let added = 0;
  let n = 0;
  for (let i = 0; i < Q; i++) {
    const q = byLength[i]!;
    const k1 = len[q * D + d1]!;
    for (; added < k1; added++) {
      const b = pos[order1[added]!]!;
      swept[b >>> 5]! |= 1 << (b & 31);
    }
    // The tails that clear the query on the prefix acceptor: slots 0 .. k0 - 1.
    const k0 = len[q * D + d0]!;
    let empty = k0 === 0 || k1 === 0;
    for (let r = 2; r < D; r++) {
      const k = len[q * D + role[r]!]!;
      if (k === 0) empty = true;
      else at[r - 2] = slot[r - 2]![k]! * W;
    }
    let c = 0;
    if (!empty) {
      const full = k0 >>> 5;
      const partial = k0 & 31;
      if (D === 3) {
        // Three acceptors (the ZOPA count's case): one kept set, read without the inner loop.
        const third = kept[0]!;
        const base = at[0]!;
        for (let w = 0; w < full; w++) {
          const x = swept[w]! & third[base + w]!;
          if (x !== 0) c += popcount(x);
        }
        if (partial !== 0) c += popcount(swept[full]! & third[base + full]! & ((1 << partial) - 1));
      } else {
        for (let w = 0; w < full; w++) {
          let x = swept[w]!;
          for (let d = 0; d < D - 2; d++) x &= kept[d]![at[d]! + w]!;
          if (x !== 0) c += popcount(x);
        }
        if (partial !== 0) {
          let x = swept[full]! & ((1 << partial) - 1);
          for (let d = 0; d < D - 2; d++) x &= kept[d]![at[d]! + full]!;
          if (x !== 0) c += popcount(x);
        }
      }
    }
    n += c;
    if (perHead) perHead[q] = c;
  }
  return n;
}

/**
 * Number of (head, tail) pairs whose sums meet `need` on every acceptor: head[i] + tail[j] >= need
 * componentwise, i.e. tail[j] >= q[i] = need - head[i]. Tails and queries are put on common dense
 * ranks per coordinate (so ">=" is a comparison of integers), then: one acceptor, a suffix count
 * over the ranks; two, a sweep down the first coordinate with a Fenwick tree over the second;
 * three, the offline divide and conquer of dominance counting (halves by the first coordinate,
 * merged by the second, a Fenwick tree over the third), O(n log^2 n). When `perHead` is given, `perHead[i]` receives the number of tails that complete
 * head i (what the conditional ZOPA estimate needs).
 *
 * @example
 * ```ts
 * import { countDominating } from "./meetInTheMiddle.js";
 * const perHead = new Float64Array(2);
 * // heads (0.5, 0.1) and (0.2, 0.6), tails (0.3, 0.5), (0.6, 0.2) and (0.1, 0.1), need (0.7, 0.6)
 * countDominating(Float64Array.of(0.5, 0.1, 0.2, 0.6), Float64Array.of(0.3, 0.5, 0.6, 0.2, 0.1, 0.1), Float64Array.of(0.7, 0.6), perHead); // 2
 * [...perHead]; // [1, 1]: the first head with the first tail, the second with the second
 * ```
 */
export function countDominating(
  head: Float64Array,
  tail: Float64Array,
  need: Float64Array,
  perHead?: Float64Array,
): number {
  return countEvents(events(head, tail, need), perHead);
}

/** {@link countDominating} over prepared events (the first acceptor's order is consumed). */
function countEvents(ev: Events, perHead?: Float64Array): number {
  const D = ev.x.length;
  const { T, N } = ev;
  // Events 0..T-1 are tails, T..N-1 queries (the least tail that completes each head).
  const rank: Int32Array[] = [];
  const distinct: number[] = [];
  for (let d = 0; d < D; d++) {
    const r = denseRanks(ev.x[d]!, ev.order[d]!);
    rank.push(r.ranks);
    distinct.push(r.distinct);
  }
  const r0 = rank[0]!;
  if (D === 1) {
    const atLeast = new Float64Array(distinct[0]! + 1);
    for (let j = 0; j < T; j++) atLeast[r0[j]!]!++;
    for (let r = distinct[0]! - 1; r >= 0; r--) atLeast[r]! += atLeast[r + 1]!;
    let n = 0;
    for (let e = T; e < N; e++) {
      const m = atLeast[r0[e]!]!;
      n += m;
      if (perHead) perHead[e - T] = m;
    }
    return n;
  }
  // Events by first coordinate descending; on a tie the tail comes first (tails have lower indices).
  const order = ev.order[0]!;
  const r1 = rank[1]!;
  if (D === 2) {
    const counter = new SuffixCounter(distinct[1]!);
    let n = 0;
    for (let k = 0; k < N; k++) {
      const e = order[k]!;
      if (e < T) counter.add(r1[e]!, 1);
      else {
        const m = counter.atLeast(r1[e]!);
        n += m;
        if (perHead) perHead[e - T] = m;
      }
    }
    return n;
  }
  if (T <= BITSET_TAILS) {
    // Per acceptor: atLeast[x], the number of tails of rank at least x, and the tails by rank
    // descending (those of rank x take the slots atLeast[x + 1] .. atLeast[x] - 1); per query,
    // the number of tails that clear it there.
    const orders: Int32Array[] = [];
    const len = new Int32Array((N - T) * D);
    for (let d = 0; d < D; d++) {
      const r = rank[d]!;
      const nd = distinct[d]!;
      const atLeast = new Int32Array(nd + 1);
      for (let j = 0; j < T; j++) atLeast[r[j]!]!++;
      for (let x = nd - 1; x >= 0; x--) atLeast[x]! += atLeast[x + 1]!;
      const next = new Int32Array(nd + 1);
      for (let x = 0; x < nd; x++) next[x] = atLeast[x + 1]!;
      const order = new Int32Array(T);
      for (let j = 0; j < T; j++) order[next[r[j]!]!++] = j;
      orders.push(order);
      for (let e = T; e < N; e++) len[(e - T) * D + d] = atLeast[r[e]!]!;
    }
    return countByBitsets(orders, len, T, perHead);
  }
  const r2 = rank[2]!;
  if (perHead) perHead.fill(0);
  const counter = new SuffixCounter(distinct[2]!);
  const buffer = new Int32Array(N);
  let n = 0;
  // Sorts order[lo, hi) by the second coordinate descending (tails first on ties) and adds, for each
  // query of the right half, the tails of the left half that dominate it on the second and third.
  const solve = (lo: number, hi: number): void => {
    if (hi - lo < 2) return;
    const mid = (lo + hi) >>> 1;
    solve(lo, mid);
    solve(mid, hi);
    let a = lo;
    let b = mid;
    let k = lo;
    let added = 0;
    while (a < mid || b < hi) {
      const ea = a < mid ? order[a]! : -1;
      const eb = b < hi ? order[b]! : -1;
      const takeLeft = eb < 0 || (ea >= 0 && (r1[ea]! > r1[eb]! || (r1[ea]! === r1[eb]! && ea < T)));
      if (takeLeft) {
        if (ea < T) {
          counter.add(r2[ea]!, 1);
          added++;
        }
        buffer[k++] = ea;
        a++;
      } else {
        if (eb >= T) {
          const m = counter.atLeast(r2[eb]!);
          n += m;
          if (perHead) perHead[eb - T]! += m;
        }
        buffer[k++] = eb;
        b++;
      }
    }
    if (added) for (let x = lo; x < mid; x++) if (order[x]! < T) counter.add(r2[order[x]!]!, -1);
    order.set(buffer.subarray(lo, hi), lo);
  };
  solve(0, N);
  return n;
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Counts the bundles whose group options meet `need` on every acceptor exactly, by splitting the
 * groups into a head and a tail of about equal size, summing every combination of each (pairs that
 * ranges decide are settled while the halves are built, see `prunedSums`), and counting the
 * remaining (head, tail) pairs that meet every threshold (dominance counting). It works for one
 * to three acceptors and halves up to {@link MEET_IN_THE_MIDDLE_LIMIT}; it returns `undefined`
 * (count another way) beyond them, or when a bundle lies so close to a threshold that the order of
 * summation could decide it (where some sum comes near a threshold, the count is done a hair below
 * and above every threshold, and the two must agree). `maxHalf` lowers the size limit of a half
 * (the ZOPA count tries a cheap split, halves of at most {@link QUICK_HALF}, before anything else).
 *
 * @example
 * ```ts
 * import { partyAcceptors } from "./acceptors.js";
 * import { issueGroups } from "./issueGroups.js";
 * import { meetInTheMiddleCount } from "./meetInTheMiddle.js";
 * const c = compileScenario(nash1950);
 * const need = Float64Array.from(c.reservation, (r) => r - UTILITY_TOLERANCE);
 * meetInTheMiddleCount(issueGroups(c, partyAcceptors(c)), need); // 293, as analyze(nash1950).zopa.count
 * ```
 */
export const meetInTheMiddleCount = (function meetInTheMiddleCount(
  groups: readonly IssueGroup[],
  need: Float64Array,
  maxHalf: number = Number.POSITIVE_INFINITY,
): number | undefined {
  const D = need.length;
  const allowed = MEET_IN_THE_MIDDLE_LIMIT[D];
  if (allowed === undefined || groups.length < 2) return undefined;
  const limit = Math.min(allowed, maxHalf);
  // The split that balances the two halves' sizes best (groups in declaration order).
  const sizes = groups.map((g) => g.options.size);
  const total = sizes.reduce((a, b) => a * b, 1);
  let head = 1;
  let cut = 0;
  while (cut < groups.length - 1 && head * sizes[cut]! <= Math.sqrt(total) * 1.0000001) head *= sizes[cut++]!;
  if (cut === 0) head *= sizes[cut++]!;
  if (
    cut < groups.length - 1 &&
    Math.abs(Math.log(head * sizes[cut]!) - Math.log(total / head / sizes[cut]!)) <
      Math.abs(Math.log(head) - Math.log(total / head))
  )
    head *= sizes[cut++]!;
  const tailSize = total / head;
  if (head > limit || tailSize > limit) return undefined;
  const headGroups = groups.slice(0, cut);
  const tailGroups = groups.slice(cut);
  // Ranges of the tail half, then the heads that ranges leave undecided (built with pruning), the
  // tails undecided against those heads' range, and a search over what is left.
  const tailRange = rangeOf(tailGroups, D);
  const heads = prunedSums(headGroups, need, tailRange.lo, tailRange.hi);
  let settled = heads.accepted * tailSize;
  if (heads.kept.length === 0) return settled;
  const headRange = {
    lo: new Float64Array(D).fill(Number.POSITIVE_INFINITY),
    hi: new Float64Array(D).fill(Number.NEGATIVE_INFINITY),
  };
  for (let i = 0; i < heads.kept.length; i += D)
    for (let d = 0; d < D; d++) {
      const v = heads.kept[i + d]!;
      if (v < headRange.lo[d]!) headRange.lo[d] = v;
      if (v > headRange.hi[d]!) headRange.hi[d] = v;
    }
  const tails = prunedSums(tailGroups, need, headRange.lo, headRange.hi);
  settled += tails.accepted * (heads.kept.length / D);
  if (tails.kept.length === 0) return settled;
  const rest = countPairs(heads.kept, tails.kept, need);
  return rest === undefined ? undefined : settled + rest;
});

/** Least and largest sum of some groups' options, per acceptor. */
// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
const rangeOf = (function rangeOf(groups: readonly IssueGroup[], D: number): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(D);
  const hi = new Float64Array(D);
  for (const g of groups)
    for (let d = 0; d < D; d++) {
      let a = Number.POSITIVE_INFINITY;
      let b = Number.NEGATIVE_INFINITY;
      for (let o = 0; o < g.options.size; o++) {
        const v = g.options.values[o * D + d]!;
        if (v < a) a = v;
        if (v > b) b = v;
      }
      lo[d] = lo[d]! + a;
      hi[d] = hi[d]! + b;
    }
  return { lo, hi };
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The sums of every combination of `groups` (as {@link combinationSums}, same order of summation)
 * that ranges leave undecided against a half whose sums lie in [otherLo, otherHi]: a partial
 * combination whose least completion with the least other half clears every threshold by more
 * than {@link ORDER_MARGIN} is settled as accepted with all its completions (`accepted` counts
 * them), one that misses some threshold by more than that with the largest is dropped, both as
 * early as they are decided; `kept` holds the rest, packed.
 */
const prunedSums = (function prunedSums(
  groups: readonly IssueGroup[],
  need: Float64Array,
  otherLo: Float64Array,
  otherHi: Float64Array,
): { kept: Float64Array; accepted: number } {
  const D = need.length;
  const K = groups.length;
  // Slack of the bounds after group k: the least / largest of the groups after k, plus the other half's, minus need.
  const lo: Float64Array[] = [];
  const hi: Float64Array[] = [];
  const completions: number[] = [];
  for (let k = 0; k < K; k++) {
    const r = rangeOf(groups.slice(k + 1), D);
    lo.push(Float64Array.from(r.lo, (x, d) => x + otherLo[d]! - need[d]!));
    hi.push(Float64Array.from(r.hi, (x, d) => x + otherHi[d]! - need[d]!));
    completions.push(groups.slice(k + 1).reduce((p, g) => p * g.options.size, 1));
  }
  let sums = new Float64Array(D);
  let n = 1;
  let accepted = 0;
  for (let k = 0; k < K; k++) {
    const g = groups[k]!.options;
    const v = g.values;
    const size = g.size;
    const next = new Float64Array(n * size * D);
    const l = lo[k]!;
    const h = hi[k]!;
    let kept = 0;
    let all = 0;
    if (D === 2) {
      // The loop below for two acceptors, unrolled (the common case; same sums, same decisions).
      const [l0, l1] = [l[0]!, l[1]!];
      const [h0, h1] = [h[0]!, h[1]!];
      for (let a = 0; a < 2 * n; a += 2) {
        const p0 = sums[a]!;
        const p1 = sums[a + 1]!;
        for (let o = 0; o < 2 * size; o += 2) {
          const s0 = p0 + v[o]!;
          const s1 = p1 + v[o + 1]!;
          if (s0 + h0 < -ORDER_MARGIN || s1 + h1 < -ORDER_MARGIN) continue;
          if (s0 + l0 > ORDER_MARGIN && s1 + l1 > ORDER_MARGIN) all++;
          else {
            next[2 * kept] = s0;
            next[2 * kept + 1] = s1;
            kept++;
          }
        }
      }
    } else
      for (let a = 0; a < n; a++)
        for (let o = 0; o < size; o++) {
          let accepts = true;
          let none = false;
          for (let d = 0; d < D; d++) {
            const s = sums[a * D + d]! + v[o * D + d]!;
            next[kept * D + d] = s;
            if (s + h[d]! < -ORDER_MARGIN) none = true;
            if (!(s + l[d]! > ORDER_MARGIN)) accepts = false;
          }
          if (none) continue;
          if (accepts) all++;
          else kept++;
        }
    accepted += all * completions[k]!;
    sums = next.subarray(0, kept * D);
    n = kept;
    if (n === 0) break;
  }
  return { kept: sums, accepted };
});

/**
 * The number of (head, tail) pairs meeting `need`, or `undefined` when a pair's sum lies so close
 * to a threshold that the order of summation could decide it and the count a hair below and above
 * every threshold differ (see {@link meetInTheMiddleCount}).
 */
function countPairs(head: Float64Array, tail: Float64Array, need: Float64Array): number | undefined {
  if (need.length === 2) {
    const n = countPairsOfTwo(head, tail, need);
    if (n >= 0) return n;
  } else if (need.length === 3 && tail.length / 3 <= BITSET_TAILS) {
    const n = countPairsOfThree(head, tail, need);
    if (n >= 0) return n;
  } else {
    const ev = events(head, tail, need);
    if (!nearThreshold(ev)) return countEvents(ev);
  }
  // Some head + tail sum comes within the margin of a threshold on one acceptor: count a hair
  // below and above every threshold; equal counts mean no bundle that counts lies in the band.
  const a = countDominating(
    head,
    tail,
    need.map((x) => x - ORDER_MARGIN),
  );
  const b = countDominating(
    head,
    tail,
    need.map((x) => x + ORDER_MARGIN),
  );
  return a === b ? a : undefined;
}

/** Most points on the sorted side for which the pairs below both thresholds are counted by {@link belowBothByScan}. */
const FEW_BELOW_BOTH = 128;

/**
 * The (a, b) pairs, a of `few` and b of `other` (packed pairs), below both thresholds: a < need - b
 * on each coordinate. `few` is sorted by its first coordinate (an insertion sort of a copy), then
 * each b scans the prefix below its first threshold and counts the points below its second.
 */
function belowBothByScan(few: Float64Array, other: Float64Array, need: Float64Array): number {
  const p = few.slice();
  for (let i = 2; i < p.length; i += 2) {
    const x = p[i]!;
    const y = p[i + 1]!;
    let j = i - 2;
    for (; j >= 0 && p[j]! > x; j -= 2) {
      p[j + 2] = p[j]!;
      p[j + 3] = p[j + 1]!;
    }
    p[j + 2] = x;
    p[j + 3] = y;
  }
  let n = 0;
  for (let i = 0; i < other.length; i += 2) {
    const x = need[0]! - other[i]!;
    const y = need[1]! - other[i + 1]!;
    for (let j = 0; j < p.length && p[j]! < x; j += 2) if (p[j + 1]! < y) n++;
  }
  return n;
}

/**
 * {@link countPairs} for three acceptors and at most {@link BITSET_TAILS} tails, or -1 when some
 * head + tail sum lies within {@link ORDER_MARGIN} of a threshold. Each acceptor's tail values are
 * sorted once (with their indices), each head's query `need - head` finds by its bucket how many
 * tails clear it there (and whether one is near), and the bitset count takes it from there: no
 * merged order of tails and queries, no dense ranks.
 */
function countPairsOfThree(head: Float64Array, tail: Float64Array, need: Float64Array): number {
  const D = 3;
  const T = tail.length / D;
  const H = head.length / D;
  const orders: Int32Array[] = [];
  const len = new Int32Array(H * D);
  const values = new Float64Array(T);
  for (let d = 0; d < D; d++) {
    for (let j = 0; j < T; j++) values[j] = tail[j * D + d]!;
    const keys = new SortedKeys(values, true);
    orders.push(keys.order!);
    const n = need[d]!;
    for (let i = 0; i < H; i++) {
      const p = keys.atLeastApart(n - head[i * D + d]!);
      if (p < 0) return -1;
      len[i * D + d] = p;
    }
  }
  return countByBitsets(orders, len, T, undefined);
}

/**
 * Two acceptors: the (head, tail) pairs meeting both thresholds, by inclusion and exclusion: all
 * pairs, less those below the first threshold and those below the second (per coordinate, the
 * values of the smaller half that fall below it with the larger half's least value, sorted, and
 * each point of the larger half located among them: every pair is checked for a sum near a
 * threshold on the way), plus those below both, counted by `pairCounter` over the few points of
 * each half that are below both thresholds with the least values of the other half's such points
 * (those of `small` against all of `large`, those of `large` against these, then those of `small`
 * again against those of `large`). -1 when some pair's sum lies near a threshold.
 */
function countPairsOfTwo(head: Float64Array, tail: Float64Array, need: Float64Array): number {
  // The smaller half is sorted, the larger asks: h + t >= need is t >= need - h, and h >= need - t;
  // away from the margin (checked on every pair) both read the same.
  const [small, large] = head.length < tail.length ? [head, tail] : [tail, head];
  const n0 = need[0]!;
  const n1 = need[1]!;
  const leastOf = (points: Float64Array): [number, number] => {
    let a = Number.POSITIVE_INFINITY;
    let b = Number.POSITIVE_INFINITY;
    for (let i = 0; i < points.length; i += 2) {
      if (points[i]! < a) a = points[i]!;
      if (points[i + 1]! < b) b = points[i + 1]!;
    }
    return [a, b];
  };
  // A value of `small` above these lies above every threshold need - l by more than the margin.
  const [l0, l1] = leastOf(large);
  const t0 = n0 - l0;
  const t1 = n1 - l1;
  const c0 = new Float64Array(small.length / 2);
  const c1 = new Float64Array(small.length / 2);
  const bothSmall = new Float64Array(small.length);
  let k0 = 0;
  let k1 = 0;
  let kb = 0;
  for (let i = 0; i < small.length; i += 2) {
    const x = small[i]!;
    const y = small[i + 1]!;
    if (x - t0 <= ORDER_MARGIN) c0[k0++] = x;
    if (y - t1 <= ORDER_MARGIN) c1[k1++] = y;
    if (x < t0 && y < t1) {
      bothSmall[kb++] = x;
      bothSmall[kb++] = y;
    }
  }
  const s0 = new SortedKeys(c0.subarray(0, k0));
  const s1 = new SortedKeys(c1.subarray(0, k1));
  const floor0 = k0 > 0 ? s0.sorted[k0 - 1]! - ORDER_MARGIN : Number.POSITIVE_INFINITY;
  const floor1 = k1 > 0 ? s1.sorted[k1 - 1]! - ORDER_MARGIN : Number.POSITIVE_INFINITY;
  // A point of `large` below both thresholds with some point of `small` is so with the least
  // values of `small`'s such points.
  const [m0, m1] = leastOf(bothSmall.subarray(0, kb));
  const u0 = n0 - m0;
  const u1 = n1 - m1;
  const bothLarge = kb > 0 ? new Float64Array(large.length) : new Float64Array(0);
  let below = 0;
  let kl = 0;
  for (let i = 0; i < large.length; i += 2) {
    const x = large[i]!;
    const y = large[i + 1]!;
    // A threshold more than the margin below every candidate value counts none of them: skipped.
    if (n0 - x >= floor0) {
      const p = s0.atLeastApart(n0 - x);
      if (p < 0) return -1;
      below += k0 - p;
    }
    if (n1 - y >= floor1) {
      const p = s1.atLeastApart(n1 - y);
      if (p < 0) return -1;
      below += k1 - p;
    }
    if (kb > 0 && x < u0 && y < u1) {
      bothLarge[kl++] = x;
      bothLarge[kl++] = y;
    }
  }
  let both = 0;
  if (kb > 0 && kl > 0) {
    // And back: `small`'s points below both with the least values of those of `large`.
    const [a0, a1] = leastOf(bothLarge.subarray(0, kl));
    let k = 0;
    for (let i = 0; i < kb; i += 2)
      if (bothSmall[i]! < n0 - a0 && bothSmall[i + 1]! < n1 - a1) {
        bothSmall[k++] = bothSmall[i]!;
        bothSmall[k++] = bothSmall[i + 1]!;
      }
    // Below both: s < need - l on each coordinate, i.e. -s >= l - need (no pair is near, so no tie).
    const a = bothSmall.subarray(0, k);
    const b = bothLarge.subarray(0, kl);
    const [sorted, asked] = k <= kl ? [a, b] : [b, a];
    const q = asked.length / 2;
    if (sorted.length <= 2 * FEW_BELOW_BOTH) both = belowBothByScan(sorted, asked, need);
    else {
      const queries = new Float64Array(2 * q);
      for (let i = 0; i < 2 * q; i++) queries[i] = asked[i]! - need[i & 1]!;
      both = pairCounter(sorted.map((x) => -x))(queries, q);
    }
  }
  return (small.length / 2) * (large.length / 2) - below + both;
}
