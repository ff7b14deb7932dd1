/**
 * treatylab's building blocks (`treatylab/advanced`): compiled scenarios and bundle indexing,
 * the enumeration walks, their plan and kernels (row walk, Monte Carlo tail kernel) and Pareto archives, the decomposed frontier, ranking keys, Monte Carlo
 * draw blocks and accumulators, sweep plans and parts, shards and batch tasks, XML and neutral
 * interop forms, and the pieces the simulation strategies are made of. Everything here is stable
 * enough to build on but changes more often than the core entry `treatylab`, which is what most
 * programs need. Pure (no Node built-ins), like the core entry; it shares its module instances.
 *
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * import { planWalk, rowKernel, walkBundles } from "treatylab/advanced";
 * const c = compileScenario(nash1950);
 * walkBundles(c, { zopaOnly: true }, (bundle, u) => console.log([...bundle], [...u]));
 * rowKernel(c, { zopaOnly: true }).count() <= planWalk(c, true).allowed.reduce((n, o) => n * o.length, 1); // true
 * ```
 * @module
 */
export {
  countFeasible,
  isFeasible,
  brokenConstraint,
  toIndexBundle,
  toNamedBundle,
  compareBundles,
  type CompiledConstraint,
  interactionApplies,
  type CompiledInteraction,
  type CompiledAgent,
  type CompiledRatification,
  type CompiledValuation,
} from "./model/compile.js";
export { deepFreeze } from "./model/deepFreeze.js";
export { utilities, roundUtility } from "./utility/utilities.js";
export {
  walkBundles,
  walkWithProgress,
  type WalkOptions,
  type BundleVisitor,
  countBundles,
  rowKernel,
  chooseWalkKernel,
  tailKernelApplies,
  type WalkKernel,
  type WalkKernelName,
} from "./enumeration/walkBundles.js";
export {
  planWalk,
  constraintsByLastIssue,
  MIN_WALK_ROWS,
  type WalkPlan,
  type RowInteraction,
} from "./enumeration/walkPlan.js";
export {
  tailKernel,
  planZopaKernel,
  runZopaKernel,
  MAX_TAIL_COMBINATIONS,
  type ZopaKernelPlan,
  type ZopaTail,
  type ZopaVisitor,
  type ZopaSink,
} from "./uncertainty/zopaKernel.js";
export { dominance } from "./frontier/dominance.js";
export { DOMINANCE_TOLERANCE } from "./model/tolerance.js";
export { ParetoArchive } from "./frontier/paretoArchive.js";
export { idealPoint, gains } from "./solutions/bargainingProblem.js";
export { nashLogProduct, nashKey } from "./solutions/nash.js";
export { pickBest } from "./solutions/pickBest.js";
export { prepare } from "./analysis/prepare.js";
export {
  frontierPoints,
  solveAll,
  DEFAULT_MAX_OUTCOMES,
  chooseAlgorithm,
  frontierAnalysis,
  COUNT_BY_WALK_LIMIT,
  AUTO_ENUMERATE_LIMIT,
} from "./analysis/analyze.js";
export { ALGORITHM_CHOICES } from "./analysis/types.js";
export { NORMALISATION_RULE } from "./procedures/adjustedWinner.js";
export { isParetoEfficient, bundleValue } from "./procedures/fairnessChecks.js";
export { Fraction, exactAmount, decimalToRational } from "./procedures/rational.js";
export { valuationAccepts, valuationUtility } from "./utility/ratification.js";
export { optionLabeller } from "./model/labels.js";
export { kalaiSmorodinskyKey } from "./solutions/kalaiSmorodinsky.js";
export { egalitarianKey } from "./solutions/egalitarian.js";
export { utilitarianKey } from "./solutions/utilitarian.js";
export { readGeniusNeutral, isGeniusDomainXml, DEFAULT_REAL_STEPS } from "./interop/geniusImport.js";
export { readGeniusWebNeutral, parseJsonText } from "./interop/geniusWebImport.js";
export {
  HEADROOM_ID,
  neutralToScenario,
  scenarioToNeutral,
  type NeutralScenario,
  type NeutralProfile,
  type NeutralIssue,
} from "./interop/neutral.js";
export { parseXml, type XmlElement } from "./interop/safeXml.js";
export { partyNamesFromFiles } from "./interop/ids.js";
export {
  positionAtOrAbove,
  MAX_SIMULATION_BUNDLES,
  outcomeSpaceOver,
  zopaUnionRows,
} from "./simulation/outcomeSpace.js";
export { FrequencyModel } from "./simulation/opponentModel.js";
export { zeuthenRisk, zeuthenConcession } from "./simulation/strategies/zeuthen.js";
export { delayedValue } from "./simulation/delay.js";
export { subSeed } from "./simulation/random.js";
export { buildTimeline, type Timeline } from "./simulation/timeline.js";
export {
  parameterDomain,
  expandParameters,
  expandParameterList,
  splitPath,
  parameterLabel,
} from "./edits/parameter.js";
export { sweepRow, planSweep, axisValues, MAX_SWEEP_ROWS, type SweepPlan } from "./sensitivity/sweep.js";
export { sweepOutput, mergeSweepParts } from "./sensitivity/sweepPart.js";
export { breakEvenParameters, MAX_WEIGHT_SHARE } from "./sensitivity/breakEven.js";
export { uncertaintySchema, distributionSchema, CONFIDENCE_SPREAD } from "./uncertainty/types.js";
export { resolveUncertainty, type UncertainParameter } from "./uncertainty/resolveUncertainty.js";
export { sample } from "./uncertainty/sample.js";
export { sampleStats, proportion, quantile } from "./uncertainty/statistics.js";
export { prepareMonteCarlo, type MonteCarloContext } from "./uncertainty/monteCarloJob.js";
export { runDraw, runDrawBlock, runDrawRows, type DrawRow, type DrawBlock } from "./uncertainty/drawRows.js";
export { takeZopaCounts, type ZopaCounts } from "./uncertainty/zopaCounts.js";
export { drawValues, drawScenario } from "./uncertainty/draws.js";
export { bundleIndexer } from "./model/bundleIndexer.js";
export { MonteCarloAccumulator } from "./uncertainty/monteCarloAccumulator.js";
export { BundleCounter, DENSE_COUNT_LIMIT } from "./uncertainty/bundleCounter.js";
export { monteCarloWaves, converged, DRAW_BLOCK_SIZE } from "./uncertainty/monteCarlo.js";
export { monteCarloPart, mergeMonteCarloParts, type MonteCarloPart } from "./uncertainty/monteCarloPart.js";
export { parseShard, shardRange, blocksOf, type Shard } from "./batch/shard.js";
export { hashJson } from "./batch/hashJson.js";
export { checkCoverage } from "./batch/checkCoverage.js";
export {
  BATCH_TASKS,
  type BatchTask,
  type BatchTaskName,
  type SweepJob,
  type SensitivityJob,
} from "./jobs/batchTasks.js";
export {
  decomposedFrontier,
  sortFrontier,
  DEFAULT_MEMORY_BUDGET_BYTES,
  DEFAULT_MAX_CANDIDATES,
  type DecomposedFrontier,
  type DecomposedFrontierOptions,
} from "./frontier/decomposedFrontier.js";
export { DEFAULT_COUNT_STATES, DEFAULT_COUNT_SAMPLES } from "./enumeration/zopaCount.js";
export { BatchArchive } from "./frontier/batchArchive.js";
export { notDecomposable } from "./enumeration/acceptors.js";
export type { Acceptor } from "./enumeration/acceptors.js";
export type { ExportTarget } from "./interop/neutral.js";
export { NashCandidates } from "./uncertainty/nashCandidates.js";
export { weightedMedian, weightedMean } from "./forecast/weighted.js";
export { validateForecastTable } from "./forecast/validateTable.js";
export { scenarioForecastTables, type ScenarioTables, type IssueScale } from "./forecast/scenarioTables.js";
export { isForecastInputs } from "./forecast/inputs.js";
export { forecastBundle, nearestOption } from "./forecast/settlement.js";
export {
  forecastMonteCarloTables,
  prepareForecastMonteCarlo,
  forecastDrawRows,
  forecastMonteCarloResult,
  forecastMonteCarloPart,
  type ForecastMonteCarloContext,
  type ForecastMonteCarloJob,
  type ForecastDrawRow,
  type ForecastMonteCarloPart,
} from "./forecast/monteCarlo.js";
export { forecastInputsSchema } from "./forecast/inputs.js";

// Historical cases: building a reasoned case, the backtest's default hooks
export { defaultBacktestHooks } from "./cases/hooks.js";
export { CASE_OUTCOMES, expectedAccepted, expectedStable, type CaseControl } from "./cases/types.js";
export {
  caseStability,
  textStability,
  controlMap,
  HEADLINE_STABILITY_CONCEPT,
  type CaseStability,
  type CaseDefection,
} from "./cases/stability.js";
export {
  reasonedValuation,
  reasonedParty,
  reasonedConstituency,
  type Reasoned,
  type ReasonedValuation,
} from "./cases/build.js";

// Breakdown risk building blocks
export { hazardSchedule, survival, breakdownClock } from "./simulation/hazard.js";
export { MAX_RUNS } from "./simulation/runs.js";

// Building blocks of stability, validation, forecasting, cases and what-ifs (their verbs are in the core entry)
export { stabilityConcept } from "./stability/concepts.js";
export { compileGraphModel, stateString } from "./stability/model.js";
export type {
  OptionCondition,
  OptionDirection,
  LabelledStatement,
  GraphDecisionMaker,
  GraphOption,
} from "./stability/model.js";
export type { GmcrCondition } from "./stability/gmcr.js";
export type { ImprovementVerdict, GraphStep } from "./stability/explain.js";
export type { EquilibriumPath } from "./stability/statusQuo.js";
export type { DmStabilityContext } from "./stability/concepts.js";
export type { RunOutcomeKind } from "./simulation/runs.js";
export { coalitionStability } from "./stability/coalition.js";
export { builtinGraphModelFor } from "./stability/builtins.js";
export { snapshotScenario } from "./validation/series.js";
export { historicalCaseIds } from "./cases/registry.js";
export { parameterAssignments } from "./edits/editsData.js";

// Plumbing that the core verbs are built from (moved out of the core entry to keep it small, issue 16)
export { optionIdsOf } from "./model/validate.js";
export { numericGrid, numericId } from "./model/numericGrid.js";
export { UTILITY_TOLERANCE, UTILITY_GRID, utilityCell } from "./model/tolerance.js";
export { contribution } from "./model/compile.js";
export { utilityRecord } from "./utility/utilities.js";
export { ratifies } from "./utility/ratification.js";
export { countZopa } from "./enumeration/zopaCount.js";
export { applyScenarioPatches } from "./edits/diffScenarios.js";
export { formatParameter, getParameter } from "./edits/parameter.js";
export { whatIfOutcome } from "./sensitivity/whatIfOutcome.js";
export { forecastTablesFromJson } from "./forecast/parseTable.js";
// The pieces a custom negotiation strategy is made of (docs/simulation.md)
export { timeDependentTarget } from "./simulation/strategies/timeDependent.js";
export { pickNear, acceptNext, maxUtility, minUtility, ownUtility } from "./simulation/strategies/pick.js";
