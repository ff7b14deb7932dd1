import type { ScenarioEdit } from "../edits/types.js";
import type { Bundle } from "../model/types.js";
import type { HazardSpec } from "./hazard.js";
import type { FrequencyModel } from "./opponentModel.js";
import type { OutcomeSpace } from "./outcomeSpace.js";

/**
 * A scheduled event: at the start of `round` (1-based, before any offer of that round) the edits
 * are applied to the scenario in force (immutably, with immer) and the scenario is recompiled.
 * Events may change weights, values, reservations, red lines, powers, discounts and interaction
 * terms, not the agenda (options, parties) or the constraints, so bundles keep their identity.
 *
 * @example
 * ```ts
 * const e: SimulationEvent = { round: 5, label: "new US sanctions", edits: [{ op: "shiftReservation", party: "russia", by: -0.05 }] };
 * ```
 */
export interface SimulationEvent {
  readonly round: number;
  /** Shown in the trace (default: the id, else "event"). */
  readonly label?: string;
  /** Set by the named-event helpers (`sanctionsEvent`...): `{ round: 5, ...sanctionsEvent({ target: "russia", by: 0.05 }) }`. */
  readonly id?: string;
  readonly edits: readonly ScenarioEdit[];
  /** From this round on, the per-round breakdown probability (replaces `SimulationOptions.hazard`): an escalation, a ceasefire. */
  readonly hazard?: number;
}

/**
 * A party's cost of delay. A settlement worth u reached in round t (1-based) is worth
 * `u * discount^(t-1) - costPerRound * (t-1)`; no agreement after R rounds is worth
 * `reservation * discount^R - costPerRound * R` (the war goes on and costs the same).
 * These are per-round factors, unlike the scenario's GENIUS-style `discount` (per unit of normalised time):
 * with normalised time t = (round - 1) / (T - 1) over a deadline of T rounds, a GENIUS factor D
 * corresponds to a per-round factor D^(1/(T - 1)).
 *
 * @example
 * ```ts
 * const d: DelayCost = { discount: 0.98, costPerRound: 0.002 };
 * ```
 */
export interface DelayCost {
  /** Per-round discount factor in (0, 1]; default 1. */
  readonly discount?: number;
  /** Utility lost per round without agreement (a cost of war), >= 0; default 0. */
  readonly costPerRound?: number;
}

/**
 * What a strategy sees when it moves. The engine reuses one context object per party and run and
 * updates it between calls: read what you need, do not keep references to `space` across rounds
 * (an event may replace it). Prefer the space's methods (`utilityOf`, `accepts`, `nearAbove`, ...) to
 * its arrays: a simulation's space may be split (`simulationSpace`), and reading an array
 * then builds the full space.
 *
 * @example
 * ```ts
 * const ctx: StrategyContext = negotiate(builtinScenario("nash-1950"), { seed: 1 }).session.contexts[0]!;
 * const offer = ctx.offers(1)[0]!; // jack's first offer
 * ctx.space.utilityOf(offer, ctx.party); // 0: its utility to bill
 * ```
 */
export interface StrategyContext {
  /** The outcome space of the scenario in force this round. */
  readonly space: OutcomeSpace;
  /** This party's index. */
  readonly party: number;
  /** The current round, 1-based. */
  readonly round: number;
  /** The last round the strategy plans for (the deadline, or the round limit). */
  readonly horizon: number;
  /** Normalised time (round - 1) / (horizon - 1) in [0, 1] (1 when the horizon is 1 round). */
  readonly time: number;
  /** This party's cost of delay (defaults filled in). */
  readonly delay: Required<DelayCost>;
  /** The run's seeded generator, in [0, 1). */
  readonly random: () => number;
  /** The offers (bundle indices) party q has made so far, oldest first. */
  offers(q: number): readonly number[];
  /** The frequency model this party keeps of party q's offers. */
  model(q: number): FrequencyModel;
}

/**
 * A negotiation strategy for one party in one run (it may keep state between calls).
 * `propose` returns a bundle index of `ctx.space`; `respond` says whether the party would accept an
 * offer. The engine only counts an acceptance when the compiled acceptance test (red lines,
 * reservation, ratification) also passes, so a strategy can never agree to what its party rejects.
 *
 * @example
 * ```ts
 * const stubborn: Strategy = {
 *   propose: (ctx) => ctx.space.own[ctx.party]![0]!,
 *   respond: (ctx, offer) => ctx.space.utility[offer * ctx.space.parties + ctx.party]! >= ctx.space.ownUtility[ctx.party]![0]!,
 * };
 * ```
 */
export interface Strategy {
  propose(ctx: StrategyContext): number;
  respond(ctx: StrategyContext, offer: number, from: number): boolean;
}

/**
 * A named strategy that makes a fresh {@link Strategy} per party and run. `params` are the
 * `key=value` pairs given after the name (`boulware:e=0.1`); `parameters` lists the keys the
 * strategy reads, with what each means: every built-in declares them, and `parseStrategy` refuses
 * any other key (a typo such as `E=5` would otherwise be ignored).
 *
 * @example
 * ```ts
 * const stubborn: Strategy = {
 *   propose: (ctx) => ctx.space.own[ctx.party]![0]!,
 *   respond: () => false,
 * };
 * const f: StrategyFactory = { name: "stubborn", description: "never moves", create: () => stubborn };
 * simulate(builtinScenario("nash-1950"), { parties: { bill: { strategy: f } } }).strategies.bill; // "stubborn"
 * ```
 */
export interface StrategyFactory {
  readonly name: string;
  readonly description: string;
  readonly parameters?: Readonly<Record<string, string>>;
  create(party: number, params: Readonly<Record<string, number>>): Strategy;
}

/**
 * Which bundles a run's outcome space lists: "all" feasible bundles (the default; up to
 * MAX_SIMULATION_BUNDLES), or "zopa": only those every party accepts at some point of the talks
 * (under the scenario at the start or after any scheduled event), for scenarios too large to
 * list. Under "zopa" parties bargain as if each knew what the others could ever accept: no
 * opening demands outside that set.
 *
 * @example
 * ```ts
 * simulate(builtinScenario("ukraine-2025"), { protocol: "stacked", scope: "zopa" });
 * ```
 */
export type SpaceScope = "all" | "zopa";

/**
 * The negotiation protocols.
 *
 * @example
 * ```ts
 * const p: ProtocolName = "single-text";
 * ```
 */
export type ProtocolName = "alternating" | "stacked" | "single-text" | "zeuthen";

/**
 * The single-negotiating-text mediator's rules.
 *
 * @example
 * ```ts
 * simulate(builtinScenario("nash-1950"), { protocol: "single-text", mediator: "nash" satisfies MediatorRule }).metrics.outcome; // "agreement"
 * ```
 */
export type MediatorRule = "joint-gains" | "nash" | "fairness";

/**
 * A party's setup in a run: a strategy by name (with parameters, `"boulware:e=0.1"`) or a factory,
 * its cost of delay, and optionally its own planning horizon (a party that "can fight on for years"
 * plans for more rounds than the deadline).
 *
 * @example
 * ```ts
 * const p: PartySetup = { strategy: "boulware", delay: { discount: 0.99 } };
 * ```
 */
export interface PartySetup {
  readonly strategy?: string | StrategyFactory;
  readonly delay?: DelayCost;
  readonly horizon?: number;
}

/**
 * Options of {@link simulate}.
 *
 * @example
 * ```ts
 * const o: SimulationOptions = { protocol: "alternating", rounds: 100, seed: 7,
 *   parties: { russia: { strategy: "boulware" }, ukraine: { strategy: "conceder" } } };
 * ```
 */
export interface SimulationOptions {
  readonly protocol?: ProtocolName;
  /** Most rounds played; talks break down after it. Default 100. */
  readonly rounds?: number;
  /** An announced deadline (round) before `rounds`: talks end after it and strategies plan for it. */
  readonly deadline?: number;
  readonly seed?: string | number;
  /** Per party id. Parties not listed use the protocol's default strategy (linear; zeuthen for the zeuthen protocol). */
  readonly parties?: Readonly<Record<string, PartySetup>>;
  readonly events?: readonly SimulationEvent[];
  /** Which bundles the outcome space lists (default "all"). */
  readonly scope?: SpaceScope;
  /** Single-text only: the mediator's rule (default "joint-gains"). */
  readonly mediator?: MediatorRule;
  /** Single-text only: the first text (default: per issue the option with the largest summed normalised value). */
  readonly startText?: Bundle;
  /** Record the per-round trace (default true). */
  readonly trace?: boolean;
  /**
   * Breakdown risk: the probability that talks collapse (or the war escalates) before each round,
   * drawn from the seed (see {@link HazardSpec}); a run that breaks down ends with outcome
   * "breakdown" and no agreement. Default none.
   */
  readonly hazard?: HazardSpec;
  /**
   * What a breakdown costs each party (by id) beyond no deal, when the hazard means the war
   * escalates rather than talks merely stopping: a run that breaks down is worth
   * max(0, reservation - cost) to the party (then discounted like no deal). Default 0.
   */
  readonly breakdownCost?: Readonly<Record<string, number>>;
}

/**
 * A party's answer to an offer or text.
 *
 * @example
 * ```ts
 * const result = simulate(builtinScenario("nash-1950"), { seed: 1 });
 * result.trace[0]!.responses.jack === ("reject" satisfies Response); // true
 * ```
 */
export type Response = "accept" | "reject";

/**
 * What a party objects to in a mediator's text: the red lines it crosses, how far below its
 * reservation the text leaves it, and the one-issue change that would improve it most.
 *
 * @example
 * ```ts
 * const o: Objection = { redLines: ["nato"], shortfall: 0.05, improve: { issue: "nato", option: "closed" } };
 * ```
 */
export interface Objection {
  readonly redLines: readonly string[];
  readonly shortfall: number;
  readonly improve: { readonly issue: string; readonly option: string } | null;
}

/**
 * One move of the trace: who proposed what in which round, what it is worth to each party, the
 * answers, and the events applied at the start of the round. In the zeuthen protocol both parties
 * move in each round (two entries share the round number); in single-text the proposer is
 * "mediator".
 *
 * @example
 * ```ts
 * const first: TraceEntry = simulate(builtinScenario("nash-1950"), { seed: 1 }).trace[0]!;
 * first.proposer; // "bill"
 * ```
 */
export interface TraceEntry {
  readonly round: number;
  readonly proposer: string;
  readonly offer: Bundle;
  readonly utilities: Readonly<Record<string, number>>;
  readonly responses: Readonly<Record<string, Response>>;
  readonly events: readonly string[];
  /** Zeuthen: each party's risk (willingness to risk conflict) before the concessions of this round. */
  readonly risk?: number;
  /** Single-text: each rejecting party's objection. */
  readonly objections?: Readonly<Record<string, Objection>>;
}

/**
 * How a run ended and how good the outcome is.
 *
 * @example
 * ```ts
 * const m: SimulationMetrics = simulate(builtinScenario("nash-1950"), { seed: 1 }).metrics;
 * m.nashDistance; // 0 when the agreement is the Nash solution
 * ```
 */
export interface SimulationMetrics {
  readonly rounds: number;
  readonly agreed: boolean;
  /** "agreement", "deadline" (rounds ran out), "conflict" (the protocol ended talks: no concession possible) or "breakdown" (the hazard struck). */
  readonly outcome: "agreement" | "deadline" | "conflict" | "breakdown";
  /** Utility of the agreement (or the reservation when none, less `breakdownCost` after a breakdown) to each party, under the scenario in force at the end. */
  readonly utilities: Readonly<Record<string, number>>;
  /** The same after the cost of delay (see {@link DelayCost}). */
  readonly payoffs: Readonly<Record<string, number>>;
  /** Euclidean distance in utility space from the agreement to the nearest point of the ZOPA's Pareto frontier. */
  readonly paretoDistance: number | null;
  /** Euclidean distance in utility space from the agreement to the Nash solution. */
  readonly nashDistance: number | null;
  readonly nash: { readonly bundle: Bundle; readonly utilities: Readonly<Record<string, number>> } | null;
}

/**
 * Everything {@link simulate} returns: frozen plain data (JSON-serialisable).
 *
 * @example
 * ```ts
 * const r = simulate(builtinScenario("nash-1950"), { seed: 1 });
 * r.rounds; // 51
 * r.trace.length; // 51
 * r.metrics.nashDistance; // 0
 * ```
 */
export interface SimulationResult {
  readonly scenario: string;
  readonly protocol: ProtocolName;
  readonly seed: string;
  readonly strategies: Readonly<Record<string, string>>;
  readonly agreement: {
    readonly bundle: Bundle;
    readonly utilities: Readonly<Record<string, number>>;
    readonly round: number;
  } | null;
  readonly rounds: number;
  readonly trace: readonly TraceEntry[];
  readonly metrics: SimulationMetrics;
}
