import { type CompiledScenario, compareBundles, toIndexBundle, toNamedBundle } from "../model/compile.js";
import { checkInteger, checkOptionsObject } from "../model/optionChecks.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { Bundle, Scenario } from "../model/types.js";
import { walkWithProgress } from "../enumeration/walkBundles.js";
import { type BundleEvaluation, evaluateBundle } from "../utility/verdict.js";
import { roundUtility, utilities, utilityRecord } from "../utility/utilities.js";
import { prepare } from "./prepare.js";

/**
 * A ZOPA bundle near a proposal: which clauses change and how each party's utility moves.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const file = readFileSync("examples/proposals/us-28-point-plan.json", "utf8");
 * const plan = (JSON.parse(file) as { bundle: Bundle }).bundle;
 * const alt: Alternative = checkProposal(builtinScenario("ukraine-2025"), plan).alternatives[0]!;
 * alt.changes; // [{ issue: "sequence", from: "comprehensive", to: "ceasefire-first" }]
 * alt.delta.eu; // 0.0277777777778: the EU gains by the change
 * ```
 */
export interface Alternative {
  readonly bundle: Bundle;
  readonly utilities: Readonly<Record<string, number>>;
  /** Number of clauses changed (Hamming distance). */
  readonly distance: number;
  readonly changes: readonly { readonly issue: string; readonly from: string; readonly to: string }[];
  /** Change of each party's utility against the proposal. */
  readonly delta: Readonly<Record<string, number>>;
}

/**
 * The verdict on a proposal: everything in {@link BundleEvaluation}, the parties that reject it,
 * and the closest bundles every party would accept.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const file = readFileSync("examples/proposals/us-28-point-plan.json", "utf8");
 * const plan = (JSON.parse(file) as { bundle: Bundle }).bundle;
 * const r: ProposalCheck = checkProposal(builtinScenario("ukraine-2025"), plan);
 * r.rejectedBy; // ["eu"]
 * ```
 */
export interface ProposalCheck extends BundleEvaluation {
  readonly rejectedBy: readonly string[];
  readonly alternatives: readonly Alternative[];
}

/**
 * Options of {@link checkProposal}.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const file = readFileSync("examples/proposals/us-28-point-plan.json", "utf8");
 * const plan = (JSON.parse(file) as { bundle: Bundle }).bundle;
 * const options: CheckOptions = { alternatives: 5 };
 * checkProposal(builtinScenario("ukraine-2025"), plan, options).alternatives.length; // 5
 * ```
 */
export interface CheckOptions {
  /** How many closest acceptable bundles to return (default 3; 0 for none). */
  readonly alternatives?: number;
  /** Progress of the search for alternatives, in bundles of the outcome space walked past (see `walkWithProgress`). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Checks a proposal (for instance a published peace plan written as a bundle): each party's
 * utility and verdict, who rejects it and why (shortfall, red lines, broken constraint), and the
 * closest bundles every party accepts. "Closest" means fewest clauses changed; ties go to the
 * smallest total utility change, then to the canonical bundle order.
 *
 * @example
 * ```ts
 * import { builtinScenario, checkProposal } from "treatylab";
 * import { readFileSync } from "node:fs";
 * const r = checkProposal(builtinScenario("camp-david-1978"),
 *   JSON.parse(readFileSync("examples/proposals/camp-david-1978.json", "utf8")).bundle);
 * r.rejectedBy; // []: the 1978 accords are in the ZOPA
 * r.utilities; // { egypt: 0.88, israel: 0.645, us: 0.79 }
 * ```
 */
export function checkProposal(
  scenario: Scenario | CompiledScenario,
  proposal: Bundle,
  options: CheckOptions = {},
): ProposalCheck {
  checkOptionsObject(options, "checkProposal");
  const k = checkInteger(options.alternatives, "options.alternatives", 0) ?? 3;
  const c = prepare(scenario);
  const idx = toIndexBundle(c, proposal, "proposal");
  const evaluation = evaluateBundle(c, idx);
  return deepFreeze({
    ...evaluation,
    rejectedBy: evaluation.verdicts.filter((v) => !v.accepts).map((v) => v.party),
    alternatives: k > 0 ? closestAcceptable(c, idx, k, options.onProgress) : [],
  });
}

interface Candidate {
  bundle: Int32Array;
  u: Float64Array;
  distance: number;
  change: number;
}

function closestAcceptable(
  c: CompiledScenario,
  proposal: Int32Array,
  k: number,
  onProgress?: (done: number, total: number) => void,
): Alternative[] {
  const base = utilities(c, proposal);
  const perOption = c.sizes.map((n, i) => Float64Array.from({ length: n }, (_, o) => (o === proposal[i] ? 0 : 1)));
  const best: Candidate[] = [];
  const better = (a: Candidate, b: Candidate): number =>
    a.distance - b.distance ||
    (Math.abs(a.change - b.change) > UTILITY_TOLERANCE ? a.change - b.change : 0) ||
    compareBundles(c, a.bundle, b.bundle);
  walkWithProgress(
    c,
    {
      zopaOnly: true,
      cost: { perOption, limit: () => (best.length < k ? Number.POSITIVE_INFINITY : best[best.length - 1]!.distance) },
    },
    (bundle, u) => {
      let distance = 0;
      for (let i = 0; i < bundle.length; i++) if (bundle[i] !== proposal[i]) distance++;
      let change = 0;
      for (let p = 0; p < u.length; p++) change += Math.abs(u[p]! - base[p]!);
      const cand: Candidate = { bundle: Int32Array.from(bundle), u: Float64Array.from(u), distance, change };
      if (best.length === k && better(cand, best[k - 1]!) >= 0) return;
      best.push(cand);
      best.sort(better);
      if (best.length > k) best.pop();
    },
    onProgress,
  );
  return best.map((cand) => {
    const changes = [];
    for (let i = 0; i < cand.bundle.length; i++)
      if (cand.bundle[i] !== proposal[i])
        changes.push({
          issue: c.issueIds[i]!,
          from: c.optionIds[i]![proposal[i]!]!,
          to: c.optionIds[i]![cand.bundle[i]!]!,
        });
    const delta: Record<string, number> = {};
    c.partyIds.forEach((id, p) => (delta[id] = roundUtility(cand.u[p]! - base[p]!)));
    return {
      bundle: toNamedBundle(c, cand.bundle),
      utilities: utilityRecord(c, cand.u),
      distance: cand.distance,
      changes,
      delta,
    };
  });
}
