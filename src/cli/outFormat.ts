/**
 * `--out`'s file extension against what the command writes: `plot -o x.png` wrote SVG into x.png,
 * and `report -o r.pdf` HTML into r.pdf, without a word. A known extension picks the format when
 * `--format` was left at its default (`analyze -o result.json` writes JSON), and one the command
 * cannot write is refused before any work, naming the formats it can.
 * @module
 */
import path from "node:path";
import type { Command, Option } from "commander";
import { TreatylabError } from "../model/errors.js";
import { quote } from "../model/quote.js";

/** The extensions of each output format, in the order a format is preferred for an extension. */
const FORMAT_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  json: [".json"],
  csv: [".csv"],
  svg: [".svg"],
  markdown: [".md", ".markdown"],
  jsonl: [".jsonl", ".ndjson"],
  vega: [".json"],
  html: [".html", ".htm"],
};

/**
 * Extensions whose content is fixed, so that a file named so and holding anything else is a
 * mistake: the formats' own (but Markdown's, since a table or text reads fine in a .md file) and
 * formats treatylab never writes (images, PDF, spreadsheets).
 */
const STRICT = new Set([
  ".json",
  ".csv",
  ".svg",
  ".jsonl",
  ".ndjson",
  ".html",
  ".htm",
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".webp",
  ".pdf",
  ".xlsx",
  ".xls",
  ".docx",
]);

/** The format a command without `--format` writes to its `--out` option (see {@link writesFormat}). */
const FIXED_FORMAT = new WeakMap<Option, string>();

/**
 * Declares what a command without `--format` writes to this `--out` option (`report`: html), so
 * that {@link checkOutFormat} refuses an extension of another format. Returns the option.
 *
 * @example
 * ```ts
 * import { Option } from "commander";
 * import { writesFormat } from "./outFormat.js";
 * const out = writesFormat(new Option("-o, --out <file>"), "html");
 * ```
 */
export function writesFormat(option: Option, format: string): Option {
  FIXED_FORMAT.set(option, format);
  return option;
}

/**
 * Checks `--out` of the command about to run against its format (a commander `preAction` hook):
 * with `--format` at its default, an extension of another format the command writes selects that
 * format; an extension of a format the command does not write at all is refused. Names without
 * an extension, `-` (stdout) and other extensions (.txt, .out...) are taken as they are.
 *
 * @example
 * ```ts
 * import { Command, Option } from "commander";
 * import { checkOutFormat } from "./outFormat.js";
 * const cmd = new Command("plot")
 *   .addOption(new Option("-f, --format <format>").choices(["svg", "json"]).default("svg"))
 *   .option("-o, --out <file>");
 * cmd.parse(["-o", "spec.json"], { from: "user" });
 * checkOutFormat(cmd);
 * cmd.opts().format; // "json"
 * cmd.parse(["-o", "plot.png"], { from: "user" });
 * checkOutFormat(cmd); // throws: --out "plot.png": plot writes svg or json (--format), not .png
 * ```
 */
export function checkOutFormat(cmd: Command): void {
  const out: unknown = cmd.getOptionValue("out");
  if (typeof out !== "string" || out === "-") return;
  const ext = path.extname(out).toLowerCase();
  if (ext === "") return;
  const option: Option | undefined = cmd.options.find((o) => o.attributeName() === "format");
  const writes = (format: string): boolean => FORMAT_EXTENSIONS[format]?.includes(ext) ?? false;
  if (option === undefined) {
    const outOption = cmd.options.find((o) => o.attributeName() === "out");
    const fixed = outOption === undefined ? undefined : FIXED_FORMAT.get(outOption);
    if (fixed !== undefined && STRICT.has(ext) && !writes(fixed))
      throw new TreatylabError(
        `--out ${quote(out)}: ${cmd.name()} writes ${fixed}, not ${ext}; name the file ${FORMAT_EXTENSIONS[fixed]![0]}`,
      );
    return;
  }
  const format = String(cmd.getOptionValue("format"));
  if (writes(format)) return;
  const choices = option.argChoices ?? [];
  const match = choices.find(writes);
  if (match !== undefined && cmd.getOptionValueSource("format") === "default") {
    cmd.setOptionValueWithSource("format", match, "default");
    return;
  }
  if (!STRICT.has(ext)) return;
  if (match !== undefined)
    throw new TreatylabError(`--out ${quote(out)}: a ${ext} file, but --format is ${format}; use --format ${match}`);
  throw new TreatylabError(
    `--out ${quote(out)}: ${cmd.name()} writes ${choices.join(", ").replace(/, ([^,]*)$/, " or $1")} (--format), not ${ext}`,
  );
}
