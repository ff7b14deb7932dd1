import type { NeutralIssue, NeutralProfile } from "./neutral.js";
import { neutralGrid } from "./neutral.js";
import { numericId } from "../model/numericGrid.js";

/**
 * Names to write for a list of things: their labels when those are unique, else their ids.
 *
 * @example
 * ```ts
 * import { writtenNames } from "./exportShared.js";
 * writtenNames([{ id: "a", label: "X" }, { id: "b", label: "Y" }]); // ["X", "Y"]
 * writtenNames([{ id: "a", label: "X" }, { id: "b", label: "X" }]); // ["a", "b"]
 * ```
 */
export function writtenNames(items: readonly { readonly id: string; readonly label: string }[]): string[] {
  const labels = items.map((i) => i.label);
  return new Set(labels).size === labels.length ? labels : items.map((i) => i.id);
}

/**
 * Option names of a neutral issue: item labels, or grid values for a numeric issue.
 *
 * @example
 * ```ts
 * import { optionNames } from "./exportShared.js";
 * optionNames(scenarioToNeutral(nash1950, "GENIUS").issues[0]!); // ["Bill", "Jack"]
 * optionNames({ id: "n", label: "n", kind: "integer", min: 1, max: 2, step: 1 }); // ["1", "2"]
 * ```
 */
export function optionNames(issue: NeutralIssue): string[] {
  return issue.kind === "discrete" ? writtenNames(issue.options) : neutralGrid(issue).map(numericId);
}

/**
 * Whether every profile's evaluations of a numeric issue lie on one straight line over its grid
 * (so GENIUS integer / real "linear" evaluators and GeniusWeb `numberutils` express them exactly).
 *
 * @example
 * ```ts
 * import { isLinearForAll } from "./exportShared.js";
 * const issue: NeutralIssue = { id: "price", label: "Price", kind: "integer", min: 0, max: 2, step: 1 };
 * const evaluations = { price: [0, 0.5, 1] };
 * const even = { id: "a", label: "a", weights: { price: 1 }, evaluations, reservation: 0, headroom: 0 };
 * isLinearForAll(issue, [even]); // true
 * isLinearForAll(issue, [even, { ...even, evaluations: { price: [0, 0.8, 1] } }]); // false
 * ```
 */
export function isLinearForAll(issue: NeutralIssue, profiles: readonly NeutralProfile[]): boolean {
  if (issue.kind === "discrete") return false;
  return profiles.every((p) => {
    const ev = p.evaluations[issue.id]!;
    const n = ev.length - 1;
    if (n < 1) return true;
    return ev.every((y, k) => Math.abs(y - (ev[0]! + ((ev[n]! - ev[0]!) * k) / n)) <= 1e-8);
  });
}

/**
 * Formats a number for a file: the shortest text that reads back as the same double.
 *
 * @example
 * ```ts
 * import { formatNumber } from "./exportShared.js";
 * formatNumber(0.1 + 0.2); // "0.30000000000000004"
 * formatNumber(-0); // "0"
 * ```
 */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? "0" : String(x);
}
