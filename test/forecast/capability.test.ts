import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/edits/applyEdits.js";
import {
  expandParameters,
  formatParameter,
  getParameter,
  parameterEdit,
  parseParameter,
} from "../../src/edits/parameter.js";
import { forecastMonteCarloScenario, forecastMonteCarloShard } from "../../src/forecast/monteCarlo.js";
import { forecastScenario } from "../../src/forecast/settlement.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { monteCarloJob } from "../../src/uncertainty/monteCarlo.js";
import { runMonteCarloParallel } from "../../src/workers/runMonteCarloParallel.js";
import { analyze } from "../../src/analysis/analyze.js";
import type { MonteCarloResult } from "../../src/uncertainty/monteCarloAccumulator.js";
import { run } from "../cli/run.js";

// Two parties on one numeric issue 0..10: a's best is 0, b's is 10, both with salience 1. The
// compromise (mean) forecast is 10 c_b / (c_a + c_b): it rises with b's capability.
const duel = (capA: number, capB?: number): Scenario =>
  validateScenario({
    id: "duel",
    issues: [{ id: "x", type: "numeric", range: { min: 0, max: 10, step: 1 } }],
    parties: [
      {
        id: "a",
        capability: capA,
        weights: { x: 1 },
        values: {
          x: {
            points: [
              [0, 10],
              [10, 0],
            ],
          },
        },
        reservation: 0.2,
      },
      {
        id: "b",
        power: 2,
        ...(capB !== undefined ? { capability: capB } : {}),
        weights: { x: 1 },
        values: {
          x: {
            points: [
              [0, 0],
              [10, 10],
            ],
          },
        },
        reservation: 0.2,
      },
    ],
  });
const meanForecast = (s: Scenario): number => forecastScenario(s, { model: "mean" }).issues[0]!.forecast;

describe("capability as a parameter", () => {
  it("parties.<id>.capability: parsed, formatted, read (capability, else power, else 1), set by setCapability, expanded by wildcards", () => {
    const ref = parseParameter("parties.b.capability");
    expect(ref).toEqual({ kind: "capability", party: "b" });
    expect(formatParameter(ref)).toBe("parties.b.capability");
    expect(getParameter(duel(1), ref)).toBe(2); // no capability: the power
    expect(getParameter(duel(1, 5), ref)).toBe(5);
    expect(parameterEdit(ref, 3)).toEqual({ op: "setCapability", party: "b", value: 3 });
    expect(applyEdits(duel(1), [parameterEdit(ref, 3)]).parties[1]!.capability).toBe(3);
    expect(expandParameters(duel(1), "parties.*.capability").map(formatParameter)).toEqual([
      "parties.a.capability",
      "parties.b.capability",
    ]);
    expect(() => applyEdits(duel(1), [{ op: "setCapability", party: "b", value: -1 }])).toThrow(/capability/);
  });

  it("a capability draw moves the forecast distribution as the model says (property, common random numbers)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        (lo, width, shift, capA) => {
          const s = duel(capA);
          const options = { model: "mean" as const, draws: 40, seed: "cap" };
          const spec = (min: number, max: number) => ({
            "parties.b.capability": { dist: "uniform" as const, min, max },
          });
          const rows = (min: number, max: number) =>
            forecastMonteCarloShard(
              { input: { kind: "scenario", scenario: s, uncertainty: spec(min, max) }, options },
              { k: 1, n: 1 },
            ).rows.map((r) => r.values[0]!);
          const f = (cb: number) => meanForecast(applyEdits(s, [{ op: "setCapability", party: "b", value: cb }]));
          const base = rows(lo, lo + width);
          const shifted = rows(lo + shift, lo + width + shift);
          // every draw lies between the forecasts at the distribution's ends, and equals the closed form
          for (const v of base) {
            expect(v).toBeGreaterThanOrEqual(f(lo) - 1e-9);
            expect(v).toBeLessThanOrEqual(f(lo + width) + 1e-9);
          }
          // the same uniforms, a higher capability for b: every draw moves towards b's position
          base.forEach((v, i) => expect(shifted[i]!).toBeGreaterThan(v));
          const r = forecastMonteCarloScenario(s, spec(lo, lo + width), options);
          expect(r.drawn).toEqual(["parties.b.capability"]);
          expect(r.issues[0]!.stats.mean!).toBeGreaterThan(f(lo) - 1e-9);
          expect(r.issues[0]!.stats.mean!).toBeLessThan(f(lo + width) + 1e-9);
          // the closed form of the compromise model: 10 c_b / (c_a + c_b), so the draw's c_b is recoverable and within [lo, hi]
          for (const v of base) {
            const cb = (capA * v) / (10 - v);
            expect(cb).toBeGreaterThanOrEqual(lo * (1 - 1e-9));
            expect(cb).toBeLessThanOrEqual((lo + width) * (1 + 1e-9));
          }
        },
      ),
      { numRuns: 25, seed: 13 },
    );
  });

  it("a degenerate capability distribution gives the deterministic forecast with no spread", () => {
    const s = duel(1);
    const r = forecastMonteCarloScenario(
      s,
      { "parties.b.capability": { dist: "uniform", min: 3, max: 3 } },
      { model: "mean", draws: 10, seed: "1" },
    );
    expect(r.issues[0]!.stats.mean).toBeCloseTo(
      meanForecast(applyEdits(s, [{ op: "setCapability", party: "b", value: 3 }])),
      12,
    );
    expect(r.issues[0]!.stats.se).toBe(0);
  });

  it("capability does not enter the settlement analysis: drawn alone, every draw of the analysis Monte Carlo is the base analysis", async () => {
    const s = duel(1);
    const r = (await runMonteCarloParallel(
      monteCarloJob(s, { "parties.*.capability": { spread: 0.9 } }, { draws: 30, seed: "z", solutions: ["nash"] }),
    )) as MonteCarloResult;
    const zopa = analyze(s).zopa.count;
    expect([r.zopa.size.q05, r.zopa.size.median, r.zopa.size.q95]).toEqual([zopa, zopa, zopa]);
    for (const b of r.bundles) expect([0, 1]).toContain(b.pZopa);
    expect(r.solutions.nash!.pDefined.p).toBe(1);
    const u = r.solutions.nash!.utilities.a!;
    expect(u.q05).toBe(u.q95);
  });

  it("treatylab forecast --uncertainty with a capability entry", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cap-"));
    const file = path.join(dir, "u.json");
    writeFileSync(file, JSON.stringify({ "parties.*.capability": { confidence: "low" } }));
    const r = await run(
      "forecast",
      "examples/forecast/ukraine-2025.json",
      "--model",
      "mean",
      "--draws",
      "30",
      "--uncertainty",
      file,
      "--format",
      "json",
      "--threads",
      "1",
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { drawn: string[]; issues: { stats: { sd: number } }[] };
    expect(j.drawn.every((p) => /^parties\.[^.]+\.capability$/.test(p))).toBe(true);
    expect(j.issues.some((i) => i.stats.sd > 0)).toBe(true);
  });
});
