/**
 * treatylab: simulate peace settlements. This entry point is pure (no Node built-ins), so it runs
 * in a browser too; file input and output live in `treatylab/node`.
 *
 * @example
 * ```ts
 * import { analyze, builtinScenario } from "treatylab";
 * const a = analyze(builtinScenario("ukraine-2025"));
 * a.solutions.nash?.bundle;
 * ```
 * @module
 */
export type * from "./model/types.js";
export { TreatylabError, ScenarioError, LimitError } from "./model/errors.js";
export { validateScenario, optionIdsOf } from "./model/validate.js";
export { scenarioSchema } from "./model/schema.js";
export { scenarioJsonSchema } from "./model/jsonSchema.js";
export {
  compileScenario,
  countFeasible,
  isFeasible,
  brokenConstraint,
  toIndexBundle,
  toNamedBundle,
  compareBundles,
  type CompiledScenario,
  type CompiledConstraint,
} from "./model/compile.js";
export { UTILITY_TOLERANCE } from "./model/tolerance.js";
export { deepFreeze } from "./model/deepFreeze.js";
export { numericGrid, numericId, piecewise } from "./model/numericGrid.js";
export { utilities, utilityRecord, roundUtility } from "./utility/utilities.js";
export { accepts, evaluateBundle, type BundleEvaluation, type PartyVerdict, type RedLineHit } from "./utility/verdict.js";
export { walkBundles, type WalkOptions, type BundleVisitor } from "./search/walkBundles.js";
export { dominance } from "./search/dominance.js";
export { ParetoArchive, type ArchivePoint } from "./search/paretoArchive.js";
export { idealPoint, gains, type BargainingProblem } from "./solutions/bargainingProblem.js";
export { nashSolution, nashLogProduct } from "./solutions/nash.js";
export { kalaiSmorodinskySolution } from "./solutions/kalaiSmorodinsky.js";
export { egalitarianSolution } from "./solutions/egalitarian.js";
export { utilitarianSolution } from "./solutions/utilitarian.js";
export { pickBest } from "./solutions/pickBest.js";
export { prepare } from "./analysis/prepare.js";
export { analyze, zopaFrontier, frontierPoints, bargainingProblem, solveAll, DEFAULT_MAX_OUTCOMES, type AnalyzeOptions } from "./analysis/analyze.js";
export { checkProposal, type ProposalCheck, type Alternative, type CheckOptions } from "./analysis/checkProposal.js";
export { forEachZopaBundle, zopaPage } from "./analysis/zopa.js";
export type { Analysis, Solution, Solutions, SettlementPoint, PartySummary, AlgorithmName } from "./analysis/types.js";
export { builtinScenario, builtinScenarioIds } from "./scenarios/builtins.js";
export { nash1950 } from "./scenarios/nash1950.js";
export { ukraine2025 } from "./scenarios/ukraine2025.js";
export type { ScenarioEdit } from "./edits/types.js";
export { applyEdits } from "./edits/applyEdits.js";
export { diffScenarios, applyScenarioPatches, describePatches } from "./edits/diffScenarios.js";
export { assertValidScenario } from "./model/validate.js";
export type { Interaction } from "./model/types.js";
export { interactionApplies, type CompiledInteraction } from "./model/compile.js";
export {
  adjustedWinner,
  NORMALISATION_RULE,
  type AdjustedWinnerResult,
  type AdjustedWinnerStep,
  type AdjustedWinnerSplit,
  type PartyAmounts,
} from "./procedures/adjustedWinner.js";
export { normalisePoints, type PointsInput, type PointsItem, type PointsAmount, type PointsTable } from "./procedures/pointsInput.js";
export { fairnessChecks, isParetoEfficient, bundleValue, type FairnessChecks } from "./procedures/fairnessChecks.js";
export { Fraction, exactAmount, decimalToRational, formatRational, type Rational } from "./procedures/rational.js";
export type { Constituency, Ratification, Valuation } from "./model/types.js";
export type { CompiledAgent, CompiledRatification, CompiledValuation } from "./model/compile.js";
export { ratifies, ratificationVerdict, valuationAccepts, valuationUtility, type RatificationVerdict, type ConstituencyVerdict } from "./utility/ratification.js";
export { nashKey } from "./solutions/nash.js";
export { SOLUTION_CONCEPTS, type SolutionConcept } from "./solutions/solutionConcepts.js";
export { optionLabel, optionLabeller, issueLabel, partyLabel } from "./model/labels.js";
export { kalaiSmorodinskyKey } from "./solutions/kalaiSmorodinsky.js";
export { egalitarianKey } from "./solutions/egalitarian.js";
export { utilitarianKey } from "./solutions/utilitarian.js";
export { explainBundle } from "./explain/explainBundle.js";
export { explainSolution } from "./explain/explainSolution.js";
export { narrate } from "./explain/narrate.js";
export type { BundleExplanation, SolutionExplanation, Explanation, Rejection, IssueCost } from "./explain/types.js";
export { importGenius, readGeniusNeutral, isGeniusDomainXml, DEFAULT_REAL_STEPS, type GeniusFiles, type GeniusImportOptions } from "./interop/geniusImport.js";
export { exportGenius, type GeniusExport } from "./interop/geniusExport.js";
export { importGeniusWeb, readGeniusWebNeutral, parseJsonText, type GeniusWebFiles } from "./interop/geniusWebImport.js";
export { exportGeniusWeb, type GeniusWebExport } from "./interop/geniusWebExport.js";
export { HEADROOM_ID, neutralToScenario, scenarioToNeutral, type NeutralScenario, type NeutralProfile, type NeutralIssue } from "./interop/neutral.js";
export { parseXml, type XmlElement } from "./interop/safeXml.js";
export { partyNamesFromFiles } from "./interop/ids.js";
export { geniusKalaiSmorodinskySolution } from "./solutions/geniusKalaiSmorodinsky.js";
export { simulate, negotiate, type Negotiation } from "./simulation/simulate.js";
export { tournament, type TournamentOptions, type TournamentResult, type TournamentRun, type StrategySummary } from "./simulation/tournament.js";
export { outcomeSpace, positionAtOrAbove, MAX_SIMULATION_BUNDLES, type OutcomeSpace } from "./simulation/outcomeSpace.js";
export { FrequencyModel } from "./simulation/opponentModel.js";
export { builtinStrategies, parseStrategy, type StrategySpec } from "./simulation/strategies/registry.js";
export { timeDependentTarget, timeDependentFactory } from "./simulation/strategies/timeDependent.js";
export { titForTatFactory } from "./simulation/strategies/titForTat.js";
export { zeuthenRisk, zeuthenConcession } from "./simulation/strategies/zeuthen.js";
export { pickNear, acceptNext, maxUtility, minUtility, ownUtility } from "./simulation/strategies/pick.js";
export { delayedValue } from "./simulation/delay.js";
export { seededRandom, subSeed } from "./simulation/random.js";
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
export { outcomeSpaceOver, zopaUnionRows } from "./simulation/outcomeSpace.js";
export { buildTimeline, type Timeline } from "./simulation/timeline.js";
export { subgamePerfectEquilibrium, type SpeOptions, type SpeResult } from "./equilibria/backwardInduction.js";
export { rubinsteinSplit, finiteHorizonSplit } from "./equilibria/rubinstein.js";
export { pointsFromScenario } from "./procedures/scenarioPoints.js";
export { applyEvents, sanctionsEvent, battlefieldEvent, deadlineEvent, type ScenarioEvent } from "./edits/events.js";
export { type ApplyEditsOptions } from "./edits/applyEdits.js";
export { parseParameter, formatParameter, getParameter, parameterEdit, parameterDomain, expandParameters, expandParameterList, splitPath, type ParameterRef, type ParameterKind } from "./edits/parameter.js";
export { compareScenarios, SOLUTION_NAMES, type SolutionName, type ScenarioComparison, type SolutionShift } from "./sensitivity/compareScenarios.js";
export { sweep, sweepRow, planSweep, axisValues, MAX_SWEEP_ROWS, type SweepAxis, type SweepSpec, type SweepPlan, type SweepRow } from "./sensitivity/sweep.js";
export { sweepOutput, mergeSweepParts, type SweepOutput } from "./sensitivity/sweepPart.js";
export { whatIfOutcome, SOLVERS, type WhatIfOutcome, type WhatIfOptions } from "./sensitivity/whatIfOutcome.js";
export { breakEven, breakEvenParameters, MAX_WEIGHT_SHARE, type BreakEvenOptions, type BreakEvenChange, type BreakEvenEntry, type BreakEvenResult } from "./sensitivity/breakEven.js";
export { tornado, type TornadoMetric, type TornadoOptions, type TornadoBar, type TornadoResult } from "./sensitivity/tornado.js";
export { parseUncertainty, uncertaintySchema, distributionSchema, CONFIDENCE_SPREAD, type UncertaintySpec, type DistributionSpec, type Distribution } from "./uncertainty/types.js";
export { resolveUncertainty, type UncertainParameter } from "./uncertainty/resolveUncertainty.js";
export { sample } from "./uncertainty/sample.js";
export { sampleStats, proportion, quantile, type SampleStats, type Proportion } from "./uncertainty/statistics.js";
export {
  prepareMonteCarlo,
  runDraw,
  runDrawBlock,
  runDrawRows,
  takeZopaCounts,
  drawValues,
  drawScenario,
  bundleIndexer,
  type MonteCarloJob,
  type MonteCarloContext,
  type DrawRow,
  type DrawBlock,
  type ZopaCounts,
} from "./uncertainty/monteCarloJob.js";
export { MonteCarloAccumulator, type MonteCarloResult, type BundleEstimate } from "./uncertainty/monteCarloAccumulator.js";
export { BundleCounter, DENSE_COUNT_LIMIT } from "./uncertainty/bundleCounter.js";
export { monteCarlo, monteCarloJob, monteCarloWaves, converged, DRAW_BLOCK_SIZE, type MonteCarloOptions, type ConvergenceRule } from "./uncertainty/monteCarlo.js";
export { monteCarloPart, mergeMonteCarloParts, type MonteCarloPart } from "./uncertainty/monteCarloPart.js";
export { parseShard, shardRange, blocksOf, type Shard } from "./batch/shard.js";
export { hashJson } from "./batch/hashJson.js";
export { checkCoverage } from "./batch/checkCoverage.js";
export { BATCH_TASKS, type BatchTask, type BatchTaskName, type SweepJob, type SensitivityJob } from "./batch/batchTasks.js";
export { decomposedFrontier, sortFrontier, DEFAULT_MEMORY_BUDGET_BYTES, type DecomposedFrontier, type DecomposedFrontierOptions } from "./search/decomposedFrontier.js";
export { countZopa, DEFAULT_COUNT_STATES, DEFAULT_COUNT_SAMPLES, type ZopaCount, type ZopaCountOptions } from "./search/zopaCount.js";
export { countBundles } from "./search/walkBundles.js";
export { BatchArchive } from "./search/batchArchive.js";
export { notDecomposable } from "./search/acceptors.js";
export { chooseAlgorithm, frontierAnalysis, COUNT_BY_WALK_LIMIT, AUTO_ENUMERATE_LIMIT } from "./analysis/analyze.js";
export type { AlgorithmChoice, ZopaCountMethod } from "./analysis/types.js";
export * from "./validation/index.js";
export * from "./stability/index.js";
export * from "./forecast/index.js";
