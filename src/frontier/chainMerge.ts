import { PointStore } from "../enumeration/pointStore.js";

/**
 * The options of a group laid out as a monotone chain: `order[t]` is the option (row of the
 * group's store) at step t, and along the steps every coordinate d moves one way only,
 * nondecreasing when `up[d]` is 1, nonincreasing when 0. A numeric issue whose value for every
 * party rises or falls with the number (an army cap, a sum of money) is one, as is any group of two
 * options, or any reduced group when there are two coordinates.
 *
 * @example
 * ```ts
 * import { PointStore } from "../enumeration/pointStore.js";
 * import { monotoneChain } from "./chainMerge.js";
 * const g = new PointStore(2, 1);
 * for (let k = 0; k < 3; k++) g.add();
 * g.values.set([0.2, 0.8, 0, 1, 0.5, 0.5]); // (0.2, 0.8), (0, 1), (0.5, 0.5)
 * const chain = monotoneChain(g)!;
 * [...chain.order]; // [1, 0, 2]: the first coordinate rises, the second falls
 * [...chain.up]; // [1, 0]
 * ```
 */
export interface MonotoneChain {
  readonly order: Int32Array;
  readonly up: Uint8Array;
}

/**
 * Orders the options of a group by increasing coordinates (lexicographically, then by row) and
 * returns that order when every coordinate is monotone along it, or null when some coordinate
 * goes up and down (the group is then not a chain in this order).
 *
 * @example
 * ```ts
 * import { PointStore } from "../enumeration/pointStore.js";
 * import { monotoneChain } from "./chainMerge.js";
 * const g = new PointStore(3, 1);
 * for (let k = 0; k < 3; k++) g.add();
 * g.values.set([0, 1, 0, 1, 0, 0, 2, 1, 1]); // the second coordinate falls then rises
 * monotoneChain(g); // null
 * ```
 */
export function monotoneChain(G: PointStore): MonotoneChain | null {
  const D = G.dims;
  const v = G.values;
  const order = Int32Array.from({ length: G.size }, (_, i) => i).sort((a, b) => {
    for (let d = 0; d < D; d++) {
      const x = v[a * D + d]! - v[b * D + d]!;
      if (x !== 0) return x;
    }
    return a - b;
  });
  const up = new Uint8Array(D);
  for (let d = 0; d < D; d++) {
    let rises = false;
    let falls = false;
    for (let t = 1; t < order.length; t++) {
      const x = v[order[t]! * D + d]!;
      const y = v[order[t - 1]! * D + d]!;
      if (x > y) rises = true;
      else if (x < y) falls = true;
    }
    if (rises && falls) return null;
    up[d] = falls ? 0 : 1;
  }
  return { order, up };
}

/** Steps of r2 compared step by step once an interval of them is this short. */
const LEAF_STEPS = 32;

/**
 * What {@link mergeChain} needs besides the two point sets.
 *
 * @example
 * ```ts
 * import type { ChainMergeSpace } from "./chainMerge.js";
 * // Two parties, the group fixes issue 1, nothing left to add after it, no reservation to reach;
 * // equal points keep the candidate from the lower row of R, then the lower row of the group.
 * const space: ChainMergeSpace = {
 *   issues: [1],
 *   rest: new Float64Array(2),
 *   need: Float64Array.of(0, 0),
 *   gainDims: 2,
 *   compare: (r, o, r2, o2) => r - r2 || o - o2,
 * };
 * space.compare(0, 1, 0, 0) > 0; // true: (row 0, option 1) comes after (row 0, option 0)
 * ```
 */
export interface ChainMergeSpace {
  /** Issues fixed by the group (their option indices come from the group's rows). */
  readonly issues: readonly number[];
  /** The most the groups after this one can add to each coordinate. */
  readonly rest: Float64Array;
  /** Reservation of each coordinate (a candidate must reach it with `rest` added). */
  readonly need: Float64Array;
  /** Coordinates below this are parties (a dominating point must gain on one of them). */
  readonly gainDims: number;
  /**
   * Canonical order of the bundles of candidates (r, o) and (r2, o2), r a row of R and o a row of
   * the group: negative when the first comes first. Decides which of two equal points stays.
   */
  readonly compare: (r: number, o: number, r2: number, o2: number) => number;
  /** Called with the number of points held, as the output grows (a memory budget may throw). */
  readonly limit?: (held: number) => void;
  /** Called now and then with the number of candidate sums examined. */
  readonly tick?: (candidates: number) => void;
}

/**
 * One merge of the decomposed frontier with a group whose options form a {@link MonotoneChain}:
 * the skyline of the candidate sums r + g (r a point of R, g an option, both sums as floats
 * exactly as the generic merge forms them) that can still reach every reservation, with the same
 * dominance (exact, a gain on a party coordinate) and the same representative of equal points
 * (the canonically first), in decreasing order of coordinate 0 (ties by row of R, then step).
 *
 * No candidate sum is compared with all others: r' + g(t') is dominated by some r + g(t) only if
 * r can reach r' on every coordinate with the chain's range (a partner of r'), and for a partner r
 * the steps t at which r + g(t) is at least r' + g(t') on every coordinate form an interval
 * [L, H]: L is where the rising coordinates catch up, H where the falling ones drop behind. Float
 * addition is monotone, so with the sums rounded as the generic merge rounds them the interval is
 * exact, and both ends only move forward as t' grows: one pass of pointers per pair (r', r).
 * Cost O(|R| x partners x |G| x dims) instead of |R| x |G| cover queries against a k-d tree.
 *
 * @example
 * ```ts
 * import { PointStore } from "../enumeration/pointStore.js";
 * import { mergeChain, monotoneChain } from "./chainMerge.js";
 * const R = new PointStore(2, 2);
 * for (let k = 0; k < 2; k++) R.add();
 * R.values.set([1, 0, 0, 1]); // sorted by decreasing first coordinate
 * const G = new PointStore(2, 2);
 * for (let k = 0; k < 2; k++) G.add();
 * G.values.set([0.5, 0, 0, 0.5]);
 * G.bundles.set([0, 0, 0, 1]); // issue 1, options 0 and 1
 * const space = { issues: [1], rest: new Float64Array(2), need: Float64Array.of(0, 0), gainDims: 2, compare: () => 0 };
 * const { next } = mergeChain(R, G, monotoneChain(G)!, space);
 * [...next.values.subarray(0, 2 * next.size)]; // [1.5, 0, 1, 0.5, 0.5, 1, 0, 1.5]: none dominated
 * ```
 */
export function mergeChain(
  R: PointStore,
  G: PointStore,
  chain: MonotoneChain,
  space: ChainMergeSpace,
): { next: PointStore; candidates: number } {
  const D = R.dims;
  const I = R.width;
  const n = R.size;
  const T = chain.order.length;
  const { rest, need, gainDims, compare, limit, tick } = space;
  const rv = R.values;
  // The chain's values, step by step.
  const g = new Float64Array(T * D);
  for (let t = 0; t < T; t++) g.set(G.values.subarray(chain.order[t]! * D, (chain.order[t]! + 1) * D), t * D);
  const up = chain.up;
  const gHi = new Float64Array(D);
  const gLo = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    gHi[d] = up[d] ? g[(T - 1) * D + d]! : g[d]!;
    gLo[d] = up[d] ? g[d]! : g[(T - 1) * D + d]!;
  }
  const floor0 = need[0]! - rest[0]!;
  // Beyond this difference, y < x implies y + z < x + z as floats for any step value z.
  let big = 0;
  for (let k = 0; k < n * D; k++) big = Math.max(big, Math.abs(rv[k]!));
  for (let k = 0; k < T * D; k++) big = Math.max(big, Math.abs(g[k]!));
  const margin = 1e-12 * (4 * big + 1);
  // Steps [lo[r], hi[r]] of each r whose sums pass the filters of the generic merge: coordinate 0
  // at least floor0 (its heap) and every coordinate reaching the reservation with the rest added.
  // Each filter is monotone along the chain, so the steps that pass form an interval.
  const lo = new Int32Array(n);
  // Candidates of each r, cumulated: progress is reported as the rows of R are done.
  const upTo = new Float64Array(n);
  const hi = new Int32Array(n);
  let candidates = 0;
  for (let r = 0; r < n; r++) {
    let a = 0;
    let b = T - 1;
    for (let d = 0; d < D && a <= b; d++) {
      const x = rv[r * D + d]!;
      const pass = (t: number): boolean => {
        const s = x + g[t * D + d]!;
        return s + rest[d]! >= need[d]! && (d !== 0 || s >= floor0);
      };
      if (up[d]) {
        // First passing step in [a, b] (a suffix passes).
        let l = a;
        let h = b + 1;
        while (l < h) {
          const m = (l + h) >> 1;
          if (pass(m)) h = m;
          else l = m + 1;
        }
        a = l;
      } else {
        // Last passing step (a prefix passes).
        let l = a - 1;
        let h = b;
        while (l < h) {
          const m = (l + h + 1) >> 1;
          if (pass(m)) l = m;
          else h = m - 1;
        }
        b = l;
      }
    }
    lo[r] = a;
    hi[r] = b;
    // The generic merge counts every sum whose coordinate 0 reaches floor0.
    const x0 = rv[r * D]!;
    for (let t = 0; t < T; t++) if (x0 + g[t * D]! >= floor0) candidates++;
    upTo[r] = candidates;
  }

  // The pair being compared: r2's sums against r's, and how many of r2's steps are not yet dominated.
  let r = 0;
  let r2 = 0;
  let alive = 0;
  /** First step t in [lo, hi) with r + g(t) >= x on rising coordinate d (hi if none). */
  const firstUp = (d: number, x: number, from: number, to: number): number => {
    const y = rv[r * D + d]!;
    let l = from;
    let h = to;
    while (l < h) {
      const m = (l + h) >> 1;
      if (y + g[m * D + d]! >= x) h = m;
      else l = m + 1;
    }
    return l;
  };
  /** First step t in [lo, hi) with r + g(t) < x on falling coordinate d (hi if none). */
  const firstDown = (d: number, x: number, from: number, to: number): number => {
    const y = rv[r * D + d]!;
    let l = from;
    let h = to;
    while (l < h) {
      const m = (l + h) >> 1;
      if (y + g[m * D + d]! < x) h = m;
      else l = m + 1;
    }
    return l;
  };
  /**
   * Marks the steps t2 in [s, e] of r2 that r dominates, knowing that only steps t in [from, to)
   * of r can. The steps of r that reach r2's weakest sums over [s, e] (rising coordinates at s,
   * falling ones at e) are an interval; when it is empty, no step of [s, e] is dominated by r.
   */
  const visit = (s: number, e: number, from: number, to: number): void => {
    let L = from;
    let H1 = to;
    for (let d = 0; d < D && L < H1; d++) {
      if (up[d]) L = firstUp(d, rv[r2 * D + d]! + g[s * D + d]!, L, H1);
      else H1 = firstDown(d, rv[r2 * D + d]! + g[e * D + d]!, L, H1);
    }
    if (L >= H1) return;
    if (e - s >= LEAF_STEPS) {
      const m = (s + e) >> 1;
      visit(s, m, L, H1);
      if (alive > 0) visit(m + 1, e, L, H1);
      return;
    }
    pos.fill(L);
    for (let t2 = s; t2 <= e; t2++) {
      // The first step where every rising coordinate of r reaches r2's, and the first where some
      // falling coordinate drops below r2's (both only move forward as t2 grows).
      let lo2 = L;
      let hi2 = H1;
      for (let d = 0; d < D; d++) {
        const x = rv[r2 * D + d]! + g[t2 * D + d]!;
        X[d] = x;
        const y = rv[r * D + d]!;
        let p = pos[d]!;
        if (up[d]) {
          while (p < H1 && y + g[p * D + d]! < x) p++;
          if (p > lo2) lo2 = p;
        } else {
          while (p < H1 && y + g[p * D + d]! >= x) p++;
          if (p < hi2) hi2 = p;
        }
        pos[d] = p;
      }
      if (dominated[t2] || lo2 >= hi2) continue;
      for (let t = lo2; t < hi2; t++) {
        let gain = false;
        let equal = true;
        for (let d = 0; d < D; d++) {
          const sum = rv[r * D + d]! + g[t * D + d]!;
          if (sum !== X[d]!) {
            equal = false;
            if (d < gainDims) {
              gain = true;
              break;
            }
          }
        }
        if (gain || (equal && compare(r, chain.order[t]!, r2, chain.order[t2]!) < 0)) {
          dominated[t2] = 1;
          alive--;
          break;
        }
      }
    }
  };
  const survivorR: number[] = [];
  const survivorT: number[] = [];
  const dominated = new Uint8Array(T);
  const pos = new Int32Array(D);
  const X = new Float64Array(D);
  const partners = new Int32Array(n);
  const need0 = new Float64Array(D);
  for (let q = 0; q < n; q++) {
    if (tick !== undefined && (q & 63) === 63 && upTo[q]! < candidates) tick(upTo[q]!);
    const a = lo[q]!;
    const b = hi[q]!;
    if (a > b) continue;
    // Partners: the points r whose best sum reaches the worst sum of r2 on every coordinate.
    for (let d = 0; d < D; d++) need0[d] = rv[q * D + d]! + (up[d] ? g[a * D + d]! : g[b * D + d]!);
    let np = 0;
    for (let r = 0; r < n; r++) {
      let ok = true;
      let upShort = false;
      let downShort = false;
      for (let d = 0; d < D && ok; d++) {
        const y = rv[r * D + d]!;
        if (y + gHi[d]! < need0[d]!) ok = false;
        else if (rv[q * D + d]! - y > margin) {
          if (up[d]) upShort = true;
          else downShort = true;
        }
      }
      if (ok && !(upShort && downShort)) partners[np++] = r;
    }
    dominated.fill(0, a, b + 1);
    alive = b - a + 1;
    r2 = q;
    for (let k = 0; k < np && alive > 0; k++) {
      r = partners[k]!;
      visit(a, b, 0, T);
    }
    if (alive === 0) continue;
    for (let t2 = a; t2 <= b; t2++)
      if (!dominated[t2]) {
        survivorR.push(q);
        survivorT.push(t2);
      }
    limit?.(survivorR.length + n);
  }

  const m = survivorR.length;
  const key = new Float64Array(m);
  for (let k = 0; k < m; k++) key[k] = rv[survivorR[k]! * D]! + g[survivorT[k]! * D]!;
  const idx = Int32Array.from({ length: m }, (_, k) => k).sort(
    (i, j) => key[j]! - key[i]! || survivorR[i]! - survivorR[j]! || survivorT[i]! - survivorT[j]!,
  );
  const next = new PointStore(D, I, Math.max(64, m));
  const gb = G.bundles;
  const issues = space.issues;
  for (const k of idx) {
    const r = survivorR[k]!;
    const t = survivorT[k]!;
    const o = chain.order[t]!;
    const j = next.add();
    for (let d = 0; d < D; d++) next.values[j * D + d] = rv[r * D + d]! + g[t * D + d]!;
    next.bundles.set(R.bundles.subarray(r * I, (r + 1) * I), j * I);
    for (const i of issues) next.bundles[j * I + i] = gb[o * I + i]!;
  }
  return { next, candidates };
}
