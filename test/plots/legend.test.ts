import { afterEach, describe, expect, it, vi } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { frontierMatrixSpec } from "../../src/plots/frontierMatrix.js";
import { parallelCoordinatesSpec } from "../../src/plots/parallelCoordinates.js";
import { utilitySpaceSpec } from "../../src/plots/utilitySpace.js";
import { renderSvg } from "../../src/render/renderSvg.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { SOLUTION_LIST } from "../../src/solutions/solutionConcepts.js";

/** Each legend entry of an SVG with its symbol's fill opacity, in legend order. */
function legend(svg: string): { label: string; fillOpacity: number }[] {
  const symbols = [...svg.matchAll(/role-legend-symbol"[^>]*><path [^>]*?fill-opacity="([\d.]+)"/g)].map((m) =>
    Number(m[1]),
  );
  const labels = [...svg.matchAll(/role-legend-label"[^>]*><text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  expect(symbols.length).toBe(labels.length);
  return labels.map((label, k) => ({ label, fillOpacity: symbols[k]! }));
}

const solutionLabels: string[] = SOLUTION_LIST.map((c) => c.label);

describe("plot legends draw each marker as the plot does", () => {
  const warn = vi.spyOn(console, "warn");
  afterEach(() => warn.mockClear());

  it("utility space and frontier matrix: no deal and the solutions as outlines, the points filled; Vega-Lite has no conflict to warn of", async () => {
    for (const id of ["nash-1950", "ukraine-2025"] as const) {
      const s = builtinScenario(id);
      const a = analyze(s);
      const space = legend(await renderSvg(utilitySpaceSpec(s, a)));
      expect(space.map((e) => e.label)).toEqual(expect.arrayContaining(["ZOPA", "no deal", ...solutionLabels]));
      for (const e of space)
        expect([id, e.label, e.fillOpacity]).toEqual([
          id,
          e.label,
          e.label === "no deal" || solutionLabels.includes(e.label) ? 0 : 1,
        ]);
      const matrix = legend(await renderSvg(frontierMatrixSpec(a)));
      expect(matrix.map((e) => e.label)).toEqual(["Pareto frontier", ...solutionLabels]);
      for (const e of matrix)
        expect([e.label, e.fillOpacity]).toEqual([e.label, e.label === "Pareto frontier" ? 1 : 0]);
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it("parallel coordinates: lines with filled points, every symbol filled", async () => {
    const a = analyze(builtinScenario("ukraine-2025"));
    const entries = legend(await renderSvg(parallelCoordinatesSpec(a)));
    expect(entries.map((e) => e.label)).toEqual(expect.arrayContaining(solutionLabels));
    expect(entries.every((e) => e.fillOpacity === 1)).toBe(true);
  });
});
