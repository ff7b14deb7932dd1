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
export { loadScenario, readJsonFile } from "./files/loadScenario.js";
export { writeFileAtomic } from "./files/writeFileAtomic.js";
export { readGeniusFolder, readGeniusWebFolder, readInteropFolder, writeInteropFolder } from "./files/geniusFolder.js";
export { BatchPool, workerScript } from "./workers/batchPool.js";
export { runMonteCarloParallel, type ParallelMonteCarloOptions } from "./workers/runMonteCarloParallel.js";
export { runSweepParallel, type ParallelSweepOptions } from "./workers/runSweepParallel.js";
export {
  runForecastMonteCarloParallel,
  type ParallelForecastOptions,
} from "./workers/runForecastMonteCarloParallel.js";
export { loadScenarioWithUncertainty } from "./files/loadUncertainty.js";
export { readJsonLines, JsonLinesAppender } from "./files/jsonLines.js";
export { openStream } from "./files/streamFile.js";
export { scenarioFromData } from "./files/loadScenario.js";
export { loadForecastInput, type ForecastInput } from "./files/loadForecastInput.js";
