import { TreatylabError } from "../model/errors.js";
import { annanPlan2004 } from "./annanPlan2004.js";
import { campDavid1978 } from "./campDavid1978.js";
import { campDavid2000 } from "./campDavid2000.js";
import { colombiaFarc2016 } from "./colombiaFarc2016.js";
import { dayton1995 } from "./dayton1995.js";
import { goodFriday1998 } from "./goodFriday1998.js";
import { jcpoa2015 } from "./jcpoa2015.js";
import { minsk2015 } from "./minsk2015.js";
import type { HistoricalCase } from "./types.js";

/**
 * Every historical case that ships with treatylab, in date order. Each case's scenario is also a
 * built-in scenario under the same id (`treatylab analyze dayton-1995`).
 *
 * @example
 * ```ts
 * import { HISTORICAL_CASES } from "treatylab";
 * HISTORICAL_CASES.map((c) => `${c.id}: ${c.outcome}`);
 * ```
 */
export const HISTORICAL_CASES: readonly HistoricalCase[] = [
  campDavid1978,
  dayton1995,
  goodFriday1998,
  campDavid2000,
  annanPlan2004,
  minsk2015,
  jcpoa2015,
  colombiaFarc2016,
];

/**
 * Ids of the historical cases, in date order.
 *
 * @example
 * ```ts
 * historicalCaseIds()[0]; // "camp-david-1978"
 * ```
 */
export function historicalCaseIds(): string[] {
  return HISTORICAL_CASES.map((c) => c.id);
}

/**
 * A historical case by id; an unknown id is a {@link TreatylabError} listing the known ones.
 *
 * @example
 * ```ts
 * historicalCase("minsk-2-2015").outcome; // "signed-not-implemented"
 * ```
 */
export function historicalCase(id: string): HistoricalCase {
  const found = HISTORICAL_CASES.find((c) => c.id === id);
  if (!found) throw new TreatylabError(`no historical case "${id}"; cases: ${historicalCaseIds().join(", ")}`);
  return found;
}
