/**
 * Messages between the explorer page and its Web Worker (plain, structured-cloneable data).
 * @module
 */
import type { ProposalCheck } from "../analysis/checkProposal.js";
import type { Analysis } from "../analysis/types.js";
import type { ScenarioEdit } from "../edits/types.js";
import type { Bundle, Scenario } from "../model/types.js";
import type { NamedPlot } from "../plots/scenarioPlots.js";

/**
 * A request to recompute: the base scenario, the edits, the proposal (checked when it names an
 * option for every issue) and the two parties of the utility-space axes.
 *
 * @example
 * ```ts
 * const r: ComputeRequest = { id: 1, base, edits: [], proposal: {}, axes: ["russia", "ukraine"] };
 * ```
 */
export interface ComputeRequest {
  readonly id: number;
  readonly base: Scenario;
  readonly edits: readonly ScenarioEdit[];
  readonly proposal: Bundle;
  readonly axes?: readonly string[];
}

/**
 * The worker's answer: the analysis (without its frontier list, which only the plots need), the
 * plots' Vega-Lite specs, the proposal's check, and the time taken; or one error line.
 *
 * @example
 * ```ts
 * if (r.ok) r.analysis.zopa.count; else r.error;
 * ```
 */
export type ComputeResult =
  | {
      readonly id: number;
      readonly ok: true;
      readonly analysis: Omit<Analysis, "frontier"> & { readonly frontierSize: number };
      readonly plots: readonly NamedPlot[];
      readonly check: ProposalCheck | null;
      readonly ms: number;
    }
  | { readonly id: number; readonly ok: false; readonly error: string };
