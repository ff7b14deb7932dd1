import type { CompiledScenario } from "../model/compile.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { OutcomeSpace } from "./outcomeSpace.js";

/**
 * Searches ({@link OutcomeSpace.nearAbove}, `maxAccepted`, `minAccepted`, `best`) a split space
 * answers itself before it hands them to the full space's sorted own orders: past this many, the
 * space is shared by enough runs that sorting every bundle once costs less than searching the halves.
 *
 * @example
 * ```ts
 * import { SPLIT_SEARCH_LIMIT, splitSpace } from "./splitSpace.js";
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const s = splitSpace(c, () => outcomeSpace(c));
 * for (let k = 0; k < SPLIT_SEARCH_LIMIT; k++) s.best(0); // answered from the halves
 * s.best(0); // 0: bill's best bundle, now from outcomeSpace(c).own[0][0]
 * ```
 */
export const SPLIT_SEARCH_LIMIT = 512;

/**
 * True when a scenario's outcome space can be split ({@link splitSpace}): at least two issues,
 * every combination feasible (no constraints), utilities additive (no interaction terms) and
 * every party accepting exactly the bundles at its reservation (no red lines, no ratification).
 *
 * @example
 * ```ts
 * import { splitEligible } from "./splitSpace.js";
 * splitEligible(compileScenario(builtinScenario("nash-1950"))); // true
 * ```
 */
export function splitEligible(c: CompiledScenario): boolean {
  if (c.issueIds.length < 2 || c.constraints.length > 0 || c.hasInteractions) return false;
  for (let p = 0; p < c.partyIds.length; p++) {
    if (c.interactions[p]!.length > 0 || c.ratification[p]!.agents.length > 0) return false;
    if (c.redLine[p]!.some((row) => row.includes(1))) return false;
  }
  return true;
}

/** Mixed-radix rows (last issue fastest) of the issues from `from` to `to` (exclusive). */
function halfRows(sizes: readonly number[], from: number, to: number): { rows: Int32Array; count: number } {
  const w = to - from;
  let count = 1;
  for (let i = from; i < to; i++) count *= sizes[i]!;
  const rows = new Int32Array(count * w);
  for (let r = 1; r < count; r++) {
    for (let j = 0; j < w; j++) rows[r * w + j] = rows[(r - 1) * w + j]!;
    for (let j = w - 1; j >= 0; j--) {
      if (++rows[r * w + j]! < sizes[from + j]!) break;
      rows[r * w + j] = 0;
    }
  }
  return { rows, count };
}

/**
 * A meet-in-the-middle outcome space for a scenario that {@link splitEligible} accepts: the agenda
 * split into two halves (issues before and from `h`), with each half's partial bundles and each
 * party's partial utilities tabulated (about 2 x sqrt(n) rows instead of n). Bundle k is partial
 * bundle `floor(k / nB)` of the first half with partial bundle `k mod nB` of the second: the walk
 * order of the full space, so bundle indices are the same. A utility is the first half's partial
 * sum plus the second half's contributions added one by one, the walk's order of additions, so
 * utilities are bit for bit those of the full space. A party's own-order searches run on its
 * second half sorted by partial utility (built on first use): a heap over the first half's rows
 * gives bundles in rising approximate utility (within `delta` of the exact sums), enough of them
 * are taken to cover every near-tie, and those are ordered exactly (utility, then canonical
 * order, as `own[p]`). After {@link SPLIT_SEARCH_LIMIT} searches, and for every array field
 * (`bundles`, `utility`, `own`, ...), the full space is built (by `full`, once) and used.
 *
 * @example
 * ```ts
 * import { splitSpace } from "./splitSpace.js";
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const s = splitSpace(c, () => outcomeSpace(c));
 * s.maxAccepted(0); // 0.9999999999999982, as outcomeSpace(c).ownUtility[0][0]
 * ```
 */
export function splitSpace(c: CompiledScenario, full: () => OutcomeSpace): OutcomeSpace {
  const I = c.issueIds.length;
  const P = c.partyIds.length;
  const sizes = c.sizes;
  const n = Number(c.combinations);
  // Split point: the halves' row counts as even as possible (the larger one smallest).
  let h = 1;
  let bestLarger = Number.POSITIVE_INFINITY;
  for (let t = 1, prefix = 1; t < I; t++) {
    prefix *= sizes[t - 1]!;
    const larger = Math.max(prefix, n / prefix);
    if (larger < bestLarger) {
      bestLarger = larger;
      h = t;
    }
  }
  const IB = I - h;
  const A = halfRows(sizes, 0, h);
  const B = halfRows(sizes, h, I);
  const nA = A.count;
  const nB = B.count;
  const rowsA = A.rows;
  const rowsB = B.rows;
  // Per party: the first half's partial utilities (exact: the walk's first h additions), the
  // second half's (for searching only), the second half's contributions flattened, the acceptance
  // bar and the search margin delta (bounds |exact - (SA + SB)|, with room to spare).
  const SA: Float64Array[] = [];
  const SB: Float64Array[] = [];
  const CB: Float64Array[] = [];
  const bar = new Float64Array(P);
  const delta = new Float64Array(P);
  const offsetB = new Int32Array(IB);
  for (let j = 1; j < IB; j++) offsetB[j] = offsetB[j - 1]! + sizes[h + j - 1]!;
  for (let p = 0; p < P; p++) {
    const contrib = c.contrib[p]!;
    const sa = new Float64Array(nA);
    for (let a = 0; a < nA; a++) {
      let u = 0;
      for (let i = 0; i < h; i++) u += contrib[i]![rowsA[a * h + i]!]!;
      sa[a] = u;
    }
    const cb = new Float64Array(offsetB[IB - 1]! + sizes[I - 1]!);
    for (let j = 0; j < IB; j++) cb.set(contrib[h + j]!, offsetB[j]!);
    const sb = new Float64Array(nB);
    for (let b = 0; b < nB; b++) {
      let u = 0;
      for (let j = 0; j < IB; j++) u += cb[offsetB[j]! + rowsB[b * IB + j]!]!;
      sb[b] = u;
    }
    let magnitude = 0;
    for (let i = 0; i < I; i++) {
      let m = 0;
      for (const x of contrib[i]!) m = Math.max(m, Math.abs(x));
      magnitude += m;
    }
    SA.push(sa);
    SB.push(sb);
    CB.push(cb);
    bar[p] = c.reservation[p]! - UTILITY_TOLERANCE;
    delta[p] = 4 * (I + 2) * Number.EPSILON * magnitude;
  }

  /** Exact utility of (a, b) to party p: the first half's sum, then the second half's contributions one by one. */
  const exact = (p: number, a: number, b: number): number => {
    const cb = CB[p]!;
    let u = SA[p]![a]!;
    for (let j = 0; j < IB; j++) u += cb[offsetB[j]! + rowsB[b * IB + j]!]!;
    return u;
  };
  const utilityOf = (k: number, p: number): number => {
    const a = (k / nB) | 0;
    return exact(p, a, k - a * nB);
  };
  const option = (k: number, i: number): number => {
    const a = (k / nB) | 0;
    return i < h ? rowsA[a * h + i]! : rowsB[(k - a * nB) * IB + i - h]!;
  };
  /** Position of bundle k in canonical order (the tie-break of own orders). */
  const canonical = (k: number): number => {
    let x = 0;
    for (const i of c.canonicalIssueOrder) x = x * sizes[i]! + c.optionRank[i]![option(k, i)]!;
    return x;
  };

  // Per party, built on its first search: each half sorted by partial utility (ascending).
  const sortedA: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(P).fill(undefined);
  const sortedB: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(P).fill(undefined);
  const sortedU: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(P).fill(undefined);
  /** Indices of `values` by rising value: a bottom-up merge sort of indices (no comparator calls). */
  const ascending = (values: Float64Array): Int32Array => {
    const m = values.length;
    let from = new Int32Array(m);
    let to = new Int32Array(m);
    for (let j = 0; j < m; j++) from[j] = j;
    for (let width = 1; width < m; width *= 2) {
      for (let lo = 0; lo < m; lo += 2 * width) {
        const mid = Math.min(lo + width, m);
        const hi = Math.min(lo + 2 * width, m);
        let x = lo;
        let y = mid;
        let out = lo;
        while (x < mid && y < hi) to[out++] = values[from[y]!]! < values[from[x]!]! ? from[y++]! : from[x++]!;
        while (x < mid) to[out++] = from[x++]!;
        while (y < hi) to[out++] = from[y++]!;
      }
      const t = from;
      from = to;
      to = t;
    }
    return from;
  };
  const sorted = (p: number): void => {
    if (sortedB[p]) return;
    const sb = SB[p]!;
    const order = ascending(sb);
    const values = new Float64Array(nB);
    for (let j = 0; j < nB; j++) values[j] = sb[order[j]!]!;
    sortedA[p] = ascending(SA[p]!);
    sortedB[p] = order;
    sortedU[p] = values;
  };
  // Heap over first-half rows (key: SA[a] + the next second-half value of row a), and the kept candidates.
  const heapKey = new Float64Array(nA);
  const heapA = new Int32Array(nA);
  const next = new Int32Array(nA);
  const keptK: number[] = [];
  const keptU: number[] = [];
  const siftDown = (from: number, size: number): void => {
    const key = heapKey[from]!;
    const a = heapA[from]!;
    let i = from;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heapKey[child + 1]! < heapKey[child]!) child++;
      if (heapKey[child]! >= key) break;
      heapKey[i] = heapKey[child]!;
      heapA[i] = heapA[child]!;
      i = child;
    }
    heapKey[i] = key;
    heapA[i] = a;
  };
  /**
   * Party p's bundles with utility >= lower, rising (ties: canonical order descending), into
   * keptK/keptU: at least the first `limit` of them with everything tied with the first or with
   * the limit-th, or with utility up to max(first, top). Returns how many.
   */
  const gather = (p: number, lower: number, top: number, limit: number): number => {
    sorted(p);
    const order = sortedB[p]!;
    const values = sortedU[p]!;
    const sa = SA[p]!;
    const d = delta[p]!;
    // Each row's first second-half position with a sum that may reach `lower`: rows by rising
    // partial utility, so that position only moves left (one pass over each half). Then heapify.
    const rowsUp = sortedA[p]!;
    let size = 0;
    let at = nB;
    for (let r = 0; r < nA; r++) {
      const a = rowsUp[r]!;
      const x = lower - 2 * d - sa[a]!;
      if (r === 0) {
        let lo = 0;
        while (lo < at) {
          const mid = (lo + at) >> 1;
          if (values[mid]! < x) lo = mid + 1;
          else at = mid;
        }
      } else while (at > 0 && values[at - 1]! >= x) at--;
      if (at === nB) continue;
      next[a] = at;
      heapKey[size] = sa[a]! + values[at]!;
      heapA[size++] = a;
    }
    for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i, size);
    let kept = 0;
    let firstKey = 0;
    let limitKey = Number.POSITIVE_INFINITY;
    while (size > 0) {
      const key = heapKey[0]!;
      // Every bundle left has exact utility >= key - d: stop once that is past all that can be output.
      if (kept > 0 && key - d > Math.min(limitKey + d, Math.max(firstKey + d, top))) break;
      const a = heapA[0]!;
      const j = next[a]!;
      const b = order[j]!;
      const u = exact(p, a, b);
      if (u >= lower) {
        keptK[kept] = a * nB + b;
        keptU[kept] = u;
        if (kept === 0) firstKey = key;
        kept++;
        if (kept === limit) limitKey = key;
      }
      if (j + 1 < nB) {
        next[a] = j + 1;
        heapKey[0] = sa[a]! + values[j + 1]!;
      } else {
        size--;
        heapKey[0] = heapKey[size]!;
        heapA[0] = heapA[size]!;
      }
      if (size > 0) siftDown(0, size);
    }
    // Exact order: utility ascending, ties in canonical order descending (own[p] read backwards).
    for (let j = 1; j < kept; j++) {
      const k = keptK[j]!;
      const u = keptU[j]!;
      let i = j;
      while (i > 0 && (keptU[i - 1]! > u || (keptU[i - 1] === u && canonical(keptK[i - 1]!) < canonical(k)))) {
        keptK[i] = keptK[i - 1]!;
        keptU[i] = keptU[i - 1]!;
        i--;
      }
      keptK[i] = k;
      keptU[i] = u;
    }
    return kept;
  };

  // Per party: best bundle (canonical first among the highest utility), its utility and the lowest
  // accepted utility; NaN / -1 when the party accepts nothing.
  const maxU = new Float64Array(P).fill(Number.NaN);
  const minU = new Float64Array(P).fill(Number.NaN);
  const bestK = new Int32Array(P).fill(-2);
  const top = (p: number): void => {
    if (bestK[p] !== -2) return;
    sorted(p);
    const order = sortedB[p]!;
    const values = sortedU[p]!;
    const sa = SA[p]!;
    const d = delta[p]!;
    let maxA = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < nA; a++) maxA = Math.max(maxA, sa[a]!);
    const maxB = values[nB - 1]!;
    const threshold = maxA + maxB - 3 * d;
    let best = -1;
    let bestU = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < nA; a++) {
      if (sa[a]! + maxB < threshold) continue;
      for (let j = nB - 1; j >= 0 && sa[a]! + values[j]! >= threshold; j--) {
        const k = a * nB + order[j]!;
        const u = exact(p, a, order[j]!);
        if (u > bestU || (u === bestU && canonical(k) < canonical(best))) {
          best = k;
          bestU = u;
        }
      }
    }
    if (!(bestU >= bar[p]!)) {
      bestK[p] = -1;
      return;
    }
    bestK[p] = best;
    maxU[p] = bestU;
    gather(p, bar[p]!, Number.NEGATIVE_INFINITY, 1);
    minU[p] = keptU[0]!;
  };

  const accepts = (k: number, p: number): boolean => utilityOf(k, p) >= bar[p]!;
  let searches = 0;
  /** After SPLIT_SEARCH_LIMIT searches, hands the searches to the full space (identical answers). */
  const counted = (): boolean => {
    if (++searches <= SPLIT_SEARCH_LIMIT) return false;
    const f = full();
    space.best = f.best;
    space.maxAccepted = f.maxAccepted;
    space.minAccepted = f.minAccepted;
    space.nearAbove = f.nearAbove;
    return true;
  };
  type Mutable = { -readonly [K in keyof OutcomeSpace]: OutcomeSpace[K] };
  const space: Mutable = {
    compiled: c,
    size: n,
    issues: I,
    parties: P,
    get bundles() {
      return full().bundles;
    },
    get utility() {
      return full().utility;
    },
    get acceptable() {
      return full().acceptable;
    },
    get allAccept() {
      return full().allAccept;
    },
    get own() {
      return full().own;
    },
    get ownUtility() {
      return full().ownUtility;
    },
    row(k) {
      const out = new Int32Array(I);
      for (let i = 0; i < I; i++) out[i] = option(k, i);
      return out;
    },
    find(bundle) {
      let k = 0;
      for (let i = 0; i < I; i++) {
        const o = bundle[i]!;
        if (!(o >= 0 && o < sizes[i]!)) return -1;
        k = k * sizes[i]! + o;
      }
      return k;
    },
    frontier: () => full().frontier(),
    nash: () => full().nash(),
    utilityOf,
    accepts,
    acceptedByAll(k) {
      for (let p = 0; p < P; p++) if (!accepts(k, p)) return false;
      return true;
    },
    option,
    best(p) {
      if (counted()) return space.best(p);
      top(p);
      return bestK[p]!;
    },
    maxAccepted(p) {
      if (counted()) return space.maxAccepted(p);
      top(p);
      return maxU[p]!;
    },
    minAccepted(p) {
      if (counted()) return space.minAccepted(p);
      top(p);
      return minU[p]!;
    },
    nearAbove(p, target, ceiling, limit, out) {
      if (counted()) return space.nearAbove(p, target, ceiling, limit, out);
      top(p);
      if (bestK[p] === -1) return 0;
      const L = target - UTILITY_TOLERANCE;
      if (maxU[p]! < L) {
        out[0] = bestK[p]!;
        return 1;
      }
      const kept = gather(p, Math.max(L, bar[p]!), ceiling, limit);
      out[0] = keptK[0]!;
      let m = 1;
      for (let j = 1; j < kept && m < limit && keptU[j]! <= ceiling; j++) out[m++] = keptK[j]!;
      return m;
    },
  };
  return space;
}
