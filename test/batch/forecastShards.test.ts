import { readFileSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseForecastCsv } from "../../src/forecast/parseTable.js";
import {
  type ForecastMonteCarloJob,
  type ForecastMonteCarloPart,
  forecastMonteCarloScenario,
  forecastMonteCarloTables,
  mergeForecastMonteCarloParts,
  forecastMonteCarloShard,
} from "../../src/forecast/monteCarlo.js";
import { loadForecastInput } from "../../src/files/loadForecastInput.js";
import { run } from "../cli/run.js";

const tables = parseForecastCsv(readFileSync("examples/forecast/ec-scholz.csv", "utf8"), "ec", "ec");

describe("forecast Monte Carlo shards", () => {
  it("merged shards are the single run byte for byte, however the draws are split (tables and scenario input)", async () => {
    // A scenario whose issues have positions, so the forecast is a bundle (option shares and
    // P(outside ZOPA) are merged too).
    const input = await loadForecastInput("examples/forecast/ukraine-2025.json");
    if (input.kind !== "scenario") throw new Error("examples/forecast/ukraine-2025.json is not a scenario input");
    const scaled = input.scenario;
    const tableJob: ForecastMonteCarloJob = {
      input: { kind: "tables", tables, spread: 0.15 },
      options: { model: "bdm-scholz", rounds: 5, draws: 60, seed: "s" },
    };
    const spec = { "parties.*.weights.*": { spread: 0.3 }, "parties.*.reservation": { spread: 0.3 } };
    const scenarioJob: ForecastMonteCarloJob = {
      input: { kind: "scenario", scenario: scaled, uncertainty: spec },
      options: { model: "median", draws: 40, seed: "t" },
    };
    const whole = [
      JSON.stringify(forecastMonteCarloTables(tables, 0.15, tableJob.options)),
      JSON.stringify(forecastMonteCarloScenario(scaled, spec, scenarioJob.options)),
    ];
    expect(JSON.parse(whole[1]!).pOutsideZopa).toBeDefined();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.boolean(), (n, reverse) => {
        [tableJob, scenarioJob].forEach((job, j) => {
          const parts: ForecastMonteCarloPart[] = [];
          for (let k = 1; k <= n; k++) parts.push(forecastMonteCarloShard(job, { k, n }));
          if (reverse) parts.reverse();
          expect(JSON.stringify(mergeForecastMonteCarloParts(JSON.parse(JSON.stringify(parts))))).toBe(whole[j]);
        });
      }),
      { numRuns: 5 },
    );
  });

  it("the CLI shards `forecast --draws` and merges it; an incomplete set or another seed is refused, named", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-fshard-"));
    const base = [
      "forecast",
      "examples/forecast/ec-scholz.csv",
      "--model",
      "mean",
      "--draws",
      "90",
      "--spread",
      "0.1",
      "--seed",
      "5",
      "--format",
      "json",
    ];
    const single = await run(...base);
    expect(single.code).toBe(0);
    const files: string[] = [];
    for (const k of [1, 2, 3]) {
      const f = path.join(dir, `part-${k}.json`);
      expect((await run(...base, "--shard", `${k}/3`, "--out", f)).code).toBe(0);
      files.push(f);
    }
    expect((await run("merge", ...files)).out).toBe(single.out);
    const missing = await run("merge", files[0]!, files[2]!);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("shard 2/3 (items 30-59 of 90) is missing; run it (--shard 2/3)");
    const other = path.join(dir, "other-2.json");
    expect(
      (await run(...base.slice(0, -4), "--seed", "6", "--format", "json", "--shard", "2/3", "--out", other)).code,
    ).toBe(0);
    const mixed = await run("merge", files[0]!, files[1]!, other, files[2]!);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain(
      `${other}: comes from another forecast Monte Carlo than ${files[1]} (both are shard 2/3); what differs (${files[1]} -> ${other}): options.seed: "5" -> "6"`,
    );
    const noDraws = await run("forecast", "examples/forecast/ec-scholz.csv", "--shard", "1/2");
    expect(noDraws.code).toBe(2);
    expect(noDraws.err).toMatch(/--shard splits a Monte Carlo: give --draws <n> too/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
