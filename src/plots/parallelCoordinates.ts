import type { Analysis } from "../analysis/types.js";
import { groupDigits } from "../model/groupDigits.js";
import { coincidingSolutionsNote, frontierRows } from "./frontierPoints.js";
import { type MarkerName, markerScales } from "./markers.js";
import { type PlotSize, plotSpec, type VegaLiteSpec } from "./spec.js";

/**
 * Vega-Lite spec of parallel coordinates of the ZOPA's Pareto frontier: one vertical axis per
 * party (utility, on a common scale), one thin line per frontier point, the solutions as thick
 * coloured lines, and each party's reservation as a black tick.
 *
 * @example
 * ```ts
 * import { analyze, ukraine2025 } from "treatylab";
 * import { parallelCoordinatesSpec, renderSvg } from "treatylab/plot";
 * const svg = await renderSvg(parallelCoordinatesSpec(analyze(ukraine2025)));
 * ```
 */
export function parallelCoordinatesSpec(analysis: Analysis, options: PlotSize = {}): VegaLiteSpec {
  const parties = analysis.parties;
  const rows = frontierRows(analysis, 600);
  const shown = rows.filter((r) => r.marker === "Pareto frontier").length;
  const long = rows.flatMap((r) =>
    parties.map((p, k) => ({
      series: r.series,
      marker: r.marker,
      party: p.label,
      order: k,
      utility: r.utilities[p.id] ?? null,
    })),
  );
  const present = [...new Set(rows.map((r) => r.marker)), "no deal"] as MarkerName[];
  // Every entry of the legend a short thick stroke, as the plot draws them: lines for the frontier
  // and the solutions, a tick for no deal.
  const scales = markerScales(present);
  const color = {
    ...scales.color,
    legend: { symbolType: "stroke", symbolStrokeWidth: 3, symbolSize: 240, symbolOpacity: 1 },
  };
  const x = {
    field: "party",
    type: "nominal",
    title: null,
    sort: parties.map((p) => p.label),
    axis: { labelAngle: 0, grid: true, domain: false },
  };
  const y = { field: "utility", type: "quantitative", title: "utility", scale: { zero: false } };
  const title = options.title ?? `Pareto frontier by party: ${analysis.scenario.title}`;
  if (rows.length === 0)
    return plotSpec(title, "The ZOPA is empty: there is no frontier to plot.", { data: { values: [] }, mark: "point" });
  return plotSpec(
    title,
    [
      `${groupDigits(analysis.frontier.length)} frontier points${shown < analysis.frontier.length ? ` (${groupDigits(shown)} drawn, evenly thinned)` : ""} (thin green lines) and the solutions; black ticks: reservations (no deal).`,
      // Coinciding solutions are one line, the last drawn on top: say so under the title.
      ...[coincidingSolutionsNote(analysis)].filter((n) => n !== ""),
    ],
    {
      width: options.width ?? Math.max(320, 130 * parties.length),
      height: options.height ?? 300,
      layer: [
        {
          data: { values: long.filter((r) => r.marker === "Pareto frontier") },
          mark: { type: "line", strokeWidth: 1, opacity: 0.35, color: "#1b5e20" },
          encoding: { x, y, detail: { field: "series" }, order: { field: "order" } },
        },
        {
          data: { values: long.filter((r) => r.marker !== "Pareto frontier") },
          mark: { type: "line", strokeWidth: 2.5, point: true },
          encoding: {
            x,
            y,
            color,
            detail: { field: "series" },
            order: { field: "order" },
            tooltip: [{ field: "series" }, { field: "party" }, { field: "utility" }],
          },
        },
        {
          data: { values: parties.map((p) => ({ party: p.label, utility: p.reservation, marker: "no deal" })) },
          mark: { type: "tick", thickness: 3, size: 26, opacity: 1 },
          encoding: { x, y, color },
        },
      ],
    },
  );
}
