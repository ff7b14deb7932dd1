import type { AdjustedWinnerResult } from "../../procedures/adjustedWinner.js";
import { renderTable, type TableLayout } from "./renderTable.js";
import { jsonResult } from "../context.js";

/**
 * Output formats of `treatylab divide`.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { type DivisionFormat, formatDivision } from "./formatDivision.js";
 * const f: DivisionFormat = "json";
 * const r = adjustedWinner(JSON.parse(readFileSync("examples/points/bob-carol.json", "utf8")));
 * JSON.parse(formatDivision(r, f)).points; // { carol: "170/3", bob: "170/3" }
 * ```
 */
export type DivisionFormat = "table" | "markdown" | "json";

/** An exact fraction string with its decimal value when it is not a whole number: `"170/3 (56.667)"`. */
function withDecimal(fraction: string): string {
  const m = /^(-?\d+)\/(\d+)$/.exec(fraction);
  return m ? `${fraction} (${(Number(m[1]) / Number(m[2])).toFixed(3)})` : fraction;
}

/**
 * Renders an Adjusted Winner result as JSON (exact fraction strings), a terminal table or Markdown:
 * the allocation, both totals, the split item, the three checks and the numbered steps.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { formatDivision } from "./formatDivision.js";
 * const r = adjustedWinner(JSON.parse(readFileSync("examples/points/bob-carol.json", "utf8")));
 * formatDivision(r, "markdown").split("\n")[13];
 * // "Split: retirement: 1/6 of it passes from carol to bob (carol keeps 5/6)."
 * ```
 */
export function formatDivision(r: AdjustedWinnerResult, format: DivisionFormat, layout: TableLayout = {}): string {
  if (format === "json") return jsonResult(r);
  const [a, b] = r.parties;
  const md = format === "markdown";
  const rows = r.items.map((it) => [
    it.label ? `${it.id} (${it.label})` : it.id,
    withDecimal(it.points[a] ?? ""),
    withDecimal(it.points[b] ?? ""),
    r.allocation[it.id]?.[a] ?? "",
    r.allocation[it.id]?.[b] ?? "",
  ]);
  rows.push(["total points", "100", "100", withDecimal(r.points[a] ?? ""), withDecimal(r.points[b] ?? "")]);
  const table = renderTable(
    ["item", `${a} points`, `${b} points`, `${a} share`, `${b} share`],
    rows,
    md ? "markdown" : "table",
    layout,
  );
  const yes = (v: boolean): string => (v ? "yes" : "NO");
  const split = r.split
    ? `Split: ${r.split.item}: ${r.split.fraction} of it passes from ${r.split.from} to ${r.split.to} (${r.split.from} keeps ${r.allocation[r.split.item]?.[r.split.from] ?? "?"}).`
    : "Split: none (the totals became equal without dividing an item).";
  const checks = `Checks (computed): equitable ${yes(r.checks.equitable)}, envy-free ${yes(r.checks.envyFree)}, efficient ${yes(r.checks.efficient)}.`;
  const steps = r.steps.map((s, k) => `${k + 1}. ${s.text}`);
  const title = md ? `## Adjusted Winner: ${a} and ${b}` : `Adjusted Winner: ${a} and ${b}`;
  return [
    title,
    "",
    `Points: ${r.normalisation.rule}.`,
    "",
    table,
    "",
    split,
    checks,
    "",
    md ? "### Steps" : "Steps:",
    "",
    ...steps,
  ].join("\n");
}
