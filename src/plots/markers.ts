/**
 * The legend of utility-space plots: one entry per kind of mark, each with its colour and shape,
 * shared by every layer so that a single legend explains them all.
 * @module
 */
import { SOLUTION_LIST, type SolutionLabel } from "../solutions/solutionConcepts.js";
import type { VegaLiteSpec } from "./spec.js";

/**
 * A kind of mark in a utility-space plot.
 *
 * @example
 * ```ts
 * const m: MarkerName = "Pareto frontier";
 * ```
 */
export type MarkerName = "outside the ZOPA" | "ZOPA" | "Pareto frontier" | "no deal" | SolutionLabel | "proposal";

/**
 * Colour and shape of each marker; the solutions' markers come from `SOLUTION_CONCEPTS`
 * (colour-blind-safe Okabe-Ito colours).
 * @example
 * ```ts
 * MARKERS.find((m) => m.name === "Nash")?.color; // "#0072b2": the colour of the Nash marker
 * ```
 */
export const MARKERS: readonly { readonly name: MarkerName; readonly color: string; readonly shape: string }[] = [
  { name: "outside the ZOPA", color: "#c8c8c8", shape: "circle" },
  { name: "ZOPA", color: "#7fbf7b", shape: "circle" },
  { name: "Pareto frontier", color: "#1b5e20", shape: "circle" },
  { name: "no deal", color: "#000000", shape: "cross" },
  ...SOLUTION_LIST.map((c) => ({ name: c.label, ...c.marker })),
  { name: "proposal", color: "#d62728", shape: "triangle-down" },
];

/**
 * Shared colour and shape scales for the `marker` field, limited to the markers present so the
 * legend lists only what the plot shows. `outlined` names the markers the plot draws as outlines
 * (`filled: false`), so that the legend draws them so too; the others are drawn filled.
 *
 * @example
 * ```ts
 * const { color, shape } = markerScales(["ZOPA", "Nash"], ["Nash"]);
 * color.scale; // { domain: ["ZOPA", "Nash"], range: ["#7fbf7b", "#0072b2"] }
 * shape.scale; // { domain: ["ZOPA", "Nash"], range: ["circle", "circle"] }
 * ```
 */
export function markerScales(
  present: readonly MarkerName[],
  outlined: readonly MarkerName[] = [],
): { color: VegaLiteSpec; shape: VegaLiteSpec } {
  const used = MARKERS.filter((m) => present.includes(m.name));
  const hollow = used.filter((m) => outlined.includes(m.name)).map((m) => m.name);
  return {
    color: {
      field: "marker",
      type: "nominal",
      title: null,
      sort: used.map((m) => m.name),
      scale: { domain: used.map((m) => m.name), range: used.map((m) => m.color) },
      // Vega-Lite's `legend.encoding` (each entry a value, or a condition on the legend datum).
      // The legend's fill comes from this scale, so an outline is drawn by the fill's opacity;
      // `fill` is given only so that every layer's legend is the same (a layer of outlined marks
      // adds its own, and Vega-Lite warns of the conflict); the scale's fill replaces it.
      legend: {
        encoding: {
          symbols: {
            fill: { value: "transparent" },
            fillOpacity:
              hollow.length > 0
                ? { condition: { test: `indexof(${JSON.stringify(hollow)}, datum.value) >= 0`, value: 0 }, value: 1 }
                : { value: 1 },
            opacity: { value: 1 },
          },
        },
      },
    },
    shape: {
      field: "marker",
      type: "nominal",
      title: null,
      sort: used.map((m) => m.name),
      scale: { domain: used.map((m) => m.name), range: used.map((m) => m.shape) },
    },
  };
}
