import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";

/**
 * Resolves the two parties of a utility-space plot: the given ids, or the first two parties.
 * Throws a one-line {@link TreatylabError} naming the known ids when one is unknown.
 *
 * @example
 * ```ts
 * import { partyAxes } from "./partyAxes.js";
 * partyAxes(nash1950); // [0, 1]
 * partyAxes(ukraine2025, ["russia", "ukraine"]); // [0, 1]
 * partyAxes(ukraine2025, ["us", "russia"]); // [2, 0]
 * ```
 */
export function partyAxes(scenario: Scenario, ids?: readonly string[]): [number, number] {
  const known = scenario.parties.map((p) => p.id);
  if (known.length < 2)
    throw new TreatylabError(`a utility-space plot needs two parties; "${scenario.id}" has ${known.length}`);
  if (!ids || ids.length === 0) return [0, 1];
  if (ids.length !== 2 || ids[0] === ids[1])
    throw new TreatylabError(`give two different parties for the axes (got ${ids.join(", ") || "none"})`);
  const idx = ids.map((id) => {
    const i = known.indexOf(id);
    if (i < 0) throw new TreatylabError(`unknown party "${id}"; parties: ${known.join(", ")}`);
    return i;
  });
  return [idx[0]!, idx[1]!];
}

/**
 * The display name of a party (its label, else its id).
 *
 * @example
 * ```ts
 * import { partyLabel } from "./partyAxes.js";
 * partyLabel(nash1950, 0); // "Bill"
 * ```
 */
export function partyLabel(scenario: Scenario, p: number): string {
  const party = scenario.parties[p]!;
  return party.label ?? party.id;
}
