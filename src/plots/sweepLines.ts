import { parameterLabel } from "../edits/parameter.js";
import { partyLabel } from "../model/labels.js";
import type { SolutionName } from "../solutions/solutionConcepts.js";
import type { SweepOutput } from "../sensitivity/sweepPart.js";
import { SOLUTION_LIST } from "../solutions/solutionConcepts.js";
import { type PlotSize, plotNumber, plotSpec, type VegaLiteSpec } from "./spec.js";

/**
 * Options of {@link sweepSpec}.
 *
 * @example
 * ```ts
 * const o: SweepPlotOptions = { solution: "kalaiSmorodinsky" };
 * ```
 */
export interface SweepPlotOptions extends PlotSize {
  /** Solution whose utilities are drawn (default "nash", or the first one the sweep reports). */
  readonly solution?: SolutionName;
}

/**
 * Vega-Lite spec of a parameter sweep. One axis: the ZOPA size as the parameter moves, and below
 * it each party's utility at the chosen solution (gaps where the ZOPA is empty). Two axes: a
 * heat map of the ZOPA size over the grid of both parameters.
 *
 * @example
 * ```ts
 * import { nash1950, sweep } from "treatylab";
 * import { sweepOutput } from "treatylab/advanced";
 * import { renderSvg, sweepSpec } from "treatylab/plot";
 * const spec = { axes: [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.6, steps: 9 }] };
 * const rows = sweep(nash1950, spec);
 * const svg = await renderSvg(sweepSpec(sweepOutput(nash1950, spec, rows, { start: 0, end: rows.length })));
 * ```
 */
export function sweepSpec(output: SweepOutput, options: PlotSize & SweepPlotOptions = {}): VegaLiteSpec {
  const axes = output.axes;
  const scenario = output.job?.scenario;
  // Axis titles in words with the scenario's labels ("Bill: reservation"), not parameter paths.
  const [a, b] = [
    parameterLabel(scenario, axes[0]?.parameter ?? "value"),
    axes[1] ? parameterLabel(scenario, axes[1].parameter) : undefined,
  ];
  const [pa, pb] = [axes[0]?.parameter ?? "value", axes[1]?.parameter];
  const title = options.title ?? `Sweep: ${scenario?.title ?? output.scenarioId}`;
  const zopa = output.rows.map((r) => ({
    x: r.values[pa] ?? null,
    y: pb ? (r.values[pb] ?? null) : null,
    zopa: r.zopaSize,
  }));
  const width = options.width ?? 460;
  if (b)
    return plotSpec(title, `ZOPA size (number of bundles every party accepts) over the grid of ${a} and ${b}.`, {
      width,
      height: options.height ?? 320,
      data: { values: zopa },
      mark: "rect",
      encoding: {
        x: { field: "x", type: "ordinal", title: a, axis: { labelAngle: 0 } },
        y: { field: "y", type: "ordinal", title: b, sort: "descending" },
        color: { field: "zopa", type: "quantitative", title: "ZOPA size", scale: { scheme: "greens" } },
        tooltip: [
          { field: "x", title: a },
          { field: "y", title: b },
          { field: "zopa", title: "ZOPA size" },
        ],
      },
    });
  const reported = SOLUTION_LIST.filter((c) => output.rows.some((r) => c.name in r.solutions));
  const pick = options.solution ?? (reported.some((c) => c.name === "nash") ? "nash" : reported[0]?.name);
  const solName = SOLUTION_LIST.find((c) => c.name === pick)?.label ?? "Nash";
  const utilities = pick
    ? output.rows.flatMap((r) => {
        const s = r.solutions[pick];
        return s
          ? Object.entries(s.utilities).map(([party, u]) => ({
              x: r.values[pa] ?? null,
              party: partyLabel(scenario, party),
              utility: plotNumber(u),
            }))
          : [];
      })
    : [];
  const base = axes[0]?.base;
  const baseRule: VegaLiteSpec[] =
    base === undefined
      ? []
      : [
          {
            data: { values: [{ x: base }] },
            mark: { type: "rule", strokeDash: [4, 3], color: "#777777" },
            encoding: { x: { field: "x", type: "quantitative" } },
          },
        ];
  const x = { field: "x", type: "quantitative", title: a, scale: { zero: false } };
  return plotSpec(title, `How the ZOPA and the ${solName} solution move with ${a}; dashed: the scenario's value.`, {
    vconcat: [
      {
        width,
        height: options.height ?? 200,
        layer: [
          {
            data: { values: zopa },
            mark: { type: "line", point: { color: "#2e7d32" }, color: "#2e7d32" },
            encoding: { x, y: { field: "zopa", type: "quantitative", title: "ZOPA size (bundles)" } },
          },
          ...baseRule,
        ],
      },
      {
        width,
        height: options.height ?? 200,
        layer: [
          {
            data: { values: utilities },
            mark: { type: "line", point: true },
            encoding: {
              x,
              y: { field: "utility", type: "quantitative", title: `utility at ${solName}`, scale: { zero: false } },
              color: { field: "party", type: "nominal" },
            },
          },
          ...baseRule,
        ],
      },
    ],
  });
}
