import { toNamedBundle } from "../model/compile.js";
import { checkOneOf, checkOptionsObject } from "../model/optionChecks.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { roundUtility, utilityRecord } from "../utility/utilities.js";
import { runMetrics } from "./metrics.js";
import { runAlternating } from "./protocols/alternating.js";
import { runMonotonicConcession } from "./protocols/monotonicConcession.js";
import { runSingleText } from "./protocols/singleText.js";
import { ACCEPTED, NO_RESPONSE, type RunOutcome, type RunSession, Session } from "./session.js";
import type { StrategySpec } from "./strategies/registry.js";
import type { Objection, ProtocolName, Response, SimulationOptions, SimulationResult, TraceEntry } from "./types.js";

const PROTOCOLS: readonly ProtocolName[] = ["alternating", "stacked", "single-text", "zeuthen"];

/**
 * A finished run in compact form (no named trace): the session (scenario in force, move log) and
 * how it ended. {@link simulate} turns it into a {@link SimulationResult}.
 *
 * @example
 * ```ts
 * const { outcome } = negotiate(nash1950, { seed: 1, trace: false });
 * outcome.agreement >= 0; // agreed
 * ```
 */
export interface Negotiation {
  readonly session: RunSession;
  readonly outcome: RunOutcome;
  readonly protocol: ProtocolName;
}

/**
 * Runs one negotiation and returns it in compact form: the fast path for tournaments and
 * benchmarks. A scenario object is validated once and its outcome space cached, so repeated runs
 * on the same object only pay for the rounds.
 *
 * @example
 * ```ts
 * import { builtinScenario, negotiate } from "treatylab";
 * const n = negotiate(builtinScenario("nash-1950"), { seed: 1, trace: false });
 * n.outcome.rounds;
 * ```
 */
export function negotiate(scenario: Scenario, options: SimulationOptions = {}): Negotiation {
  return negotiateParsed(scenario, options);
}

/**
 * {@link negotiate} with some parties' strategies already parsed (by party id), used instead of
 * their `strategy` setups: a tournament parses each strategy spec once, not once per party and run.
 * Internal (not exported from the package).
 *
 * @example
 * ```ts
 * import { negotiateParsed } from "./simulate.js";
 * const n = negotiateParsed(builtinScenario("nash-1950"), { seed: 1, trace: false }, new Map([["bill", parseStrategy("boulware")]]));
 * n.outcome.rounds; // 83
 * ```
 */
export function negotiateParsed(
  scenario: Scenario,
  options: SimulationOptions,
  parsed?: ReadonlyMap<string, StrategySpec>,
): Negotiation & { readonly session: Session } {
  checkOptionsObject(options, "simulate");
  const protocol = checkOneOf(options.protocol, PROTOCOLS, "options.protocol") ?? "alternating";
  const session = new Session(scenario, options, protocol, protocol === "zeuthen" ? "zeuthen" : "linear", parsed);
  if (protocol === "alternating" && session.n !== 2)
    throw new TreatylabError(
      `the alternating protocol is bilateral; the scenario has ${session.n} parties (use --protocol stacked)`,
    );
  const outcome =
    protocol === "zeuthen"
      ? runMonotonicConcession(session)
      : protocol === "single-text"
        ? runSingleText(session, options.mediator ?? "joint-gains", options.startText)
        : runAlternating(session);
  return { session, outcome, protocol };
}

function traceOf(s: Session): TraceEntry[] {
  const m = s.moves;
  if (!m) return [];
  const c = s.space.compiled;
  const P = s.n;
  const seenEvents = new Set<number>();
  return m.round.map((round, k) => {
    const offer = m.offer[k]!;
    const responses: Record<string, Response> = {};
    for (let p = 0; p < P; p++) {
      const code = m.responses[k * P + p]!;
      if (code !== NO_RESPONSE) responses[c.partyIds[p]!] = code === ACCEPTED ? "accept" : "reject";
    }
    const events = seenEvents.has(round) ? [] : (s.eventLabels.get(round) ?? []);
    seenEvents.add(round);
    const entry: Record<string, unknown> = {
      round,
      proposer: m.proposer[k]! < 0 ? "mediator" : c.partyIds[m.proposer[k]!]!,
      offer: toNamedBundle(c, s.space.row(offer)),
      utilities: utilityRecord(c, m.utilities.slice(k * P, k * P + P)),
      responses,
      events,
    };
    if (!Number.isNaN(m.risk[k]!)) entry.risk = roundUtility(m.risk[k]!);
    const obj = m.objections.get(k);
    if (obj) {
      const out: Record<string, Objection> = {};
      for (const o of obj)
        out[c.partyIds[o.party]!] = {
          redLines: o.redLines.map((i) => c.issueIds[i]!),
          shortfall: roundUtility(o.shortfall),
          improve: o.improve
            ? { issue: c.issueIds[o.improve[0]]!, option: c.optionIds[o.improve[0]]![o.improve[1]]! }
            : null,
        };
      entry.objections = out;
    }
    return entry as unknown as TraceEntry;
  });
}

/**
 * Simulates a negotiation over a scenario: the protocol (alternating offers, stacked alternating
 * offers, single negotiating text, or monotonic concession with Zeuthen), each party's strategy and
 * cost of delay, a deadline, and scheduled events that edit the scenario mid-talks. Returns a
 * frozen result with the agreement (or null), the per-round trace and metrics. Deterministic:
 * the same scenario, options and seed give the same result, byte for byte once serialised.
 *
 * @example
 * ```ts
 * import { builtinScenario, simulate } from "treatylab";
 * const r = simulate(builtinScenario("nash-1950"), {
 *   protocol: "alternating", rounds: 50, seed: 7,
 *   parties: { bill: { strategy: "boulware" }, jack: { strategy: "conceder" } },
 * });
 * r.agreement?.bundle; r.metrics.nashDistance;
 * ```
 */
export function simulate(scenario: Scenario, options: SimulationOptions = {}): SimulationResult {
  const { session, outcome, protocol } = negotiateParsed(scenario, options);
  const c = session.space.compiled;
  const P = session.n;
  const k = outcome.agreement;
  const strategies: Record<string, string> = {};
  c.partyIds.forEach((id, p) => (strategies[id] = session.strategyLabels[p]!));
  return deepFreeze({
    scenario: session.space.compiled.scenario.id,
    protocol,
    seed: String(options.seed ?? 0),
    strategies,
    agreement:
      k >= 0
        ? {
            bundle: toNamedBundle(c, session.space.row(k)),
            utilities: utilityRecord(c, session.space.utility.subarray(k * P, k * P + P)),
            round: outcome.round,
          }
        : null,
    rounds: outcome.rounds,
    trace: traceOf(session),
    metrics: runMetrics(session, outcome),
  });
}
