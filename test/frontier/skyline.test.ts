import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverIndex } from "../../src/frontier/coverIndex.js";
import { PointStore } from "../../src/enumeration/pointStore.js";
import { skylineOf } from "../../src/frontier/skyline.js";

const TOL = 1e-9;

/** Independent oracle: a point survives when nothing dominates it and it is the lowest index among the points equal to it. */
function naive(rows: number[][], gainDims: number): number[] {
  const dom = (a: number[], b: number[]): boolean => {
    let gain = false;
    for (let m = 0; m < a.length; m++) {
      if (a[m]! < b[m]! - TOL) return false;
      if (a[m]! > b[m]! + TOL && m < gainDims) gain = true;
    }
    return gain;
  };
  const eq = (a: number[], b: number[]): boolean => a.every((x, m) => Math.abs(x - b[m]!) <= TOL);
  return rows.map((_, i) => i).filter((i) => rows.every((r, j) => !dom(r, rows[i]!) && !(j < i && eq(r, rows[i]!))));
}

/** Points on a coarse integer grid (many exact ties), scaled and noised below the tolerance. */
const pointsArb = fc
  .record({
    dims: fc.integer({ min: 1, max: 5 }),
    n: fc.integer({ min: 0, max: 300 }),
    grid: fc.integer({ min: 2, max: 6 }),
    seed: fc.array(fc.nat(1000), { minLength: 64, maxLength: 64 }),
  })
  .chain(({ dims, n, grid, seed }) =>
    fc.record({
      gainDims: fc.integer({ min: 1, max: dims }),
      rows: fc.constant(
        Array.from({ length: n }, (_, i) =>
          Array.from({ length: dims }, (_, m) => {
            const k = seed[(i * 7 + m * 13) % 64]! + i * (m + 3);
            return (k % grid) / 10 + ((k % 3) - 1) * 1e-13;
          }),
        ),
      ),
    }),
  );

describe("skylineOf", () => {
  it("keeps exactly the non-dominated points, one per class of equal points (the first under compare), for 1 to 5 coordinates", () => {
    fc.assert(
      fc.property(pointsArb, ({ gainDims, rows }) => {
        const dims = rows[0]?.length ?? 1;
        const store = new PointStore(dims, 0);
        for (const r of rows) {
          const i = store.add();
          store.values.set(r, i * dims);
        }
        const got = skylineOf(
          { store, gainDims, tolerance: TOL, compare: (i, j) => i - j },
          rows.map((_, i) => i),
        ).sort((a, b) => a - b);
        expect(got).toEqual(naive(rows, gainDims));
      }),
      { numRuns: 300 },
    );
  });
});

describe("coverIndex", () => {
  it("answers like a linear scan for 0 to 5 coordinates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }), { maxLength: 200 }),
        (k, raw) => {
          const ix = coverIndex(k, TOL);
          const seen: number[][] = [];
          for (const r of raw) {
            const q = Float64Array.from(r.slice(0, k));
            expect(ix.covers(q, 0)).toBe(seen.some((p) => p.every((x, m) => x >= q[m]! - TOL)));
            if (r[4]! % 2 === 0) {
              ix.insert(q, 0);
              seen.push([...q]);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
