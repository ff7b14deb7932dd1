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

  it("parallel coordinates: every legend entry a thick stroke in its colour, as the lines and the no-deal ticks are drawn", async () => {
    for (const id of ["nash-1950", "ukraine-2025"] as const) {
      const svg = await renderSvg(parallelCoordinatesSpec(analyze(builtinScenario(id))));
      const labels = [...svg.matchAll(/role-legend-label"[^>]*><text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
      const symbols = [...svg.matchAll(/role-legend-symbol"[^>]*><path ([^>]*)\/>/g)].map((m) => m[1]!);
      expect(labels).toEqual(["Pareto frontier", "no deal", ...solutionLabels]);
      expect(symbols).toHaveLength(labels.length);
      const colour = (label: string): string =>
        ({ "Pareto frontier": "#1b5e20", "no deal": "#000000" })[label] ??
        SOLUTION_LIST.find((c) => c.label === label)!.marker.color;
      symbols.forEach((attrs, k) => {
        // A horizontal segment ("M-x,0L x,0"), stroked 3 px wide in the entry's colour, opaque.
        expect(attrs, labels[k]).toMatch(/ d="M-([\d.]+),0L\1,0"/);
        expect(attrs, labels[k]).toContain(`stroke="${colour(labels[k]!)}" stroke-width="3" opacity="1"`);
      });
      // The reservations: one black, opaque tick per party, the colour of the legend's "no deal".
      const ticks = [
        ...svg.matchAll(/marker: no deal" role="graphics-symbol" aria-roledescription="tick" [^>]*>/g),
      ].map((m) => m[0]);
      expect(ticks.length).toBe(analyze(builtinScenario(id)).parties.length);
      for (const t of ticks) expect(t).toContain('fill="#000000" opacity="1"');
    }
    expect(warn).not.toHaveBeenCalled();
  });
});
