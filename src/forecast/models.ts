/**
 * The forecast models, one object each in one registry, and `forecast`, which runs any of them.
 * @module
 */
import { checkOneOf, checkOptionsObject } from "../model/optionChecks.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { TreatylabError } from "../model/errors.js";
import { type CompromiseRule, bdmRound } from "./bdm.js";
import type { AcceptedOffer, ForecastModelName, ForecastRound, ForecastTable, IssueForecast } from "./types.js";
import { validateForecastTable } from "./validateTable.js";
import { weightedMean, weightedMedian } from "./weighted.js";

/**
 * A forecast model: its name, what it is and where it comes from, which round statistic is its
 * forecast, and for the dynamic models the compromise rule of the expected-utility round.
 *
 * @example
 * ```ts
 * const m: ForecastModel = FORECAST_MODELS.median;
 * m.source; // "Black (1948) ..."
 * ```
 */
export interface ForecastModel {
  readonly name: ForecastModelName;
  readonly label: string;
  readonly description: string;
  readonly source: string;
  /** Which statistic of the last round is the forecast. */
  readonly forecastStatistic: "mean" | "median";
  /** Dynamic models play rounds of the expected-utility model with this compromise rule. */
  readonly compromise?: CompromiseRule;
}

/**
 * Every forecast model. `mean` and `median` are static (round 0 only); `bdm-scholz` and `bdm` play
 * rounds of challenges and concessions and forecast the weighted median of the last round.
 *
 * @example
 * ```ts
 * Object.keys(FORECAST_MODELS); // ["mean", "median", "bdm-scholz", "bdm"]
 * ```
 */
export const FORECAST_MODELS: Readonly<Record<ForecastModelName, ForecastModel>> = {
  mean: {
    name: "mean",
    label: "Compromise (weighted mean)",
    description: "the mean of positions weighted by capability x salience",
    source: "van den Bos (1991); Achen (2006), in Thomson et al., The European Union Decides",
    forecastStatistic: "mean",
  },
  median: {
    name: "median",
    label: "Weighted median",
    description: "the weighted median of positions (weights capability x salience), the Condorcet winner on a line",
    source: "Black (1948), On the rationale of group decision-making, Journal of Political Economy 56(1)",
    forecastStatistic: "median",
  },
  "bdm-scholz": {
    name: "bdm-scholz",
    label: "Expected utility (Scholz et al.)",
    description:
      "Bueno de Mesquita's challenges and concessions; compromise chosen by the smallest weighted position, as in Scholz et al.'s code",
    source:
      "Scholz, Calbert and Smith (2011), Unravelling Bueno de Mesquita's group decision model, Journal of Theoretical Politics 23(4); Bueno de Mesquita (1994)",
    forecastStatistic: "median",
    compromise: "scholz",
  },
  bdm: {
    name: "bdm",
    label: "Expected utility (nearest compromise)",
    description: "as bdm-scholz, but an actor takes the compromise that moves it least",
    source: "Bueno de Mesquita (1994, 2009); semantics of Scholz, Calbert and Smith (2011) otherwise",
    forecastStatistic: "median",
    compromise: "nearest",
  },
};

/**
 * The model names, in registry order.
 *
 * @example
 * ```ts
 * FORECAST_MODEL_NAMES.includes("bdm"); // true
 * ```
 */
export const FORECAST_MODEL_NAMES = Object.keys(FORECAST_MODELS) as readonly ForecastModelName[];

/**
 * Options of {@link forecast}.
 *
 * @example
 * ```ts
 * const o: ForecastOptions = { model: "bdm-scholz", rounds: 10 };
 * ```
 */
export interface ForecastOptions {
  /** Default `bdm-scholz`. */
  readonly model?: ForecastModelName;
  /** Rounds of the dynamic models (default 10; ignored by `mean` and `median`). */
  readonly rounds?: number;
}

/**
 * Largest number of rounds accepted.
 *
 * @example
 * ```ts
 * import { MAX_FORECAST_ROUNDS } from "./models.js";
 * const t: ForecastTable = { issue: "x", actors: [
 *   { actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 } ] };
 * forecast(t, { rounds: MAX_FORECAST_ROUNDS + 1 }); // throws "rounds is 10001; expected an integer from 0 to 10000"
 * ```
 */
export const MAX_FORECAST_ROUNDS = 10_000;

/**
 * Forecasts one issue from its table. Round 0 is the input; a dynamic model plays up to `rounds`
 * rounds and stops early once a round moves nobody (every later round would repeat it:
 * `converged` is then true). Positions, medians and means are exact floating-point values.
 *
 * @example
 * ```ts
 * import { forecast } from "treatylab";
 * const f = forecast({ issue: "x", actors: [
 *   { actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 } ] }, { model: "mean" });
 * f.forecast; // 7.5
 * ```
 */
export function forecast(table: ForecastTable, options: ForecastOptions = {}): IssueForecast {
  checkOptionsObject(options, "forecast");
  // Checked against the list, not looked up: "toString" is a property of every object.
  const name = checkOneOf(options.model, FORECAST_MODEL_NAMES, "options.model") ?? "bdm-scholz";
  const model = FORECAST_MODELS[name];
  const rounds = options.rounds ?? 10;
  if (!Number.isInteger(rounds) || rounds < 0 || rounds > MAX_FORECAST_ROUNDS)
    throw new TreatylabError(`rounds is ${rounds}; expected an integer from 0 to ${MAX_FORECAST_ROUNDS}`);
  validateForecastTable(table);
  const rows = table.actors;
  const names = rows.map((r) => r.actor);
  const c = Float64Array.from(rows, (r) => r.capability);
  const s = Float64Array.from(rows, (r) => r.salience);
  const w = Float64Array.from(rows, (r) => r.capability * r.salience);
  let x: Float64Array = Float64Array.from(rows, (r) => r.position);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of x) [min, max] = [Math.min(min, v), Math.max(max, v)];
  const range = max - min;
  const record = (v: ArrayLike<number>): Record<string, number> =>
    Object.fromEntries(names.map((id, i) => [id, v[i]!]));
  const out: ForecastRound[] = [];
  let converged = true;
  const base = (round: number, pos: Float64Array): ForecastRound => ({
    round,
    median: weightedMedian(pos, w),
    mean: weightedMean(pos, w),
    positions: record(pos),
  });
  if (model.compromise === undefined || range === 0) out.push(base(0, x));
  else {
    converged = false;
    for (let t = 0; ; t++) {
      if (t === rounds) {
        out.push(base(t, x));
        break;
      }
      const step = bdmRound(x, c, s, range, model.compromise);
      const offers: Record<string, AcceptedOffer | null> = {};
      names.forEach(
        (id, a) =>
          (offers[id] = step.kind[a] ? { kind: step.kind[a]!, from: names[step.from[a]!]!, to: step.next[a]! } : null),
      );
      out.push({ ...base(t, x), risk: record(step.risk), offers });
      let moved = false;
      for (let a = 0; a < x.length; a++) if (step.next[a] !== x[a]) moved = true;
      if (!moved) {
        converged = true;
        break;
      }
      x = step.next;
    }
  }
  const last = out[out.length - 1]!;
  return deepFreeze({
    model: name,
    issue: table.issue,
    forecast: last[model.forecastStatistic],
    converged,
    rounds: out,
  });
}
