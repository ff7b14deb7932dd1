import { type CompiledScenario, compileScenario } from "../model/compile.js";
import type { Scenario } from "../model/types.js";
import { validateScenario } from "../model/validate.js";

/**
 * Accepts a scenario (validated here) or an already compiled one, and returns the compiled form.
 *
 * @example
 * ```ts
 * const scenario = builtinScenario("nash-1950");
 * const c = prepare(scenario);
 * prepare(c) === c; // true
 * ```
 */
export function prepare(input: Scenario | CompiledScenario): CompiledScenario {
  // Anything but an object (null, a string...) goes to validation, which names what it is.
  if (typeof input === "object" && input !== null && "contrib" in input && "scenario" in input)
    return input as CompiledScenario;
  return compileScenario(validateScenario(input));
}
