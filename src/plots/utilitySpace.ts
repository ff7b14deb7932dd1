import type { Analysis } from "../analysis/types.js";
import { prepare } from "../analysis/prepare.js";
import type { CompiledScenario } from "../model/compile.js";
import type { Scenario } from "../model/types.js";
import { coincidingSolutionsNote, MAX_PLOTTED_FRONTIER, thinIndices } from "./frontierPoints.js";
import { groupDigits } from "../model/groupDigits.js";
import { SOLUTION_LIST } from "../solutions/solutionConcepts.js";
import { type MarkerName, markerScales } from "./markers.js";
import { partyAxes, partyLabel } from "./partyAxes.js";
import { type PlotSize, plotNumber, plotSpec, type VegaLiteSpec } from "./spec.js";
import { utilitySample } from "./utilitySample.js";
import { maxOf, minOf } from "../model/extrema.js";

/**
 * A checked proposal to mark on a utility-space plot (for example a published plan): its label and
 * every party's utility (as in `checkProposal(...).utilities`).
 *
 * @example
 * ```ts
 * const p: PlottedProposal = { label: "US 28-point plan", utilities: { russia: 0.71, ukraine: 0.38, us: 0.6, eu: 0.4 } };
 * ```
 */
export interface PlottedProposal {
  readonly label: string;
  readonly utilities: Readonly<Record<string, number>>;
}

/**
 * Options of {@link utilitySpaceSpec}.
 *
 * @example
 * ```ts
 * const plan: PlottedProposal = { label: "Bill takes the book", utilities: { bill: 0.7, jack: 0.5 } };
 * const o: UtilitySpaceOptions = { parties: ["bill", "jack"], proposals: [plan], seed: "1" };
 * utilitySpaceSpec(nash1950, analyze(nash1950), o).$schema; // "https://vega.github.io/schema/vega-lite/v5.json"
 * ```
 */
export interface UtilitySpaceOptions extends PlotSize {
  /** Party ids on the x and y axes (default: the first two parties). */
  readonly parties?: readonly string[];
  /** Proposals to mark (for example published plans, checked with `checkProposal`). */
  readonly proposals?: readonly PlottedProposal[];
  /** Most sampled bundles (see `utilitySample`); default 1200. */
  readonly maxPoints?: number;
  /** Seed of the bundle sample; default "0". */
  readonly seed?: string;
  /** Zoom on the ZOPA (its points, the solutions and the disagreement point, with a margin) instead of [0, 1]. */
  readonly zoom?: boolean;
}

/** A label short enough to print next to a point: up to the first comma or parenthesis, at most 32 characters. */
function shortLabel(label: string): string {
  const head = label.split(/[,(]/)[0]!.trim() || label;
  return head.length > 32 ? `${head.slice(0, 31)}…` : head;
}

/** Axis domains [x0, x1, y0, y1] around the given coordinates, widened by `margin` of their span. */
function zoomed(xs: readonly number[], ys: readonly number[], margin: number): [number, number, number, number] {
  const span = (v: readonly number[]): [number, number] => {
    const lo = minOf(v);
    const hi = maxOf(v);
    const pad = Math.max(hi - lo, 0.02) * margin;
    return [plotNumber(lo - pad), plotNumber(hi + pad)];
  };
  return [...span(xs), ...span(ys)];
}

/**
 * Vega-Lite spec of the utility space of two parties: the feasible bundles (all of them, or a
 * seeded sample of a large space) coloured by whether they are in the ZOPA, the region where both
 * parties get at least their reservation shaded, the Pareto frontier of the ZOPA, the
 * disagreement point (no deal), the Nash, Kalai-Smorodinsky, egalitarian and utilitarian solutions
 * and, when given, checked proposals (labelled). With more than two parties the plot is a projection onto
 * the two chosen parties (the frontier is then drawn as points, not a line).
 *
 * @example
 * ```ts
 * import { analyze, nash1950 } from "treatylab";
 * import { renderSvg, utilitySpaceSpec } from "treatylab/plot";
 * const svg = await renderSvg(utilitySpaceSpec(nash1950, analyze(nash1950)));
 * ```
 */
export function utilitySpaceSpec(
  scenario: Scenario | CompiledScenario,
  analysis: Analysis,
  options: UtilitySpaceOptions = {},
): VegaLiteSpec {
  const c = prepare(scenario);
  const s = c.scenario;
  const [px, py] = partyAxes(s, options.parties);
  const [idX, idY] = [c.partyIds[px]!, c.partyIds[py]!];
  const [nameX, nameY] = [partyLabel(s, px), partyLabel(s, py)];
  const projected = c.partyIds.length > 2;
  const sample = utilitySample(c, { parties: [px, py], maxPoints: options.maxPoints, seed: options.seed });
  const point = (
    x: number,
    y: number,
    marker: MarkerName,
    label: string = marker,
  ): { x: number; y: number; marker: MarkerName; label: string } => ({
    x: plotNumber(x),
    y: plotNumber(y),
    marker,
    label,
  });
  const frontier = thinIndices(analysis.frontier.length, MAX_PLOTTED_FRONTIER)
    .map((k) => analysis.frontier[k]!)
    .map((f) => point(f.utilities[idX]!, f.utilities[idY]!, "Pareto frontier"))
    .sort((a, b) => a.x - b.x || b.y - a.y);
  const solutions = SOLUTION_LIST.flatMap(({ name: key, label: name }) => {
    const sol = analysis.solutions[key];
    return sol ? [point(sol.utilities[idX]!, sol.utilities[idY]!, name as MarkerName)] : [];
  });
  const [rx, ry] = [c.reservation[px]!, c.reservation[py]!];
  const proposal = (options.proposals ?? []).flatMap((pr) => {
    const [ux, uy] = [pr.utilities[idX], pr.utilities[idY]];
    return ux !== undefined && uy !== undefined
      ? [{ ...point(ux, uy, "proposal", pr.label), short: shortLabel(pr.label) }]
      : [];
  });
  // The window holds every point drawn unclipped: the frontier and the solutions (exact, so in a
  // projection they can lie beyond the sampled ZOPA points), the proposals and no deal.
  const focus = [
    ...(options.zoom ? sample.points.filter((p) => p.zopa) : sample.points),
    ...frontier,
    ...solutions,
    ...proposal,
  ];
  const xs = [rx, ...focus.map((p) => p.x), ...(options.zoom ? [] : [0, 1])];
  const ys = [ry, ...focus.map((p) => p.y), ...(options.zoom ? [] : [0, 1])];
  const [x0, x1, y0, y1] = zoomed(xs, ys, options.zoom ? 0.15 : 0);
  const present: MarkerName[] = [
    ...(sample.points.some((p) => !p.zopa) ? (["outside the ZOPA"] as const) : []),
    ...(sample.points.some((p) => p.zopa) ? (["ZOPA"] as const) : []),
    ...(frontier.length > 0 ? (["Pareto frontier"] as const) : []),
    "no deal",
    ...solutions.map((p) => p.marker),
    ...(proposal.length > 0 ? (["proposal"] as const) : []),
  ];
  // No deal and the solutions are drawn as outlines (their layers below), and so in the legend.
  const { color, shape } = markerScales(present, ["no deal", ...solutions.map((p) => p.marker)]);
  const x = {
    field: "x",
    type: "quantitative",
    title: `utility of ${nameX}`,
    scale: { domain: [x0, x1], nice: false, zero: false },
  };
  const y = {
    field: "y",
    type: "quantitative",
    title: `utility of ${nameY}`,
    scale: { domain: [y0, y1], nice: false, zero: false },
  };
  const tooltip = [
    { field: "label", title: "point" },
    { field: "x", title: nameX },
    { field: "y", title: nameY },
  ];
  const SOLUTION_SIZE: Record<string, number> = Object.fromEntries(SOLUTION_LIST.map((c) => [c.label, c.marker.size]));
  const layers: VegaLiteSpec[] = [
    {
      data: { values: [{ x: rx, x2: x1, y: ry, y2: y1 }] },
      mark: { type: "rect", color: "#2e7d32", opacity: 0.08, clip: true },
      encoding: { x: { ...x, field: "x" }, x2: { field: "x2" }, y: { ...y, field: "y" }, y2: { field: "y2" } },
    },
    {
      // Points outside a zoomed window are left out of the data (not just clipped), so the SVG stays small.
      data: {
        values: sample.points
          .filter((p) => p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1)
          .map((p) => ({ x: p.x, y: p.y, marker: p.zopa ? "ZOPA" : "outside the ZOPA", bundles: p.count })),
      },
      mark: { type: "point", filled: true, size: options.zoom ? 30 : 16, opacity: 0.7, clip: true },
      encoding: { x, y, color, shape },
    },
  ];
  if (frontier.length > 0) {
    if (!projected)
      layers.push({
        data: { values: frontier },
        mark: { type: "line", color: "#1b5e20", strokeWidth: 1.5 },
        encoding: { x, y, order: { field: "x" } },
      });
    layers.push({
      data: { values: frontier },
      mark: { type: "point", filled: true, size: 36 },
      encoding: { x, y, color, shape, tooltip },
    });
  }
  layers.push({
    data: { values: [point(rx, ry, "no deal")] },
    mark: { type: "point", size: 140, strokeWidth: 2.5 },
    encoding: { x, y, color, shape, tooltip },
  });
  if (solutions.length > 0)
    layers.push({
      data: { values: solutions.map((p) => ({ ...p, size: SOLUTION_SIZE[p.marker] ?? 100 })) },
      mark: { type: "point", filled: false, strokeWidth: 2.5 },
      encoding: {
        x,
        y,
        color,
        shape,
        size: { field: "size", type: "quantitative", scale: null, legend: null },
        tooltip,
      },
    });
  if (proposal.length > 0) {
    layers.push({
      data: { values: proposal },
      mark: { type: "point", filled: true, size: 160 },
      encoding: { x, y, color, shape, tooltip },
    });
    // Labels point into the plot: left of points in the right half, right of the others.
    const mid = (x0 + x1) / 2;
    for (const [side, dx] of [
      ["left", 9],
      ["right", -9],
    ] as const) {
      const values = proposal.filter((p) => (side === "left" ? p.x < mid : p.x >= mid));
      if (values.length > 0)
        layers.push({
          data: { values },
          mark: { type: "text", align: side, dx, dy: -9, fontSize: 11, color: "#d62728" },
          encoding: { x, y, text: { field: "short" } },
        });
    }
  }
  const how = `${sample.exhaustive ? "every feasible bundle" : `a seeded sample of ${groupDigits(sample.bundles)} bundles`}${options.zoom ? ", zoomed on the ZOPA" : ""}`;
  const subtitle = [
    projected
      ? `Projection onto ${nameX} and ${nameY} of a ${c.partyIds.length}-party space; ${how}.`
      : `${how[0]!.toUpperCase()}${how.slice(1)}.`,
    `Shaded: both get at least their reservation. ZOPA: every party accepts (reservations, red lines, ratification).`,
    ...(frontier.length < analysis.frontier.length
      ? [
          `Pareto frontier: ${groupDigits(frontier.length)} of its ${groupDigits(analysis.frontier.length)} points, evenly thinned.`,
        ]
      : []),
    ...(sample.zopaTruncated
      ? ["ZOPA points: a sample of the first ZOPA bundles in walk order (the ZOPA is too large to walk)."]
      : []),
    // Solutions on one point are one stack of markers: say which.
    ...[coincidingSolutionsNote(analysis)].filter((n) => n !== ""),
  ];
  return plotSpec(options.title ?? `Utility space: ${s.title ?? s.id}`, subtitle, {
    width: options.width ?? 440,
    height: options.height ?? 400,
    layer: layers,
  });
}
