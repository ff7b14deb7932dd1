import type { Analysis } from "../analysis/types.js";
import { groupDigits } from "../model/groupDigits.js";
import { coincidingSolutionsNote, frontierRows } from "./frontierPoints.js";
import { type MarkerName, markerScales } from "./markers.js";
import { type PlotSize, plotSpec, type VegaLiteSpec } from "./spec.js";

/**
 * Vega-Lite spec of a scatter matrix of the ZOPA's Pareto frontier for any number of parties:
 * one panel per pair of parties (lower triangle), each showing the frontier points, the
 * solutions and the two reservations (dashed rules). For two parties it is a single panel.
 *
 * @example
 * ```ts
 * import { analyze, ukraine2025 } from "treatylab";
 * import { frontierMatrixSpec, renderSvg } from "treatylab/plot";
 * const svg = await renderSvg(frontierMatrixSpec(analyze(ukraine2025)));
 * ```
 */
export function frontierMatrixSpec(analysis: Analysis, options: PlotSize = {}): VegaLiteSpec {
  const parties = analysis.parties;
  const rows = frontierRows(analysis);
  // Flat rows with one field per party (p0, p1, ...) so party ids need no escaping in field names.
  const values = rows.map((r) => ({
    series: r.series,
    marker: r.marker,
    ...Object.fromEntries(parties.map((p, k) => [`p${k}`, r.utilities[p.id] ?? null])),
  }));
  const frontier = values.filter((v) => v.marker === "Pareto frontier");
  const solutions = values.filter((v) => v.marker !== "Pareto frontier");
  const present = [...new Set(rows.map((r) => r.marker))] as MarkerName[];
  // The solutions are drawn as outlines (below), and so in the legend.
  const { color, shape } = markerScales(
    present,
    present.filter((m) => m !== "Pareto frontier"),
  );
  const size = Math.max(110, Math.min(options.width ?? 170, Math.floor(520 / Math.max(1, parties.length - 1))));
  const panel = (i: number, j: number): VegaLiteSpec => {
    const x = { field: `p${j}`, type: "quantitative", title: parties[j]!.label, scale: { zero: false } };
    const y = { field: `p${i}`, type: "quantitative", title: parties[i]!.label, scale: { zero: false } };
    return {
      width: size,
      height: options.height ?? size,
      layer: [
        {
          data: { values: frontier },
          mark: { type: "point", filled: true, size: 24, opacity: 0.7 },
          encoding: { x, y, color, shape, tooltip: [{ field: "series" }, x, y] },
        },
        {
          data: { values: solutions },
          mark: { type: "point", filled: false, size: 110, strokeWidth: 2.5 },
          encoding: { x, y, color, shape, tooltip: [{ field: "series" }, x, y] },
        },
        {
          data: { values: [{ r: parties[j]!.reservation }] },
          mark: { type: "rule", strokeDash: [4, 3], color: "#555555" },
          encoding: { x: { field: "r", type: "quantitative" } },
        },
        {
          data: { values: [{ r: parties[i]!.reservation }] },
          mark: { type: "rule", strokeDash: [4, 3], color: "#555555" },
          encoding: { y: { field: "r", type: "quantitative" } },
        },
      ],
    };
  };
  const grid: VegaLiteSpec[] = [];
  for (let i = 1; i < parties.length; i++) {
    const row: VegaLiteSpec[] = [];
    for (let j = 0; j < i; j++) row.push(panel(i, j));
    grid.push({ hconcat: row });
  }
  const shown =
    frontier.length < analysis.frontier.length ? ` (${groupDigits(frontier.length)} shown, evenly thinned)` : "";
  const subtitle = [
    `${groupDigits(analysis.frontier.length)} frontier points${shown}; each panel plots one pair of parties; dashed lines: reservations (no deal).`,
    ...[coincidingSolutionsNote(analysis)].filter((n) => n !== ""),
  ];
  if (analysis.frontier.length === 0)
    return plotSpec(
      options.title ?? `Pareto frontier: ${analysis.scenario.title}`,
      "The ZOPA is empty: there is no frontier to plot.",
      { data: { values: [] }, mark: "point" },
    );
  return plotSpec(options.title ?? `Pareto frontier: ${analysis.scenario.title}`, subtitle, {
    vconcat: grid,
    resolve: { scale: { color: "shared", shape: "shared" } },
  });
}
