import type { NumericIssue } from "./types.js";

/**
 * Largest number of grid points a numeric issue may have. Analysis of one numeric issue of
 * 200,000 values takes seconds (the exact Rubinstein check of the tests uses 100,001); far above
 * that it takes minutes (docs/limits.md).
 * @example
 * ```ts
 * const cash = { id: "cash", type: "numeric", range: { min: 0, max: 1, step: 1e-6 } }; // 1,000,001 values
 * validateScenario({ ...nash1950, issues: [...nash1950.issues, cash] });
 * // throws "$.issues[9].range.step: gives 1000001 values; expected at most 200000 values (docs/limits.md): ..."
 * ```
 */
export const MAX_NUMERIC_STEPS = 200_000;

/**
 * Writes a grid value as an option id: the shortest decimal form, with floating-point noise
 * from repeated steps removed (`0.30000000000000004` becomes `"0.3"`).
 *
 * @example
 * ```ts
 * numericId(600); // "600"
 * numericId(0.1 + 0.2); // "0.3"
 * ```
 */
export function numericId(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * The grid values of a numeric issue, from `min` to `max` by `step` (both ends included).
 * Assumes a validated issue (the step divides the range).
 *
 * @example
 * ```ts
 * numericGrid({ id: "cap", type: "numeric", range: { min: 0, max: 1, step: 0.25 } }); // [0, 0.25, 0.5, 0.75, 1]
 * ```
 */
export function numericGrid(issue: NumericIssue): number[] {
  const { min, max, step } = issue.range;
  const n = Math.round((max - min) / step);
  const out: number[] = [];
  for (let k = 0; k <= n; k++) out.push(Number((min + k * step).toPrecision(12)));
  return out;
}

/**
 * Evaluates a piecewise-linear function through sorted `[x, y]` points, constant outside them.
 *
 * @example
 * ```ts
 * piecewise([[0, 0], [10, 1]], 5); // 0.5
 * piecewise([[0, 0], [10, 1]], 20); // 1
 * ```
 */
export function piecewise(points: readonly (readonly [number, number])[], x: number): number {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let k = 1; k < points.length; k++) {
    const [x1, y1] = points[k]!;
    if (x <= x1) {
      const [x0, y0] = points[k - 1]!;
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return last[1];
}
