/**
 * Exact checks of the fairness properties of a two-party division of divisible items with
 * additive points: equitability, envy-freeness and Pareto efficiency.
 * @module
 */
import { ONE, type Rational, ZERO } from "./rational.js";

/**
 * The result of the three checks, each computed from the allocation (never assumed).
 *
 * @example
 * ```ts
 * const c: FairnessChecks = { equitable: true, envyFree: true, efficient: true };
 * ```
 */
export interface FairnessChecks {
  /** Both parties get exactly the same number of (their own) points. */
  readonly equitable: boolean;
  /** Each party values its own share at least as much as the other's share. */
  readonly envyFree: boolean;
  /** No other division (items divisible) gives one party more without giving the other less. */
  readonly efficient: boolean;
}

/**
 * A party's points for a share of every item: the sum over items of `points[i] * share[i]`.
 *
 * @example
 * ```ts
 * import { bundleValue, Fraction } from "treatylab/advanced";
 * bundleValue([new Fraction(50n), new Fraction(20n)], [new Fraction(5n, 6n), new Fraction(0n)]).toFraction(); // "125/3"
 * ```
 */
export function bundleValue(points: readonly Rational[], shares: readonly Rational[]): Rational {
  return points.reduce((sum, p, i) => sum.add(p.mul(shares[i] ?? ZERO)), ZERO);
}

/**
 * True when a division is Pareto efficient among all divisions of the (divisible) items.
 * `shares[i]` is party 0's share of item i; party 1 holds the rest. With additive points a
 * division can be improved iff a small transfer helps: (1) party 0 holds some of an item it values
 * at 0 and party 1 values positively (or the mirror case), or (2) party 0 holds some of item i and
 * party 1 some of item j with `a_i * b_j < a_j * b_i` (swapping slivers of i and j at the exchange
 * rate between the two ratios helps both). In the plane of the two parties' gains every improving
 * transfer is a nonnegative mix of at most two single-item moves (Caratheodory), so these two
 * tests are exhaustive.
 *
 * @example
 * ```ts
 * import { Fraction, isParetoEfficient } from "treatylab/advanced";
 * const ONE = new Fraction(1n), ZERO = new Fraction(0n);
 * const a = [new Fraction(60n), new Fraction(40n)], b = [new Fraction(40n), new Fraction(60n)];
 * isParetoEfficient(a, b, [ONE, ZERO]); // true: each holds the item it values more
 * isParetoEfficient(a, b, [ZERO, ONE]); // false: swapping helps both
 * ```
 */
export function isParetoEfficient(
  a: readonly Rational[],
  b: readonly Rational[],
  shares: readonly Rational[],
): boolean {
  const n = shares.length;
  const zeroHeld = (i: number): boolean => {
    const s = shares[i] ?? ZERO;
    const ai = a[i] ?? ZERO;
    const bi = b[i] ?? ZERO;
    return (s.gt(ZERO) && ai.equals(ZERO) && bi.gt(ZERO)) || (s.lt(ONE) && bi.equals(ZERO) && ai.gt(ZERO));
  };
  for (let i = 0; i < n; i++) if (zeroHeld(i)) return false;
  for (let i = 0; i < n; i++) {
    if (!(shares[i] ?? ZERO).gt(ZERO)) continue;
    for (let j = 0; j < n; j++) {
      if (!(shares[j] ?? ONE).lt(ONE)) continue;
      if ((a[i] ?? ZERO).mul(b[j] ?? ZERO).lt((a[j] ?? ZERO).mul(b[i] ?? ZERO))) return false;
    }
  }
  return true;
}

/**
 * Runs the three checks on a two-party division: `a` and `b` are the parties' points per item and
 * `shares[i]` is party 0's share of item i (party 1 holds `1 - shares[i]`).
 *
 * @example
 * ```ts
 * import { Fraction } from "treatylab/advanced";
 * const ONE = new Fraction(1n), ZERO = new Fraction(0n);
 * const a = [new Fraction(60n), new Fraction(40n)], b = [new Fraction(40n), new Fraction(60n)];
 * fairnessChecks(a, b, [ONE, ZERO]); // { equitable: true, envyFree: true, efficient: true }
 * ```
 */
export function fairnessChecks(
  a: readonly Rational[],
  b: readonly Rational[],
  shares: readonly Rational[],
): FairnessChecks {
  const rest = shares.map((s) => ONE.sub(s));
  const aOwn = bundleValue(a, shares);
  const bOwn = bundleValue(b, rest);
  return {
    equitable: aOwn.equals(bOwn),
    envyFree: aOwn.gte(bundleValue(a, rest)) && bOwn.gte(bundleValue(b, shares)),
    efficient: isParetoEfficient(a, b, shares),
  };
}
