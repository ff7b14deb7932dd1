/**
 * The legend of utility-space plots: one entry per kind of mark, each with its colour and shape,
 * shared by every layer so that a single legend explains them all.
 * @module
 */
import type { VegaLiteSpec } from "./spec.js";

/**
 * The solution keys of an analysis, in display order, with their display names.
 * @example
 * ```ts
 * SOLUTION_LABELS.map(([key, label]) => `${key}: ${label}`); // legend entries
 * ```
 */
export const SOLUTION_LABELS = [
  ["nash", "Nash"],
  ["kalaiSmorodinsky", "Kalai-Smorodinsky"],
  ["egalitarian", "Egalitarian"],
  ["utilitarian", "Utilitarian"],
] as const;

/**
 * A kind of mark in a utility-space plot.
 *
 * @example
 * ```ts
 * const m: MarkerName = "Pareto frontier";
 * ```
 */
export type MarkerName =
  | "outside the ZOPA"
  | "ZOPA"
  | "Pareto frontier"
  | "no deal"
  | (typeof SOLUTION_LABELS)[number][1]
  | "proposal";

/**
 * Colour and shape of each marker (colour-blind-safe Okabe-Ito colours for the solutions).
 * @example
 * ```ts
 * MARKERS.find((m) => m.name === "nash")?.color; // the colour of the Nash marker
 * ```
 */
export const MARKERS: readonly { readonly name: MarkerName; readonly color: string; readonly shape: string }[] = [
  { name: "outside the ZOPA", color: "#c8c8c8", shape: "circle" },
  { name: "ZOPA", color: "#7fbf7b", shape: "circle" },
  { name: "Pareto frontier", color: "#1b5e20", shape: "circle" },
  { name: "no deal", color: "#000000", shape: "cross" },
  { name: "Nash", color: "#0072b2", shape: "circle" },
  { name: "Kalai-Smorodinsky", color: "#e69f00", shape: "square" },
  { name: "Egalitarian", color: "#cc79a7", shape: "diamond" },
  { name: "Utilitarian", color: "#d55e00", shape: "triangle-up" },
  { name: "proposal", color: "#d62728", shape: "triangle-down" },
];

/**
 * Shared colour and shape scales for the `marker` field, limited to the markers present so the
 * legend lists only what the plot shows.
 *
 * @example
 * ```ts
 * const { color, shape } = markerScales(["ZOPA", "Nash"]);
 * ```
 */
export function markerScales(present: readonly MarkerName[]): { color: VegaLiteSpec; shape: VegaLiteSpec } {
  const used = MARKERS.filter((m) => present.includes(m.name));
  return {
    color: { field: "marker", type: "nominal", title: null, sort: used.map((m) => m.name), scale: { domain: used.map((m) => m.name), range: used.map((m) => m.color) } },
    shape: { field: "marker", type: "nominal", title: null, sort: used.map((m) => m.name), scale: { domain: used.map((m) => m.name), range: used.map((m) => m.shape) } },
  };
}
