import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { deepFreeze } from "../../src/model/deepFreeze.js";
import type { Bundle, Scenario } from "../../src/model/types.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import { expectSolutionsOptimal } from "../helpers/expectSolutions.js";
import * as O from "../helpers/oracle.js";

const full = { redLines: true, constraints: true, interactions: true, constituencies: true };
const u = (s: Scenario, b: Bundle): number[] => s.parties.map((p) => O.utilityOf(s, p, b));

describe("analyze against a brute-force oracle", () => {
  it("counts the outcome space and the ZOPA exactly", () => {
    fc.assert(
      fc.property(scenarioArb(full), (s) => {
        const a = analyze(s);
        expect(a.outcomes).toBe(O.allBundles(s).filter((b) => O.feasible(s, b)).length);
        expect(a.zopa.count).toBe(O.zopa(s).length);
      }),
    );
  });

  it("returns exactly the Pareto frontier of the ZOPA: one point per distinct vector, none dominated, every ZOPA bundle covered", () => {
    fc.assert(
      fc.property(scenarioArb(full), (s) => {
        const a = analyze(s);
        const expected = O.frontierVectors(s);
        expect(a.frontier.length).toBe(expected.length);
        const zopa = O.zopa(s);
        for (const f of a.frontier) {
          expect(O.inZopa(s, f.bundle)).toBe(true);
          const fu = u(s, f.bundle);
          expect(expected.some((v) => O.sameVector(v, fu))).toBe(true);
          for (const g of a.frontier) if (g !== f) expect(O.dominates(u(s, g.bundle), fu)).toBe(false);
        }
        for (const z of zopa) {
          expect(a.frontier.some((f) => O.sameVector(u(s, f.bundle), z.u) || O.dominates(u(s, f.bundle), z.u))).toBe(
            true,
          );
        }
      }),
    );
  });

  it("each solution lies in the ZOPA and maximises its criterion over the whole ZOPA", () => {
    fc.assert(
      fc.property(scenarioArb(full), (s) => {
        expectSolutionsOptimal(s, analyze(s));
      }),
    );
  });

  it("breaks ties as documented: leximin refinement for egalitarian and Kalai-Smorodinsky, then the larger sum of utilities", () => {
    const leximinCmp = (a: number[], b: number[]): number => {
      const x = [...a].sort((p, q) => p - q);
      const y = [...b].sort((p, q) => p - q);
      for (let i = 0; i < x.length; i++) if (Math.abs(x[i]! - y[i]!) > 1e-9) return x[i]! - y[i]!;
      return 0;
    };
    const sum = (v: number[]): number => v.reduce((p, q) => p + q, 0);
    fc.assert(
      fc.property(scenarioArb(full), (s) => {
        const a = analyze(s);
        const zopa = O.zopa(s);
        if (zopa.length === 0) return;
        const ideal = O.idealOf(s);
        const ratios = (v: number[]): number[] =>
          O.gainsOf(s, v).map((g, i) =>
            ideal[i]! - s.parties[i]!.reservation <= 1e-9 ? 1 : g / (ideal[i]! - s.parties[i]!.reservation),
          );
        const keys: [keyof typeof a.solutions, (v: number[]) => number[]][] = [
          ["egalitarian", (v) => O.gainsOf(s, v)],
          ["kalaiSmorodinsky", ratios],
          ["utilitarian", (v) => [sum(v)]],
        ];
        for (const [name, key] of keys) {
          const got = u(s, a.solutions[name]!.bundle);
          for (const z of zopa) {
            const c = leximinCmp(key(z.u), key(got));
            expect(c).toBeLessThanOrEqual(0); // nothing is leximin-better
            if (c === 0 && name !== "utilitarian") expect(sum(z.u)).toBeLessThanOrEqual(sum(got) + 1e-9);
          }
        }
        // Nash: among the bundles with the largest product, the solution has the largest sum.
        const nashGot = u(s, a.solutions.nash!.bundle);
        const best = Math.max(...zopa.map((z) => O.nashValue(s, z.u)));
        for (const z of zopa) {
          const tied =
            best <= 1e-12
              ? O.nashValue(s, z.u) <= 1e-12
              : Math.abs(Math.log(O.nashValue(s, z.u) || 1e-300) - Math.log(best)) <= 1e-9;
          if (tied) expect(sum(z.u)).toBeLessThanOrEqual(sum(nashGot) + 1e-9);
        }
      }),
    );
  });

  it("does not depend on the order of issues, options or parties", () => {
    fc.assert(
      fc.property(
        scenarioArb({ redLines: true, constraints: true, interactions: true }),
        fc.integer({ min: 0, max: 1000 }),
        (s, r) => {
          const rot = <T>(xs: readonly T[], k: number): T[] =>
            xs.length ? [...xs.slice(k % xs.length), ...xs.slice(0, k % xs.length)] : [];
          const shuffled: Scenario = {
            ...s,
            issues: rot(s.issues, r).map((i) =>
              i.type === "numeric" ? i : { ...i, options: rot(i.options, r + 1).reverse() },
            ),
            parties: rot(s.parties, r + 2).reverse(),
          };
          const a = analyze(s);
          const b = analyze(shuffled);
          expect(b.zopa.count).toBe(a.zopa.count);
          expect(b.frontier.length).toBe(a.frontier.length);
          for (const key of ["nash", "kalaiSmorodinsky", "egalitarian", "utilitarian"] as const) {
            expect(b.solutions[key]?.bundle ?? null).toEqual(a.solutions[key]?.bundle ?? null);
            expect(b.solutions[key]?.utilities ?? null).toEqual(a.solutions[key]?.utilities ?? null);
          }
          const key = (x: { bundle: Bundle }): string =>
            JSON.stringify(
              Object.keys(x.bundle)
                .sort()
                .map((k) => [k, x.bundle[k]]),
            );
          expect(new Set(b.frontier.map(key))).toEqual(new Set(a.frontier.map(key)));
        },
      ),
    );
  });

  it("never mutates its input (frozen input analyses; the input is unchanged)", () => {
    fc.assert(
      fc.property(scenarioArb(full), (s) => {
        const snapshot = structuredClone(s);
        const frozen = deepFreeze(structuredClone(s));
        analyze(frozen);
        analyze(s);
        expect(s).toEqual(snapshot);
      }),
      { numRuns: 30 },
    );
  });
});
