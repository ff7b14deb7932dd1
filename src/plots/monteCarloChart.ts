import type { Bundle } from "../model/types.js";
import type { MonteCarloResult } from "../uncertainty/monteCarloAccumulator.js";
import { type PlotSize, plotNumber, plotSpec, type VegaLiteSpec } from "./spec.js";

/**
 * Options of {@link monteCarloSpec}.
 *
 * @example
 * ```ts
 * const o: MonteCarloPlotOptions = { bundles: 10 };
 * ```
 */
export interface MonteCarloPlotOptions extends PlotSize {
  /** Most bundles shown, most robust first (default 12). */
  readonly bundles?: number;
}

/** A short label of a bundle: the `issue=option` terms on which the shown bundles differ, cut at 70 characters. */
function bundleLabel(rank: number, b: Bundle, issues: readonly string[]): string {
  const text = issues.map((i) => `${i}=${b[i]}`).join(", ") || "the only bundle";
  return `${rank}. ${text.length > 70 ? `${text.slice(0, 69)}…` : text}`;
}

/**
 * Vega-Lite spec of Monte Carlo acceptance probabilities: for the most robust bundles, the
 * probability that every party accepts (bar) with a 95% interval (+/- 1.96 standard errors), and
 * the probability that the bundle is the Nash solution (tick).
 *
 * @example
 * ```ts
 * import { monteCarlo, nash1950 } from "treatylab";
 * import { monteCarloSpec, renderSvg } from "treatylab/plot";
 * const r = monteCarlo(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 200, seed: "1" });
 * const svg = await renderSvg(monteCarloSpec(r));
 * ```
 */
export function monteCarloSpec(result: MonteCarloResult, options: MonteCarloPlotOptions = {}): VegaLiteSpec {
  const shown = result.bundles.slice(0, options.bundles ?? 12);
  const issues = Object.keys(shown[0]?.bundle ?? {}).filter((i) => shown.some((b) => b.bundle[i] !== shown[0]!.bundle[i]));
  const values = shown.map((b, k) => ({
    bundle: bundleLabel(k + 1, b.bundle, issues),
    pZopa: plotNumber(b.pZopa),
    lo: plotNumber(Math.max(0, b.pZopa - 1.96 * b.pZopaSE)),
    hi: plotNumber(Math.min(1, b.pZopa + 1.96 * b.pZopaSE)),
    pNash: plotNumber(b.pNash),
  }));
  const order = values.map((v) => v.bundle);
  const y = { field: "bundle", type: "nominal", sort: order, title: null, axis: { labelLimit: 360 } };
  const p = result.zopa.pNonEmpty;
  return plotSpec(options.title ?? `Monte Carlo: ${result.scenario.title}`, [
    `${result.draws} draws (seed ${result.seed}); P(ZOPA not empty) = ${p.p.toFixed(3)} +/- ${(1.96 * p.se).toFixed(3)}.`,
    `Bars: P(every party accepts the bundle) with 95% intervals; ticks: P(it is the Nash solution). Labels: the terms on which the bundles differ.`,
  ], {
    width: options.width ?? 360,
    height: options.height ?? Math.max(100, 22 * values.length),
    layer: [
      { data: { values }, mark: { type: "bar", color: "#7fbf7b", height: { band: 0.7 } }, encoding: { y, x: { field: "pZopa", type: "quantitative", title: "probability", scale: { domain: [0, 1] } } } },
      { data: { values }, mark: { type: "rule", color: "#1b5e20" }, encoding: { y, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } } },
      { data: { values }, mark: { type: "tick", color: "#0072b2", thickness: 3 }, encoding: { y, x: { field: "pNash", type: "quantitative" } } },
    ],
  });
}
