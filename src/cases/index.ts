export { backtest, type Backtest, type BacktestCase, type BacktestSummary, type BacktestOptions, type BacktestHooks, type SolutionDistance, type BacktestStability, type BacktestForecast } from "./backtest.js";
export { defaultBacktestHooks } from "./hooks.js";
export { HISTORICAL_CASES, historicalCase, historicalCaseIds } from "./registry.js";
export { CASE_OUTCOMES, expectedAccepted, type CaseOutcome, type CaseText, type HistoricalCase } from "./types.js";
export { reasonedValuation, reasonedParty, reasonedConstituency, type Reasoned, type ReasonedValuation } from "./build.js";
