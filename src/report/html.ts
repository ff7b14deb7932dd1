/**
 * Small HTML helpers of the report: escaping and tables. Pure string functions.
 * @module
 */

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * ```ts
 * import { escapeHtml } from "./html.js";
 * escapeHtml('<a href="x">'); // "&lt;a href=&quot;x&quot;&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * A table cell: text (escaped), a number (printed as given), or null (empty).
 * @example
 * ```ts
 * import { htmlTable, type Cell } from "./html.js";
 * const row: Cell[] = ["Bill", 0.706, null];
 * htmlTable(["party", "utility", "note"], [row]).includes('<td class="num">0.706</td><td></td>'); // true
 * ```
 */
export type Cell = string | number | null;

/**
 * An HTML table with a header row; every cell is escaped. Numeric cells are right-aligned.
 *
 * @example
 * ```ts
 * import { htmlTable } from "./html.js";
 * htmlTable(["party", "utility"], [["Bill", 0.706]], "Solutions").split("\n")[3];
 * // '<tbody><tr><td>Bill</td><td class="num">0.706</td></tr></tbody>'
 * ```
 */
export function htmlTable(head: readonly string[], rows: readonly (readonly Cell[])[], caption?: string): string {
  const cell = (v: Cell, tag: "td" | "th"): string =>
    typeof v === "number" ? `<${tag} class="num">${v}</${tag}>` : `<${tag}>${escapeHtml(v ?? "")}</${tag}>`;
  return [
    "<table>",
    caption ? `<caption>${escapeHtml(caption)}</caption>` : "",
    `<thead><tr>${head.map((h) => cell(h, "th")).join("")}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((v) => cell(v, "td")).join("")}</tr>`).join("\n")}</tbody>`,
    "</table>",
  ].join("\n");
}

/**
 * An HTML section with an id (for the table of contents), a heading and a body (already HTML).
 *
 * @example
 * ```ts
 * import { htmlSection, htmlTable } from "./html.js";
 * htmlSection("parties", "Parties", htmlTable(["party"], [["Bill"]])).split("\n").slice(0, 2);
 * // ['<section id="parties">', "<h2>Parties</h2>"]
 * ```
 */
export function htmlSection(id: string, heading: string, body: string): string {
  return `<section id="${escapeHtml(id)}">\n<h2>${escapeHtml(heading)}</h2>\n${body}\n</section>`;
}
