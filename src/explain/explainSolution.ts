import { bargainingProblem, frontierPoints, type AnalyzeOptions } from "../analysis/analyze.js";
import { prepare } from "../analysis/prepare.js";
import { type CompiledScenario, toNamedBundle } from "../model/compile.js";
import { deepFreeze } from "../model/deepFreeze.js";
import type { Scenario } from "../model/types.js";
import type { ArchivePoint } from "../frontier/paretoArchive.js";
import { pickBest } from "../solutions/pickBest.js";
import { SOLUTION_CONCEPTS } from "../solutions/solutionConcepts.js";
import { roundUtility, utilityRecord } from "../utility/utilities.js";
import type { SolutionExplanation } from "./types.js";

/**
 * Explains why a solution was chosen: its criterion against the runner-up (the best frontier
 * point once the chosen one is set aside, ranked by the same criterion on the whole ZOPA, so the
 * Kalai-Smorodinsky ideal point does not move), the clauses where they differ, and how a switch
 * would move each party's utility. A zero margin means the documented tie-break decided.
 *
 * @example
 * ```ts
 * import { builtinScenario, explainSolution, narrate } from "treatylab";
 * console.log(narrate(explainSolution(builtinScenario("ukraine-2025"), "nash")));
 * ```
 */
export function explainSolution(
  scenario: Scenario | CompiledScenario,
  solution: SolutionExplanation["solution"],
  options: AnalyzeOptions = {},
): SolutionExplanation {
  const c = prepare(scenario);
  const points = frontierPoints(c, options);
  const s = SOLUTION_CONCEPTS[solution];
  const problem = bargainingProblem(c, points);
  const key = s.key(problem);
  const best = pickBest(problem, key);
  const second = best ? pickBest({ ...problem, points: points.filter((p) => p !== best.point) }, key) : null;
  const pack = (r: { point: ArchivePoint; key: readonly number[] } | null) =>
    r
      ? {
          bundle: toNamedBundle(c, r.point.bundle),
          utilities: utilityRecord(c, r.point.utilities),
          criterion: roundUtility(s.value(r.key)),
        }
      : null;
  const chosen = pack(best);
  const runner = pack(second);
  const differences =
    chosen && runner
      ? c.issueIds
          .filter((i) => chosen.bundle[i] !== runner.bundle[i])
          .map((i) => ({ issue: i, chosen: chosen.bundle[i]!, runnerUp: runner.bundle[i]! }))
      : [];
  const deltas: Record<string, number> = {};
  if (chosen && runner)
    for (const p of c.partyIds) deltas[p] = roundUtility(runner.utilities[p]! - chosen.utilities[p]!);
  const margin = chosen && runner ? roundUtility(chosen.criterion - runner.criterion) : null;
  return deepFreeze({
    kind: "solution",
    solution,
    criterionName: s.criterion,
    chosen,
    runnerUp: runner,
    margin,
    differences,
    deltas,
    tieBreak: margin !== null && Math.abs(margin) <= 1e-9,
  });
}
