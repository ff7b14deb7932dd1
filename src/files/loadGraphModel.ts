import { ScenarioError, TreatylabError } from "../model/errors.js";
import { builtinGraphModel, builtinGraphModelIds } from "../stability/builtins.js";
import { fromGmcr } from "../stability/gmcr.js";
import { compileGraphModel, type GraphModel } from "../stability/model.js";
import { readJsonFile } from "./loadScenario.js";

/**
 * Whether a parsed JSON document looks like a GMCR+ save file (options with `permittedDirection`,
 * or `infeasibles`) rather than a treatylab graph model.
 *
 * @example
 * ```ts
 * import { isGmcrJson } from "./loadGraphModel.js";
 * isGmcrJson({ options: [{ name: "a", permittedDirection: "both" }], decisionMakers: [], infeasibles: [] }); // true
 * ```
 */
export function isGmcrJson(data: unknown): boolean {
  if (typeof data !== "object" || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    "infeasibles" in d ||
    (Array.isArray(d.options) &&
      d.options.some((o) => typeof o === "object" && o !== null && "permittedDirection" in o))
  );
}

/**
 * Loads a graph model: a built-in id, a GMCR+ `.gmcr` file, or a treatylab graph-model JSON file.
 * Returns undefined when `ref` is a JSON file that is neither (the caller may treat it as a scenario).
 *
 * @example
 * ```ts
 * import { loadGraphModel } from "./loadGraphModel.js";
 * const model = await loadGraphModel("ukraine-2025-may"); // a built-in id; a .gmcr file name works too
 * model?.decisionMakers.length; // 5
 * await loadGraphModel("examples/points/bob-carol.json"); // undefined: a JSON file that is no graph model
 * ```
 */
export async function loadGraphModel(ref: string): Promise<GraphModel | undefined> {
  const builtin = builtinGraphModel(ref);
  if (builtin) return builtin;
  if (!/\.(gmcr|json)$/i.test(ref)) return undefined;
  const data = await readJsonFile(ref);
  if (/\.gmcr$/i.test(ref) || isGmcrJson(data)) return fromGmcr(data, ref);
  const d = data as Record<string, unknown>;
  if (typeof d === "object" && d !== null && Array.isArray(d.decisionMakers) && Array.isArray(d.options)) {
    try {
      compileGraphModel(d as unknown as GraphModel);
    } catch (e) {
      // The file's name first, as a scenario file's errors give it (found in review).
      if (e instanceof ScenarioError && e.source === undefined)
        throw new ScenarioError(e.path, e.problem, e.expected, ref);
      throw e;
    }
    return d as unknown as GraphModel;
  }
  return undefined;
}

/**
 * Like `loadGraphModel`, but an error when `ref` is not a graph model.
 *
 * @example
 * ```ts
 * import { requireGraphModel } from "./loadGraphModel.js";
 * (await requireGraphModel("ukraine-2025-may")).options.length; // 10
 * await requireGraphModel("examples/points/bob-carol.json");
 * // throws: examples/points/bob-carol.json is neither a built-in graph model (ukraine-2025-may), a .gmcr file
 * // nor a graph-model JSON file (with options and decisionMakers)
 * ```
 */
export async function requireGraphModel(ref: string): Promise<GraphModel> {
  const m = await loadGraphModel(ref);
  if (!m) throw notGraphModelError(ref);
  return m;
}

/**
 * The error for a reference that is no graph model (what {@link requireGraphModel} throws).
 *
 * @example
 * ```ts
 * import { notGraphModelError } from "./loadGraphModel.js";
 * notGraphModelError("x.json").message; // "x.json is neither a built-in graph model (ukraine-2025-may), a .gmcr file nor ..."
 * ```
 */
export function notGraphModelError(ref: string): TreatylabError {
  return new TreatylabError(
    `${ref} is neither a built-in graph model (${builtinGraphModelIds().join(", ")}), a .gmcr file nor a graph-model JSON file (with options and decisionMakers)`,
  );
}
