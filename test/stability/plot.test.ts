import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LimitError } from "../../src/model/errors.js";
import { stateGraphSpec } from "../../src/plots/stateGraph.js";
import { fromGmcr } from "../../src/stability/gmcr.js";
import { compileGraphModel } from "../../src/stability/model.js";
import { stabilityReport } from "../../src/stability/report.js";
import { ukraineMay2025 } from "../../src/stability/ukraineMay2025.js";
import { Oracle } from "./oracle.js";

type Layer = { data: { values: Record<string, unknown>[] } };

describe("state graph plot", () => {
  it("draws every state, one arrow per unilateral improvement, equilibria marked", () => {
    const model = fromGmcr(JSON.parse(readFileSync(new URL("./fixtures/cuban.gmcr", import.meta.url), "utf8")));
    const cm = compileGraphModel(model);
    const report = stabilityReport(cm);
    const spec = stateGraphSpec(cm, report) as { layer: Layer[] };
    const nodes = spec.layer[2]!.data.values;
    expect(nodes).toHaveLength(12);
    const oracle = new Oracle(model);
    const uiCount = oracle.states.reduce((n, s) => n + [0, 1].reduce((m, i) => m + oracle.uis(i, s).length, 0), 0);
    expect(spec.layer[0]!.data.values).toHaveLength(uiCount);
    for (const n of nodes)
      expect(n.concepts).toBe(Object.values(report.equilibria).filter((e) => e.includes(n.state as string)).length);
  });

  it("large models: draws the part reachable from the status quo, or says to give one", () => {
    const cm = compileGraphModel({ ...ukraineMay2025, statusQuo: undefined });
    expect(() => stateGraphSpec(cm, stabilityReport(cm))).toThrow(LimitError);
    // the built-in model declares that status quo, so it is drawn without one being given
    expect(stateGraphSpec(compileGraphModel(ukraineMay2025), stabilityReport(ukraineMay2025))).toBeDefined();
    const spec = stateGraphSpec(cm, stabilityReport(cm, { statusQuo: "YNNNNNYNNN" })) as { layer: Layer[] };
    expect(spec.layer[2]!.data.values.length).toBe(
      stabilityReport(cm, { statusQuo: "YNNNNNYNNN" }).statusQuo!.reachableStates,
    );
  });
});
