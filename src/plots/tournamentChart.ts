import type { StrategySummary } from "../simulation/tournament.js";
import { type PlotSize, plotNumber, plotSpec, type VegaLiteSpec } from "./spec.js";

/**
 * What a tournament plot needs: the protocol, the seed and the per-strategy summaries (the JSON
 * of `treatylab tournament --format json`, with or without `--runs`).
 *
 * @example
 * ```ts
 * const t: TournamentSummary = tournament([nash1950], { strategies: ["boulware", "conceder"], seed: 1 });
 * ```
 */
export interface TournamentSummary {
  readonly seed: string;
  readonly protocol: string;
  readonly summary: readonly StrategySummary[];
}

/**
 * Vega-Lite spec of a strategy tournament: per strategy, the mean utility of the outcome to the
 * party playing it (bar) and the mean payoff after the cost of delay (tick), and beside it the
 * agreement rate; strategies sorted as the summary ranks them (mean utility, then name).
 *
 * @example
 * ```ts
 * import { nash1950, tournament } from "treatylab";
 * import { renderSvg, tournamentSpec } from "treatylab/plot";
 * const svg = await renderSvg(tournamentSpec(tournament([nash1950], { strategies: ["boulware", "conceder", "hardliner"], seed: 1 })));
 * ```
 */
export function tournamentSpec(result: TournamentSummary, options: PlotSize = {}): VegaLiteSpec {
  const values = result.summary.map((s) => ({
    strategy: s.strategy,
    utility: plotNumber(s.meanUtility),
    payoff: plotNumber(s.meanPayoff),
    agreement: plotNumber(s.agreementRate),
    runs: s.runs,
  }));
  const y = { field: "strategy", type: "nominal", sort: values.map((v) => v.strategy), title: null };
  const height = options.height ?? Math.max(80, 24 * values.length);
  return plotSpec(
    options.title ?? "Tournament: how each strategy fares",
    `${result.protocol} protocol, seed ${result.seed}; bars: mean utility of the outcome to the party playing the strategy; ticks: after the cost of delay.`,
    {
      hconcat: [
        {
          width: options.width ?? 300,
          height,
          layer: [
            {
              data: { values },
              mark: { type: "bar", color: "#0072b2", height: { band: 0.7 } },
              encoding: {
                y,
                x: { field: "utility", type: "quantitative", title: "mean utility" },
                tooltip: [{ field: "strategy" }, { field: "utility" }, { field: "payoff" }, { field: "runs" }],
              },
            },
            {
              data: { values },
              mark: { type: "tick", color: "#d55e00", thickness: 3 },
              encoding: { y, x: { field: "payoff", type: "quantitative" } },
            },
          ],
        },
        {
          width: 160,
          height,
          data: { values },
          mark: { type: "bar", color: "#7fbf7b", height: { band: 0.7 } },
          encoding: {
            y: { ...y, axis: null },
            x: { field: "agreement", type: "quantitative", title: "agreement rate", scale: { domain: [0, 1] } },
          },
        },
      ],
    },
  );
}
