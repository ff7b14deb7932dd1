/**
 * The scenario format's structure as plain data, and a checker for it that needs no schema library.
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

const FAIL: unique symbol = Symbol("mismatch");
const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const regexes = new Map<string, RegExp>();

// Filled while a failure unwinds: the keys from the failing node up (reversed at the top).
let failPath: PropertyKey[] = [];
let failExpected = "";

function fail(expected: string): typeof FAIL {
  failPath = [];
  failExpected = expected;
  return FAIL;
}

function isRecordLike(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The value as zod's parse returns it (objects with their fields in schema order), or FAIL. */
// Parenthesised, hence prettier-ignore: V8 compiles a parenthesised function when the module loads
// (not on its first call), so a first analysis does not pay for it (issue 18; docs/benchmarks.md).
// prettier-ignore
const parse = (function parse(shape: Shape, v: unknown): unknown {
  switch (shape.t) {
    case "string": {
      if (typeof v !== "string") return fail("a string");
      if (shape.max !== undefined && v.length > shape.max) return fail(`a string of at most ${shape.max} characters`);
      if (shape.min !== undefined && v.length < shape.min) return fail(`a string of at least ${shape.min} characters`);
      if (shape.pattern !== undefined) {
        let re = regexes.get(shape.pattern);
        if (!re) regexes.set(shape.pattern, (re = new RegExp(shape.pattern)));
        if (!re.test(v)) return fail(`a string matching /${shape.pattern}/`);
      }
      if (shape.not?.includes(v)) return fail(`a string other than ${shape.not.join(", ")}`);
      return v;
    }
    case "number":
      if (typeof v !== "number" || !Number.isFinite(v)) return fail("a finite number");
      if (
        (shape.gt !== undefined && !(v > shape.gt)) ||
        (shape.ge !== undefined && !(v >= shape.ge)) ||
        (shape.lt !== undefined && !(v < shape.lt)) ||
        (shape.le !== undefined && !(v <= shape.le))
      )
        return fail(
          `a number${shape.gt !== undefined ? ` > ${shape.gt}` : ""}${shape.ge !== undefined ? ` >= ${shape.ge}` : ""}${shape.lt !== undefined ? ` < ${shape.lt}` : ""}${shape.le !== undefined ? ` <= ${shape.le}` : ""}`,
        );
      return v;
    case "boolean":
      return typeof v === "boolean" ? v : fail("a boolean");
    case "literal":
      return typeof v === "string" && shape.values.includes(v)
        ? v
        : fail(`one of ${shape.values.map((x) => JSON.stringify(x)).join(", ")}`);
    case "optional":
      return v === undefined ? v : parse(shape.inner, v);
    case "object": {
      if (!isRecordLike(v)) return fail("an object");
      const out: Record<string, unknown> = {};
      let present = 0;
      for (const key in shape.fields) {
        const field = shape.fields[key]!;
        if (!has(v, key)) {
          if (field.t === "optional") continue;
          failPath = [key];
          failExpected = "present";
          return FAIL;
        }
        present++;
        const r = parse(field, v[key]);
        if (r === FAIL) return (failPath.push(key), FAIL);
        out[key] = r;
      }
      if (Object.keys(v).length !== present) {
        const unknown = Object.keys(v).find((k) => !has(shape.fields, k))!;
        failPath = [unknown];
        failExpected = "only the fields of the scenario format";
        return FAIL;
      }
      return out;
    }
    case "record": {
      if (!isRecordLike(v)) return fail("an object");
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        if (key === "__proto__" || parse(shape.key, key) === FAIL) {
          failPath = [key];
          failExpected = "a valid key";
          return FAIL;
        }
        const r = parse(shape.value, v[key]);
        if (r === FAIL) return (failPath.push(key), FAIL);
        out[key] = r;
      }
      return out;
    }
    case "array": {
      if (!Array.isArray(v)) return fail("an array");
      if (shape.min !== undefined && v.length < shape.min) return fail(`an array of at least ${shape.min} items`);
      const out: unknown[] = new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        const r = parse(shape.item, v[i]);
        if (r === FAIL) return (failPath.push(i), FAIL);
        out[i] = r;
      }
      return out;
    }
    case "tuple": {
      if (!Array.isArray(v) || v.length !== shape.items.length) return fail(`an array of ${shape.items.length} items`);
      const out: unknown[] = new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        const r = parse(shape.items[i]!, v[i]);
        if (r === FAIL) return (failPath.push(i), FAIL);
        out[i] = r;
      }
      return out;
    }
    case "union":
      for (const option of shape.options) {
        const r = parse(option, v);
        if (r !== FAIL) return r;
      }
      return fail("one of the allowed shapes (see the JSON Schema from `treatylab schema`)");
  }
});

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
export function matchShape<T>(
  shape: TypedShape<T>,
  value: unknown,
): { readonly ok: true; readonly value: T } | ({ readonly ok: false } & ShapeMismatch) {
  const r = parse(shape, value);
  if (r !== FAIL) return { ok: true, value: r as T };
  return { ok: false, path: failPath.reverse(), expected: failExpected };
}
