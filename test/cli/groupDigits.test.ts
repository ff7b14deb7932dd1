import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupDigits, groupedPrecision } from "../../src/model/groupDigits.js";
import { analyze } from "../../src/analysis/analyze.js";
import { runCli } from "../../src/cli/program.js";
import { reportHtml } from "../../src/report/reportHtml.js";
import { stabilitySection } from "../../src/report/stabilitySection.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";

/** The standard output of a command that succeeds (a 200-column page, so that no line wraps). */
async function run(...argv: string[]): Promise<string> {
  const out: string[] = [];
  expect(await runCli(argv, { stdout: (s) => void out.push(s), stderr: () => {}, isTTY: false, columns: 200 })).toBe(0);
  return out.join("");
}

describe("groupDigits: counts in the CLI's human output", () => {
  it("puts a comma before each group of three digits, and nothing else changes", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (n) => {
        const grouped = groupDigits(n);
        expect(grouped.replaceAll(",", "")).toBe(n.toString());
        expect(grouped).toMatch(/^-?\d{1,3}(,\d{3})*$/);
        expect(groupDigits(n.toString())).toBe(grouped);
        if (n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER))
          expect(groupDigits(Number(n))).toBe(grouped);
      }),
    );
    expect([groupDigits(999), groupDigits(1000), groupDigits("26542080")]).toEqual(["999", "1,000", "26,542,080"]);
  });

  it("groupedPrecision: significant digits, grouped instead of an exponent, decided after rounding", () => {
    expect([0.012345, 1.25, 99.4, 99.5, 99.97, 100, 12345, 987654321].map((x) => groupedPrecision(x))).toEqual([
      "0.012",
      "1.3",
      "99",
      "100",
      "100",
      "100",
      "12,000",
      "990,000,000",
    ]);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e15, noNaN: true }), fc.integer({ min: 1, max: 6 }), (x, d) => {
        const text = groupedPrecision(x, d);
        expect(text).not.toMatch(/e/);
        expect(Number(text.replaceAll(",", ""))).toBe(Number(x.toPrecision(d)));
      }),
    );
  });

  it("groups the integer part of a decimal, and returns what is not plain digits as given", () => {
    expect([groupDigits(12345.5), groupDigits("-1234.25"), groupDigits(12.5)]).toEqual([
      "12,345.5",
      "-1,234.25",
      "12.5",
    ]);
    for (const x of ["1.5e+21", 1e21, "~3", "", "abc", "1,234", "1.", ".5"]) expect(groupDigits(x)).toBe(String(x));
  });

  it("analyze, validate and compare print grouped counts; JSON keeps the exact digits", async () => {
    expect(await run("analyze", "ukraine-2025")).toMatch(/^Outcomes: 26,542,080 feasible bundles; ZOPA: 110,625 \(/m);
    expect(await run("validate", "ukraine-2025")).toMatch(/, 26,542,080 feasible bundles\n$/);
    expect(await run("compare", "ukraine-2025", "--param", "parties.eu.reservation=0.5")).toContain(
      "ZOPA: 110,625 -> 171,547 bundles (60,922 entered, 0 left)",
    );
    const json = JSON.parse(await run("analyze", "ukraine-2025", "--format", "json"));
    expect([json.outcomesExact, json.zopaCounting.countExact]).toEqual(["26542080", "110625"]);
  });

  it("sweep groups the ZOPA size in its table and Markdown, not in CSV", async () => {
    const argv = ["sweep", "ukraine-2025", "-p", "parties.eu.reservation=0.5:0.5:1", "--solutions", "nash"];
    expect(await run(...argv)).toMatch(/│ 0\.5 +│ 171,547 +│/);
    expect(await run(...argv, "--format", "markdown")).toMatch(/\| 0\.5 +\| 171,547 +\|/);
    expect((await run(...argv, "--format", "csv")).split("\n")[1]).toMatch(/^0\.5,171547,/);
  });

  it("stability (text) and the HTML report group their counts too", async () => {
    const out: string[] = [];
    const argv = [
      "stability",
      "ukraine-2025",
      "--control",
      "russia=donbas,zaporizhzhia,kherson",
      "--control",
      "ukraine=nato,guarantees",
    ];
    expect(await runCli(argv, { stdout: (s) => void out.push(s), stderr: () => {}, isTTY: false, columns: 200 })).toBe(
      0,
    );
    expect(out.join("")).toMatch(/^1,536 feasible states, 2 decision makers; equilibria: Nash 1, /m);

    const s = builtinScenario("ukraine-2025");
    const a = analyze(s);
    const stability = await stabilitySection(
      s,
      { fromScenario: { control: { russia: ["donbas", "zaporizhzhia", "kherson"], ukraine: ["nato", "guarantees"] } } },
      { nash: a.solutions.nash!.bundle },
    );
    const html = reportHtml({ scenario: s, analysis: a, figures: [], proposals: [], generator: "test", stability });
    expect(html).toContain("<div><b>26,542,080</b>feasible settlements</div><div><b>110,625</b>in the ZOPA");
    expect(html).toContain("<div><b>1,536</b>feasible states</div>");
  });
});
