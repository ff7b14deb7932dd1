// Checks of the options objects the library's verbs take: a wrong value gets a TreatylabError
// naming the option as a program spells it (`options.algorithm`), never a TypeError from deep
// inside, a silent default or a lookup on Object.prototype ("toString" as a model name).

import { TreatylabError } from "./errors.js";

const show = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : String(v));

/**
 * `options` itself: an object, or undefined for the defaults (null is refused: it is the usual
 * mistake of passing a missing value through).
 *
 * @example
 * ```ts
 * import { checkOptionsObject } from "./optionChecks.js";
 * checkOptionsObject({ rounds: 5 }, "simulate"); // { rounds: 5 }
 * checkOptionsObject(undefined, "simulate"); // {}
 * checkOptionsObject(JSON.parse("null"), "simulate"); // throws: simulate's options are null; expected an object (or none)
 * ```
 */
export function checkOptionsObject<T extends object>(options: T | undefined, verb: string): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new TreatylabError(
      `${verb}'s options are ${Array.isArray(options) ? "an array" : show(options)}; expected an object (or none)`,
    );
  return options;
}

/**
 * An option that is one of a list of names (undefined passes, for the default): compared with the
 * list, so no property of Object.prototype passes.
 *
 * @example
 * ```ts
 * import { checkOneOf } from "./optionChecks.js";
 * checkOneOf("frontier", ["auto", "enumerate", "frontier"], "options.algorithm"); // "frontier"
 * checkOneOf("fast", ["auto", "enumerate", "frontier"], "options.algorithm"); // throws: options.algorithm is "fast"; expected one of ...
 * ```
 */
export function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined || (allowed as readonly unknown[]).includes(value)) return value as T | undefined;
  throw new TreatylabError(`${name} is ${show(value)}; expected one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
}

/**
 * An option that is a whole number from `min` to `max` (undefined passes, for the default).
 *
 * @example
 * ```ts
 * import { checkInteger } from "./optionChecks.js";
 * checkInteger(3, "options.alternatives", 0); // 3
 * checkInteger(-3, "options.alternatives", 0); // throws: options.alternatives is -3; expected an integer >= 0
 * ```
 */
export function checkInteger(value: unknown, name: string, min: number, max?: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= min && (max === undefined || value <= max))
    return value;
  throw new TreatylabError(
    `${name} is ${show(value)}; expected an integer ${max === undefined ? `>= ${min}` : `from ${min} to ${max}`}`,
  );
}
