/**
 * The points format of the two-party fair-division procedures, its validation, and the
 * normalisation of each party's points to a total of 100.
 * @module
 */
import { ScenarioError } from "../model/errors.js";
import { jsonPath } from "../model/jsonPath.js";
import { isId } from "../model/idRules.js";
import { exactAmount, Fraction, type Rational, ZERO } from "./rational.js";

/**
 * A number of points as written: a JSON number, or a string holding a decimal or a fraction.
 *
 * @example
 * ```ts
 * const amounts: PointsAmount[] = [50, "12.5", "100/3"];
 * ```
 */
export type PointsAmount = number | string;

/**
 * One item (a divisible issue: a share of a territory, of a fund, of a timetable) and the points
 * each party puts on it.
 *
 * @example
 * ```ts
 * const item: PointsItem = { id: "retirement", label: "Retirement account", points: { carol: 50, bob: 40 } };
 * ```
 */
export interface PointsItem {
  readonly id: string;
  readonly label?: string;
  readonly description?: string;
  /** Points per party id; every party needs an entry (0 allowed). */
  readonly points: Readonly<Record<string, PointsAmount>>;
}

/**
 * Two parties spreading points over items. Each party's points need not sum to 100: they are
 * scaled to 100 (see `normalisePoints`).
 *
 * @example
 * ```ts
 * const input: PointsInput = {
 *   parties: ["carol", "bob"],
 *   items: [{ id: "home", points: { carol: 20, bob: 30 } }, { id: "cottage", points: { carol: 15, bob: 10 } }],
 * };
 * ```
 */
export interface PointsInput {
  readonly title?: string;
  readonly description?: string;
  readonly parties: readonly [string, string] | readonly string[];
  readonly items: readonly PointsItem[];
}

/**
 * A validated points table with exact, normalised points: `points[k][i]` is party k's points on
 * item i, and each party's points sum to exactly 100.
 *
 * @example
 * ```ts
 * const bobCarol: PointsInput = {
 *   parties: ["carol", "bob"],
 *   items: [
 *     { id: "retirement", points: { carol: 50, bob: 40 } },
 *     { id: "home", points: { carol: 20, bob: 30 } },
 *     { id: "cottage", points: { carol: 15, bob: 10 } },
 *     { id: "investments", points: { carol: 10, bob: 10 } },
 *     { id: "other", points: { carol: 5, bob: 10 } },
 *   ],
 * };
 * const t: PointsTable = normalisePoints(bobCarol);
 * t.points[0]![2]?.toFraction(); // "15": carol's points on the cottage
 * ```
 */
export interface PointsTable {
  readonly parties: readonly [string, string];
  readonly items: readonly string[];
  /** Each item's label, when the input gave one. */
  readonly labels: readonly (string | undefined)[];
  /** Normalised points, party index then item index; each row sums to 100. */
  readonly points: readonly [readonly Rational[], readonly Rational[]];
  /** Each party's total as written, before normalisation. */
  readonly inputTotals: readonly [Rational, Rational];
  /** The factor applied to each party's points: 100 / its input total. */
  readonly factors: readonly [Rational, Rational];
}

const TOP_KEYS = new Set(["title", "description", "parties", "items", "$schema"]);
const ITEM_KEYS = new Set(["id", "label", "description", "points"]);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const shown = (v: unknown): string => (v === undefined ? "missing" : `is ${JSON.stringify(v) ?? String(v)}`);

function checkKeys(obj: Record<string, unknown>, allowed: ReadonlySet<string>, at: readonly PropertyKey[]): void {
  for (const key of Object.keys(obj))
    if (!allowed.has(key))
      throw new ScenarioError(
        jsonPath([...at, key]),
        `unknown field "${key}"`,
        `only ${[...allowed].filter((k) => k !== "$schema").join(", ")}`,
      );
}

// The id rules as plain code (idRules.ts, which the zod schema is built from too): `divide` loads
// no schema library (start-up time, issue 18).
function checkId(value: unknown, at: readonly PropertyKey[], what: string): string {
  if (typeof value !== "string" || !isId(value))
    throw new ScenarioError(
      jsonPath(at),
      shown(value),
      `${what === "item" ? "an" : "a"} ${what} id (letters, digits, '-', '_', '.' or ':', starting with a letter or digit; not __proto__, constructor or prototype)`,
    );
  return value;
}

function readParties(data: Record<string, unknown>): [string, string] {
  const parties = data.parties;
  if (!Array.isArray(parties))
    throw new ScenarioError("$.parties", shown(parties), 'an array of two party ids, e.g. ["a", "b"]');
  if (parties.length !== 2)
    throw new ScenarioError(
      "$.parties",
      `has ${parties.length} part${parties.length === 1 ? "y" : "ies"}`,
      "exactly two parties (Adjusted Winner divides between two)",
    );
  const a = checkId(parties[0], ["parties", 0], "party");
  const b = checkId(parties[1], ["parties", 1], "party");
  if (a === b) throw new ScenarioError("$.parties[1]", `duplicate party id "${b}"`, "two different party ids");
  return [a, b];
}

interface ItemRow {
  readonly id: string;
  readonly label: string | undefined;
  readonly points: readonly [Rational, Rational];
}

function readItem(raw: unknown, i: number, parties: readonly [string, string], seen: Map<string, number>): ItemRow {
  const at = ["items", i] as const;
  if (!isObject(raw))
    throw new ScenarioError(jsonPath(at), shown(raw), 'an object { "id": ..., "points": { party: number } }');
  checkKeys(raw, ITEM_KEYS, at);
  const id = checkId(raw.id, [...at, "id"], "item");
  const prev = seen.get(id);
  if (prev !== undefined)
    throw new ScenarioError(
      jsonPath([...at, "id"]),
      `duplicate item id "${id}" (also at index ${prev})`,
      "an item id used once",
    );
  seen.set(id, i);
  const points = raw.points;
  if (!isObject(points))
    throw new ScenarioError(
      jsonPath([...at, "points"]),
      shown(points),
      `an object with the points of ${parties.map((p) => `"${p}"`).join(" and ")}`,
    );
  for (const key of Object.keys(points))
    if (!parties.includes(key))
      throw new ScenarioError(
        jsonPath([...at, "points", key]),
        `unknown party "${key}"`,
        `one of the parties in $.parties: "${parties[0]}", "${parties[1]}"`,
      );
  const read = (party: string): Rational => {
    const path = jsonPath([...at, "points", party]);
    if (!(party in points))
      throw new ScenarioError(path, "missing", `the points party "${party}" puts on "${id}" (write 0 if none)`);
    return exactAmount(points[party], path);
  };
  for (const key of ["label", "description"] as const)
    if (raw[key] !== undefined && typeof raw[key] !== "string")
      throw new ScenarioError(jsonPath([...at, key]), shown(raw[key]), "a string");
  const label = typeof raw.label === "string" ? raw.label : undefined;
  return { id, label, points: [read(parties[0]), read(parties[1])] };
}

/**
 * Validates a points document and returns its exact, normalised table: each party's points are
 * scaled by 100 / (its total), so both sum to exactly 100 and the allocation does not depend on
 * the scale a party wrote in. Throws a `ScenarioError` naming the JSON path of the first problem:
 * wrong number of parties, unknown or missing party, duplicate or missing item id, negative, NaN
 * or non-numeric points, unknown fields, a party whose points are all zero.
 *
 * @example
 * ```ts
 * const t = normalisePoints({ parties: ["a", "b"], items: [{ id: "x", points: { a: 3, b: 1 } }, { id: "y", points: { a: 1, b: 1 } }] });
 * t.points[0].map((r) => r.toFraction()); // ["75", "25"]
 * t.factors[1].toFraction();               // "50"
 * ```
 */
export function normalisePoints(data: unknown): PointsTable {
  if (!isObject(data)) throw new ScenarioError("$", shown(data), 'an object { "parties": [a, b], "items": [...] }');
  checkKeys(data, TOP_KEYS, []);
  for (const key of ["title", "description"] as const)
    if (data[key] !== undefined && typeof data[key] !== "string")
      throw new ScenarioError(jsonPath([key]), shown(data[key]), "a string");
  const parties = readParties(data);
  const items = data.items;
  if (!Array.isArray(items) || items.length === 0)
    throw new ScenarioError("$.items", Array.isArray(items) ? "is empty" : shown(items), "a non-empty array of items");
  const seen = new Map<string, number>();
  const rows = items.map((raw, i) => readItem(raw, i, parties, seen));
  const totals = [0, 1].map((k) => rows.reduce((sum, r) => sum.add(r.points[k as 0 | 1]), ZERO)) as [
    Rational,
    Rational,
  ];
  totals.forEach((total, k) => {
    if (total.equals(ZERO))
      throw new ScenarioError(
        `$.items[*]${jsonPath(["points", parties[k] ?? ""]).slice(1)}`,
        `party "${parties[k]}" puts 0 points on every item`,
        "some positive points (the points are scaled to sum to 100)",
      );
  });
  const factors = totals.map((t) => new Fraction(100n).div(t)) as [Rational, Rational];
  const points = ([0, 1] as const).map((k) => rows.map((r) => r.points[k].mul(factors[k]))) as [Rational[], Rational[]];
  return {
    parties,
    items: rows.map((r) => r.id),
    labels: rows.map((r) => r.label),
    points,
    inputTotals: totals,
    factors,
  };
}
