/**
 * Bottom-up merge sort of indices by their keys, on typed arrays (no comparator calls): sorts
 * `from[0..m)`, indices into `key` read at `key[base + index]`, starting from runs of `width`
 * already in order (1 when nothing is known), ascending when `sign` is 1 and descending when it is
 * -1 (the keys negated, which is exact). Stable: equal keys keep their order in `from`. `to` is
 * scratch of at least `m` entries; returns whichever of `from` and `to` holds the result.
 *
 * @example
 * ```ts
 * import { mergeSortIndices } from "./mergeSortIndices.js";
 * const key = Float64Array.of(0.3, 0.1, 0.3, 0.2);
 * const sorted = mergeSortIndices(Int32Array.of(0, 1, 2, 3), new Int32Array(4), 4, 1, key, 0, -1);
 * [...sorted]; // [0, 2, 3, 1]: descending, the tie 0, 2 in its first order
 * ```
 */
export function mergeSortIndices(
  from: Int32Array,
  to: Int32Array,
  m: number,
  width: number,
  key: Float64Array,
  base: number,
  sign: 1 | -1,
): Int32Array {
  for (; width < m; width *= 2) {
    for (let lo = 0; lo < m; lo += 2 * width) {
      const mid = Math.min(lo + width, m);
      const hi = Math.min(lo + 2 * width, m);
      let x = lo;
      let y = mid;
      let out = lo;
      while (x < mid && y < hi)
        to[out++] = sign * key[base + from[y]!]! < sign * key[base + from[x]!]! ? from[y++]! : from[x++]!;
      while (x < mid) to[out++] = from[x++]!;
      while (y < hi) to[out++] = from[y++]!;
    }
    const t = from;
    from = to;
    to = t;
  }
  return from;
}
