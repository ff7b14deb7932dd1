import { GENERATOR } from "../files/version.js";
import { writeFileAtomic } from "../files/writeFileAtomic.js";
import type { TableLayout } from "./format/renderTable.js";
import { separateTables } from "./format/markdownBlocks.js";
import { wrapProse } from "./format/wrapText.js";
import type { AlgorithmName } from "../analysis/types.js";

export { GENERATOR, recordedVersion, TREATYLAB_VERSION } from "../files/version.js";

/** The value with `generator` ({@link GENERATOR}) as its first field (replacing one it had). */
const stamped = (value: object): object => Object.assign({ generator: GENERATOR }, value, { generator: GENERATOR });

/**
 * The JSON text of a result as the CLI prints it: `generator` ({@link GENERATOR}) first, then the
 * result's own fields, indented by 2. Results are objects (a list goes in a named field), so
 * every JSON output records the version that produced it in the same place.
 *
 * @example
 * ```ts
 * import { jsonResult } from "./context.js";
 * JSON.parse(jsonResult({ kind: "x" })); // { generator: { name: "treatylab", version: "0.1.0" }, kind: "x" }
 * ```
 */
export function jsonResult(value: object): string {
  if (Array.isArray(value)) throw new TypeError("a JSON result is an object: put a list in a named field");
  return JSON.stringify(stamped(value), finiteOnly, 2);
}

/**
 * A `JSON.stringify` replacer that refuses NaN and Infinity: JSON would print them as `null`,
 * silently. The engine never produces them (docs/limits.md), so this is the last guard of every
 * JSON output: a plain Error, i.e. exit 1 "internal error", naming the field.
 */
function finiteOnly(key: string, v: unknown): unknown {
  if (typeof v === "number" && !Number.isFinite(v))
    throw new Error(
      `the result's field "${key}" is ${v}; a non-finite number must never leave the engine (please report this with the input)`,
    );
  return v;
}

/**
 * One JSON Lines line of a result row as the CLI prints it (`sweep --format jsonl`): like
 * {@link jsonResult}, `generator` first, then the row's fields, on one line; so each line records
 * the version that wrote it.
 *
 * @example
 * ```ts
 * import { jsonLine } from "./context.js";
 * jsonLine({ index: 0 }); // '{"generator":{"name":"treatylab","version":"0.1.0"},"index":0}'
 * ```
 */
export function jsonLine(value: object): string {
  return JSON.stringify(stamped(value), finiteOnly);
}

/**
 * The JSON text of a Vega-Lite spec as the CLI prints it (`plot --format json`, `--format vega`):
 * the spec stays a valid Vega-Lite spec, so {@link GENERATOR} goes in `usermeta.generator` (the
 * field Vega-Lite keeps for its users' metadata) instead of the top level.
 *
 * @example
 * ```ts
 * import { vegaLiteJson } from "./context.js";
 * JSON.parse(vegaLiteJson({ mark: "bar" })).usermeta.generator.version; // "0.1.0"
 * ```
 */
export function vegaLiteJson(spec: object): string {
  const meta = (spec as { usermeta?: object }).usermeta;
  return JSON.stringify({ ...spec, usermeta: { ...meta, generator: GENERATOR } }, null, 2);
}

/**
 * What a command needs from the outside world; tests pass their own to run commands in-process.
 *
 * @example
 * ```ts
 * import { type CliContext, emit } from "./context.js";
 * const out: string[] = [];
 * const ctx: CliContext = { stdout: (s) => out.push(s), stderr: () => {}, isTTY: false, columns: 80 };
 * await emit(ctx, "done");
 * out; // ["done\n"]
 * ```
 */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is a terminal. */
  readonly isTTY: boolean;
  /** Width of the terminal in characters: tables are fitted to it. */
  readonly columns: number;
  /** Colour on stdout (a terminal, no NO_COLOR; see `useColor`); default false. */
  readonly color?: boolean;
  /** Colour on stderr (errors); default false. */
  readonly stderrColor?: boolean;
  /** True when stderr is a terminal: long runs show a progress bar there; default false. */
  readonly stderrIsTTY?: boolean;
  /** `--verbose` was given: long runs print a heartbeat line on stderr when it is not a terminal. */
  readonly verbose?: boolean;
  /** Milliseconds between heartbeat lines (default 2,000; `TREATYLAB_HEARTBEAT_MS` sets it, for tests). */
  readonly heartbeatMs?: number;
}

/**
 * The layout of the terminal tables of a CLI run, from its context: fitted to the terminal's
 * width (a terminal that reports 0, or under 20, columns gets the usual 100, not one word per
 * line) with bold headers when stdout has colour.
 *
 * @example
 * ```ts
 * import { renderTable } from "./format/renderTable.js";
 * import { tableLayout } from "./context.js";
 * const ctx = { stdout: () => {}, stderr: () => {}, isTTY: true, columns: 0, color: true };
 * tableLayout(ctx); // { maxWidth: 100, color: true }: a terminal reporting 0 columns gets 100
 * renderTable(["party", "utility"], [["bill", 0.71]], "table", tableLayout(ctx)); // bold headers, fitted to 100
 * ```
 */
export function tableLayout(ctx: CliContext): TableLayout {
  return { maxWidth: ctx.columns >= 20 ? ctx.columns : 100, color: ctx.color ?? false };
}

/**
 * Sends a command's result to `--out` (written atomically) or to stdout.
 *
 * @example
 * ```ts
 * import { type CliContext, emit } from "./context.js";
 * const ctx: CliContext = { stdout: () => {}, stderr: (s) => process.stderr.write(s), isTTY: false, columns: 80 };
 * await emit(ctx, "{}", "out.json");
 * // out.json holds "{}\n"; stderr: "wrote out.json"
 * ```
 */
export async function emit(ctx: CliContext, text: string, out?: string, format?: string): Promise<void> {
  // Text reports (formats "table" and "text") wrap their prose lines to the terminal (tables fit already).
  // Markdown keeps a blank line between a table and the text around it.
  const fitted =
    format === "table" || format === "text"
      ? wrapProse(text, tableLayout(ctx).maxWidth ?? 100)
      : format === "markdown"
        ? separateTables(text)
        : text;
  const body = fitted.endsWith("\n") ? fitted : `${fitted}\n`;
  if (out && out !== "-") {
    await writeFileAtomic(out, body);
    ctx.stderr(`wrote ${out}\n`);
  } else ctx.stdout(body);
}

/**
 * Runs `work` with the progress display of `./progress.js` when one would show (a terminal, or
 * `--verbose`), loading that module (and cli-progress) only then, so a plain run keeps its start
 * path short (issue 18); otherwise runs it without a callback. `unit` names what is counted; a
 * function is called only when the display shows (e.g. when finding the unit costs work).
 *
 * @example
 * ```ts
 * import { type CliContext, withProgressIfShown } from "./context.js";
 * const ctx: CliContext = { stdout: () => {}, stderr: () => {}, isTTY: false, columns: 80 };
 * const a = await withProgressIfShown(ctx, "analyze", "candidate sums", (onProgress) =>
 *   analyze(nash1950, { algorithm: "frontier", ...(onProgress ? { onProgress } : {}) }),
 * );
 * a.algorithm; // "frontier" (no progress shown: stderr is not a terminal and no --verbose)
 * ```
 */
export async function withProgressIfShown<T>(
  ctx: CliContext,
  command: string,
  unit: string | (() => string),
  work: (onProgress?: (done: number, total: number) => void) => T,
): Promise<T> {
  if (!ctx.stderrIsTTY && !ctx.verbose) return work();
  const label = typeof unit === "string" ? unit : unit();
  return (await import("./progress.js")).withProgress(ctx, command, label, work);
}

/**
 * What the progress of an analysis counts, by the algorithm that runs it: candidate sums for the
 * frontier algorithm, bundles of the outcome space for enumeration.
 *
 * @example
 * ```ts
 * import { progressUnit } from "./context.js";
 * progressUnit("frontier"); // "candidate sums"
 * progressUnit("enumerate"); // "bundles"
 * ```
 */
export function progressUnit(algorithm: AlgorithmName): string {
  return algorithm === "frontier" ? "candidate sums" : "bundles";
}
