import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gridCeil, UTILITY_GRID, UTILITY_TOLERANCE, utilityCell } from "../../src/model/tolerance.js";

/** A utility on the grid in [0, 1]: k steps of 2^-50. */
const gridValue = fc.integer({ min: 0, max: 2 ** 50 }).map((k) => k * UTILITY_GRID);

describe("gridCeil", () => {
  it("is the least grid multiple at or above x", () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), (x) => {
        const up = gridCeil(x);
        const k = up / UTILITY_GRID;
        expect(Number.isInteger(k)).toBe(true);
        expect(up >= x).toBe(true);
        // One step less is below x (k - 1 steps is an exact double, and comparisons are exact).
        const below = (k - 1) * UTILITY_GRID;
        expect(below < x).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("turns 'y + rest reaches need' into 'y reaches gridCeil(need) - rest' exactly, for y and rest on the grid", () => {
    fc.assert(
      fc.property(gridValue, gridValue, fc.double({ min: 0, max: 1, noNaN: true }), (y, rest, reservation) => {
        const need = reservation - UTILITY_TOLERANCE;
        expect(y >= gridCeil(need) - rest).toBe(y + rest >= need);
      }),
      { numRuns: 2000 },
    );
    // Near misses: sums one grid step either side of the reservation.
    const reservation = 0.6;
    const at = gridCeil(reservation - UTILITY_TOLERANCE);
    const rest = utilityCell(0.3);
    for (const y of [at - rest - UTILITY_GRID, at - rest, at - rest + UTILITY_GRID])
      expect(y >= at - rest).toBe(y + rest >= reservation - UTILITY_TOLERANCE);
  });

  it("keeps grid multiples and works on the examples", () => {
    expect(gridCeil(0.25)).toBe(0.25);
    expect(gridCeil(0)).toBe(0);
    expect(gridCeil(UTILITY_GRID * 0.5)).toBe(UTILITY_GRID);
    expect(gridCeil(-UTILITY_GRID * 0.5) === 0).toBe(true); // -0: the same threshold
    expect(gridCeil(0.5 - 1e-9)).toBeLessThan(0.5);
  });
});
