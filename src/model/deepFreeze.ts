// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Recursively freezes a plain-data value and returns it (typed as deeply readonly). Arrays are
 * walked by index (their elements; plain data puts no other keys on an array).
 *
 * @example
 * ```ts
 * const s = deepFreeze({ a: [1, 2] });
 * Object.isFrozen(s.a); // true
 * ```
 */
export const deepFreeze = (function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) {
      // By index: `for...in` would make a string of every index (a frontier has 518,548 of them).
      // Plain data has no other own keys on an array.
      for (let i = 0; i < value.length; i++) {
        const x: unknown = value[i];
        if (x !== null && typeof x === "object") deepFreeze(x);
      }
      return value;
    }
    // Own enumerable keys (as Object.keys), without building the array; primitives are not visited.
    for (const key in value)
      if (Object.hasOwn(value, key)) {
        const x: unknown = (value as Record<string, unknown>)[key];
        if (x !== null && typeof x === "object") deepFreeze(x);
      }
  }
  return value;
});

/**
 * True when a plain-data value and everything it holds is frozen, so that what is computed from
 * it (a check, a cached timeline) stays true.
 *
 * @example
 * ```ts
 * import { deepFreeze, isDeepFrozen } from "./deepFreeze.js";
 * isDeepFrozen(deepFreeze({ a: [1, 2] })); // true
 * isDeepFrozen(Object.freeze({ a: [1, 2] })); // false: the array is not frozen
 * ```
 */
export function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  if (!Object.isFrozen(value)) return false;
  for (const key of Object.keys(value)) if (!isDeepFrozen((value as Record<string, unknown>)[key])) return false;
  return true;
}
