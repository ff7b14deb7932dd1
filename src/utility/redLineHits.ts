import type { CompiledScenario, CompiledValuation } from "../model/compile.js";
import type { RedLineHit } from "./verdict.js";

/**
 * The red lines a bundle crosses for one valuation (a party's or a constituency's), in issue
 * order, with their reasons.
 *
 * @example
 * ```ts
 * redLineHits(c, { redLine: c.redLine[0]!, redLineReason: c.redLineReason[0]! }, bundle);
 * // [{ issue: "nato", option: "join", reason: "..." }]
 * ```
 */
export function redLineHits(
  c: CompiledScenario,
  v: Pick<CompiledValuation, "redLine" | "redLineReason">,
  bundle: ArrayLike<number>,
): RedLineHit[] {
  const hits: RedLineHit[] = [];
  for (let i = 0; i < v.redLine.length; i++) {
    const o = bundle[i]!;
    if (v.redLine[i]![o])
      hits.push({ issue: c.issueIds[i]!, option: c.optionIds[i]![o]!, reason: v.redLineReason[i]![o] });
  }
  return hits;
}
