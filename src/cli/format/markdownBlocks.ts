// Markdown output as blocks (no dependency: the CLI's start path imports it through context.ts).

/** Whether a line is a row of a markdown table. */
function isRow(line: string | undefined): boolean {
  return line !== undefined && line.startsWith("|");
}

/**
 * Puts a blank line between a markdown table and a line of text (or a heading) right above or
 * below it. Without it, a line under a table is read as one more row, and some renderers (Pandoc
 * among them) do not start a table under a paragraph line. Every markdown text the CLI prints goes
 * through it (`emit`), so no command has to remember the blank lines.
 *
 * @example
 * ```ts
 * import { separateTables } from "./markdownBlocks.js";
 * separateTables("Title\n| a |\n| --- |\n| 1 |\nNote.");
 * // "Title\n\n| a |\n| --- |\n| 1 |\n\nNote."
 * ```
 */
export function separateTables(md: string): string {
  const lines = md.split("\n");
  const out: string[] = [];
  lines.forEach((line, k) => {
    const text = line.trim() !== "" && !isRow(line);
    if (k > 0 && text && isRow(lines[k - 1])) out.push("");
    out.push(line);
    if (text && isRow(lines[k + 1])) out.push("");
  });
  return out.join("\n");
}
