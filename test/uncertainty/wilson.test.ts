import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proportion, shareInterval, wilsonInterval } from "../../src/uncertainty/statistics.js";

const Z = 1.959963984540054;

/**
 * The Wilson interval by its definition, found by bisection: the p in [0, 1] that the score test
 * does not reject, (k/n - p)^2 <= z^2 p (1 - p) / n. The set is an interval around k/n.
 */
function oracle(k: number, n: number): [number, number] {
  const accepted = (p: number): boolean => (k / n - p) ** 2 <= (Z * Z * p * (1 - p)) / n;
  const edge = (inside: number, outside: number): number => {
    for (let i = 0; i < 200; i++) {
      const mid = (inside + outside) / 2;
      if (accepted(mid)) inside = mid;
      else outside = mid;
    }
    return inside;
  };
  const centre = k / n;
  return [accepted(0) ? 0 : edge(centre, 0), accepted(1) ? 1 : edge(centre, 1)];
}

describe("the Wilson score interval of a proportion", () => {
  it("gives the worked examples of Newcombe (1998, Statistics in Medicine 17: 857-872, method 3)", () => {
    const round4 = ([lo, hi]: readonly [number, number]): string => `${lo.toFixed(4)}-${hi.toFixed(4)}`;
    expect(round4(wilsonInterval(81, 263))).toBe("0.2553-0.3662");
    expect(round4(wilsonInterval(15, 148))).toBe("0.0624-0.1605");
    expect(round4(wilsonInterval(0, 20))).toBe("0.0000-0.1611");
    expect(round4(wilsonInterval(1, 29))).toBe("0.0061-0.1718");
  });

  it("equals the set of proportions the score test does not reject (bisection oracle)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const [lo, hi] = wilsonInterval(k, n);
          const [olo, ohi] = oracle(k, n);
          expect(Math.abs(lo - olo)).toBeLessThan(1e-12);
          expect(Math.abs(hi - ohi)).toBeLessThan(1e-12);
          expect(lo).toBeLessThanOrEqual(k / n);
          expect(hi).toBeGreaterThanOrEqual(k / n);
          // Symmetry: the interval of n - k is the mirror image.
          const [mlo, mhi] = wilsonInterval(n - k, n);
          expect(Math.abs(mlo - (1 - hi))).toBeLessThan(1e-12);
          expect(Math.abs(mhi - (1 - lo))).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 500, seed: 1927 },
    );
  });

  it("is not a point when every draw agrees, unlike p +/- 1.96 SE; ends exactly 0 and 1 there", () => {
    for (const n of [1, 10, 200, 10_000]) {
      expect(wilsonInterval(n, n)[0]).toBeCloseTo(n / (n + Z * Z), 12);
      expect(wilsonInterval(n, n)[1]).toBe(1);
      expect(wilsonInterval(0, n)[0]).toBe(0);
      expect(wilsonInterval(0, n)[1]).toBeCloseTo((Z * Z) / (n + Z * Z), 12);
      expect(proportion(n, n).se).toBe(0);
    }
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it("a recorded share gives back its count's interval (tables and plots of saved results)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          expect(shareInterval(proportion(k, n).p, n)).toEqual(wilsonInterval(k, n));
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});
