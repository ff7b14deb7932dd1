import { type CompiledScenario, compareBundles } from "../model/compile.js";
import { LimitError } from "../model/errors.js";
import { DOMINANCE_TOLERANCE, UTILITY_TOLERANCE } from "../model/tolerance.js";
import { roundUtility, utilities } from "../utility/utilities.js";
import { type Acceptor, partyAcceptors } from "../enumeration/acceptors.js";
import { type IssueGroup, issueGroups } from "../enumeration/issueGroups.js";
import type { ArchivePoint } from "./paretoArchive.js";
import { PointStore } from "../enumeration/pointStore.js";
import { type SkylineSpace, SkylineSweep, skylineOf, sortDescending } from "./skyline.js";
import { maxOf, minOf } from "../model/extrema.js";
import { mergeChain, monotoneChain } from "./chainMerge.js";
import { smallFrontier, smallMethodsFit } from "./smallFrontier.js";

/**
 * Default memory budget of the frontier methods: 1 GiB.
 * @example
 * ```ts
 * decomposedFrontier(compileScenario(nash1950)).largestIntermediate; // 17 points, far within the budget
 * DEFAULT_MEMORY_BUDGET_BYTES / 2 ** 20; // 1024 (MB)
 * ```
 */
export const DEFAULT_MEMORY_BUDGET_BYTES = 2 ** 30;

/**
 * Default largest number of candidate sums the frontier method may form over all its merges (a
 * merge of a partial frontier of r points with a group of g options forms r x g). The largest
 * benchmark case (five parties, a 1,000-step issue: docs/benchmarks.md) forms 1.9 million in
 * about 40 s on the development machine; twice that is allowed. An agenda that would form more
 * is refused before the merge that would cross the limit starts, so a run ends in bounded time.
 *
 * @example
 * ```ts
 * const scenario = builtinScenario("nash-1950");
 * analyze(scenario, { algorithm: "frontier", maxCandidates: 2 * DEFAULT_MAX_CANDIDATES });
 * ```
 */
export const DEFAULT_MAX_CANDIDATES = 4_000_000;

/**
 * Options of {@link decomposedFrontier}.
 *
 * @example
 * ```ts
 * const options: DecomposedFrontierOptions = { memoryBudgetBytes: 256 * 2 ** 20 };
 * decomposedFrontier(compileScenario(nash1950), options).points.length; // 7
 * decomposedFrontier(compileScenario(nash1950), { maxCandidates: 10 });
 * // throws LimitError "the frontier algorithm would form 12 candidate sums (6 in 2 of 9 merges, 6 in the next),
 * // over the limit of 10; raise it (--max-candidates, maxCandidates) if minutes are fine, or ..."
 * ```
 */
export interface DecomposedFrontierOptions {
  /** Stop with a {@link LimitError} when the points held would take more bytes than this. Default 1 GiB. */
  readonly memoryBudgetBytes?: number;
  /** Extra acceptors (e.g. agents that must accept): they prune like parties but are not on the frontier. */
  readonly extraAcceptors?: readonly Acceptor[];
  /**
   * Refuse (a {@link LimitError}, before the merge that would cross it) to form more candidate sums
   * than this, or, once a sixty-fourth of it is formed, when the rest of the run projected from the
   * share of candidates the last merge kept would form over four times this. Default
   * {@link DEFAULT_MAX_CANDIDATES}.
   */
  readonly maxCandidates?: number;
  /**
   * Called as the merges go, with the candidate sums formed so far and those formed or planned up
   * to the end of the current merge (the total grows merge by merge: a later merge's size is known
   * only when it starts); done < total until the last call, which has done = total.
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * What {@link decomposedFrontier} returns: the frontier in {@link ParetoArchive} form and sizes
 * that explain the cost.
 *
 * @example
 * ```ts
 * const r: DecomposedFrontier = decomposedFrontier(compileScenario(nash1950));
 * [r.points.length, r.groups, r.largestIntermediate, r.candidates]; // [7, 9, 17, 80]
 * ```
 */
export interface DecomposedFrontier {
  readonly points: ArchivePoint[];
  /** Groups of issues merged (constraint-linked issues form one group). */
  readonly groups: number;
  /** Largest intermediate frontier (points), the quantity memory grows with. */
  readonly largestIntermediate: number;
  /** Candidate partial bundles examined (sum over merges). */
  readonly candidates: number;
}

/**
 * Canonical order of the (partial) bundles of two points of a store.
 * @example
 * ```ts
 * import { partyAcceptors } from "../enumeration/acceptors.js";
 * import { issueGroups } from "../enumeration/issueGroups.js";
 * import { storeCompare } from "./decomposedFrontier.js";
 * const c = compileScenario(nash1950);
 * const store = issueGroups(c, partyAcceptors(c))[0]!.options; // the two options of "book"
 * storeCompare(c, store)(0, 1) < 0; // true: point 0 comes first
 * ```
 */
export function storeCompare(c: CompiledScenario, store: PointStore): (i: number, j: number) => number {
  const order = c.canonicalIssueOrder;
  const rank = c.optionRank;
  const I = store.width;
  return (i, j) => {
    const B = store.bundles;
    for (const k of order) {
      const d = rank[k]![B[i * I + k]!]! - rank[k]![B[j * I + k]!]!;
      if (d !== 0) return d;
    }
    return 0;
  };
}

/** Orders the parties for the sweep: the most spread-out utility first, so ties on coordinate 0 are rare. */
function coordinateOrder(c: CompiledScenario): number[] {
  const spread = c.partyIds.map((_, p) =>
    c.contrib[p]!.reduce((s, row) => s + (row.length ? maxOf(row) - minOf(row) : 0), 0),
  );
  return spread.map((_, p) => p).sort((a, b) => spread[b]! - spread[a]! || a - b);
}

/** Keeps the skyline of a group's options (dominated options can never be on the frontier). */
function reduceGroup(c: CompiledScenario, g: IssueGroup, gainDims: number): PointStore {
  const opts = g.options;
  const space: SkylineSpace = { store: opts, gainDims, tolerance: DOMINANCE_TOLERANCE, compare: storeCompare(c, opts) };
  const kept = skylineOf(
    space,
    Array.from({ length: opts.size }, (_, i) => i),
  );
  const out = new PointStore(opts.dims, opts.width, kept.length);
  for (const i of sortDescending(opts, kept, 0)) out.copyFrom(opts, i);
  return out;
}

const fmt = (x: number): string => Math.round(x).toLocaleString("en-US");

function candidateError(formed: number, planned: number, k: number, total: number, max: number): LimitError {
  return new LimitError(
    `the frontier algorithm would form ${fmt(formed + planned)} candidate sums (${fmt(formed)} in ${k} of ${total} merges, ${fmt(planned)} in the next), over the limit of ${fmt(max)}; ` +
      `raise it (--max-candidates, maxCandidates) if minutes are fine, or merge options, raise reservation values or add red lines, coarsen numeric steps, or analyse fewer parties`,
  );
}

/**
 * Once the merges have formed a sixty-fourth of the candidate budget (and at least 10,000), the candidate sums of the
 * whole run projected from the share of candidates the last merge kept (each later merge forms
 * |R| x |G| sums and keeps that share of them), or undefined when the projection stays within
 * PROJECTION_MARGIN times the budget. Early merges say little about the later ones (their partial
 * frontiers grow geometrically before they fill), hence the threshold; the margin leaves room for
 * a frontier that stops growing. A run refused on a projection is one that would have formed many
 * times the budget: at its growth when refused, a hopeless agenda is refused within a second
 * instead of after 10-20 s of merges that each fit.
 */
function projectCandidates(
  formed: number,
  size: number,
  keptShare: number,
  later: readonly { readonly options: PointStore }[],
  maxCandidates: number,
): number | undefined {
  if (later.length < 2 || formed < Math.max(maxCandidates / 64, PROJECTION_MIN_FORMED)) return undefined;
  let total = formed;
  let r = size;
  for (const g of later) {
    total += r * g.options.size;
    if (total > PROJECTION_MARGIN * maxCandidates) return total;
    r = Math.max(1, r * g.options.size * keptShare);
  }
  return undefined;
}

/** How far over the candidate budget a projection must go before a run is refused on it. */
const PROJECTION_MARGIN = 4;
/** Fewer candidate sums than this take milliseconds: no projection before them (small budgets stay exact). */
const PROJECTION_MIN_FORMED = 10_000;

function projectionError(
  formed: number,
  projected: number,
  keptShare: number,
  k: number,
  total: number,
  max: number,
): LimitError {
  return new LimitError(
    `the frontier algorithm would form about ${fmt(projected)} candidate sums or more (${fmt(formed)} in ${k} of ${total} merges; projected from the ${keptShare >= 0.1 ? Math.round(100 * keptShare) : (100 * keptShare).toPrecision(2)}% of candidates the last merge kept), over ${PROJECTION_MARGIN} times the limit of ${fmt(max)}; ` +
      `raise it (--max-candidates, maxCandidates) if minutes are fine, or merge options, raise reservation values or add red lines, coarsen numeric steps, or analyse fewer parties`,
  );
}

function budgetError(points: number, bytes: number, budget: number, merged: number, total: number): LimitError {
  // Below a megabyte (a budget set that low on purpose), kilobytes or bytes: never "about 0 MB".
  const mb = (x: number): string =>
    x >= 2 ** 20
      ? `${Math.round(x / 2 ** 20)} MB`
      : x >= 2 ** 10
        ? `${Math.round(x / 2 ** 10)} KB`
        : `${Math.round(x)} bytes`;
  return new LimitError(
    `the Pareto frontier grew to ${points} partial bundles (about ${mb(bytes)}) after merging ${merged} of ${total} issue groups, over the memory budget of ${mb(budget)}; ` +
      `raise it (--memory-budget, memoryBudgetBytes), raise reservation values or add red lines to shrink the ZOPA, coarsen numeric steps, or analyse fewer parties`,
  );
}

/**
 * Smallest group merged as a monotone chain when its options form one (chainMerge.ts): below it,
 * the generic merge's sweep is as fast and the chain merge's partner search not worth it.
 */
const CHAIN_MIN_OPTIONS = 32;

/** Canonical order of candidates (r, o) and (r2, o2) of a merge of R with group options G. */
function chainCompare(
  c: CompiledScenario,
  R: PointStore,
  G: PointStore,
  issues: readonly number[],
): (r: number, o: number, r2: number, o2: number) => number {
  const order = c.canonicalIssueOrder;
  const rank = c.optionRank;
  const I = R.width;
  const inGroup = new Uint8Array(I);
  for (const i of issues) inGroup[i] = 1;
  return (r, o, r2, o2) => {
    for (const k of order) {
      const x = inGroup[k] ? G.bundles[o * I + k]! : R.bundles[r * I + k]!;
      const y = inGroup[k] ? G.bundles[o2 * I + k]! : R.bundles[r2 * I + k]!;
      const d = rank[k]![x]! - rank[k]![y]!;
      if (d !== 0) return d;
    }
    return 0;
  };
}

/**
 * One merge: the skyline of {R + g : r in R, g in G} over the candidates that can still reach every
 * reservation (`rest[d]` is the best the remaining groups can add to coordinate d). R is sorted by
 * decreasing coordinate 0, so R + g is too for each option g: a heap merges the |G| sorted lists
 * and the sweep consumes them in order, holding only the output and one group of ties.
 */
function mergeGroup(
  c: CompiledScenario,
  R: PointStore,
  G: PointStore,
  issues: readonly number[],
  rest: Float64Array,
  need: Float64Array,
  gainDims: number,
  limit: (held: number) => void,
  tick?: (candidates: number) => void,
): { next: PointStore; candidates: number } {
  const D = R.dims;
  const I = R.width;
  const next = new PointStore(D, I, Math.max(64, R.size));
  const scratch = new PointStore(D, I);
  const sweep = new SkylineSweep(
    { store: scratch, gainDims, tolerance: DOMINANCE_TOLERANCE, compare: storeCompare(c, scratch) },
    0,
    (i) => {
      next.copyFrom(scratch, i);
      limit(next.size + R.size + scratch.size);
    },
  );
  const m = G.size;
  const n = R.size;
  const rv = R.values;
  const gv = G.values;
  // Max-heap of lists (options) keyed by the coordinate 0 of their next candidate.
  const heapList = new Int32Array(m);
  const heapKey = new Float64Array(m);
  const pos = new Int32Array(m);
  let h = 0;
  const floor0 = need[0]! - rest[0]!;
  const siftDown = (k0: number): void => {
    let k = k0;
    const key = heapKey[k]!;
    const list = heapList[k]!;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= h) break;
      const r = l + 1;
      const child = r < h && heapKey[r]! > heapKey[l]! ? r : l;
      if (heapKey[child]! <= key) break;
      heapKey[k] = heapKey[child]!;
      heapList[k] = heapList[child]!;
      k = child;
    }
    heapKey[k] = key;
    heapList[k] = list;
  };
  for (let o = 0; o < m; o++) {
    if (n === 0) break;
    const key = rv[0]! + gv[o * D]!;
    if (key < floor0) continue;
    heapList[h] = o;
    heapKey[h] = key;
    h++;
  }
  for (let k = (h >> 1) - 1; k >= 0; k--) siftDown(k);
  let candidates = 0;
  const x = new Float64Array(D);
  while (h > 0) {
    const o = heapList[0]!;
    const r = pos[o]!;
    // Advance list o.
    pos[o] = r + 1;
    const nextKey = r + 1 < n ? rv[(r + 1) * D]! + gv[o * D]! : Number.NEGATIVE_INFINITY;
    if (nextKey >= floor0) {
      heapKey[0] = nextKey;
      siftDown(0);
    } else {
      h--;
      heapKey[0] = heapKey[h]!;
      heapList[0] = heapList[h]!;
      if (h > 0) siftDown(0);
    }
    candidates++;
    if (tick !== undefined && (candidates & 0xffff) === 0) tick(candidates);
    let ok = true;
    for (let d = 0; d < D && ok; d++) {
      x[d] = rv[r * D + d]! + gv[o * D + d]!;
      if (x[d]! + rest[d]! < need[d]!) ok = false;
    }
    if (!ok) continue;
    if (sweep.before(x[0]!)) scratch.clear();
    const j = scratch.add();
    scratch.values.set(x, j * D);
    scratch.bundles.set(R.bundles.subarray(r * I, (r + 1) * I), j * I);
    for (const i of issues) scratch.bundles[j * I + i] = G.bundles[o * I + i]!;
    sweep.push(j);
  }
  sweep.finish();
  return { next, candidates };
}

// Parenthesised, hence prettier-ignore: V8 compiles a parenthesised function when the module loads
// (not on its first call), so a first analysis does not pay for it (issue 18; docs/benchmarks.md).
// prettier-ignore
/**
 * The exact Pareto frontier of the ZOPA for additive utilities, without enumerating bundles.
 *
 * Issues are grouped (constraint-linked issues become one group whose options are their feasible
 * combinations), options that any party rejects by a red line are removed, and each group keeps
 * only its non-dominated options. Groups are then merged one at a time, smallest first: the
 * frontier of groups 1..k+1 is contained in {frontier of 1..k} + {options of k+1}, so each merge
 * is a skyline of those sums, after dropping the partial bundles that cannot reach some party's
 * reservation even with the best of the remaining groups. When two partial bundles reach the same
 * utilities, the canonically first is kept (canonical order compares issues by id, and the issues
 * not yet fixed are equal), so the representative of each frontier point is the one enumeration
 * picks. Utilities of the result are recomputed from the bundle exactly as enumeration sums them.
 * See docs/algorithms.md for the argument and sources.
 *
 * @example
 * ```ts
 * import { builtinScenario, compileScenario } from "treatylab";
 * import { decomposedFrontier } from "treatylab/advanced";
 * decomposedFrontier(compileScenario(builtinScenario("ukraine-2025"))).points.length; // same as zopaFrontier(...) by enumeration
 * ```
 */
export const decomposedFrontier = (function decomposedFrontier(
  c: CompiledScenario,
  options: DecomposedFrontierOptions = {},
): DecomposedFrontier {
  // Three or more parties, no progress, budgets that cover the small methods (smallMethodsFit), no
  // constituencies: a small agenda's frontier by smallFrontier (the same points; far less code to
  // run cold on a first call, issue 18).
  if (
    c.partyIds.length > 2 &&
    smallMethodsFit(c, options) &&
    options.onProgress === undefined &&
    (options.extraAcceptors === undefined || options.extraAcceptors.length === 0)
  ) {
    const small = smallFrontier(c);
    if (small !== null)
      return {
        points: sortFrontier(c, small.points),
        groups: c.issueIds.length,
        largestIntermediate: small.largest,
        candidates: small.candidates,
      };
  }
  return mergedFrontier(c, options);
});

/** {@link decomposedFrontier} by merging issue groups (compiled on its first call only). */
function mergedFrontier(c: CompiledScenario, options: DecomposedFrontierOptions): DecomposedFrontier {
  const budget = options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET_BYTES;
  const maxCandidates = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
  const onProgress = options.onProgress;
  const P = c.partyIds.length;
  const I = c.issueIds.length;
  const order = coordinateOrder(c);
  const parties = partyAcceptors(c);
  const acceptors = [...order.map((p) => parties[p]!), ...(options.extraAcceptors ?? [])];
  const D = acceptors.length;
  const need = Float64Array.from(acceptors, (a) => a.reservation - UTILITY_TOLERANCE);
  const groups = issueGroups(c, acceptors, budget).map((g) => ({ issues: g.issues, options: reduceGroup(c, g, P) }));
  const empty = { points: [], groups: groups.length, largestIntermediate: 0, candidates: 0 };
  if (groups.some((g) => g.options.size === 0)) return empty;
  groups.sort((a, b) => a.options.size - b.options.size || a.issues[0]! - b.issues[0]!);
  // rest[k][d]: the most groups k.. can add to coordinate d.
  const rest = Array.from({ length: groups.length + 1 }, () => new Float64Array(D));
  for (let k = groups.length - 1; k >= 0; k--) {
    const g = groups[k]!.options;
    for (let d = 0; d < D; d++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let o = 0; o < g.size; o++) best = Math.max(best, g.values[o * D + d]!);
      rest[k]![d] = rest[k + 1]![d]! + best;
    }
  }
  for (let d = 0; d < D; d++) if (rest[0]![d]! < need[d]!) return empty;
  let R = new PointStore(D, I, 1);
  R.add();
  let largest = 1;
  let candidates = 0;
  // Bytes per point held: its row in the point tables plus its copy in the sweep's cover index.
  const perPoint = R.pointBytes + 8 * (D - 1);
  let formed = 0;
  groups.forEach((g, k) => {
    const limit = (held: number): void => {
      if (held > largest) largest = held;
      if (held * perPoint > budget) throw budgetError(held, held * perPoint, budget, k, groups.length);
    };
    // The work of a merge is known before it starts: |R| x |G| candidate sums.
    const planned = R.size * g.options.size;
    if (formed + planned > maxCandidates) throw candidateError(formed, planned, k, groups.length, maxCandidates);
    const before = formed;
    formed += planned;
    onProgress?.(before, formed);
    const tick = onProgress && ((n: number): void => onProgress(before + n, formed));
    const chain = g.options.size >= CHAIN_MIN_OPTIONS ? monotoneChain(g.options) : null;
    const merged = chain
      ? mergeChain(R, g.options, chain, {
          issues: g.issues,
          rest: rest[k + 1]!,
          need,
          gainDims: P,
          compare: chainCompare(c, R, g.options, g.issues),
          limit,
          tick,
        })
      : mergeGroup(c, R, g.options, g.issues, rest[k + 1]!, need, P, limit, tick);
    R = merged.next;
    candidates += merged.candidates;
    const keptShare = R.size / Math.max(1, planned);
    const projected = projectCandidates(formed, R.size, keptShare, groups.slice(k + 1), maxCandidates);
    if (projected !== undefined)
      throw projectionError(formed, projected, keptShare, k + 1, groups.length, maxCandidates);
  });
  onProgress?.(formed, formed);
  let kept = Array.from({ length: R.size }, (_, i) => i);
  if (D > P) {
    // Agents only pruned: the final frontier is over the parties alone.
    const parts = new PointStore(P, I, R.size);
    for (let i = 0; i < R.size; i++) {
      const j = parts.add();
      parts.values.set(R.values.subarray(i * D, i * D + P), j * P);
      parts.bundles.set(R.bundles.subarray(i * I, (i + 1) * I), j * I);
    }
    R = parts;
    kept = skylineOf({ store: R, gainDims: P, tolerance: DOMINANCE_TOLERANCE, compare: storeCompare(c, R) }, kept);
  }
  // The kept points' bundles and utilities side by side, then the points, in frontier order, as
  // views into those two arrays (issue 18: two typed arrays of their own per point cost the
  // 5-party benchmark's 518,548 points about a second of allocation and garbage collection; the
  // points made in frontier order, not sorted afterwards, and the arrays left in place, not copied
  // into that order, about 0.4 s more). See ArchivePoint.
  const n = kept.length;
  const keptBundles = new Int32Array(n * I);
  const keptUtilities = new Float64Array(n * P);
  const from = R.bundles;
  const bundle = new Int32Array(I);
  const u = new Float64Array(P);
  for (let k = 0; k < n; k++) {
    const i = kept[k]!;
    for (let j = 0; j < I; j++) keptBundles[k * I + j] = bundle[j] = from[i * I + j]!;
    utilities(c, bundle, u);
    for (let p = 0; p < P; p++) keptUtilities[k * P + p] = u[p]!;
  }
  const sorted = frontierOrder(c, n, keptUtilities, P, (k) => keptBundles.subarray(k * I, (k + 1) * I));
  const points: ArchivePoint[] = new Array<ArchivePoint>(n);
  for (let k = 0; k < n; k++) {
    const i = sorted === null ? k : sorted[k]!;
    points[k] = {
      bundle: keptBundles.subarray(i * I, (i + 1) * I),
      utilities: keptUtilities.subarray(i * P, (i + 1) * P),
    };
  }
  return { points, groups: groups.length, largestIntermediate: largest, candidates };
}

// Parenthesised, hence prettier-ignore: V8 compiles a parenthesised function when the module loads
// (not on its first call), so a first analysis does not pay for it (issue 18; docs/benchmarks.md).
// prettier-ignore
/**
 * Sorts frontier points as analyses list them: by utilities in party order, descending (compared
 * after rounding to 12 significant digits, so float noise in the last bits does not reorder
 * equal values), then by canonical bundle order.
 *
 * @example
 * ```ts
 * const c = compileScenario(nash1950);
 * sortFrontier(c, decomposedFrontier(c).points)[0]?.utilities;
 * // Float64Array [0.8823529411764692, 0.375]: the point best for Bill
 * ```
 */
export const sortFrontier = (function sortFrontier(c: CompiledScenario, points: ArchivePoint[]): ArchivePoint[] {
  const n = points.length;
  const P = n === 0 ? 0 : points[0]!.utilities.length;
  // The utilities side by side: the comparator reads one array, not two objects per point.
  const U = new Float64Array(n * P);
  for (let i = 0; i < n; i++) {
    const u = points[i]!.utilities;
    for (let p = 0; p < P; p++) U[i * P + p] = u[p]!;
  }
  const order = frontierOrder(c, n, U, P, (i) => points[i]!.bundle);
  if (order === null) return points.slice();
  const out: ArchivePoint[] = new Array<ArchivePoint>(n);
  for (let k = 0; k < n; k++) out[k] = points[order[k]!]!;
  return out;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The order of {@link sortFrontier} for `n` points whose utilities are side by side in `U` (`P` a
 * point) and whose bundles `bundleOf` gives (read only to break exact ties): the points' indices
 * in that order, or null when they are in it already.
 */
const frontierOrder = (function frontierOrder(c: CompiledScenario, n: number, U: Float64Array, P: number, bundleOf: (i: number) => ArrayLike<number>): Int32Array | null {
  // Equivalent to comparing the rounded utilities, so a total preorder; ties (equal utilities and
  // bundles) in input order, as a stable sort leaves them: every sort then gives one order.
  const compare = (function compare(a: number, b: number): number {
    for (let i = 0; i < P; i++) {
      const x = U[a * P + i]!;
      const y = U[b * P + i]!;
      if (x === y) continue;
      // Rounding is monotone and moves a value by at most 5e-12 of it, so values further apart
      // than 1e-10 of the larger keep their order after rounding: only close ones need rounding.
      if (far(x, y)) return y - x;
      const d = roundUtility(y) - roundUtility(x);
      if (d !== 0) return d;
    }
    return compareBundles(c, bundleOf(a), bundleOf(b)) || a - b;
  });
  if (n < RADIX_MIN || P === 0) {
    // Frontiers the direct and small methods and ParetoArchive give are in this order already,
    // or nearly (their exact order is the rounded one but for values within 1e-10): a straight
    // insertion sort is one pass of n - 1 comparisons for them, a few more for a point out of
    // place. Past 4n moves (an input far from the order) the built-in sort takes over.
    const order = new Int32Array(n);
    let moves = 0;
    let moved = false;
    for (let i = 0; i < n; i++) {
      let j = i;
      while (j > 0 && compare(i, order[j - 1]!) < 0) {
        order[j] = order[j - 1]!;
        j--;
      }
      order[j] = i;
      moves += i - j;
      if (moves > 4 * n) return Int32Array.from({ length: n }, (_, k) => k).sort(compare);
      moved ||= j !== i;
    }
    return moved ? order : null;
  }
  // Large frontiers: a radix sort on the first utility, then the comparator only inside runs of
  // consecutive first utilities that are not far apart (the order between runs is already the
  // comparator's, since rounding keeps far values apart and in order). Runs are short (the
  // 5-party benchmark: 93,098 runs, the longest 48): a binary insertion sort, without the
  // array and the call of Array.prototype.sort per run; longer ones use the built-in sort.
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = U[i * P]!;
  const order = radixOrderDescending(key);
  const run = new Int32Array(SHORT_RUN);
  let start = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && !far(key[order[k - 1]!]!, key[order[k]!]!)) continue;
    const length = k - start;
    if (length > 1 && length <= SHORT_RUN) {
      for (let j = 0; j < length; j++) {
        const v = order[start + j]!;
        let lo = 0;
        let hi = j;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (compare(v, run[mid]!) < 0) hi = mid;
          else lo = mid + 1;
        }
        run.copyWithin(lo + 1, lo, j);
        run[lo] = v;
      }
      for (let j = 0; j < length; j++) order[start + j] = run[j]!;
    } else if (length > SHORT_RUN) order.subarray(start, k).sort(compare);
    start = k;
  }
  return order;
});

/** Longest run of close first utilities that {@link sortFrontier} sorts by binary insertion. */
const SHORT_RUN = 64;

/** Whether two utilities are further apart than 1e-10 of the larger (they then keep their order when rounded). */
// prettier-ignore
const far = (function far(x: number, y: number): boolean {
  return Math.abs(x - y) > 1e-10 * Math.max(Math.abs(x), Math.abs(y));
});

/** Smallest frontier {@link sortFrontier} orders with a radix sort first. */
const RADIX_MIN = 256;

/** Whether the platform stores the low 32-bit word of a double first. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Indices of the keys in decreasing order (a stable LSD radix sort, eight passes of 8 bits, on the
 * bits of each double mapped so that unsigned order is numeric order: -0 after +0; no NaN).
 */
function radixOrderDescending(keys: Float64Array): Int32Array {
  const n = keys.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  const l = LITTLE_ENDIAN ? 0 : 1;
  for (let i = 0; i < n; i++) {
    let a = words[2 * i + l]!;
    let b = words[2 * i + 1 - l]!;
    // Ascending: flip the sign bit of positives, every bit of negatives; descending: then flip all.
    if (b & 0x80000000) {
      a = ~a;
      b = ~b;
    } else b ^= 0x80000000;
    lo[i] = ~a >>> 0;
    hi[i] = ~b >>> 0;
  }
  let order = Int32Array.from({ length: n }, (_, i) => i);
  let spare = new Int32Array(n);
  const count = new Int32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? lo : hi;
    const shift = 8 * (pass & 3);
    count.fill(0);
    for (let k = 0; k < n; k++) count[(word[order[k]!]! >>> shift) & 0xff]!++;
    // Skip a pass where every key has the same byte.
    if (count[(word[order[0]!]! >>> shift) & 0xff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const x = count[d]!;
      count[d] = sum;
      sum += x;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      spare[count[(word[i]! >>> shift) & 0xff]!++] = i;
    }
    [order, spare] = [spare, order];
  }
  return order;
}
