import type { Bundle } from "../model/types.js";
import type { MonteCarloResult } from "../uncertainty/monteCarloAccumulator.js";
import { shareInterval } from "../uncertainty/statistics.js";
import { type PlotSize, plotNumber, plotSpec, type VegaLiteSpec } from "./spec.js";

/**
 * Options of {@link monteCarloSpec}.
 *
 * @example
 * ```ts
 * const o: MonteCarloPlotOptions = { bundles: 10 };
 * ```
 */
export interface MonteCarloPlotOptions extends PlotSize {
  /** Most bundles shown, most robust first (default 12). */
  readonly bundles?: number;
}

/** Characters per line of a bundle label before it wraps (at a comma). */
const LABEL_LINE = 56;

/** `issue=option` terms, wrapped into lines of about {@link LABEL_LINE} characters at commas, joined by "\n". */
function wrapTerms(head: string, terms: readonly string[]): string {
  const lines: string[] = [];
  let line = head;
  for (const [k, t] of terms.entries()) {
    const piece = k < terms.length - 1 ? `${t},` : t;
    if (line.length + 1 + piece.length > LABEL_LINE && line !== head) {
      lines.push(line);
      line = piece;
    } else line = line === "" ? piece : `${line} ${piece}`;
  }
  lines.push(line);
  return lines.join("\n");
}

/**
 * The label of the `rank`-th bundle: the first one's terms on the issues where the shown bundles
 * differ, each other one's terms where it differs from the first ("as 1 but ..."), so the part
 * that tells bundles apart comes first and nothing is cut (long labels wrap).
 */
function bundleLabel(rank: number, b: Bundle, first: Bundle, issues: readonly string[]): string {
  if (issues.length === 0) return `${rank}. the only bundle`;
  if (rank === 1)
    return wrapTerms(
      `1.`,
      issues.map((i) => `${i}=${b[i]}`),
    );
  const diff = issues.filter((i) => b[i] !== first[i]);
  return wrapTerms(
    `${rank}. as 1 but`,
    diff.map((i) => `${i}=${b[i]}`),
  );
}

/**
 * Vega-Lite spec of Monte Carlo acceptance probabilities: for the most robust bundles, the
 * probability that every party accepts (bar) with its 95% Wilson score interval, and
 * the probability that the bundle is the Nash solution (tick).
 *
 * @example
 * ```ts
 * import { monteCarlo, nash1950 } from "treatylab";
 * import { monteCarloSpec, renderSvg } from "treatylab/plot";
 * const r = monteCarlo(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 200, seed: "1" });
 * const svg = await renderSvg(monteCarloSpec(r));
 * ```
 */
export function monteCarloSpec(result: MonteCarloResult, options: MonteCarloPlotOptions = {}): VegaLiteSpec {
  const shown = result.bundles.slice(0, options.bundles ?? 12);
  const issues = Object.keys(shown[0]?.bundle ?? {}).filter((i) =>
    shown.some((b) => b.bundle[i] !== shown[0]!.bundle[i]),
  );
  const first = shown[0]?.bundle ?? {};
  const values = shown.map((b, k) => {
    // From the share and the draws, so that a result saved before it recorded intervals plots the same.
    const [lo, hi] = shareInterval(b.pZopa, result.draws);
    return {
      bundle: bundleLabel(k + 1, b.bundle, first, issues),
      terms: issues.map((i) => `${i}=${b.bundle[i]}`).join(", "),
      pZopa: plotNumber(b.pZopa),
      lo: plotNumber(lo),
      hi: plotNumber(hi),
      pNash: plotNumber(b.pNash),
    };
  });
  const order = values.map((v) => v.bundle);
  // Multi-line labels: Vega draws an array of strings as lines.
  const y = {
    field: "bundle",
    type: "nominal",
    sort: order,
    title: null,
    axis: { labelLimit: 400, labelExpr: "split(datum.label, '\\n')", labelLineHeight: 13 },
  };
  const lines = Math.max(1, ...values.map((v) => v.bundle.split("\n").length));
  const p = result.zopa.pNonEmpty;
  return plotSpec(
    options.title ?? `Monte Carlo: ${result.scenario.title}`,
    [
      `${result.draws} draws (seed ${result.seed}); P(ZOPA not empty) = ${p.p.toFixed(3)} (95%: ${shareInterval(
        p.p,
        result.draws,
      )
        .map((x) => x.toFixed(3))
        .join("-")}).`,
      `Bars: P(every party accepts the bundle) with 95% Wilson intervals; ticks: P(it is the Nash solution).`,
      `Labels: bundle 1's terms on the issues where the bundles differ; the others', where they differ from 1.`,
    ],
    {
      width: options.width ?? 360,
      height: options.height ?? Math.max(100, (9 + 13 * lines) * values.length),
      layer: [
        {
          data: { values },
          mark: { type: "bar", color: "#7fbf7b", height: { band: 0.7 } },
          encoding: {
            y,
            x: { field: "pZopa", type: "quantitative", title: "probability", scale: { domain: [0, 1] } },
            tooltip: [
              { field: "terms", title: "bundle" },
              { field: "pZopa", title: "P(all accept)" },
              { field: "pNash", title: "P(Nash)" },
            ],
          },
        },
        {
          data: { values },
          mark: { type: "rule", color: "#1b5e20" },
          encoding: { y, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } },
        },
        {
          data: { values },
          mark: { type: "tick", color: "#0072b2", thickness: 3 },
          encoding: { y, x: { field: "pNash", type: "quantitative" } },
        },
      ],
    },
  );
}
