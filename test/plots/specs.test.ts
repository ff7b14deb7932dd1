import { readFileSync } from "node:fs";
import { compile } from "vega-lite";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import { TreatylabError } from "../../src/model/errors.js";
import type { Bundle, Scenario } from "../../src/model/types.js";
import fc from "fast-check";
import { frontierMatrixSpec } from "../../src/plots/frontierMatrix.js";
import { frontierRows, thinIndices } from "../../src/plots/frontierPoints.js";
import { monteCarloSpec } from "../../src/plots/monteCarloChart.js";
import { negotiationTraceSpec } from "../../src/plots/negotiationTrace.js";
import { parallelCoordinatesSpec } from "../../src/plots/parallelCoordinates.js";
import { detectResult, resultPlot } from "../../src/plots/resultPlot.js";
import type { VegaLiteSpec } from "../../src/plots/spec.js";
import { sweepSpec } from "../../src/plots/sweepLines.js";
import { tornadoSpec } from "../../src/plots/tornadoChart.js";
import { utilitySpaceSpec } from "../../src/plots/utilitySpace.js";
import { renderSvg } from "../../src/render/renderSvg.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { sweep } from "../../src/sensitivity/sweep.js";
import { sweepOutput } from "../../src/sensitivity/sweepPart.js";
import { tornado } from "../../src/sensitivity/tornado.js";
import { simulate } from "../../src/simulation/simulate.js";
import { tournament } from "../../src/simulation/tournament.js";
import { tournamentSpec } from "../../src/plots/tournamentChart.js";
import { monteCarlo } from "../../src/uncertainty/monteCarlo.js";

const nash = builtinScenario("nash-1950");
const nashAnalysis = analyze(nash);
const empty: Scenario = {
  id: "empty",
  issues: [{ id: "x", options: [{ id: "a" }, { id: "b" }] }],
  parties: [
    { id: "p", weights: { x: 1 }, values: { x: { a: 1, b: 0 } }, reservation: 0.5 },
    { id: "q", weights: { x: 1 }, values: { x: { a: 0, b: 1 } }, reservation: 0.6 },
  ],
};

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string } | string };
const layers = (spec: VegaLiteSpec): Layer[] => spec.layer as unknown as Layer[];
const valuesWith = (spec: VegaLiteSpec, marker: string): Record<string, unknown>[] =>
  layers(spec).flatMap((l) => l.data.values.filter((v) => v.marker === marker));

/** A spec is plain JSON (no NaN, undefined or functions) and compiles with Vega-Lite. */
function expectValidSpec(spec: VegaLiteSpec): void {
  expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  expect(() => compile(spec as never)).not.toThrow();
}

describe("utility-space spec", () => {
  it("plots the analysis: the frontier, the four solutions and the disagreement point at the reservations", () => {
    const spec = utilitySpaceSpec(nash, nashAnalysis);
    expectValidSpec(spec);
    const frontier = valuesWith(spec, "Pareto frontier");
    // the frontier appears twice (line and points), each time once per frontier point
    expect(frontier).toHaveLength(2 * nashAnalysis.frontier.length);
    for (const f of nashAnalysis.frontier)
      expect(
        frontier.some(
          (p) =>
            Math.abs((p.x as number) - f.utilities.bill!) < 1e-6 &&
            Math.abs((p.y as number) - f.utilities.jack!) < 1e-6,
        ),
      ).toBe(true);
    for (const [key, name] of [
      ["nash", "Nash"],
      ["kalaiSmorodinsky", "Kalai-Smorodinsky"],
      ["egalitarian", "Egalitarian"],
      ["utilitarian", "Utilitarian"],
    ] as const) {
      const [pt] = valuesWith(spec, name);
      expect(pt?.x).toBeCloseTo(nashAnalysis.solutions[key]!.utilities.bill!, 6);
      expect(pt?.y).toBeCloseTo(nashAnalysis.solutions[key]!.utilities.jack!, 6);
    }
    const [noDeal] = valuesWith(spec, "no deal");
    expect(noDeal?.x).toBeCloseTo(nash.parties[0]!.reservation, 6);
    expect(noDeal?.y).toBeCloseTo(nash.parties[1]!.reservation, 6);
  });

  it("marks checked proposals where checkProposal puts them, and projects onto the chosen parties", () => {
    const u = builtinScenario("ukraine-2025");
    const plan = JSON.parse(readFileSync("examples/proposals/us-28-point-plan.json", "utf8")) as { bundle: Bundle };
    const a = analyze(u);
    const utilities = checkProposal(u, plan.bundle, { alternatives: 0 }).utilities;
    const spec = utilitySpaceSpec(u, a, {
      parties: ["ukraine", "eu"],
      proposals: [{ label: "plan", utilities }],
      zoom: true,
      maxPoints: 200,
    });
    expectValidSpec(spec);
    const [p] = valuesWith(spec, "proposal");
    expect(p?.x).toBeCloseTo(utilities.ukraine!, 6);
    expect(p?.y).toBeCloseTo(utilities.eu!, 6);
    const [noDeal] = valuesWith(spec, "no deal");
    expect([noDeal?.x, noDeal?.y]).toEqual(
      ["ukraine", "eu"].map((id) => u.parties.find((p) => p.id === id)!.reservation),
    );
  });

  it("rejects unknown or repeated parties with one clear line", () => {
    expect(() => utilitySpaceSpec(nash, nashAnalysis, { parties: ["bill", "joe"] })).toThrow(TreatylabError);
    expect(() => utilitySpaceSpec(nash, nashAnalysis, { parties: ["bill", "joe"] })).toThrow(
      /unknown party "joe"; parties: bill, jack/,
    );
    expect(() => utilitySpaceSpec(nash, nashAnalysis, { parties: ["bill", "bill"] })).toThrow(/two different parties/);
  });

  it("draws an empty ZOPA without solutions or frontier", () => {
    const a = analyze(empty);
    const spec = utilitySpaceSpec(empty, a);
    expectValidSpec(spec);
    expect(valuesWith(spec, "Pareto frontier")).toHaveLength(0);
    expect(valuesWith(spec, "Nash")).toHaveLength(0);
    expect(valuesWith(spec, "outside the ZOPA").length).toBeGreaterThan(0);
  });
});

describe("utility-space window", () => {
  // A visual trial found Pareto points of the ukraine-2025 projection drawn past the frame: the
  // zoomed window was fitted to the sampled ZOPA points only, not to the exact frontier.
  it.each(["ukraine-2025", "dayton-1995", "camp-david-2000", "nash-1950"])(
    "%s: every frontier point, solution and proposal lies inside the axes' domains, zoomed or not",
    (id) => {
      const s = builtinScenario(id);
      const a = analyze(s);
      for (const zoom of [true, false]) {
        const spec = utilitySpaceSpec(s, a, { zoom });
        const layers = spec.layer as VegaLiteSpec[];
        const enc = layers[1]!.encoding as { x: { scale: { domain: number[] } }; y: { scale: { domain: number[] } } };
        const [x0, x1] = enc.x.scale.domain as [number, number];
        const [y0, y1] = enc.y.scale.domain as [number, number];
        const drawn = layers
          .filter((l) => !(l.mark as { clip?: boolean }).clip)
          .flatMap((l) => (l.data as { values?: { x?: number; y?: number }[] }).values ?? [])
          .filter((v) => typeof v.x === "number" && typeof v.y === "number");
        expect(drawn.length).toBeGreaterThan(0);
        const outside = drawn.filter((v) => v.x! < x0 || v.x! > x1 || v.y! < y0 || v.y! > y1);
        expect(outside).toEqual([]);
      }
    },
  );
});

describe("multi-party frontier specs", () => {
  const u = builtinScenario("ukraine-2025");
  const a = analyze(u);
  it("the scatter matrix has one panel per pair of parties, each with every frontier point", () => {
    const spec = frontierMatrixSpec(a);
    expectValidSpec(spec);
    const rows = spec.vconcat as unknown as { hconcat: { layer: Layer[] }[] }[];
    const panels = rows.flatMap((r) => r.hconcat);
    expect(panels).toHaveLength((4 * 3) / 2);
    for (const p of panels) expect(p.layer[0]!.data.values).toHaveLength(a.frontier.length);
  });
  it("parallel coordinates have one line per frontier point and solution, one vertex per party", () => {
    const spec = parallelCoordinatesSpec(a);
    expectValidSpec(spec);
    const [frontier, solutions] = layers(spec);
    // One line per frontier point up to the 600 the chart draws (thinned evenly beyond that), one vertex per party.
    expect(frontier!.data.values).toHaveLength(Math.min(a.frontier.length, 600) * 4);
    expect(new Set(solutions!.data.values.map((v) => v.series))).toEqual(
      new Set(["Nash", "Kalai-Smorodinsky", "Egalitarian", "Utilitarian"]),
    );
  });
  it("thins huge frontiers evenly, keeping the first and last points, and says so", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 2, max: 400 }), (n, max) => {
        const idx = thinIndices(n, max);
        expect(idx).toHaveLength(Math.min(n, max));
        idx.forEach((v, k) => {
          expect(Number.isInteger(v) && v >= 0 && v < n).toBe(true);
          if (k > 0) expect(v).toBeGreaterThan(idx[k - 1]!);
        });
        if (n > 0) expect([idx[0], idx[idx.length - 1]]).toEqual([0, n - 1]);
      }),
    );
    const rows = frontierRows(a, 5).filter((r) => r.marker === "Pareto frontier");
    expect(rows.map((r) => r.series)).toEqual(thinIndices(a.frontier.length, 5).map((k) => `frontier ${k + 1}`));
    expect(rows[4]!.utilities).toEqual(
      Object.fromEntries(
        Object.entries(a.frontier[a.frontier.length - 1]!.utilities).map(([p, u]) => [p, Math.round(u * 1e6) / 1e6]),
      ),
    );
    expect(JSON.stringify(parallelCoordinatesSpec(a).title)).toMatch(
      new RegExp(`${a.frontier.length} frontier points`),
    );
  });

  it("both say so when the ZOPA is empty", () => {
    const e = analyze(empty);
    for (const spec of [frontierMatrixSpec(e), parallelCoordinatesSpec(e)]) {
      expectValidSpec(spec);
      expect(JSON.stringify(spec.title)).toMatch(/ZOPA is empty/);
    }
  });
});

describe("result specs", () => {
  const run = simulate(nash, {
    seed: "3",
    rounds: 30,
    parties: { bill: { strategy: "boulware" }, jack: { strategy: "conceder" } },
  });
  const spec = { axes: [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.6, steps: 5 }] };
  const rows = sweep(nash, spec);
  const sweepOut = sweepOutput(nash, spec, rows, { start: 0, end: rows.length });
  const torn = tornado(nash, { metric: { party: "bill" } });
  const tour = tournament([nash], { strategies: ["boulware", "conceder", "hardliner"], seed: 1, rounds: 30 });
  const mc = monteCarlo(nash, { "parties.*.reservation": { spread: 0.2 } }, { draws: 60, seed: "1" });

  it("recognises each command's JSON output, and nothing else", () => {
    const roundTrip = <T>(x: T): unknown => JSON.parse(JSON.stringify(x));
    expect(detectResult(roundTrip(run))?.kind).toBe("trace");
    expect(detectResult(roundTrip(sweepOut))?.kind).toBe("sweep");
    expect(detectResult(roundTrip(torn))?.kind).toBe("tornado");
    expect(detectResult(roundTrip({ breakEven: { entries: [] }, tornado: torn }))?.kind).toBe("tornado");
    expect(detectResult(roundTrip(mc))?.kind).toBe("montecarlo");
    expect(detectResult(roundTrip(tour))?.kind).toBe("tournament");
    expect(
      detectResult(
        roundTrip({ seed: tour.seed, protocol: tour.protocol, runs: tour.runs.length, summary: tour.summary }),
      )?.kind,
    ).toBe("tournament");
    expect(detectResult(roundTrip(nash))).toBeNull();
    expect(detectResult([1, 2])).toBeNull();
  });

  it("the trace has each party's utility of each offer, as simulate reports it", () => {
    const s = negotiationTraceSpec(run);
    expectValidSpec(s);
    const [line] = layers(s);
    expect(line!.data.values).toHaveLength(run.trace.length * 2);
    run.trace.forEach((t, k) => {
      const bill = line!.data.values.find((v) => v.move === k + 1 && v.party === "bill");
      expect(bill?.utility).toBeCloseTo(t.utilities.bill!, 6);
      expect(bill?.round).toBe(t.round);
    });
  });

  it("the sweep plots one ZOPA size per row, the tornado two bars per parameter, Monte Carlo the top bundles", () => {
    const sw = sweepSpec(sweepOut);
    expectValidSpec(sw);
    const zopa = (sw.vconcat as unknown as { layer: Layer[] }[])[0]!.layer[0]!.data.values;
    expect(zopa.map((z) => z.zopa)).toEqual(rows.map((r) => r.zopaSize));
    const t = tornadoSpec(torn, { bars: 3 });
    expectValidSpec(t);
    expect(layers(t)[0]!.data.values).toHaveLength(2 * Math.min(3, torn.bars.length));
    const m = monteCarloSpec(mc, { bundles: 5 });
    expectValidSpec(m);
    expect(layers(m)[0]!.data.values.map((v) => v.pZopa)).toEqual(
      mc.bundles.slice(0, 5).map((b) => Math.round(b.pZopa * 1e6) / 1e6),
    );
  });

  it("the trace legend draws own offers solid and received offers dashed, as line segments", async () => {
    const svg = await renderSvg(negotiationTraceSpec(run));
    // Legend symbols: Vega draws a "stroke" symbol as a short horizontal line "M-r,0Lr,0".
    const symbols = [...svg.matchAll(/role-legend-symbol[^>]*><path[^>]*>/g)].map((m) => m[0]);
    expect(symbols.every((p) => /d="M-([\d.]+),0L\1,0"/.test(p))).toBe(true);
    const dash = symbols.map((p) => /stroke-dasharray="([^"]*)"/.exec(p)?.[1] ?? "none");
    expect(symbols).toHaveLength(4); // two parties, two kinds of offer
    expect(symbols.every((p) => !/stroke="transparent"/.test(p))).toBe(true);
    expect(new Set(dash.slice(2))).toEqual(new Set(["1,0", "4,3"]));
  });

  it("names parties and parameters by their labels when given the scenario, never by paths", () => {
    const trace = resultPlot({ kind: "trace", result: run }, nash).spec;
    expect((layers(trace)[0]!.data.values as { party: string }[]).map((v) => v.party)).toContain("Bill");
    expect((trace.title as { text: string }).text).toBe(`Negotiation: ${nash.title}`);
    // Another scenario's labels are not used for a trace of nash-1950.
    expect(
      (
        layers(resultPlot({ kind: "trace", result: run }, builtinScenario("dayton-1995")).spec)[0]!.data.values as {
          party: string;
        }[]
      )[0]!.party,
    ).toBe("bill");
    const t = resultPlot({ kind: "tornado", result: torn }, nash).spec;
    const bars = layers(t)[0]!;
    expect(bars.data.values.every((v) => !String(v.parameter).includes("parties."))).toBe(true);
    expect(bars.data.values.map((v) => v.parameter)).toContain("Bill: weight on Pen: who holds it after the trade");
    expect(JSON.stringify(t.layer)).toContain("utility of Bill at the Nash solution");
    const sw = JSON.stringify(sweepSpec(sweepOut));
    expect(sw).toContain('"title":"Bill: reservation"');
    expect(sw).not.toMatch(/"title":"parties\./);
  });

  it("Monte Carlo labels: bundle 1's distinguishing terms, then each bundle's differences from it, all different, none cut", () => {
    const m = monteCarloSpec(mc, { bundles: 12 });
    const values = layers(m)[0]!.data.values as { bundle: string }[];
    const shown = mc.bundles.slice(0, 12);
    const labels = values.map((v) => v.bundle);
    expect(new Set(labels).size).toBe(labels.length);
    const differing = Object.keys(shown[0]!.bundle).filter((i) =>
      shown.some((b) => b.bundle[i] !== shown[0]!.bundle[i]),
    );
    labels.forEach((label, k) => {
      const terms = label
        .replace(/\n/g, " ")
        .replace(/^\d+\. (as 1 but )?/, "")
        .split(", ");
      const expected = (k === 0 ? differing : differing.filter((i) => shown[k]!.bundle[i] !== shown[0]!.bundle[i])).map(
        (i) => `${i}=${shown[k]!.bundle[i]}`,
      );
      expect(terms).toEqual(expected);
      expect(label).not.toContain("…");
    });
  });

  it("the tournament plot ranks the strategies as the summary does, with their agreement rates", () => {
    const t = tournamentSpec(tour);
    expectValidSpec(t);
    const panels = t.hconcat as unknown as [{ layer: Layer[] }, { data: { values: Record<string, unknown>[] } }];
    expect(panels[0].layer[0]!.data.values.map((v) => v.strategy)).toEqual(tour.summary.map((s) => s.strategy));
    expect(panels[1].data.values.map((v) => v.agreement)).toEqual(
      tour.summary.map((s) => Math.round(s.agreementRate * 1e6) / 1e6),
    );
  });

  it("a two-axis sweep is a heat map with one cell per grid point", () => {
    const spec2 = {
      axes: [
        { parameter: "parties.bill.reservation", values: [0.3, 0.4] },
        { parameter: "parties.jack.reservation", values: [0.3, 0.4, 0.5] },
      ],
    };
    const rows2 = sweep(nash, spec2);
    const s = sweepSpec(sweepOutput(nash, spec2, rows2, { start: 0, end: rows2.length }));
    expectValidSpec(s);
    expect(s.mark).toBe("rect");
    expect((s.data as { values: unknown[] }).values).toHaveLength(6);
  });

  it("renders every kind to SVG with its title", async () => {
    for (const r of [
      { kind: "trace", result: run },
      { kind: "sweep", result: sweepOut },
      { kind: "tornado", result: torn },
      { kind: "montecarlo", result: mc },
      { kind: "tournament", result: tour },
    ] as const) {
      const plot = resultPlot(r);
      const svg = await renderSvg(plot.spec);
      expect(svg.startsWith("<svg")).toBe(true);
      const title = plot.spec.title as { text: string };
      expect(svg).toContain(title.text.replace(/&/g, "&amp;"));
    }
  });
});

describe("renderSvg", () => {
  it("draws one symbol per frontier point and solution marker in the nash-1950 utility space", async () => {
    const svg = await renderSvg(utilitySpaceSpec(nash, nashAnalysis));
    expect(svg).toMatch(/^<svg[^>]*width="\d+"/);
    expect(svg).toContain("utility of Bill");
    expect(svg).toContain("Kalai-Smorodinsky");
  });
  it("turns an invalid spec into one clear error", async () => {
    await expect(renderSvg({ mark: "no-such-mark" })).rejects.toThrow(TreatylabError);
  });
});
