import { expect } from "vitest";
import type { Analysis } from "../../src/analysis/types.js";
import type { Scenario } from "../../src/model/types.js";
import * as O from "./oracle.js";

/**
 * Checks an analysis's solutions against the brute-force oracle: null on an empty ZOPA; otherwise
 * each lies in the ZOPA, maximises its criterion over the whole ZOPA (Nash with a relative
 * tolerance for products of small gains), and no ZOPA bundle Pareto-dominates it.
 */
export function expectSolutionsOptimal(s: Scenario, a: Analysis): void {
  const zopa = O.zopa(s);
  if (zopa.length === 0) {
    expect(a.solutions).toEqual({ nash: null, kalaiSmorodinsky: null, egalitarian: null, utilitarian: null });
    return;
  }
  const ideal = O.idealOf(s);
  const checks: [keyof Analysis["solutions"], (v: number[]) => number][] = [
    ["nash", (v) => O.nashValue(s, v)],
    ["egalitarian", (v) => O.egalitarianValue(s, v)],
    ["utilitarian", (v) => O.utilitarianValue(s, v)],
    ["kalaiSmorodinsky", (v) => O.ksValue(s, v, ideal)],
  ];
  for (const [name, value] of checks) {
    const sol = a.solutions[name]!;
    expect(O.inZopa(s, sol.bundle)).toBe(true);
    const got = s.parties.map((p) => O.utilityOf(s, p, sol.bundle));
    const best = Math.max(...zopa.map((z) => value(z.u)));
    expect(value(got)).toBeGreaterThanOrEqual(best - 1e-9 * Math.max(1, Math.abs(best)));
    expect(zopa.some((z) => O.dominates(z.u, got))).toBe(false);
  }
}
