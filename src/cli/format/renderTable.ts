import Table from "cli-table3";
import { textStyle } from "./style.js";

/**
 * A text format for tables.
 * @example
 * ```ts
 * const f: TableFormat = "markdown";
 * ```
 */
export type TableFormat = "table" | "markdown" | "csv";

const csvCell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const mdCell = (v: string): string => v.replace(/\|/g, "\\|").replace(/\n/g, " ");

/**
 * How terminal tables look: the width they must fit in and whether headers are bold.
 *
 * @example
 * ```ts
 * const t: TableLayout = { maxWidth: 80, color: false };
 * ```
 */
export interface TableLayout {
  /** Terminal width in characters; wider tables wrap their widest columns (default: no limit). */
  readonly maxWidth?: number;
  /** Bold headers (ANSI) when true (default false). */
  readonly color?: boolean;
}

/** Narrowest a wrapped column gets (content plus padding). */
const MIN_COLUMN = 8;

/**
 * Column widths (including cli-table3's one-space padding each side) that fit `maxWidth`: the
 * natural widths when they fit; otherwise the widest columns are capped at the largest common
 * width that fits (water filling), never below {@link MIN_COLUMN}. Null when no cap is needed.
 *
 * @example
 * ```ts
 * fitColumns([10, 60, 70], 80); // [10, 33, 33]
 * ```
 */
export function fitColumns(natural: readonly number[], maxWidth: number): number[] | null {
  const borders = natural.length + 1;
  const total = natural.reduce((a, b) => a + b, 0) + borders;
  if (!Number.isFinite(maxWidth) || total <= maxWidth) return null;
  const budget = maxWidth - borders;
  let cap = Math.max(...natural);
  while (cap > MIN_COLUMN && natural.reduce((a, w) => a + Math.min(w, cap), 0) > budget) cap--;
  return natural.map((w) => Math.min(w, cap));
}

const width = (s: string): number => Math.max(0, ...s.split("\n").map((line) => [...line].length));

/**
 * Renders rows as a terminal table (cli-table3, fitted to the terminal width by wrapping the
 * widest columns at word boundaries), a GitHub Markdown table, or RFC 4180 CSV. The CLI passes
 * the layout of its run's context (`tableLayout(ctx)`); without one, no width limit and no colour.
 *
 * @example
 * ```ts
 * renderTable(["party", "utility"], [["russia", 0.8]], "markdown");
 * // "| party | utility |\n| --- | --- |\n| russia | 0.8 |"
 * ```
 */
export function renderTable(
  head: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  format: TableFormat,
  options: TableLayout = {},
): string {
  const text = rows.map((r) => r.map((v) => (v === null ? "" : String(v))));
  if (format === "csv") return [head, ...text].map((r) => r.map(csvCell).join(",")).join("\n");
  if (format === "markdown")
    return [`| ${head.map(mdCell).join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...text.map((r) => `| ${r.map(mdCell).join(" | ")} |`)].join("\n");
  const natural = head.map((h, k) => Math.max(width(h), ...text.map((r) => width(r[k] ?? ""))) + 2);
  const fitted = fitColumns(natural, options.maxWidth ?? Number.POSITIVE_INFINITY);
  const bold = textStyle(options.color ?? false).bold;
  const table = new Table({
    head: head.map(bold),
    style: { head: [], border: [], compact: true },
    ...(fitted ? { colWidths: fitted, wordWrap: true, wrapOnWordBoundary: true } : {}),
  });
  for (const r of text) table.push(r);
  return table.toString();
}
