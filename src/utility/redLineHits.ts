import type { CompiledScenario, CompiledValuation } from "../model/compile.js";
import type { RedLineHit } from "./verdict.js";

/**
 * The red lines a bundle crosses for one valuation (a party's or a constituency's), in issue
 * order, with their reasons.
 *
 * @example
 * ```ts
 * import { redLineHits } from "./redLineHits.js";
 * const c = compileScenario(builtinScenario("ukraine-2025-ratification"));
 * const nash = analyze(c).solutions.nash!.bundle;
 * const bundle = toIndexBundle(c, { ...nash, donbas: "de-jure-russian" }); // Nash, but Donbas ceded in law
 * redLineHits(c, { redLine: c.redLine[1]!, redLineReason: c.redLineReason[1]! }, bundle); // Ukraine's
 * // [{ issue: "donbas", option: "de-jure-russian",
 * //    reason: "Kyiv will not recognise occupied land as Russian in law" }]
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
