import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario, type CompiledScenario } from "../../src/model/compile.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { notDecomposable } from "../../src/enumeration/acceptors.js";
import {
  chooseWalkKernel,
  rowKernel,
  tailKernelApplies,
  type WalkKernel,
  type WalkOptions,
} from "../../src/enumeration/walkBundles.js";
import { countZopa } from "../../src/enumeration/zopaCount.js";
import { tailKernel } from "../../src/uncertainty/zopaKernel.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import * as O from "../helpers/oracle.js";

/**
 * Every enumeration kernel that can run the walk: the row walk as `walkBundles` runs it, the row
 * walk with a cost bound that never binds (every issue then goes through its hook, the path of
 * nearest-bundle searches), and the Monte Carlo tail kernel where it applies.
 */
function everyKernel(c: CompiledScenario, zopaOnly: boolean): { label: string; kernel: WalkKernel }[] {
  const options: WalkOptions = { zopaOnly };
  const unbound: WalkOptions = {
    zopaOnly,
    cost: { perOption: c.sizes.map((n) => new Float64Array(n).fill(1)), limit: () => Number.POSITIVE_INFINITY },
  };
  const list = [
    { label: "rows", kernel: rowKernel(c, options) },
    { label: "rows+hooks", kernel: rowKernel(c, unbound) },
  ];
  const tail = zopaOnly ? tailKernel(c) : null;
  expect(tail !== null).toBe(zopaOnly && tailKernelApplies(c, options));
  if (tail) list.push({ label: "tail", kernel: tail });
  return list;
}

/** Each visited bundle with its utilities, bit for bit (a float's shortest round-trip string is exact). */
function visits(kernel: WalkKernel): string[] {
  const seen: string[] = [];
  const n = kernel.visit((b, u) => void seen.push(`${b.join(",")}|${Array.from(u).join(",")}`));
  expect(n).toBe(seen.length);
  return seen;
}

/** The oracle's bundles as option indices, in declaration order (first issue slowest, as every kernel walks). */
const key = (s: Scenario, bundle: Readonly<Record<string, string>>): string =>
  s.issues.map((i) => (i.type === "numeric" ? "" : i.options.findIndex((o) => o.id === bundle[i.id]))).join(",");

/** Checks every kernel against the others (exact visit sequences, counts) and against the oracle. */
function checkKernels(s: Scenario): void {
  const c = compileScenario(validateScenario(s));
  for (const zopaOnly of [true, false]) {
    const kernels = everyKernel(c, zopaOnly);
    const reference = visits(kernels[0]!.kernel);
    const expected = zopaOnly
      ? O.zopa(s)
      : O.allBundles(s)
          .filter((b) => O.feasible(s, b))
          .map((bundle) => ({ bundle, u: [] as number[] }));
    expect(reference.map((v) => v.split("|")[0])).toEqual(expected.map((z) => key(s, z.bundle)));
    if (zopaOnly)
      reference.forEach((v, k) =>
        v
          .split("|")[1]!
          .split(",")
          .forEach((x, p) => expect(Number(x)).toBeCloseTo(expected[k]!.u[p]!, 12)),
      );
    for (const { label, kernel } of kernels) {
      expect([label, visits(kernel)]).toEqual([label, reference]);
      expect([label, kernel.count()]).toEqual([label, reference.length]);
    }
  }
  // The counting dynamic programs (additive scenarios), when they count exactly.
  if (notDecomposable(c) === null) {
    const z = countZopa(c);
    if (z.method !== "estimate") expect(z.count).toBe(BigInt(O.zopa(s).length));
  }
}

describe("enumeration kernels (every kernel on the same scenarios)", () => {
  it("visit the same bundles in the same order with the same utilities, and count them, for 1 to 6 parties", () => {
    const arb = scenarioArb({
      maxParties: 6,
      maxIssues: 5,
      maxOptions: 4,
      redLines: true,
      constraints: true,
      interactions: true,
      constituencies: true,
    });
    fc.assert(fc.property(arb, checkKernels), { numRuns: 150 });
  });

  it("agree on wide last issues (threshold masks and rank scans) with more than four rows", () => {
    const arb = scenarioArb({ maxParties: 6, maxIssues: 3, maxOptions: 40, redLines: true, constituencies: true });
    fc.assert(fc.property(arb, checkKernels), { numRuns: 50 });
  });

  it("agree on a last issue past 32 options (rank scans) with five and six parties", () => {
    // Scenarios the general arbitrary rarely makes: more than four rows and a last issue of 33-40
    // options, values on a coarse grid (ties at the reservations).
    const arb = fc
      .record({
        first: fc.integer({ min: 1, max: 4 }),
        last: fc.integer({ min: 33, max: 40 }),
        parties: fc.array(
          fc.record({
            a: fc.array(fc.nat(4), { minLength: 4, maxLength: 4 }),
            b: fc.array(fc.nat(4), { minLength: 40, maxLength: 40 }),
            w: fc.nat(3),
            r: fc.nat(8),
          }),
          { minLength: 5, maxLength: 6 },
        ),
      })
      .map(({ first, last, parties }): Scenario => {
        const issues = [first, last].map((n, i) => ({
          id: `i${i}`,
          options: Array.from({ length: n }, (_, o) => ({ id: `o${o}` })),
        }));
        const scores = (xs: number[], n: number): Record<string, number> =>
          Object.fromEntries(xs.slice(0, n).map((x, o) => [`o${o}`, x / 4]));
        return {
          id: "wide",
          issues,
          parties: parties.map((q, p) => ({
            id: `p${p}`,
            weights: { i0: q.w, i1: 1 },
            values: { i0: scores(q.a, first), i1: scores(q.b, last) },
            valueScale: "absolute" as const,
            reservation: q.r / 10,
          })),
        };
      });
    fc.assert(fc.property(arb, checkKernels), { numRuns: 100 });
  });

  it("stop at the bundle the visitor asks, with every earlier bundle in order (row walk, five and six parties)", () => {
    const arb = scenarioArb({ maxParties: 6, maxIssues: 4, maxOptions: 5, interactions: true, constituencies: true });
    fc.assert(
      fc.property(arb, fc.nat(40), (s, stopAt) => {
        const c = compileScenario(validateScenario(s));
        const all = visits(rowKernel(c, { zopaOnly: true }));
        const seen: string[] = [];
        rowKernel(c, { zopaOnly: true }).visit((b, u) => {
          seen.push(`${b.join(",")}|${Array.from(u).join(",")}`);
          return seen.length > stopAt;
        });
        expect(seen).toEqual(all.slice(0, Math.min(all.length, stopAt + 1)));
      }),
      { numRuns: 100 },
    );
  });

  it("the adaptive choice: the row walk for one walk, the tail kernel for draws when it applies", () => {
    fc.assert(
      fc.property(scenarioArb({ maxParties: 6, maxIssues: 4, interactions: true, constituencies: true }), (s) => {
        const c = compileScenario(validateScenario(s));
        expect(chooseWalkKernel(c, { zopaOnly: true })).toBe("rows");
        expect(chooseWalkKernel(c, { zopaOnly: true }, "draws")).toBe(
          tailKernelApplies(c, { zopaOnly: true }) ? "tail" : "rows",
        );
        expect(tailKernelApplies(c, { zopaOnly: true })).toBe(!c.hasInteractions && c.agents.length === 0);
      }),
      { numRuns: 100 },
    );
  });
});
