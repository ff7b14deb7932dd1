import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import type { SweepOutput } from "../sensitivity/sweepPart.js";
import type { TornadoResult } from "../sensitivity/tornado.js";
import type { SimulationResult } from "../simulation/types.js";
import type { MonteCarloResult } from "../uncertainty/monteCarloAccumulator.js";
import { monteCarloSpec } from "./monteCarloChart.js";
import { negotiationTraceSpec } from "./negotiationTrace.js";
import type { NamedPlot } from "./scenarioPlots.js";
import { sweepSpec } from "./sweepLines.js";
import { tornadoSpec } from "./tornadoChart.js";
import { type TournamentSummary, tournamentSpec } from "./tournamentChart.js";

/**
 * A result another command printed as JSON that treatylab can plot, tagged by kind.
 *
 * @example
 * ```ts
 * const r: PlottableResult = { kind: "trace", result: simulate(nash1950, { seed: "1" }) };
 * resultPlot(r, nash1950).kind; // "trace"
 * ```
 */
export type PlottableResult =
  | { readonly kind: "trace"; readonly result: SimulationResult }
  | { readonly kind: "sweep"; readonly result: SweepOutput }
  | { readonly kind: "tornado"; readonly result: TornadoResult }
  | { readonly kind: "montecarlo"; readonly result: MonteCarloResult }
  | { readonly kind: "tournament"; readonly result: TournamentSummary };

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);

/**
 * Recognises the JSON output of `simulate`, `tournament`, `sweep`, `sensitivity` (its tornado) or
 * `montecarlo` (by its shape), or returns null when the value is none of them (for instance a scenario).
 *
 * @example
 * ```ts
 * const text = JSON.stringify(simulate(nash1950, { seed: "1" })); // what `treatylab simulate --format json` prints
 * detectResult(JSON.parse(text))?.kind; // "trace" (or "sweep", "tornado", "montecarlo", "tournament")
 * detectResult({ a: 1 }); // null: not a result treatylab plots
 * ```
 */
export function detectResult(value: unknown): PlottableResult | null {
  if (!isObject(value)) return null;
  if (value.kind === "treatylab-sweep" || value.kind === "treatylab-sweep-part") {
    if (Array.isArray(value.rows) && Array.isArray(value.axes))
      return { kind: "sweep", result: value as unknown as SweepOutput };
  }
  if (value.kind === "treatylab-montecarlo" && Array.isArray(value.bundles) && isObject(value.zopa))
    return { kind: "montecarlo", result: value as unknown as MonteCarloResult };
  if (
    Array.isArray(value.trace) &&
    typeof value.protocol === "string" &&
    isObject(value.strategies) &&
    isObject(value.metrics)
  )
    return { kind: "trace", result: value as unknown as SimulationResult };
  if (Array.isArray(value.bars) && "metric" in value && typeof value.baseMetric === "number")
    return { kind: "tornado", result: value as unknown as TornadoResult };
  if (
    Array.isArray(value.summary) &&
    typeof value.protocol === "string" &&
    value.summary.every((s) => isObject(s) && typeof s.strategy === "string" && typeof s.agreementRate === "number")
  )
    return { kind: "tournament", result: value as unknown as TournamentSummary };
  // `treatylab sensitivity --format json` prints { breakEven, tornado }.
  if (isObject(value.tornado) && !Array.isArray(value.trace)) return detectResult(value.tornado);
  return null;
}

/**
 * The plot of a recognised result: a negotiation trace, a tournament's strategy ranking, sweep
 * lines (or a heat map), a tornado chart or Monte Carlo acceptance probabilities. Given the
 * scenario the result was run on, the plot names parties, issues and parameters by their labels
 * (a trace's scenario must have the id the result names; a sweep carries its own scenario).
 *
 * @example
 * ```ts
 * resultPlot({ kind: "trace", result: simulate(nash1950, { seed: "1" }) }, nash1950).caption;
 * // "Each party's utility of each offer, round by round: concessions show as falling lines."
 * ```
 */
export function resultPlot(r: PlottableResult, scenario?: Scenario): NamedPlot {
  switch (r.kind) {
    case "trace": {
      if (r.result.trace.length === 0)
        throw new TreatylabError("the simulation has no trace to plot (it was run with the trace turned off)");
      const s = scenario?.id === r.result.scenario ? scenario : undefined;
      const labels = s ? Object.fromEntries(s.parties.map((p) => [p.id, p.label ?? p.id])) : undefined;
      const title = s?.title ? `Negotiation: ${s.title}` : undefined;
      return {
        kind: r.kind,
        caption: "Each party's utility of each offer, round by round: concessions show as falling lines.",
        spec: negotiationTraceSpec(r.result, { ...(labels && { labels }), ...(title && { title }) }),
      };
    }
    case "sweep":
      return {
        kind: r.kind,
        caption: "How the ZOPA and the solution move as a parameter moves.",
        spec: sweepSpec(r.result),
      };
    case "tornado":
      return {
        kind: r.kind,
        caption: "Which numbers matter most: the outcome at each parameter's low and high setting.",
        spec: tornadoSpec(r.result, scenario ? { scenario } : {}),
      };
    case "montecarlo":
      return {
        kind: r.kind,
        caption: "How robust the settlements are when the numbers are uncertain.",
        spec: monteCarloSpec(r.result),
      };
    case "tournament":
      return {
        kind: r.kind,
        caption: "How each negotiation strategy fares against the others.",
        spec: tournamentSpec(r.result),
      };
  }
}
