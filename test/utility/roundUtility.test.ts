// roundUtility's arithmetic path against the string round trip it replaced (the oracle, kept
// here): the same double, bit for bit, over all doubles and especially next to the places
// where 12-digit rounding changes (halfway between two 12-digit decimals, and powers of ten).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundUtility } from "../../src/utility/utilities.js";

/** The former implementation. */
const oracle = (u: number): number => Number(u.toPrecision(12));

/** `x` moved by `steps` units in the last place (towards larger magnitude for positive steps). */
function nudge(x: number, steps: number): number {
  const f = new Float64Array([x]);
  const i = new BigInt64Array(f.buffer);
  i[0] = i[0]! + BigInt(steps);
  return f[0]!;
}

const same = (u: number): void => {
  const got = roundUtility(u);
  const want = oracle(u);
  if (!Object.is(got, want)) expect({ u, got }).toEqual({ u, got: want });
};

/** A 12-digit mantissa m and a scale 10^-k with k where the arithmetic path applies or just outside. */
const mantissa = fc.integer({ min: 100_000_000_000, max: 1_000_000_000_000 });
const scale = fc.integer({ min: -2, max: 24 });
const ulps = fc.integer({ min: -64, max: 64 });

describe("roundUtility", () => {
  it("equals Number(u.toPrecision(12)) on any double", () => {
    fc.assert(
      fc.property(fc.double(), (u) => same(u)),
      { numRuns: 20_000 },
    );
  });

  it("equals it on utilities as scenarios give them: sums of values with a few decimals, and noise", () => {
    const value = fc.integer({ min: 0, max: 1000 }).map((v) => v / 1000);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, fc.integer({ min: 1, max: 10 })), { minLength: 1, maxLength: 12 }),
        ulps,
        (vs, d) => {
          const total = vs.reduce((s, [, w]) => s + w, 0);
          let u = 0;
          for (const [v, w] of vs) u += (v * w) / total;
          same(u);
          same(nudge(u, d));
          same(-u);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("equals it next to halfway points between 12-digit decimals", () => {
    fc.assert(
      fc.property(mantissa, scale, ulps, fc.boolean(), (m, k, d, neg) => {
        const half = (m + 0.5) / 10 ** k;
        const u = nudge(half, d);
        same(neg ? -u : u);
      }),
      { numRuns: 50_000 },
    );
  });

  it("equals it next to 12-digit decimals and powers of ten", () => {
    fc.assert(
      fc.property(mantissa, scale, ulps, fc.boolean(), (m, k, d, neg) => {
        const u = nudge(m / 10 ** k, d);
        same(neg ? -u : u);
        const p = nudge(10 ** (11 - k), d);
        same(neg ? -p : p);
      }),
      { numRuns: 50_000 },
    );
  });

  it("equals it at the edges: zeros, tiny and huge values, non-finite ones", () => {
    for (const u of [
      0,
      -0,
      Number.MIN_VALUE,
      -Number.MIN_VALUE,
      Number.MAX_VALUE,
      Number.EPSILON,
      1e-11,
      9.99999999999e-12,
      1e-12,
      1,
      1 - Number.EPSILON / 2,
      0.1,
      0.7849999999999998,
      123456789012.5,
      999999999999.5,
      0.9999999999995,
      1e22,
      1e23,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]) {
      same(u);
      same(-u);
      for (const d of [-3, -2, -1, 1, 2, 3]) if (Number.isFinite(u) && u !== 0) same(nudge(u, d));
    }
  });
});
