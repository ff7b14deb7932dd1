import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { finiteHorizonSplit, rubinsteinSplit, TreatylabError } from "../../src/index.js";

// Formulas and derived values from Rubinstein (1982), "Perfect Equilibrium in a Bargaining Model", Econometrica 50(1), 97-109.
describe("Rubinstein splits", () => {
  it("infinite horizon: the first proposer gets (1 - d2) / (1 - d1 d2)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (d1, d2) => {
          const r = rubinsteinSplit(d1, d2);
          expect(Math.abs(r.first - (1 - d2) / (1 - d1 * d2))).toBeLessThanOrEqual(1e-9);
          expect(Math.abs(r.first + r.second - 1)).toBeLessThanOrEqual(1e-12);
        },
      ),
    );
    for (const [d1, d2, share] of [
      [0.9, 0.9, 0.526316],
      [0.9, 0.8, 0.714286],
      [0.8, 0.9, 0.357143],
      [0.5, 0.5, 0.666667],
    ] as const)
      expect(rubinsteinSplit(d1, d2).first).toBeCloseTo(share, 6);
  });

  it("finite horizon with a common factor: (1 - (-d)^T) / (1 + d)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (T, d) => {
        expect(Math.abs(finiteHorizonSplit(T, d, d).first - (1 - (-d) ** T) / (1 + d))).toBeLessThanOrEqual(1e-9);
      }),
    );
    const published: [number, number][] = [
      [1, 1],
      [2, 0.1],
      [3, 0.91],
      [10, 0.342801],
      [50, 0.523603],
    ];
    for (const [T, share] of published) expect(finiteHorizonSplit(T, 0.9, 0.9).first).toBeCloseTo(share, 6);
  });

  it("finite horizons converge to the infinite-horizon split", () => {
    expect(Math.abs(finiteHorizonSplit(2001, 0.9, 0.8).first - rubinsteinSplit(0.9, 0.8).first)).toBeLessThanOrEqual(
      1e-9,
    );
  });

  it("refuses factors outside [0, 1] and the degenerate d1 = d2 = 1", () => {
    expect(() => rubinsteinSplit(1, 1)).toThrow(TreatylabError);
    expect(() => rubinsteinSplit(1.2, 0.5)).toThrow(/discount/);
    expect(() => finiteHorizonSplit(0, 0.5, 0.5)).toThrow(/rounds/);
  });
});
