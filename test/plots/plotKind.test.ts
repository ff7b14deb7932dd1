import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { type ComputeMemo, computePlot } from "../../src/explorer/compute.js";
import type { ComputeRequest } from "../../src/explorer/protocol.js";
import { TreatylabError } from "../../src/model/errors.js";
import { quote } from "../../src/model/quote.js";
import { SCENARIO_PLOT_KINDS, type ScenarioPlotKind, scenarioPlot } from "../../src/plots/scenarioPlots.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";

const nash = builtinScenario("nash-1950"); // two parties: every known kind falls back to utility-space
const ukraine = builtinScenario("ukraine-2025"); // more than two: every kind is drawn
const unknownKind = fc.string({ maxLength: 30 }).filter((k) => !(SCENARIO_PLOT_KINDS as readonly string[]).includes(k));

function expectNamesKindAndKnownKinds(message: string, kind: string): void {
  expect(message).toContain(`unknown plot kind ${quote(kind)}`);
  for (const k of SCENARIO_PLOT_KINDS) expect(message).toContain(`"${k}"`);
  expect(message).not.toContain("\n");
}

describe("unknown plot kinds are refused with the known kinds", () => {
  it("scenarioPlot throws a TreatylabError naming the kind and listing SCENARIO_PLOT_KINDS", () => {
    const analysis = analyze(nash);
    fc.assert(
      fc.property(unknownKind, (kind) => {
        let err: unknown;
        try {
          scenarioPlot(nash, analysis, kind as ScenarioPlotKind);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(TreatylabError);
        expectNamesKindAndKnownKinds((err as Error).message, kind);
      }),
      { numRuns: 50, seed: 3 },
    );
  });

  for (const [name, base] of [
    ["two parties", nash],
    ["more than two parties", ukraine],
  ] as const) {
    it(`computePlot answers ok: false with that message (${name})`, () => {
      const memo: ComputeMemo = {};
      fc.assert(
        fc.property(unknownKind, (kind) => {
          const req = { id: 1, base, edits: [], proposal: {}, plot: kind } as unknown as ComputeRequest;
          const r = computePlot(req, memo);
          expect(r.ok).toBe(false);
          if (!r.ok) expectNamesKindAndKnownKinds(r.error, kind);
        }),
        { numRuns: 25, seed: 4 },
      );
      for (const kind of SCENARIO_PLOT_KINDS) {
        const r = computePlot({ id: 2, base, edits: [], proposal: {}, plot: kind }, memo);
        expect(r.ok && r.phase === "plot" && r.plot.kind).toBe(base === nash ? "utility-space" : kind);
      }
    });
  }
});
