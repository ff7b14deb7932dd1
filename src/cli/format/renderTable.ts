import Table from "cli-table3";

/** A text format for tables. */
export type TableFormat = "table" | "markdown" | "csv";

const csvCell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const mdCell = (v: string): string => v.replace(/\|/g, "\\|").replace(/\n/g, " ");

/**
 * Renders rows as a terminal table (cli-table3), a GitHub Markdown table, or RFC 4180 CSV.
 *
 * @example
 * ```ts
 * renderTable(["party", "utility"], [["russia", 0.8]], "markdown");
 * // "| party | utility |\n| --- | --- |\n| russia | 0.8 |"
 * ```
 */
export function renderTable(head: readonly string[], rows: readonly (readonly (string | number | null)[])[], format: TableFormat): string {
  const text = rows.map((r) => r.map((v) => (v === null ? "" : String(v))));
  if (format === "csv") return [head, ...text].map((r) => r.map(csvCell).join(",")).join("\n");
  if (format === "markdown")
    return [`| ${head.map(mdCell).join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...text.map((r) => `| ${r.map(mdCell).join(" | ")} |`)].join("\n");
  const table = new Table({
    head: [...head],
    style: { head: [], border: [], compact: true },
  });
  for (const r of text) table.push(r);
  return table.toString();
}
