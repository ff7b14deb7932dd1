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
