import { bargainingProblem, zopaFrontier } from "../analysis/analyze.js";
import type { SettlementPoint } from "../analysis/types.js";
import { applyEdits } from "../edits/applyEdits.js";
import type { ScenarioEdit } from "../edits/types.js";
import { compileScenario, toNamedBundle } from "../model/compile.js";
import type { Scenario } from "../model/types.js";
import { egalitarianSolution } from "../solutions/egalitarian.js";
import { kalaiSmorodinskySolution } from "../solutions/kalaiSmorodinsky.js";
import { nashSolution } from "../solutions/nash.js";
import { utilitarianSolution } from "../solutions/utilitarian.js";
import { utilityRecord } from "../utility/utilities.js";
import type { SolutionName } from "./compareScenarios.js";

/**
 * The index-level solver of each named solution.
 *
 * @example
 * ```ts
 * SOLVERS.nash(problem)?.point.bundle;
 * ```
 */
export const SOLVERS = {
  nash: nashSolution,
  kalaiSmorodinsky: kalaiSmorodinskySolution,
  egalitarian: egalitarianSolution,
  utilitarian: utilitarianSolution,
} as const;

/**
 * What a what-if changes that break-even and tornado analyses look at: the ZOPA size and one
 * solution (null when the ZOPA is empty), with `key` a string naming the solution's bundle.
 *
 * @example
 * ```ts
 * const o: WhatIfOutcome = whatIfOutcome(s, edits, "nash");
 * o.key === null; // the ZOPA is empty
 * ```
 */
export interface WhatIfOutcome {
  readonly zopaSize: number;
  readonly solution: SettlementPoint | null;
  readonly key: string | null;
}

/**
 * Applies edits (validated) and computes the ZOPA size and one solution exactly.
 *
 * @example
 * ```ts
 * whatIfOutcome(nash1950, [{ op: "setReservation", party: "bill", value: 0.5 }], "nash").zopaSize;
 * ```
 */
export function whatIfOutcome(scenario: Scenario, edits: readonly ScenarioEdit[], solution: SolutionName, maxOutcomes?: number): WhatIfOutcome {
  const c = compileScenario(applyEdits(scenario, edits));
  const { points, zopaCount } = zopaFrontier(c, maxOutcomes !== undefined ? { maxOutcomes } : {});
  const best = SOLVERS[solution](bargainingProblem(c, points));
  if (best === null) return { zopaSize: zopaCount, solution: null, key: null };
  const bundle = toNamedBundle(c, best.point.bundle);
  return { zopaSize: zopaCount, solution: { bundle, utilities: utilityRecord(c, best.point.utilities) }, key: JSON.stringify(bundle) };
}
