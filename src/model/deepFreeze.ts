/**
 * Recursively freezes a plain-data value and returns it (typed as deeply readonly).
 *
 * @example
 * ```ts
 * const s = deepFreeze({ a: [1, 2] });
 * Object.isFrozen(s.a); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Own enumerable keys (as Object.keys), without building the array; primitives are not visited.
    for (const key in value)
      if (Object.hasOwn(value, key)) {
        const x: unknown = (value as Record<string, unknown>)[key];
        if (x !== null && typeof x === "object") deepFreeze(x);
      }
  }
  return value;
}
