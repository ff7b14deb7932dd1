import { forecastScenario } from "../forecast/settlement.js";
import type { BacktestHooks } from "./backtest.js";
import { textStability } from "./stability.js";

/**
 * The stability and forecast capabilities the backtest uses by default.
 *
 * - Forecast: Bueno de Mesquita's expected-utility model as specified by Scholz, Calbert and Smith
 *   (`forecastScenario`, model `bdm-scholz`, 10 rounds; docs/forecast.md) on each case's ordinal
 *   option scales (`ordinalScales`), parties as actors with capability 1 and salience = weight
 *   share. The model is deterministic; the seed is not used.
 * - Stability: `textStability` (`src/cases/stability.ts`): the graph model of "once the text is
 *   signed, would anyone defect?" built from the scenario with the text fixed and each party free
 *   to change the clauses the case's control mapping gives it (`HistoricalCase.control`); the
 *   concepts under which the text is an equilibrium, and "stable" = sequentially stable (SEQ).
 *
 * @example
 * ```ts
 * backtest({ hooks: defaultBacktestHooks() });
 * ```
 */
export function defaultBacktestHooks(): BacktestHooks {
  return {
    stability: (scenario, text, control) => textStability(scenario, text, control),
    forecast: (scenario) => {
      const f = forecastScenario(scenario, { model: "bdm-scholz", rounds: 10 });
      return f.bundle === null ? null : { bundle: f.bundle, detail: "bdm-scholz, 10 rounds, ordinal scales" };
    },
  };
}
