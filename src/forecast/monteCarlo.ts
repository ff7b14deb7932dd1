/**
 * Monte Carlo over forecast inputs: a distribution of forecasts with standard errors, seeded.
 * @module
 */
import seedrandom from "seedrandom";
import { prepare } from "../analysis/prepare.js";
import { TreatylabError } from "../model/errors.js";
import { toIndexBundle } from "../model/compile.js";
import type { Scenario } from "../model/types.js";
import { type MonteCarloJob, drawScenario, prepareMonteCarlo } from "../uncertainty/monteCarloJob.js";
import { sample } from "../uncertainty/sample.js";
import { type Proportion, type SampleStats, proportion, sampleStats } from "../uncertainty/statistics.js";
import type { UncertaintySpec } from "../uncertainty/types.js";
import { evaluateBundle } from "../utility/verdict.js";
import { type ForecastOptions, forecast } from "./models.js";
import type { SalienceRule } from "./scenarioTables.js";
import { forecastBundle } from "./settlement.js";
import type { ForecastModelName, ForecastTable } from "./types.js";
import { maxOf, minOf } from "../model/extrema.js";

/**
 * Options of the forecast Monte Carlo.
 *
 * @example
 * ```ts
 * const o: ForecastMonteCarloOptions = { model: "bdm-scholz", rounds: 10, draws: 1000, seed: "42" };
 * ```
 */
export interface ForecastMonteCarloOptions extends ForecastOptions {
  readonly draws: number;
  readonly seed: string;
}

/**
 * One issue's forecast over the draws: the forecast without noise, the distribution of the drawn
 * forecasts (mean with its standard error, quantiles) and, for a scenario, how often each option
 * is the forecast bundle's option.
 *
 * @example
 * ```ts
 * d.stats.mean; d.stats.se; d.options?.["frozen-line"]?.p;
 * ```
 */
export interface IssueForecastDistribution {
  readonly issue: string;
  readonly base: number;
  readonly stats: SampleStats;
  readonly options?: Readonly<Record<string, Proportion>>;
}

/**
 * The result of a forecast Monte Carlo. For a scenario, `pOutsideZopa` is the share of draws whose
 * forecast bundle some party rejects (in that draw's scenario).
 *
 * @example
 * ```ts
 * r.issues[0]?.stats.se; r.pOutsideZopa?.p;
 * ```
 */
export interface ForecastMonteCarloResult {
  readonly kind: "treatylab-forecast-montecarlo";
  readonly model: ForecastModelName;
  readonly rounds: number;
  readonly draws: number;
  readonly seed: string;
  /** What was drawn: the uncertainty declaration's parameters, or the table spread rule. */
  readonly drawn: readonly string[];
  readonly issues: readonly IssueForecastDistribution[];
  readonly pOutsideZopa?: Proportion;
}

function checkRun(options: ForecastMonteCarloOptions): void {
  if (!Number.isSafeInteger(options.draws) || options.draws < 1) throw new TreatylabError(`draws ${options.draws} is not a positive integer`);
  if (typeof options.seed !== "string" || options.seed === "") throw new TreatylabError("the seed must be a non-empty string (e.g. --seed 42)");
}

/**
 * Monte Carlo over forecast tables: in draw i (generator `seedrandom(seed + ":" + i)`, as the
 * scenario Monte Carlo, so a draw does not depend on the others) every capability and salience is
 * drawn uniformly within +/- `spread` of itself (relative; salience clamped to [0, 1]) and every
 * position within +/- `spread` x the issue's initial range; each table is forecast again.
 *
 * @example
 * ```ts
 * forecastMonteCarloTables([table], 0.1, { model: "mean", draws: 500, seed: "1" }).issues[0]?.stats.se;
 * ```
 */
export function forecastMonteCarloTables(tables: readonly ForecastTable[], spread: number, options: ForecastMonteCarloOptions): ForecastMonteCarloResult {
  checkRun(options);
  if (!(spread >= 0 && spread < 1)) throw new TreatylabError(`--spread ${spread} is not a number in [0, 1)`);
  const base = tables.map((t) => forecast(t, options));
  const values: number[][] = tables.map(() => []);
  for (let i = 0; i < options.draws; i++) {
    const rng = seedrandom(`${options.seed}:${i}`);
    tables.forEach((t, k) => {
      const xs = t.actors.map((a) => a.position);
      const range = maxOf(xs) - minOf(xs);
      const u = (x: number, half: number): number => sample({ kind: "uniform", min: x - half, max: x + half }, rng);
      const actors = t.actors.map((a) => ({
        actor: a.actor,
        capability: u(a.capability, a.capability * spread),
        position: u(a.position, range * spread),
        salience: Math.min(1, Math.max(0, u(a.salience, a.salience * spread))),
      }));
      values[k]!.push(forecast({ issue: t.issue, actors }, options).forecast);
    });
  }
  return {
    kind: "treatylab-forecast-montecarlo",
    model: base[0]?.model ?? options.model ?? "bdm-scholz",
    rounds: options.rounds ?? 10,
    draws: options.draws,
    seed: options.seed,
    drawn: [`capability and salience uniform within +/- ${spread} of themselves; position within +/- ${spread} x the issue's range`],
    issues: tables.map((t, k) => ({ issue: t.issue, base: base[k]!.forecast, stats: sampleStats(values[k]!) })),
  };
}

/**
 * Monte Carlo over a scenario's uncertain numbers (the declaration of `treatylab montecarlo`:
 * weights, values, reservations, power), with the same draws as the scenario Monte Carlo: each draw
 * re-derives positions (best options), saliences (weights) and capabilities (`capability`, else
 * `power`), forecasts every issue, and checks the forecast bundle against that draw's reservations.
 *
 * @example
 * ```ts
 * forecastMonteCarloScenario(s, { "parties.*.weights.*": { spread: 0.2 } }, { draws: 200, seed: "7" }).pOutsideZopa;
 * ```
 */
export function forecastMonteCarloScenario(scenario: Scenario, uncertainty: UncertaintySpec, options: ForecastMonteCarloOptions & { readonly salience?: SalienceRule }): ForecastMonteCarloResult {
  checkRun(options);
  const job: MonteCarloJob = { scenario, uncertainty, seed: options.seed, draws: options.draws, solutions: ["nash"] };
  const ctx = prepareMonteCarlo(job);
  const base = forecastBundle(ctx.compiled, options);
  const values: number[][] = base.issues.map(() => []);
  const counts: Map<string, number>[] = base.issues.map(() => new Map());
  let outside = 0;
  for (let i = 0; i < options.draws; i++) {
    const c = prepare(drawScenario(ctx, i));
    const f = forecastBundle(c, options);
    f.issues.forEach((x, k) => values[k]!.push(x.forecast));
    if (f.bundle) {
      base.issues.forEach((x, k) => counts[k]!.set(f.bundle![x.issue]!, (counts[k]!.get(f.bundle![x.issue]!) ?? 0) + 1));
      if (!evaluateBundle(c, toIndexBundle(c, f.bundle, "forecast")).acceptedByAll) outside++;
    }
  }
  return {
    kind: "treatylab-forecast-montecarlo",
    model: options.model ?? "bdm-scholz",
    rounds: options.rounds ?? 10,
    draws: options.draws,
    seed: options.seed,
    drawn: ctx.parameters.map((p) => p.parameter),
    issues: base.issues.map((x, k) => ({
      issue: x.issue,
      base: x.forecast,
      stats: sampleStats(values[k]!),
      ...(base.bundle ? { options: Object.fromEntries(base.scales[k]!.optionIds.filter((o) => counts[k]!.has(o)).map((o) => [o, proportion(counts[k]!.get(o)!, options.draws)])) } : {}),
    })),
    ...(base.bundle ? { pOutsideZopa: proportion(outside, options.draws) } : {}),
  };
}
