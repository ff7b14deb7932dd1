import type { CompiledConstraint, CompiledInteraction, CompiledScenario } from "../model/compile.js";
import { ObjectCache } from "../model/objectCache.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import { allowedOptions, votingParties } from "./acceptors.js";

/**
 * Fewest rows of a plan's tables: 1 to 3 rows are padded to four (the row walk keeps four rows in locals).
 *
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * import { MIN_WALK_ROWS, planWalk } from "treatylab/advanced";
 * planWalk(compileScenario(nash1950), true).width === MIN_WALK_ROWS; // true: two parties, padded to four rows
 * ```
 */
export const MIN_WALK_ROWS = 4;

/**
 * An interaction term of acceptance row `row`, added once its last issue is fixed.
 *
 * @example
 * ```ts
 * import { builtinScenario, compileScenario } from "treatylab";
 * import { planWalk, type RowInteraction } from "treatylab/advanced";
 * const plan = planWalk(compileScenario(builtinScenario("ukraine-2025")), true);
 * const terms: readonly RowInteraction[] = plan.interAt.flat(); // every interaction term, with its acceptance row
 * ```
 */
export interface RowInteraction {
  readonly row: number;
  readonly term: CompiledInteraction;
}

/**
 * Everything an enumeration kernel needs about one scenario, built once by {@link planWalk} and
 * shared by every kernel (the row walk of `walkBundles`, the Monte Carlo ZOPA kernel): the issue
 * order (declaration order of the compiled scenario), the acceptance rows, the allowed options,
 * the per-row tables, the suffix bounds, and the checks that run at each depth.
 *
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * import { planWalk } from "treatylab/advanced";
 * const plan = planWalk(compileScenario(nash1950), true);
 * plan.table[0]![2 * plan.width + 1]; // row 1's (party 1's) utility from the third allowed option of issue 0
 * ```
 */
export interface WalkPlan {
  /** Whether only the ZOPA is walked (rows prune; red lines remove options; votes are counted). */
  readonly zopaOnly: boolean;
  readonly issues: number;
  readonly parties: number;
  /**
   * Acceptance rows: the parties, then (in ZOPA mode) the constituencies that must accept (veto
   * players, or all under the "all" rule), which prune exactly like parties.
   */
  readonly rows: number;
  /** Row stride of the tables: `rows` padded to at least {@link MIN_WALK_ROWS} with rows that never prune. */
  readonly width: number;
  /** Options allowed at each issue (no red line of an acceptance row in ZOPA mode). */
  readonly allowed: readonly Int32Array[];
  /** `table[k][j * width + r]`: row r's contribution from the j-th allowed option of issue k (0 on padding rows). */
  readonly table: readonly Float64Array[];
  /**
   * `maxRest[k * width + r]`: the best row r can still add from issues k..I-1 (each issue's best
   * allowed option, at least 0, plus every positive interaction term not yet added).
   */
  readonly maxRest: Float64Array;
  /** `need[r]`: row r's reservation minus the tolerance; `-Infinity` on padding rows and outside ZOPA mode. */
  readonly need: Float64Array;
  /** Interaction terms to add once issue k is fixed, in declaration order (rows in order). */
  readonly interAt: readonly (readonly RowInteraction[])[];
  /** Constraints to check once issue k is fixed (the deepest issue they involve). */
  readonly checkAt: readonly (readonly CompiledConstraint[])[];
  /** Parties whose ratification counts votes, checked on complete bundles (ZOPA mode only). */
  readonly voting: readonly number[];
  /** True when no bundle can be visited (an issue without allowed options, a row that cannot reach its need). */
  readonly empty: boolean;
}

/**
 * The constraints grouped by the deepest issue they involve (where a walk can check them).
 *
 * @example
 * ```ts
 * import { builtinScenario, compileScenario } from "treatylab";
 * import { constraintsByLastIssue } from "treatylab/advanced";
 * constraintsByLastIssue(compileScenario(builtinScenario("ukraine-2025")))[2]; // the constraints whose issues are at most issue 2, one of them issue 2
 * ```
 */
export function constraintsByLastIssue(c: CompiledScenario): CompiledConstraint[][] {
  const checkAt: CompiledConstraint[][] = Array.from({ length: c.issueIds.length }, () => []);
  for (const k of c.constraints) checkAt[Math.max(...k.ifIssues, ...k.thenIssues)]!.push(k);
  return checkAt;
}

/**
 * Builds the {@link WalkPlan} of a compiled scenario, walked in its issue order: in ZOPA mode the
 * rows are the parties and the must-accept constituencies, options some row rejects by a red line
 * are left out, and each row's need is its reservation minus `UTILITY_TOLERANCE`.
 *
 * @example
 * ```ts
 * import { builtinScenario, compileScenario } from "treatylab";
 * import { planWalk } from "treatylab/advanced";
 * const plan = planWalk(compileScenario(builtinScenario("ukraine-2025")), true);
 * plan.empty; // true when the ZOPA is empty for a reason seen before walking
 * plan.allowed.map((o) => o.length); // options left per issue once red lines are removed
 * ```
 */
export function planWalk(c: CompiledScenario, zopaOnly: boolean): WalkPlan {
  // A compiled scenario cannot change, so its two plans are made once and shared (every walk of
  // a warm call would otherwise rebuild them); nobody may modify a plan's arrays.
  let plans = PLANS.get(c);
  if (plans === undefined) PLANS.set(c, (plans = [undefined, undefined]));
  const k = zopaOnly ? 1 : 0;
  return (plans[k] ??= buildPlan(c, zopaOnly));
}

/** The plans of each compiled scenario, [all bundles, ZOPA]; kept on it, so it keeps nothing alive. */
const PLANS = new ObjectCache<CompiledScenario, [WalkPlan | undefined, WalkPlan | undefined]>("walk plans");

function buildPlan(c: CompiledScenario, zopaOnly: boolean): WalkPlan {
  const I = c.issueIds.length;
  const P = c.partyIds.length;
  const rows = [
    ...c.partyIds.map((_, p) => ({
      contrib: c.contrib[p]!,
      redLine: c.redLine[p]!,
      interactions: c.interactions[p]!,
      reservation: c.reservation[p]!,
    })),
    ...(zopaOnly ? c.agents.filter((a) => a.mustAccept) : []),
  ];
  const real = rows.length;
  const R = Math.max(MIN_WALK_ROWS, real);
  const allowed = c.sizes.map((_, i) => allowedOptions(c, zopaOnly ? rows : [], i));
  const table = allowed.map((opts, k) => {
    const t = new Float64Array(opts.length * R);
    opts.forEach((o, j) => {
      for (let r = 0; r < real; r++) t[j * R + r] = rows[r]!.contrib[k]![o]!;
    });
    return t;
  });
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
  const interAt: RowInteraction[][] = Array.from({ length: I }, () => []);
  rows.forEach((row, r) => row.interactions.forEach((term) => interAt[term.last]!.push({ row: r, term })));
  for (let k = I - 1; k >= 0; k--)
    for (const { row, term } of interAt[k]!)
      if (term.value > 0) for (let j = 0; j <= k; j++) maxRest[j * R + row] = maxRest[j * R + row]! + term.value;
  const need = new Float64Array(R).fill(-Infinity);
  if (zopaOnly) for (let r = 0; r < real; r++) need[r] = rows[r]!.reservation - UTILITY_TOLERANCE;
  let empty = I === 0 || allowed.some((a) => a.length === 0);
  if (zopaOnly && I > 0) for (let r = 0; r < R; r++) if (maxRest[r]! < need[r]!) empty = true;
  return {
    zopaOnly,
    issues: I,
    parties: P,
    rows: real,
    width: R,
    allowed,
    table,
    maxRest,
    need,
    interAt,
    checkAt: constraintsByLastIssue(c),
    voting: zopaOnly ? votingParties(c) : [],
    empty,
  };
}
