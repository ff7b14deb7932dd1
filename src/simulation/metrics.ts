import { toNamedBundle } from "../model/compile.js";
import { roundUtility, utilityRecord } from "../utility/utilities.js";
import { delayedValue } from "./delay.js";
import type { OutcomeSpace } from "./outcomeSpace.js";
import type { RunOutcome, Session } from "./session.js";
import type { SimulationMetrics } from "./types.js";

/**
 * Euclidean distance between utility vector `u` and row k of a flat utility table.
 *
 * @example
 * ```ts
 * import { utilityDistance } from "./metrics.js";
 * utilityDistance([0.5, 0.5], Float64Array.of(0.5, 0.9), 0); // 0.4
 * ```
 */
export function utilityDistance(u: ArrayLike<number>, table: ArrayLike<number>, k: number): number {
  let s = 0;
  for (let p = 0; p < u.length; p++) {
    const d = u[p]! - table[k * u.length + p]!;
    s += d * d;
  }
  return Math.sqrt(s);
}

/**
 * Distance from bundle k's utility vector to the nearest point of the ZOPA's Pareto frontier
 * (0 on the frontier), and to the Nash solution; null when the ZOPA is empty.
 *
 * @example
 * ```ts
 * import { frontierDistances } from "./metrics.js";
 * const space = outcomeSpace(builtinScenario("nash-1950"));
 * frontierDistances(space, space.own[0]![0]!); // { pareto: 0.393…, nash: 0.747… }
 * ```
 */
export function frontierDistances(space: OutcomeSpace, k: number): { pareto: number | null; nash: number | null } {
  const P = space.parties;
  const u = space.utility.subarray(k * P, k * P + P);
  const frontier = space.frontier();
  if (frontier.length === 0) return { pareto: null, nash: null };
  let pareto = Number.POSITIVE_INFINITY;
  for (const pt of frontier) pareto = Math.min(pareto, utilityDistance(u, pt.utilities, 0));
  const nash = space.nash();
  return { pareto, nash: nash ? utilityDistance(u, nash.utilities, 0) : null };
}

/**
 * The metrics of a finished run, under the scenario in force at the end: utilities (the
 * reservations when there is no agreement), payoffs after the cost of delay, distances to the
 * Pareto frontier and to the Nash solution.
 *
 * @example
 * ```ts
 * import { runMetrics } from "./metrics.js";
 * import { negotiateParsed } from "./simulate.js";
 * const { session, outcome } = negotiateParsed(builtinScenario("nash-1950"), { seed: 1, trace: false });
 * runMetrics(session, outcome).agreed; // true
 * ```
 */
export function runMetrics(s: Session, o: RunOutcome): SimulationMetrics {
  const space = s.space;
  const c = space.compiled;
  const P = space.parties;
  const agreed = o.agreement >= 0;
  const cost = o.outcome === "breakdown" ? s.breakdownCost : null;
  const u = agreed
    ? space.utility.subarray(o.agreement * P, o.agreement * P + P)
    : cost
      ? c.reservation.map((r, p) => Math.max(0, r - cost[p]!))
      : c.reservation;
  const payoffs: Record<string, number> = {};
  c.partyIds.forEach((id, p) => {
    const delay = s.contexts[p]!.delay;
    payoffs[id] = roundUtility(agreed ? delayedValue(u[p]!, delay, o.round - 1) : delayedValue(u[p]!, delay, o.rounds));
  });
  const d = agreed ? frontierDistances(space, o.agreement) : { pareto: null, nash: null };
  const nash = space.nash();
  return {
    rounds: o.rounds,
    agreed,
    outcome: o.outcome,
    utilities: utilityRecord(c, u),
    payoffs,
    paretoDistance: d.pareto === null ? null : roundUtility(d.pareto),
    nashDistance: d.nash === null ? null : roundUtility(d.nash),
    nash: nash ? { bundle: toNamedBundle(c, nash.bundle), utilities: utilityRecord(c, nash.utilities) } : null,
  };
}
