import { toNamedBundle } from "../model/compile.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { TreatylabError } from "../model/errors.js";
import type { Bundle, Scenario } from "../model/types.js";
import { roundUtility } from "../utility/utilities.js";
import { runMetrics } from "./metrics.js";
import { validateScenario } from "../model/validate.js";
import { negotiateParsed } from "./simulate.js";
import type { ProtocolName, SimulationMetrics, SimulationOptions } from "./types.js";

/**
 * Most runs {@link simulateRuns} does.
 *
 * @example
 * ```ts
 * const runs = Math.min(200, MAX_RUNS);
 * simulateRuns(builtinScenario("nash-1950"), { hazard: 0.05, seed: 1 }, runs).runs; // 200
 * ```
 */
export const MAX_RUNS = 1_000_000;

/**
 * How one run ended: agreement, breakdown, deadline or conflict.
 * @example
 * ```ts
 * import type { RunOutcomeKind } from "treatylab/advanced";
 * const o: RunOutcomeKind = simulate(builtinScenario("nash-1950"), { seed: 1 }).metrics.outcome; // "agreement"
 * ```
 */
export type RunOutcomeKind = SimulationMetrics["outcome"];
const OUTCOMES: readonly RunOutcomeKind[] = ["agreement", "breakdown", "deadline", "conflict"];

/**
 * What many seeded runs of one negotiation give: how often each ending occurs, the distribution
 * of end rounds, the expected utilities and payoffs (no deal counts as the reservation) and the
 * agreements reached.
 *
 * @example
 * ```ts
 * const r = simulateRuns(builtinScenario("nash-1950"), { hazard: 0.05, seed: 7 }, 1000);
 * r.agreementRate; // 0.087
 * r.expected.payoffs.bill; // 0.383647058824
 * ```
 */
export interface RunsSummary {
  readonly scenario: string;
  readonly protocol: ProtocolName;
  /** The base seed: run i uses seed `<seed>/<i>`. */
  readonly seed: string;
  readonly runs: number;
  readonly strategies: Readonly<Record<string, string>>;
  /** Runs by how they ended. */
  readonly outcomes: Readonly<Record<RunOutcomeKind, number>>;
  /** Share of runs that agreed, and its standard error sqrt(p (1 - p) / n). */
  readonly agreementRate: number;
  readonly agreementRateSE: number;
  /** Runs by end round (rounds played; an agreement's round), each split by ending, rounds in increasing order. */
  readonly endRounds: readonly ({ readonly round: number; readonly runs: number } & Readonly<
    Record<RunOutcomeKind, number>
  >)[];
  readonly meanEndRound: number;
  /** Mean over runs of each party's utility (at the agreement, else its reservation) and payoff (after the cost of delay), with standard errors. */
  readonly expected: {
    readonly utilities: Readonly<Record<string, number>>;
    readonly payoffs: Readonly<Record<string, number>>;
    readonly utilitiesSE: Readonly<Record<string, number>>;
    readonly payoffsSE: Readonly<Record<string, number>>;
  };
  /** The agreements reached, most frequent first (ties: the one reached in the earlier run first). */
  readonly agreements: readonly { readonly bundle: Bundle; readonly runs: number; readonly meanRound: number }[];
}

/**
 * Runs a negotiation `runs` times, run i with seed `<seed>/<i>` (so the breakdown draws, and
 * any random strategy, differ between runs while the whole summary is reproducible), and
 * summarises the endings: with a breakdown hazard this is the expected outcome of talks that
 * may collapse. Sums run in run order, so the result is byte-identical for the same inputs.
 *
 * @example
 * ```ts
 * import { builtinScenario, simulateRuns } from "treatylab";
 * const r = simulateRuns(builtinScenario("nash-1950"), { hazard: 0.1, seed: 1 }, 2000);
 * r.agreementRate; // about 0.9^k when the strategies agree in round k
 * simulateRuns(builtinScenario("nash-1950"), { hazard: 0.1 }, 100, (done, total) => console.error(`${done}/${total}`));
 * ```
 */
export function simulateRuns(
  scenario: Scenario,
  options: SimulationOptions,
  runs: number,
  onProgress?: (done: number, total: number) => void,
): RunsSummary {
  if (!Number.isSafeInteger(runs) || runs < 1 || runs > MAX_RUNS)
    throw new TreatylabError(`runs is ${runs}; expected an integer from 1 to ${MAX_RUNS}`);
  const seed = String(options.seed ?? 0);
  const outcomes: Record<RunOutcomeKind, number> = { agreement: 0, breakdown: 0, deadline: 0, conflict: 0 };
  const byRound = new Map<number, Record<RunOutcomeKind, number>>();
  const agreements = new Map<string, { bundle: Bundle; runs: number; roundSum: number; first: number }>();
  let ids: readonly string[] = [];
  let strategies: Record<string, string> = {};
  let protocol: ProtocolName = options.protocol ?? "alternating";
  let u: Float64Array = new Float64Array(0);
  let u2: Float64Array = u;
  let pay: Float64Array = u;
  let pay2: Float64Array = u;
  let roundSum = 0;
  // Validated once: a plain object would be validated and compiled again on every run.
  const validated = validateScenario(scenario);
  // A frozen copy of the events, so that the timeline is built once and reused by every run.
  const events = options.events === undefined ? undefined : deepFreeze(structuredClone(options.events));
  for (let i = 0; i < runs; i++) {
    const neg = negotiateParsed(validated, { ...options, events, seed: `${seed}/${i}`, trace: false });
    const c = neg.session.space.compiled;
    if (i === 0) {
      ids = c.partyIds;
      protocol = neg.protocol;
      strategies = Object.fromEntries(ids.map((id, p) => [id, neg.session.strategyLabels[p]!]));
      u = new Float64Array(ids.length);
      u2 = new Float64Array(ids.length);
      pay = new Float64Array(ids.length);
      pay2 = new Float64Array(ids.length);
    }
    const m = runMetrics(neg.session, neg.outcome);
    outcomes[m.outcome]++;
    const row = byRound.get(m.rounds) ?? { agreement: 0, breakdown: 0, deadline: 0, conflict: 0 };
    row[m.outcome]++;
    byRound.set(m.rounds, row);
    roundSum += m.rounds;
    ids.forEach((id, p) => {
      const a = m.utilities[id]!;
      const b = m.payoffs[id]!;
      u[p]! += a;
      u2[p]! += a * a;
      pay[p]! += b;
      pay2[p]! += b * b;
    });
    if (neg.outcome.agreement >= 0) {
      const bundle = toNamedBundle(c, neg.session.space.row(neg.outcome.agreement));
      const key = JSON.stringify(bundle);
      const hit = agreements.get(key) ?? { bundle, runs: 0, roundSum: 0, first: i };
      hit.runs++;
      hit.roundSum += neg.outcome.round;
      agreements.set(key, hit);
    }
    onProgress?.(i + 1, runs);
  }
  const mean = (s: Float64Array): Record<string, number> =>
    Object.fromEntries(ids.map((id, p) => [id, roundUtility(s[p]! / runs)]));
  const se = (s: Float64Array, s2: Float64Array): Record<string, number> =>
    Object.fromEntries(
      ids.map((id, p) => {
        if (runs < 2) return [id, 0];
        const m = s[p]! / runs;
        const variance = Math.max(0, (s2[p]! - runs * m * m) / (runs - 1));
        return [id, roundUtility(Math.sqrt(variance / runs))];
      }),
    );
  const rate = outcomes.agreement / runs;
  return deepFreeze({
    scenario: scenario.id,
    protocol,
    seed,
    runs,
    strategies,
    outcomes,
    agreementRate: rate,
    agreementRateSE: roundUtility(Math.sqrt((rate * (1 - rate)) / runs)),
    endRounds: [...byRound.keys()]
      .sort((a, b) => a - b)
      .map((round) => {
        const r = byRound.get(round)!;
        return { round, runs: OUTCOMES.reduce((s, o) => s + r[o], 0), ...r };
      }),
    meanEndRound: roundSum / runs,
    expected: { utilities: mean(u), payoffs: mean(pay), utilitiesSE: se(u, u2), payoffsSE: se(pay, pay2) },
    agreements: [...agreements.values()]
      .sort((a, b) => b.runs - a.runs || a.first - b.first)
      .map((a) => ({ bundle: a.bundle, runs: a.runs, meanRound: a.roundSum / a.runs })),
  });
}
