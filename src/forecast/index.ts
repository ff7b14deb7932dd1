/**
 * Outcome forecasting from positions, capabilities and salience (docs/forecast.md): the compromise
 * mean, the weighted median and Bueno de Mesquita's expected-utility model as specified by Scholz,
 * Calbert and Smith (2011).
 *
 * @example
 * ```ts
 * import { forecast } from "treatylab";
 * forecast({ issue: "x", actors: [
 *   { actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 1, position: 10, salience: 0.5 } ] }, { model: "bdm-scholz", rounds: 5 }).forecast;
 * ```
 * @module
 */
export type {
  ForecastActor,
  ForecastTable,
  ForecastRound,
  AcceptedOffer,
  OfferKind,
  IssueForecast,
  ForecastModelName,
} from "./types.js";
export { forecast, FORECAST_MODELS, FORECAST_MODEL_NAMES, type ForecastModel, type ForecastOptions } from "./models.js";
export { weightedMedian, weightedMean } from "./weighted.js";
export { validateForecastTable } from "./validateTable.js";
export { scenarioForecastTables, type ScenarioTables, type IssueScale, type SalienceRule } from "./scenarioTables.js";
export { applyForecastInputs, isForecastInputs, type ForecastInputs } from "./inputs.js";
export { parseForecastCsv, forecastTablesFromJson } from "./parseTable.js";
export {
  forecastScenario,
  forecastBundle,
  nearestOption,
  type ScenarioForecast,
  type ScenarioForecastOptions,
  type SettlementComparison,
} from "./settlement.js";
export {
  forecastMonteCarloTables,
  forecastMonteCarloScenario,
  runForecastMonteCarlo,
  forecastMonteCarloShard,
  mergeForecastMonteCarloParts,
  type ForecastMonteCarloJob,
  type ForecastMonteCarloPart,
  type ForecastDrawRow,
  type ForecastMonteCarloOptions,
  type ForecastMonteCarloResult,
  type IssueForecastDistribution,
} from "./monteCarlo.js";
