import { TreatylabError } from "../model/errors.js";
import type { VegaLiteSpec } from "../plots/spec.js";

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
    View: new (runtime: unknown, options: { renderer: "none" }) => { toSVG: () => Promise<string>; finalize: () => void };
  };
  readonly vegaLite: { compile: (spec: unknown) => { spec: unknown } };
}

let modules: Promise<VegaModules> | undefined;

/**
 * The install command printed when vega or vega-lite is missing.
 * @example
 * ```ts
 * VEGA_INSTALL; // "npm install vega@^5.33 vega-lite@^5.23"
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
        throw new TreatylabError(`plots need the optional packages vega and vega-lite; install them with: ${VEGA_INSTALL}`);
      throw err;
    }
  })();
  return modules;
}

/**
 * Renders a Vega-Lite spec to a standalone SVG document with Vega's SVG renderer (no browser or
 * canvas needed; text widths are estimated). Async because Vega runs its dataflow first.
 *
 * @example
 * ```ts
 * import { analyze, nash1950 } from "treatylab";
 * import { renderSvg, utilitySpaceSpec } from "treatylab/plot";
 * const svg = await renderSvg(utilitySpaceSpec(nash1950, analyze(nash1950)));
 * svg.startsWith("<svg"); // true
 * ```
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const { vega, vegaLite } = await loadVega();
  let compiled: unknown;
  try {
    compiled = vegaLite.compile(spec).spec;
  } catch (err) {
    throw new TreatylabError(`the plot spec is not valid Vega-Lite: ${(err as Error).message}`);
  }
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
