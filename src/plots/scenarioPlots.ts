import type { Analysis } from "../analysis/types.js";
import { prepare } from "../analysis/prepare.js";
import type { CompiledScenario } from "../model/compile.js";
import { TreatylabError } from "../model/errors.js";
import { quote } from "../model/quote.js";
import type { Scenario } from "../model/types.js";
import { frontierMatrixSpec } from "./frontierMatrix.js";
import { parallelCoordinatesSpec } from "./parallelCoordinates.js";
import type { VegaLiteSpec } from "./spec.js";
import { type PlottedProposal, utilitySpaceSpec } from "./utilitySpace.js";

/**
 * The plots a scenario analysis offers.
 * @example
 * ```ts
 * SCENARIO_PLOT_KINDS.includes("utility-space"); // true
 * ```
 */
export const SCENARIO_PLOT_KINDS = ["utility-space", "frontier-matrix", "parallel-coordinates"] as const;

/**
 * A kind of scenario plot.
 *
 * @example
 * ```ts
 * const k: ScenarioPlotKind = "frontier-matrix";
 * ```
 */
export type ScenarioPlotKind = (typeof SCENARIO_PLOT_KINDS)[number];

/**
 * Checks that `kind` is one of {@link SCENARIO_PLOT_KINDS} and returns it; anything else (a kind
 * that came from a URL, a worker message or JSON) is refused with a {@link TreatylabError} naming
 * it and listing the known kinds.
 *
 * @example
 * ```ts
 * scenarioPlotKind("frontier-matrix"); // "frontier-matrix"
 * scenarioPlotKind("pie");
 * // throws 'unknown plot kind "pie"; expected one of "utility-space", "frontier-matrix", "parallel-coordinates"'
 * ```
 */
export function scenarioPlotKind(kind: unknown): ScenarioPlotKind {
  if ((SCENARIO_PLOT_KINDS as readonly unknown[]).includes(kind)) return kind as ScenarioPlotKind;
  throw new TreatylabError(
    `unknown plot kind ${quote(kind)}; expected one of ${SCENARIO_PLOT_KINDS.map((k) => `"${k}"`).join(", ")}`,
  );
}

/**
 * A plot with its kind, a caption and its Vega-Lite spec.
 *
 * @example
 * ```ts
 * const p: NamedPlot = scenarioPlot(nash1950, analyze(nash1950), "utility-space");
 * p.kind; // "utility-space"
 * p.caption; // "Every party's utility over the outcome space: the ZOPA, its Pareto frontier, the disagreement
 * //   point and the bargaining solutions."
 * ```
 */
export interface NamedPlot {
  readonly kind: string;
  readonly caption: string;
  readonly spec: VegaLiteSpec;
}

/**
 * Options of {@link scenarioPlot} and {@link scenarioPlots}.
 *
 * @example
 * ```ts
 * const o: ScenarioPlotOptions = { parties: ["russia", "ukraine"], seed: "1" };
 * ```
 */
export interface ScenarioPlotOptions {
  /** Party ids of the utility-space axes (default: the first two). */
  readonly parties?: readonly string[];
  /** Proposals to mark on the utility space. */
  readonly proposals?: readonly PlottedProposal[];
  /** Seed of the utility-space sample (default "0"). */
  readonly seed?: string;
  /** Zoom the utility space on the ZOPA (default: when there are more than two parties). */
  readonly zoom?: boolean;
}

/**
 * One plot of a scenario analysis by kind; an unknown kind is refused (see {@link scenarioPlotKind}).
 *
 * @example
 * ```ts
 * scenarioPlot(nash1950, analyze(nash1950), "utility-space").spec;
 * ```
 */
export function scenarioPlot(
  scenario: Scenario | CompiledScenario,
  analysis: Analysis,
  kind: ScenarioPlotKind,
  options: ScenarioPlotOptions = {},
): NamedPlot {
  const known = scenarioPlotKind(kind);
  const c = prepare(scenario);
  const many = c.partyIds.length > 2;
  switch (known) {
    case "utility-space":
      return {
        kind: known,
        caption: many
          ? "Two parties' utilities over the outcome space (a projection: the other parties' utilities are not shown), zoomed on the ZOPA."
          : "Every party's utility over the outcome space: the ZOPA, its Pareto frontier, the disagreement point and the bargaining solutions.",
        spec: utilitySpaceSpec(c, analysis, {
          parties: options.parties,
          proposals: options.proposals,
          seed: options.seed,
          zoom: options.zoom ?? many,
        }),
      };
    case "frontier-matrix":
      return {
        kind: known,
        caption: "The ZOPA's Pareto frontier seen pair by pair, with the solutions and the reservations.",
        spec: frontierMatrixSpec(analysis),
      };
    case "parallel-coordinates":
      return {
        kind: known,
        caption: "Each frontier point as a line across the parties' utilities; the solutions in colour.",
        spec: parallelCoordinatesSpec(analysis),
      };
  }
}

/**
 * The standard plots of a scenario analysis: the utility space, and for more than two parties
 * also the frontier scatter matrix and parallel coordinates.
 *
 * @example
 * ```ts
 * scenarioPlots(ukraine2025, analyze(ukraine2025)).map((p) => p.kind);
 * // ["utility-space", "frontier-matrix", "parallel-coordinates"]
 * ```
 */
export function scenarioPlots(
  scenario: Scenario | CompiledScenario,
  analysis: Analysis,
  options: ScenarioPlotOptions = {},
): NamedPlot[] {
  const c = prepare(scenario);
  const kinds: ScenarioPlotKind[] = c.partyIds.length > 2 ? [...SCENARIO_PLOT_KINDS] : ["utility-space"];
  return kinds.map((k) => scenarioPlot(c, analysis, k, options));
}
