import type { Analysis } from "../analysis/types.js";
import { SOLUTION_LABELS } from "./markers.js";
import { plotNumber } from "./spec.js";

/**
 * One row of multi-party frontier plots: a frontier point or a solution, its kind, a series key
 * and every party's utility keyed by party id.
 *
 * @example
 * ```ts
 * const r: FrontierRow = { series: "frontier 3", marker: "Pareto frontier", utilities: { russia: 0.62, ukraine: 0.57 } };
 * ```
 */
export interface FrontierRow {
  readonly series: string;
  readonly marker: string;
  readonly utilities: Readonly<Record<string, number>>;
}

/**
 * The frontier points of an analysis, then its solutions (Nash, Kalai-Smorodinsky, egalitarian,
 * utilitarian; those that exist), with utilities rounded for plotting.
 *
 * @example
 * ```ts
 * frontierRows(analyze(nash1950)).length; // 7 frontier points + 4 solutions
 * ```
 */
export function frontierRows(analysis: Analysis): FrontierRow[] {
  const round = (u: Readonly<Record<string, number>>): Record<string, number> => Object.fromEntries(Object.entries(u).map(([k, v]) => [k, plotNumber(v)]));
  return [
    ...analysis.frontier.map((f, k) => ({ series: `frontier ${k + 1}`, marker: "Pareto frontier", utilities: round(f.utilities) })),
    ...SOLUTION_LABELS.flatMap(([key, name]) => {
      const s = analysis.solutions[key];
      return s ? [{ series: name, marker: name, utilities: round(s.utilities) }] : [];
    }),
  ];
}
