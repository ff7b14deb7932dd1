import type { Analysis } from "../analysis/types.js";
import { SOLUTION_LIST } from "../solutions/solutionConcepts.js";
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
 * Indices of at most `max` items out of `n`, evenly spaced and always including the first and
 * the last: all of them when `n <= max`. Deterministic thinning for plots of huge frontiers.
 *
 * @example
 * ```ts
 * import { thinIndices } from "./frontierPoints.js";
 * thinIndices(10, 4); // [0, 3, 6, 9]
 * ```
 */
export function thinIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, k) => k);
  if (max <= 1) return n > 0 ? [0] : [];
  return Array.from({ length: max }, (_, k) => Math.round((k * (n - 1)) / (max - 1)));
}

/**
 * Most frontier points a plot draws by default (larger frontiers are thinned evenly).
 * @example
 * ```ts
 * import { MAX_PLOTTED_FRONTIER } from "./frontierPoints.js";
 * frontierRows(analyze(nash1950), MAX_PLOTTED_FRONTIER).length; // 11: all 7 frontier points and 4 solutions
 * frontierRows(analyze(nash1950), 3).map((r) => r.series).slice(0, 3); // ["frontier 1", "frontier 4", "frontier 7"]
 * ```
 */
export const MAX_PLOTTED_FRONTIER = 1500;

/**
 * The frontier points of an analysis (at most `maxPoints`, thinned evenly in frontier order),
 * then its solutions (Nash, Kalai-Smorodinsky, egalitarian, utilitarian; those that exist), with
 * utilities rounded for plotting. Series keep the frontier point's number in the analysis.
 *
 * @example
 * ```ts
 * frontierRows(analyze(nash1950)).length; // 7 frontier points + 4 solutions
 * ```
 */
export function frontierRows(analysis: Analysis, maxPoints = MAX_PLOTTED_FRONTIER): FrontierRow[] {
  const round = (u: Readonly<Record<string, number>>): Record<string, number> =>
    Object.fromEntries(Object.entries(u).map(([k, v]) => [k, plotNumber(v)]));
  return [
    ...thinIndices(analysis.frontier.length, maxPoints).map((k) => ({
      series: `frontier ${k + 1}`,
      marker: "Pareto frontier",
      utilities: round(analysis.frontier[k]!.utilities),
    })),
    ...SOLUTION_LIST.flatMap(({ name: key, label: name }) => {
      const s = analysis.solutions[key];
      return s ? [{ series: name, marker: name, utilities: round(s.utilities) }] : [];
    }),
  ];
}

/**
 * A sentence naming the solutions that fall on the same point as drawn (utilities equal once
 * rounded for plotting), which a plot shows as one marker or line, the last drawn on top; empty
 * when no two coincide. For the subtitles of the frontier plots.
 *
 * @example
 * ```ts
 * import { coincidingSolutionsNote } from "./frontierPoints.js";
 * coincidingSolutionsNote(analyze(nash1950)); // "Nash, Kalai-Smorodinsky, Egalitarian and Utilitarian coincide."
 * ```
 */
export function coincidingSolutionsNote(analysis: Analysis): string {
  const groups = new Map<string, string[]>();
  for (const { name: key, label } of SOLUTION_LIST) {
    const s = analysis.solutions[key];
    if (!s) continue;
    const at = JSON.stringify(analysis.parties.map((p) => plotNumber(s.utilities[p.id] ?? Number.NaN)));
    groups.set(at, [...(groups.get(at) ?? []), label]);
  }
  const list = (names: readonly string[]): string =>
    names.length === 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => `${list(g)} coincide.`)
    .join(" ");
}
