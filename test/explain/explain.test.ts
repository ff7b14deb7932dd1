import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { explainBundle } from "../../src/explain/explainBundle.js";
import { explainSolution } from "../../src/explain/explainSolution.js";
import { narrate } from "../../src/explain/narrate.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import * as O from "../helpers/oracle.js";

describe("explainBundle", () => {
  it("lists exactly the rejecting parties, with shortfalls and issue costs computed from the raw numbers", () => {
    fc.assert(
      fc.property(scenarioArb({ redLines: true }), fc.nat(), (s, pick) => {
        const all = O.allBundles(s);
        const b = all[pick % all.length]!;
        const e = explainBundle(s, b);
        const rejecting = s.parties.filter((p) => {
          const u = O.utilityOf(s, p, b);
          return u < p.reservation - O.TOL || (p.redLines ?? []).some((r) => (r.reject ?? []).includes(b[r.issue]!));
        });
        expect(e.rejections.map((r) => r.actor)).toEqual(rejecting.map((p) => p.id));
        expect(e.accepted).toBe(rejecting.length === 0 && O.feasible(s, b));
        for (const r of e.rejections) {
          const p = s.parties.find((q) => q.id === r.actor)!;
          const u = O.utilityOf(s, p, b);
          expect(r.shortfall).toBeCloseTo(Math.max(0, p.reservation - u), 9);
          const totalW = s.issues.reduce((acc, i) => acc + p.weights[i.id]!, 0);
          for (const c of r.costliest) {
            const vals = p.values[c.issue] as Record<string, number>;
            const top = Math.max(...Object.values(vals));
            const scale = p.valueScale === "absolute" ? 1 : top;
            const expected = (p.weights[c.issue]! / totalW) * ((vals[c.bestOption]! - vals[c.option]!) / scale);
            expect(c.cost).toBeCloseTo(expected, 9);
            expect(vals[c.bestOption]).toBe(top);
          }
        }
      }),
    );
  });

  it("names the constituency that blocks ratification", () => {
    const s = builtinScenario("ukraine-2025-ratification");
    // The US 28-point plan with the south recognised as Russian too: Kyiv's negotiator accepts, its referendum does not.
    const plan = (
      JSON.parse(
        readFileSync(fileURLToPath(new URL("../../examples/proposals/us-28-point-plan.json", import.meta.url)), "utf8"),
      ) as { bundle: Record<string, string> }
    ).bundle;
    const nash = { ...plan, zaporizhzhia: "de-facto-russian", kherson: "de-facto-russian" };
    const e = explainBundle(s, nash);
    expect(e.accepted).toBe(false);
    expect(e.notRatified).toEqual(["ukraine"]);
    expect(e.rejections.map((r) => r.actor)).toContain("ukraine/referendum");
    expect(e.rejections.map((r) => r.actor)).not.toContain("ukraine");
    const text = narrate(e, s);
    expect(text).toMatch(/All-Ukrainian referendum \(Ukraine\) would not ratify it: it leaves it at/);
    expect(text).toMatch(/below its reservation value/);
  });
});

describe("explainSolution", () => {
  it("the runner-up never beats the chosen solution on its criterion", () => {
    fc.assert(
      fc.property(scenarioArb({ redLines: true }), (s) => {
        for (const name of ["nash", "kalaiSmorodinsky", "egalitarian", "utilitarian"] as const) {
          const e = explainSolution(s, name);
          const a = analyze(s);
          expect(e.chosen?.bundle ?? null).toEqual(a.solutions[name]?.bundle ?? null);
          if (e.runnerUp) {
            expect(e.margin!).toBeGreaterThanOrEqual(-1e-9);
            expect(e.differences.length).toBeGreaterThan(0);
            expect(narrate(e)).toMatch(/next best/);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
  it("narrates in plain sentences with labels", () => {
    const s = builtinScenario("nash-1950");
    const text = narrate(explainSolution(s, "nash"), s);
    expect(text).toMatch(/^The Nash solution maximises the product of gains/);
  });
});
