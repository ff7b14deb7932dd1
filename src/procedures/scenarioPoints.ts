import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import type { PointsInput } from "./pointsInput.js";

/**
 * Turns two parties of a scenario into an Adjusted Winner points table: the items are the issues
 * marked `divisible` (or the ones named), and a party's points on an item are its weight on that
 * issue (scaled to 100 over the items by the procedure). Winning an item means getting it whole,
 * i.e. the party's preferred outcome on that issue; a fraction is a share of it.
 *
 * @example
 * ```ts
 * import { adjustedWinner, builtinScenario, pointsFromScenario } from "treatylab";
 * adjustedWinner(pointsFromScenario(builtinScenario("ukraine-2025"), ["russia", "ukraine"], ["assets", "sanctions"]));
 * ```
 */
export function pointsFromScenario(
  s: Scenario,
  parties: readonly [string, string],
  items?: readonly string[],
): PointsInput {
  const [a, b] = parties;
  const pa = s.parties.find((p) => p.id === a);
  const pb = s.parties.find((p) => p.id === b);
  const ids = s.parties.map((p) => `"${p.id}"`).join(", ");
  if (!pa) throw new TreatylabError(`no party "${a}" in scenario "${s.id}"; parties: ${ids}`);
  if (!pb) throw new TreatylabError(`no party "${b}" in scenario "${s.id}"; parties: ${ids}`);
  if (a === b) throw new TreatylabError(`the two parties must differ (got "${a}" twice)`);
  const chosen = items ?? s.issues.filter((i) => i.divisible).map((i) => i.id);
  if (chosen.length === 0)
    throw new TreatylabError(
      `scenario "${s.id}" marks no issue "divisible": true; name the items with --items <issue,...>`,
    );
  for (const id of chosen)
    if (!s.issues.some((i) => i.id === id))
      throw new TreatylabError(
        `no issue "${id}" in scenario "${s.id}"; issues: ${s.issues.map((i) => `"${i.id}"`).join(", ")}`,
      );
  return {
    title: `${s.title ?? s.id}: ${pa.label ?? a} and ${pb.label ?? b}`,
    parties: [a, b],
    items: chosen.map((id) => {
      const issue = s.issues.find((i) => i.id === id)!;
      return {
        id,
        ...(issue.label ? { label: issue.label } : {}),
        points: { [a]: pa.weights[id] ?? 0, [b]: pb.weights[id] ?? 0 },
      };
    }),
  };
}
