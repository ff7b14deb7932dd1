/**
 * Stability analysis with the Graph Model for Conflict Resolution: the public names.
 * @module
 */
export {
  analyzeStability,
  STABILITY_CONCEPTS,
  type StabilityAnalysis,
  type StabilityConcept,
  type StabilityKey,
  type StabilityOptions,
} from "./concepts.js";
export { explainState, type StabilityExplanation } from "./explain.js";
export { fromGmcr, toGmcr, type GmcrFile } from "./gmcr.js";
export { type GraphModel, type GraphPreference, type PreferenceStatement, type CompiledGraphModel } from "./model.js";
export type { SanctionRule } from "./reach.js";
export { stabilityReport, type StabilityReport } from "./report.js";
export { statusQuoAnalysis, type StatusQuoAnalysis } from "./statusQuo.js";
export { builtinGraphModel, builtinGraphModelIds } from "./builtins.js";
export { graphModelFromScenario, type FromScenarioOptions } from "./fromScenario.js";
export type { CoalitionStability } from "./coalition.js";
