import { type CompiledScenario, interactionApplies } from "../model/compile.js";

/**
 * Every party's utility for an index bundle, in party order: the sum over issues of
 * `contrib[p][i][o]`, plus the interaction terms that apply.
 *
 * @example
 * ```ts
 * const compiled = compileScenario(nash1950);
 * utilities(compiled, new Int32Array(9)); // Float64Array [~1, 0]: every item to bill
 * ```
 */
export function utilities(
  c: CompiledScenario,
  bundle: ArrayLike<number>,
  out = new Float64Array(c.partyIds.length),
): Float64Array {
  for (let p = 0; p < c.partyIds.length; p++) {
    const rows = c.contrib[p]!;
    let u = 0;
    for (let i = 0; i < rows.length; i++) u += rows[i]![bundle[i]!]!;
    for (const t of c.interactions[p]!) if (interactionApplies(t, bundle)) u += t.value;
    out[p] = u;
  }
  return out;
}

/** Powers of ten that are exact doubles, 10^0 to 10^22. */
const POW10 = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * Rounds a utility for output (12 significant digits), removing floating-point noise in the last bits.
 * The result is `Number(u.toPrecision(12))`, bit for bit: the string round trip is only taken for
 * values the arithmetic below cannot settle (see docs/algorithms.md, "Rounding utilities").
 *
 * @example
 * ```ts
 * roundUtility(0.7849999999999998); // 0.785
 * ```
 */
export function roundUtility(u: number): number {
  const a = Math.abs(u);
  // The 12 significant digits of a are those of the integer nearest a * 10^k, with k chosen so
  // that it has 12 digits. 10^k is exact (k <= 22) and the product is correctly rounded: its
  // error is at most half an ulp, under 2^-14 below 2^40, so unless the fraction of the product
  // is near one half the nearest integer m is that of the exact product; m / 10^k, one
  // correctly rounded division of exact values, is then the double nearest the 12-digit decimal,
  // as parsing it gives. A wrong k (log10 near a power of ten) shows as m out of range.
  const k = 11 - Math.floor(Math.log10(a));
  if (k >= 0 && k <= 22) {
    const x = a * POW10[k]!;
    const m = Math.round(x);
    if (m > 1e11 && m <= 1e12 && Math.abs(x - Math.floor(x) - 0.5) > 1e-3)
      return u < 0 ? -m / POW10[k]! : m / POW10[k]!;
  }
  return Number(u.toPrecision(12));
}

/**
 * A utility vector as a record keyed by party id (rounded for output).
 *
 * @example
 * ```ts
 * const compiled = compileScenario(nash1950);
 * utilityRecord(compiled, [0.5, 0.25]); // { bill: 0.5, jack: 0.25 }
 * ```
 */
export function utilityRecord(c: CompiledScenario, u: ArrayLike<number>): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  c.partyIds.forEach((id, p) => (out[id] = roundUtility(u[p]!)));
  return Object.freeze(out);
}
