import { textStyle } from "./style.js";
import { displayWidth } from "./displayWidth.js";
import { longestPiece, wrapText } from "./wrapText.js";

/**
 * A text format for tables.
 * @example
 * ```ts
 * import { renderTable, type TableFormat } from "./renderTable.js";
 * const f: TableFormat = "csv";
 * renderTable(["a", "b"], [[1, "x,y"]], f); // 'a,b\n1,"x,y"'
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
 * import { renderTable, type TableLayout } from "./renderTable.js";
 * const t: TableLayout = { maxWidth: 24, color: false };
 * const lines = renderTable(["parameter", "value"], [["parties.russia.reservation", 0.44]], "table", t).split("\n");
 * lines.slice(3, 6);
 * // ["│ parties.     │ 0.44  │", "│ russia.      │       │", "│ reservation  │       │"]: 24 characters wide
 * ```
 */
export interface TableLayout {
  /** Terminal width in characters; wider tables wrap their widest columns (default: no limit). */
  readonly maxWidth?: number;
  /** Bold headers (ANSI) when true (default false). */
  readonly color?: boolean;
  /**
   * Leading columns that identify a row (default 1): when the table is too wide even with its
   * columns wrapped, it is split into narrower tables, each repeating these columns.
   */
  readonly keyColumns?: number;
}

/** Narrowest a wrapped column gets (content plus padding). */
const MIN_COLUMN = 8;
/** Width a column is given when a wide table is split into narrower ones. */
const COMFORTABLE = 22;

/**
 * Column widths (including the one-space padding each side of a cell) that fit `maxWidth`: the
 * natural widths when they fit; otherwise the widest columns are capped at the largest common
 * width that fits (water filling), never below {@link MIN_COLUMN} nor below a column's own
 * `minimum` (when given), and the columns left over go to the capped columns, one each from the
 * left. Null when no cap is needed.
 *
 * @example
 * ```ts
 * import { fitColumns } from "./renderTable.js";
 * fitColumns([10, 60, 70], 80); // [10, 33, 33]
 * fitColumns([10, 60, 70], 81); // [10, 34, 33]
 * fitColumns([10, 20], 80); // null: they fit
 * ```
 */
export function fitColumns(
  natural: readonly number[],
  maxWidth: number,
  minimum: readonly number[] = [],
): number[] | null {
  const borders = natural.length + 1;
  const total = natural.reduce((a, b) => a + b, 0) + borders;
  if (!Number.isFinite(maxWidth) || total <= maxWidth) return null;
  const budget = maxWidth - borders;
  const at = (cap: number): number[] => natural.map((w, k) => Math.min(w, Math.max(cap, minimum[k] ?? 0)));
  let cap = Math.max(...natural);
  while (cap > MIN_COLUMN && at(cap).reduce((a, b) => a + b, 0) > budget) cap--;
  const widths = at(cap);
  // What the common cap leaves of the budget goes to the capped columns, one column each from the
  // left (the key columns first): a date such as 2022-04 stays on one line when there is room.
  let left = budget - widths.reduce((a, b) => a + b, 0);
  while (left > 0) {
    const k = widths.findIndex((w, i) => w < natural[i]!);
    if (k < 0) break;
    for (let i = k; i < widths.length && left > 0; i++)
      if (widths[i]! < natural[i]!) {
        widths[i]!++;
        left--;
      }
  }
  return widths;
}

const width = (s: string): number => Math.max(0, ...s.split("\n").map(displayWidth));

/**
 * Draws a boxed table with one space of padding each side of a cell, cells aligned left and top,
 * a rule under the header (when there are rows) and none between rows. `widths` include the
 * padding; every line of a cell must fit its column (the caller wraps them).
 */
function drawBox(head: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): string {
  const rule = (l: string, m: string, r: string): string => l + widths.map((w) => "─".repeat(w)).join(m) + r;
  const lines = (cells: readonly string[]): string[] => {
    const split = widths.map((_, k) => (cells[k] ?? "").split("\n"));
    const height = Math.max(...split.map((c) => c.length));
    return Array.from(
      { length: height },
      (_, i) =>
        "│" +
        split
          .map((c, k) => {
            const text = c[i] ?? "";
            return ` ${text}${" ".repeat(Math.max(0, widths[k]! - 2 - displayWidth(text)))} `;
          })
          .join("│") +
        "│",
    );
  };
  return [
    rule("┌", "┬", "┐"),
    ...lines(head),
    ...(rows.length > 0 ? [rule("├", "┼", "┤")] : []),
    ...rows.flatMap(lines),
    rule("└", "┴", "┘"),
  ].join("\n");
}

/** Splits columns into groups that fit `maxWidth` at their narrowest, each group starting with the key columns. */
function columnGroups(minimum: readonly number[], keys: number, maxWidth: number): number[][] {
  const key = Array.from({ length: Math.min(keys, minimum.length) }, (_, k) => k);
  const base = key.reduce((a, k) => a + minimum[k]! + 1, 1);
  const groups: number[][] = [];
  let group: number[] = [];
  let used = base;
  for (let k = key.length; k < minimum.length; k++) {
    if (group.length > 0 && used + minimum[k]! + 1 > maxWidth) {
      groups.push(group);
      group = [];
      used = base;
    }
    group.push(k);
    used += minimum[k]! + 1;
  }
  if (group.length > 0 || groups.length === 0) groups.push(group);
  return groups.map((g) => [...key, ...g]);
}

/** One terminal table: widths fitted to `maxWidth`, every cell and header wrapped to its column. */
function terminalTable(
  head: readonly string[],
  text: readonly (readonly string[])[],
  maxWidth: number,
  bold: (s: string) => string,
): string {
  const natural = head.map((h, k) => Math.max(width(h), ...text.map((r) => width(r[k] ?? ""))) + 2);
  // A column is never narrower than its header's longest word (so headers stay distinct and readable),
  // nor, when every column's longest word fits at once, than its cells' longest word (so a name such
  // as zaporizhzhia is not cut while another column has room to give).
  const headWords = head.map((h, k) => Math.min(natural[k]!, Math.max(MIN_COLUMN, longestPiece(h) + 2)));
  const cellWords = headWords.map((m, k) =>
    Math.min(natural[k]!, Math.max(m, ...text.map((r) => longestPiece(r[k] ?? "") + 2))),
  );
  const minimum = cellWords.reduce((a, b) => a + b + 1, 1) <= maxWidth ? cellWords : headWords;
  const fitted = fitColumns(natural, maxWidth, minimum);
  const wrap = (v: string, k: number): string => (fitted ? wrapText(v, fitted[k]! - 2) : v);
  // Bold each line of a wrapped header, so a code never spans two table lines.
  const header = head.map((h, k) =>
    wrap(h, k)
      .split("\n")
      .map((line) => bold(line))
      .join("\n"),
  );
  return drawBox(
    header,
    text.map((r) => r.map(wrap)),
    fitted ?? natural,
  );
}
/**
 * Renders rows as a terminal table (box drawing, fitted to the terminal width by wrapping the
 * widest columns at spaces or separators, cutting nothing off; a table with too many columns to
 * fit even so becomes several narrower tables, each repeating the key columns), a GitHub Markdown table, or RFC 4180 CSV. The CLI passes
 * the layout of its run's context (`tableLayout(ctx)`); without one, no width limit and no colour.
 *
 * @example
 * ```ts
 * import { renderTable } from "./renderTable.js";
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
    return [
      `| ${head.map(mdCell).join(" | ")} |`,
      `| ${head.map(() => "---").join(" | ")} |`,
      ...text.map((r) => `| ${r.map(mdCell).join(" | ")} |`),
    ].join("\n");
  const bold = textStyle(options.color ?? false).bold;
  const maxWidth = options.maxWidth ?? Number.POSITIVE_INFINITY;
  const natural = head.map((h, k) => Math.max(width(h), ...text.map((r) => width(r[k] ?? ""))) + 2);
  const minimum = head.map((h, k) => Math.min(natural[k]!, Math.max(MIN_COLUMN, longestPiece(h) + 2)));
  if (minimum.reduce((a, b) => a + b + 1, 1) <= maxWidth) return terminalTable(head, text, maxWidth, bold);
  // Too many columns to fit even wrapped: narrower tables, each repeating the key columns.
  // Grouped at a comfortable width (up to COMFORTABLE characters), so each narrower table is
  // readable rather than as many columns as fit at their narrowest.
  const groups = columnGroups(
    minimum.map((m, k) => Math.min(natural[k]!, Math.max(m, COMFORTABLE))),
    options.keyColumns ?? 1,
    maxWidth,
  );
  return groups
    .map((g, i) => {
      const first = g.find((k) => k >= (options.keyColumns ?? 1)) ?? 0;
      const note = `(columns ${first + 1}-${g.at(-1)! + 1} of ${head.length}; table ${i + 1} of ${groups.length})`;
      return `${note}\n${terminalTable(
        g.map((k) => head[k]!),
        text.map((r) => g.map((k) => r[k] ?? "")),
        maxWidth,
        bold,
      )}`;
    })
    .join("\n\n");
}
