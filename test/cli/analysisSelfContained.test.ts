import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { formatAnalysis } from "../../src/cli/format/formatAnalysis.js";
import { wrapProse } from "../../src/cli/format/wrapText.js";
import { renderTable } from "../../src/cli/format/renderTable.js";
import { runCli } from "../../src/cli/program.js";
import { issueLabel, optionLabel } from "../../src/model/labels.js";
import { optionIdsOf } from "../../src/model/validate.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import type { Analysis } from "../../src/analysis/types.js";

async function runWidth(columns: number, ...argv: string[]): Promise<string> {
  let out = "";
  await runCli(argv, { stdout: (s) => (out += s), stderr: () => {}, isTTY: true, columns });
  return out;
}

describe("an analysis carries what its formatters need (issue #16)", () => {
  it("Analysis.issues lists every issue with its label and its options' labels, in the scenario's order", () => {
    const s = builtinScenario("ukraine-2025");
    const a = analyze(s);
    expect(a.issues.map((i) => i.id)).toEqual(s.issues.map((i) => i.id));
    for (const issue of s.issues) {
      const summary = a.issues.find((i) => i.id === issue.id)!;
      expect(summary.label).toBe(issueLabel(s, issue.id));
      expect(summary.options).toEqual(optionIdsOf(issue).map((o) => ({ id: o, label: optionLabel(s, issue.id, o) })));
    }
    expect(a.parties.map((p) => p.label)).toEqual(s.parties.map((p) => p.label ?? p.id));
  });

  it("the analyze table is made from the analysis alone: a JSON round trip of it gives the CLI's table byte for byte", async () => {
    const out = await runWidth(100, "analyze", "ukraine-2025");
    const json = JSON.parse(await runWidth(100, "analyze", "ukraine-2025", "--format", "json")) as Analysis & {
      generator?: unknown;
    };
    const { generator: _g, ...plain } = json;
    // (the CLI wraps the prose lines of every text report to the terminal, as `emit` does)
    expect(wrapProse(formatAnalysis(plain, "table", { layout: { maxWidth: 100, color: false } }), 100)).toBe(
      out.trimEnd(),
    );
    // the settlement terms show option labels (from Analysis.issues), not ids
    const md = await runWidth(100, "analyze", "ukraine-2025", "--format", "markdown");
    expect(md).toContain(
      plain.issues[0]!.options.find((o) => o.id === plain.solutions.nash!.bundle[plain.issues[0]!.id])!.label,
    );
  });

  it("the table layout comes from each run's context: no module state carries over from one run to the next", async () => {
    const narrow = await runWidth(60, "analyze", "ukraine-2025");
    const wide = await runWidth(200, "analyze", "ukraine-2025");
    const width = (t: string): number => Math.max(...t.split("\n").map((l) => [...l].length));
    const tableWidth = (t: string): number =>
      width(
        t
          .split("\n")
          .filter((l) => /^[┌│├└]/.test(l))
          .join("\n"),
      );
    expect(tableWidth(narrow)).toBeLessThanOrEqual(60);
    expect(tableWidth(wide)).toBeGreaterThan(60);
    expect(await runWidth(60, "analyze", "ukraine-2025")).toBe(narrow);
    // a table rendered outside the CLI after those runs has no width limit
    const long = "x".repeat(150);
    expect(width(renderTable(["a"], [[long]], "table"))).toBe(150 + 4);
    // and renderTable.ts keeps no mutable module state
    expect(readFileSync("src/cli/format/renderTable.ts", "utf8")).not.toMatch(/^let /m);
  });
});
