import type { BacktestHooks } from "./backtest.js";

/**
 * The stability and forecast capabilities the backtest uses by default. Neither `src/stability`
 * (GMCR) nor `src/forecast` had landed in main when the backtest was written, so this is empty and
 * the backtest reports "n/a" for both. Wiring one in is one property here: for the forecast,
 * something like `forecast: (s) => ({ bundle: forecastBundle(prepare(s)).bundle })`; for
 * stability, a graph model of "once the text is signed, would anyone defect?" built from the
 * scenario with the text fixed and each party's unilateral moves (which needs, per case, the
 * issues each party controls), then whether the text's state is stable.
 *
 * @example
 * ```ts
 * backtest({ hooks: defaultBacktestHooks() });
 * ```
 */
export function defaultBacktestHooks(): BacktestHooks {
  return {};
}
