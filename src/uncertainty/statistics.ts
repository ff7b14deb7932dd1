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
 * A probability estimated from n draws: the share p, its standard error sqrt(p (1 - p) / n), and
 * its 95% Wilson score interval (see {@link wilsonInterval}), which, unlike p +/- 1.96 se, is not
 * empty when every draw or none agrees.
 *
 * @example
 * ```ts
 * const p: Proportion = proportion(30, 100); // { p: 0.3, se: 0.0458..., interval: [0.2189..., 0.3958...] }
 * ```
 */
export interface Proportion {
  readonly p: number;
  readonly se: number;
  readonly interval: readonly [number, number];
}

/** The 0.975 quantile of the standard normal distribution: the z of a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval of a proportion k / n (Wilson 1927, "Probable inference, the law of
 * succession, and statistical inference", JASA 22: 209-212): the p whose score test at level z
 * does not reject k / n, `(k/n + z^2/2n +/- z sqrt(k/n (1 - k/n) / n + z^2/4n^2)) / (1 + z^2/n)`.
 * It stays within [0, 1] and has close to its nominal coverage for small n and p near 0 or 1,
 * where the Wald interval p +/- z se collapses to a point (Brown, Cai and DasGupta 2001,
 * "Interval estimation for a binomial proportion", Statistical Science 16: 101-133). Default z:
 * 95%. With n = 0: [0, 1].
 *
 * @example
 * ```ts
 * import { wilsonInterval } from "./statistics.js";
 * wilsonInterval(81, 263); // [0.2553..., 0.3662...] (Newcombe 1998, Statistics in Medicine 17: 857-872)
 * wilsonInterval(200, 200); // [0.9811..., 1]: n / (n + z^2) to 1
 * ```
 */
export function wilsonInterval(k: number, n: number, z = Z95): [number, number] {
  if (!(n > 0)) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // The ends are exact at k = 0 (0) and k = n (1) but for rounding: clamped.
  return [Math.max(0, k === 0 ? 0 : centre - half), Math.min(1, k === n ? 1 : centre + half)];
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
 * The 95% Wilson score interval of a share p of n draws as a result records it (p = k / n rounded to
 * 12 significant digits, so k is recovered exactly): what a table or plot of a saved result shows,
 * also for results written before they recorded the interval.
 *
 * @example
 * ```ts
 * import { shareInterval } from "./statistics.js";
 * shareInterval(0.3, 100); // wilsonInterval(30, 100)
 * ```
 */
export function shareInterval(p: number, n: number): [number, number] {
  return wilsonInterval(Math.round(p * n), n);
}

/**
 * The proportion k / n with its standard error and 95% Wilson score interval (rounded to 12
 * significant digits).
 *
 * @example
 * ```ts
 * proportion(1, 4); // { p: 0.25, se: 0.2165..., interval: [0.0455..., 0.6993...] }
 * ```
 */
export function proportion(k: number, n: number): Proportion {
  const p = n > 0 ? k / n : 0;
  const [lo, hi] = wilsonInterval(k, n);
  return {
    p: roundUtility(p),
    se: roundUtility(n > 0 ? Math.sqrt((p * (1 - p)) / n) : 0),
    interval: [roundUtility(lo), roundUtility(hi)],
  };
}
