import { forecastScenario } from "../forecast/settlement.js";
import type { BacktestHooks } from "./backtest.js";

/**
 * The stability and forecast capabilities the backtest uses by default.
 *
 * - Forecast: Bueno de Mesquita's expected-utility model as specified by Scholz, Calbert and Smith
 *   (`forecastScenario`, model `bdm-scholz`, 10 rounds; docs/forecast.md) on each case's ordinal
 *   option scales (`ordinalScales`), parties as actors with capability 1 and salience = weight
 *   share. The model is deterministic; the seed is not used.
 * - Stability: `src/stability` (GMCR) reached main minutes before this was finished and is not
 *   wired yet, so there is no stability hook and the backtest reports "n/a". Wiring it is one property here: a
 *   graph model of "once the text is signed, would anyone defect?" built from the scenario with the
 *   text fixed and each party's unilateral moves (which needs, per case, the issues each party
 *   controls), then whether the text's state is stable.
 *
 * @example
 * ```ts
 * backtest({ hooks: defaultBacktestHooks() });
 * ```
 */
export function defaultBacktestHooks(): BacktestHooks {
  return {
    forecast: (scenario) => {
      const f = forecastScenario(scenario, { model: "bdm-scholz", rounds: 10 });
      return f.bundle === null ? null : { bundle: f.bundle, detail: "bdm-scholz, 10 rounds, ordinal scales" };
    },
  };
}
