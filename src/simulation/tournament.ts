import { deepFreeze } from "../model/deepFreeze.js";
import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { validateScenario } from "../model/validate.js";
import { roundUtility } from "../utility/utilities.js";
import { runMetrics } from "./metrics.js";
import { subSeed } from "./random.js";
import type { HazardSpec } from "./hazard.js";
import { negotiateParsed } from "./simulate.js";
import { parseStrategy, type StrategySpec } from "./strategies/registry.js";
import type { DelayCost, ProtocolName, SimulationEvent, SpaceScope, StrategyFactory } from "./types.js";

/**
 * Most runs one tournament may contain.
 *
 * @example
 * ```ts
 * import { MAX_TOURNAMENT_RUNS } from "./tournament.js";
 * const strategies = ["boulware", "conceder", "hardliner"];
 * strategies.length ** 2 * 3 <= MAX_TOURNAMENT_RUNS; // true: 3 strategies, 2 parties, 3 seeds
 * ```
 */
export const MAX_TOURNAMENT_RUNS = 1_000_000;

/**
 * Options of {@link tournament}.
 *
 * @example
 * ```ts
 * const o: TournamentOptions = { strategies: ["boulware", "conceder", "hardliner"], seeds: 3, seed: 1, rounds: 100 };
 * ```
 */
export interface TournamentOptions {
  readonly strategies: readonly (string | StrategyFactory)[];
  readonly protocol?: ProtocolName;
  readonly rounds?: number;
  readonly deadline?: number;
  /** Repetitions of each pairing (each with its own sub-seed). Default 1. */
  readonly seeds?: number;
  readonly seed?: string | number;
  /** Cost of delay per party id (applied in every scenario that has the party). */
  readonly delay?: Readonly<Record<string, DelayCost>>;
  /** Which bundles the outcome space lists (default "all"; see {@link SpaceScope}). */
  readonly scope?: SpaceScope;
  /** Events per scenario id. */
  readonly events?: Readonly<Record<string, readonly SimulationEvent[]>>;
  /** Breakdown risk per round in every run (see {@link HazardSpec}). */
  readonly hazard?: HazardSpec;
  /** What a breakdown costs each party beyond no deal (see `SimulationOptions.breakdownCost`). */
  readonly breakdownCost?: Readonly<Record<string, number>>;
  /** Called with (negotiations run, negotiations to run) after each one (progress bars). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * One run of a tournament.
 *
 * @example
 * ```ts
 * const t = tournament([builtinScenario("nash-1950")], { strategies: ["boulware", "conceder"], seed: 1 });
 * const run: TournamentRun = t.runs[0]!;
 * run.seed; // "1/nash-1950/0/0"
 * run.rounds; // 87
 * ```
 */
export interface TournamentRun {
  readonly scenario: string;
  readonly seed: string;
  readonly strategies: Readonly<Record<string, string>>;
  readonly agreed: boolean;
  readonly rounds: number;
  readonly utilities: Readonly<Record<string, number>>;
  readonly payoffs: Readonly<Record<string, number>>;
  readonly nashDistance: number | null;
  readonly paretoDistance: number | null;
}

/**
 * A strategy's summary over every run it played in (once per party it played).
 *
 * @example
 * ```ts
 * const t = tournament([builtinScenario("nash-1950")], { strategies: ["boulware", "conceder"], seed: 1 });
 * const first: StrategySummary = t.summary[0]!;
 * first.strategy; // "boulware"
 * first.meanUtility; // 0.757352941176
 * ```
 */
export interface StrategySummary {
  readonly strategy: string;
  /** Party-runs: one per run and party playing this strategy. */
  readonly runs: number;
  readonly agreementRate: number;
  /** Mean utility of the outcome to the party (its reservation when talks fail). */
  readonly meanUtility: number;
  /** Mean payoff after the cost of delay. */
  readonly meanPayoff: number;
  readonly meanRounds: number;
  /** Mean distance to the Nash solution over the runs that agreed (null if none did). */
  readonly meanNashDistance: number | null;
}

/**
 * A tournament's result: per-strategy summaries (sorted by mean utility, descending, then name) and every run.
 *
 * @example
 * ```ts
 * const t: TournamentResult = tournament([builtinScenario("nash-1950")], { strategies: ["boulware", "conceder"] });
 * t.runs.length; // 4
 * ```
 */
export interface TournamentResult {
  readonly seed: string;
  readonly protocol: ProtocolName;
  readonly summary: readonly StrategySummary[];
  readonly runs: readonly TournamentRun[];
}

/**
 * Runs strategies x scenarios x seeds: for each scenario, every assignment of the strategies to
 * its parties (k^n of them, self-play included), repeated `seeds` times. Run r of assignment a on
 * scenario s uses the sub-seed `${seed}/${s}/${a}/${r}` ({@link subSeed}), so a run does not depend
 * on the others. Deterministic.
 *
 * @example
 * ```ts
 * import { builtinScenario, tournament } from "treatylab";
 * const t = tournament([builtinScenario("nash-1950")], { strategies: ["boulware", "conceder", "hardliner"], seed: 1 });
 * t.summary.map((s) => [s.strategy, s.agreementRate]);
 * ```
 */
export function tournament(scenarios: readonly Scenario[], options: TournamentOptions): TournamentResult {
  const specs = options.strategies.map(parseStrategy);
  if (specs.length === 0) throw new TreatylabError("a tournament needs at least one strategy");
  const labels = specs.map((s) => s.label);
  if (new Set(labels).size !== labels.length)
    throw new TreatylabError(`strategies are listed twice: ${labels.join(", ")}`);
  const reps = options.seeds ?? 1;
  if (!Number.isSafeInteger(reps) || reps < 1)
    throw new TreatylabError(`seeds is ${reps}; expected a positive integer`);
  const seed = String(options.seed ?? 0);
  const protocol = options.protocol ?? "alternating";
  const runs: TournamentRun[] = [];
  const acc = new Map(labels.map((l) => [l, { runs: 0, agreed: 0, u: 0, pay: 0, rounds: 0, nash: 0, nashN: 0 }]));
  let total = 0;
  // Validated first (a malformed scenario gets its ScenarioError before anything reads it) and
  // once (a plain object would be validated and compiled again on every run).
  const validated = scenarios.map((s) => validateScenario(s));
  // A frozen copy of the events, so that each scenario's timeline is built once and reused.
  const events = options.events === undefined ? undefined : deepFreeze(structuredClone(options.events));
  const all = validated.reduce((n, sc) => n + specs.length ** sc.parties.length * reps, 0);
  for (const scenario of validated) {
    const n = scenario.parties.length;
    const assignments = specs.length ** n;
    total += assignments * reps;
    if (total > MAX_TOURNAMENT_RUNS)
      throw new TreatylabError(
        `the tournament would run over ${MAX_TOURNAMENT_RUNS} negotiations; use fewer strategies, seeds or scenarios`,
      );
    for (let a = 0; a < assignments; a++) {
      const pick: number[] = [];
      for (let p = 0, rest = a; p < n; p++, rest = Math.floor(rest / specs.length)) pick.push(rest % specs.length);
      for (let r = 0; r < reps; r++) {
        const runSeed = subSeed(seed, scenario.id, a, r);
        const parties: Record<string, { delay?: DelayCost }> = {};
        const parsed = new Map<string, StrategySpec>();
        scenario.parties.forEach((party, p) => {
          parsed.set(party.id, specs[pick[p]!]!);
          const delay = options.delay?.[party.id];
          parties[party.id] = delay ? { delay } : {};
        });
        const neg = negotiateParsed(
          scenario,
          {
            protocol,
            rounds: options.rounds,
            deadline: options.deadline,
            seed: runSeed,
            parties,
            events: events?.[scenario.id],
            scope: options.scope,
            hazard: options.hazard,
            breakdownCost: options.breakdownCost,
            trace: false,
          },
          parsed,
        );
        const m = runMetrics(neg.session, neg.outcome);
        const strategies: Record<string, string> = {};
        scenario.parties.forEach((party, p) => {
          const label = labels[pick[p]!]!;
          strategies[party.id] = label;
          const s = acc.get(label)!;
          s.runs++;
          if (m.agreed) s.agreed++;
          s.u += m.utilities[party.id]!;
          s.pay += m.payoffs[party.id]!;
          s.rounds += m.rounds;
          if (m.nashDistance !== null) {
            s.nash += m.nashDistance;
            s.nashN++;
          }
        });
        runs.push({
          scenario: scenario.id,
          seed: runSeed,
          strategies,
          agreed: m.agreed,
          rounds: m.rounds,
          utilities: m.utilities,
          payoffs: m.payoffs,
          nashDistance: m.nashDistance,
          paretoDistance: m.paretoDistance,
        });
        options.onProgress?.(runs.length, all);
      }
    }
  }
  const summary: StrategySummary[] = labels.map((strategy) => {
    const s = acc.get(strategy)!;
    const mean = (x: number): number => (s.runs === 0 ? 0 : roundUtility(x / s.runs));
    return {
      strategy,
      runs: s.runs,
      agreementRate: mean(s.agreed),
      meanUtility: mean(s.u),
      meanPayoff: mean(s.pay),
      meanRounds: mean(s.rounds),
      meanNashDistance: s.nashN === 0 ? null : roundUtility(s.nash / s.nashN),
    };
  });
  summary.sort((x, y) => y.meanUtility - x.meanUtility || (x.strategy < y.strategy ? -1 : 1));
  return deepFreeze({ seed, protocol, summary, runs });
}
