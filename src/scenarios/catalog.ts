import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { validateScenario } from "../model/validate.js";

/**
 * The built-in scenarios: every id with a loader of the module that defines it. This table is the
 * one list of built-in ids. `builtins.ts` holds the same scenarios synchronously (for
 * `builtinScenario`), and its type makes it list exactly these ids; the command line loads one
 * built-in through this table, so `treatylab analyze nash-1950` does not load the ten other
 * scenarios (issue 18, start-up).
 *
 * @example
 * ```ts
 * import { BUILTIN_LOADERS } from "./catalog.js";
 * (await BUILTIN_LOADERS["nash-1950"]()).title; // "Nash (1950): the Bill and Jack barter"
 * ```
 */
export const BUILTIN_LOADERS = {
  "nash-1950": async () => (await import("./nash1950.js")).nash1950,
  "ukraine-2025": async () => (await import("./ukraine2025.js")).ukraine2025,
  "ukraine-2025-ratification": async () => (await import("./ukraine2025Ratification.js")).ukraine2025Ratification,
  "camp-david-1978": async () => (await import("../cases/campDavid1978.js")).campDavid1978.scenario,
  "dayton-1995": async () => (await import("../cases/dayton1995.js")).dayton1995.scenario,
  "good-friday-1998": async () => (await import("../cases/goodFriday1998.js")).goodFriday1998.scenario,
  "camp-david-2000": async () => (await import("../cases/campDavid2000.js")).campDavid2000.scenario,
  "annan-plan-2004": async () => (await import("../cases/annanPlan2004.js")).annanPlan2004.scenario,
  "minsk-2-2015": async () => (await import("../cases/minsk2015.js")).minsk2015.scenario,
  "jcpoa-2015": async () => (await import("../cases/jcpoa2015.js")).jcpoa2015.scenario,
  "colombia-farc-2016": async () => (await import("../cases/colombiaFarc2016.js")).colombiaFarc2016.scenario,
} as const satisfies Readonly<Record<string, () => Promise<Scenario>>>;

/**
 * The id of a built-in scenario.
 *
 * @example
 * ```ts
 * import type { BuiltinScenarioId } from "./catalog.js";
 * const id: BuiltinScenarioId = "nash-1950";
 * ```
 */
export type BuiltinScenarioId = keyof typeof BUILTIN_LOADERS;

/**
 * Ids of the scenarios that ship with treatylab.
 *
 * @example
 * ```ts
 * builtinScenarioIds(); // ["annan-plan-2004", "camp-david-1978", ..., "ukraine-2025-ratification"]: 11, sorted
 * ```
 */
export function builtinScenarioIds(): string[] {
  return Object.keys(BUILTIN_LOADERS).sort();
}

/**
 * Whether `id` names a built-in scenario.
 *
 * @example
 * ```ts
 * import { isBuiltinScenarioId } from "./catalog.js";
 * isBuiltinScenarioId("nash-1950"); // true
 * isBuiltinScenarioId("toString"); // false
 * ```
 */
export function isBuiltinScenarioId(id: string): id is BuiltinScenarioId {
  return Object.prototype.hasOwnProperty.call(BUILTIN_LOADERS, id);
}

/**
 * The error for an id that names no built-in scenario (it lists the built-ins).
 *
 * @example
 * ```ts
 * import { unknownBuiltin } from "./catalog.js";
 * unknownBuiltin("nash").message; // 'no built-in scenario "nash"; built-ins: annan-plan-2004, ...'
 * ```
 */
export function unknownBuiltin(id: string): TreatylabError {
  return new TreatylabError(`no built-in scenario "${id}"; built-ins: ${builtinScenarioIds().join(", ")}`);
}

/**
 * A built-in scenario by id, validated and frozen, loading only that scenario's module: equal to
 * `builtinScenario(id)`.
 *
 * @example
 * ```ts
 * import { loadBuiltinScenario } from "./catalog.js";
 * (await loadBuiltinScenario("nash-1950")).parties.length; // 2
 * await loadBuiltinScenario("nash"); // throws 'no built-in scenario "nash"; built-ins: ...'
 * ```
 */
export async function loadBuiltinScenario(id: string): Promise<Scenario> {
  if (!isBuiltinScenarioId(id)) throw unknownBuiltin(id);
  return validateScenario(await BUILTIN_LOADERS[id]());
}
