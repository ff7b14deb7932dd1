import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BatchArchive } from "../../src/frontier/batchArchive.js";
import { ParetoArchive } from "../../src/frontier/paretoArchive.js";

const cmp = (a: Int32Array, b: Int32Array): number => a[0]! - b[0]!;
const key = (pts: { utilities: Float64Array; bundle: Int32Array }[]) =>
  pts.map((p) => `${[...p.utilities].join(",")}#${p.bundle[0]}`).sort();

describe("BatchArchive", () => {
  it("keeps the same frontier and representatives as ParetoArchive, whatever the buffer size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }), { maxLength: 400 }),
        fc.array(fc.nat(1000), { minLength: 400, maxLength: 400 }),
        fc.integer({ min: 1, max: 2000 }),
        (dims, buffer, rows, ids, capacity) => {
          const batch = new BatchArchive(dims, 1, cmp, buffer, capacity);
          const plain = new ParetoArchive(cmp);
          rows.forEach((r, i) => {
            const u = Float64Array.from(r.slice(0, dims), (x) => x / 10);
            const b = Int32Array.of(ids[i]! * 1000 + i);
            batch.add(u, b);
            plain.add(u, b);
            // result() part-way leaves the archive as it was: the stream goes on
            if (i === rows.length >> 1) expect(key(batch.result())).toEqual(key(plain.result()));
          });
          expect(key(batch.result())).toEqual(key(plain.result()));
        },
      ),
      { numRuns: 300 },
    );
  });
});
