import { brokenConstraint, type CompiledScenario, interactionApplies, toNamedBundle } from "../model/compile.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { Bundle } from "../model/types.js";
import { type RatificationVerdict, ratificationVerdict, ratifies } from "./ratification.js";
import { redLineHits } from "./redLineHits.js";
import { roundUtility, utilities, utilityRecord } from "./utilities.js";

/**
 * A red line that a bundle crosses.
 * @example
 * ```ts
 * const hit: RedLineHit = { issue: "nato", option: "nato-path", reason: "Russia refuses a NATO path" };
 * ```
 */
export interface RedLineHit {
  readonly issue: string;
  readonly option: string;
  readonly reason: string | undefined;
}

/**
 * One party's view of a bundle: its utility, the share each issue contributes, whether it accepts
 * and, if not, why (shortfall against its reservation, red lines crossed).
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const v = evaluateBundle(c, new Int32Array(9)).verdicts[1]!; // all nine items to bill: jack's verdict
 * v.accepts ? "yes" : `short by ${v.shortfall}`; // "short by 0.375"
 * ```
 */
export interface PartyVerdict {
  readonly party: string;
  readonly utility: number;
  readonly reservation: number;
  /** utility - reservation (negative when below). */
  readonly gain: number;
  /** How far below its reservation the bundle leaves the party (0 when at or above). */
  readonly shortfall: number;
  readonly accepts: boolean;
  readonly redLines: readonly RedLineHit[];
  /** Utility contributed by each issue (with `interactions`, they sum to `utility`). */
  readonly contributions: Readonly<Record<string, number>>;
  /** Sum of the interaction terms that apply (0 when there are none). */
  readonly interactions: number;
  /** Ratification by the party's constituencies (null when it has none). */
  readonly ratification: RatificationVerdict | null;
}

/**
 * A full evaluation of one bundle.
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("nash-1950"));
 * const e: BundleEvaluation = evaluateBundle(c, new Int32Array(9)); // all nine items to bill
 * e.utilities; // { bill: 1, jack: 0 }
 * e.acceptedByAll; // false: jack falls short of his reservation
 * ```
 */
export interface BundleEvaluation {
  readonly bundle: Bundle;
  readonly feasible: boolean;
  /** The reason of the constraint the bundle breaks, when infeasible. */
  readonly brokenConstraint: { readonly index: number; readonly reason: string | undefined } | null;
  readonly utilities: Readonly<Record<string, number>>;
  readonly verdicts: readonly PartyVerdict[];
  readonly acceptedByAll: boolean;
}

/**
 * Whether party p accepts an index bundle: no red line crossed, utility at least its
 * reservation (within {@link UTILITY_TOLERANCE}), and its constituencies (if any) ratify it.
 *
 * @example
 * ```ts
 * const compiled = compileScenario(nash1950);
 * accepts(compiled, 0, new Int32Array(compiled.issueIds.length)); // true: bill accepts every issue's first option
 * ```
 */
export function accepts(c: CompiledScenario, p: number, bundle: ArrayLike<number>, utility?: number): boolean {
  const rows = c.redLine[p]!;
  for (let i = 0; i < rows.length; i++) if (rows[i]![bundle[i]!]) return false;
  let u = utility;
  if (u === undefined) {
    u = 0;
    const contrib = c.contrib[p]!;
    for (let i = 0; i < contrib.length; i++) u += contrib[i]![bundle[i]!]!;
    for (const t of c.interactions[p]!) if (interactionApplies(t, bundle)) u += t.value;
  }
  return u >= c.reservation[p]! - UTILITY_TOLERANCE && ratifies(c, p, bundle);
}

/**
 * Evaluates an index bundle for every party (see {@link BundleEvaluation}).
 *
 * @example
 * ```ts
 * import { analyze, builtinScenario, compileScenario, evaluateBundle } from "treatylab";
 * import { toIndexBundle } from "treatylab/advanced";
 * const c = compileScenario(builtinScenario("ukraine-2025"));
 * const nash = analyze(c).solutions.nash!.bundle;
 * const v = evaluateBundle(c, toIndexBundle(c, { ...nash, nato: "no-ukraine" })).verdicts;
 * v.filter((p) => !p.accepts).map((p) => p.party); // ["ukraine"]: Kyiv's red line on nato
 * ```
 */
export function evaluateBundle(c: CompiledScenario, bundle: ArrayLike<number>): BundleEvaluation {
  const u = utilities(c, bundle);
  const broken = brokenConstraint(c, bundle);
  const verdicts: PartyVerdict[] = c.partyIds.map((party, p) => {
    const contributions: Record<string, number> = {};
    c.issueIds.forEach((issue, i) => (contributions[issue] = roundUtility(c.contrib[p]![i]![bundle[i]!]!)));
    const redLines = redLineHits(c, { redLine: c.redLine[p]!, redLineReason: c.redLineReason[p]! }, bundle);
    let interactions = 0;
    for (const t of c.interactions[p]!) if (interactionApplies(t, bundle)) interactions += t.value;
    const r = c.reservation[p]!;
    const utility = u[p]!;
    const ratification = ratificationVerdict(c, p, bundle);
    return {
      party,
      utility: roundUtility(utility),
      reservation: r,
      gain: roundUtility(utility - r),
      shortfall: utility >= r - UTILITY_TOLERANCE ? 0 : roundUtility(r - utility),
      accepts: redLines.length === 0 && utility >= r - UTILITY_TOLERANCE && (ratification?.ratified ?? true),
      redLines,
      contributions,
      interactions: roundUtility(interactions),
      ratification,
    };
  });
  return {
    bundle: toNamedBundle(c, bundle),
    feasible: broken === undefined,
    brokenConstraint: broken ? { index: broken.index, reason: broken.reason } : null,
    utilities: utilityRecord(c, u),
    verdicts,
    acceptedByAll: broken === undefined && verdicts.every((v) => v.accepts),
  };
}
