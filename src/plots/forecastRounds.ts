import { FORECAST_MODELS } from "../forecast/models.js";
import type { IssueForecast } from "../forecast/types.js";
import { type PlotSize, plotNumber, plotSpec, type VegaLiteSpec } from "./spec.js";

const PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#ff7f0e",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#bcbd22",
  "#393b79",
];

/**
 * Vega-Lite spec of forecast rounds: for each issue a panel with one line per actor (its position
 * round by round) and the weighted median (thick black, dashed) and mean (grey, dotted) marked.
 * Actors beyond ten share the palette's colours.
 *
 * @example
 * ```ts
 * import { forecast } from "treatylab";
 * import { forecastRoundsSpec, renderSvg } from "treatylab/plot";
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 },
 *   { actor: "C", capability: 2, position: 4, salience: 0.5 }] };
 * const svg = await renderSvg(forecastRoundsSpec([forecast(table, { model: "bdm-scholz", rounds: 10 })]));
 * svg.startsWith("<svg"); // true: titled "Positions by round: Expected utility (Scholz et al.)"
 * ```
 */
export function forecastRoundsSpec(issues: readonly IssueForecast[], options: PlotSize = {}): VegaLiteSpec {
  const model = issues[0] ? FORECAST_MODELS[issues[0].model].label : "forecast";
  const actors = issues[0] ? Object.keys(issues[0].rounds[0]!.positions) : [];
  const domain = [...actors, "median", "mean"];
  const range = [...actors.map((_, k) => PALETTE[k % PALETTE.length]!), "#000000", "#777777"];
  const dash = [...actors.map(() => [1, 0]), [7, 4], [2, 3]];
  const width = options.width ?? 460;
  const panel = (f: IssueForecast): VegaLiteSpec => {
    const values = f.rounds.flatMap((r) => [
      ...Object.entries(r.positions).map(([actor, x]) => ({ round: r.round, series: actor, position: plotNumber(x) })),
      { round: r.round, series: "median", position: plotNumber(r.median) },
      { round: r.round, series: "mean", position: plotNumber(r.mean) },
    ]);
    return {
      width,
      height: options.height ?? (issues.length > 3 ? 130 : 220),
      title: { text: `${f.issue}: forecast ${plotNumber(f.forecast)}`, fontSize: 12 },
      data: { values },
      mark: { type: "line", point: { filled: true, size: f.rounds.length === 1 ? 90 : 30 } },
      encoding: {
        x: {
          field: "round",
          type: "quantitative",
          title: "round",
          axis: { values: f.rounds.map((r) => r.round), format: "d" },
        },
        y: { field: "position", type: "quantitative", title: "position", scale: { zero: false } },
        color: { field: "series", type: "nominal", title: "actor", scale: { domain, range } },
        strokeDash: { field: "series", type: "nominal", title: "actor", scale: { domain, range: dash } },
        strokeWidth: { condition: { test: "datum.series === 'median'", value: 3.5 }, value: 1.8 },
        tooltip: [{ field: "series", title: "actor" }, { field: "round" }, { field: "position" }],
      },
    };
  };
  return plotSpec(
    options.title ?? `Positions by round: ${model}`,
    "One line per actor; black dashed: weighted median; grey dotted: weighted mean.",
    { vconcat: issues.map(panel) },
  );
}
