/**
 * The scenario format's structure as plain data, and a checker for it that needs no schema library.
 * A value the checker accepts is also plain data within the input limits (what
 * `checkInputData(value, { numbers: true })` of inputGuard.ts accepts), so a valid scenario is
 * walked once, not twice (issue 18).
 * The data (`SCENARIO_SHAPE`, in scenarioShapeData.ts) is generated from the zod schema of
 * schema.ts by `scripts/scenario-shape.ts`, and a test checks that it is still what the schema
 * gives, so the format is defined in one place (schema.ts). `validateScenario` checks a scenario
 * here first: a valid one never loads or runs zod (start-up and first-call time, issue 18). Only an
 * invalid one is described by zod, for its exact message.
 * @module
 */

/**
 * One node of the structure: what zod's schema node accepts, as data. `optional` also accepts
 * `undefined`; an `object` accepts only its own fields; a `record` any keys its `key` accepts.
 *
 * @example
 * ```ts
 * import type { Shape } from "./shape.js";
 * const reservation: Shape = { t: "number", ge: 0, le: 1 };
 * ```
 */
export type Shape =
  | {
      readonly t: "string";
      readonly min?: number;
      readonly max?: number;
      readonly pattern?: string;
      readonly not?: readonly string[];
    }
  | { readonly t: "number"; readonly gt?: number; readonly ge?: number; readonly lt?: number; readonly le?: number }
  | { readonly t: "boolean" }
  | { readonly t: "literal"; readonly values: readonly string[] }
  | { readonly t: "object"; readonly fields: Readonly<Record<string, Shape>> }
  | { readonly t: "array"; readonly item: Shape; readonly min?: number }
  | { readonly t: "tuple"; readonly items: readonly Shape[] }
  | { readonly t: "record"; readonly key: Shape; readonly value: Shape }
  | { readonly t: "union"; readonly options: readonly Shape[] }
  | { readonly t: "optional"; readonly inner: Shape };

/**
 * A Shape that stands for the values of type `T` (those it accepts are `T`s: for the scenario's,
 * test/model/scenarioShape.test.ts checks that they are what the zod schema of that type returns).
 *
 * @example
 * ```ts
 * import type { TypedShape } from "./shape.js";
 * const unit: TypedShape<number> = { t: "number", ge: 0, le: 1 };
 * ```
 */
export type TypedShape<T> = Shape & { readonly __type?: T };

/**
 * Where a value first failed to match, and what was expected there.
 *
 * @example
 * ```ts
 * import { matchShape, type ShapeMismatch } from "./shape.js";
 * const m = matchShape({ t: "number", ge: 0 }, -1);
 * if (!m.ok) { const where: ShapeMismatch = m; } // { path: [], expected: "a number >= 0" }
 * ```
 */
export interface ShapeMismatch {
  readonly path: readonly PropertyKey[];
  readonly expected: string;
}

import { INPUT_LIMITS } from "./inputGuard.js";

const FAIL: unique symbol = Symbol("mismatch");
const MAX_MAGNITUDE = INPUT_LIMITS.maxMagnitude;
const MAX_KEY_LENGTH = INPUT_LIMITS.maxKeyLength;
// prettier-ignore
const has = (function has(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
});
// An object's field is present when it is an own enumerable property, as the input guard and
// `Object.keys` see fields: a non-enumerable field would be read here but counted nowhere, so an
// extra field beside it would pass unread (found in review).
// prettier-ignore
const hasField = (function hasField(o: object, k: string): boolean {
  return Object.prototype.propertyIsEnumerable.call(o, k);
});

// Filled while a failure unwinds: the keys from the failing node up (reversed at the top).
let failPath: PropertyKey[] = [];
let failExpected = "";

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
const fail = (function fail(expected: string): typeof FAIL {
  failPath = [];
  failExpected = expected;
  return FAIL;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/** A plain object (prototype Object.prototype or null), as inputGuard.ts's walk accepts. */
const isRecordLike = (function isRecordLike(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/** Object.keys(v).length, without building the array. */
const ownKeyCount = (function ownKeyCount(v: object): number {
  let n = 0;
  for (const key in v) if (has(v, key)) n++;
  return n;
});

/** A compiled {@link Shape} node: the value as zod's parse returns it (objects with their fields in schema order), or FAIL. */
type Parser = (v: unknown) => unknown;

/** Parsers by shape node, built on first use (the scenario's once per process). */
const parsers = new WeakMap<Shape, Parser>();

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
const parserOf = (function parserOf(shape: Shape): Parser {
  let f = parsers.get(shape);
  if (!f) parsers.set(shape, (f = compile(shape)));
  return f;
});

/**
 * A node's parser: what its case of a generic walk would do, with the node's fields read, its
 * pattern compiled and its children's parsers looked up once, here, instead of on every value
 * (validation of every new scenario object, issue 18). Shapes are trees (no cycles).
 */
// Parenthesised (with the parsers it returns), hence prettier-ignore: V8 compiles a parenthesised
// function when the module loads, not on its first call, so a first validation does not pay for
// them (issue 18; docs/benchmarks.md "First call").
// prettier-ignore
const compile = (function compile(shape: Shape): Parser {
  switch (shape.t) {
    case "string": {
      const { min, pattern, not } = shape;
      // The input limit on strings too (a shape's own bound is always lower).
      const max = Math.min(shape.max ?? Infinity, INPUT_LIMITS.maxStringLength);
      const re = pattern === undefined ? undefined : new RegExp(pattern);
      return (function stringParser(v: unknown): unknown {
        if (typeof v !== "string") return fail("a string");
        if (v.length > max) return fail(`a string of at most ${max} characters`);
        if (min !== undefined && v.length < min) return fail(`a string of at least ${min} characters`);
        if (re !== undefined && !re.test(v)) return fail(`a string matching /${pattern}/`);
        if (not?.includes(v)) return fail(`a string other than ${not.join(", ")}`);
        return v;
      });
    }
    case "number": {
      const { gt, ge, lt, le } = shape;
      return (function numberParser(v: unknown): unknown {
        // Finite and within the input limit's magnitude, in two comparisons (false for NaN).
        if (typeof v !== "number" || !(v <= MAX_MAGNITUDE && v >= -MAX_MAGNITUDE))
          return fail(
            typeof v === "number" && Number.isFinite(v) ? `a number of magnitude at most ${MAX_MAGNITUDE}` : "a finite number",
          );
        if (
          (gt !== undefined && !(v > gt)) ||
          (ge !== undefined && !(v >= ge)) ||
          (lt !== undefined && !(v < lt)) ||
          (le !== undefined && !(v <= le))
        )
          return fail(
            `a number${gt !== undefined ? ` > ${gt}` : ""}${ge !== undefined ? ` >= ${ge}` : ""}${lt !== undefined ? ` < ${lt}` : ""}${le !== undefined ? ` <= ${le}` : ""}`,
          );
        return v;
      });
    }
    case "boolean":
      return (function booleanParser(v: unknown): unknown {
        return typeof v === "boolean" ? v : fail("a boolean");
      });
    case "literal": {
      const values = shape.values;
      return (function literalParser(v: unknown): unknown {
        return typeof v === "string" && values.includes(v)
          ? v
          : fail(`one of ${values.map((x) => JSON.stringify(x)).join(", ")}`);
      });
    }
    case "optional": {
      const inner = parserOf(shape.inner);
      return (function optionalParser(v: unknown): unknown {
        return v === undefined ? v : inner(v);
      });
    }
    case "object": {
      const fields = shape.fields;
      const keys: string[] = [];
      const optional: boolean[] = [];
      const parse: Parser[] = [];
      for (const key in fields) {
        keys.push(key);
        optional.push(fields[key]!.t === "optional");
        parse.push(parserOf(fields[key]!));
      }
      return (function objectParser(v: unknown): unknown {
        if (!isRecordLike(v)) return fail("an object");
        const out: Record<string, unknown> = {};
        let present = 0;
        for (let f = 0; f < keys.length; f++) {
          const key = keys[f]!;
          if (!hasField(v, key)) {
            if (optional[f]) continue;
            failPath = [key];
            failExpected = "present";
            return FAIL;
          }
          present++;
          const r = parse[f]!(v[key]);
          if (r === FAIL) return (failPath.push(key), FAIL);
          out[key] = r;
        }
        if (ownKeyCount(v) !== present) {
          const unknown = Object.keys(v).find((k) => !has(fields, k))!;
          failPath = [unknown];
          failExpected = "only the fields of the scenario format";
          return FAIL;
        }
        return out;
      });
    }
    case "record": {
      const key = parserOf(shape.key);
      const value = parserOf(shape.value);
      return (function recordParser(v: unknown): unknown {
        if (!isRecordLike(v)) return fail("an object");
        const out: Record<string, unknown> = {};
        // Own enumerable keys in Object.keys order, without building that array.
        for (const k in v) {
          if (!has(v, k)) continue;
          if (k === "__proto__" || k.length > MAX_KEY_LENGTH || key(k) === FAIL) {
            failPath = [k];
            failExpected = "a valid key";
            return FAIL;
          }
          const r = value(v[k]);
          if (r === FAIL) return (failPath.push(k), FAIL);
          out[k] = r;
        }
        return out;
      });
    }
    case "array": {
      const item = parserOf(shape.item);
      const min = shape.min;
      return (function arrayParser(v: unknown): unknown {
        if (!Array.isArray(v)) return fail("an array");
        if (min !== undefined && v.length < min) return fail(`an array of at least ${min} items`);
        const out: unknown[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const r = item(v[i]);
          if (r === FAIL) return (failPath.push(i), FAIL);
          out[i] = r;
        }
        return out;
      });
    }
    case "tuple": {
      const items = shape.items.map(parserOf);
      return (function tupleParser(v: unknown): unknown {
        if (!Array.isArray(v) || v.length !== items.length) return fail(`an array of ${items.length} items`);
        const out: unknown[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const r = items[i]!(v[i]);
          if (r === FAIL) return (failPath.push(i), FAIL);
          out[i] = r;
        }
        return out;
      });
    }
    case "union": {
      const options = shape.options.map(parserOf);
      return (function unionParser(v: unknown): unknown {
        for (const option of options) {
          const r = option(v);
          if (r !== FAIL) return r;
        }
        return fail("one of the allowed shapes (see the JSON Schema from `treatylab schema`)");
      });
    }
  }
});

/**
 * Builds the parser of a shape now (it is otherwise built on the first {@link matchShape} with it):
 * a module that checks values of a fixed shape builds it when it loads, so that the first check
 * does not pay for it (the scenario format's: about 0.6 ms, a fifth of a first analysis; issue 18).
 *
 * @example
 * ```ts
 * import { prepareShape } from "./shape.js";
 * prepareShape({ t: "array", item: { t: "number", ge: 0 } });
 * ```
 */
export function prepareShape(shape: Shape): void {
  parserOf(shape);
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Checks `value` against `shape`. On a match, returns a fresh copy of it as zod's `parse` would
 * (objects list their fields in the schema's order, records keep theirs); otherwise where it first
 * failed to match. The result is the same as zod's on every input zod accepts (a test compares them
 * on random scenarios and mutations of them).
 *
 * @example
 * ```ts
 * import { matchShape } from "./shape.js";
 * matchShape({ t: "number", ge: 0, le: 1 }, 0.5); // { ok: true, value: 0.5 }
 * ```
 */
export const matchShape = (function matchShape<T>(
  shape: TypedShape<T>,
  value: unknown,
): { readonly ok: true; readonly value: T } | ({ readonly ok: false } & ShapeMismatch) {
  const r = parserOf(shape)(value);
  if (r !== FAIL) return { ok: true, value: r as T };
  return { ok: false, path: failPath.reverse(), expected: failExpected };
});
