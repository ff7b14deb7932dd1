/**
 * Validation of forecast tables: one clear error naming the issue, row and column.
 * @module
 */
import { ScenarioError } from "../model/errors.js";
import type { ForecastTable } from "./types.js";

/**
 * Most a position's or capability's magnitude may be: `forecast` itself takes up to 1e150, so its
 * arithmetic (ranges, products, squares) cannot overflow; the table readers hold files to the
 * scenario format's 1e15 (`INPUT_LIMITS.maxMagnitude`), under which a Monte Carlo's drawn values
 * stay well inside the first (found in review: a 1e15 limit in `forecast` refused draws of a
 * table the reader had accepted).
 */
const FORECAST_MAX_MAGNITUDE = 1e150;
const asWritten = (n: number): string => n.toExponential().replace("+", "");

/**
 * The columns of a forecast table, in the literature's order.
 *
 * @example
 * ```ts
 * import { FORECAST_COLUMNS } from "./validateTable.js";
 * FORECAST_COLUMNS.join(","); // "Actor,Capability,Position,Salience"
 * parseForecastCsv("Actor,Capability\nA,1\n", "t.csv");
 * // throws: t.csv, line 1 (header): has no column Position;
 * // expected the columns Actor, Capability, Position, Salience and optionally Issue
 * ```
 */
export const FORECAST_COLUMNS = ["Actor", "Capability", "Position", "Salience"] as const;

/**
 * Checks a forecast table and throws a `ScenarioError` naming the issue, the row (1-based, as in a
 * spreadsheet without its header) and the column: an empty actor name or a repeated one, a
 * capability that is not a positive finite number, a position that is not finite, a salience outside
 * [0, 1], no actor with a positive salience, and with `requireSpread` (what the file readers ask)
 * a single distinct position (nothing to forecast). `forecast` itself accepts a one-actor or
 * all-agree table: nothing moves and the forecast is that position.
 *
 * @example
 * ```ts
 * validateForecastTable({ issue: "tax", actors: [{ actor: "A", capability: 1, position: 0, salience: 2 }] }, { requireSpread: true });
 * // throws: issue "tax", row 1, column Salience: is 2; expected a number in [0, 1]
 * ```
 */
export function validateForecastTable(
  table: ForecastTable,
  options: {
    readonly requireSpread?: boolean;
    /** Largest magnitude of a position or capability (default 1e150; the file readers ask 1e15). */
    readonly maxMagnitude?: number;
    readonly where?: string;
    readonly rowLabel?: (index: number) => string;
  } = {},
): void {
  // Not a table at all (parseForecastCsv returns a list of tables: one of them is wanted).
  if (typeof table !== "object" || table === null || Array.isArray(table) || !Array.isArray(table.actors))
    throw new ScenarioError(
      options.where ?? "table",
      Array.isArray(table)
        ? `is a list of ${(table as unknown[]).length} (parseForecastCsv and forecastTablesFromJson return one table per issue)`
        : `is ${table === null ? "null" : typeof table === "object" ? "an object without an actors list" : typeof table}`,
      "one forecast table { issue, actors: [{ actor, capability, position, salience }, ...] }: pass one of the list's tables",
    );
  const where = options.where ?? `issue "${table.issue}"`;
  const rows = table.actors;
  if (rows.length === 0)
    throw new ScenarioError(where, "has no rows", "one row per actor with Actor, Capability, Position, Salience");
  const max = options.maxMagnitude ?? FORECAST_MAX_MAGNITUDE;
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const label = options.rowLabel ? options.rowLabel(i) : `row ${i + 1}`;
    const at = (column: string): string => `${where}, ${label}, column ${column}`;
    if (typeof row.actor !== "string" || row.actor.trim() === "")
      throw new ScenarioError(at("Actor"), "is empty", "the actor's name");
    const earlier = seen.get(row.actor);
    if (earlier !== undefined)
      throw new ScenarioError(
        at("Actor"),
        `repeats "${row.actor}" from ${options.rowLabel ? options.rowLabel(earlier) : `row ${earlier + 1}`}`,
        "one row per actor and issue",
      );
    seen.set(row.actor, i);
    const num = (v: unknown): string => (typeof v === "number" ? String(v) : (JSON.stringify(v) ?? "missing"));
    // At most `max`: larger numbers overflow the models' arithmetic (a range of 2e308 is Infinity).
    if (typeof row.capability !== "number" || !(row.capability > 0 && row.capability <= max))
      throw new ScenarioError(
        at("Capability"),
        `is ${num(row.capability)}`,
        `a positive number up to ${asWritten(max)}`,
      );
    if (typeof row.position !== "number" || !(Math.abs(row.position) <= max))
      throw new ScenarioError(
        at("Position"),
        `is ${num(row.position)}`,
        `a finite number on the issue's scale, of magnitude at most ${asWritten(max)}`,
      );
    if (typeof row.salience !== "number" || !Number.isFinite(row.salience) || row.salience < 0 || row.salience > 1)
      throw new ScenarioError(at("Salience"), `is ${num(row.salience)}`, "a number in [0, 1]");
  });
  if (!rows.some((r) => r.salience > 0))
    throw new ScenarioError(
      `${where}, column Salience`,
      "is 0 for every actor",
      "at least one actor with a positive salience",
    );
  if (options.requireSpread === true && rows.every((r) => r.position === rows[0]!.position))
    throw new ScenarioError(
      `${where}, column Position`,
      `has the single distinct value ${rows[0]!.position}`,
      "at least two different positions (otherwise there is nothing to forecast)",
    );
}
