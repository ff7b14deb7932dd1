/**
 * The forecast as a settlement: a bundle checked like a proposal and set beside the bargaining
 * solutions.
 * @module
 */
import { analyze } from "../analysis/analyze.js";
import { type ProposalCheck, checkProposal } from "../analysis/checkProposal.js";
import { prepare } from "../analysis/prepare.js";
import type { CompiledScenario } from "../model/compile.js";
import { deepFreeze } from "../model/deepFreeze.js";
import type { Bundle, Scenario } from "../model/types.js";
import { SOLUTION_NAMES } from "../solutions/solutionConcepts.js";
import { type ForecastOptions, FORECAST_MODELS, forecast } from "./models.js";
import { type IssueScale, type SalienceRule, type ScenarioTables, scenarioForecastTables } from "./scenarioTables.js";
import type { ForecastModelName, IssueForecast } from "./types.js";

/**
 * One settlement in the side-by-side comparison: the forecast bundle or a bargaining solution,
 * each issue's position on its scale, each party's utility and whether all accept it.
 *
 * @example
 * ```ts
 * const f = forecastScenario(builtinScenario("camp-david-1978"), { model: "median" });
 * const row: SettlementComparison = f.comparison[1]!;
 * row.name; // "nash"
 * row.utilities; // { egypt: 0.83, israel: 0.675, us: 0.785 }
 * row.acceptedByAll; // true
 * ```
 */
export interface SettlementComparison {
  readonly name: string;
  readonly bundle: Bundle;
  readonly positions: Readonly<Record<string, number>>;
  readonly utilities: Readonly<Record<string, number>>;
  readonly acceptedByAll: boolean;
}

/**
 * A scenario's forecast: one forecast per issue with a scale, the bundle they make, its check as a
 * proposal, findings in words, and the comparison with the bargaining solutions.
 *
 * @example
 * ```ts
 * const f: ScenarioForecast = forecastScenario(builtinScenario("camp-david-1978"), { model: "median" });
 * f.outsideZopa; // true
 * f.findings[0]; // "The Weighted median forecast lands outside the ZOPA: israel (at or above its reservation,
 * //   crosses 1 red line) would reject it, so talks are likely to stall."
 * forecastScenario(builtinScenario("nash-1950")).bundle; // null: nash-1950's options declare no positions
 * ```
 */
export interface ScenarioForecast {
  readonly model: ForecastModelName;
  readonly scenario: { readonly id: string; readonly title: string };
  readonly issues: readonly IssueForecast[];
  readonly skipped: readonly { readonly issue: string; readonly reason: string }[];
  /** The option nearest each forecast position (null when an issue has no scale). */
  readonly bundle: Bundle | null;
  /** The bundle checked like a proposal (null without a bundle). */
  readonly check: ProposalCheck | null;
  /** Whether some party would reject the forecast bundle (null without a bundle). */
  readonly outsideZopa: boolean | null;
  readonly findings: readonly string[];
  /** The forecast bundle and the bargaining solutions side by side (solutions absent when the ZOPA is empty). */
  readonly comparison: readonly SettlementComparison[];
}

/**
 * Options of a scenario forecast: the model and rounds, and how weights become saliences.
 *
 * @example
 * ```ts
 * const o: ScenarioForecastOptions = { model: "bdm", rounds: 10, salience: "max" };
 * ```
 */
export interface ScenarioForecastOptions extends ForecastOptions {
  readonly salience?: SalienceRule;
}

/**
 * The option of an issue nearest a position; on an exact tie the option listed first (for a
 * numeric issue: the smaller value).
 *
 * @example
 * ```ts
 * nearestOption({ issue: "x", optionIds: ["a", "b"], positions: [0, 10] }, 4); // "a"
 * ```
 */
export function nearestOption(scale: IssueScale, position: number): string {
  let best = 0;
  for (let o = 1; o < scale.positions.length; o++)
    if (Math.abs(scale.positions[o]! - position) < Math.abs(scale.positions[best]! - position)) best = o;
  return scale.optionIds[best]!;
}

const fmt = (x: number): string => (x >= 0.001 ? String(Math.round(x * 1000) / 1000) : x.toPrecision(2));

/**
 * The per-issue forecasts of a scenario and the bundle they make (null when an issue has no scale):
 * the part of {@link forecastScenario} that the Monte Carlo repeats per draw.
 *
 * @example
 * ```ts
 * forecastBundle(compileScenario(builtinScenario("camp-david-1978")), { model: "median" }).bundle;
 * // { sinai: "full", settlements: "removed", airfields: "keep", palestinian: "linked", normalisation: "full",
 * //   "us-aid": "large" }
 * ```
 */
export function forecastBundle(
  c: CompiledScenario,
  options: ScenarioForecastOptions = {},
): ScenarioTables & { readonly issues: readonly IssueForecast[]; readonly bundle: Bundle | null } {
  const tables = scenarioForecastTables(c, options.salience ? { salience: options.salience } : {});
  const issues = tables.tables.map((t) => forecast(t, options));
  const bundle =
    tables.skipped.length > 0
      ? null
      : Object.fromEntries(issues.map((f, k) => [f.issue, nearestOption(tables.scales[k]!, f.forecast)]));
  return { ...tables, issues, bundle };
}

/**
 * Forecasts every issue of a scenario that has an ordered scale (see `scenarioForecastTables`),
 * turns the forecasts into a bundle (each issue at the option nearest its forecast position, ties
 * to the option listed first) and checks it like a proposal with `checkProposal`: who rejects it,
 * by how much, and the closest bundles every party accepts. A bundle some party rejects "lands
 * outside the ZOPA", stated as a finding (talks likely stall). The forecast is compared with the
 * Nash, Kalai-Smorodinsky, egalitarian and utilitarian solutions of `analyze`.
 *
 * @example
 * ```ts
 * import { builtinScenario, forecastScenario } from "treatylab";
 * const f = forecastScenario(builtinScenario("camp-david-1978"), { model: "bdm-scholz", rounds: 10 });
 * f.bundle; // { sinai: "full", settlements: "remain", airfields: "keep", palestinian: "linked", ... }
 * f.check?.rejectedBy; // ["egypt", "israel"]
 * f.findings[1]; // "Closest bundle every party accepts: change settlements remain -> removed,
 * //   palestinian linked -> autonomy-framework."
 * ```
 */
export function forecastScenario(
  scenario: Scenario | CompiledScenario,
  options: ScenarioForecastOptions & { readonly alternatives?: number } = {},
): ScenarioForecast {
  const c = prepare(scenario);
  const { scales, skipped, issues, bundle } = forecastBundle(c, options);
  const model = options.model ?? "bdm-scholz";
  const findings: string[] = [];
  let check: ProposalCheck | null = null;
  const comparison: SettlementComparison[] = [];
  const positionsOf = (b: Bundle): Record<string, number> =>
    Object.fromEntries(scales.map((s) => [s.issue, s.positions[s.optionIds.indexOf(b[s.issue]!)]!]));
  if (bundle === null)
    findings.push(
      `No forecast bundle: ${skipped.map((s) => s.issue).join(", ")} ${skipped.length === 1 ? "has" : "have"} no ordered scale.`,
    );
  else {
    check = checkProposal(c, bundle, { alternatives: options.alternatives ?? 3 });
    const label = FORECAST_MODELS[model].label;
    if (check.rejectedBy.length === 0)
      findings.push(`The ${label} forecast lies inside the ZOPA: every party accepts it.`);
    else {
      const why = check.verdicts
        .filter((v) => !v.accepts)
        .map(
          (v) =>
            `${v.party} (${v.shortfall > 0 ? `${fmt(v.shortfall)} below its reservation` : "at or above its reservation"}${v.redLines.length > 0 ? `, crosses ${v.redLines.length} red line${v.redLines.length > 1 ? "s" : ""}` : ""})`,
        );
      findings.push(
        `The ${label} forecast lands outside the ZOPA: ${why.join("; ")} would reject it, so talks are likely to stall.`,
      );
      const alt = check.alternatives[0];
      if (alt)
        findings.push(
          `Closest bundle every party accepts: change ${alt.changes.map((ch) => `${ch.issue} ${ch.from} -> ${ch.to}`).join(", ")}.`,
        );
      else findings.push("No bundle is acceptable to every party (the ZOPA is empty).");
    }
    if (!check.feasible)
      findings.push(
        `The forecast bundle breaks constraint ${check.brokenConstraint!.index + 1}${check.brokenConstraint!.reason ? ` (${check.brokenConstraint!.reason})` : ""}.`,
      );
    comparison.push({
      name: "forecast",
      bundle,
      positions: positionsOf(bundle),
      utilities: check.utilities,
      acceptedByAll: check.acceptedByAll,
    });
    const a = analyze(c);
    for (const name of SOLUTION_NAMES) {
      const sol = a.solutions[name];
      if (sol)
        comparison.push({
          name,
          bundle: sol.bundle,
          positions: positionsOf(sol.bundle),
          utilities: sol.utilities,
          acceptedByAll: true,
        });
    }
    const nash = a.solutions.nash;
    if (nash) {
      const same = issues.filter((f) => nash.bundle[f.issue] === bundle[f.issue]).length;
      findings.push(`The forecast agrees with the Nash solution on ${same} of ${issues.length} issues.`);
    }
  }
  return deepFreeze({
    model,
    scenario: { id: c.scenario.id, title: c.scenario.title ?? c.scenario.id },
    issues,
    skipped,
    bundle,
    check,
    outsideZopa: check ? check.rejectedBy.length > 0 : null,
    findings,
    comparison,
  });
}
