import { type AnalyzeOptions, bargainingProblem, zopaAndFrontier } from "../analysis/analyze.js";
import type { SettlementPoint } from "../analysis/types.js";
import { applyEdits } from "../edits/applyEdits.js";
import type { ScenarioEdit } from "../edits/types.js";
import { compileScenario, toNamedBundle } from "../model/compile.js";
import type { Scenario } from "../model/types.js";
import { utilityRecord } from "../utility/utilities.js";
import { SOLUTION_CONCEPTS, type SolutionName } from "../solutions/solutionConcepts.js";

/**
 * What a what-if changes that break-even and tornado analyses look at: the ZOPA (empty or not,
 * and its size) and one solution (null when the ZOPA is empty), with `key` a string naming the
 * solution's bundle. The size is exact unless `zopaSizeStandardError` is present: on outcome
 * spaces analysed by the frontier method whose size the dynamic program cannot count, it is
 * `analyze`'s seeded estimate. Emptiness and the solution are always exact.
 *
 * @example
 * ```ts
 * const o: WhatIfOutcome = whatIfOutcome(s, edits, "nash");
 * o.zopaEmpty; // true: no settlement
 * ```
 */
export interface WhatIfOutcome {
  readonly zopaEmpty: boolean;
  readonly zopaSize: number;
  readonly zopaSizeStandardError?: number;
  readonly solution: SettlementPoint | null;
  readonly key: string | null;
}

/**
 * Options of {@link whatIfOutcome}: those of `analyze` that choose and bound the algorithm
 * (break-even's and tornado's options extend them and are passed as they are).
 *
 * @example
 * ```ts
 * const o: WhatIfOptions = { algorithm: "frontier" };
 * ```
 */
export type WhatIfOptions = Pick<
  AnalyzeOptions,
  "maxOutcomes" | "algorithm" | "memoryBudgetBytes" | "seed" | "countSamples"
>;

/**
 * Applies edits (validated) and computes the ZOPA and one solution exactly, by the algorithm
 * `analyze` picks (see `chooseAlgorithm`): enumeration, or on large decomposable agendas the
 * issue-by-issue frontier, so what-ifs scale like the analysis.
 *
 * @example
 * ```ts
 * whatIfOutcome(nash1950, [{ op: "setReservation", party: "bill", value: 0.5 }], "nash").zopaSize;
 * ```
 */
export function whatIfOutcome(
  scenario: Scenario,
  edits: readonly ScenarioEdit[],
  solution: SolutionName,
  options: WhatIfOptions = {},
): WhatIfOutcome {
  const c = compileScenario(applyEdits(scenario, edits));
  const { points, count, method, standardError } = zopaAndFrontier(c, options);
  const size = { zopaSize: Number(count), ...(method === "estimate" ? { zopaSizeStandardError: standardError } : {}) };
  const zopaEmpty = points.length === 0;
  const best = SOLUTION_CONCEPTS[solution].solve(bargainingProblem(c, points));
  if (best === null) return { zopaEmpty, ...size, solution: null, key: null };
  const bundle = toNamedBundle(c, best.point.bundle);
  return {
    zopaEmpty,
    ...size,
    solution: { bundle, utilities: utilityRecord(c, best.point.utilities) },
    key: JSON.stringify(bundle),
  };
}
