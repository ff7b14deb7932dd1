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

// Parenthesised, hence prettier-ignore: V8 compiles a parenthesised function when the module loads
// (not on its first call), so a first analysis does not pay for it (issue 18; docs/benchmarks.md).
// prettier-ignore
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
export const checkInputData = (function checkInputData(input: unknown, options: InputGuardOptions = {}): void {
  // Fast path: a recursive walk that allocates nothing and only tells whether anything is wrong
  // (valid input, the common case). Only then does the walk below run, for the first error.
  if (plainData(input, options.numbers === true, 0)) return;
  const L = INPUT_LIMITS;
  // Explicit stack of frames; a frame's path is its key and its parent's path, built only for an
  // error (a valid input, the common case, copies no paths: first-call time, issue 18). `onPath`
  // holds the ancestors of the node visited (cycle check).
  const stack: Frame[] = [{ value: input, key: undefined, parent: null, depth: 0, exit: false }];
  const onPath = new Set<object>();
  while (stack.length > 0) {
    const f = stack.pop()!;
    const v = f.value;
    if (f.exit) {
      onPath.delete(v as object);
      continue;
    }
    switch (typeof v) {
      case "bigint":
      case "function":
      case "symbol":
        return refuse(f, v, options);
      case "string":
        if (v.length > L.maxStringLength) return refuse(f, v, options);
        continue;
      case "number":
        if (options.numbers && Math.abs(v) > L.maxMagnitude) return refuse(f, v, options);
        continue;
      case "object":
        break;
      default:
        continue;
    }
    if (v === null) continue;
    const isArray = Array.isArray(v);
    if (onPath.has(v) || f.depth >= L.maxDepth) return refuse(f, v, options);
    if (!isArray) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return refuse(f, v, options);
    }
    onPath.add(v);
    stack.push({ value: v, key: f.key, parent: f.parent, depth: f.depth, exit: true });
    const depth = f.depth + 1;
    if (isArray) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: f, depth, exit: false });
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        if (k.length > L.maxKeyLength) return refuse(f, v, options, k);
        stack.push({ value: (v as Record<string, unknown>)[k], key: k, parent: f, depth, exit: false });
      }
    }
  }
});

/** The ancestors of the value {@link plainData} visits (cycle check; at most maxDepth of them). */
const ancestors: (object | null)[] = [];

/**
 * True when `v` passes every check of {@link checkInputData} (`depth`: its nesting level). The
 * recursion stops at INPUT_LIMITS.maxDepth levels, so it cannot overflow the stack.
 */
// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
const plainData = (function plainData(v: unknown, numbers: boolean, depth: number): boolean {
  switch (typeof v) {
    case "bigint":
    case "function":
    case "symbol":
      return false;
    case "string":
      return v.length <= INPUT_LIMITS.maxStringLength;
    case "number":
      return !numbers || !(Math.abs(v) > INPUT_LIMITS.maxMagnitude);
    case "object":
      break;
    default:
      return true;
  }
  if (v === null) return true;
  if (depth >= INPUT_LIMITS.maxDepth) return false;
  for (let i = 0; i < depth; i++) if (ancestors[i] === v) return false;
  const isArray = Array.isArray(v);
  if (!isArray) {
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
  }
  ancestors[depth] = v;
  let ok = true;
  if (isArray) {
    for (let i = 0; ok && i < v.length; i++) ok = plainData(v[i], numbers, depth + 1);
  } else {
    const o = v as Record<string, unknown>;
    for (const k in o) {
      if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
      if (k.length > INPUT_LIMITS.maxKeyLength || !plainData(o[k], numbers, depth + 1)) {
        ok = false;
        break;
      }
    }
  }
  ancestors[depth] = null;
  return ok;
});

/** A value to visit (or, `exit`, to leave) and where it is: its key in its parent's frame. */
interface Frame {
  readonly value: unknown;
  readonly key: PropertyKey | undefined;
  readonly parent: Frame | null;
  readonly depth: number;
  readonly exit: boolean;
}

function pathOf(f: Frame): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let g: Frame | null = f; g !== null && g.key !== undefined; g = g.parent) path.push(g.key);
  return path.reverse();
}

/** Throws the error of a value `checkInputData` refuses (`longKey`: the key too long, of object `v`). */
function refuse(f: Frame, v: unknown, options: InputGuardOptions, longKey?: string): never {
  const L = INPUT_LIMITS;
  const path = pathOf(f);
  const at = jsonPath(path);
  if (longKey !== undefined)
    throw new ScenarioError(
      at,
      `has a key of ${longKey.length} characters (${quote(longKey)})`,
      `keys of at most ${L.maxKeyLength} characters`,
    );
  switch (typeof v) {
    case "bigint":
      throw new ScenarioError(at, `is a BigInt (${quote(v)})`, "a JSON number (convert it with Number(...))");
    case "function":
    case "symbol":
      throw new ScenarioError(at, `is a ${typeof v}`, "plain JSON data");
    case "string":
      throw new ScenarioError(at, `is a string of ${v.length} characters`, `at most ${L.maxStringLength} characters`);
    case "number":
      if (options.numbers)
        throw new ScenarioError(
          at,
          `is ${v}, too large for exact arithmetic`,
          `a number of magnitude at most 1e15 (rescale: only ratios of values and weights matter)`,
        );
  }
  const seen = new Set<object>();
  for (let g = f.parent; g !== null; g = g.parent) seen.add(g.value as object);
  if (seen.has(v as object))
    throw new ScenarioError(at, "refers back to an enclosing object (a cycle)", "plain JSON data, which has no cycles");
  if (f.depth >= L.maxDepth)
    throw new ScenarioError(
      `${jsonPath(path.slice(0, 6))}…`,
      `is nested more than ${L.maxDepth} levels deep`,
      `at most ${L.maxDepth} levels of arrays and objects`,
    );
  throw new ScenarioError(
    at,
    `is ${kindOf(v as object)}`,
    "plain JSON data (objects, arrays, strings, numbers, booleans, null)",
  );
}
