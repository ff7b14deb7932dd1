import { TreatylabError } from "../model/errors.js";

/**
 * A piecewise-linear function as sorted `[x, y]` points, constant beyond the ends.
 * @example
 * ```ts
 * import { clampedLinearShape, type Shape } from "./geniusEvaluators.js";
 * const line: Shape = clampedLinearShape(0, 10, (x) => x / 10);
 * line; // [[0, 0], [10, 1]]: linear from 0 to 1 over [0, 10]
 * ```
 */
export type Shape = readonly (readonly [number, number])[];

const clamp01 = (y: number): number => (y < 0 ? 0 : y > 1 ? 1 : y);

/**
 * A linear function clamped to [0, 1] on [lo, hi], as exact piecewise-linear points (the ends
 * plus the points where the line crosses 0 or 1). GENIUS's integer evaluator is
 * `clamp(slope * (x - lowerbound) + offset)` and its real "linear" evaluator `clamp(p1 * x + p0)`.
 *
 * @example
 * ```ts
 * import { clampedLinearShape } from "./geniusEvaluators.js";
 * clampedLinearShape(0, 10, (x) => 0.2 * x - 0.5); // [[0, 0], [2.5, 0], [7.5, 1], [10, 1]]
 * ```
 */
export function clampedLinearShape(lo: number, hi: number, f: (x: number) => number): Shape {
  const xs = new Set<number>([lo, hi]);
  const a = f(lo);
  const b = f(hi);
  if (hi > lo && a !== b) {
    for (const level of [0, 1]) {
      const x = lo + ((level - a) * (hi - lo)) / (b - a);
      if (x > lo && x < hi) xs.add(x);
    }
  }
  return [...xs].sort((p, q) => p - q).map((x) => [x, round12(clamp01(f(x)))] as const);
}

/**
 * Rounds to 12 significant digits, removing floating-point noise.
 * @example
 * ```ts
 * import { round12 } from "./geniusEvaluators.js";
 * round12(0.1 + 0.2); // 0.3
 * ```
 */
export function round12(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(12));
}

/**
 * GENIUS's triangular evaluator: 0 outside [lower, upper], rising linearly to 1 at `top`.
 *
 * @example
 * ```ts
 * import { triangularShape } from "./geniusEvaluators.js";
 * triangularShape(0, 10, 4); // [[0, 0], [4, 1], [10, 0]]
 * ```
 */
export function triangularShape(lower: number, upper: number, top: number): Shape {
  if (!(lower <= top && top <= upper && lower < upper))
    throw new TreatylabError(`triangular evaluator: needs lower <= top <= upper (got ${lower}, ${top}, ${upper})`);
  const pts: [number, number][] = [
    [lower, lower === top ? 1 : 0],
    [top, 1],
  ];
  if (upper > top) pts.push([upper, 0]);
  return pts;
}

/**
 * The Faratin et al. (1998) scoring function as GENIUS writes it (EVALFUNCTYPE.evalFaratin),
 * with GENIUS's Java integer division `1/2 = 0` and its `+ PI/2` offset corrected to the
 * intended sigmoid `atan(...)/PI + 1/2`, clamped to [0, 1]. GENIUS 10.4 itself cannot evaluate
 * Faratin real evaluators (EvaluatorReal returns -1), so there is no reference behaviour.
 *
 * @example
 * ```ts
 * import { faratin } from "./geniusEvaluators.js";
 * faratin(5, 10, 0, 1, 0.1); // 0.18342998941188876
 * faratin(10, 10, 0, 1, 0.1); // 0.9
 * ```
 */
export function faratin(x: number, max: number, min: number, alpha: number, epsilon: number): number {
  const r = (x - min) / (max - min);
  const inner = (2 * Math.abs(r) * Math.pow(Math.abs(r), alpha) - 1) * Math.tan(Math.PI * (0.5 - epsilon));
  return clamp01(Math.atan(inner) / Math.PI + 0.5);
}
