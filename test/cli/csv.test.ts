import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv, rectangularCsv } from "../helpers/csv.js";
import { run } from "./run.js";

const GMCR = new URL("../stability/fixtures/cuban.gmcr", import.meta.url).pathname;

/** Every command that prints CSV, with arguments that give it several kinds of content. */
const COMMANDS: readonly (readonly string[])[] = [
  ["analyze", "ukraine-2025"],
  ["check", "ukraine-2025", "--proposal", "examples/proposals/us-28-point-plan.json"],
  [
    "check",
    "nash-1950",
    "--set",
    "book=bill",
    "--set",
    "whip=jack",
    "--set",
    "ball=bill",
    "--set",
    "bat=jack",
    "--set",
    "box=bill",
    "--set",
    "pen=bill",
    "--set",
    "toy=bill",
    "--set",
    "knife=bill",
    "--set",
    "hat=bill",
  ],
  ["sensitivity", "nash-1950", "--threads", "1", "--steps", "8"],
  ["sweep", "nash-1950", "-p", "parties.bill.reservation=0.2:0.8:4", "--threads", "1"],
  ["forecast", "examples/forecast/ec-scholz.csv", "--rounds", "3"],
  ["forecast", "examples/forecast/ec-scholz.csv", "--draws", "20", "--spread", "0.1"],
  ["stability", GMCR],
  ["stability", GMCR, "--explain", "NYYN", "--status-quo", "NNNN"],
  ["backtest", "--draws", "0", "--case", "dayton-1995"],
  ["validation"],
  ["simulate", "nash-1950", "--protocol", "zeuthen"],
  ["simulate", "nash-1950", "--runs", "3"],
  ["tournament", "nash-1950", "--strategies", "boulware,conceder", "--seeds", "2", "--rounds", "10"],
  ["tournament", "nash-1950", "--strategies", "boulware,conceder", "--seeds", "2", "--rounds", "10", "--runs"],
  ["spe", "nash-1950", "--rounds", "3", "--discount", "bill=0.9,jack=0.8"],
];

describe("the strict CSV parser of these tests", () => {
  it("reads quoted commas, quotes and line breaks, and rejects what RFC 4180 does not allow", () => {
    expect(parseCsv('a,b\r\n1,"x, ""y""\nz"\n,\n')).toEqual([
      ["a", "b"],
      ["1", 'x, "y"\nz'],
      ["", ""],
    ]);
    expect(() => parseCsv('a,b"c')).toThrow("quote inside an unquoted field");
    expect(() => parseCsv('"a"b,c')).toThrow("text after the closing quote");
    expect(() => parseCsv('"a,b')).toThrow("unterminated");
    expect(() => rectangularCsv("a,b\n1,2\n\nx,y")).toThrow("CSV record 3: 1 field(s), the header has 2");
    expect(() => rectangularCsv("a,a\n1,2")).toThrow('column "a" is repeated');
  });
});

describe("--format csv is one rectangular RFC 4180 table", () => {
  it.each(COMMANDS.map((argv) => [argv.join(" "), argv] as const))("%s", async (_, argv) => {
    const r = await run(...argv, "--format", "csv");
    expect(r.err.replace(/^wrote .*\n/, "")).toBe("");
    expect(r.code).toBe(0);
    const { header, rows } = rectangularCsv(r.out);
    expect(header.length).toBeGreaterThan(1);
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe("check and sensitivity as one table", () => {
  it("check: one row per party for the proposal, then per party for each closest acceptable settlement", async () => {
    const { header, rows } = rectangularCsv(
      (
        await run(
          "check",
          "ukraine-2025",
          "--proposal",
          "examples/proposals/russian-memorandum.json",
          "-n",
          "2",
          "--format",
          "csv",
        )
      ).out,
    );
    expect(header).toEqual([
      "kind",
      "rank",
      "party",
      "utility",
      "reservation",
      "gain",
      "accepts",
      "shortfall",
      "red_lines",
      "ratified",
      "votes_for",
      "votes_needed",
      "delta",
      "clauses_changed",
      "changes",
      "broken_constraint",
    ]);
    const col = (row: string[], name: string): string => row[header.indexOf(name)]!;
    expect(rows.map((r) => `${col(r, "kind")}${col(r, "rank")}:${col(r, "party")}`)).toEqual(
      ["proposal", "alternative1", "alternative2"].flatMap((k) =>
        ["russia", "ukraine", "us", "eu"].map((p) => `${k}:${p}`),
      ),
    );
    const ukraine = rows[1]!;
    expect(col(ukraine, "accepts")).toBe("false");
    expect(Number(col(ukraine, "gain"))).toBeCloseTo(
      Number(col(ukraine, "utility")) - Number(col(ukraine, "reservation")),
      9,
    );
    expect(col(ukraine, "red_lines")).toMatch(/^army-cap=85 \(.*\);donbas=de-jure-russian \(/);
    for (const r of rows.slice(4))
      expect([col(r, "accepts"), Number(col(r, "clauses_changed")) > 0, col(r, "changes")]).toEqual([
        "true",
        true,
        expect.stringMatching(/^[\w-]+=[\w-]+->[\w-]+(;|$)/),
      ]);
  });

  it("check: a party's constituencies' vote in its own columns", async () => {
    const { header, rows } = rectangularCsv(
      (
        await run(
          "check",
          "ukraine-2025-ratification",
          "--proposal",
          "examples/proposals/us-28-point-plan.json",
          "-n",
          "1",
          "--format",
          "csv",
        )
      ).out,
    );
    const cells = (party: string, kind: string): string[] => {
      const r = rows.find((x) => x[header.indexOf("party")] === party && x[0] === kind)!;
      return ["ratified", "votes_for", "votes_needed"].map((c) => r[header.indexOf(c)]!);
    };
    expect(cells("ukraine", "proposal")).toEqual(["true", "1", "1"]);
    expect(cells("ukraine", "alternative")).toEqual(["true", "1", "1"]);
    expect(cells("russia", "proposal")).toEqual(["", "", ""]); // no constituencies
  });

  it("sensitivity: one row per parameter with its break-even changes and its tornado bar", async () => {
    const { header, rows } = rectangularCsv(
      (
        await run(
          "sensitivity",
          "nash-1950",
          "-p",
          "parties.*.reservation",
          "--threads",
          "1",
          "--steps",
          "8",
          "--format",
          "csv",
        )
      ).out,
    );
    expect(rows.map((r) => r[0])).toEqual(["parties.bill.reservation", "parties.jack.reservation"]);
    const col = (name: string): string[] => rows.map((r) => r[header.indexOf(name)]!);
    expect(col("solution")).toEqual(["nash", "nash"]);
    expect(col("tornado_metric")).toEqual(["zopa", "zopa"]);
    for (const name of [
      "base",
      "solution_up_delta",
      "solution_up_to",
      "base_zopa_size",
      "tornado_low",
      "tornado_high",
      "tornado_effect",
    ])
      for (const v of col(name)) expect(Number.isFinite(Number(v)) && v !== "").toBe(true);
  });

  it("check's table shows ratification at home when a party has constituencies (it was only in JSON and CSV)", async () => {
    const argv = ["--proposal", "examples/proposals/us-28-point-plan.json", "-n", "0", "--format", "markdown"];
    const table = (await run("check", "ukraine-2025-ratification", ...argv)).out;
    expect(table.split("\n").find((l) => l.startsWith("| party"))).toMatch(/\| ratification +\|$/);
    expect(table).toMatch(/\| Ukraine .*\| ratified: All-Ukrainian referendum yes \(1 of 1 votes needed\) +\|/);
    expect(table).toMatch(/\| United States .*\| ratified: US Congress yes \(1 of 1 votes needed\) +\|/);
    expect(table).toMatch(/\| Russia .*\| +\|$/m);
    // Without constituencies, no such column.
    const plain = (await run("check", "ukraine-2025", ...argv)).out;
    expect(plain).not.toMatch(/ratification/);
  });

  it("sensitivity's tables round a utility metric to 4 decimals; its CSV keeps every digit (found by a new user)", async () => {
    const argv = ["sensitivity", "nash-1950", "-p", "parties.*.reservation", "--threads", "1", "--steps", "4"];
    const table = (await run(...argv, "--metric", "utility:bill", "--format", "markdown")).out;
    const tornado = table.slice(table.indexOf("Tornado"));
    expect(tornado).toMatch(/base 0\.7059\)/);
    expect(tornado).toMatch(/\| 0\.7059 +\|/);
    expect(tornado).not.toMatch(/\d\.\d{5,}/);
    const csv = rectangularCsv((await run(...argv, "--metric", "utility:bill", "--format", "csv")).out);
    expect(csv.rows[0]![csv.header.indexOf("tornado_metric_base")]).toBe("0.705882352941");
    // The ZOPA size stays a whole number.
    expect((await run(...argv, "--format", "markdown")).out).toMatch(/base 293\)/);
  });

  it("merge --format csv of sweep shards is the single run's table", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-csv-"));
    const argv = [
      "sweep",
      "nash-1950",
      "-p",
      "parties.bill.reservation=0.2:0.8:5",
      "--solutions",
      "nash",
      "--threads",
      "1",
    ];
    const files = [1, 2].map((k) => path.join(dir, `part-${k}.json`));
    for (const [k, f] of files.entries())
      expect((await run(...argv, "--shard", `${k + 1}/2`, "--format", "json", "--out", f)).code).toBe(0);
    const merged = (await run("merge", ...files, "--format", "csv")).out;
    expect(rectangularCsv(merged).rows).toHaveLength(5);
    expect(merged).toBe((await run(...argv, "--format", "csv")).out);
  });
});
