import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeSortIndices } from "../../src/enumeration/mergeSortIndices.js";

describe("mergeSortIndices", () => {
  it("orders indices as a stable comparator sort does, both directions, from runs already in order and at an offset", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom<1 | -1>(1, -1),
        fc.integer({ min: 0, max: 3 }),
        (raw, logWidth, sign, base) => {
          const key = Float64Array.from([...Array<number>(base).fill(99), ...raw.map((x) => x / 4)]);
          const m = raw.length;
          // Runs of `width` sorted the way they should end (as a caller that knows them passes them).
          const width = 1 << logWidth;
          const from = new Int32Array(m);
          for (let lo = 0; lo < m; lo += width) {
            const run = Array.from({ length: Math.min(width, m - lo) }, (_, k) => lo + k);
            run.sort((a, b) => sign * (key[base + a]! - key[base + b]!) || a - b);
            from.set(run, lo);
          }
          const want = Array.from({ length: m }, (_, k) => k).sort(
            (a, b) => sign * (key[base + a]! - key[base + b]!) || a - b,
          );
          const got = mergeSortIndices(from, new Int32Array(m), m, width, key, base, sign);
          expect([...got.subarray(0, m)]).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  });
});
