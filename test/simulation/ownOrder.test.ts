import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareBundles, compileScenario } from "../../src/model/compile.js";
import { validateScenario } from "../../src/model/validate.js";
import { outcomeSpace, outcomeSpaceOver } from "../../src/simulation/outcomeSpace.js";
import { ownOrder, sortDescendingStable } from "../../src/simulation/ownOrder.js";
import type { OutcomeSpace } from "../../src/simulation/outcomeSpace.js";
import { scenarioArb } from "../helpers/arbitraries.js";

/** The definition: accepted bundles by utility descending, exact ties in canonical order. */
function oracleOwn(space: OutcomeSpace, p: number): number[] {
  const P = space.parties;
  const list: number[] = [];
  for (let k = 0; k < space.size; k++) if (space.acceptable[k * P + p]) list.push(k);
  return list.sort(
    (a, b) =>
      space.utility[b * P + p]! - space.utility[a * P + p]! ||
      compareBundles(space.compiled, space.row(a), space.row(b)),
  );
}

describe("outcome space own orders", () => {
  it("equal the comparator definition on full spaces and on lists of rows (brute force)", () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxParties: 3, maxIssues: 4, maxOptions: 4, redLines: true, constraints: true }),
        fc.integer({ min: 1, max: 7 }),
        (s, keep) => {
          const c = compileScenario(validateScenario(s));
          const full = outcomeSpace(c);
          for (let p = 0; p < full.parties; p++) expect(Array.from(full.own[p]!)).toEqual(oracleOwn(full, p));
          // A subset of the rows, in walk order (as the "zopa" scope builds it).
          const I = full.issues;
          const rows: number[] = [];
          for (let k = 0; k < full.size; k++) if (k % keep === 0) rows.push(...full.row(k));
          const sub = outcomeSpaceOver(c, Int32Array.from(rows));
          for (let p = 0; p < sub.parties; p++) expect(Array.from(sub.own[p]!)).toEqual(oracleOwn(sub, p));
          expect(sub.size * I).toBe(rows.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("sortDescendingStable sorts any doubles descending and keeps the order of equal ones", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, 0.5, Number.MIN_VALUE, -Number.MIN_VALUE, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (values) => {
        const order = Int32Array.from(values, (_, k) => k);
        const got = Array.from(sortDescendingStable(order, (k) => values[k]!));
        const want = values
          .map((_, k) => k)
          .sort((a, b) => (values[b]! === values[a]! ? a - b : values[b]! > values[a]! ? 1 : -1));
        expect(got).toEqual(want);
      }),
    );
  });

  it("ownOrder equals filtering the canonical sequence and sorting stably (clumps, outliers, ties, -0, infinities)", () => {
    // Clustered values put many distinct utilities in one bucket (the radix path of large buckets);
    // repeated values give ties; an outlier stretches the range.
    const value = fc.oneof(
      fc.constantFrom(0, -0, 1, 0.5, 0.3, Number.MIN_VALUE),
      fc.double({ min: 0.5, max: 0.5 + 1e-9, noNaN: true }),
      fc.double({ min: -1e3, max: 1e3, noNaN: true }),
      fc.constantFrom(Infinity, -Infinity, 1e308, -1e308),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.tuple(value, value, value, fc.boolean(), fc.boolean(), fc.boolean()), { maxLength: 200 }),
        fc.boolean(),
        (P, cells, identity) => {
          const n = cells.length;
          const utility = new Float64Array(n * P);
          const acceptable = new Uint8Array(n * P);
          cells.forEach((cell, k) => {
            for (let p = 0; p < P; p++) {
              utility[k * P + p] = cell[p] as number;
              acceptable[k * P + p] = cell[3 + p] ? 1 : 0;
            }
          });
          // A canonical order: identity (null) or the reverse.
          const canonical = identity ? null : Int32Array.from(cells, (_, j) => n - 1 - j);
          for (let p = 0; p < P; p++) {
            const seq = Array.from({ length: n }, (_, j) => (canonical === null ? j : canonical[j]!)).filter(
              (k) => acceptable[k * P + p] === 1,
            );
            const want = Array.from(sortDescendingStable(Int32Array.from(seq), (k) => utility[k * P + p]!));
            const got = ownOrder(canonical, n, acceptable, utility, P, p);
            expect(Array.from(got.order)).toEqual(want);
            expect(Array.from(got.values)).toEqual(want.map((k) => utility[k * P + p]!));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
