/**
 * treatylab's Node-only helpers: reading scenario files and writing output files atomically.
 *
 * @example
 * ```ts
 * import { loadScenario } from "treatylab/node";
 * const s = await loadScenario("my-scenario.json"); // or a built-in id such as "ukraine-2025"
 * ```
 * @module
 */
export { loadScenario, readJsonFile } from "./io/loadScenario.js";
export { writeFileAtomic } from "./io/writeFileAtomic.js";
export { readGeniusFolder, readGeniusWebFolder, readInteropFolder, writeInteropFolder } from "./io/geniusFolder.js";
export { BatchPool, workerScript } from "./io/batchPool.js";
export { runMonteCarloParallel, type ParallelMonteCarloOptions } from "./io/runMonteCarloParallel.js";
export { runSweepParallel, type ParallelSweepOptions } from "./io/runSweepParallel.js";
export { runForecastMonteCarloParallel, type ParallelForecastOptions } from "./io/runForecastMonteCarloParallel.js";
export { loadScenarioWithUncertainty } from "./io/loadUncertainty.js";
export { readJsonLines, JsonLinesAppender } from "./io/jsonLines.js";
export { openStream } from "./io/streamFile.js";
export { scenarioFromData } from "./io/loadScenario.js";
export { loadForecastInput, type ForecastInput } from "./io/loadForecastInput.js";
