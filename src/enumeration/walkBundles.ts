import type { CompiledScenario } from "../model/compile.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import { ratifies } from "../utility/ratification.js";
import { allowedOptions, votingParties } from "./acceptors.js";
import { FourRowWalk, type LevelHook } from "./fourRowWalk.js";

/**
 * Options of {@link walkBundles}.
 *
 * @example
 * ```ts
 * const opts: WalkOptions = { zopaOnly: true };
 * ```
 */
export interface WalkOptions {
  /** Visit only bundles every party accepts (prunes red lines and unreachable reservations). Default true. */
  readonly zopaOnly?: boolean;
  /**
   * An additive cost per issue and option with a budget: branches whose cost so far exceeds
   * `limit()` are skipped (used for nearest-bundle searches).
   */
  readonly cost?: { readonly perOption: readonly Float64Array[]; readonly limit: () => number };
}

/**
 * Called for each bundle; the arrays are reused between calls, so copy what you keep.
 * Return `true` to stop the walk.
 * @example
 * ```ts
 * const stopAfterTen: BundleVisitor = (_bundle, _u) => ++seen >= 10;
 * ```
 */
export type BundleVisitor = (bundle: Int32Array, utilities: Float64Array) => boolean | void;

/**
 * Depth-first walk over the feasible bundles (or only the ZOPA) in declaration order, keeping
 * partial utilities per depth so each step costs one addition per party. In ZOPA mode options
 * that any party (or must-accept constituency) rejects by a red line are skipped, a branch is
 * pruned as soon as one of them cannot reach its reservation even with its best remaining
 * options, and vote-counting ratification rules are checked on complete bundles. Constraints are checked at
 * the depth where their last issue is fixed.
 *
 * The kernel is iterative and allocation-free per bundle: contributions are packed per depth in
 * one typed array (allowed options only), utilities are updated incrementally, and the last issue
 * runs in a tight loop. Interaction terms are added at the depth of their last issue.
 *
 * @example
 * ```ts
 * let n = 0;
 * walkBundles(compiled, { zopaOnly: true }, () => { n++; });
 * ```
 */
export function walkBundles(c: CompiledScenario, options: WalkOptions, visit: BundleVisitor): void {
  walkKernel(c, options, visit);
}

/**
 * Counts the bundles {@link walkBundles} would visit, without a call per bundle: the same walk with
 * the count kept inside the kernel's last-issue loop. This is the enumeration throughput figure of
 * the benchmark.
 *
 * @example
 * ```ts
 * countBundles(compiled, { zopaOnly: true }); // the ZOPA size, by enumeration
 * ```
 */
export function countBundles(c: CompiledScenario, options: Omit<WalkOptions, "cost"> = {}): number {
  return walkKernel(c, options, null);
}

/** The walk; with `visit` null it only counts the bundles it would visit. Returns that count. */
function walkKernel(c: CompiledScenario, options: WalkOptions, visit: BundleVisitor | null): number {
  const zopaOnly = options.zopaOnly ?? true;
  const I = c.issueIds.length;
  const P = c.partyIds.length;
  if (I === 0) return 0;
  // Rows tracked during the walk: the parties, then (in ZOPA mode) the constituencies that must
  // accept (veto players, or all under the "all" rule), which prune exactly like parties.
  const rows = [
    ...c.partyIds.map((_, p) => ({ contrib: c.contrib[p]!, redLine: c.redLine[p]!, interactions: c.interactions[p]!, reservation: c.reservation[p]! })),
    ...(zopaOnly ? c.agents.filter((a) => a.mustAccept) : []),
  ];
  // Tables hold R rows; up to four rows are padded to four (contribution 0, need -Infinity: they
  // never prune) so that the specialised inner walk (PlainSuffix4) serves 1 to 4 rows.
  const R = rows.length <= 4 ? 4 : rows.length;
  const real = rows.length;
  // Parties whose ratification needs a vote count, checked on complete bundles.
  const voting = zopaOnly ? votingParties(c) : [];
  // Options allowed at each issue.
  const allowed = c.sizes.map((_, i) => allowedOptions(c, zopaOnly ? rows : [], i));
  if (allowed.some((a) => a.length === 0)) return 0;
  // table[k][j * R + r]: row r's utility from the j-th allowed option of issue k.
  const table = allowed.map((opts, k) => {
    const t = new Float64Array(opts.length * R);
    opts.forEach((o, j) => {
      for (let r = 0; r < real; r++) t[j * R + r] = rows[r]!.contrib[k]![o]!;
    });
    return t;
  });
  // maxRest[k * R + r]: best utility row r can still add from issues k..I-1.
  const maxRest = new Float64Array((I + 1) * R);
  for (let k = I - 1; k >= 0; k--) {
    for (let r = 0; r < real; r++) {
      let best = 0;
      const row = rows[r]!.contrib[k]!;
      for (const o of allowed[k]!) if (row[o]! > best) best = row[o]!;
      maxRest[k * R + r] = maxRest[(k + 1) * R + r]! + best;
    }
  }
  // Interaction terms are added at the depth where their last issue is fixed; until then the
  // bound assumes every positive term will apply.
  const interAt: { p: number; t: (typeof c.interactions)[number][number] }[][] = Array.from({ length: I }, () => []);
  rows.forEach((row, p) => row.interactions.forEach((t) => interAt[t.last]!.push({ p, t })));
  for (let k = I - 1; k >= 0; k--)
    for (const { p, t } of interAt[k]!) if (t.value > 0) for (let j = 0; j <= k; j++) maxRest[j * R + p] = maxRest[j * R + p]! + t.value;
  const need = new Float64Array(R).fill(-Infinity);
  if (zopaOnly) for (let r = 0; r < real; r++) need[r] = rows[r]!.reservation - UTILITY_TOLERANCE;
  if (zopaOnly) for (let r = 0; r < R; r++) if (maxRest[r]! < need[r]!) return 0;
  // Constraints to check once issue k is fixed.
  const checkAt: (typeof c.constraints)[number][][] = Array.from({ length: I }, () => []);
  for (const k of c.constraints) checkAt[Math.max(...k.ifIssues, ...k.thenIssues)]!.push(k);
  const partial = new Float64Array((I + 1) * R);
  const bundle = new Int32Array(I);
  const pos = new Int32Array(I);
  const leafRow = new Float64Array(R);
  const last = leafRow.subarray(0, P);
  const cost = options.cost;
  const costAt = new Float64Array(I + 1);
  let count = 0;

  /** Adds the interaction terms fixed at issue k that apply to the bundle to `sums[offset + row]`, in declaration order. */
  const addInteractions = (k: number, sums: Float64Array, offset: number): void => {
    const inter = interAt[k]!;
    for (let q = 0; q < inter.length; q++) {
      const { p, t: term } = inter[q]!;
      let applies = true;
      for (let m = 0; m < term.issues.length && applies; m++) if (!term.allowed[m]![bundle[term.issues[m]!]!]) applies = false;
      if (applies) sums[offset + p] = sums[offset + p]! + term.value;
    }
  };
  /** Whether the bundle satisfies the constraints whose last issue is k. */
  const constraintsHold = (k: number): boolean => {
    const checks = checkAt[k]!;
    for (let q = 0; q < checks.length; q++) {
      const con = checks[q]!;
      let applies = true;
      for (let m = 0; m < con.ifIssues.length && applies; m++) if (!con.ifAllowed[m]![bundle[con.ifIssues[m]!]!]) applies = false;
      if (applies) for (let m = 0; m < con.thenIssues.length; m++) if (!con.thenAllowed[m]![bundle[con.thenIssues[m]!]!]) return false;
    }
    return true;
  };

  /** Fixes option j of issue k: updates partial utilities and checks cost, bounds and constraints. */
  const enter = (k: number, j: number): boolean => {
    const o = allowed[k]![j]!;
    bundle[k] = o;
    if (cost) {
      costAt[k + 1] = costAt[k]! + cost.perOption[k]![o]!;
      if (costAt[k + 1]! > cost.limit()) return false;
    }
    const base = k * R;
    const next = base + R;
    const t = table[k]!;
    for (let r = 0; r < R; r++) partial[next + r] = partial[base + r]! + t[j * R + r]!;
    addInteractions(k, partial, next);
    if (zopaOnly) for (let r = 0; r < R; r++) if (partial[next + r]! + maxRest[next + r]! < need[r]!) return false;
    return constraintsHold(k);
  };

  // With at most four rows and no cost, the specialised walk runs everything, with these hooks
  // at the issues that have interaction terms or constraints and the vote count on complete bundles.
  if (R === 4 && !cost) {
    const hooks = allowed.map((opts, k): LevelHook | null =>
      interAt[k]!.length === 0 && checkAt[k]!.length === 0
        ? null
        : (level, j, sums) => {
            bundle[level] = opts[j]!;
            addInteractions(level, sums, 0);
            return constraintsHold(level);
          },
    );
    const accept = voting.length === 0 ? null : (b: Int32Array) => voting.every((p) => ratifies(c, p, b));
    const walk = new FourRowWalk({ tables: table, options: allowed, maxRest, need, last: I - 1, hooks, accept, bundle });
    if (visit === null) return walk.count(0, 0, 0, 0, 0);
    walk.visit(0, 0, 0, 0, 0, leafRow, last, visit);
    return walk.visited;
  }

  // The last issue in a tight loop when nothing but the reservations needs checking there.
  const L = I - 1;
  const plainLeaf = !cost && interAt[L]!.length === 0 && checkAt[L]!.length === 0 && voting.length === 0;
  const leafTable = table[L]!;
  const leafOpts = allowed[L]!;
  const leafBase = L * R;
  /** Visits every completion of the current prefix; returns true when the visitor stopped the walk. */
  const leaves = (): boolean => {
    if (plainLeaf) {
      for (let j = 0; j < leafOpts.length; j++) {
        let ok = true;
        for (let r = 0; r < R; r++) {
          const v = partial[leafBase + r]! + leafTable[j * R + r]!;
          leafRow[r] = v;
          if (zopaOnly && v < need[r]!) ok = false;
        }
        if (!ok) continue;
        count++;
        if (visit === null) continue;
        bundle[L] = leafOpts[j]!;
        if (visit(bundle, last) === true) return true;
      }
      return false;
    }
    for (let j = 0; j < leafOpts.length; j++) {
      if (!enter(L, j)) continue;
      let ok = true;
      for (let q = 0; q < voting.length && ok; q++) if (!ratifies(c, voting[q]!, bundle)) ok = false;
      if (!ok) continue;
      count++;
      if (visit === null) continue;
      for (let r = 0; r < R; r++) leafRow[r] = partial[leafBase + R + r]!;
      if (visit(bundle, last) === true) return true;
    }
    return false;
  };

  // When the issue before the last is plain too, both run as nested loops (same sums, same order).
  const M = L - 1;
  const twoLevels = plainLeaf && M >= 0 && interAt[M]!.length === 0 && checkAt[M]!.length === 0;
  const midTable = twoLevels ? table[M]! : leafTable;
  const midOpts = twoLevels ? allowed[M]! : leafOpts;
  const midBase = M * R;
  const midRest = L * R;
  /** Visits every completion of the current prefix of M issues; returns true when stopped. */
  const twoLevelLeaves = (): boolean => {
    for (let i = 0; i < midOpts.length; i++) {
      let reach = true;
      for (let r = 0; r < R; r++) {
        const v = partial[midBase + r]! + midTable[i * R + r]!;
        partial[leafBase + r] = v;
        if (zopaOnly && v + maxRest[midRest + r]! < need[r]!) reach = false;
      }
      if (!reach) continue;
      bundle[M] = midOpts[i]!;
      if (leaves()) return true;
    }
    return false;
  };

  const depth = twoLevels ? M : L;
  const finish = twoLevels ? twoLevelLeaves : leaves;

  let k = 0;
  pos[0] = 0;
  while (k >= 0) {
    if (k === depth) {
      if (finish()) return count;
      k--;
      if (k >= 0) pos[k] = pos[k]! + 1;
      continue;
    }
    const j = pos[k]!;
    if (j >= allowed[k]!.length) {
      k--;
      if (k >= 0) pos[k] = pos[k]! + 1;
      continue;
    }
    if (!enter(k, j)) {
      pos[k] = pos[k]! + 1;
      continue;
    }
    k++;
    pos[k] = 0;
  }
  return count;
}
