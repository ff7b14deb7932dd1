import type { CompiledConstraint, CompiledScenario } from "../model/compile.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import { bundleIndexer } from "../model/bundleIndexer.js";
import { type BundleVisitor, chooseWalkKernel, type WalkKernel } from "../enumeration/walkBundles.js";
import { planWalk } from "../enumeration/walkPlan.js";
import { mergeSortIndices } from "../enumeration/mergeSortIndices.js";
import type { BundleCounter } from "./bundleCounter.js";
import type { NashCandidates } from "./nashCandidates.js";

/**
 * Slack of every pruning bound and candidate filter (never of the acceptance test itself): a
 * branch is cut only when its best completion misses a reservation by more than this, so
 * floating-point rounding (about 1e-16 on utilities in [0, 1]) can never lose a ZOPA bundle.
 */
const BOUND_SLACK = 1e-10;

/**
 * Most bundles of the tail issues that {@link planZopaKernel} tabulates (bitset queries).
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * import { bundleIndexer, MAX_TAIL_COMBINATIONS, planZopaKernel } from "treatylab/advanced";
 * const c = compileScenario(nash1950);
 * (planZopaKernel(c, bundleIndexer(c.sizes).strides)?.tail?.size ?? 0) <= MAX_TAIL_COMBINATIONS; // true
 * ```
 */
export const MAX_TAIL_COMBINATIONS = 1024;

/**
 * The reusable plan of {@link runZopaKernel} for one scenario structure (issues, options, red
 * lines, constraints, parties) whose numbers (contributions, reservations) change from draw to
 * draw: allowed options, the packed-index strides, the constraints per depth, the pair bounds, the
 * tail table and every work buffer, so that a draw allocates nothing.
 *
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * import { bundleIndexer, planZopaKernel, runZopaKernel } from "treatylab/advanced";
 * const c = compileScenario(nash1950);
 * const plan = planZopaKernel(c, bundleIndexer(c.sizes).strides);
 * if (plan) runZopaKernel(plan, c, (index, bundle, u) => console.log(index, [...u]));
 * ```
 */
export interface ZopaKernelPlan {
  /** Issues (in walk order), parties, rows (parties then pair bounds). */
  readonly issues: number;
  readonly parties: number;
  readonly rows: number;
  /** Pair bounds: `pairs[2v]` and `pairs[2v + 1]` are the two parties of bound v. */
  readonly pairs: Int32Array;
  /** Allowed options (no red line of any party) of each issue. */
  readonly allowed: readonly Int32Array[];
  /** Stride of each walk issue in the bundle index passed to visitors. */
  readonly strides: Float64Array;
  /** Constraints to check once walk issue k is fixed (the deepest of their issues). */
  readonly checks: readonly (readonly CompiledConstraint[])[];
  /** `table[k][j * rows + r]`: row r's utility from the j-th allowed option of issue k (per draw). */
  readonly table: Float64Array[];
  /** `threshold[k * rows + r]`: a prefix of k issues is cut when row r's partial sum is below it (per draw). */
  readonly threshold: Float64Array;
  /** Acceptance level of each party: reservation minus the tolerance (per draw). */
  readonly need: Float64Array;
  /** Work buffer of the per-draw bounds: each row's best remaining contribution. */
  readonly rest: Float64Array;
  readonly partial: Float64Array;
  readonly position: Int32Array;
  readonly bundle: Int32Array;
  readonly index: Float64Array;
  readonly utilities: Float64Array;
  /** The tail: issues `start..issues-1`, tabulated (see {@link runZopaKernel}); null when too short. */
  readonly tail: ZopaTail | null;
}

/**
 * The tail issues of a {@link ZopaKernelPlan}: their `size` combinations (allowed options only, in
 * walk order, last issue fastest) and, per draw, for each party the combinations sorted by their
 * summed contribution with one bitset per prefix of that order.
 *
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * import { bundleIndexer, planZopaKernel, type ZopaTail } from "treatylab/advanced";
 * const c = compileScenario(nash1950);
 * const tail: ZopaTail | null | undefined = planZopaKernel(c, bundleIndexer(c.sizes).strides)?.tail;
 * tail?.size; // 512: combinations of the tabulated last issues (allowed options only)
 * ```
 */
export interface ZopaTail {
  readonly start: number;
  readonly length: number;
  readonly size: number;
  /** 32-bit words of a bitset over the combinations. */
  readonly words: number;
  /** `choice[s * length + q]`: allowed-option position j at tail issue q of combination s. */
  readonly choice: Int32Array;
  /** `option[s * length + q]`: the option (index in the issue) at tail issue q of combination s. */
  readonly option: Int32Array;
  /** Index offset of each combination. */
  readonly offset: Float64Array;
  /** Per draw: `parts[(s * parties + p) * length + q]`, party p's contribution from tail issue q in combination s. */
  readonly parts: Float64Array;
  /** Per draw: `sum[p * size + s]`, party p's summed contribution from combination s. */
  readonly sum: Float64Array;
  /** Sink walks: sum over parties of the Nash bound's weight times `sum` (see `NashCandidates.w`). */
  readonly weighted: Float64Array;
  /** The `NashCandidates.version` that `weighted` was computed for. */
  weightsVersion: number;
  /** Per draw: `sorted[p * size + l]`, party p's sums in descending order. */
  readonly sorted: Float64Array;
  /** Per draw: `prefix[(p * (size + 1) + l) * words + w]`, the combinations among party p's l best. */
  readonly prefix: Int32Array;
  readonly order: Int32Array;
  readonly scratch: Int32Array;
  readonly bits: Int32Array;
  readonly sure: Int32Array;
}

/**
 * Called for each ZOPA bundle with its index, the bundle (option indices in walk order) and each
 * party's utility; both arrays are reused, copy what you keep.
 *
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * import { BundleCounter, bundleIndexer, planZopaKernel, runZopaKernel, type ZopaVisitor } from "treatylab/advanced";
 * const c = compileScenario(nash1950);
 * const counter = new BundleCounter();
 * const visit: ZopaVisitor = (index) => counter.add(index);
 * const plan = planZopaKernel(c, bundleIndexer(c.sizes).strides);
 * if (plan) runZopaKernel(plan, c, visit);
 * ```
 */
export type ZopaVisitor = (index: number, bundle: Int32Array, utilities: Float64Array) => void;

/**
 * The Monte Carlo fast path of {@link runZopaKernel}: count every ZOPA bundle's index and offer
 * the bundles to the Nash candidates. In the tail, membership is decided from the tail sums when
 * they are more than 1e-12 from a reservation (else by the exact sums), and exact utilities and
 * the bundle are only built for bundles that pass the candidates' bound.
 *
 * @example
 * ```ts
 * import { monteCarloJob, nash1950 } from "treatylab";
 * import { prepareMonteCarlo, runZopaKernel, type ZopaSink } from "treatylab/advanced";
 * const ctx = prepareMonteCarlo(monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 1, seed: 1 }));
 * if (ctx.kernel) {
 *   const c = ctx.walk.base; // the scenario's own numbers, issues in walk order
 *   ctx.kernel.nash.reset(c.reservation, c.power);
 *   const sink: ZopaSink = { counter: ctx.counter, nash: ctx.kernel.nash };
 *   runZopaKernel(ctx.kernel.plan, c, null, sink); // the ZOPA size; counts in ctx.counter
 * }
 * ```
 */
export interface ZopaSink {
  readonly counter: BundleCounter;
  readonly nash: NashCandidates;
}

/** Margin within which the tail's two-term sums defer to the exact sums (rounding is below 1e-15). */
const SUM_MARGIN = 1e-12;

/**
 * A plan for the Monte Carlo ZOPA walk, or null when `chooseWalkKernel` picks the row walk for
 * draws (interaction terms or constituencies). `c` is compiled with its issues in walk order;
 * `strides[k]` is the index stride of walk issue k.
 *
 * Pair bounds: for each pair of parties {a, b} (when there are 3 to 6 parties), a branch is also
 * cut when u_a + u_b cannot reach need_a + need_b, the best remaining contribution being taken
 * jointly (max over options of c_a + c_b), which is tighter than the two parties' separate bounds
 * whenever their preferences conflict. These bounds only cut branches without ZOPA bundles.
 *
 * Tail: the longest run of last walk issues that no constraint involves, with at most
 * {@link MAX_TAIL_COMBINATIONS} combinations (at least two issues), is tabulated.
 * `strides` give the index passed to visitors (declaration-order strides give `bundleIndexer`'s
 * index; walk-order strides keep the bundles of one branch close together in a count table).
 *
 * @example
 * ```ts
 * import { builtinScenario, compileScenario } from "treatylab";
 * import { bundleIndexer, planZopaKernel } from "treatylab/advanced";
 * const c = compileScenario(builtinScenario("ukraine-2025"));
 * planZopaKernel(c, bundleIndexer(c.sizes).strides); // null: ukraine-2025 has interaction terms, so draws need the row walk
 * ```
 */
export function planZopaKernel(c: CompiledScenario, strides: readonly number[]): ZopaKernelPlan | null {
  if (chooseWalkKernel(c, { zopaOnly: true }, "draws") !== "tail") return null;
  // The structure (allowed options, constraints per depth) is the walk plan's; the numbers are
  // refilled per draw below, with the pair rows and the slack of this kernel's bounds.
  const walk = planWalk(c, true);
  const I = walk.issues;
  const P = walk.parties;
  const pairList: number[] = [];
  if (P >= 3 && P <= 6) for (let a = 0; a < P; a++) for (let b = a + 1; b < P; b++) pairList.push(a, b);
  const R = P + pairList.length / 2;
  const { allowed, checkAt: checks } = walk;
  const constrained = new Set(c.constraints.flatMap((k) => [...k.ifIssues, ...k.thenIssues]));
  let start = I;
  let size = 1;
  while (start > 0 && !constrained.has(start - 1) && size * allowed[start - 1]!.length <= MAX_TAIL_COMBINATIONS)
    size *= allowed[--start]!.length;
  return {
    issues: I,
    parties: P,
    rows: R,
    pairs: Int32Array.from(pairList),
    allowed,
    strides: Float64Array.from(strides),
    checks,
    table: allowed.map((a) => new Float64Array(a.length * R)),
    threshold: new Float64Array((I + 1) * R),
    need: new Float64Array(P),
    rest: new Float64Array(R),
    partial: new Float64Array((I + 1) * R),
    position: new Int32Array(I),
    bundle: new Int32Array(I),
    index: new Float64Array(I + 1),
    utilities: new Float64Array(P),
    tail: I - start >= 2 && size > 0 ? planTail(allowed, strides, start, size, P) : null,
  };
}

function planTail(
  allowed: readonly Int32Array[],
  strides: readonly number[],
  start: number,
  size: number,
  P: number,
): ZopaTail {
  const length = allowed.length - start;
  const words = Math.ceil(size / 32);
  const choice = new Int32Array(size * length);
  const option = new Int32Array(size * length);
  const offset = new Float64Array(size);
  for (let s = 0; s < size; s++) {
    let rest = s;
    for (let q = length - 1; q >= 0; q--) {
      const n = allowed[start + q]!.length;
      const j = rest % n;
      rest = (rest - j) / n;
      choice[s * length + q] = j;
      option[s * length + q] = allowed[start + q]![j]!;
      offset[s] = offset[s]! + strides[start + q]! * allowed[start + q]![j]!;
    }
  }
  return {
    start,
    length,
    size,
    words,
    choice,
    option,
    offset,
    parts: new Float64Array(size * P * length),
    sum: new Float64Array(P * size),
    weighted: new Float64Array(size),
    weightsVersion: -1,
    sorted: new Float64Array(P * size),
    prefix: new Int32Array(P * (size + 1) * words),
    order: new Int32Array(size),
    scratch: new Int32Array(size),
    bits: new Int32Array(words),
    sure: new Int32Array(words),
  };
}

/** Sorts `order` (indices into `key`) by key descending, ties by index: a merge sort on typed arrays. */
function sortDescending(order: Int32Array, scratch: Int32Array, key: Float64Array, base: number): void {
  const n = order.length;
  for (let s = 0; s < n; s++) order[s] = s;
  const sorted = mergeSortIndices(order, scratch, n, 1, key, base, -1);
  if (sorted !== order) order.set(sorted);
}

/** The tail's per-draw tables: each combination's sums, and per party the sorted sums and prefix bitsets. */
function fillTail(plan: ZopaKernelPlan, tail: ZopaTail): void {
  const { parties: P, rows: R, table } = plan;
  const { start, length, size, words, choice, parts, sum, sorted, prefix, order, scratch } = tail;
  tail.weightsVersion = -1;
  for (let p = 0; p < P; p++) {
    for (let s = 0; s < size; s++) {
      let v = 0;
      for (let q = 0; q < length; q++) {
        const x = table[start + q]![choice[s * length + q]! * R + p]!;
        parts[(s * P + p) * length + q] = x;
        v += x;
      }
      sum[p * size + s] = v;
    }
    sortDescending(order, scratch, sum, p * size);
    const base = p * (size + 1) * words;
    for (let w = 0; w < words; w++) prefix[base + w] = 0;
    for (let l = 0; l < size; l++) {
      const s = order[l]!;
      sorted[p * size + l] = sum[p * size + s]!;
      const from = base + l * words;
      for (let w = 0; w < words; w++) prefix[from + words + w] = prefix[from + w]!;
      prefix[from + words + (s >>> 5)] = prefix[from + words + (s >>> 5)]! | (1 << (s & 31));
    }
  }
}

/** Fills the plan's tables from a draw; returns false when some party cannot reach its reservation at all. */
function fillTables(plan: ZopaKernelPlan, c: CompiledScenario): boolean {
  const { issues: I, parties: P, rows: R, pairs, allowed, table, threshold, need } = plan;
  for (let p = 0; p < P; p++) need[p] = c.reservation[p]! - UTILITY_TOLERANCE;
  const rest = plan.rest.fill(0);
  for (let k = I; k >= 0; k--) {
    if (k < I) {
      const opts = allowed[k]!;
      const t = table[k]!;
      for (let r = 0; r < R; r++) {
        let best = Number.NEGATIVE_INFINITY;
        for (let j = 0; j < opts.length; j++) {
          const o = opts[j]!;
          const v =
            r < P
              ? c.contrib[r]![k]![o]!
              : c.contrib[pairs[2 * (r - P)]!]![k]![o]! + c.contrib[pairs[2 * (r - P) + 1]!]![k]![o]!;
          t[j * R + r] = v;
          if (v > best) best = v;
        }
        rest[r] = rest[r]! + best;
      }
    }
    for (let r = 0; r < R; r++) {
      const level = r < P ? need[r]! : need[pairs[2 * (r - P)]!]! + need[pairs[2 * (r - P) + 1]!]!;
      threshold[k * R + r] = level - rest[r]! - BOUND_SLACK;
    }
  }
  for (let r = 0; r < R; r++) if (0 < threshold[r]!) return false;
  if (plan.tail) fillTail(plan, plan.tail);
  return true;
}

/** Whether the fixed prefix of the bundle breaks one of the constraints. */
function breaks(list: readonly CompiledConstraint[], bundle: Int32Array): boolean {
  outer: for (let q = 0; q < list.length; q++) {
    const k = list[q]!;
    for (let m = 0; m < k.ifIssues.length; m++) if (!k.ifAllowed[m]![bundle[k.ifIssues[m]!]!]) continue outer;
    for (let m = 0; m < k.thenIssues.length; m++) if (!k.thenAllowed[m]![bundle[k.thenIssues[m]!]!]) return true;
  }
  return false;
}

/**
 * Visits the ZOPA completions of the prefix fixed up to the tail: per party, the combinations whose
 * summed contribution may reach its reservation are a prefix of its sorted order (binary search),
 * their bitsets are intersected, and each candidate is accepted by the exact test (utilities
 * summed issue by issue from the prefix). Candidates come in combination order, which is the
 * order of a depth-first walk. Returns the number visited.
 */
function visitTail(plan: ZopaKernelPlan, tail: ZopaTail, visit: ZopaVisitor | null, sink: ZopaSink | null): number {
  const { parties: P, rows: R, need, partial, bundle, index, utilities } = plan;
  const { start, length, size, words, option, offset, parts, sorted, prefix, bits, sure, weighted } = tail;
  const at = start * R;
  // Every property read here, at entry: the parts below run rarely at first (most prefixes have
  // no ZOPA bundle), and reads first met there would send optimised code back to the interpreter.
  const nash = sink === null ? null : sink.nash;
  const counter = sink === null ? null : sink.counter;
  const first = index[start]!;
  for (let w = 0; w < words; w++) bits[w] = sure[w] = -1;
  for (let p = 0; p < P; p++) {
    // Combinations with sum >= tau: the first l of the sorted order. `bits`: may be accepted;
    // `sure`: accepted whatever the rounding (sum at least SUM_MARGIN above).
    const tau = need[p]! - partial[at + p]!;
    const base = p * size;
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[base + mid]! >= tau - BOUND_SLACK) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return 0;
    // The sure prefix ends at most a few places earlier (sums within 1e-10 of tau are rare).
    let l = lo;
    while (l > 0 && sorted[base + l - 1]! < tau + SUM_MARGIN) l--;
    if (l < size) {
      const from = (p * (size + 1) + l) * words;
      for (let w = 0; w < words; w++) sure[w] = sure[w]! & prefix[from + w]!;
    }
    if (lo < size) {
      const from = (p * (size + 1) + lo) * words;
      for (let w = 0; w < words; w++) bits[w] = bits[w]! & prefix[from + w]!;
    }
  }
  let count = 0;
  let version = -1;
  let nodeBase = 0;
  for (let w = 0; w < words; w++) {
    let x = bits[w]!;
    while (x !== 0) {
      const low = x & -x;
      const s = (w << 5) + 31 - Math.clz32(low);
      x ^= low;
      if (s >= size) break;
      const exact = (sure[w]! & low) === 0 || nash === null;
      if (exact) {
        let ok = true;
        for (let p = 0; p < P && ok; p++) {
          let u = partial[at + p]!;
          const from = (s * P + p) * length;
          for (let q = 0; q < length; q++) u += parts[from + q]!;
          utilities[p] = u;
          if (u < need[p]!) ok = false;
        }
        if (!ok) continue;
      }
      count++;
      if (nash !== null) {
        counter!.increment(first + offset[s]!);
        if (version !== nash.version) {
          version = nash.version;
          nodeBase = weigh(tail, nash, partial, at);
        }
        // The bound from the tail sums (within 1e-12 of the exact utilities' bound).
        if (nodeBase + weighted[s]! < nash.cut) continue;
        if (!exact) {
          for (let p = 0; p < P; p++) {
            let u = partial[at + p]!;
            const from = (s * P + p) * length;
            for (let q = 0; q < length; q++) u += parts[from + q]!;
            utilities[p] = u;
          }
        }
      }
      for (let q = 0; q < length; q++) bundle[start + q] = option[s * length + q]!;
      if (nash !== null) nash.offer(bundle, utilities);
      else visit!(first + offset[s]!, bundle, utilities);
    }
  }
  return count;
}

/**
 * Refreshes the tail's weighted sums for the Nash bound's current weights; returns the bound's
 * part from the fixed prefix (its base plus the weighted prefix utilities).
 */
function weigh(tail: ZopaTail, nash: NashCandidates, partial: Float64Array, at: number): number {
  const { size, sum, weighted } = tail;
  const w = nash.w;
  const P = w.length;
  if (tail.weightsVersion !== nash.version) {
    tail.weightsVersion = nash.version;
    for (let s = 0; s < size; s++) {
      let v = 0;
      for (let p = 0; p < P; p++) v += w[p]! * sum[p * size + s]!;
      weighted[s] = v;
    }
  }
  let base = nash.base;
  for (let p = 0; p < P; p++) base += w[p]! * partial[at + p]!;
  return base;
}

/**
 * Walks the ZOPA of one draw (`c`: the draw's tables, issues in walk order) depth first,
 * iteratively, allocation-free, and calls `visit` for each ZOPA bundle in walk order (the order
 * of `walkBundles`); returns the ZOPA size. A bundle is in the ZOPA when every party's utility,
 * summed issue by issue in walk order exactly as `walkBundles` sums it, is at least its
 * reservation minus `UTILITY_TOLERANCE`, and every constraint holds. Branches are cut by each
 * party's and each pair's bound; the tail issues are answered from the tail's bitsets. With a
 * `sink` instead of a visitor, see {@link ZopaSink}.
 *
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * import { bundleIndexer, planZopaKernel, runZopaKernel } from "treatylab/advanced";
 * const c = compileScenario(nash1950);
 * const plan = planZopaKernel(c, bundleIndexer(c.sizes).strides)!;
 * runZopaKernel(plan, c, (index, bundle) => console.log(index, [...bundle])); // returns the ZOPA size
 * ```
 */
export function runZopaKernel(
  plan: ZopaKernelPlan,
  c: CompiledScenario,
  visit: ZopaVisitor | null,
  sink: ZopaSink | null = null,
): number {
  if (!fillTables(plan, c)) return 0;
  const {
    issues: I,
    parties: P,
    rows: R,
    allowed,
    strides,
    checks,
    table,
    threshold,
    need,
    partial,
    position,
    bundle,
    index,
    utilities,
    tail,
  } = plan;
  const L = I - 1;
  const depth = tail ? tail.start : L;
  const leafTable = table[L]!;
  const leafOpts = allowed[L]!;
  const leafChecks = checks[L]!;
  const leafStride = strides[L]!;
  const leafBase = L * R;
  let count = 0;
  let k = 0;
  position[0] = 0;
  while (k >= 0) {
    if (k === depth) {
      if (tail) count += visitTail(plan, tail, visit, sink);
      else {
        // The last issue: the exact acceptance test, in a tight loop.
        const at = index[L]!;
        for (let j = 0; j < leafOpts.length; j++) {
          let ok = true;
          for (let p = 0; p < P; p++) {
            const u = partial[leafBase + p]! + leafTable[j * R + p]!;
            utilities[p] = u;
            if (u < need[p]!) {
              ok = false;
              break;
            }
          }
          if (!ok) continue;
          const o = leafOpts[j]!;
          bundle[L] = o;
          if (leafChecks.length > 0 && breaks(leafChecks, bundle)) continue;
          count++;
          if (sink !== null) {
            sink.counter.increment(at + leafStride * o);
            sink.nash.offer(bundle, utilities);
          } else visit!(at + leafStride * o, bundle, utilities);
        }
      }
      k--;
      if (k >= 0) position[k] = position[k]! + 1;
      continue;
    }
    const j = position[k]!;
    const opts = allowed[k]!;
    if (j >= opts.length) {
      k--;
      if (k >= 0) position[k] = position[k]! + 1;
      continue;
    }
    const t = table[k]!;
    const base = k * R;
    const next = base + R;
    let ok = true;
    for (let r = 0; r < R; r++) {
      const v = partial[base + r]! + t[j * R + r]!;
      partial[next + r] = v;
      if (v < threshold[next + r]!) {
        ok = false;
        break;
      }
    }
    const o = opts[j]!;
    bundle[k] = o;
    if (!ok || (checks[k]!.length > 0 && breaks(checks[k]!, bundle))) {
      position[k] = j + 1;
      continue;
    }
    index[k + 1] = index[k]! + strides[k]! * o;
    k++;
    position[k] = 0;
  }
  return count;
}

/**
 * The tail kernel as a {@link WalkKernel} over one compiled scenario (its own draw), or null when
 * it does not apply (see `tailKernelApplies`). Its visitor cannot stop the walk: a `true` returned
 * by the visitor is ignored.
 *
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * import { countBundles, tailKernel } from "treatylab/advanced";
 * const c = compileScenario(nash1950);
 * tailKernel(c)?.count() === countBundles(c); // true: the same ZOPA, by the other kernel
 * ```
 */
export function tailKernel(c: CompiledScenario): WalkKernel | null {
  const plan = planZopaKernel(c, bundleIndexer(c.sizes).strides);
  if (plan === null) return null;
  return {
    name: "tail",
    count: () => runZopaKernel(plan, c, () => {}),
    visit: (visit: BundleVisitor) => runZopaKernel(plan, c, (_, bundle, u) => void visit(bundle, u)),
  };
}
