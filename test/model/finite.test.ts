import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertFinite } from "../../src/model/finite.js";

/** Plain data as the engine returns it, with numbers that may be NaN or infinite. */
const num = fc.oneof(
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 9 },
  { arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), weight: 1 },
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    num,
    fc.string(),
    fc.constant(null),
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie("node"), { maxKeys: 4 }),
    fc.array(num, { maxLength: 3 }).map((xs) => Float64Array.from(xs)),
  ),
})).node;

/** Brute force: every number inside, found by JSON-like recursion. */
function numbers(v: unknown): number[] {
  if (typeof v === "number") return [v];
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return v.flatMap(numbers);
  if (v !== null && typeof v === "object") return Object.values(v).flatMap(numbers);
  return [];
}

describe("assertFinite", () => {
  it("returns the value when every number inside is finite, else throws naming a non-finite one's path", () => {
    let threw = 0;
    fc.assert(
      fc.property(value, (v) => {
        const bad = numbers(v).some((x) => !Number.isFinite(x));
        if (!bad) expect(assertFinite(v, "t")).toBe(v);
        else {
          threw++;
          expect(() => assertFinite(v, "t")).toThrow(/^t: \$.* is (NaN|Infinity|-Infinity); a non-finite number/);
        }
      }),
      { numRuns: 500, seed: 18 },
    );
    expect(threw).toBeGreaterThan(20);
  });

  it("does not walk objects the caller lists as checked, and walks everything else", () => {
    fc.assert(
      fc.property(value, value, (v, w) => {
        const checked = w !== null && typeof w === "object" ? new Set<object>([w]) : undefined;
        const bad =
          numbers(v).some((x) => !Number.isFinite(x)) ||
          (checked === undefined && typeof w === "number" && !Number.isFinite(w));
        const whole = { v, w };
        if (!bad) expect(assertFinite(whole, "t", checked)).toBe(whole);
        else
          expect(() => assertFinite(whole, "t", checked)).toThrow(
            /^t: \$.* is (NaN|Infinity|-Infinity); a non-finite number/,
          );
      }),
      { numRuns: 500, seed: 18 },
    );
  });

  it("names the exact path", () => {
    expect(() => assertFinite({ a: [1, { b: Number.NaN }] }, "analyze")).toThrow("analyze: $.a[1].b is NaN;");
  });
});
