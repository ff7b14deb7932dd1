/**
 * The guard at the boundary of the engine: no NaN or Infinity leaves it.
 * @module
 */
import { jsonPath } from "./jsonPath.js";

/**
 * Throws when `value` holds a number that is NaN or infinite anywhere inside (walked
 * iteratively); returns `value` otherwise. Validation refuses the inputs that could overflow
 * (docs/limits.md), so this failing is a bug: it throws a plain `Error` (CLI exit 1, "internal
 * error") naming where, never a result with NaN.
 *
 * @example
 * ```ts
 * import { assertFinite } from "./finite.js";
 * assertFinite({ u: [0.5, 0.7] }, "analysis"); // returns it: { u: [0.5, 0.7] }
 * assertFinite({ u: [NaN] }, "analysis"); // throws Error("analysis: $.u[0] is NaN; a non-finite number ...")
 * ```
 */
export function assertFinite<T>(value: T, what: string): T {
  const stack: { v: unknown; path: PropertyKey[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === "number") {
      if (!Number.isFinite(v))
        throw new Error(
          `${what}: ${jsonPath(path)} is ${v}; a non-finite number must never leave the engine (please report this with the scenario)`,
        );
    } else if (v !== null && typeof v === "object") {
      if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
      else if (ArrayBuffer.isView(v))
        Array.from(v as unknown as ArrayLike<number>).forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
      else for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: [...path, k] });
    }
  }
  return value;
}
