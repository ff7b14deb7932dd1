import { prepare } from "../analysis/prepare.js";
import { type CompiledScenario, type CompiledValuation, toIndexBundle } from "../model/compile.js";
import { deepFreeze } from "../model/deepFreeze.js";
import type { Bundle, Scenario } from "../model/types.js";
import { valuationAccepts, valuationUtility } from "../utility/ratification.js";
import { redLineHits } from "../utility/redLineHits.js";
import { roundUtility } from "../utility/utilities.js";
import { evaluateBundle } from "../utility/verdict.js";
import type { BundleExplanation, IssueCost, Rejection } from "./types.js";

function costliest(c: CompiledScenario, v: CompiledValuation, bundle: ArrayLike<number>): IssueCost[] {
  const costs: IssueCost[] = [];
  v.contrib.forEach((row, i) => {
    let best = 0;
    for (let o = 1; o < row.length; o++) if (row[o]! > row[best]!) best = o;
    const cost = row[best]! - row[bundle[i]!]!;
    if (cost > 1e-12)
      costs.push({
        issue: c.issueIds[i]!,
        option: c.optionIds[i]![bundle[i]!]!,
        bestOption: c.optionIds[i]![best]!,
        cost: roundUtility(cost),
      });
  });
  return costs.sort((a, b) => b.cost - a.cost || (a.issue < b.issue ? -1 : 1)).slice(0, 3);
}

function rejection(
  c: CompiledScenario,
  v: CompiledValuation,
  bundle: ArrayLike<number>,
  actor: string,
  label: string,
  kind: Rejection["kind"],
): Rejection | null {
  const u = valuationUtility(v, bundle);
  if (valuationAccepts(v, bundle, u)) return null;
  const redLines = redLineHits(c, v, bundle);
  return {
    actor,
    label,
    kind,
    utility: roundUtility(u),
    reservation: v.reservation,
    shortfall: roundUtility(Math.max(0, v.reservation - u)),
    redLines,
    costliest: costliest(c, v, bundle),
  };
}

/**
 * Explains a verdict on a bundle: which parties and constituencies reject it, by how much (the
 * shortfall against their reservation), which red lines it crosses, and which issues cost each of
 * them most (utility lost against their best option on the issue).
 *
 * @example
 * ```ts
 * import { analyze, builtinScenario, explainBundle, narrate } from "treatylab";
 * const s = builtinScenario("ukraine-2025");
 * const plan = { ...analyze(s).solutions.nash!.bundle, donbas: "de-jure-russian" }; // Donbas ceded in law
 * console.log(narrate(explainBundle(s, plan)));
 * // ukraine rejects it: it crosses a red line of ukraine: donbas = de-jure-russian (Kyiv will not recognise ...
 * ```
 */
export function explainBundle(scenario: Scenario | CompiledScenario, bundle: Bundle): BundleExplanation {
  const c = prepare(scenario);
  const idx = toIndexBundle(c, bundle);
  const ev = evaluateBundle(c, idx);
  const rejections: Rejection[] = [];
  const notRatified: string[] = [];
  c.partyIds.forEach((id, p) => {
    const party = c.scenario.parties[p]!;
    const own: CompiledValuation = {
      contrib: c.contrib[p]!,
      value: c.value[p]!,
      weight: c.weight[p]!,
      reservation: c.reservation[p]!,
      redLine: c.redLine[p]!,
      redLineReason: c.redLineReason[p]!,
      interactions: c.interactions[p]!,
    };
    const r = rejection(c, own, idx, id, party.label ?? id, "party");
    if (r) rejections.push(r);
    const verdict = ev.verdicts[p]!;
    if (verdict.ratification && !verdict.ratification.ratified) {
      notRatified.push(id);
      for (const a of c.ratification[p]!.agents) {
        const agent = c.agents[a]!;
        const k = rejection(
          c,
          agent,
          idx,
          `${id}/${agent.id}`,
          `${agent.label} (${party.label ?? id})`,
          "constituency",
        );
        if (k) rejections.push(k);
      }
    }
  });
  return deepFreeze({
    kind: "bundle",
    bundle: ev.bundle,
    feasible: ev.feasible,
    brokenConstraint: ev.brokenConstraint
      ? (ev.brokenConstraint.reason ?? `constraint #${ev.brokenConstraint.index}`)
      : null,
    accepted: ev.acceptedByAll,
    rejections,
    notRatified,
  });
}
