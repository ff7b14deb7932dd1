import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { validateScenario } from "../model/validate.js";
import { nash1950 } from "./nash1950.js";
import { ukraine2025 } from "./ukraine2025.js";
import { ukraine2025Ratification } from "./ukraine2025Ratification.js";

const registry: Readonly<Record<string, Scenario>> = {
  "nash-1950": nash1950,
  "ukraine-2025": ukraine2025,
  "ukraine-2025-ratification": ukraine2025Ratification,
};

/**
 * Ids of the scenarios that ship with treatylab.
 *
 * @example
 * ```ts
 * builtinScenarioIds(); // ["nash-1950", "ukraine-2025", "ukraine-2025-ratification"]
 * ```
 */
export function builtinScenarioIds(): string[] {
  return Object.keys(registry).sort();
}

/**
 * A built-in scenario by id, validated and frozen.
 *
 * @example
 * ```ts
 * import { analyze, builtinScenario } from "treatylab";
 * analyze(builtinScenario("ukraine-2025"));
 * ```
 */
export function builtinScenario(id: string): Scenario {
  if (!Object.prototype.hasOwnProperty.call(registry, id))
    throw new TreatylabError(`no built-in scenario "${id}"; built-ins: ${builtinScenarioIds().join(", ")}`);
  return validateScenario(registry[id]);
}
