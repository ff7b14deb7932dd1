import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UTILITY_TOLERANCE } from "../../src/model/tolerance.js";
import { dominance } from "../../src/frontier/dominance.js";
import { DominatorTree } from "../../src/frontier/dominatorTree.js";

describe("DominatorTree", () => {
  it("finds a strictly dominating point exactly when one exists (brute force with dominance())", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 5, maxLength: 5 }), { maxLength: 120 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 5, maxLength: 5 }), {
          minLength: 1,
          maxLength: 40,
        }),
        (dims, rows, queries) => {
          const pts = rows.map((r) => r.slice(0, dims).map((x) => x / 10));
          const tree = new DominatorTree(Float64Array.from(pts.flat()), pts.length, dims, UTILITY_TOLERANCE);
          for (const q of queries) {
            const u = Float64Array.from(q.slice(0, dims), (x) => x / 10);
            const found = tree.find(u);
            const exists = pts.some((p) => dominance(p, u) === 1);
            expect(found >= 0).toBe(exists);
            if (found >= 0) expect(dominance(pts[found]!, u)).toBe(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
