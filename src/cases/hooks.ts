import type { BacktestHooks } from "./backtest.js";

/**
 * The stability and forecast capabilities the backtest uses by default. Neither `src/stability`
 * (GMCR) nor `src/forecast` had landed when the backtest was written, so this is empty and the
 * backtest reports "n/a" for both; wiring one in is one property here, e.g.
 * `stability: (s, text) => ({ stable: isStable(s, text) })`.
 *
 * @example
 * ```ts
 * backtest({ hooks: defaultBacktestHooks() });
 * ```
 */
export function defaultBacktestHooks(): BacktestHooks {
  return {};
}
