/**
 * treatylab plots and reports (`treatylab/plot`): Vega-Lite spec builders (plain JSON, no
 * dependency), SVG rendering with Vega, and the self-contained HTML report. Rendering needs the
 * optional peer dependencies `vega` and `vega-lite` (`npm install vega@^5.33 vega-lite@^5.23`);
 * the spec builders work without them, so specs can be rendered by any Vega-Lite tool.
 *
 * @example
 * ```ts
 * import { analyze, nash1950 } from "treatylab";
 * import { renderSvg, utilitySpaceSpec } from "treatylab/plot";
 * const svg = await renderSvg(utilitySpaceSpec(nash1950, analyze(nash1950)));
 * ```
 * @module
 */
export {
  VEGA_LITE_SCHEMA,
  PLOT_CONFIG,
  plotSpec,
  plotNumber,
  type VegaLiteSpec,
  type Json,
  type PlotSize,
} from "./plots/spec.js";
export { MARKERS, markerScales, type MarkerName } from "./plots/markers.js";
export {
  utilitySample,
  type UtilitySample,
  type UtilitySampleOptions,
  type SamplePoint,
} from "./plots/utilitySample.js";
export { utilitySpaceSpec, type UtilitySpaceOptions, type PlottedProposal } from "./plots/utilitySpace.js";
export { frontierMatrixSpec } from "./plots/frontierMatrix.js";
export { parallelCoordinatesSpec } from "./plots/parallelCoordinates.js";
export { frontierRows, type FrontierRow } from "./plots/frontierPoints.js";
export { negotiationTraceSpec, type TraceOptions } from "./plots/negotiationTrace.js";
export { sweepSpec, type SweepPlotOptions } from "./plots/sweepLines.js";
export { validationSpec } from "./plots/validationChart.js";
export { tornadoSpec, type TornadoPlotOptions } from "./plots/tornadoChart.js";
export { tournamentSpec, type TournamentSummary } from "./plots/tournamentChart.js";
export { monteCarloSpec, type MonteCarloPlotOptions } from "./plots/monteCarloChart.js";
export {
  scenarioPlot,
  scenarioPlots,
  scenarioPlotKind,
  SCENARIO_PLOT_KINDS,
  type ScenarioPlotKind,
  type NamedPlot,
  type ScenarioPlotOptions,
} from "./plots/scenarioPlots.js";
export { resultPlot, detectResult, type PlottableResult } from "./plots/resultPlot.js";
export { renderSvg, loadVega, VEGA_INSTALL, type VegaModules, type PlotView } from "./render/renderSvg.js";
export type { VegaTextMetrics, VegaTextItem } from "./render/textMetrics.js";
export { buildReport, type ReportOptions, type ReportProposal } from "./report/buildReport.js";
export { reportHtml, type ReportModel } from "./report/reportHtml.js";
export {
  stabilitySection,
  stabilitySectionHtml,
  type ReportStability,
  type StabilitySectionModel,
} from "./report/stabilitySection.js";
export { forecastRoundsSpec } from "./plots/forecastRounds.js";
export { stateGraphSpec, MAX_GRAPH_STATES } from "./plots/stateGraph.js";
