import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { compileScenario } from "../../src/model/compile.js";
import { validateScenario } from "../../src/model/validate.js";
import { utilitySample } from "../../src/plots/utilitySample.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import { allBundles, feasible, inZopa, utilityOf } from "../helpers/oracle.js";

const GRID = 250;

describe("utilitySample", () => {
  it("walks every feasible bundle of a small space, with ZOPA flags matching a brute-force oracle", () => {
    fc.assert(
      fc.property(scenarioArb({ maxParties: 3, redLines: true, constraints: true, constituencies: true }), (raw) => {
        const s = validateScenario(raw);
        if (s.parties.length < 2) return;
        const sample = utilitySample(compileScenario(s), { parties: [0, 1], maxPoints: 10_000 });
        const bundles = allBundles(s).filter((b) => feasible(s, b));
        const oracle = bundles.map((b) => ({
          x: utilityOf(s, s.parties[0]!, b),
          y: utilityOf(s, s.parties[1]!, b),
          zopa: inZopa(s, b),
        }));
        expect(sample.exhaustive).toBe(true);
        const total = sample.points.reduce((a, p) => a + p.count, 0);
        const zopaTotal = sample.points.filter((p) => p.zopa).reduce((a, p) => a + p.count, 0);
        expect(total).toBe(bundles.length);
        expect(zopaTotal).toBe(oracle.filter((o) => o.zopa).length);
        // Every plotted cell is the grid rounding of some bundle with the same ZOPA flag.
        for (const p of sample.points)
          expect(
            oracle.some(
              (o) =>
                o.zopa === p.zopa &&
                Math.abs(o.x - p.x) <= 0.5 / GRID + 1e-9 &&
                Math.abs(o.y - p.y) <= 0.5 / GRID + 1e-9,
            ),
          ).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("counts the ZOPA of nash-1950 as analyze does", () => {
    const s = builtinScenario("nash-1950");
    const sample = utilitySample(compileScenario(s), { parties: [0, 1] });
    const a = analyze(s);
    expect(sample.points.filter((p) => p.zopa).reduce((n, p) => n + p.count, 0)).toBe(a.zopa.count);
    expect(sample.points.reduce((n, p) => n + p.count, 0)).toBe(a.outcomes);
  });

  it("samples a large space reproducibly: same seed, same points; another seed, other points", () => {
    const c = compileScenario(builtinScenario("ukraine-2025"));
    const a = utilitySample(c, { parties: [0, 1], maxPoints: 300, seed: "1" });
    const b = utilitySample(c, { parties: [0, 1], maxPoints: 300, seed: "1" });
    const other = utilitySample(c, { parties: [0, 1], maxPoints: 300, seed: "2" });
    expect(a.exhaustive).toBe(false);
    expect(b).toEqual(a);
    expect(other).not.toEqual(a);
    // The separate ZOPA walk puts ZOPA points in the plot although the ZOPA is 0.04% of the space.
    expect(a.points.some((p) => p.zopa)).toBe(true);
    expect(a.bundles).toBeLessThanOrEqual(600);
  });
});
