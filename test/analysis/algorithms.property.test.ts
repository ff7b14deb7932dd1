import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import type { AlgorithmChoice } from "../../src/analysis/types.js";
import { TreatylabError } from "../../src/model/errors.js";
import type { Bundle, Scenario } from "../../src/model/types.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import { expectSolutionsOptimal } from "../helpers/expectSolutions.js";
import * as O from "../helpers/oracle.js";

const additive = {
  maxParties: 4,
  maxIssues: 5,
  maxOptions: 4,
  redLines: true,
  constraints: true,
  constituencies: true,
};
// "auto" picks enumerate on these small spaces, but takes a plain scenario's frontier from the
// small methods (zopaAndFrontier): it is checked against the oracle as well.
const ALGORITHMS: readonly AlgorithmChoice[] = ["frontier", "enumerate", "auto"];
const u = (s: Scenario, b: Bundle): number[] => s.parties.map((p) => O.utilityOf(s, p, b));

/** Whether the frontier algorithm applies: no interaction terms, ratification without vote counts. */
const decomposable = (s: Scenario): boolean =>
  s.parties.every(
    (p) =>
      !p.interactions?.length &&
      (p.constituencies ?? []).every(
        (k) => !k.interactions?.length && (k.veto || (p.ratification?.rule ?? "all") === "all"),
      ),
  );

/** Canonical order of the oracle: issues by id, options by id (the arbitraries use discrete issues only). */
const canonicalKey = (b: Bundle): string =>
  Object.keys(b)
    .sort()
    .map((k) => `${k}=${b[k]}`)
    .join("|");

const withIssueOrder = (s: Scenario, keys: readonly number[]): Scenario => {
  const order = s.issues.map((_, i) => i).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
  return { ...s, issues: order.map((i) => s.issues[i]!) };
};

describe("every algorithm against the brute-force oracle", () => {
  for (const algorithm of ALGORITHMS) {
    it(`${algorithm}: ZOPA count, frontier vectors and canonical representatives are exactly the oracle's`, () => {
      fc.assert(
        fc.property(scenarioArb(additive), (s) => {
          fc.pre(decomposable(s));
          const a = analyze(s, { algorithm });
          expect(a.algorithm).toBe(algorithm === "auto" ? "enumerate" : algorithm);
          const zopa = O.zopa(s);
          expect(a.zopa.count).toBe(zopa.length);
          expect(a.zopaCounting.method === "estimate").toBe(false);
          const expected = O.frontierVectors(s);
          expect(a.frontier.length).toBe(expected.length);
          for (const f of a.frontier) {
            const fu = u(s, f.bundle);
            expect(expected.some((v) => O.sameVector(v, fu))).toBe(true);
            // The representative is the canonically first ZOPA bundle reaching that vector.
            const same = zopa
              .filter((z) => O.sameVector(z.u, fu))
              .map((z) => canonicalKey(z.bundle))
              .sort();
            expect(canonicalKey(f.bundle)).toBe(same[0]);
          }
        }),
        { numRuns: 200 },
      );
    });

    it(`${algorithm}: each solution maximises its criterion over the whole ZOPA`, () => {
      fc.assert(
        fc.property(scenarioArb(additive), (s) => {
          fc.pre(decomposable(s));
          expectSolutionsOptimal(s, analyze(s, { algorithm }));
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe("the algorithms agree with each other", () => {
  it("frontier and enumerate give the same analysis (frontier, representatives, utilities, solutions, ZOPA) on additive scenarios", () => {
    fc.assert(
      fc.property(scenarioArb(additive), (s) => {
        fc.pre(decomposable(s));
        const { algorithm: _f, zopaCounting: _zf, ...f } = analyze(s, { algorithm: "frontier" });
        const { algorithm: _e, zopaCounting: _ze, ...e } = analyze(s, { algorithm: "enumerate" });
        expect(f).toEqual(e);
      }),
      { numRuns: 300 },
    );
  });

  it("results do not depend on the order the issues are declared in", () => {
    fc.assert(
      fc.property(scenarioArb(additive), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (s, keys) => {
        fc.pre(decomposable(s));
        const t = withIssueOrder(s, keys);
        for (const algorithm of ALGORITHMS) {
          const a = analyze(s, { algorithm });
          const b = analyze(t, { algorithm });
          expect(b.zopa).toEqual(a.zopa);
          expect(b.frontier.map((p) => canonicalKey(p.bundle))).toEqual(a.frontier.map((p) => canonicalKey(p.bundle)));
          expect(b.frontier.map((p) => p.utilities)).toEqual(a.frontier.map((p) => p.utilities));
          for (const k of ["nash", "kalaiSmorodinsky", "egalitarian", "utilitarian"] as const)
            expect(b.solutions[k] && canonicalKey(b.solutions[k].bundle)).toEqual(
              a.solutions[k] && canonicalKey(a.solutions[k].bundle),
            );
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("choosing the algorithm", () => {
  it("auto on plain scenarios (the small frontier methods and a counting walk) gives the forced enumeration's analysis", () => {
    fc.assert(
      fc.property(scenarioArb({ maxParties: 4, maxIssues: 5, maxOptions: 4, redLines: true }), (s) => {
        const a = analyze(s);
        expect(a.algorithm).toBe("enumerate");
        expect(a).toEqual(analyze(s, { algorithm: "enumerate" }));
        expect(a.zopa.count).toBe(O.zopa(s).length);
      }),
      { numRuns: 200 },
    );
  });

  it("auto enumerates small spaces, interaction terms and vote-counting ratification; forcing frontier on the latter is a clear error", () => {
    fc.assert(
      fc.property(scenarioArb({ ...additive, interactions: true }), (s) => {
        const a = analyze(s);
        expect(a.algorithm).toBe("enumerate"); // at most 4^5 bundles: under AUTO_ENUMERATE_LIMIT
        // The same analysis as a forced enumeration, whose walk keeps the frontier itself.
        expect(a).toEqual(analyze(s, { algorithm: "enumerate" }));
        if (!decomposable(s)) expect(() => analyze(s, { algorithm: "frontier" })).toThrow(TreatylabError);
        else expect(analyze(s, { algorithm: "frontier" }).frontier).toEqual(a.frontier);
      }),
      { numRuns: 150 },
    );
  });

  it("the frontier algorithm analyses a 20-issue, 8-option space (10^18 bundles) that enumeration refuses", () => {
    const issues = Array.from({ length: 20 }, (_, i) => ({
      id: `i${String(i).padStart(2, "0")}`,
      options: Array.from({ length: 8 }, (_, o) => ({ id: `o${o}` })),
    }));
    const party = (id: string, flip: boolean) => ({
      id,
      weights: Object.fromEntries(issues.map((i, k) => [i.id, 1 + (k % 3)])),
      values: Object.fromEntries(
        issues.map((i) => [i.id, Object.fromEntries(i.options.map((o, k) => [o.id, flip ? 7 - k : k]))]),
      ),
      reservation: 0.3,
    });
    const s: Scenario = { id: "big", issues, parties: [party("a", false), party("b", true)] };
    expect(() => analyze(s, { algorithm: "enumerate" })).toThrow(
      /use the frontier algorithm \(algorithm "frontier" or "auto"; CLI: --algorithm frontier\)/,
    );
    const a = analyze(s);
    expect(a.algorithm).toBe("frontier"); // auto: additive and far above AUTO_ENUMERATE_LIMIT
    expect(a.outcomesExact).toBe((8n ** 20n).toString());
    // Opposed linear values: every split is efficient, so the frontier holds every attainable
    // utility pair, and u_a + u_b = 1 at each point.
    for (const f of a.frontier) expect(f.utilities.a! + f.utilities.b!).toBeCloseTo(1, 9);
    expect(a.frontier.length).toBeGreaterThan(100);
    expect(a.zopaCounting.method).toBe("dp");
  });

  it("stops with a clear error when the frontier would exceed the memory budget", () => {
    const issues = Array.from({ length: 8 }, (_, i) => ({
      id: `i${i}`,
      options: Array.from({ length: 6 }, (_, o) => ({ id: `o${o}` })),
    }));
    const party = (id: string, seed: number) => ({
      id,
      weights: Object.fromEntries(issues.map((i, k) => [i.id, 1 + ((k * seed) % 5)])),
      values: Object.fromEntries(
        issues.map((i, k) => [
          i.id,
          Object.fromEntries(i.options.map((o, m) => [o.id, ((m + 1) * (k + seed) * 7919) % 101])),
        ]),
      ),
      reservation: 0,
    });
    const s: Scenario = { id: "wide", issues, parties: [party("a", 1), party("b", 2), party("c", 3), party("d", 4)] };
    expect(() => analyze(s, { algorithm: "frontier", memoryBudgetBytes: 20_000 })).toThrow(
      /Pareto frontier grew to \d+ partial bundles .* over the memory budget/,
    );
  });
});
