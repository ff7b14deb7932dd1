import { analyze } from "../analysis/analyze.js";
import { FORECAST_MODELS, type ForecastOptions } from "../forecast/models.js";
import { forecastScenario } from "../forecast/settlement.js";
import { forecastRoundsSpec } from "../plots/forecastRounds.js";
import { checkProposal } from "../analysis/checkProposal.js";
import { prepare } from "../analysis/prepare.js";
import { findings } from "../sensitivity/findings.js";
import type { Bundle, Scenario } from "../model/types.js";
import { type PlottableResult, resultPlot } from "../plots/resultPlot.js";
import { type NamedPlot, scenarioPlots } from "../plots/scenarioPlots.js";
import { renderSvg } from "../render/renderSvg.js";
import { reportHtml } from "./reportHtml.js";
import { namespaceSvgIds } from "./svgIds.js";
import { TreatylabError } from "../model/errors.js";
import { builtinGraphModel, builtinGraphModelFor } from "../stability/builtins.js";
import { type ReportStability, stabilitySection } from "./stabilitySection.js";

/**
 * A proposal to check in the report (for example a published plan), with its label.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const file = JSON.parse(readFileSync("examples/proposals/us-28-point-plan.json", "utf8"));
 * const p: ReportProposal = { label: file.title, bundle: file.bundle };
 * p.label; // "US 28-point peace plan, November 2025"
 * checkProposal(ukraine2025, p.bundle).rejectedBy; // ["eu"]
 * ```
 */
export interface ReportProposal {
  readonly label: string;
  readonly bundle: Bundle;
}

/**
 * Options of {@link buildReport}.
 *
 * @example
 * ```ts
 * const nash = analyze(nash1950).solutions.nash!.bundle;
 * const plan: ReportProposal = { label: "Jack gets the pen too", bundle: { ...nash, pen: "jack" } };
 * const run = simulate(nash1950, { seed: "1" });
 * const o: ReportOptions = { proposals: [plan], attachments: [{ kind: "trace", result: run }], seed: "1" };
 * (await buildReport(nash1950, o)).includes("Jack gets the pen too"); // true
 * ```
 */
export interface ReportOptions {
  /** Proposals to check (verdicts table, marked on the utility space). */
  readonly proposals?: readonly ReportProposal[];
  /** Results of other commands to plot in the report (negotiation traces, sweeps, tornados, Monte Carlo). */
  readonly attachments?: readonly PlottableResult[];
  /** Party ids of the utility-space axes (default: the first two). */
  readonly parties?: readonly string[];
  /** Seed of the utility-space sample (default "0"). */
  readonly seed?: string;
  /** List what the result hangs on (see `findings`; default true). */
  readonly findings?: boolean;
  /** Enumeration limit of the analysis (see `analyze`). */
  readonly maxOutcomes?: number;
  /** Shown in the footer (default "treatylab"). */
  readonly generator?: string;
  /**
   * Forecast the outcome (docs/forecast.md): the forecast bundle joins the checked proposals (as
   * "Forecast (model)") and the positions by round join the plots, captioned with the findings.
   */
  readonly forecast?: ForecastOptions;
  /**
   * Will the settlement hold? Add a stability section (docs/stability.md) for this graph model, or one
   * derived from the scenario. Without either (or without the option): the built-in graph model
   * paired with the scenario id (e.g. ukraine-2025 with ukraine-2025-may), if any; `false` leaves the
   * section out.
   */
  readonly stability?: ReportStability | false;
  /** Called before each step (analysis, then each figure) with the steps done and the total. */
  readonly onProgress?: (done: number, total: number, step: string) => void;
}

/**
 * Analyses a scenario, checks the given proposals, draws the plots (and those of the attached
 * results), adds the stability section (see `ReportOptions.stability`) and lays everything out as one self-contained HTML page (see {@link reportHtml}).
 * Needs `vega` and `vega-lite` for the plots. Deterministic: same inputs and seed, same bytes.
 *
 * @example
 * ```ts
 * import { nash1950 } from "treatylab";
 * import { buildReport } from "treatylab/plot";
 * const html = await buildReport(nash1950);
 * html.startsWith("<!DOCTYPE html>"); // true
 * (html.match(/<figure/g) ?? []).length; // 1: the utility space
 * ```
 */
export async function buildReport(scenario: Scenario, options: ReportOptions = {}): Promise<string> {
  const c = prepare(scenario);
  const stabilityInput = resolveStability(c.scenario.id, options.stability);
  const progress = options.onProgress ?? (() => undefined);
  progress(0, 1, "analysis");
  const analysis = analyze(c, { maxOutcomes: options.maxOutcomes });
  const found =
    options.findings === false ? undefined : findings(c.scenario, { maxOutcomes: options.maxOutcomes, analysis });
  const proposals = (options.proposals ?? []).map((p) => ({ label: p.label, check: checkProposal(c, p.bundle) }));
  const forecast = options.forecast ? forecastScenario(c, options.forecast) : null;
  const forecastLabel = forecast ? `Forecast (${FORECAST_MODELS[forecast.model].label})` : "";
  if (forecast?.check) proposals.push({ label: forecastLabel, check: forecast.check });
  const forecastPlots: NamedPlot[] =
    forecast && forecast.issues.length > 0
      ? [
          {
            kind: "forecast",
            caption: `${forecastLabel}: positions by round. ${forecast.findings.join(" ")}`,
            spec: forecastRoundsSpec(forecast.issues),
          },
        ]
      : [];
  const plots: NamedPlot[] = [
    ...scenarioPlots(c, analysis, {
      parties: options.parties,
      seed: options.seed,
      proposals: proposals.map((p) => ({ label: p.label, utilities: p.check.utilities })),
    }),
    ...forecastPlots,
    ...(options.attachments ?? []).map((r) => resultPlot(r, c.scenario)),
  ];
  const figures = [];
  for (const [k, plot] of plots.entries()) {
    progress(k + 1, plots.length + 1, plot.kind);
    figures.push({
      kind: plot.kind,
      caption: plot.caption,
      svg: namespaceSvgIds(await renderSvg(plot.spec), `fig${k + 1}`),
    });
  }
  const stability = stabilityInput
    ? await stabilitySection(c.scenario, stabilityInput, {
        nash: analysis.solutions.nash?.bundle,
        svgPrefix: `fig${plots.length + 1}`,
      })
    : undefined;
  progress(plots.length + 1, plots.length + 1, "done");
  return reportHtml({
    scenario: c.scenario,
    analysis,
    figures,
    proposals,
    generator: options.generator ?? "treatylab",
    findings: found,
    ...(stability ? { stability } : {}),
  });
}

/**
 * The stability section's input: none (false), the given model or scenario bridge, or the built-in
 * graph model paired with the scenario id (with the given status quo and sanction rule, if any).
 */
function resolveStability(scenarioId: string, s: ReportStability | false | undefined): ReportStability | undefined {
  if (s === false) return undefined;
  if (s?.model || s?.fromScenario) return s;
  const id = builtinGraphModelFor(scenarioId);
  const model = id === undefined ? undefined : builtinGraphModel(id);
  if (!model) {
    if (s)
      throw new TreatylabError(
        `the stability section: no built-in graph model is paired with the scenario ${scenarioId}; give a graph model (--graph-model) or the issues each party controls (--control)`,
      );
    return undefined;
  }
  return { ...s, model, source: `built-in graph model ${id}, paired with the scenario ${scenarioId}` };
}
