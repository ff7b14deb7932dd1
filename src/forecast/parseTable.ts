/**
 * Forecast tables from text: CSV with the literature's columns and JSON. Pure (no file access).
 * @module
 */
import { INPUT_LIMITS } from "../model/inputGuard.js";
import { ScenarioError } from "../model/errors.js";
import { quote } from "../model/quote.js";
import type { ForecastActor, ForecastTable } from "./types.js";
import { FORECAST_COLUMNS, validateForecastTable } from "./validateTable.js";

/** Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes as "", line breaks). */
function csvRecords(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') [cell, i] = [cell + '"', i + 1];
      else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") [quoted, cell] = [true, ""];
    else if (ch === ",") [cells, cell] = [[...cells, cell], ""];
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== "")) out.push({ line: start, cells });
      [cells, cell] = [[], ""];
      line++;
      start = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== "")) out.push({ line: start, cells });
  return out;
}

interface RawRow {
  readonly where: string;
  readonly issue: string;
  readonly actor: ForecastActor;
}

/** Groups rows by issue (first appearance order) and validates each table with the rows' own labels. */
function group(rows: readonly RawRow[], source: string): ForecastTable[] {
  const byIssue = new Map<string, RawRow[]>();
  for (const r of rows) byIssue.set(r.issue, [...(byIssue.get(r.issue) ?? []), r]);
  if (byIssue.size === 0)
    throw new ScenarioError(source, "has no rows", `one row per actor with ${FORECAST_COLUMNS.join(", ")}`);
  return [...byIssue].map(([issue, list]) => {
    const table = { issue, actors: list.map((r) => r.actor) };
    validateForecastTable(table, {
      requireSpread: true,
      // Files are held to the scenario format's magnitude limit.
      maxMagnitude: INPUT_LIMITS.maxMagnitude,
      where: byIssue.size > 1 ? `${source}, issue "${issue}"` : source,
      rowLabel: (i) => list[i]!.where,
    });
    return table;
  });
}

/** A cell as a number: the exact decimal text, or NaN for anything else (the validator names it). */
const numberOf = (cell: string | undefined): number =>
  cell !== undefined && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(cell) ? Number(cell) : Number.NaN;

/**
 * Parses a CSV forecast table: a header with `Actor, Capability, Position, Salience` and optionally
 * `Issue` (any order, any case), one row per actor (and issue). Rows without an `Issue` column form
 * one table named `defaultIssue`. Every table is validated (see `validateForecastTable`, with a
 * single distinct position an error); errors name the file, line and column.
 *
 * @example
 * ```ts
 * parseForecastCsv("Actor,Capability,Position,Salience\nA,1,0,1\nB,2,10,0.5\n", "t.csv")[0]?.actors.length; // 2
 * ```
 */
export function parseForecastCsv(text: string, source = "table", defaultIssue = "issue"): ForecastTable[] {
  const records = csvRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (records.length === 0)
    throw new ScenarioError(source, "is empty", `a header ${FORECAST_COLUMNS.join(",")}[,Issue] and one row per actor`);
  const header = records[0]!.cells.map((h) => h.trim().toLowerCase());
  const col = (name: string): number => header.indexOf(name.toLowerCase());
  for (const name of FORECAST_COLUMNS)
    if (col(name) < 0)
      throw new ScenarioError(
        `${source}, line ${records[0]!.line} (header)`,
        `has no column ${name}`,
        `the columns ${FORECAST_COLUMNS.join(", ")} and optionally Issue`,
      );
  const issueCol = col("issue");
  const rows = records.slice(1).map(({ line, cells }, k): RawRow => {
    // As many fields as the header (RFC 4180): a row with more or fewer is a shifted row.
    if (cells.length !== header.length)
      throw new ScenarioError(
        `${source}, line ${line} (row ${k + 1})`,
        `has ${cells.length} fields`,
        `${header.length}, one per column of the header (a comma inside a name needs quotes: "Smith, J.")`,
      );
    const cell = (name: string): string | undefined => cells[col(name)];
    // A cell that is not a number is refused here, quoting what it holds (validation checks ranges).
    const number = (name: string): number => {
      const text = (cell(name) ?? "").trim();
      const n = numberOf(text);
      if (Number.isNaN(n))
        throw new ScenarioError(
          `${source}, line ${line} (row ${k + 1}), column ${name}`,
          text === "" ? "is empty" : `is ${quote(text)}`,
          "a number",
        );
      return n;
    };
    const issue = issueCol >= 0 ? (cells[issueCol] ?? "").trim() : defaultIssue;
    if (issue === "")
      throw new ScenarioError(`${source}, line ${line} (row ${k + 1}), column Issue`, "is empty", "the issue's name");
    return {
      where: `line ${line} (row ${k + 1})`,
      issue,
      actor: {
        actor: (cell("Actor") ?? "").trim(),
        capability: number("Capability"),
        position: number("Position"),
        salience: number("Salience"),
      },
    };
  });
  return group(rows, source);
}

/**
 * Reads forecast tables from parsed JSON: a table `{ issue, actors: [rows] }`, a list of tables, or
 * a list of rows `{ Actor, Capability, Position, Salience, Issue? }` (keys in any case). Errors
 * name the source, row and column.
 *
 * @example
 * ```ts
 * forecastTablesFromJson([{ actor: "A", capability: 1, position: 0, salience: 1 }, { actor: "B", capability: 1, position: 5, salience: 1 }]);
 * ```
 */
export function forecastTablesFromJson(data: unknown, source = "table", defaultIssue = "issue"): ForecastTable[] {
  const lower = (o: unknown): Record<string, unknown> =>
    typeof o === "object" && o !== null && !Array.isArray(o)
      ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]))
      : {};
  const rowOf = (o: unknown, where: string, issue: string): RawRow => {
    const r = lower(o);
    // Only the table's keys, as the scenario format takes only its fields (found in review).
    const extra = Object.keys(r).find(
      (key) => key !== "issue" && !FORECAST_COLUMNS.some((c) => c.toLowerCase() === key),
    );
    if (extra !== undefined)
      throw new ScenarioError(
        `${source}, ${where}`,
        `has the key ${quote(extra)}`,
        `only the keys ${FORECAST_COLUMNS.join(", ")} and optionally Issue`,
      );
    for (const name of FORECAST_COLUMNS)
      if (!(name.toLowerCase() in r))
        throw new ScenarioError(
          `${source}, ${where}`,
          `has no column ${name}`,
          `the keys ${FORECAST_COLUMNS.join(", ")}`,
        );
    // A value that is not a number is refused here, quoting it (validation checks the ranges).
    const n = (name: string): number => {
      const v = r[name.toLowerCase()];
      if (typeof v === "number") return v;
      throw new ScenarioError(`${source}, ${where}, column ${name}`, `is ${quote(v)}`, "a number");
    };
    return {
      where,
      issue,
      actor: {
        actor: typeof r.actor === "string" ? r.actor : "",
        capability: n("Capability"),
        position: n("Position"),
        salience: n("Salience"),
      },
    };
  };
  const tables = Array.isArray(data) ? data : [data];
  if (tables.length > 0 && tables.every((t) => Array.isArray(lower(t).actors))) {
    return tables.flatMap((t, k) => {
      const o = lower(t);
      const issue =
        typeof o.issue === "string" && o.issue !== "" ? o.issue : tables.length > 1 ? `issue-${k + 1}` : defaultIssue;
      return group(
        (o.actors as unknown[]).map((row, i) => rowOf(row, `table ${k + 1}, row ${i + 1}`, issue)),
        source,
      );
    });
  }
  if (!Array.isArray(data))
    throw new ScenarioError(
      source,
      "is neither a forecast table nor a list of rows",
      "{ issue, actors: [{ actor, capability, position, salience }] } or a list of such rows",
    );
  return group(
    data.map((row, i) => {
      const issue = lower(row).issue;
      return rowOf(row, `row ${i + 1}`, typeof issue === "string" && issue !== "" ? issue : defaultIssue);
    }),
    source,
  );
}
