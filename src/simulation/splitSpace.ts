import { type CompiledScenario, isSharedTable } from "../model/compile.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { OutcomeSpace } from "./outcomeSpace.js";
import { mergeSortIndices } from "../enumeration/mergeSortIndices.js";
import { float64s, int32s } from "../model/slab.js";

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
 * every party accepting exactly the bundles at its reservation without a red-lined option (no
 * ratification).
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
  }
  return true;
}

/** Mixed-radix rows (last issue fastest) of the issues from `from` to `to` (exclusive). */
function halfRows(sizes: readonly number[], from: number, to: number): { rows: Int32Array; count: number } {
  const w = to - from;
  let count = 1;
  for (let i = from; i < to; i++) count *= sizes[i]!;
  const rows = int32s(count * w);
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
 * Indices of `values` by rising value, leaving out those where `skip` is 1 ({@link mergeSortIndices},
 * from the runs already in order when `last` is given).
 */
function ascending(values: Float64Array, skip: Uint8Array | undefined, last?: Float64Array): Int32Array {
  let m = 0;
  for (let j = 0; j < values.length; j++) if (!skip || skip[j] === 0) m++;
  if (sortFrom.length < m) {
    sortFrom = new Int32Array(m);
    sortTo = new Int32Array(m);
  }
  // Scratch (sorts run one at a time); only the result is copied out.
  const from = sortFrom;
  const width0 = skip || !last ? 1 : sortedRuns(values, last, from);
  if (width0 === 1) for (let j = 0, r = 0; j < values.length; j++) if (!skip || skip[j] === 0) from[r++] = j;
  const sorted = mergeSortIndices(from, sortTo, m, width0, values, 0, 1);
  const out = int32s(m);
  for (let j = 0; j < m; j++) out[j] = sorted[j]!;
  return out;
}

let sortFrom = new Int32Array(256);
let sortTo = new Int32Array(256);

/**
 * Fills `out` with the indices of `values` sorted within each run of `last.length` (the rows that
 * differ only in the half's last issue) and returns that run length, or 1 when a run is not in
 * order (then `out` is to be refilled). A row's value is its prefix's sum plus its last-issue
 * contribution, added last, and rounding is monotone, so a run taken in the order of `last` is
 * already in order; only rows with equal values are put back in index order (as the merge sort
 * would leave them). The merge passes then start from runs of `last.length`, not 1.
 */
function sortedRuns(values: Float64Array, last: Float64Array, out: Int32Array): number {
  const L = last.length;
  if (L < 2 || values.length % L !== 0) return 1;
  const perm = new Int32Array(L);
  for (let j = 1; j < L; j++) {
    const x = last[j]!;
    let i = j;
    while (i > 0 && last[perm[i - 1]!]! > x) {
      perm[i] = perm[i - 1]!;
      i--;
    }
    perm[i] = j;
  }
  for (let base = 0; base < values.length; base += L) {
    for (let j = 0; j < L; j++) {
      const k = base + perm[j]!;
      const v = values[k]!;
      let i = base + j;
      // Not in order (a NaN, say): leave it to the plain merge sort.
      if (i > base && !(values[out[i - 1]!]! <= v)) return 1;
      while (i > base && values[out[i - 1]!] === v && out[i - 1]! > k) {
        out[i] = out[i - 1]!;
        i--;
      }
      out[i] = k;
    }
  }
  return L;
}

// Scratch of the searches, shared by all split spaces (searches run one at a time): a heap over
// first-half rows (key: the row's partial utility plus its next second-half value), each row's
// next second-half position, and the kept candidates.
let heapKey = new Float64Array(64);
let heapA = new Int32Array(64);
let next = new Int32Array(64);
const keptK: number[] = [];
const keptU: number[] = [];

function siftDown(from: number, size: number): void {
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
}

/**
 * One party's tables over the two halves: they depend on its compiled valuation (contributions
 * and red lines) and the split, not on its reservation, so the split spaces of what-ifs that share
 * the valuation (compile.ts: a party the what-if did not change) share them, sorted halves included.
 */
interface Halves {
  /** The issue sizes and split they were made for. */
  readonly sizes: readonly number[];
  readonly h: number;
  /** The first half's partial utilities (exact: the walk's first h additions). */
  readonly SA: Float64Array;
  /** The second half's partial utilities (for searching only). */
  readonly SB: Float64Array;
  /** The second half's contributions, flattened (issue h + j from `offsetB[j]`). */
  readonly CB: Float64Array;
  /** With red lines: 1 for each first-half (redA) and second-half (redB) row holding a red-lined option. */
  readonly redA: Uint8Array | undefined;
  readonly redB: Uint8Array | undefined;
  /** A bound on |exact - (SA + SB)|, with room to spare. */
  readonly delta: number;
  /** Built on the first search: each half's rows by rising partial utility, and the second half's values. */
  sortedA?: Int32Array;
  sortedB?: Int32Array;
  sortedU?: Float64Array;
}
type Sorted = Required<Pick<Halves, "sortedA" | "sortedB" | "sortedU">>;

/** Halves of shared valuations, by their contribution table (compile.ts, isSharedTable); weak. */
const HALVES = new WeakMap<object, Halves>();

/** Party p's {@link Halves} (unsorted) for the split at h, given each half's rows. */
function partyHalves(
  c: CompiledScenario,
  p: number,
  h: number,
  A: { rows: Int32Array; count: number },
  B: { rows: Int32Array; count: number },
  offsetB: Int32Array,
): Halves {
  const sizes = c.sizes;
  const I = sizes.length;
  const IB = I - h;
  const nA = A.count;
  const nB = B.count;
  const rowsA = A.rows;
  const rowsB = B.rows;
  const contrib = c.contrib[p]!;
  // Views into one buffer (small typed arrays with buffers of their own cost far more to
  // allocate and collect; issue 18).
  const cbLength = offsetB[IB - 1]! + sizes[I - 1]!;
  const store = float64s(nA + cbLength + nB);
  const sa = store.subarray(0, nA);
  for (let a = 0; a < nA; a++) {
    let u = 0;
    for (let i = 0; i < h; i++) u += contrib[i]![rowsA[a * h + i]!]!;
    sa[a] = u;
  }
  const cb = store.subarray(nA, nA + cbLength);
  for (let j = 0; j < IB; j++) cb.set(contrib[h + j]!, offsetB[j]!);
  const sb = store.subarray(nA + cbLength);
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
  let redA: Uint8Array | undefined;
  let redB: Uint8Array | undefined;
  const red = c.redLine[p]!;
  if (red.some((row) => row.includes(1))) {
    redA = new Uint8Array(nA);
    for (let a = 0; a < nA; a++) for (let i = 0; i < h; i++) redA[a] = redA[a]! | red[i]![rowsA[a * h + i]!]!;
    redB = new Uint8Array(nB);
    for (let b = 0; b < nB; b++) for (let j = 0; j < IB; j++) redB[b] = redB[b]! | red[h + j]![rowsB[b * IB + j]!]!;
  }
  return { sizes, h, SA: sa, SB: sb, CB: cb, redA, redB, delta: 4 * (I + 2) * Number.EPSILON * magnitude };
}

class SplitSpace implements OutcomeSpace {
  readonly size: number;
  readonly issues: number;
  readonly parties: number;
  /** Issues before `h` form the first half. */
  private readonly h: number;
  private readonly nA: number;
  private readonly nB: number;
  private readonly rowsA: Int32Array;
  private readonly rowsB: Int32Array;
  /** Per party: its tables over the halves (see {@link Halves}). */
  private readonly halves: Halves[] = [];
  private readonly offsetB: Int32Array;
  /** Per party: its reservation minus the tolerance (it accepts the utilities at or above, red lines aside). */
  private readonly bar: Float64Array;
  /** Per party: best bundle (-2 before the first search, -1 when it accepts none), its utility, the lowest accepted utility. */
  private readonly bestK: Int32Array;
  private readonly maxU: Float64Array;
  private readonly minU: Float64Array;
  private searches = 0;
  /** The full space, once searches are handed to it. */
  private delegate: OutcomeSpace | null = null;

  constructor(
    readonly compiled: CompiledScenario,
    private readonly full: () => OutcomeSpace,
  ) {
    const c = compiled;
    const I = c.issueIds.length;
    const P = c.partyIds.length;
    const sizes = c.sizes;
    const n = Number(c.combinations);
    this.size = n;
    this.issues = I;
    this.parties = P;
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
    this.h = h;
    this.nA = nA;
    this.nB = nB;
    this.rowsA = rowsA;
    this.rowsB = rowsB;
    const offsetB = new Int32Array(IB);
    for (let j = 1; j < IB; j++) offsetB[j] = offsetB[j - 1]! + sizes[h + j - 1]!;
    this.offsetB = offsetB;
    this.bar = new Float64Array(P);
    for (let p = 0; p < P; p++) {
      // A what-if that shares this party's compiled valuation with others (compile.ts, a party
      // it did not change) shares its tables too, sorted halves included (issue 18).
      const key = c.contrib[p]!;
      const shared = isSharedTable(key);
      let halves = shared ? HALVES.get(key) : undefined;
      if (halves === undefined || halves.sizes !== sizes || halves.h !== h) {
        halves = partyHalves(c, p, h, A, B, offsetB);
        if (shared) HALVES.set(key, halves);
      }
      this.halves.push(halves);
      this.bar[p] = c.reservation[p]! - UTILITY_TOLERANCE;
    }
    this.bestK = new Int32Array(P).fill(-2);
    this.maxU = new Float64Array(P).fill(Number.NaN);
    this.minU = new Float64Array(P).fill(Number.NaN);
  }

  get bundles(): Int32Array {
    return this.full().bundles;
  }
  get utility(): Float64Array {
    return this.full().utility;
  }
  get acceptable(): Uint8Array {
    return this.full().acceptable;
  }
  get allAccept(): Uint8Array {
    return this.full().allAccept;
  }
  get own(): readonly Int32Array[] {
    return this.full().own;
  }
  get ownUtility(): readonly Float64Array[] {
    return this.full().ownUtility;
  }
  row(k: number): Int32Array {
    const out = new Int32Array(this.issues);
    for (let i = 0; i < this.issues; i++) out[i] = this.option(k, i);
    return out;
  }
  find(bundle: ArrayLike<number>): number {
    const sizes = this.compiled.sizes;
    let k = 0;
    for (let i = 0; i < this.issues; i++) {
      const o = bundle[i]!;
      if (!(o >= 0 && o < sizes[i]!)) return -1;
      k = k * sizes[i]! + o;
    }
    return k;
  }
  frontier(): ReturnType<OutcomeSpace["frontier"]> {
    return this.full().frontier();
  }
  nash(): ReturnType<OutcomeSpace["nash"]> {
    return this.full().nash();
  }

  /** Exact utility of (a, b) to party p: the first half's sum, then the second half's contributions one by one. */
  private exact(p: number, a: number, b: number): number {
    const cb = this.halves[p]!.CB;
    const offsetB = this.offsetB;
    const rowsB = this.rowsB;
    const IB = offsetB.length;
    let u = this.halves[p]!.SA[a]!;
    for (let j = 0; j < IB; j++) u += cb[offsetB[j]! + rowsB[b * IB + j]!]!;
    return u;
  }
  utilityOf(k: number, p: number): number {
    const a = (k / this.nB) | 0;
    return this.exact(p, a, k - a * this.nB);
  }
  accepts(k: number, p: number): boolean {
    const a = (k / this.nB) | 0;
    const b = k - a * this.nB;
    const { redA, redB } = this.halves[p]!;
    if (redA !== undefined && (redA[a] === 1 || redB![b] === 1)) return false;
    return this.exact(p, a, b) >= this.bar[p]!;
  }
  acceptedByAll(k: number): boolean {
    for (let p = 0; p < this.parties; p++) if (!this.accepts(k, p)) return false;
    return true;
  }
  option(k: number, i: number): number {
    const a = (k / this.nB) | 0;
    const h = this.h;
    return i < h ? this.rowsA[a * h + i]! : this.rowsB[(k - a * this.nB) * (this.issues - h) + i - h]!;
  }
  /** Position of bundle k in canonical order (the tie-break of own orders). */
  private canonical(k: number): number {
    const c = this.compiled;
    let x = 0;
    for (const i of c.canonicalIssueOrder) x = x * c.sizes[i]! + c.optionRank[i]![this.option(k, i)]!;
    return x;
  }
  /** Party p's tables with both halves sorted (sorted on first use, once per shared {@link Halves}). */
  private sorted(p: number): Halves & Sorted {
    const t = this.halves[p]!;
    if (t.sortedB === undefined) {
      // Rows holding a red-lined option of the party are left out: no bundle with them is accepted.
      const c = this.compiled;
      const order = ascending(t.SB, t.redB, c.contrib[p]![this.issues - 1]);
      const values = float64s(order.length);
      for (let j = 0; j < order.length; j++) values[j] = t.SB[order[j]!]!;
      t.sortedA = ascending(t.SA, t.redA, c.contrib[p]![this.h - 1]);
      t.sortedB = order;
      t.sortedU = values;
    }
    return t as Halves & Sorted;
  }

  /**
   * Party p's bundles with utility >= lower, rising (ties: canonical order descending), into
   * keptK/keptU: at least the first `limit` of them with everything tied with the first or with
   * the limit-th, or with utility up to max(first, top). Returns how many.
   */
  private gather(p: number, lower: number, top: number, limit: number): number {
    const t = this.sorted(p);
    const nB = this.nB;
    const order = t.sortedB;
    const values = t.sortedU;
    const sa = t.SA;
    const d = t.delta;
    // The party's rows without red-lined options, in each half.
    const rowsUp = t.sortedA;
    const nA = rowsUp.length;
    const mB = order.length;
    if (mB === 0) return 0;
    // Sized by all first-half rows, not only the party's: `next` is indexed by row (with red
    // lines, rows up to this.nA - 1 remain among fewer than this.nA).
    if (heapKey.length < this.nA) {
      heapKey = new Float64Array(this.nA);
      heapA = new Int32Array(this.nA);
      next = new Int32Array(this.nA);
    }
    // Each row's first second-half position with a sum that may reach `lower`: rows by rising
    // partial utility, so that position only moves left (one pass over each half). Then heapify.
    // Rows before r0 cannot reach `lower` even with the best second half: skipped by a binary search.
    const maxB = values[mB - 1]!;
    let r0 = 0;
    for (let hi = nA; r0 < hi; ) {
      const mid = (r0 + hi) >> 1;
      if (maxB < lower - 2 * d - sa[rowsUp[mid]!]!) r0 = mid + 1;
      else hi = mid;
    }
    let size = 0;
    let at = mB;
    for (let r = r0; r < nA; r++) {
      const a = rowsUp[r]!;
      const x = lower - 2 * d - sa[a]!;
      if (r === r0) {
        let lo = 0;
        while (lo < at) {
          const mid = (lo + at) >> 1;
          if (values[mid]! < x) lo = mid + 1;
          else at = mid;
        }
      } else while (at > 0 && values[at - 1]! >= x) at--;
      if (at === mB) continue;
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
      const u = this.exact(p, a, b);
      if (u >= lower) {
        keptK[kept] = a * nB + b;
        keptU[kept] = u;
        if (kept === 0) firstKey = key;
        kept++;
        if (kept === limit) limitKey = key;
      }
      if (j + 1 < mB) {
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
      while (
        i > 0 &&
        (keptU[i - 1]! > u || (keptU[i - 1] === u && this.canonical(keptK[i - 1]!) < this.canonical(k)))
      ) {
        keptK[i] = keptK[i - 1]!;
        keptU[i] = keptU[i - 1]!;
        i--;
      }
      keptK[i] = k;
      keptU[i] = u;
    }
    return kept;
  }

  /** Fills bestK, maxU and minU for party p (once). */
  private top(p: number): void {
    if (this.bestK[p] !== -2) return;
    const t = this.sorted(p);
    // Every bundle whose approximate utility is within 3 delta of the largest (the last rows of
    // both sorted halves): the exact maximum and all its ties are among them.
    const nB = this.nB;
    const sa = t.SA;
    const values = t.sortedU;
    const rowsUp = t.sortedA;
    const order = t.sortedB;
    let best = -1;
    let bestU = Number.NEGATIVE_INFINITY;
    const mB = order.length;
    const maxB = mB === 0 ? Number.NEGATIVE_INFINITY : values[mB - 1]!;
    const threshold = rowsUp.length === 0 ? 0 : sa[rowsUp[rowsUp.length - 1]!]! + maxB - 3 * t.delta;
    for (let r = rowsUp.length - 1; r >= 0 && mB > 0; r--) {
      const a = rowsUp[r]!;
      if (sa[a]! + maxB < threshold) break;
      for (let j = mB - 1; j >= 0 && sa[a]! + values[j]! >= threshold; j--) {
        const k = a * nB + order[j]!;
        const u = this.exact(p, a, order[j]!);
        if (u > bestU || (u === bestU && this.canonical(k) < this.canonical(best))) {
          best = k;
          bestU = u;
        }
      }
    }
    if (!(bestU >= this.bar[p]!)) {
      this.bestK[p] = -1;
      return;
    }
    this.bestK[p] = best;
    this.maxU[p] = bestU;
    this.gather(p, this.bar[p]!, Number.NEGATIVE_INFINITY, 1);
    this.minU[p] = keptU[0]!;
  }

  /** The full space once this space has answered SPLIT_SEARCH_LIMIT searches (identical answers), else null. */
  private handOver(): OutcomeSpace | null {
    if (this.delegate === null && ++this.searches > SPLIT_SEARCH_LIMIT) this.delegate = this.full();
    return this.delegate;
  }
  best(p: number): number {
    const f = this.handOver();
    if (f) return f.best(p);
    this.top(p);
    return this.bestK[p]!;
  }
  maxAccepted(p: number): number {
    const f = this.handOver();
    if (f) return f.maxAccepted(p);
    this.top(p);
    return this.maxU[p]!;
  }
  minAccepted(p: number): number {
    const f = this.handOver();
    if (f) return f.minAccepted(p);
    this.top(p);
    return this.minU[p]!;
  }
  nearAbove(p: number, target: number, top: number, limit: number, out: Int32Array): number {
    const f = this.handOver();
    if (f) return f.nearAbove(p, target, top, limit, out);
    this.top(p);
    if (this.bestK[p] === -1) return 0;
    const L = target - UTILITY_TOLERANCE;
    if (this.maxU[p]! < L) {
      out[0] = this.bestK[p]!;
      return 1;
    }
    const kept = this.gather(p, Math.max(L, this.bar[p]!), top, limit);
    out[0] = keptK[0]!;
    let m = 1;
    for (let j = 1; j < kept && m < limit && keptU[j]! <= top; j++) out[m++] = keptK[j]!;
    return m;
  }
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
  return new SplitSpace(c, full);
}
