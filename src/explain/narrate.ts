import { issueLabel, optionLabeller, partyLabel } from "../model/labels.js";
import type { Scenario } from "../model/types.js";
import { SOLUTION_CONCEPTS } from "../solutions/solutionConcepts.js";
import type { BundleExplanation, Explanation, SolutionExplanation } from "./types.js";

const f3 = (x: number): string => x.toFixed(3);

function labeller(s: Scenario | undefined) {
  return {
    party: (id: string): string => partyLabel(s, id),
    issue: (id: string): string => issueLabel(s, id),
    option: optionLabeller(s),
  };
}

function narrateBundle(e: BundleExplanation, s: Scenario | undefined): string[] {
  const L = labeller(s);
  const out: string[] = [];
  if (!e.feasible) out.push(`The settlement is infeasible: it breaks a constraint (${e.brokenConstraint}).`);
  if (e.accepted) {
    out.push("Every party accepts this settlement, and every ratification succeeds.");
    return out;
  }
  for (const r of e.rejections) {
    const who = r.kind === "party" ? L.party(r.actor) : r.label;
    const parts: string[] = [];
    const obj = r.kind === "party" ? who : "it";
    if (r.shortfall > 0)
      parts.push(
        `it leaves ${obj} at ${f3(r.utility)}, ${f3(r.shortfall)} below its reservation value of ${f3(r.reservation)}`,
      );
    for (const h of r.redLines)
      parts.push(
        `it crosses a red line of ${who}: ${L.issue(h.issue)} = ${L.option(h.issue, h.option)}${h.reason ? ` (${h.reason})` : ""}`,
      );
    const verb = r.kind === "party" ? "rejects" : "would not ratify";
    out.push(`${who} ${verb} it: ${parts.join("; ")}.`);
    if (r.costliest.length > 0)
      out.push(
        `  What costs ${obj} most: ${r.costliest.map((c) => `${L.issue(c.issue)} (${L.option(c.issue, c.option)} instead of ${L.option(c.issue, c.bestOption)}, -${f3(c.cost)})`).join(", ")}.`,
      );
  }
  for (const p of e.notRatified)
    out.push(`${L.party(p)}'s constituencies do not ratify it under its ratification rule.`);
  return out;
}

function narrateSolution(e: SolutionExplanation, s: Scenario | undefined): string[] {
  const L = labeller(s);
  const name = SOLUTION_CONCEPTS[e.solution].prose;
  if (!e.chosen) return [`There is no ${name} solution: the ZOPA is empty.`];
  const out = [`The ${name} solution maximises ${e.criterionName}: ${e.chosen.criterion.toPrecision(4)}.`];
  if (!e.runnerUp) {
    out.push("It is the only Pareto-optimal settlement in the ZOPA.");
    return out;
  }
  if (e.tieBreak)
    out.push(
      `The next best settlement reaches the same value; the documented tie-break (larger sum of utilities, then the canonical order) chose this one.`,
    );
  else
    out.push(
      `The next best settlement reaches ${e.runnerUp.criterion.toPrecision(4)} (${e.margin! > 0 ? "lower" : "not higher"} by ${Math.abs(e.margin!).toPrecision(3)}).`,
    );
  if (e.differences.length > 0)
    out.push(
      `It differs on ${e.differences.map((d) => `${L.issue(d.issue)} (${L.option(d.issue, d.runnerUp)} instead of ${L.option(d.issue, d.chosen)})`).join(", ")}.`,
    );
  const moves = Object.entries(e.deltas).filter(([, d]) => Math.abs(d) > 1e-9);
  if (moves.length > 0)
    out.push(
      `Switching to it would change utilities by ${moves.map(([p, d]) => `${L.party(p)} ${d > 0 ? "+" : ""}${f3(d)}`).join(", ")}.`,
    );
  return out;
}

/**
 * Turns an explanation into plain sentences (labels from the scenario when given, ids otherwise).
 *
 * @example
 * ```ts
 * import { analyze, builtinScenario, explainBundle, narrate } from "treatylab";
 * const s = builtinScenario("ukraine-2025");
 * const plan = { ...analyze(s).solutions.nash!.bundle, donbas: "de-jure-russian" }; // Donbas ceded in law
 * console.log(narrate(explainBundle(s, plan), s));
 * // Ukraine rejects it: it crosses a red line of Ukraine: Donbas (Donetsk and Luhansk) = De jure Russian (...).
 * //   What costs Ukraine most: Donbas (Donetsk and Luhansk) (De jure Russian instead of ..., -0.129), ...
 * ```
 */
export function narrate(e: Explanation, scenario?: Scenario): string {
  return (e.kind === "bundle" ? narrateBundle(e, scenario) : narrateSolution(e, scenario)).join("\n");
}
