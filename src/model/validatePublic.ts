/**
 * The public `validateScenario` and `assertValidScenario` (exported by the package's main entry):
 * the checks of validate.ts, with zod's exact description of an invalid scenario. Loading this
 * module registers that description for every check (the verbs' too), so a program that imports
 * the main entry unbundled gets zod's messages everywhere; a bundle that only calls the verbs
 * (`analyze`, `nashSolution`) leaves this module, and zod, out (the size budget checks it). The
 * CLI loads it only once a scenario is invalid (start-up time, issue 18).
 * @module
 */
import { exactScenarioCheck } from "./schemaErrors.js";
import type { Scenario } from "./types.js";
import * as checks from "./validate.js";

checks.useExactScenarioErrors(exactScenarioCheck);

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Checks an untrusted value (parsed JSON or a TypeScript object) against the scenario format and
 * returns a deep-frozen copy. The input is never modified. A scenario this function returned is
 * returned as it is (validated once: it is frozen, so it is still valid).
 *
 * Throws one {@link ScenarioError} naming the JSON path, what is wrong and what is expected:
 * unknown or duplicate ids, negative or all-zero weights, missing values, NaN or Infinity, a
 * reservation outside [0, 1], ids such as `__proto__`...  Constraints that leave no feasible
 * bundle are reported by `compileScenario`.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { validateScenario } from "treatylab";
 * const scenario = validateScenario(JSON.parse(readFileSync("my.json", "utf8")));
 * ```
 */
export const validateScenario = (function validateScenario(input: unknown): Scenario {
  return checks.validateScenario(input);
});

/**
 * Checks a scenario that may be frozen and shared (for instance the result of an immer edit)
 * without copying it; throws the same errors as {@link validateScenario}. A deep-frozen scenario
 * that passes is remembered (validate once): `validateScenario` and this function then return it
 * without checking it again (a sweep row is checked by `applyEdits`, not again by `analyze`).
 *
 * @example
 * ```ts
 * import { produce } from "immer";
 * import { assertValidScenario, builtinScenario } from "treatylab";
 * const s = builtinScenario("nash-1950");
 * assertValidScenario(produce(s, (d) => { d.parties[0]!.reservation = 0.4; }));
 * ```
 */
export function assertValidScenario(s: Scenario): void {
  checks.assertValidScenario(s);
}
