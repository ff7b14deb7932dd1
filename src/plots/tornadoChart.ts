import { parameterLabel } from "../edits/parameter.js";
import { partyLabel } from "../model/labels.js";
import type { Scenario } from "../model/types.js";
import type { TornadoResult } from "../sensitivity/tornado.js";
import { SOLUTION_LIST } from "../solutions/solutionConcepts.js";
import { type PlotSize, plotNumber, plotSpec, type VegaLiteSpec } from "./spec.js";

/**
 * Options of {@link tornadoSpec}.
 *
 * @example
 * ```ts
 * const o: TornadoPlotOptions = { bars: 10 };
 * ```
 */
export interface TornadoPlotOptions extends PlotSize {
  /** Most bars shown, largest effects first (default 15). */
  readonly bars?: number;
  /** The scenario the tornado was run on: its party, issue and option labels name the bars (default: ids). */
  readonly scenario?: Scenario;
}

/**
 * Vega-Lite spec of a tornado chart: for each parameter that moves the metric (largest effect on
 * top), a bar from the base metric to its value at the parameter's low setting and one to its
 * high setting, and a rule at the base metric.
 *
 * @example
 * ```ts
 * import { nash1950, tornado } from "treatylab";
 * import { renderSvg, tornadoSpec } from "treatylab/plot";
 * const svg = await renderSvg(tornadoSpec(tornado(nash1950, { metric: { party: "bill" } })));
 * ```
 */
export function tornadoSpec(result: TornadoResult, options: TornadoPlotOptions = {}): VegaLiteSpec {
  // Parameters that do not move the metric get no bar; the subtitle counts them.
  const moving = result.bars.filter((b) => b.effect > 0);
  const bars = moving.slice(0, options.bars ?? 15);
  const name = (path: string): string => parameterLabel(options.scenario, path);
  const order = bars.map((b) => name(b.parameter));
  const values = bars.flatMap((b) => [
    {
      parameter: name(b.parameter),
      side: "low setting",
      setting: b.low.value,
      from: plotNumber(result.baseMetric),
      to: plotNumber(b.low.metric),
    },
    {
      parameter: name(b.parameter),
      side: "high setting",
      setting: b.high.value,
      from: plotNumber(result.baseMetric),
      to: plotNumber(b.high.metric),
    },
  ]);
  const solution = SOLUTION_LIST.find((c) => c.name === result.solutionName)?.label ?? result.solutionName;
  const metric =
    result.metric === "zopaSize"
      ? "ZOPA size (bundles)"
      : `utility of ${partyLabel(options.scenario, result.metric.party)} at the ${solution} solution`;
  return plotSpec(
    options.title ?? "Tornado: which numbers matter most",
    `${metric}; each bar swings one parameter, the rest at the scenario's values (${bars.length} of ${result.bars.length}; ${result.bars.length - moving.length} move nothing).`,
    {
      width: options.width ?? 420,
      height: options.height ?? Math.max(120, 22 * bars.length),
      layer: [
        {
          data: { values },
          mark: { type: "bar", height: { band: 0.7 } },
          encoding: {
            y: { field: "parameter", type: "nominal", sort: order, title: null, axis: { labelLimit: 420 } },
            x: { field: "from", type: "quantitative", title: metric, scale: { zero: false } },
            x2: { field: "to" },
            color: {
              field: "side",
              type: "nominal",
              title: null,
              sort: ["low setting", "high setting"],
              scale: { range: ["#0072b2", "#e69f00"] },
            },
            tooltip: [
              { field: "parameter" },
              { field: "side" },
              { field: "setting" },
              { field: "to", title: "metric" },
            ],
          },
        },
        {
          data: { values: [{ base: plotNumber(result.baseMetric) }] },
          mark: { type: "rule", color: "#333333" },
          encoding: { x: { field: "base", type: "quantitative" } },
        },
      ],
    },
  );
}
