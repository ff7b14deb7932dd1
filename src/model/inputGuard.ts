/**
 * Structural limits checked on untrusted input before anything else reads it, so that hostile
 * data (deep nesting, cycles, BigInt, huge keys or strings, numbers beyond exact arithmetic)
 * gives one {@link ScenarioError} instead of a stack overflow or a TypeError.
 * @module
 */
import { ScenarioError } from "./errors.js";
import { jsonPath } from "./jsonPath.js";
import { quote } from "./quote.js";

/**
 * The structural limits of input data (see docs/limits.md).
 * @example
 * ```ts
 * import { checkInputData, INPUT_LIMITS } from "./inputGuard.js";
 * let deep: unknown = 0;
 * for (let i = 0; i <= INPUT_LIMITS.maxDepth; i++) deep = [deep]; // 65 levels
 * checkInputData(deep); // throws "$[0][0][0][0][0][0]…: is nested more than 64 levels deep; expected at most 64 ..."
 * ```
 */
export const INPUT_LIMITS = {
  /** Deepest nesting of arrays and objects (a scenario needs fewer than 12 levels). */
  maxDepth: 64,
  /** Longest object key, in characters. */
  maxKeyLength: 1_000,
  /** Longest string value, in characters. */
  maxStringLength: 1_000_000,
  /** Largest magnitude of a number in a scenario: beyond it sums of values lose exactness or overflow. */
  maxMagnitude: 1e15,
} as const;

/**
 * Options of {@link checkInputData}.
 * @example
 * ```ts
 * import { checkInputData, type InputGuardOptions } from "./inputGuard.js";
 * const o: InputGuardOptions = { numbers: true };
 * checkInputData({ x: 1e16 }); // passes: numbers are not checked by default
 * checkInputData({ x: 1e16 }, o); // throws "$.x: is 10000000000000000, too large for exact arithmetic; ..."
 * ```
 */
export interface InputGuardOptions {
  /** Also refuse numbers of magnitude above `INPUT_LIMITS.maxMagnitude` (scenarios). */
  readonly numbers?: boolean;
}

function kindOf(v: object): string {
  const name = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name ? `a ${name} object` : "an object";
}

/**
 * Walks untrusted data iteratively (no recursion, so any depth is safe) and throws one
 * {@link ScenarioError} at the first value that is not plain JSON data or breaks a limit of
 * {@link INPUT_LIMITS}: nesting deeper than `maxDepth`, a cycle, a BigInt, function or symbol,
 * an object that is not a plain object or array, a key or string too long, and with
 * `numbers: true` a number of magnitude above `maxMagnitude`.
 *
 * @example
 * ```ts
 * import { checkInputData } from "./inputGuard.js";
 * checkInputData(JSON.parse('{"a": [1, 2]}')); // plain JSON data: returns
 * checkInputData({ n: 10n }); // throws ScenarioError: $.n: is a BigInt ("10n"); expected a JSON number ...
 * ```
 */
export function checkInputData(input: unknown, options: InputGuardOptions = {}): void {
  const L = INPUT_LIMITS;
  // Explicit stack of [value, path, depth]; `onPath` holds the ancestors of the node visited (cycle check).
  type Frame = { value: unknown; path: PropertyKey[]; depth: number; exit?: true };
  const stack: Frame[] = [{ value: input, path: [], depth: 0 }];
  const onPath = new Set<object>();
  while (stack.length > 0) {
    const f = stack.pop()!;
    const v = f.value;
    if (f.exit) {
      onPath.delete(v as object);
      continue;
    }
    const at = (): string => jsonPath(f.path);
    switch (typeof v) {
      case "bigint":
        throw new ScenarioError(at(), `is a BigInt (${quote(v)})`, "a JSON number (convert it with Number(...))");
      case "function":
      case "symbol":
        throw new ScenarioError(at(), `is a ${typeof v}`, "plain JSON data");
      case "string":
        if (v.length > L.maxStringLength)
          throw new ScenarioError(
            at(),
            `is a string of ${v.length} characters`,
            `at most ${L.maxStringLength} characters`,
          );
        continue;
      case "number":
        if (options.numbers && Math.abs(v) > L.maxMagnitude)
          throw new ScenarioError(
            at(),
            `is ${v}, too large for exact arithmetic`,
            `a number of magnitude at most 1e15 (rescale: only ratios of values and weights matter)`,
          );
        continue;
      case "object":
        break;
      default:
        continue;
    }
    if (v === null) continue;
    if (onPath.has(v))
      throw new ScenarioError(
        at(),
        "refers back to an enclosing object (a cycle)",
        "plain JSON data, which has no cycles",
      );
    if (f.depth >= L.maxDepth)
      throw new ScenarioError(
        `${jsonPath(f.path.slice(0, 6))}…`,
        `is nested more than ${L.maxDepth} levels deep`,
        `at most ${L.maxDepth} levels of arrays and objects`,
      );
    const isArray = Array.isArray(v);
    const proto = Object.getPrototypeOf(v);
    if (!isArray && proto !== Object.prototype && proto !== null)
      throw new ScenarioError(
        at(),
        `is ${kindOf(v)}`,
        "plain JSON data (objects, arrays, strings, numbers, booleans, null)",
      );
    onPath.add(v);
    stack.push({ value: v, path: f.path, depth: f.depth, exit: true });
    if (isArray) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...f.path, i], depth: f.depth + 1 });
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        if (k.length > L.maxKeyLength)
          throw new ScenarioError(
            jsonPath(f.path),
            `has a key of ${k.length} characters (${quote(k)})`,
            `keys of at most ${L.maxKeyLength} characters`,
          );
        stack.push({ value: (v as Record<string, unknown>)[k], path: [...f.path, k], depth: f.depth + 1 });
      }
    }
  }
}
