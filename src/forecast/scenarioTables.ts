/**
 * From a treatylab scenario to forecast tables: one per issue with an ordered scale.
 * @module
 */
import { prepare } from "../analysis/prepare.js";
import type { CompiledScenario } from "../model/compile.js";
import { ScenarioError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import type { ForecastTable } from "./types.js";
import { maxOf } from "../model/extrema.js";

/**
 * An issue's ordered scale: each option's position (numeric issues: their values; discrete issues:
 * the declared `position`s).
 *
 * @example
 * ```ts
 * const s: IssueScale = { issue: "crimea", optionIds: ["ukrainian-control", "frozen-line"], positions: [0, 50] };
 * ```
 */
export interface IssueScale {
  readonly issue: string;
  readonly optionIds: readonly string[];
  readonly positions: readonly number[];
}

/**
 * A scenario's forecast inputs: the tables of the issues with a scale, their scales, and the
 * issues left out with the reason.
 *
 * @example
 * ```ts
 * const t: ScenarioTables = scenarioForecastTables(builtinScenario("camp-david-1978"));
 * t.tables.map((x) => x.issue); // ["sinai", "settlements", "airfields", "palestinian", "normalisation", "us-aid"]
 * t.scales[0]; // { issue: "sinai", optionIds: ["full", "partial", "none"], positions: [0, 1, 2] }
 * scenarioForecastTables(builtinScenario("nash-1950")).skipped.length; // 9: no option declares a position
 * ```
 */
export interface ScenarioTables {
  readonly tables: readonly ForecastTable[];
  readonly scales: readonly IssueScale[];
  readonly skipped: readonly { readonly issue: string; readonly reason: string }[];
}

/**
 * How a scenario's weights become saliences: `share` (default, as issue 13 specifies): the party's
 * normalised weight, weight / sum of its weights; `max`: weight / the party's largest weight, so
 * each party's top issue has salience 1.
 *
 * @example
 * ```ts
 * const rule: SalienceRule = "max";
 * ```
 */
export type SalienceRule = "share" | "max";

/**
 * The forecast tables of a scenario, one per issue with an ordered scale (numeric issues always;
 * discrete issues whose options declare a `position`). Per party: capability = `capability`, else
 * `power`, else 1; position = the position of its best option on the issue (highest value; a tie
 * goes to the option listed first); salience = its normalised weight on the issue (weights divided
 * by their sum, as in the utilities; with `salience: "max"` divided by the party's largest weight
 * instead). A discrete issue with positions on some options only is an
 * error naming the first option without one.
 *
 * @example
 * ```ts
 * import { builtinScenario } from "treatylab";
 * import { scenarioForecastTables } from "treatylab/advanced";
 * scenarioForecastTables(builtinScenario("camp-david-1978")).tables[0]?.issue; // "sinai"
 * ```
 */
export function scenarioForecastTables(
  scenario: Scenario | CompiledScenario,
  options: { readonly salience?: SalienceRule } = {},
): ScenarioTables {
  const c = prepare(scenario);
  const maxWeight = c.weight.map((w) => maxOf(w));
  const s = c.scenario;
  const tables: ForecastTable[] = [];
  const scales: IssueScale[] = [];
  const skipped: { issue: string; reason: string }[] = [];
  s.issues.forEach((issue, i) => {
    let positions: number[];
    if (issue.type === "numeric") positions = c.optionIds[i]!.map(Number);
    else {
      const declared = issue.options.map((o) => o.position);
      if (declared.every((p) => p === undefined)) {
        skipped.push({
          issue: issue.id,
          reason: "its options declare no position (add `position` to each option for an ordered scale)",
        });
        return;
      }
      const missing = declared.findIndex((p) => p === undefined);
      if (missing >= 0)
        throw new ScenarioError(
          `$.issues[${i}].options[${missing}].position`,
          "is missing while other options of the issue have one",
          "a position for every option of the issue, or for none",
        );
      positions = declared as number[];
    }
    scales.push({ issue: issue.id, optionIds: c.optionIds[i]!, positions });
    tables.push({
      issue: issue.id,
      actors: s.parties.map((party, p) => {
        const contrib = c.contrib[p]![i]!;
        let best = 0;
        for (let o = 1; o < contrib.length; o++) if (contrib[o]! > contrib[best]!) best = o;
        return {
          actor: party.id,
          capability: party.capability ?? party.power ?? 1,
          position: positions[best]!,
          salience:
            options.salience === "max" ? (maxWeight[p]! > 0 ? c.weight[p]![i]! / maxWeight[p]! : 0) : c.weight[p]![i]!,
        };
      }),
    });
  });
  return { tables, scales, skipped };
}
