import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deepFreeze } from "../../src/model/deepFreeze.js";

/** Plain data: numbers, strings, null, arrays (some sparse) and objects, nested. */
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fc.double(),
    fc.string(),
    fc.constant(null),
    fc.array(tie("node"), { maxLength: 4 }),
    fc.sparseArray(tie("node"), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie("node"), { maxKeys: 4 }),
  ),
})).node;

/** Brute force: every object reachable through own enumerable keys. */
function objects(v: unknown): object[] {
  if (v === null || typeof v !== "object") return [];
  return [v, ...Object.values(v).flatMap(objects)];
}

describe("deepFreeze", () => {
  it("freezes every object reachable in plain data, arrays (sparse ones too) and objects alike, and returns it", () => {
    fc.assert(
      fc.property(value, (v) => {
        const copy = structuredClone(v);
        expect(deepFreeze(copy)).toBe(copy);
        expect(objects(copy).every((o) => Object.isFrozen(o))).toBe(true);
        expect(copy).toEqual(v);
      }),
      { numRuns: 500 },
    );
  });
});
