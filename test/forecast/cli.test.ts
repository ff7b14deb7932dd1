import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { forecastMonteCarloShard, runForecastMonteCarlo } from "../../src/forecast/monteCarlo.js";
import { loadForecastInput } from "../../src/files/loadForecastInput.js";
import { run } from "../cli/run.js";
import { jsonResult } from "../../src/cli/context.js";

const EC = "examples/forecast/ec-scholz.csv";

describe("treatylab forecast", () => {
  it("JSON contract: model and rounds with round, median, mean, positions (round 0 is the input)", async () => {
    const r = await run("forecast", EC, "--model", "bdm-scholz", "--rounds", "1", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      model: string;
      rounds: { round: number; median: number; mean: number; positions: Record<string, number> }[];
    };
    expect(j.model).toBe("bdm-scholz");
    expect(j.rounds.map((x) => x.round)).toEqual([0, 1]);
    expect(j.rounds[0]!.positions.France).toBe(10);
    expect(j.rounds[1]!.median).toBeCloseTo(8.41593, 5);
    expect(j.rounds[1]!.mean).toBeCloseTo(7.46131, 5);
  });

  it("several issues: one entry per issue; csv long format; markdown", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "forecast-"));
    const file = path.join(dir, "two.csv");
    writeFileSync(file, "Issue,Actor,Capability,Position,Salience\nx,A,1,0,1\nx,B,3,10,1\ny,A,1,5,1\ny,B,1,1,1\n");
    const j = JSON.parse((await run("forecast", file, "--model", "mean", "--format", "json")).out) as {
      issues: { issue: string; forecast: number }[];
    };
    expect(j.issues.map((x) => [x.issue, x.forecast])).toEqual([
      ["x", 7.5],
      ["y", 3],
    ]);
    const csv = (await run("forecast", file, "--model", "mean", "--format", "csv")).out.trim().split("\n");
    expect(csv[0]).toBe("issue,round,median,mean,actor,position,risk,offer,from,to");
    expect(csv).toHaveLength(5);
    const md = (await run("forecast", EC, "--rounds", "2", "--format", "markdown")).out;
    expect(md).toContain("| actor | round 0 | round 1 | round 2 |");
    expect(md).toContain("| median | 7 | 8.41593 | 9.61086 |");
    expect(md).toContain("| 0 | Belgium | compromise | France |");
  });

  it("a forecast-inputs file: findings, the comparison with the solutions, --out", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "forecast-"));
    const out = path.join(dir, "f.json");
    const r = await run(
      "forecast",
      "examples/forecast/ukraine-2025.json",
      "--model",
      "median",
      "--format",
      "json",
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(out, "utf8")) as {
      bundle: Record<string, string>;
      findings: string[];
      comparison: { name: string }[];
      outsideZopa: boolean;
    };
    expect(Object.keys(j.bundle)).toHaveLength(builtinScenario("ukraine-2025").issues.length);
    expect(j.comparison[0]!.name).toBe("forecast");
    expect(j.findings[0]).toMatch(j.outsideZopa ? /lands outside the ZOPA/ : /inside the ZOPA/);
  });

  it("Monte Carlo: same seed, same output", async () => {
    const a = await run("forecast", EC, "--draws", "50", "--spread", "0.1", "--seed", "5", "--format", "json");
    const b = await run("forecast", EC, "--draws", "50", "--spread", "0.1", "--seed", "5", "--format", "json");
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(JSON.parse(a.out).issues[0].stats.n).toBe(50);
  });

  it("Monte Carlo threads: byte-identical output for --threads 1 and 2 (tables, scenario with capability draws, a shard), equal to the library's single run", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "forecast-"));
    const u = path.join(dir, "u.json");
    writeFileSync(
      u,
      JSON.stringify({ "parties.*.capability": { spread: 0.3 }, "parties.*.weights.*": { confidence: "medium" } }),
    );
    const runs = [
      ["forecast", EC, "--draws", "130", "--spread", "0.1", "--seed", "5", "--format", "json"],
      [
        "forecast",
        "examples/forecast/ukraine-2025.json",
        "--model",
        "median",
        "--draws",
        "120",
        "--uncertainty",
        u,
        "--seed",
        "9",
        "--format",
        "json",
      ],
      ["forecast", EC, "--draws", "130", "--spread", "0.1", "--seed", "5", "--shard", "2/3", "--format", "json"],
    ];
    const outs: string[] = [];
    for (const args of runs) {
      const one = await run(...args, "--threads", "1");
      const two = await run(...args, "--threads", "2");
      expect(one.code, one.err).toBe(0);
      expect(two.out).toBe(one.out);
      outs.push(one.out);
    }
    const loaded = await loadForecastInput(EC);
    if (loaded.kind !== "tables") throw new Error(`${EC} is not a table`);
    const tables = loaded.tables;
    const job = {
      input: { kind: "tables" as const, tables, spread: 0.1 },
      options: { model: "bdm-scholz" as const, rounds: 10, salience: "share" as const, draws: 130, seed: "5" },
    };
    expect(outs[0]!.trim()).toBe(jsonResult(runForecastMonteCarlo(job)));
    expect(outs[2]!.trim()).toBe(jsonResult(forecastMonteCarloShard(job, { k: 2, n: 3 })));
    expect(JSON.parse(outs[1]!).drawn).toContain("parties.russia.capability");
  });

  it("the HTML report with --forecast: the forecast bundle among the checked proposals and its rounds plot", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "forecast-"));
    const out = path.join(dir, "r.html");
    const r = await run(
      "report",
      "ukraine-2025",
      "--forecast",
      "median",
      "--forecast-inputs",
      "examples/forecast/ukraine-2025.json",
      "-o",
      out,
    );
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain('data-kind="forecast"');
    expect(html).toContain("Forecast (Weighted median)");
    expect(html).toMatch(/forecast (lands outside|lies inside) the ZOPA/);
  });

  it("bad input: one line, exit 2", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "forecast-"));
    const file = path.join(dir, "bad.csv");
    writeFileSync(file, "Actor,Capability,Position,Salience\nA,1,0,1\nB,1,5,2\n");
    const r = await run("forecast", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("line 3 (row 2), column Salience: is 2; expected a number in [0, 1]");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    const m = await run("forecast", EC, "--draws", "10");
    expect(m.code).toBe(2);
    expect(m.err).toContain("needs --spread");
    // A scenario with no ordered scale has nothing to forecast: refused in every format with
    // where the positions come from (it printed an empty forecast and exit 0; found by a new user).
    for (const format of ["table", "json", "csv", "svg"]) {
      const none = await run("forecast", "ukraine-2025", "--model", "median", "--format", format);
      expect(none.code, format).toBe(2);
      expect(none.err).toContain("ukraine-2025: no issue has an ordered scale, so there is nothing to forecast");
      expect(none.err).toContain("examples/forecast/ukraine-2025.json");
    }
    // A Monte Carlo too (it printed an empty table).
    const mc = await run("forecast", "ukraine-2025", "--draws", "10", "--spread", "0.1");
    expect(mc.code).toBe(2);
    expect(mc.err).toContain("nothing to forecast");
  });
});
