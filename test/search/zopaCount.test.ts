import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/model/compile.js";
import { validateScenario } from "../../src/model/validate.js";
import { notDecomposable } from "../../src/search/acceptors.js";
import { countZopa } from "../../src/search/zopaCount.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import * as O from "../helpers/oracle.js";

const opts = { maxParties: 4, maxIssues: 5, maxOptions: 4, redLines: true, constraints: true, constituencies: true };

describe("countZopa", () => {
  it("counts the ZOPA exactly by dynamic programming (brute-force oracle)", () => {
    fc.assert(
      fc.property(scenarioArb(opts), (s) => {
        const c = compileScenario(validateScenario(s));
        fc.pre(notDecomposable(c) === null);
        const z = countZopa(c);
        expect(z.method).toBe("dp");
        expect(z.count).toBe(BigInt(O.zopa(s).length));
      }),
      { numRuns: 300 },
    );
  });

  it("falls back to a seeded estimate within a few standard errors when the states exceed the limit", () => {
    fc.assert(
      fc.property(scenarioArb({ ...opts, maxIssues: 6 }), (s) => {
        const c = compileScenario(validateScenario(s));
        fc.pre(notDecomposable(c) === null);
        const a = countZopa(c, { maxStates: 1, samples: 20_000, seed: "t" });
        const b = countZopa(c, { maxStates: 1, samples: 20_000, seed: "t" });
        expect(a).toEqual(b);
        const truth = O.zopa(s).length;
        if (a.method === "dp") expect(a.count).toBe(BigInt(truth));
        else expect(Math.abs(Number(a.count) - truth)).toBeLessThanOrEqual(5 * a.standardError + 1);
      }),
      { numRuns: 100 },
    );
  });
});
