export type { PublishedPlan, RecordedOutcome, ValidationSnapshot } from "./types.js";
export { UKRAINE_SNAPSHOTS } from "./ukraineSnapshots.js";
export { snapshotScenario, validationSeries, type PlanMatch, type PlanVerdict, type SnapshotResult } from "./series.js";
