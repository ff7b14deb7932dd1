import { type CompiledScenario, interactionApplies } from "../model/compile.js";

/**
 * Every party's utility for an index bundle, in party order: the sum over issues of
 * `contrib[p][i][o]`, plus the interaction terms that apply.
 *
 * @example
 * ```ts
 * utilities(compiled, [0, 1, 2]); // Float64Array [0.62, 0.4, ...]
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

/**
 * Rounds a utility for output (12 significant digits), removing floating-point noise in the last bits.
 *
 * @example
 * ```ts
 * roundUtility(0.7849999999999998); // 0.785
 * ```
 */
export function roundUtility(u: number): number {
  return Number(u.toPrecision(12));
}

/**
 * A utility vector as a record keyed by party id (rounded for output).
 *
 * @example
 * ```ts
 * utilityRecord(compiled, [0.5, 0.25]); // { russia: 0.5, ukraine: 0.25 }
 * ```
 */
export function utilityRecord(c: CompiledScenario, u: ArrayLike<number>): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  c.partyIds.forEach((id, p) => (out[id] = roundUtility(u[p]!)));
  return Object.freeze(out);
}
