import { TreatylabError } from "../model/errors.js";
import type { VegaLiteSpec } from "../plots/spec.js";
import { type VegaTextMetrics, withTextMetrics } from "./textMetrics.js";

/**
 * The parts of `vega` and `vega-lite` that rendering uses.
 *
 * @example
 * ```ts
 * const m: VegaModules = await loadVega();
 * ```
 */
export interface VegaModules {
  readonly vega: {
    parse: (spec: unknown) => unknown;
    View: new (runtime: unknown, options: { renderer: "none" }) => PlotView;
    textMetrics: VegaTextMetrics;
  };
  readonly vegaLite: { compile: (spec: unknown) => { spec: unknown } };
}

let modules: Promise<VegaModules> | undefined;

/**
 * The install command printed when vega or vega-lite is missing.
 * @example
 * ```ts
 * VEGA_INSTALL.split(" ").slice(2); // ["vega@^5.33", "vega-lite@^5.23"]: the packages plots need
 * ```
 */
export const VEGA_INSTALL = "npm install vega@^5.33 vega-lite@^5.23";

/**
 * Loads `vega` and `vega-lite` (optional peer dependencies of treatylab) once, with a one-line
 * error naming the install command when they are missing.
 *
 * @example
 * ```ts
 * const { vega, vegaLite } = await loadVega();
 * ```
 */
export function loadVega(): Promise<VegaModules> {
  modules ??= (async () => {
    try {
      const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
      return { vega: vega as unknown as VegaModules["vega"], vegaLite: vegaLite as unknown as VegaModules["vegaLite"] };
    } catch (err) {
      modules = undefined;
      const code = (err as { code?: string } | null)?.code;
      if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND")
        throw new TreatylabError(
          `plots need the optional packages vega and vega-lite; install them with: ${VEGA_INSTALL}`,
        );
      throw err;
    }
  })();
  return modules;
}

/**
 * A Vega view of a plot, as {@link withView} hands it over: its SVG, its scenegraph (items with
 * their bounds, for tests and layout checks) and its origin in the SVG.
 *
 * @example
 * ```ts
 * import { withView } from "./renderSvg.js";
 * const spec = utilitySpaceSpec(nash1950, analyze(nash1950));
 * await withView(spec, async (view) => (await view.toSVG()).length); // 58424
 * ```
 */
export interface PlotView {
  toSVG(): Promise<string>;
  runAsync(): Promise<unknown>;
  scenegraph(): { root: unknown };
  origin(): [number, number];
  finalize(): void;
}

/**
 * Compiles a Vega-Lite spec, builds its Vega view (no renderer) and runs `use` on it with Vega
 * measuring text by the widths of Liberation Sans (see `textMetrics.ts`); finalizes the view after.
 * The one place `renderSvg` and the layout tests build views.
 *
 * @example
 * ```ts
 * import { withView } from "./renderSvg.js";
 * const spec = utilitySpaceSpec(nash1950, analyze(nash1950));
 * const svg = await withView(spec, (view) => view.toSVG());
 * svg.startsWith("<svg"); // true
 * ```
 */
export async function withView<T>(spec: VegaLiteSpec, use: (view: PlotView) => Promise<T>): Promise<T> {
  const { vega, vegaLite } = await loadVega();
  let compiled: unknown;
  try {
    compiled = vegaLite.compile(spec).spec;
  } catch (err) {
    throw new TreatylabError(`the plot spec is not valid Vega-Lite: ${(err as Error).message}`);
  }
  return withTextMetrics(vega.textMetrics, async () => {
    const view = new vega.View(vega.parse(compiled), { renderer: "none" });
    try {
      return await use(view);
    } finally {
      view.finalize();
    }
  });
}

/**
 * Renders a Vega-Lite spec to a standalone SVG document with Vega's SVG renderer (no browser or
 * canvas needed): text is measured with the advance widths of Liberation Sans (Arial's metrics,
 * see `textMetrics.ts`), the font the plots declare first, so the layout fits the text a browser
 * draws. Async because Vega runs its dataflow first.
 *
 * @example
 * ```ts
 * import { analyze, nash1950 } from "treatylab";
 * import { renderSvg, utilitySpaceSpec } from "treatylab/plot";
 * const svg = await renderSvg(utilitySpaceSpec(nash1950, analyze(nash1950)));
 * svg.startsWith("<svg"); // true
 * ```
 */
export function renderSvg(spec: VegaLiteSpec): Promise<string> {
  return withView(spec, (view) => view.toSVG());
}
