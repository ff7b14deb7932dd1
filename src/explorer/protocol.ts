/**
 * Messages between the explorer page and its Web Worker (plain, structured-cloneable data).
 * @module
 */
import type { ProposalCheck } from "../analysis/checkProposal.js";
import type { Analysis } from "../analysis/types.js";
import type { ScenarioEdit } from "../edits/types.js";
import type { Bundle, Scenario } from "../model/types.js";
import type { NamedPlot, ScenarioPlotKind } from "../plots/scenarioPlots.js";
import type { ForecastPanel, StabilityPanel } from "./panels.js";

/**
 * A request to recompute: the base scenario, the edits, the proposal (checked when it names an
 * option for every issue), the plot shown, the two parties of the utility-space axes and the
 * stability panel's control mapping (issue id -> the party controlling it after signature).
 *
 * @example
 * ```ts
 * import { computePlot } from "./compute.js";
 * import type { ComputeRequest } from "./protocol.js";
 * const axes = ["russia", "ukraine"];
 * const r: ComputeRequest = { id: 1, base: ukraine2025, edits: [], proposal: {}, plot: "utility-space", axes };
 * const p = computePlot(r);
 * p.ok && p.phase === "plot" && p.plot.kind; // "utility-space": x utility of Russia, y utility of Ukraine
 * ```
 */
export interface ComputeRequest {
  readonly id: number;
  readonly base: Scenario;
  readonly edits: readonly ScenarioEdit[];
  readonly proposal: Bundle;
  readonly plot: ScenarioPlotKind;
  readonly axes?: readonly string[];
  readonly control?: Readonly<Record<string, string>>;
}

/**
 * The worker answers a request four times: first the results (the analysis without its frontier
 * list, the plots on offer and the proposal's check), then the shown plot's Vega-Lite spec, then
 * the forecast panel, then the stability panel (the slowest, last); or with one error line.
 *
 * @example
 * ```ts
 * import { compute } from "./compute.js";
 * import type { ComputeResult } from "./protocol.js";
 * const r: ComputeResult = compute({ id: 1, base: nash1950, edits: [], proposal: {}, plot: "utility-space" });
 * if (!r.ok) console.error(r.error);
 * else if (r.phase === "results") console.log(r.analysis.zopa.count); // 293
 * ```
 */
export type ComputeResult =
  | {
      readonly id: number;
      readonly ok: true;
      readonly phase: "results";
      readonly analysis: Omit<Analysis, "frontier"> & { readonly frontierSize: number };
      /** The plots this scenario offers (all three with more than two parties). */
      readonly kinds: readonly ScenarioPlotKind[];
      readonly check: ProposalCheck | null;
      readonly ms: number;
    }
  | { readonly id: number; readonly ok: true; readonly phase: "plot"; readonly plot: NamedPlot; readonly ms: number }
  | {
      readonly id: number;
      readonly ok: true;
      readonly phase: "forecast";
      readonly forecast: ForecastPanel;
      readonly ms: number;
    }
  | {
      readonly id: number;
      readonly ok: true;
      readonly phase: "stability";
      readonly stability: StabilityPanel;
      readonly ms: number;
    }
  | { readonly id: number; readonly ok: false; readonly error: string };
