/**
 * Small HTML helpers of the report: escaping and tables. Pure string functions.
 * @module
 */

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * ```ts
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
 * const row: Cell[] = ["Russia", 0.6, null];
 * ```
 */
export type Cell = string | number | null;

/**
 * An HTML table with a header row; every cell is escaped. Numeric cells are right-aligned.
 *
 * @example
 * ```ts
 * htmlTable(["party", "utility"], [["Bill", 0.706]], "Solutions");
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
 * htmlSection("parties", "Parties", htmlTable(["party"], [["Bill"]]));
 * ```
 */
export function htmlSection(id: string, heading: string, body: string): string {
  return `<section id="${escapeHtml(id)}">\n<h2>${escapeHtml(heading)}</h2>\n${body}\n</section>`;
}
