import { TreatylabError } from "../model/errors.js";

/**
 * Parses a `party=value[,party=value...]` option (e.g. `--discount russia=0.95,ukraine=0.9`),
 * splitting each item at its first `=`; values are kept as text. Repeated options concatenate.
 *
 * @example
 * ```ts
 * import { partyValues } from "./partyValues.js";
 * partyValues("--strategy", "russia=boulware:e=0.1,ukraine=conceder");
 * // { russia: "boulware:e=0.1", ukraine: "conceder" }
 * ```
 */
export function partyValues(option: string, text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === undefined) return out;
  for (const item of text.split(",")) {
    const part = item.trim();
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq <= 0 || eq === part.length - 1) throw new TreatylabError(`${option} "${part}": expected party=value`);
    const party = part.slice(0, eq);
    if (Object.prototype.hasOwnProperty.call(out, party)) throw new TreatylabError(`${option} names "${party}" twice`);
    out[party] = part.slice(eq + 1);
  }
  return out;
}

/**
 * Like {@link partyValues} with numeric values (one-line error for a non-number).
 *
 * @example
 * ```ts
 * import { partyNumbers } from "./partyValues.js";
 * partyNumbers("--discount", "a=0.9,b=0.8"); // { a: 0.9, b: 0.8 }
 * partyNumbers("--discount", "a=x"); // throws TreatylabError: '--discount a=x: "x" is not a number'
 * ```
 */
export function partyNumbers(option: string, text: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(partyValues(option, text))) {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new TreatylabError(`${option} ${k}=${v}: "${v}" is not a number`);
    out[k] = n;
  }
  return out;
}
