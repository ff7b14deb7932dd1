/**
 * The backtest's stability hook: once a case's text is signed, would anyone defect? The case's
 * control mapping (which party controls which clause after signature) and the text make a graph
 * model (`graphModelFromScenario`, the model `treatylab stability <case> --control ... --fix
 * text.json` analyses); the text is its all-N state, and the verdict is the list of stability
 * concepts under which that state is an equilibrium.
 * @module
 */
import type { Bundle, Scenario } from "../model/types.js";
import { analyzeStability, type StabilityKey } from "../stability/concepts.js";
import { graphModelFromScenario } from "../stability/fromScenario.js";
import { compileGraphModel, stateString } from "../stability/model.js";
import { explainState } from "../stability/explain.js";
import type { BacktestStability } from "./backtest.js";
import type { HistoricalCase } from "./types.js";

/**
 * The concept the backtest's yes/no "stable" reads: sequential stability (SEQ). A defection is
 * deterred only by a sanction the others would carry out because it improves their own lot, a
 * credible threat; Nash stability (no party gains by defecting at all) asks more than any treaty
 * between adversaries gives, GMR (any sanction, even one that hurts the sanctioner) less.
 *
 * @example
 * ```ts
 * caseStability(historicalCase("good-friday-1998")).concepts.includes(HEADLINE_STABILITY_CONCEPT); // true ("seq")
 * ```
 */
export const HEADLINE_STABILITY_CONCEPT: StabilityKey = "seq";

/**
 * One party's most profitable defection from the text (its best unilateral improvement) and whether
 * the headline concept (SEQ) deters every defection of that party.
 *
 * @example
 * ```ts
 * const d: CaseDefection = { party: "russia", changes: { "foreign-forces": "stay" }, deterred: false };
 * ```
 */
export interface CaseDefection {
  readonly party: string;
  /** The clauses the party changes, issue -> the option it moves to. */
  readonly changes: Readonly<Record<string, string>>;
  readonly deterred: boolean;
}

/**
 * The stability of a case's text: the backtest's {@link BacktestStability} with every field
 * filled (`stable` reads {@link HEADLINE_STABILITY_CONCEPT}; `defections` in party order, empty
 * when the text is Nash stable; `states` counts the feasible combinations of the controlled clauses).
 *
 * @example
 * ```ts
 * const s: CaseStability = caseStability(historicalCase("minsk-2-2015"));
 * s.stable; s.concepts; s.defections;
 * ```
 */
export type CaseStability = Required<BacktestStability>;

/**
 * The control mapping of a case as `graphModelFromScenario` takes it (party -> issues).
 *
 * @example
 * ```ts
 * controlMap(historicalCase("minsk-2-2015")).russia; // ["foreign-forces"]
 * ```
 */
export function controlMap(hc: Pick<HistoricalCase, "control">): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(hc.control).map(([party, c]) => [party, c.issues]));
}

/**
 * Is the text an equilibrium of the graph model "signed, then each party may change the clauses
 * it controls"? Standard sanctions (Fang, Hipel and Kilgour 1993), preferences = the parties'
 * utilities (docs/stability.md). `scenario` defaults to the case's own (pass an edited one for a
 * what-if).
 *
 * @example
 * ```ts
 * import { historicalCase } from "treatylab";
 * import { caseStability } from "treatylab/advanced";
 * caseStability(historicalCase("minsk-2-2015")).concepts; // []: Minsk II holds under no concept
 * ```
 */
export function caseStability(hc: Pick<HistoricalCase, "control" | "text">, scenario?: Scenario): CaseStability {
  return textStability(scenario ?? (hc as HistoricalCase).scenario, hc.text.bundle, controlMap(hc));
}

/**
 * {@link caseStability} from its parts: a scenario, the signed bundle and who controls what.
 *
 * @example
 * ```ts
 * const { scenario, text } = historicalCase("minsk-2-2015");
 * const s = textStability(scenario, text.bundle, { russia: ["foreign-forces"], ukraine: ["special-status"] });
 * s.stable; // true: with only these clauses in play Minsk II holds under SEQ (not with the case's own control)
 * ```
 */
export function textStability(
  scenario: Scenario,
  text: Bundle,
  control: Readonly<Record<string, readonly string[]>>,
): CaseStability {
  const model = graphModelFromScenario(scenario, { control, fixed: text });
  const cm = compileGraphModel(model);
  const analysis = analyzeStability(cm);
  const concepts = analysis.concepts.filter((k) => analysis.equilibria[k]!.includes(0));
  const stable = concepts.includes(HEADLINE_STABILITY_CONCEPT);
  const signed = stateString(0, cm.n);
  const defections: CaseDefection[] = [];
  for (const e of explainState(cm, 0, { concepts: [HEADLINE_STABILITY_CONCEPT] })) {
    if (e.improvements.length === 0) continue;
    // Improvements come best first (see explainState): the party's most profitable defection.
    const best = e.improvements[0]!;
    const changes: Record<string, string> = {};
    [...best.to].forEach((ch, k) => {
      if (ch !== "Y") return;
      const [issue, option] = cm.optionNames[k]!.split(" = ") as [string, string];
      changes[issue] = option;
    });
    defections.push({ party: e.dm, changes, deterred: e.stable });
  }
  const moves = (d: CaseDefection): string =>
    Object.entries(d.changes)
      .map(([i, o]) => `${i}=${o}`)
      .join(", ");
  const detail = [
    `${cm.states.length} states over ${cm.n} options (text = ${signed})`,
    `equilibrium under ${concepts.length ? concepts.join(", ") : "no concept"}`,
    ...defections.map(
      (d) =>
        `${d.party} gains by ${moves(d)} (${d.deterred ? "deterred" : "not deterred"} under ${HEADLINE_STABILITY_CONCEPT.toUpperCase()})`,
    ),
  ].join("; ");
  return { stable, concepts, defections, states: cm.states.length, detail };
}
