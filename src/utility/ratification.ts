import { type CompiledScenario, type CompiledValuation, interactionApplies } from "../model/compile.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import { redLineHits } from "./redLineHits.js";
import { roundUtility } from "./utilities.js";
import type { RedLineHit } from "./verdict.js";

/**
 * The utility a valuation (a party's or a constituency's) gives an index bundle.
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("ukraine-2025-ratification"));
 * const nash = analyze(c).solutions.nash!.bundle;
 * const bundle = toIndexBundle(c, { ...nash, donbas: "de-jure-russian" }); // Nash, but Donbas ceded in law
 * valuationUtility(c.agents[0]!, bundle); // 0.541…: the referendum's utility (0.588… for the Nash bundle)
 * ```
 */
export function valuationUtility(v: CompiledValuation, bundle: ArrayLike<number>): number {
  let u = 0;
  for (let i = 0; i < v.contrib.length; i++) u += v.contrib[i]![bundle[i]!]!;
  for (const t of v.interactions) if (interactionApplies(t, bundle)) u += t.value;
  return u;
}

/**
 * Whether a valuation accepts an index bundle: no red line crossed and utility at least its
 * reservation (within the tolerance).
 *
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("ukraine-2025-ratification"));
 * const nash = analyze(c).solutions.nash!.bundle;
 * const bundle = toIndexBundle(c, { ...nash, donbas: "de-jure-russian" }); // Nash, but Donbas ceded in law
 * valuationAccepts(c.agents[0]!, bundle); // false: the referendum's red line on Donbas
 * ```
 */
export function valuationAccepts(
  v: CompiledValuation,
  bundle: ArrayLike<number>,
  utility = valuationUtility(v, bundle),
): boolean {
  for (let i = 0; i < v.redLine.length; i++) if (v.redLine[i]![bundle[i]!]) return false;
  return utility >= v.reservation - UTILITY_TOLERANCE;
}

/**
 * Whether party p's constituencies ratify an index bundle under its rule (true when it has none):
 * every veto (and, under `all`, every) constituency accepts, and the accepting votes reach the
 * quota (more than half for `majority`).
 *
 * @example
 * ```ts
 * import { ratifies } from "treatylab/advanced";
 * const c = compileScenario(builtinScenario("ukraine-2025-ratification"));
 * const nash = analyze(c).solutions.nash!.bundle;
 * const bundle = toIndexBundle(c, { ...nash, donbas: "de-jure-russian" }); // Nash, but Donbas ceded in law
 * ratifies(c, 1, bundle); // false: Ukraine's referendum rejects it
 * ratifies(c, 2, bundle); // true: the US Congress accepts it
 * ```
 */
export function ratifies(c: CompiledScenario, p: number, bundle: ArrayLike<number>): boolean {
  const r = c.ratification[p]!;
  if (r.agents.length === 0) return true;
  let votes = 0;
  for (const a of r.agents) {
    const agent = c.agents[a]!;
    if (valuationAccepts(agent, bundle)) votes += agent.votes;
    else if (agent.mustAccept) return false;
  }
  return r.strict ? votes > r.votesNeeded + UTILITY_TOLERANCE : votes >= r.votesNeeded - UTILITY_TOLERANCE;
}

/**
 * One constituency's verdict on a bundle.
 * @example
 * ```ts
 * import { ratificationVerdict } from "treatylab";
 * const c = compileScenario(builtinScenario("ukraine-2025-ratification"));
 * const nash = analyze(c).solutions.nash!.bundle;
 * const bundle = toIndexBundle(c, { ...nash, donbas: "de-jure-russian" }); // Nash, but Donbas ceded in law
 * const referendum = ratificationVerdict(c, 1, bundle)?.constituencies[0];
 * referendum?.accepts; // false
 * referendum?.redLines[0]?.reason; // "voters will not sign away land in law"
 * ```
 */
export interface ConstituencyVerdict {
  readonly id: string;
  readonly label: string;
  readonly utility: number;
  readonly reservation: number;
  readonly shortfall: number;
  readonly accepts: boolean;
  readonly votes: number;
  readonly veto: boolean;
  readonly redLines: readonly RedLineHit[];
}

/**
 * The ratification verdict of party p on a bundle, constituency by constituency.
 *
 * @example
 * ```ts
 * import { ratificationVerdict } from "treatylab";
 * const c = compileScenario(builtinScenario("ukraine-2025-ratification"));
 * const nash = analyze(c).solutions.nash!.bundle;
 * const bundle = toIndexBundle(c, { ...nash, donbas: "de-jure-russian" }); // Nash, but Donbas ceded in law
 * const r = ratificationVerdict(c, 1, bundle);
 * r?.ratified; // false
 * r?.constituencies.filter((k) => !k.accepts).map((k) => k.id); // ["referendum"]
 * ```
 */
export interface RatificationVerdict {
  readonly rule: "all" | "majority" | "quota";
  readonly ratified: boolean;
  readonly votesFor: number;
  readonly votesNeeded: number;
  readonly totalVotes: number;
  readonly constituencies: readonly ConstituencyVerdict[];
}

/**
 * Details of party p's ratification of an index bundle, or null when it has no constituencies.
 *
 * @example
 * ```ts
 * import { ratificationVerdict } from "treatylab";
 * const c = compileScenario(builtinScenario("ukraine-2025-ratification"));
 * const nash = analyze(c).solutions.nash!.bundle;
 * const bundle = toIndexBundle(c, { ...nash, donbas: "de-jure-russian" }); // Nash, but Donbas ceded in law
 * ratificationVerdict(c, 0, bundle); // null: Russia has no constituencies
 * ratificationVerdict(c, 2, bundle)?.ratified; // true: the US Congress accepts
 * ```
 */
export function ratificationVerdict(
  c: CompiledScenario,
  p: number,
  bundle: ArrayLike<number>,
): RatificationVerdict | null {
  const r = c.ratification[p]!;
  if (r.agents.length === 0) return null;
  let votesFor = 0;
  const constituencies = r.agents.map((a) => {
    const agent = c.agents[a]!;
    const u = valuationUtility(agent, bundle);
    const redLines = redLineHits(c, agent, bundle);
    const ok = valuationAccepts(agent, bundle, u);
    if (ok) votesFor += agent.votes;
    return {
      id: agent.id,
      label: agent.label,
      utility: roundUtility(u),
      reservation: agent.reservation,
      shortfall: u >= agent.reservation - UTILITY_TOLERANCE ? 0 : roundUtility(agent.reservation - u),
      accepts: ok,
      votes: agent.votes,
      veto: agent.mustAccept && r.rule !== "all",
      redLines,
    };
  });
  return {
    rule: r.rule,
    ratified: ratifies(c, p, bundle),
    votesFor,
    votesNeeded: r.votesNeeded,
    totalVotes: r.totalVotes,
    constituencies,
  };
}
