import { describe, expect, it } from "vitest";
import { run } from "./run.js";

/**
 * Where a markdown text breaks its tables: in CommonMark and GitHub's markdown a line right under
 * a table (before a blank line) is read as one more row, and a table right under a paragraph
 * line is not a table at all. Returns each such line with its number.
 */
function tableBoundaryProblems(md: string): string[] {
  const lines = md.split("\n");
  const row = (l: string | undefined): boolean => l !== undefined && l.startsWith("|");
  const text = (l: string | undefined): boolean => l !== undefined && l.trim() !== "" && !row(l);
  const problems: string[] = [];
  lines.forEach((l, k) => {
    if (row(l) && text(lines[k + 1])) problems.push(`line ${k + 2} follows a table: ${lines[k + 1]!.slice(0, 60)}`);
    if (row(l) && text(lines[k - 1]))
      problems.push(`line ${k + 1} starts a table under text: ${lines[k - 1]!.slice(0, 60)}`);
  });
  return problems;
}

const COMMANDS: readonly (readonly string[])[] = [
  ["analyze", "nash-1950"],
  ["analyze", "dayton-1995"],
  ["check", "ukraine-2025", "--proposal", "examples/proposals/us-28-point-plan.json"],
  ["compare", "ukraine-2025", "--edits", "examples/events/sanctions.json"],
  ["sweep", "nash-1950", "--param", "parties.bill.reservation=0.2:0.8:3"],
  ["simulate", "nash-1950", "--strategy", "bill=boulware,jack=conceder", "--rounds", "20", "--seed", "7"],
  ["tournament", "nash-1950", "--strategies", "boulware,conceder", "--seeds", "2", "--seed", "1"],
  ["divide", "examples/points/bob-carol.json"],
  ["spe", "nash-1950", "--rounds", "4", "--discount", "bill=0.9,jack=0.9"],
  ["forecast", "examples/forecast/ec-scholz.csv", "--rounds", "3"],
  ["stability", "nash-1950", "--control", "bill=pen,toy", "--control", "jack=book"],
  ["backtest", "--case", "dayton-1995"],
  ["validation", "ukraine"],
];

describe("markdown output keeps its tables apart from the text around them", () => {
  it("the check finds a line stuck to a table", () => {
    expect(tableBoundaryProblems("| a |\n| --- |\n| 1 |\nNote.\n\nText\n| b |\n| --- |")).toEqual([
      "line 4 follows a table: Note.",
      "line 7 starts a table under text: Text",
    ]);
    expect(tableBoundaryProblems("Text\n\n| a |\n| --- |\n| 1 |\n\nNote.")).toEqual([]);
  });

  it.each(COMMANDS)(
    "%s %s",
    async (...argv) => {
      const r = await run(...argv, "--format", "markdown");
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/\| --- \|/);
      expect(tableBoundaryProblems(r.out)).toEqual([]);
    },
    120_000,
  );
});
