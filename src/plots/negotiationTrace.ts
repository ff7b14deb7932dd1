import type { SimulationResult } from "../simulation/types.js";
import { type PlotSize, plotNumber, plotSpec, type VegaLiteSpec } from "./spec.js";

/**
 * Options of {@link negotiationTraceSpec}.
 *
 * @example
 * ```ts
 * const o: TraceOptions = { reservations: { bill: 0.35, jack: 0.375 }, labels: { bill: "Bill" } };
 * ```
 */
export interface TraceOptions extends PlotSize {
  /** Each party's reservation, drawn as a dashed line (omit to leave them out). */
  readonly reservations?: Readonly<Record<string, number>>;
  /** Display names of the parties (default: their ids). */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * Vega-Lite spec of a negotiation trace: each party's utility of each offer by round, one solid
 * line for the offers it made (falling as it concedes) and one dashed line for the offers it
 * received, the agreement (a vertical rule at its round) and, when given, the reservations.
 *
 * @example
 * ```ts
 * import { nash1950, simulate } from "treatylab";
 * import { negotiationTraceSpec, renderSvg } from "treatylab/plot";
 * const svg = await renderSvg(negotiationTraceSpec(simulate(nash1950, { seed: "1" })));
 * ```
 */
export function negotiationTraceSpec(result: SimulationResult, options: TraceOptions = {}): VegaLiteSpec {
  const parties = Object.keys(result.strategies);
  const name = (p: string): string => options.labels?.[p] ?? p;
  const values = result.trace.flatMap((t, move) =>
    parties.map((p) => ({
      move: move + 1,
      round: t.round,
      party: name(p),
      proposer: t.proposer === p ? "own offer" : "other's offer",
      utility: plotNumber(t.utilities[p] ?? 0),
    })),
  );
  // Legends drawn as short line segments (not the points' dots), the dash legend's in grey (Vega-Lite
  // would make them transparent because of the points), so it shows solid against dashed.
  const lineLegend = { symbolType: "stroke", symbolSize: 500, symbolStrokeWidth: 2 };
  const color = { field: "party", type: "nominal", title: "party", sort: parties.map(name), legend: lineLegend };
  const x = { field: "round", type: "quantitative", title: "round", axis: { tickMinStep: 1 } };
  const y = { field: "utility", type: "quantitative", title: "utility of the offer", scale: { zero: false } };
  const dash = {
    field: "proposer",
    type: "nominal",
    title: "offer",
    sort: ["own offer", "other's offer"],
    scale: {
      domain: ["own offer", "other's offer"],
      range: [
        [1, 0],
        [4, 3],
      ],
    },
    legend: {
      ...lineLegend,
      encode: { symbols: { update: { stroke: { value: "#555555" }, fill: { value: "transparent" } } } },
    },
  };
  // One line per party and kind of offer: a party's own offers fall as it concedes, the offers it
  // receives rise as the others concede.
  const layers: VegaLiteSpec[] = [
    {
      data: { values },
      mark: { type: "line", strokeWidth: 1.6, point: { size: 22 } },
      encoding: {
        x,
        y,
        color,
        strokeDash: dash,
        detail: [{ field: "party" }, { field: "proposer" }],
        order: { field: "move" },
        tooltip: [{ field: "round" }, { field: "party" }, { field: "proposer" }, { field: "utility" }],
      },
    },
  ];
  if (options.reservations) {
    const res = parties
      .filter((p) => options.reservations![p] !== undefined)
      .map((p) => ({ party: name(p), utility: options.reservations![p]! }));
    layers.push({
      data: { values: res },
      mark: { type: "rule", strokeDash: [4, 3], strokeWidth: 1 },
      encoding: { y, color },
    });
  }
  if (result.agreement) {
    layers.push({
      data: { values: [{ round: result.agreement.round, text: `agreement (round ${result.agreement.round})` }] },
      mark: { type: "rule", color: "#333333", strokeDash: [2, 2] },
      encoding: { x },
    });
    layers.push({
      data: { values: [{ round: result.agreement.round, text: `agreement (round ${result.agreement.round})` }] },
      mark: { type: "text", align: "right", baseline: "top", dx: -4, dy: 4, y: 0, fontSize: 11, color: "#333333" },
      encoding: { x, text: { field: "text" } },
    });
  }
  const end = result.agreement
    ? `agreement in round ${result.agreement.round}`
    : `no agreement after ${result.rounds} rounds (${result.metrics.outcome})`;
  const strategies = parties.map((p) => `${name(p)}: ${result.strategies[p]}`).join(", ");
  return plotSpec(
    options.title ?? `Negotiation: ${result.scenario}`,
    [
      `${result.protocol} protocol, seed ${result.seed}; ${end}.`,
      `Strategies: ${strategies}. Solid: a party's own offers; dashed: the offers it received${options.reservations ? "; rules: reservations" : ""}.`,
    ],
    {
      width: options.width ?? 520,
      height: options.height ?? 300,
      layer: layers,
    },
  );
}
