import { ScenarioError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import { isLinearForAll, optionNames, writtenNames } from "./exportShared.js";
import { type NeutralProfile, type NeutralScenario, scenarioToNeutral } from "./neutral.js";
import { maxOf, minOf } from "../model/extrema.js";

/**
 * Most bundles searched for a bid whose utility equals a reservation value.
 * @example
 * ```ts
 * import { MAX_RESERVATION_SEARCH } from "./geniusWebExport.js";
 * compileScenario(nash1950).combinations <= MAX_RESERVATION_SEARCH; // true: 512 bundles to search
 * exportGeniusWeb(nash1950).profiles.map((p) => p.name); // ["bill.json", "jack.json"]: reservation bids found
 * ```
 */
export const MAX_RESERVATION_SEARCH = 2_000_000;

/**
 * A GeniusWeb scenario as JSON texts: the domain and one `LinearAdditiveUtilitySpace` per party.
 *
 * @example
 * ```ts
 * const out: GeniusWebExport = exportGeniusWeb(nash1950);
 * JSON.parse(out.domain.json).issuesValues;
 * ```
 */
export interface GeniusWebExport {
  readonly domain: { readonly name: string; readonly json: string };
  readonly profiles: readonly { readonly name: string; readonly json: string }[];
}

/** Option index per issue of a bundle whose absolute utility is `target`, or null. */
function bidWithUtility(n: NeutralScenario, p: NeutralProfile, target: number): number[] | null {
  const sizes = n.issues.map((i) => p.evaluations[i.id]!.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  if (total > MAX_RESERVATION_SEARCH) return null;
  const contrib = n.issues.map((i) => p.evaluations[i.id]!.map((e) => (p.weights[i.id] ?? 0) * e));
  const maxRest = contrib.map((_, k) => contrib.slice(k).reduce((s, c) => s + maxOf(c), 0));
  const minRest = contrib.map((_, k) => contrib.slice(k).reduce((s, c) => s + minOf(c), 0));
  const bid: number[] = [];
  const walk = (k: number, u: number): boolean => {
    if (k === contrib.length) return Math.abs(u - target) <= UTILITY_TOLERANCE;
    if (u + maxRest[k]! < target - UTILITY_TOLERANCE || u + minRest[k]! > target + UTILITY_TOLERANCE) return false;
    for (let o = 0; o < contrib[k]!.length; o++) {
      bid[k] = o;
      if (walk(k + 1, u + contrib[k]![o]!)) return true;
    }
    return false;
  };
  return walk(0, 0) ? bid.slice() : null;
}

/**
 * Exports a scenario to GeniusWeb JSON. Numeric issues valued linearly by every party become
 * number ranges with `numberutils`, others list their grid values. GeniusWeb keeps no reservation
 * value, only a `reservationBid`: the exporter writes a bid whose utility equals the reservation
 * exactly (within the tolerance) and refuses when no bid does. Also refuses what GeniusWeb cannot
 * express: constraints, red lines, bargaining power, interaction terms and discount factors.
 *
 * @example
 * ```ts
 * import { exportGeniusWeb } from "treatylab";
 * const { domain, profiles } = exportGeniusWeb(nash1950);
 * ```
 */
export function exportGeniusWeb(scenario: Scenario): GeniusWebExport {
  const n = scenarioToNeutral(scenario, "GeniusWeb");
  const names = writtenNames(n.issues);
  const numeric = n.issues.map((i) => i.kind !== "discrete" && isLinearForAll(i, n.profiles));
  const issuesValues: Record<string, unknown> = {};
  n.issues.forEach((i, k) => {
    issuesValues[names[k]!] =
      numeric[k] && i.kind !== "discrete"
        ? { range: { low: i.min, high: i.max, step: i.step } }
        : { values: optionNames(i) };
  });
  const domainObj = { name: n.id, issuesValues };
  const files = n.profiles.map((p) => p.id);
  const profiles = n.profiles.map((p, pi) => {
    const scale = 1 - p.headroom;
    const issueUtilities: Record<string, unknown> = {};
    const issueWeights: Record<string, number> = {};
    n.issues.forEach((i, k) => {
      const ev = p.evaluations[i.id]!;
      issueWeights[names[k]!] = (p.weights[i.id] ?? 0) / scale;
      if (numeric[k] && i.kind !== "discrete")
        issueUtilities[names[k]!] = {
          numberutils: {
            lowValue: i.min,
            lowUtility: ev[0]! * scale,
            highValue: i.max,
            highUtility: ev[ev.length - 1]! * scale,
          },
        };
      else {
        const opts = optionNames(i);
        issueUtilities[names[k]!] = {
          discreteutils: { valueUtilities: Object.fromEntries(opts.map((o, oi) => [o, ev[oi]! * scale])) },
        };
      }
    });
    const space: Record<string, unknown> = { name: files[pi], issueUtilities, issueWeights, domain: domainObj };
    if (p.reservation > 0) {
      const bid = bidWithUtility(n, p, p.reservation);
      if (bid === null)
        throw new ScenarioError(
          `$.parties[${pi}].reservation`,
          `is ${p.reservation}, but GeniusWeb stores a reservation bid and no bundle has exactly that utility for "${p.id}"`,
          "a reservation equal to some bundle's utility (or 0) to export to GeniusWeb",
        );
      space.reservationBid = {
        issuevalues: Object.fromEntries(n.issues.map((i, k) => [names[k]!, optionValue(i, numeric[k]!, bid[k]!)])),
      };
    }
    return { name: `${files[pi]}.json`, json: `${JSON.stringify({ LinearAdditiveUtilitySpace: space }, null, 2)}\n` };
  });
  return { domain: { name: `${n.id}.json`, json: `${JSON.stringify(domainObj, null, 2)}\n` }, profiles };
}

function optionValue(issue: NeutralScenario["issues"][number], numeric: boolean, o: number): string | number {
  const name = optionNames(issue)[o]!;
  return numeric ? Number(name) : name;
}
