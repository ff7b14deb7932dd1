/**
 * The guard at the boundary of the engine: no NaN or Infinity leaves it.
 * @module
 */
import { jsonPath } from "./jsonPath.js";

/** Whether `value` holds a non-finite number anywhere inside (no paths kept; only objects recursed into, except `checked` ones). */
function hasNonFinite(value: unknown, checked: ReadonlySet<object> | undefined): boolean {
  if (typeof value === "number") return !Number.isFinite(value);
  if (value === null || typeof value !== "object" || checked?.has(value) === true) return false;
  // Own enumerable values, as Object.entries gives them to the path finder below.
  const xs: ArrayLike<unknown> = Array.isArray(value)
    ? value
    : ArrayBuffer.isView(value)
      ? Array.from(value as unknown as ArrayLike<number>)
      : Object.values(value);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x === "number" ? !Number.isFinite(x) : typeof x === "object" && x !== null && hasNonFinite(x, checked))
      return true;
  }
  return false;
}

/** The JSON path of the first non-finite number in `value` (the same walk, keeping paths: only on failure). */
function nonFinitePath(value: unknown): { path: PropertyKey[]; v: number } | null {
  const stack: { v: unknown; path: PropertyKey[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return { path, v };
    } else if (v !== null && typeof v === "object") {
      if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
      else if (ArrayBuffer.isView(v))
        Array.from(v as unknown as ArrayLike<number>).forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
      else for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: [...path, k] });
    }
  }
  return null;
}

/**
 * Throws when `value` holds a number that is NaN or infinite anywhere inside (walked
 * iteratively); returns `value` otherwise. Validation refuses the inputs that could overflow
 * (docs/limits.md), so this failing is a bug: it throws a plain `Error` (CLI exit 1, "internal
 * error") naming where, never a result with NaN. The path is worked out only when it throws.
 * Objects in `checked` are not walked: the caller has checked their numbers already (as `analyze`
 * does for a large frontier's utilities, in one typed array).
 *
 * @example
 * ```ts
 * import { assertFinite } from "./finite.js";
 * assertFinite({ u: [0.5, 0.7] }, "analysis"); // returns it: { u: [0.5, 0.7] }
 * assertFinite({ u: [NaN] }, "analysis"); // throws Error("analysis: $.u[0] is NaN; a non-finite number ...")
 * const frontier = [{ u: 0.5 }];
 * assertFinite({ frontier, n: 1 }, "analysis", new Set([frontier])); // returns it without walking frontier
 * ```
 */
export function assertFinite<T>(value: T, what: string, checked?: ReadonlySet<object>): T {
  if (!hasNonFinite(value, checked)) return value;
  const at = nonFinitePath(value);
  throw new Error(
    `${what}: ${jsonPath(at?.path ?? [])} is ${at?.v ?? "not finite"}; a non-finite number must never leave the engine (please report this with the scenario)`,
  );
}
