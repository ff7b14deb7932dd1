import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortFrontier } from "../../src/frontier/decomposedFrontier.js";
import { compareBundles, compileScenario } from "../../src/model/compile.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { roundUtility } from "../../src/utility/utilities.js";

const c = compileScenario(builtinScenario("nash-1950"));

/** The definition: utilities rounded to 12 significant digits, descending in party order, then bundle order. */
function reference(points: { utilities: Float64Array; bundle: Int32Array }[]) {
  const keys = points.map((p) => Array.from(p.utilities, roundUtility));
  return points
    .map((_, i) => i)
    .sort((a, b) => {
      for (let d = 0; d < keys[a]!.length; d++) if (keys[a]![d] !== keys[b]![d]) return keys[b]![d]! - keys[a]![d]!;
      return compareBundles(c, points[a]!.bundle, points[b]!.bundle);
    })
    .map((i) => points[i]!);
}

/** Random frontiers of two utilities drawn from `value` and bundles of nash-1950's width. */
function pointsArb(value: fc.Arbitrary<number>, size: { minLength?: number; maxLength: number }) {
  const width = c.issueIds.length;
  return fc
    .array(
      fc.record({
        u: fc.array(value, { minLength: 2, maxLength: 2 }),
        b: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: width, maxLength: width }),
      }),
      size,
    )
    .map((rows) => rows.map((r) => ({ utilities: Float64Array.from(r.u), bundle: Int32Array.from(r.b) })));
}

/** Values on a coarse grid plus tiny offsets, so many pairs are equal after rounding but not before. */
const closeValues = (...offsets: number[]) =>
  fc
    .tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(...offsets))
    .map(([g, k, eps]) => g / 8 + k * eps);

/** Random frontiers of utilities drawn from `value`, sorted by sortFrontier and by the definition. */
function sortsAsDefined(value: fc.Arbitrary<number>, size: { minLength?: number; maxLength: number }, numRuns: number) {
  fc.assert(
    fc.property(pointsArb(value, size), (points) => {
      const before = points.slice();
      expect(sortFrontier(c, points)).toEqual(reference(points));
      expect(points).toEqual(before); // input order untouched
    }),
    { numRuns },
  );
}

describe("sortFrontier", () => {
  it("orders as the definition does, also for values closer than the 12-digit rounding", () => {
    const value = closeValues(1e-13, 1e-12, 5e-12);
    sortsAsDefined(value, { maxLength: 30 }, 500);
  });
  it("orders nearly sorted frontiers (as the direct and small methods give them) as the definition does", () => {
    // the definition's order with a few points moved (the insertion pass) or many (its fallback)
    fc.assert(
      fc.property(
        pointsArb(closeValues(1e-13, 5e-12), { minLength: 1, maxLength: 120 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        (drawn, moves) => {
          const sorted = reference(drawn);
          const points = sorted.slice();
          for (const [from, to] of moves) {
            const [p] = points.splice(from % points.length, 1);
            points.splice(to % points.length, 0, p!);
          }
          expect(sortFrontier(c, points)).toEqual(sorted);
          // far from the order (past 4n moves for 10 points or more): the built-in sort takes over
          expect(sortFrontier(c, sorted.slice().reverse())).toEqual(sorted);
        },
      ),
      { numRuns: 300 },
    );
  });
  it("orders points without utilities (no parties) by canonical bundle order", () => {
    const width = c.issueIds.length;
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: width, maxLength: width }), { maxLength: 300 }),
        (bundles) => {
          const points = bundles.map((b) => ({ utilities: new Float64Array(0), bundle: Int32Array.from(b) }));
          const expected = points
            .map((_, i) => i)
            .sort((a, b) => compareBundles(c, points[a]!.bundle, points[b]!.bundle) || a - b)
            .map((i) => points[i]!);
          const got = sortFrontier(c, points);
          expect(got).toHaveLength(points.length);
          got.forEach((p, i) => expect(p).toBe(expected[i])); // the very points, ties in input order
        },
      ),
      { numRuns: 100 },
    );
  });
  it("orders large frontiers (the radix path) as the definition does, with long runs of close and equal values", () => {
    const value = fc
      .tuple(
        fc.integer({ min: -6, max: 6 }),
        fc.integer({ min: -3, max: 3 }),
        fc.constantFrom(1e-13, 5e-12, 1e-9),
        fc.constantFrom(0, -0, 1),
      )
      .map(([g, k, eps, z]) => (z === 1 ? g / 8 + k * eps : z));
    sortsAsDefined(value, { minLength: 260, maxLength: 400 }, 40);
  });
});
