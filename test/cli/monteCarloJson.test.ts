import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JSON_BUNDLES } from "../../src/cli/commands/montecarlo.js";
import { MAX_SCENARIO_BYTES } from "../../src/files/loadScenario.js";
import type { MonteCarloResult } from "../../src/uncertainty/monteCarloAccumulator.js";
import { run } from "./run.js";

const NASH = [
  "montecarlo",
  "nash-1950",
  "--spread",
  "0.2",
  "--draws",
  "300",
  "--seed",
  "3",
  "--solutions",
  "nash",
  "--threads",
  "1",
  "--format",
  "json",
];
const parse = (text: string): MonteCarloResult => JSON.parse(text) as MonteCarloResult;

describe("montecarlo --format json is compact by default (issue 16)", () => {
  it("lists the first JSON_BUNDLES bundles of the full ranking and says how many there are; --all-bundles lists every one", async () => {
    const compact = parse((await run(...NASH)).out);
    const all = parse((await run(...NASH, "--all-bundles")).out);
    expect(all.bundlesInZopa).toBeGreaterThan(JSON_BUNDLES); // else the default would list them all
    expect(all.bundles).toHaveLength(all.bundlesInZopa);
    expect(compact.bundles).toEqual(all.bundles.slice(0, JSON_BUNDLES));
    expect({ ...compact, bundles: [] }).toEqual({ ...all, bundles: [] });
    expect(parse((await run(...NASH, "--top", "5")).out).bundles).toEqual(all.bundles.slice(0, 5));
    const both = await run(...NASH, "--top", "5", "--all-bundles");
    expect([both.code, both.err]).toEqual([2, "treatylab: give --top <n> or --all-bundles, not both\n"]);
  });

  it("merge gives the single run's bytes, compact by default and with --all-bundles", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-mc-json-"));
    const files = [1, 2, 3].map((k) => path.join(dir, `part-${k}.json`));
    for (const [k, f] of files.entries())
      expect((await run(...NASH, "--shard", `${k + 1}/3`, "--out", f)).code).toBe(0);
    expect((await run("merge", ...files)).out).toBe((await run(...NASH)).out);
    expect((await run("merge", ...files, "--all-bundles")).out).toBe((await run(...NASH, "--all-bundles")).out);
  });

  it("ukraine-2025: the default JSON is small and plot and report --attach read it", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-mc-json-"));
    const file = path.join(dir, "mc.json");
    const argv = [
      "montecarlo",
      "ukraine-2025",
      "-u",
      "examples/uncertainty/ukraine-2025.json",
      "--draws",
      "100",
      "--seed",
      "7",
      "--threads",
      "1",
      "--format",
      "json",
      "--out",
      file,
    ];
    expect((await run(...argv)).code).toBe(0);
    const size = (await fs.stat(file)).size;
    const r = parse(await fs.readFile(file, "utf8"));
    // Every bundle would be about 420 bytes each (141 MB at 1,000 draws, docs/what-ifs.md).
    expect(r.bundlesInZopa).toBeGreaterThan(100_000);
    expect(r.bundles).toHaveLength(JSON_BUNDLES);
    expect(size).toBeLessThan(MAX_SCENARIO_BYTES / 64);
    const plot = await run("plot", file, "--format", "json");
    expect([plot.code, plot.err]).toEqual([0, ""]);
    const report = await run("report", "ukraine-2025", "--attach", file, "--out", path.join(dir, "report.html"));
    expect(report.code, report.err).toBe(0);
    expect(await fs.readFile(path.join(dir, "report.html"), "utf8")).toContain("P(every party accepts the bundle)"); // the caption of the Monte Carlo chart
  }, 120_000);

  it("an uncertainty declaration that does not fit the scenario names its file (found by a new user)", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-mc-u-"));
    const bounds = path.join(dir, "bounds.json");
    await fs.writeFile(bounds, JSON.stringify({ "parties.bill.reservation": { dist: "uniform", min: 0.5, max: 0.1 } }));
    const party = path.join(dir, "party.json");
    await fs.writeFile(party, JSON.stringify({ "parties.nobody.reservation": { spread: 0.1 } }));
    const embedded = path.join(dir, "scenario.json");
    const show = await run("show", "nash-1950");
    await fs.writeFile(
      embedded,
      JSON.stringify({ ...JSON.parse(show.out), uncertainty: { "parties.nobody.reservation": { spread: 0.1 } } }),
    );
    for (const [argv, message] of [
      [["nash-1950", "-u", bounds], `${bounds}: $.uncertainty["parties.bill.reservation"].min: 0.5 is above max 0.1`],
      [["nash-1950", "-u", party], `${party}: $.uncertainty["parties.nobody.reservation"]: unknown party "nobody"`],
      [[embedded], `${embedded}: $.uncertainty["parties.nobody.reservation"]: unknown party "nobody"`],
    ] as const) {
      const r = await run("montecarlo", ...argv, "--draws", "10");
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toContain(message);
    }
  });
});
