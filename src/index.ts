/**
 * treatylab: simulate peace settlements. The core entry: the scenario model, the verbs (analyse,
 * check, explain, simulate, what-ifs, Monte Carlo, fair division), the solution-concept registry,
 * GENIUS interop and the error classes. The engine's building blocks (compiled scenarios, walks,
 * archives, kernels, draw blocks, shards) are in `treatylab/advanced`; file input and output in
 * `treatylab/node`; plots and the HTML report in `treatylab/plot`. This entry is pure (no Node
 * built-ins), so it runs in a browser too. See docs/architecture.md.
 *
 * @example
 * ```ts
 * import { analyze, builtinScenario } from "treatylab";
 * const a = analyze(builtinScenario("ukraine-2025"));
 * a.solutions.nash?.bundle;
 * ```
 * @module
 */

// The scenario model
export type * from "./model/types.js";
export { TreatylabError, ScenarioError, LimitError } from "./model/errors.js";
export { validateScenario, assertValidScenario } from "./model/validatePublic.js";
export { scenarioSchema } from "./model/schema.js";
export { scenarioJsonSchema } from "./model/jsonSchema.js";
export { piecewise } from "./model/numericGrid.js";
export { optionLabel, issueLabel, partyLabel } from "./model/labels.js";
export { compileScenario, type CompiledScenario } from "./model/compile.js";
export { builtinScenario, builtinScenarioIds } from "./scenarios/builtins.js";
export { nash1950 } from "./scenarios/nash1950.js";
export { ukraine2025 } from "./scenarios/ukraine2025.js";

// Utilities and verdicts
export {
  accepts,
  evaluateBundle,
  type BundleEvaluation,
  type PartyVerdict,
  type RedLineHit,
} from "./utility/verdict.js";
export { ratificationVerdict, type RatificationVerdict, type ConstituencyVerdict } from "./utility/ratification.js";

// Analysis and the solution-concept registry
export { analyze, zopaFrontier, bargainingProblem, type AnalyzeOptions } from "./analysis/analyze.js";
export type {
  Analysis,
  Solution,
  Solutions,
  SettlementPoint,
  PartySummary,
  IssueSummary,
  AlgorithmName,
  AlgorithmChoice,
  ZopaCountMethod,
} from "./analysis/types.js";
export type { ArchivePoint } from "./frontier/paretoArchive.js";
export type { BargainingProblem } from "./solutions/bargainingProblem.js";
export type { KeyWriter } from "./solutions/pickBest.js";
export { checkProposal, type ProposalCheck, type Alternative, type CheckOptions } from "./analysis/checkProposal.js";
export { forEachZopaBundle, zopaPage } from "./analysis/zopa.js";
export {
  SOLUTION_CONCEPTS,
  SOLUTION_NAMES,
  SOLUTION_LIST,
  type SolutionConcept,
  type SolutionName,
  type SolutionLabel,
} from "./solutions/solutionConcepts.js";
export { nashSolution } from "./solutions/nash.js";
export { kalaiSmorodinskySolution } from "./solutions/kalaiSmorodinsky.js";
export { egalitarianSolution } from "./solutions/egalitarian.js";
export { utilitarianSolution } from "./solutions/utilitarian.js";
export { geniusKalaiSmorodinskySolution } from "./solutions/geniusKalaiSmorodinsky.js";
export type { ZopaCount, ZopaCountOptions } from "./enumeration/zopaCount.js";

// Explanations
export { explainBundle } from "./explain/explainBundle.js";
export { explainSolution } from "./explain/explainSolution.js";
export { narrate } from "./explain/narrate.js";
export type { BundleExplanation, SolutionExplanation, Explanation, Rejection, IssueCost } from "./explain/types.js";

// Edits and what-ifs
export type { ScenarioEdit } from "./edits/types.js";
export { applyEdits, type ApplyEditsOptions } from "./edits/applyEdits.js";
export { diffScenarios, describePatches } from "./edits/diffScenarios.js";
export { applyEvents, sanctionsEvent, battlefieldEvent, deadlineEvent, type ScenarioEvent } from "./edits/events.js";
export { parseParameter, parameterEdit, type ParameterRef, type ParameterKind } from "./edits/parameter.js";
export { compareScenarios, type ScenarioComparison, type SolutionShift } from "./sensitivity/compareScenarios.js";
export { sweep, type SweepAxis, type SweepSpec, type SweepRow } from "./sensitivity/sweep.js";
export type { SweepOutput } from "./sensitivity/sweepPart.js";
export type { WhatIfOutcome, WhatIfOptions } from "./sensitivity/whatIfOutcome.js";
export {
  breakEven,
  type BreakEvenOptions,
  type BreakEvenChange,
  type BreakEvenEntry,
  type BreakEvenResult,
} from "./sensitivity/breakEven.js";
export {
  tornado,
  type TornadoMetric,
  type TornadoOptions,
  type TornadoBar,
  type TornadoResult,
} from "./sensitivity/tornado.js";

// Uncertainty and Monte Carlo
export {
  parseUncertainty,
  type UncertaintySpec,
  type DistributionSpec,
  type Distribution,
} from "./uncertainty/types.js";
export { monteCarlo, monteCarloJob, type MonteCarloOptions, type ConvergenceRule } from "./uncertainty/monteCarlo.js";
export type { MonteCarloJob } from "./uncertainty/monteCarloJob.js";
export type { MonteCarloResult, BundleEstimate } from "./uncertainty/monteCarloAccumulator.js";
export type { SampleStats, Proportion } from "./uncertainty/statistics.js";

// Simulation and equilibria
export { simulate, negotiate, type Negotiation } from "./simulation/simulate.js";
export type { RunSession, RunOutcome, MoveLog } from "./simulation/session.js";
export {
  tournament,
  type TournamentOptions,
  type TournamentResult,
  type TournamentRun,
  type StrategySummary,
} from "./simulation/tournament.js";
export { builtinStrategies, parseStrategy, type StrategySpec } from "./simulation/strategies/registry.js";
export { timeDependentFactory } from "./simulation/strategies/timeDependent.js";
export { titForTatFactory } from "./simulation/strategies/titForTat.js";
export { seededRandom } from "./simulation/random.js";
export { outcomeSpace, type OutcomeSpace } from "./simulation/outcomeSpace.js";
export type {
  Strategy,
  StrategyContext,
  StrategyFactory,
  SimulationOptions,
  SimulationResult,
  SimulationEvent,
  SimulationMetrics,
  TraceEntry,
  PartySetup,
  DelayCost,
  ProtocolName,
  MediatorRule,
  Objection,
  Response,
  SpaceScope,
} from "./simulation/types.js";
export { subgamePerfectEquilibrium, type SpeOptions, type SpeResult } from "./equilibria/backwardInduction.js";
export { rubinsteinSplit, finiteHorizonSplit } from "./equilibria/rubinstein.js";

// Fair division (Adjusted Winner, exact fractions)
export {
  adjustedWinner,
  type AdjustedWinnerResult,
  type AdjustedWinnerStep,
  type AdjustedWinnerSplit,
  type PartyAmounts,
} from "./procedures/adjustedWinner.js";
export {
  normalisePoints,
  type PointsInput,
  type PointsItem,
  type PointsAmount,
  type PointsTable,
} from "./procedures/pointsInput.js";
export { fairnessChecks, type FairnessChecks } from "./procedures/fairnessChecks.js";
export { pointsFromScenario } from "./procedures/scenarioPoints.js";
export { formatRational, type Rational } from "./procedures/rational.js";

// GENIUS and GeniusWeb interop
export { importGenius, type GeniusFiles, type GeniusImportOptions } from "./interop/geniusImport.js";
export { exportGenius, type GeniusExport } from "./interop/geniusExport.js";
export { importGeniusWeb, type GeniusWebFiles } from "./interop/geniusWebImport.js";
export { exportGeniusWeb, type GeniusWebExport } from "./interop/geniusWebExport.js";

// Outcome forecasting (src/forecast/; its building blocks are in treatylab/advanced)
export {
  forecast,
  FORECAST_MODELS,
  FORECAST_MODEL_NAMES,
  type ForecastModel,
  type ForecastOptions,
} from "./forecast/models.js";
export type { CompromiseRule } from "./forecast/bdm.js";
export { parseForecastCsv } from "./forecast/parseTable.js";
export { applyForecastInputs, type ForecastInputs } from "./forecast/inputs.js";
export {
  forecastScenario,
  type ScenarioForecast,
  type ScenarioForecastOptions,
  type SettlementComparison,
} from "./forecast/settlement.js";
export {
  forecastMonteCarloScenario,
  type ForecastMonteCarloOptions,
  type ForecastMonteCarloResult,
  type IssueForecastDistribution,
} from "./forecast/monteCarlo.js";
export type { SalienceRule } from "./forecast/scenarioTables.js";
export type {
  ForecastActor,
  ForecastTable,
  ForecastRound,
  AcceptedOffer,
  OfferKind,
  IssueForecast,
  ForecastModelName,
} from "./forecast/types.js";

// Validation snapshots and stability (GMCR)
export * from "./validation/index.js";
export * from "./stability/index.js";

// Historical cases and the backtest (src/cases/; the case-building helpers are in treatylab/advanced)
export {
  backtest,
  type Backtest,
  type BacktestCase,
  type BacktestSummary,
  type BacktestOptions,
  type BacktestHooks,
  type SolutionDistance,
  type BacktestStability,
  type BacktestForecast,
} from "./cases/backtest.js";
export { HISTORICAL_CASES, historicalCase } from "./cases/registry.js";
export type { CaseOutcome, CaseText, HistoricalCase } from "./cases/types.js";

// What-ifs from files and flags, breakdown risk, findings (the hazard building blocks are in treatylab/advanced)
export { applyEditsData } from "./edits/editsData.js";
export type { ValueShift } from "./edits/events.js";
export type { HazardSpec } from "./simulation/hazard.js";
export { simulateRuns, type RunsSummary } from "./simulation/runs.js";
export { findings, type Finding, type FindingsResult, type FindingsOptions } from "./sensitivity/findings.js";
