/**
 * The plain-data shape of a plot: a Vega-Lite specification (v5), as JSON. Every plot builder in
 * `src/plots/` returns one; `renderSvg` (entry `treatylab/plot`) turns it into SVG, and a user can
 * restyle it and render it with any Vega-Lite tool (the online editor, vega-embed, vl2svg).
 * @module
 */

/**
 * A JSON value.
 * @example
 * ```ts
 * const spec: Json = { mark: "point", data: { values: [] } };
 * ```
 */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/**
 * A Vega-Lite specification: a JSON object with `$schema` set to the Vega-Lite v5 schema.
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = { $schema: VEGA_LITE_SCHEMA, mark: "point", data: { values: [] } };
 * ```
 */
export type VegaLiteSpec = { readonly [key: string]: Json };

/**
 * The Vega-Lite schema every spec declares.
 * @example
 * ```ts
 * plotSpec("ZOPA size", undefined, { mark: "line" }).$schema === VEGA_LITE_SCHEMA; // true
 * VEGA_LITE_SCHEMA.endsWith("vega-lite/v5.json"); // true
 * ```
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * Size and title options every plot builder accepts.
 *
 * @example
 * ```ts
 * const o: PlotSize = { width: 480, height: 360, title: "Bill and Jack" };
 * ```
 */
export interface PlotSize {
  /** Width of the plotting area in pixels (of each panel for multi-panel plots). */
  readonly width?: number;
  /** Height of the plotting area in pixels (of each panel for multi-panel plots). */
  readonly height?: number;
  /** Title shown above the plot (each builder has a default). */
  readonly title?: string;
}

/**
 * Shared look of every treatylab plot: white background, quiet axes, and Liberation Sans / Arial /
 * Helvetica (one set of metrics: `renderSvg` measures text with Liberation Sans's widths in Node,
 * so the first family named must stay the one measured).
 * @example
 * ```ts
 * const spec: VegaLiteSpec = { mark: "point", config: PLOT_CONFIG }; // plotSpec adds it to every plot
 * plotSpec("t", undefined, { mark: "point" }).config === PLOT_CONFIG; // true
 * PLOT_CONFIG.font; // "\"Liberation Sans\", Arial, Helvetica, sans-serif"
 * ```
 */
export const PLOT_CONFIG = {
  background: "white",
  font: '"Liberation Sans", Arial, Helvetica, sans-serif',
  view: { stroke: "#bbbbbb" },
  // labelSeparation: with true widths, neighbouring tick labels may otherwise touch.
  axis: { gridColor: "#eeeeee", labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", labelSeparation: 4 },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", symbolStrokeWidth: 2 },
  title: { fontSize: 14, fontWeight: "bold", anchor: "start", subtitleFontSize: 11, subtitleColor: "#555555" },
} as const satisfies VegaLiteSpec;

/**
 * Wraps a chart body into a complete spec: schema, title (with an optional subtitle, one string
 * per line), shared
 * config and padding.
 *
 * @example
 * ```ts
 * const rows = [{ reservation: 0.4, zopa: 120 }, { reservation: 0.5, zopa: 60 }];
 * const spec = plotSpec("ZOPA size", "as Russia's reservation moves", { mark: "line", data: { values: rows } });
 * spec.title; // { text: "ZOPA size", subtitle: "as Russia's reservation moves" }
 * spec.padding; // 8
 * ```
 */
export function plotSpec(
  title: string,
  subtitle: string | readonly string[] | undefined,
  body: VegaLiteSpec,
): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle ? { text: title, subtitle } : title,
    padding: 8,
    config: PLOT_CONFIG,
    ...body,
  };
}

/**
 * Rounds a number for plot data (6 decimals), so specs stay small and byte-stable.
 *
 * @example
 * ```ts
 * plotNumber(0.70588235294); // 0.705882
 * ```
 */
export function plotNumber(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
