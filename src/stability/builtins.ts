/**
 * Built-in graph models, listed by `treatylab stability --list`.
 * @module
 */
import type { GraphModel } from "./model.js";
import { ukraineMay2025 } from "./ukraineMay2025.js";

const builtins: Readonly<Record<string, GraphModel>> = { "ukraine-2025-may": ukraineMay2025 };

/**
 * The ids of the built-in graph models.
 *
 * @example
 * ```ts
 * builtinGraphModelIds(); // ["ukraine-2025-may"]
 * ```
 */
export function builtinGraphModelIds(): string[] {
  return Object.keys(builtins);
}

/**
 * A built-in graph model by id, or undefined.
 *
 * @example
 * ```ts
 * builtinGraphModel("ukraine-2025-may")?.decisionMakers.length; // 5
 * ```
 */
export function builtinGraphModel(id: string): GraphModel | undefined {
  return Object.hasOwn(builtins, id) ? builtins[id] : undefined;
}

/** Built-in scenarios paired with a built-in graph model of the same conflict (scenario id -> model id). */
const pairs: Readonly<Record<string, string>> = { "ukraine-2025": "ukraine-2025-may" };

/**
 * The id of the built-in graph model paired with a scenario id (the HTML report's stability section
 * uses it when no other graph model is given), or undefined.
 *
 * @example
 * ```ts
 * builtinGraphModelFor("ukraine-2025"); // "ukraine-2025-may"
 * ```
 */
export function builtinGraphModelFor(scenarioId: string): string | undefined {
  return Object.hasOwn(pairs, scenarioId) ? pairs[scenarioId] : undefined;
}
