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
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
