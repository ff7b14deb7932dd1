import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import { applyForecastInputs } from "../../src/forecast/inputs.js";
import { forecast } from "../../src/forecast/models.js";
import { forecastMonteCarloScenario, forecastMonteCarloTables } from "../../src/forecast/monteCarlo.js";
import { forecastTablesFromJson, parseForecastCsv } from "../../src/forecast/parseTable.js";
import { scenarioForecastTables } from "../../src/forecast/scenarioTables.js";
import { forecastScenario, nearestOption } from "../../src/forecast/settlement.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";

// A small scenario: one discrete issue with an ordered scale, one numeric issue; capabilities 3, 1, 1.
const toy: Scenario = validateScenario({
  id: "toy",
  issues: [
    {
      id: "border",
      options: [
        { id: "west", position: 0 },
        { id: "middle", position: 50 },
        { id: "east", position: 100 },
      ],
    },
    { id: "troops", type: "numeric", range: { min: 0, max: 10, step: 5 } },
  ],
  parties: [
    {
      id: "a",
      capability: 3,
      weights: { border: 3, troops: 1 },
      values: {
        border: { west: 10, middle: 5, east: 0 },
        troops: {
          points: [
            [0, 10],
            [10, 0],
          ],
        },
      },
      reservation: 0.3,
    },
    {
      id: "b",
      power: 1,
      weights: { border: 1, troops: 1 },
      values: {
        border: { west: 0, middle: 6, east: 10 },
        troops: {
          points: [
            [0, 0],
            [10, 10],
          ],
        },
      },
      reservation: 0.3,
    },
    {
      id: "c",
      weights: { border: 1, troops: 3 },
      values: {
        border: { west: 0, middle: 10, east: 5 },
        troops: {
          points: [
            [0, 5],
            [5, 10],
            [10, 0],
          ],
        },
      },
      reservation: 0.2,
    },
  ],
});

describe("scenario tables", () => {
  it("capability (else power, else 1), best option's position, normalised weight as salience", () => {
    const t = scenarioForecastTables(toy);
    expect(t.skipped).toEqual([]);
    expect(t.tables.map((x) => x.issue)).toEqual(["border", "troops"]);
    expect(t.tables[0]!.actors).toEqual([
      { actor: "a", capability: 3, position: 0, salience: 0.75 },
      { actor: "b", capability: 1, position: 100, salience: 0.5 },
      { actor: "c", capability: 1, position: 50, salience: 0.25 },
    ]);
    expect(t.tables[1]!.actors.map((x) => [x.position, x.salience])).toEqual([
      [0, 0.25],
      [10, 0.5],
      [5, 0.75],
    ]);
  });

  it("salience rule max: weight / the party's largest weight", () => {
    const t = scenarioForecastTables(toy, { salience: "max" });
    expect(t.tables[0]!.actors.map((x) => x.salience)).toEqual([1, 1, 1 / 3]);
    expect(t.tables[1]!.actors.map((x) => x.salience)).toEqual([1 / 3, 1, 1]);
  });

  it("a discrete issue without positions is skipped; positions on some options only is an error", () => {
    expect(scenarioForecastTables(builtinScenario("nash-1950")).tables).toEqual([]);
    const partial = {
      ...toy,
      issues: [
        { id: "border", options: [{ id: "west", position: 0 }, { id: "middle" }, { id: "east", position: 100 }] },
        toy.issues[1]!,
      ],
    };
    expect(() => scenarioForecastTables(validateScenario(partial))).toThrow(
      "$.issues[0].options[1].position: is missing",
    );
  });

  it("the median forecast becomes a bundle checked like a proposal, beside the solutions", () => {
    const f = forecastScenario(toy, { model: "median" });
    // border: weights c s = 2.25 at 0, 0.5 at 100, 0.25 at 50: the median is 0 (west);
    // troops: 0.75 at 0, 0.5 at 10, 0.75 at 5; sorted 0 (0.75), 5 (1.5 >= 1): 5.
    expect(f.issues.map((x) => x.forecast)).toEqual([0, 5]);
    expect(f.bundle).toEqual({ border: "west", troops: "5" });
    const check = checkProposal(toy, { border: "west", troops: "5" });
    expect(f.check).toEqual(check);
    expect(f.outsideZopa).toBe(check.rejectedBy.length > 0);
    expect(f.findings[0]).toContain(f.outsideZopa ? "lands outside the ZOPA" : "inside the ZOPA");
    const nash = analyze(toy).solutions.nash!;
    expect(f.comparison.find((c) => c.name === "nash")?.bundle).toEqual(nash.bundle);
    expect(f.comparison[0]).toMatchObject({ name: "forecast", positions: { border: 0, troops: 5 } });
  });

  it("nearest option: ties go to the option listed first", () => {
    const scale = { issue: "x", optionIds: ["a", "b", "c"], positions: [0, 50, 100] };
    expect(nearestOption(scale, 25)).toBe("a");
    expect(nearestOption(scale, 75)).toBe("b");
    expect(nearestOption(scale, 76)).toBe("c");
  });

  it("the ukraine-2025 forecast inputs apply, keep their provenance, and give a bundle for every issue", () => {
    const inputs = JSON.parse(readFileSync("examples/forecast/ukraine-2025.json", "utf8")) as {
      capabilities: Record<string, { value: number }>;
    };
    const s = applyForecastInputs(builtinScenario("ukraine-2025"), inputs);
    for (const p of s.parties) {
      expect(p.capability).toBe(inputs.capabilities[p.id]!.value);
      expect(p.notes?.capability).toMatchObject({ confidence: "low" });
    }
    const f = forecastScenario(s, { model: "bdm-scholz", rounds: 5 });
    expect(f.skipped).toEqual([]);
    const { scales } = scenarioForecastTables(s);
    for (const [k, x] of f.issues.entries()) expect(f.bundle![x.issue]).toBe(nearestOption(scales[k]!, x.forecast));
    expect(f.check!.rejectedBy).toEqual(checkProposal(s, f.bundle!).rejectedBy);
  });

  it("forecast inputs with an unknown option, party or a numeric scale fail with the path", () => {
    const base = builtinScenario("ukraine-2025");
    expect(() =>
      applyForecastInputs(base, { scenario: "ukraine-2025", scales: { crimea: { positions: { mars: 1 } } } }),
    ).toThrow("$.scales.crimea.positions.mars: is not an option of issue crimea");
    expect(() =>
      applyForecastInputs(base, { scenario: "ukraine-2025", capabilities: { china: { value: 1 } } }),
    ).toThrow("$.capabilities.china: names no party");
    // ukraine-2025's army cap is discrete; a numeric version of it (the grid the scenario had before issue 14).
    const numeric = {
      ...base,
      issues: base.issues.map((i) =>
        i.id === "army-cap"
          ? { id: "army-cap", label: "Cap", type: "numeric" as const, range: { min: 50, max: 900, step: 50 } }
          : i,
      ),
      parties: base.parties.map((p) => ({
        ...p,
        values: {
          ...p.values,
          "army-cap": {
            points: [
              [50, 0],
              [900, 10],
            ] as [number, number][],
          },
        },
      })),
    };
    expect(() =>
      applyForecastInputs(numeric, { scenario: "ukraine-2025", scales: { "army-cap": { positions: {} } } }),
    ).toThrow("is a numeric issue");
    expect(() =>
      applyForecastInputs(base, { scenario: "ukraine-2025", capabilities: { russia: { value: -1 } } }),
    ).toThrow("$.capabilities.russia.value");
  });
});

describe("table readers", () => {
  it("CSV: any column order and case, an Issue column, quoted cells", () => {
    const t = parseForecastCsv(
      'issue,SALIENCE,actor,position,capability\nx,1,"A, Inc.",0,1\nx,0.5,B,10,3\ny,1,A,1,1\ny,1,B,2,1\n',
      "t.csv",
    );
    expect(t.map((x) => x.issue)).toEqual(["x", "y"]);
    expect(t[0]!.actors[0]).toEqual({ actor: "A, Inc.", capability: 1, position: 0, salience: 1 });
    expect(forecast(t[0]!, { model: "mean" }).forecast).toBe(6);
  });

  it("CSV errors name the file, line, row and column", () => {
    expect(() => parseForecastCsv("Actor,Capability,Position\nA,1,0\n", "t.csv")).toThrow(
      "t.csv, line 1 (header): has no column Salience",
    );
    expect(() => parseForecastCsv("Actor,Capability,Position,Salience\nA,1,0,1\nB,1,x,1\n", "t.csv")).toThrow(
      't.csv, line 3 (row 2), column Position: is "x"; expected a number',
    );
    expect(() => parseForecastCsv("Actor,Capability,Position,Salience\nA,1,0,1\nB,,4,1\n", "t.csv")).toThrow(
      "t.csv, line 3 (row 2), column Capability: is empty; expected a number",
    );
    expect(() =>
      forecastTablesFromJson([{ Actor: "A", Capability: "high", Position: 0, Salience: 1 }], "t.json"),
    ).toThrow('t.json, row 1, column Capability: is "high"; expected a number');
    expect(() => parseForecastCsv("Actor,Capability,Position,Salience\nA,1,0,1\n\nB,1,3,1.5\n", "t.csv")).toThrow(
      "line 4 (row 2), column Salience: is 1.5; expected a number in [0, 1]",
    );
    expect(() => parseForecastCsv("Actor,Capability,Position,Salience\nA,1,3,1\nB,1,3,1\n", "t.csv")).toThrow(
      "t.csv, column Position: has the single distinct value 3",
    );
  });

  it("JSON: a table, a list of tables, or rows", () => {
    const rows = [
      { Actor: "A", Capability: 1, Position: 0, Salience: 1 },
      { Actor: "B", Capability: 1, Position: 4, Salience: 1 },
    ];
    expect(forecastTablesFromJson(rows, "t.json", "t")[0]!.issue).toBe("t");
    expect(forecastTablesFromJson({ issue: "q", actors: rows })[0]!.actors).toHaveLength(2);
    expect(
      forecastTablesFromJson([
        { issue: "q", actors: rows },
        { issue: "r", actors: rows },
      ]).map((x) => x.issue),
    ).toEqual(["q", "r"]);
    expect(() => forecastTablesFromJson([{ Actor: "A", Capability: 1, Position: 0 }], "t.json")).toThrow(
      "t.json, row 1: has no column Salience",
    );
    expect(() => forecastTablesFromJson({ nope: 1 }, "t.json")).toThrow("t.json: is neither a forecast table");
  });
});

describe("forecast Monte Carlo", () => {
  const table = parseForecastCsv(readFileSync("examples/forecast/ec-scholz.csv", "utf8"), "ec", "ec");
  it("same seed, same result; another seed, another; zero spread gives the forecast itself", () => {
    const a = forecastMonteCarloTables(table, 0.1, { model: "mean", draws: 200, seed: "3" });
    expect(forecastMonteCarloTables(table, 0.1, { model: "mean", draws: 200, seed: "3" })).toEqual(a);
    expect(
      forecastMonteCarloTables(table, 0.1, { model: "mean", draws: 200, seed: "4" }).issues[0]!.stats.mean,
    ).not.toBe(a.issues[0]!.stats.mean);
    expect(a.issues[0]!.stats.se).toBeGreaterThan(0);
    const zero = forecastMonteCarloTables(table, 0, { model: "mean", draws: 5, seed: "3" });
    expect(zero.issues[0]!.stats.sd).toBe(0);
    expect(zero.issues[0]!.stats.mean).toBeCloseTo(forecast(table[0]!, { model: "mean" }).forecast, 10);
  });

  it("over a scenario's uncertainty: option shares and P(outside ZOPA) from the draws, seeded", () => {
    const spec = { "parties.*.weights.*": { spread: 0.3 } };
    const r = forecastMonteCarloScenario(toy, spec, { model: "median", draws: 40, seed: "9" });
    expect(forecastMonteCarloScenario(toy, spec, { model: "median", draws: 40, seed: "9" })).toEqual(r);
    expect(r.issues).toHaveLength(2);
    for (const d of r.issues) expect(Object.values(d.options!).reduce((s, p) => s + p.p, 0)).toBeCloseTo(1, 9);
    expect(r.pOutsideZopa!.p).toBeGreaterThanOrEqual(0);
    expect(r.drawn).toContain("parties.a.weights.border");
  });
});
