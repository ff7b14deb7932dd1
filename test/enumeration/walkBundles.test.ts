import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { brokenConstraint, compileScenario } from "../../src/model/compile.js";
import { validateScenario } from "../../src/model/validate.js";
import { countBundles, walkBundles } from "../../src/enumeration/walkBundles.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import * as O from "../helpers/oracle.js";

const full = {
  maxParties: 4,
  maxIssues: 5,
  maxOptions: 4,
  redLines: true,
  constraints: true,
  interactions: true,
  constituencies: true,
};

describe("walkBundles (enumeration kernel)", () => {
  it("visits exactly the ZOPA, in declaration order, with each party's utility", () => {
    fc.assert(
      fc.property(scenarioArb(full), (s) => {
        const c = compileScenario(validateScenario(s));
        const seen: { key: string; u: number[] }[] = [];
        walkBundles(c, { zopaOnly: true }, (b, u) => {
          seen.push({ key: [...b].join(","), u: [...u] });
        });
        // The oracle lists bundles with the first issue varying slowest, as the walk does.
        const expected = O.zopa(s).map((z) => ({
          key: s.issues
            .map((i) => (i.type === "numeric" ? "" : i.options.findIndex((o) => o.id === z.bundle[i.id])))
            .join(","),
          u: z.u,
        }));
        expect(seen.map((x) => x.key)).toEqual(expected.map((x) => x.key));
        expect(countBundles(c, { zopaOnly: true })).toBe(expected.length);
        seen.forEach((x, k) => x.u.forEach((v, p) => expect(v).toBeCloseTo(expected[k]!.u[p]!, 12)));
      }),
      { numRuns: 200 },
    );
  });

  it("visits every feasible bundle when zopaOnly is false, and stops when the visitor returns true", () => {
    fc.assert(
      fc.property(scenarioArb(full), fc.nat(50), (s, stopAt) => {
        const c = compileScenario(validateScenario(s));
        let n = 0;
        walkBundles(c, { zopaOnly: false }, (b) => {
          expect(brokenConstraint(c, b)).toBeUndefined();
          n++;
        });
        expect(n).toBe(O.allBundles(s).filter((b) => O.feasible(s, b)).length);
        expect(countBundles(c, { zopaOnly: false })).toBe(n);
        let m = 0;
        walkBundles(c, { zopaOnly: false }, () => ++m > stopAt);
        expect(m).toBe(Math.min(n, stopAt + 1));
      }),
      { numRuns: 200 },
    );
  });
});

describe("walkBundles fast paths", () => {
  it("checks constraints and interaction terms on inner issues (last issue moved second)", () => {
    fc.assert(
      fc.property(scenarioArb({ ...full, maxIssues: 5 }), (base) => {
        // The arbitrary links the first and last issues; moving the last issue second puts the
        // constraint check and the interaction terms on inner issues of the walk.
        const is = base.issues;
        const s = is.length < 3 ? base : { ...base, issues: [is[0]!, is[is.length - 1]!, ...is.slice(1, -1)] };
        const c = compileScenario(validateScenario(s));
        const seen: string[] = [];
        walkBundles(c, { zopaOnly: true }, (b) => void seen.push([...b].join(",")));
        const expected = O.zopa(s).map((z) =>
          s.issues
            .map((i) => (i.type === "numeric" ? "" : i.options.findIndex((o) => o.id === z.bundle[i.id])))
            .join(","),
        );
        expect(seen).toEqual(expected);
        expect(countBundles(c, { zopaOnly: true })).toBe(expected.length);
      }),
      { numRuns: 200 },
    );
  });

  it("counts wide last issues (threshold masks and rank scans) exactly as the walk and the oracle", () => {
    const wide = { maxParties: 4, maxIssues: 3, maxOptions: 40, redLines: true, constituencies: true };
    fc.assert(
      fc.property(scenarioArb(wide), (s) => {
        const c = compileScenario(validateScenario(s));
        let walked = 0;
        walkBundles(c, { zopaOnly: true }, () => void walked++);
        expect(countBundles(c, { zopaOnly: true })).toBe(walked);
        expect(walked).toBe(O.zopa(s).length);
      }),
      { numRuns: 150 },
    );
  });

  it("stops inside the specialised walk at the bundle the visitor asks, with every earlier bundle in order", () => {
    fc.assert(
      fc.property(scenarioArb({ maxParties: 4, maxIssues: 4, maxOptions: 5 }), fc.nat(40), (s, stopAt) => {
        const c = compileScenario(validateScenario(s));
        const all: string[] = [];
        walkBundles(c, { zopaOnly: true }, (b) => void all.push(b.join(",")));
        const seen: string[] = [];
        walkBundles(c, { zopaOnly: true }, (b) => {
          seen.push(b.join(","));
          return seen.length > stopAt;
        });
        expect(seen).toEqual(all.slice(0, Math.min(all.length, stopAt + 1)));
      }),
      { numRuns: 150 },
    );
  });
});
