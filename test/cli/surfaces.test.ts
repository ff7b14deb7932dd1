import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadScenario, readJsonFile } from "../../src/files/loadScenario.js";
import { TreatylabError } from "../../src/model/errors.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { jsonLine, jsonResult } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/program.js";
import { sourceFiles } from "../helpers/sourceFiles.js";
import { run } from "./run.js";

/** Runs the CLI in-process with a given terminal width. */
async function runWidth(columns: number, ...argv: string[]): Promise<string> {
  let out = "";
  await runCli(argv, { stdout: (s) => (out += s), stderr: () => {}, isTTY: true, columns });
  return out;
}

describe("CLI surfaces", () => {
  it("commander's own errors carry the treatylab: prefix, like ours, and exit 2", async () => {
    const unknown = await run("analyze", "nash-1950", "--no-such-option");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^treatylab: unknown option '--no-such-option'/);
    const missing = await run("analyze");
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^treatylab: missing required argument/);
    const command = await run("analyse", "nash-1950");
    expect(command.err).toMatch(/^treatylab: unknown command 'analyse'/);
  });

  it("a terminal reporting 0 columns gets the default width, not one word per line", async () => {
    const zero = await runWidth(0, "analyze", "ukraine-2025");
    expect(zero).toBe(await runWidth(100, "analyze", "ukraine-2025"));
    expect(zero).not.toBe(await runWidth(40, "analyze", "ukraine-2025"));
  });

  it("`-` reads standard input where a file is read", async () => {
    const text = JSON.stringify(nash1950);
    expect(await readJsonFile("-", Readable.from([text]))).toEqual(JSON.parse(text));
    expect((await loadScenario("-", Readable.from([text.slice(0, 10), text.slice(10)]))).id).toBe(nash1950.id);
    await expect(readJsonFile("-", Readable.from(["{ oops"]))).rejects.toThrow(/^standard input:1:3: invalid JSON/);
    await expect(readJsonFile("-", Readable.from([]))).rejects.toThrow(TreatylabError);
    await expect(readJsonFile("-", Readable.from([]))).rejects.toThrow(/standard input is empty/);
  });

  describe("every JSON output records the treatylab version that wrote it", () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    const generator = { name: "treatylab", version };
    const GMCR = new URL("../stability/fixtures/cuban.gmcr", import.meta.url).pathname;
    const EC = "examples/forecast/ec-scholz.csv";
    const results: readonly (readonly string[])[] = [
      ["analyze", "nash-1950"],
      ["check", "ukraine-2025", "--proposal", "examples/proposals/us-28-point-plan.json", "-n", "1"],
      ["explain", "nash-1950", "--solution", "nash"],
      ["sensitivity", "nash-1950", "-p", "parties.bill.reservation", "--threads", "1", "--steps", "4"],
      ["sweep", "nash-1950", "-p", "parties.bill.reservation=0.2,0.4", "--threads", "1"],
      ["sweep", "nash-1950", "-p", "parties.bill.reservation=0.2,0.4", "--threads", "1", "--shard", "1/2"],
      ["montecarlo", "nash-1950", "--spread", "0.1", "--draws", "100", "--threads", "1"],
      ["montecarlo", "nash-1950", "--spread", "0.1", "--draws", "100", "--threads", "1", "--shard", "1/2"],
      ["forecast", EC, "--rounds", "2"],
      ["forecast", "dayton-1995", "--rounds", "2"], // a scenario with ordinal scales (ukraine-2025 has none: refused)
      ["forecast", EC, "--draws", "10", "--spread", "0.1"],
      ["forecast", EC, "--draws", "10", "--spread", "0.1", "--shard", "1/2"],
      ["stability", GMCR],
      ["backtest", "--draws", "0", "--case", "dayton-1995"],
      ["validation"],
      ["simulate", "nash-1950"],
      ["simulate", "nash-1950", "--runs", "3"],
      ["tournament", "nash-1950", "--strategies", "boulware,conceder", "--seeds", "1", "--rounds", "5"],
      ["spe", "nash-1950", "--rounds", "2", "--discount", "bill=0.9,jack=0.8"],
      ["rubinstein", "--discount", "a=0.9,b=0.8"],
      ["compare", "nash-1950", "--param", "parties.bill.reservation=0.5"],
      ["diff", "nash-1950", "--param", "parties.bill.reservation=0.5"],
      ["divide", "examples/points/bob-carol.json"],
    ];
    it.each(results.map((argv) => [argv.join(" "), argv] as const))(
      "%s: `generator` is the first field",
      async (_, argv) => {
        const r = await run(...argv, "--format", "json");
        expect(r.code, r.err).toBe(0);
        const json = JSON.parse(r.out) as Record<string, unknown>;
        expect(Object.keys(json)[0]).toBe("generator");
        expect(json.generator).toEqual(generator);
      },
    );

    it.each([
      ["plot", "nash-1950", "--format", "json"],
      ["stability", GMCR, "--format", "vega"],
      ["forecast", EC, "--format", "vega"],
      ["validation", "--format", "vega"],
    ])("a Vega-Lite spec (%s %s) keeps it in usermeta.generator", async (...argv) => {
      const spec = JSON.parse((await run(...argv)).out) as { usermeta?: { generator?: unknown }; generator?: unknown };
      expect(spec.usermeta?.generator).toEqual(generator);
      expect(spec.generator).toBeUndefined();
    });

    it("the CLI writes JSON only through jsonResult / vegaLiteJson, except documents of another format", () => {
      // Scenario documents (show, convert: they must read back), GENIUS/GMCR models (convert), the
      // JSON Schema (schema) and the scenario embedded in the explorer page are printed as they
      // are (docs/cli.md); JSON Lines rows (sweep --format jsonl) go through jsonLine.
      const allowed: Readonly<Record<string, number>> = {
        "src/cli/context.ts": 3,
        "src/cli/commands/convert.ts": 2,
        "src/cli/commands/scenarios.ts": 1,
        "src/cli/commands/schema.ts": 1,
        "src/cli/commands/explore.ts": 1,
      };
      const found: Record<string, number> = {};
      for (const file of sourceFiles("src/cli")) {
        const n = readFileSync(file, "utf8").split("JSON.stringify(").length - 1;
        if (n > 0) found[file.split(path.sep).join("/")] = n;
      }
      expect(found).toEqual(allowed);
    });

    it("a result is an object: a list goes in a named field", () => {
      expect(() => jsonResult([1, 2])).toThrow("put a list in a named field");
    });

    it("JSON output refuses NaN and Infinity instead of printing them as null (issue 17)", () => {
      expect(() => jsonResult({ rows: [{ gain: 0.5 }, { gain: Number.NaN }] })).toThrow(
        'the result\'s field "gain" is NaN',
      );
      expect(() => jsonLine({ u: Number.POSITIVE_INFINITY })).toThrow('"u" is Infinity');
      expect(JSON.parse(jsonResult({ u: 0.25, none: null })).u).toBe(0.25);
    });

    it("merge refuses a shard written by another version, naming it; outputs without a version still merge", async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-version-"));
      const argv = [
        "sweep",
        "nash-1950",
        "-p",
        "parties.bill.reservation=0.2:0.8:4",
        "--solutions",
        "nash",
        "--threads",
        "1",
        "--format",
        "json",
      ];
      const files = [1, 2].map((k) => path.join(dir, `part-${k}.json`));
      for (const [k, f] of files.entries())
        expect((await run(...argv, "--shard", `${k + 1}/2`, "--out", f)).code).toBe(0);
      const part = JSON.parse(await fs.readFile(files[1]!, "utf8")) as { generator: { version: string } };
      await fs.writeFile(files[1]!, JSON.stringify({ ...part, generator: { name: "treatylab", version: "0.0.1" } }));
      const refused = await run("merge", ...files);
      expect(refused.code).toBe(2);
      expect(refused.err).toBe(
        `treatylab: ${files[1]}: written by treatylab 0.0.1, this is treatylab ${version}; merge shard outputs with the version that wrote them, or run the shards again\n`,
      );
      const { generator: _, ...unstamped } = part;
      await fs.writeFile(files[1]!, JSON.stringify(unstamped));
      expect((await run("merge", ...files)).out).toBe((await run(...argv)).out);
    });
  });
});
