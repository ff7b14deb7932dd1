import type { CompiledScenario } from "../model/compile.js";
import { toNamedBundle } from "../model/compile.js";
import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { walkBundles } from "../enumeration/walkBundles.js";
import { utilityRecord } from "../utility/utilities.js";
import { prepare } from "./prepare.js";
import type { SettlementPoint } from "./types.js";

/**
 * Calls `visit` for each ZOPA bundle in declaration order without holding the ZOPA in memory.
 * Return `true` from `visit` to stop.
 *
 * @example
 * ```ts
 * const rows: Bundle[] = [];
 * forEachZopaBundle(nash1950, (pt) => { rows.push(pt.bundle); });
 * rows.length; // 293
 * ```
 */
export function forEachZopaBundle(
  scenario: Scenario | CompiledScenario,
  visit: (point: SettlementPoint) => boolean | void,
): void {
  const c = prepare(scenario);
  walkBundles(c, { zopaOnly: true }, (bundle, u) =>
    visit({ bundle: toNamedBundle(c, bundle), utilities: utilityRecord(c, u) }),
  );
}

/**
 * One page of the ZOPA, in declaration order (`offset` bundles skipped, at most `limit` returned).
 *
 * @example
 * ```ts
 * zopaPage(nash1950, { offset: 0, limit: 20 }); // the first 20 bundles every party accepts
 * ```
 */
export function zopaPage(
  scenario: Scenario | CompiledScenario,
  page: { readonly offset?: number; readonly limit: number },
): SettlementPoint[] {
  const offset = page.offset ?? 0;
  if (!(Number.isInteger(offset) && offset >= 0))
    throw new TreatylabError(`page offset ${offset} is not a non-negative integer`);
  if (!(Number.isInteger(page.limit) && page.limit >= 0))
    throw new TreatylabError(`page limit ${page.limit} is not a non-negative integer`);
  const c = prepare(scenario);
  const out: SettlementPoint[] = [];
  let seen = 0;
  if (page.limit === 0) return out;
  walkBundles(c, { zopaOnly: true }, (bundle, u) => {
    if (seen++ < offset) return false;
    out.push({ bundle: toNamedBundle(c, bundle), utilities: utilityRecord(c, u) });
    return out.length >= page.limit;
  });
  return out;
}
