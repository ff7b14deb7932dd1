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
export function checkOptionsObject<T extends object>(options: T | undefined, verb: string, noun = "options"): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new TreatylabError(
      `${verb}'s ${noun} ${noun === "options" ? "are" : "is"} ${Array.isArray(options) ? "an array" : show(options)}; expected an object${noun === "options" ? " (or none)" : ""}`,
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
 * An option that is a number of at least `min`: finite unless `infinite` allows Infinity (a
 * budget or cap that may be switched off). Undefined passes, for the default.
 *
 * @example
 * ```ts
 * import { checkNumber } from "./optionChecks.js";
 * checkNumber(Infinity, "options.maxCandidates", 1, { infinite: true }); // Infinity
 * checkNumber(-1, "options.maxOutcomes", 1); // throws: options.maxOutcomes is -1; expected a finite number >= 1
 * ```
 */
export function checkNumber(
  value: unknown,
  name: string,
  min: number,
  options: { readonly infinite?: boolean } = {},
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && value >= min && (options.infinite || Number.isFinite(value))) return value;
  throw new TreatylabError(
    `${name} is ${show(value)}; expected ${options.infinite ? "a number" : "a finite number"} >= ${min}${options.infinite ? " (or Infinity)" : ""}`,
  );
}

/**
 * A seed: a non-empty string, or with `numbers` also a finite number (written as text: 7 is "7").
 * Same seed, same result.
 *
 * @example
 * ```ts
 * import { checkSeed } from "./optionChecks.js";
 * checkSeed(7, "options.seed", { numbers: true }); // "7"
 * checkSeed("", "options.seed"); // throws: options.seed is ""; expected a non-empty string (the same seed gives the same result)
 * ```
 */
export function checkSeed(value: unknown, name: string, options: { readonly numbers?: boolean } = {}): string {
  if (typeof value === "string" && value !== "") return value;
  if (options.numbers && typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new TreatylabError(
    `${name} is ${show(value)}; expected a non-empty string${options.numbers ? " or a number" : ', e.g. "42"'} (the same seed gives the same result)`,
  );
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
