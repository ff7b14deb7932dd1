import { TreatylabError } from "../model/errors.js";
import { checkInteger, checkOneOf } from "../model/optionChecks.js";
import type { Scenario } from "../model/types.js";
import { resolveDelay } from "./delay.js";
import { breakdownClock } from "./hazard.js";
import { FrequencyModel } from "./opponentModel.js";
import type { OutcomeSpace } from "./outcomeSpace.js";
import { seededRandom } from "./random.js";
import { timeAt } from "./strategies/pick.js";
import { parseStrategy, type StrategySpec } from "./strategies/registry.js";
import { buildTimeline, type Timeline } from "./timeline.js";
import type { DelayCost, ProtocolName, SimulationOptions, Strategy, StrategyContext } from "./types.js";

/**
 * Most rounds a run may last.
 *
 * @example
 * ```ts
 * import { MAX_ROUNDS } from "./session.js";
 * const rounds = Math.min(200, MAX_ROUNDS); // the round limit may not exceed MAX_ROUNDS
 * simulate(builtinScenario("nash-1950"), { rounds }).rounds; // 101
 * ```
 */
export const MAX_ROUNDS = 1_000_000;

/**
 * What one party's strategy sees during a run (the `StrategyContext` of a `Session`). Internal:
 * the package exposes it as a {@link StrategyContext}.
 *
 * @example
 * ```ts
 * import { PartyContext } from "./session.js";
 * import { negotiateParsed } from "./simulate.js";
 * const { session } = negotiateParsed(builtinScenario("nash-1950"), { seed: 1, trace: false });
 * const ctx: PartyContext = session.contexts[1]!;
 * ctx.party; // 1: the index of the party it plays for (jack)
 * ```
 */
export class PartyContext implements StrategyContext {
  space: OutcomeSpace;
  round = 0;
  time = 0;
  constructor(
    private readonly session: Session,
    readonly party: number,
    readonly horizon: number,
    readonly delay: Required<DelayCost>,
    readonly random: () => number,
  ) {
    this.space = session.space;
  }
  offers(q: number): readonly number[] {
    return this.session.offers[q]!;
  }
  model(q: number): FrequencyModel {
    return this.session.model(this.party, q);
  }
}

/**
 * Response codes of the compact trace.
 *
 * @example
 * ```ts
 * import { NO_RESPONSE } from "./session.js";
 * const { session } = negotiate(builtinScenario("nash-1950"), { seed: 1 });
 * session.moves?.responses[0 * session.n + 0] === NO_RESPONSE; // true: bill did not answer his own first offer
 * ```
 */
export const NO_RESPONSE = 0;
/**
 * The party accepted.
 *
 * @example
 * ```ts
 * import { ACCEPTED } from "./session.js";
 * const { session, outcome } = negotiate(builtinScenario("nash-1950"), { seed: 1 });
 * const last = (session.moves?.offer.length ?? 0) - 1;
 * session.moves?.responses[last * session.n + 1] === ACCEPTED; // true: jack accepted the last offer
 * ```
 */
export const ACCEPTED = 1;
/**
 * The party rejected.
 *
 * @example
 * ```ts
 * import { REJECTED } from "./session.js";
 * const { session } = negotiate(builtinScenario("nash-1950"), { seed: 1 });
 * session.moves?.responses[0 * session.n + 1] === REJECTED; // true: jack rejected the first offer
 * ```
 */
export const REJECTED = 2;

/**
 * A compact, typed-array-friendly record of the moves of a run (materialised into named
 * {@link TraceEntry} objects only when a full result is asked for).
 *
 * @example
 * ```ts
 * const { session } = negotiate(builtinScenario("nash-1950"), { seed: 1 });
 * const log: MoveLog | null = session.moves;
 * log?.offer[0]; // 0: bundle index of the first offer
 * ```
 */
export interface MoveLog {
  readonly round: number[];
  /** Party index, or -1 for the mediator. */
  readonly proposer: number[];
  readonly offer: number[];
  /** P numbers per move: the offer's utility to each party when it was made. */
  readonly utilities: number[];
  /** P codes per move (see {@link ACCEPTED}). */
  readonly responses: number[];
  /** Zeuthen risk per move (NaN elsewhere). */
  readonly risk: number[];
  /** Per move index: each rejecting party's objection in the single-text protocol. */
  readonly objections: Map<
    number,
    { party: number; redLines: number[]; shortfall: number; improve: [number, number] | null }[]
  >;
}

/**
 * A finished run as {@link negotiate} returns it, read only: the scenario and outcome space in
 * force at the end (after any scheduled events), each party's strategy label and what its strategy
 * saw ({@link StrategyContext}), the offers each party made (bundle indices), the move log and the
 * events' labels by round.
 *
 * @example
 * ```ts
 * import { builtinScenario, negotiate, type RunSession } from "treatylab";
 * const session: RunSession = negotiate(builtinScenario("nash-1950"), { seed: 1 }).session;
 * session.strategyLabels; // ["linear", "linear"]
 * session.contexts[1]!.party; // 1
 * ```
 */
export interface RunSession {
  readonly scenario: Scenario;
  readonly space: OutcomeSpace;
  /** Number of parties. */
  readonly n: number;
  /** The last round the run could reach (the round limit or the deadline). */
  readonly lastRound: number;
  readonly strategyLabels: readonly string[];
  readonly contexts: readonly StrategyContext[];
  /** offers[p]: the bundle indices party p offered, in order. */
  readonly offers: readonly (readonly number[])[];
  readonly moves: MoveLog | null;
  readonly eventLabels: ReadonlyMap<number, readonly string[]>;
}

/** A run's generator, seeded on the first draw (seeding costs more than most runs): see `Session.random`. */
function drawLazily(this: { readonly seed: string | number; generator: (() => number) | undefined }): number {
  return (this.generator ??= seededRandom(this.seed))();
}

/**
 * The state of one run: the scenario in force and its outcome space, each party's strategy,
 * context, offers and opponent models, the seeded generator, scheduled events and the move log.
 * Protocols drive it round by round.
 *
 * Internal: the package exposes a finished run as a {@link RunSession}.
 *
 * @example
 * ```ts
 * import { Session } from "./session.js";
 * const s = new Session(builtinScenario("nash-1950"), { seed: 1 }, "alternating", "linear");
 * s.beginRound(1); // true
 * s.propose(0); // 0: bill's first offer, his best bundle
 * ```
 */
export class Session implements RunSession {
  scenario: Scenario;
  space: OutcomeSpace;
  readonly n: number;
  readonly lastRound: number;
  /** The run's seeded generator (created on the first draw: seeding costs more than most runs). */
  readonly random: () => number;
  readonly strategies: Strategy[];
  readonly strategyLabels: string[];
  readonly contexts: PartyContext[];
  readonly offers: number[][];
  /** models[p * n + q]: party p's model of party q, created on first use (see {@link model}). */
  private readonly models: (FrequencyModel | undefined)[];
  readonly moves: MoveLog | null;
  readonly eventLabels = new Map<number, string[]>();
  private readonly timeline: Timeline;
  private readonly breakdown: { collapses(round: number): boolean } | null;
  /** Per party index: what a breakdown costs beyond no deal (see `SimulationOptions.breakdownCost`), or null. */
  readonly breakdownCost: Float64Array | null;

  /** `parsed`: strategies already parsed, by party id, used instead of those parties' `strategy` setups. */
  constructor(
    scenario: Scenario,
    options: SimulationOptions,
    protocol: ProtocolName,
    defaultStrategy: string,
    parsed?: ReadonlyMap<string, StrategySpec>,
  ) {
    const scope = checkOneOf(options.scope, ["all", "zopa"], "options.scope") ?? "all";
    this.timeline = buildTimeline(scenario, options.events, scope);
    this.space = this.timeline.initial.space;
    this.scenario = this.timeline.initial.scenario;
    const ids = this.space.compiled.partyIds;
    this.n = ids.length;
    const rounds = checkInteger(options.rounds, "options.rounds", 1, MAX_ROUNDS) ?? 100;
    const deadline = checkInteger(options.deadline, "options.deadline", 1);
    this.lastRound = Math.min(rounds, deadline ?? rounds);
    for (const id of Object.keys(options.parties ?? {}))
      if (!ids.includes(id))
        throw new TreatylabError(`unknown party "${id}" in the strategies; expected one of ${ids.join(", ")}`);
    const seed = options.seed ?? 0;
    // A bound function, not an arrow: an arrow here closes over the constructor's whole scope, and
    // with it V8 kept every run's data (compiled tables, outcome space, session) alive through
    // young-generation collections until a full one: 290 MB promoted in 16,000 varied runs, a
    // quarter of their time (issue 18; docs/benchmarks.md). The bound function holds only the seed.
    this.random = drawLazily.bind({ seed, generator: undefined });
    this.offers = ids.map(() => []);
    this.models = new Array<FrequencyModel | undefined>(this.n * this.n);
    this.strategies = [];
    this.strategyLabels = [];
    this.contexts = ids.map((id, p) => {
      const setup = options.parties?.[id] ?? {};
      const spec = parsed?.get(id) ?? parseStrategy(setup.strategy ?? defaultStrategy);
      if (protocol === "zeuthen" && spec.factory.name !== "zeuthen")
        throw new TreatylabError(
          `the zeuthen protocol runs the Zeuthen strategy for every party; "${id}" was given "${spec.label}"`,
        );
      this.strategies.push(spec.factory.create(p, spec.params));
      this.strategyLabels.push(spec.label);
      const horizon = setup.horizon ?? deadline ?? rounds;
      if (!Number.isSafeInteger(horizon) || horizon < 1)
        throw new TreatylabError(`horizon of "${id}" is ${horizon}; expected a round number >= 1`);
      return new PartyContext(this, p, horizon, resolveDelay(setup.delay, id), this.random);
    });
    this.breakdown = breakdownClock(options.hazard, options.events, seed);
    this.breakdownCost = null;
    if (options.breakdownCost) {
      const cost = new Float64Array(this.n);
      for (const [id, x] of Object.entries(options.breakdownCost)) {
        const p = ids.indexOf(id);
        if (p < 0)
          throw new TreatylabError(`unknown party "${id}" in the breakdown costs; expected one of ${ids.join(", ")}`);
        if (typeof x !== "number" || !(x >= 0 && x <= 1))
          throw new TreatylabError(`breakdown cost of "${id}" is ${String(x)}; expected a number from 0 to 1`);
        cost[p] = x;
      }
      this.breakdownCost = cost;
    }
    this.moves =
      options.trace === false
        ? null
        : { round: [], proposer: [], offer: [], utilities: [], responses: [], risk: [], objections: new Map() };
  }

  /**
   * Applies the events of round r (recompiling the scenario) and moves every context to round r.
   * Returns false when talks break down before round r (the hazard, drawn once per round): the
   * protocol then ends the run with {@link brokeDown}.
   */
  beginRound(r: number): boolean {
    const next = this.timeline.at.size === 0 ? undefined : this.timeline.at.get(r);
    if (next) {
      this.scenario = next.scenario;
      this.space = next.space;
      this.eventLabels.set(r, [...next.labels]);
    }
    for (const ctx of this.contexts) {
      ctx.space = this.space;
      ctx.round = r;
      ctx.time = timeAt(ctx, r);
    }
    return this.breakdown === null || !this.breakdown.collapses(r);
  }

  /** Asks party p for an offer and checks it: a bundle index, or -1 when the party accepts no bundle. */
  propose(p: number): number {
    const offer = this.strategies[p]!.propose(this.contexts[p]!);
    if (offer === -1) return -1;
    if (!Number.isInteger(offer) || offer < 0 || offer >= this.space.size)
      throw new TreatylabError(
        `strategy "${this.strategyLabels[p]}" of "${this.space.compiled.partyIds[p]}" returned ${String(offer)}, not a bundle index below ${this.space.size}`,
      );
    return offer;
  }

  /** Records that party p offered `offer`. */
  observe(p: number, offer: number): void {
    this.offers[p]!.push(offer);
  }

  /**
   * Party p's frequency model of party q, brought up to date with q's offers so far. Models are
   * created on first use and fed incrementally, so runs whose strategies use no model pay nothing.
   * (Bundle indices are stable across events, so offers made before an event still count.)
   */
  model(p: number, q: number): FrequencyModel {
    let m = this.models[p * this.n + q];
    if (!m) {
      m = new FrequencyModel(this.space.compiled.sizes);
      this.models[p * this.n + q] = m;
    }
    const offers = this.offers[q]!;
    for (let k = m.observed; k < offers.length; k++) m.observe(this.space, offers[k]!);
    return m;
  }

  /** Party j's answer: its strategy's rule, counted only when the compiled acceptance passes too. */
  respond(j: number, offer: number, from: number): boolean {
    const ok = this.strategies[j]!.respond(this.contexts[j]!, offer, from);
    return ok && this.space.accepts(offer, j);
  }

  /** Appends a move to the log (no-op without a trace); `responses` holds P codes. Returns the move index. */
  log(round: number, proposer: number, offer: number, responses: ArrayLike<number>, risk = Number.NaN): number {
    const m = this.moves;
    if (!m) return -1;
    m.round.push(round);
    m.proposer.push(proposer);
    m.offer.push(offer);
    for (let p = 0; p < this.n; p++) {
      m.utilities.push(this.space.utilityOf(offer, p));
      m.responses.push(responses[p]!);
    }
    m.risk.push(risk);
    return m.round.length - 1;
  }
}

/**
 * How a protocol run ended: the agreed bundle index (or -1), its round, rounds played and why it stopped.
 *
 * @example
 * ```ts
 * const o: RunOutcome = { agreement: 12, round: 7, rounds: 7, outcome: "agreement" };
 * ```
 */
export interface RunOutcome {
  readonly agreement: number;
  readonly round: number;
  readonly rounds: number;
  readonly outcome: "agreement" | "deadline" | "conflict" | "breakdown";
}

/**
 * The outcome of a run whose talks broke down before round r: no agreement, r - 1 rounds played.
 *
 * @example
 * ```ts
 * import { brokeDown } from "./session.js";
 * brokeDown(4); // { agreement: -1, round: 0, rounds: 3, outcome: "breakdown" }
 * ```
 */
export function brokeDown(r: number): RunOutcome {
  return { agreement: -1, round: 0, rounds: r - 1, outcome: "breakdown" };
}
