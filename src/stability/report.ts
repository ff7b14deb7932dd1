/**
 * The stability result as plain JSON (the contract `treatylab stability --format json` prints):
 * states as Y/N strings over `options`, equilibria per concept, per-DM stable states.
 * @module
 */
import { coalitionStability } from "./coalition.js";
import {
  analyzeStability,
  STABILITY_CONCEPTS,
  type StabilityAnalysis,
  type StabilityKey,
  type StabilityOptions,
} from "./concepts.js";
import { explainState, type StabilityExplanation } from "./explain.js";
import { type CompiledGraphModel, compileGraphModel, type GraphModel, stateCode, stateString } from "./model.js";
import { type StatusQuoAnalysis, statusQuoAnalysis } from "./statusQuo.js";

/**
 * The JSON report of a stability analysis.
 *
 * @example
 * ```ts
 * const pd: GraphModel = {
 *   options: [{ name: "A defects" }, { name: "B defects" }],
 *   decisionMakers: [
 *     { name: "A", options: [0], preference: { ranking: ["YN", "NN", "YY", "NY"] } },
 *     { name: "B", options: [1], preference: { ranking: ["NY", "NN", "YY", "YN"] } },
 *   ],
 * };
 * const r: StabilityReport = stabilityReport(pd);
 * r.equilibria.nash; // ["YY"]
 * ```
 */
export interface StabilityReport {
  readonly model?: string;
  readonly sanctions: "standard" | "gmcr-plus";
  /** Option names in the order the state strings use. */
  readonly options: readonly string[];
  readonly decisionMakers: readonly string[];
  /** The feasible states, ascending by code (GMCR+'s state numbers are positions + 1 when options are grouped by DM). */
  readonly states: readonly string[];
  readonly equilibria: Readonly<Record<StabilityKey, readonly string[]>>;
  readonly byDecisionMaker: Readonly<Record<string, Readonly<Record<StabilityKey, readonly string[]>>>>;
  /** Coalition Nash and coalition SEQ equilibria, when the model declares coalitions. */
  readonly coalitions?: {
    readonly blocks: readonly (readonly string[])[];
    readonly equilibria: { readonly cnash: readonly string[]; readonly cseq: readonly string[] };
  };
  readonly statusQuo?: StatusQuoAnalysis;
  readonly explanations?: readonly StabilityExplanation[];
  readonly notes?: readonly string[];
}

/**
 * Runs the analysis and builds the JSON report (with a status-quo analysis and explanations when asked;
 * the status quo defaults to the one the model declares).
 *
 * @example
 * ```ts
 * const pd: GraphModel = {
 *   options: [{ name: "A defects" }, { name: "B defects" }],
 *   decisionMakers: [
 *     { name: "A", options: [0], preference: { ranking: ["YN", "NN", "YY", "NY"] } },
 *     { name: "B", options: [1], preference: { ranking: ["NY", "NN", "YY", "YN"] } },
 *   ],
 * };
 * const r = stabilityReport(pd, { statusQuo: "NN", explain: "YY" });
 * r.equilibria.seq; // ["NN", "YY"]
 * ```
 */
export function stabilityReport(
  model: GraphModel | CompiledGraphModel,
  options: StabilityOptions & { readonly statusQuo?: string; readonly explain?: string } = {},
): StabilityReport & { readonly analysis: StabilityAnalysis } {
  const cm = "feasible" in model ? model : compileGraphModel(model);
  const a = analyzeStability(cm, options);
  const str = (c: number) => stateString(c, cm.n);
  const keys = a.concepts;
  const equilibria = Object.fromEntries(keys.map((k) => [k, a.equilibria[k]!.map(str)])) as Record<
    StabilityKey,
    string[]
  >;
  const byDecisionMaker = Object.fromEntries(
    cm.dmNames.map((name, i) => [
      name,
      Object.fromEntries(keys.map((k) => [k, [...cm.states].filter((_, j) => a.stable[k]![i]![j] === 1).map(str)])),
    ]),
  ) as Record<string, Record<StabilityKey, string[]>>;
  if (options.explain !== undefined) stateCode(options.explain, cm.n, "options.explain (CLI --explain)");
  const statusQuo = options.statusQuo ?? cm.model.statusQuo;
  const report: StabilityReport & { analysis: StabilityAnalysis } = {
    ...(cm.model.name ? { model: cm.model.name } : {}),
    sanctions: a.sanctions,
    options: cm.optionNames,
    decisionMakers: cm.dmNames,
    states: [...cm.states].map(str),
    equilibria,
    byDecisionMaker,
    ...(cm.coalitions.length ? { coalitions: coalitionReport(cm, str) } : {}),
    ...(statusQuo !== undefined ? { statusQuo: statusQuoAnalysis(a, statusQuo) } : {}),
    ...(options.explain !== undefined
      ? { explanations: explainState(cm, options.explain, { sanctions: a.sanctions, concepts: keys }) }
      : {}),
    ...(cm.model.notes ? { notes: cm.model.notes } : {}),
    analysis: a,
  };
  Object.defineProperty(report, "analysis", { enumerable: false });
  return report;
}

/**
 * Labels of the concepts for headings, in registry order.
 *
 * @example
 * ```ts
 * import { conceptLabels } from "./report.js";
 * STABILITY_CONCEPTS.map((s) => conceptLabels[s.key]).at(3); // "Sequential stability (SEQ)"
 * ```
 */
export const conceptLabels: Readonly<Record<StabilityKey, string>> = Object.fromEntries(
  STABILITY_CONCEPTS.map((c) => [c.key, c.label]),
) as Record<StabilityKey, string>;

function coalitionReport(
  cm: CompiledGraphModel,
  str: (c: number) => string,
): NonNullable<StabilityReport["coalitions"]> {
  const c = coalitionStability(cm);
  return { blocks: c.blocks, equilibria: { cnash: c.equilibria.cnash.map(str), cseq: c.equilibria.cseq.map(str) } };
}
