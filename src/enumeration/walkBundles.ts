import type { CompiledConstraint, CompiledScenario } from "../model/compile.js";
import { ratifies } from "../utility/ratification.js";
import { type LevelHook, RowWalk } from "./rowWalk.js";
import { planWalk, type RowInteraction } from "./walkPlan.js";

/**
 * Options of {@link walkBundles}.
 *
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * import { countBundles, type WalkOptions } from "treatylab/advanced";
 * const everything: WalkOptions = { zopaOnly: false };
 * countBundles(compileScenario(nash1950), everything); // every feasible bundle, in or out of the ZOPA
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
 * import { compileScenario, nash1950 } from "treatylab";
 * import { walkBundles, type BundleVisitor } from "treatylab/advanced";
 * let seen = 0;
 * const stopAfterTen: BundleVisitor = (_bundle, _u) => ++seen >= 10;
 * walkBundles(compileScenario(nash1950), { zopaOnly: true }, stopAfterTen);
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
 * It runs the row walk ({@link rowKernel}: the scenario's {@link WalkPlan} walked by `RowWalk`),
 * allocation-free per bundle: contributions are packed per issue in one typed array (allowed
 * options only) and utilities are updated incrementally. Interaction terms are added at the depth
 * of their last issue.
 *
 * @example
 * ```ts
 * import { builtinScenario, compileScenario } from "treatylab";
 * import { walkBundles } from "treatylab/advanced";
 * let n = 0;
 * walkBundles(compileScenario(builtinScenario("ukraine-2025")), { zopaOnly: true }, () => { n++; });
 * ```
 */
export function walkBundles(c: CompiledScenario, options: WalkOptions, visit: BundleVisitor): void {
  rowKernel(c, options).visit(visit);
}

/**
 * {@link walkBundles} with progress: `onProgress(done, total)` in bundles of the outcome space
 * (`total` = `c.combinations`) walked past, at the start, after every 1,024th visited bundle (its
 * rank in declaration order, the first issue slowest: pruned branches count as passed at once)
 * and at the end (done = total, also when the visitor stops the walk). Without `onProgress`, the
 * plain walk.
 *
 * @example
 * ```ts
 * import { builtinScenario, compileScenario } from "treatylab";
 * import { walkWithProgress } from "treatylab/advanced";
 * const calls: number[] = [];
 * walkWithProgress(compileScenario(builtinScenario("ukraine-2025")), { zopaOnly: true }, () => {}, (done) => calls.push(done));
 * [calls.length, calls.at(-1)]; // [110, 26542080]: the start, 108 (110,625 ZOPA bundles / 1,024), the end
 * ```
 */
export function walkWithProgress(
  c: CompiledScenario,
  options: WalkOptions,
  visit: BundleVisitor,
  onProgress?: (done: number, total: number) => void,
): void {
  if (!onProgress) return walkBundles(c, options, visit);
  const total = Number(c.combinations);
  const stride = c.optionIds.map(() => 1);
  for (let k = stride.length - 2; k >= 0; k--) stride[k] = stride[k + 1]! * c.optionIds[k + 1]!.length;
  let visited = 0;
  onProgress(0, total);
  walkBundles(c, options, (bundle, u) => {
    if ((++visited & 1023) === 0) {
      let rank = 0;
      for (let k = 0; k < stride.length; k++) rank += bundle[k]! * stride[k]!;
      onProgress(rank, total);
    }
    return visit(bundle, u);
  });
  onProgress(total, total);
}

/**
 * Counts the bundles {@link walkBundles} would visit, without a call per bundle: the same walk with
 * the count kept inside the kernel's last-issue loop. This is the enumeration throughput figure of
 * the benchmark.
 *
 * @example
 * ```ts
 * import { builtinScenario, compileScenario } from "treatylab";
 * import { countBundles } from "treatylab/advanced";
 * countBundles(compileScenario(builtinScenario("ukraine-2025")), { zopaOnly: true }); // the ZOPA size, by enumeration
 * ```
 */
export function countBundles(c: CompiledScenario, options: Omit<WalkOptions, "cost"> = {}): number {
  return rowKernel(c, options).count();
}

/**
 * An enumeration kernel bound to one compiled scenario: `count` returns the number of bundles
 * the walk selects, `visit` calls the visitor on each in declaration order (same bundles, same
 * order, same utilities bit for bit, whichever kernel) and returns how many it visited. Build
 * the kernel {@link chooseWalkKernel} picks with {@link rowKernel}, or, for Monte Carlo draws, the
 * tail kernel of `uncertainty/zopaKernel.ts` (`tailKernel`).
 *
 * @example
 * ```ts
 * import { builtinScenario, compileScenario } from "treatylab";
 * import { rowKernel, type WalkKernel } from "treatylab/advanced";
 * const k: WalkKernel = rowKernel(compileScenario(builtinScenario("ukraine-2025")), { zopaOnly: true });
 * k.count() === k.visit(() => {}); // true
 * ```
 */
export interface WalkKernel {
  readonly name: WalkKernelName;
  count(): number;
  visit(visit: BundleVisitor): number;
}

/**
 * The enumeration kernels: `rows`, the row walk over a {@link WalkPlan} (any number of rows; hooks
 * for interaction terms, constraints, the cost bound; vote counts on complete bundles); `tail`, the
 * Monte Carlo ZOPA kernel (pair bounds and tabulated last issues; its plan is reused across draws).
 *
 * @example
 * ```ts
 * import { nash1950, compileScenario } from "treatylab";
 * import { chooseWalkKernel, type WalkKernelName } from "treatylab/advanced";
 * const name: WalkKernelName = chooseWalkKernel(compileScenario(nash1950), { zopaOnly: true }); // "rows"
 * ```
 */
export type WalkKernelName = "rows" | "tail";

/**
 * Whether the tail kernel can run a walk: the ZOPA only, no cost bound, additive utilities (no
 * interaction terms) and no constituencies.
 *
 * @example
 * ```ts
 * import { builtinScenario, compileScenario } from "treatylab";
 * import { tailKernelApplies } from "treatylab/advanced";
 * tailKernelApplies(compileScenario(builtinScenario("ukraine-2025")), { zopaOnly: true }); // false when it has interaction terms or constituencies
 * ```
 */
export function tailKernelApplies(c: CompiledScenario, options: WalkOptions): boolean {
  return (
    (options.zopaOnly ?? true) &&
    !options.cost &&
    !c.hasInteractions &&
    c.agents.length === 0 &&
    c.issueIds.length > 0 &&
    c.partyIds.length > 0
  );
}

/**
 * The one adaptive choice of an enumeration kernel. A walk run once (`walkBundles`,
 * `countBundles`, every analysis) uses the row walk: it serves every scenario and option, keeps
 * the first four rows in locals and any further rows on a typed-array stack, and counts wide last
 * issues by thresholds. Walks repeated over Monte Carlo draws (`reuse: "draws"`: same structure,
 * new numbers) use the tail kernel when it applies ({@link tailKernelApplies}): its plan is built
 * once and refilled per draw, its pair bounds prune conflicting parties sooner, and its tabulated
 * tail serves the Nash candidates; otherwise the row walk, planned per draw.
 *
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * import { chooseWalkKernel } from "treatylab/advanced";
 * chooseWalkKernel(compileScenario(nash1950), { zopaOnly: true }, "draws"); // "tail": additive, no constituencies
 * chooseWalkKernel(compileScenario(nash1950), { zopaOnly: true }); // "rows": a walk run once
 * ```
 */
export function chooseWalkKernel(
  c: CompiledScenario,
  options: WalkOptions,
  reuse: "once" | "draws" = "once",
): WalkKernelName {
  return reuse === "draws" && tailKernelApplies(c, options) ? "tail" : "rows";
}

/**
 * The row walk of a compiled scenario as a {@link WalkKernel}: the {@link WalkPlan} with the hooks
 * of the issues that have interaction terms, constraints or a cost bound, and the vote count on
 * complete bundles.
 *
 * @example
 * ```ts
 * import { builtinScenario, compileScenario } from "treatylab";
 * import { rowKernel } from "treatylab/advanced";
 * const kernel = rowKernel(compileScenario(builtinScenario("ukraine-2025")), { zopaOnly: true });
 * kernel.count(); // the ZOPA size, by enumeration
 * kernel.visit((bundle, u) => { console.log([...bundle], [...u]); return true; }); // the first ZOPA bundle, then stop
 * ```
 */
export function rowKernel(c: CompiledScenario, options: WalkOptions): WalkKernel {
  const plan = planWalk(c, options.zopaOnly ?? true);
  if (plan.empty) return { name: "rows", count: () => 0, visit: () => 0 };
  const { allowed, interAt, checkAt, voting } = plan;
  const bundle = new Int32Array(plan.issues);
  const cost = options.cost;
  const costAt = new Float64Array(plan.issues + 1);
  const hooks = allowed.map((opts, k): LevelHook | null =>
    interAt[k]!.length === 0 && checkAt[k]!.length === 0 && !cost
      ? null
      : (level, j, sums) => {
          const o = opts[j]!;
          bundle[level] = o;
          if (cost) {
            costAt[level + 1] = costAt[level]! + cost.perOption[level]![o]!;
            if (costAt[level + 1]! > cost.limit()) return false;
          }
          addInteractions(interAt[level]!, bundle, sums);
          return constraintsHold(checkAt[level]!, bundle);
        },
  );
  const accept = voting.length === 0 ? null : (b: Int32Array) => voting.every((p) => ratifies(c, p, b));
  const walk = new RowWalk(plan, { hooks, accept, bundle });
  const row = new Float64Array(plan.width);
  const utilities = row.subarray(0, plan.parties);
  return {
    name: "rows",
    count: () => walk.count(0, 0, 0, 0, 0),
    visit: (visit) => {
      walk.visited = 0;
      walk.visit(0, 0, 0, 0, 0, row, utilities, visit);
      return walk.visited;
    },
  };
}

/** Adds the interaction terms (fixed at one issue) that apply to the bundle to their rows' sums, in declaration order. */
function addInteractions(inter: readonly RowInteraction[], bundle: Int32Array, sums: Float64Array): void {
  for (let q = 0; q < inter.length; q++) {
    const { row, term } = inter[q]!;
    let applies = true;
    for (let m = 0; m < term.issues.length && applies; m++)
      if (!term.allowed[m]![bundle[term.issues[m]!]!]) applies = false;
    if (applies) sums[row] = sums[row]! + term.value;
  }
}

/** Whether the bundle satisfies the constraints (whose issues are all fixed). */
function constraintsHold(checks: readonly CompiledConstraint[], bundle: Int32Array): boolean {
  for (let q = 0; q < checks.length; q++) {
    const con = checks[q]!;
    let applies = true;
    for (let m = 0; m < con.ifIssues.length && applies; m++)
      if (!con.ifAllowed[m]![bundle[con.ifIssues[m]!]!]) applies = false;
    if (applies)
      for (let m = 0; m < con.thenIssues.length; m++)
        if (!con.thenAllowed[m]![bundle[con.thenIssues[m]!]!]) return false;
  }
  return true;
}
