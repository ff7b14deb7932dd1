import { roundUtility } from "../utility/utilities.js";

/**
 * Summary statistics of a sample: size, mean, standard deviation (n - 1), standard error of the
 * mean (sd / sqrt(n)), and quantiles (type 7: linear interpolation between order statistics, the
 * default of R and NumPy). Numbers are rounded to 12 significant digits.
 *
 * @example
 * ```ts
 * const s: SampleStats = sampleStats([1, 2, 3]); // { n: 3, mean: 2, sd: 1, se: 0.577..., median: 2, ... }
 * ```
 */
export interface SampleStats {
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly se: number | null;
  readonly min: number | null;
  readonly q05: number | null;
  readonly q25: number | null;
  readonly median: number | null;
  readonly q75: number | null;
  readonly q95: number | null;
  readonly max: number | null;
}

/**
 * A probability estimated from n draws, with its standard error sqrt(p (1 - p) / n).
 *
 * @example
 * ```ts
 * const p: Proportion = proportion(30, 100); // { p: 0.3, se: 0.0458... }
 * ```
 */
export interface Proportion {
  readonly p: number;
  readonly se: number;
}

/**
 * The quantile q of sorted values (type 7).
 *
 * @example
 * ```ts
 * quantile([1, 2, 3, 4], 0.5); // 2.5
 * ```
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Summary statistics of values, summed in the given order (so equal inputs give equal bits).
 *
 * @example
 * ```ts
 * sampleStats([0.2, 0.4]).mean; // 0.3
 * ```
 */
export function sampleStats(values: readonly number[]): SampleStats {
  const n = values.length;
  if (n === 0)
    return {
      n,
      mean: null,
      sd: null,
      se: null,
      min: null,
      q05: null,
      q25: null,
      median: null,
      q75: null,
      q95: null,
      max: null,
    };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const sorted = Float64Array.from(values).sort();
  const r = roundUtility;
  return {
    n,
    mean: r(mean),
    sd: r(sd),
    se: r(sd / Math.sqrt(n)),
    min: r(sorted[0]!),
    q05: r(quantile(sorted, 0.05)),
    q25: r(quantile(sorted, 0.25)),
    median: r(quantile(sorted, 0.5)),
    q75: r(quantile(sorted, 0.75)),
    q95: r(quantile(sorted, 0.95)),
    max: r(sorted[n - 1]!),
  };
}

/**
 * The proportion k / n with its standard error.
 *
 * @example
 * ```ts
 * proportion(1, 4); // { p: 0.25, se: 0.2165... }
 * ```
 */
export function proportion(k: number, n: number): Proportion {
  const p = n > 0 ? k / n : 0;
  return { p: roundUtility(p), se: roundUtility(n > 0 ? Math.sqrt((p * (1 - p)) / n) : 0) };
}
