import { describe, expect, it } from "vitest";
import { forecast } from "../../src/forecast/models.js";
import { forecastRoundsSpec } from "../../src/plots/forecastRounds.js";
import { renderSvg } from "../../src/render/renderSvg.js";

const t = {
  issue: "ec",
  actors: [
    { actor: "A", capability: 1, position: 0, salience: 0.3 },
    { actor: "B", capability: 2, position: 10, salience: 0.6 },
    { actor: "C", capability: 1, position: 4, salience: 0.9 },
  ],
};

describe("forecast rounds plot", () => {
  it("one line per actor plus median and mean, per issue panel; renders to SVG", async () => {
    const f = forecast(t, { model: "bdm-scholz", rounds: 4 });
    const spec = forecastRoundsSpec([f, { ...f, issue: "second" }]);
    const panels = spec.vconcat as { data: { values: { series: string; round: number }[] } }[];
    expect(panels).toHaveLength(2);
    const series = new Set(panels[0]!.data.values.map((v) => v.series));
    expect([...series]).toEqual(["A", "B", "C", "median", "mean"]);
    expect(panels[0]!.data.values).toHaveLength(f.rounds.length * 5);
    const svg = await renderSvg(spec);
    expect(svg).toContain("<svg");
    expect(svg).toContain("median");
    expect(svg).toContain("ec: forecast");
  });
});
