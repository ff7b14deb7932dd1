/**
 * What-ifs everywhere (issue 14): edits and parameter assignments read from JSON or flags,
 * option-value events, breakdown hazard in simulations and findings that name what they hang on.
 * One line in src/index.ts re-exports this set.
 *
 * @example
 * ```ts
 * import { applyEditsData, parameterAssignments } from "treatylab";
 * ```
 * @module
 */
export { applyEditsData, parameterAssignments } from "../edits/editsData.js";
export type { ValueShift } from "../edits/events.js";
export { hazardSchedule, survival, breakdownClock, type HazardSpec } from "../simulation/hazard.js";
export { simulateRuns, MAX_RUNS, type RunsSummary } from "../simulation/runs.js";
export { findings, type Finding, type FindingsResult, type FindingsOptions } from "../sensitivity/findings.js";
