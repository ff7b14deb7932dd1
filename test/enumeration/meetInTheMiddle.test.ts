import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IssueGroup } from "../../src/enumeration/issueGroups.js";
import { PointStore } from "../../src/enumeration/pointStore.js";
import {
  countDominating,
  meetInTheMiddleCount,
  orderDescending,
  pairCounter,
} from "../../src/enumeration/meetInTheMiddle.js";

/** A group of `values.length / dims` options with the given utilities. */
function group(dims: number, values: readonly number[]): IssueGroup {
  const store = new PointStore(dims, 1, values.length / dims);
  for (let o = 0; o < values.length / dims; o++) {
    const j = store.add();
    for (let d = 0; d < dims; d++) store.values[j * dims + d] = values[o * dims + d]!;
  }
  return { issues: [0], options: store };
}

/** Brute force: every bundle, its utilities summed group by group in declaration order (as enumeration does). */
function bruteCount(groups: readonly IssueGroup[], need: Float64Array): number {
  const D = need.length;
  let n = 0;
  const walk = (k: number, sum: Float64Array): void => {
    if (k === groups.length) {
      for (let d = 0; d < D; d++) if (sum[d]! < need[d]!) return;
      n++;
      return;
    }
    const g = groups[k]!.options;
    for (let o = 0; o < g.size; o++) {
      const next = new Float64Array(D);
      for (let d = 0; d < D; d++) next[d] = sum[d]! + g.values[o * D + d]!;
      walk(k + 1, next);
    }
  };
  walk(0, new Float64Array(D));
  return n;
}

/** Utilities either on a coarse grid (exact ties with the thresholds) or spread out. */
const utility = fc.oneof(
  fc.integer({ min: 0, max: 8 }).map((x) => x / 8),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

const instance = fc.integer({ min: 1, max: 3 }).chain((D) =>
  fc.tuple(
    fc.constant(D),
    fc.array(
      fc
        .integer({ min: 1, max: 5 })
        .chain((m) => fc.array(utility, { minLength: m * D, maxLength: m * D }).map((v) => group(D, v))),
      { minLength: 2, maxLength: 6 },
    ),
    fc.array(fc.integer({ min: 0, max: 24 }), { minLength: D, maxLength: D }),
    // Most thresholds a tolerance below the grid (as countZopa's), some exactly on it.
    fc.constantFrom(1e-9, 1e-9, 1e-9, 0),
  ),
);

describe("meetInTheMiddleCount", () => {
  it("counts as brute force does, with pairs settled by ranges and the rest searched (1-3 acceptors, ties)", () => {
    let counted = 0;
    let settledOnly = 0;
    let refused = 0;
    fc.assert(
      fc.property(instance, ([, groups, needGrid, tolerance]) => {
        // Thresholds on the grid of sums (many bundles on or a tolerance above them) around the middle of the range.
        const need = Float64Array.from(needGrid, (x) => (x / 8) * (groups.length / 6) - tolerance);
        const n = meetInTheMiddleCount(groups, need);
        if (n === undefined) {
          refused++;
          return;
        } // a sum within 1e-11 of a threshold whose side depends on the order of summation
        counted++;
        const truth = bruteCount(groups, need);
        expect(n).toBe(truth);
        const total = groups.reduce((p, g) => p * g.options.size, 1);
        if (truth === 0 || truth === total) settledOnly++;
      }),
      { numRuns: 600, seed: 1818 },
    );
    // Most instances must be counted (not refused), and not only the trivial all-or-nothing ones.
    expect(counted).toBeGreaterThan(450);
    expect(counted - settledOnly).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(0); // and the order-of-summation guard must be exercised too
  });
});

describe("meetInTheMiddleCount, two acceptors", () => {
  // Larger halves than above (up to 6^4 partial bundles each), so that the inclusion-exclusion
  // count sorts crowded buckets (coarse grids: many equal sums), skips thresholds below every
  // candidate and counts pairs below both thresholds.
  const twoAcceptors = fc.tuple(
    fc.array(
      fc
        .integer({ min: 1, max: 6 })
        .chain((m) => fc.array(utility, { minLength: 2 * m, maxLength: 2 * m }).map((v) => group(2, v))),
      { minLength: 2, maxLength: 8 },
    ),
    fc.array(fc.integer({ min: 0, max: 32 }), { minLength: 2, maxLength: 2 }),
    fc.constantFrom(1e-9, 1e-9, 0),
  );
  it("counts as brute force does", () => {
    let counted = 0;
    fc.assert(
      fc.property(twoAcceptors, ([groups, needGrid, tolerance]) => {
        const need = Float64Array.from(needGrid, (x) => (x / 32) * (groups.length / 2) - tolerance);
        const n = meetInTheMiddleCount(groups, need);
        if (n === undefined) return;
        counted++;
        expect(n).toBe(bruteCount(groups, need));
      }),
      { numRuns: 300, seed: 1820 },
    );
    expect(counted).toBeGreaterThan(200);
  });
});

describe("meetInTheMiddleCount, two acceptors, many bundles below both thresholds", () => {
  it("counts as brute force does when the points below both are too many to scan", () => {
    // Eight groups of six spread-out options (halves of 1,296) and thresholds near the middle on
    // both acceptors: hundreds of points per half can fall below both, counted by pairCounter.
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }), {
          minLength: 8,
          maxLength: 8,
        }),
        fc.double({ min: 2.5, max: 3.5, noNaN: true }),
        fc.double({ min: 2.5, max: 3.5, noNaN: true }),
        (values, need0, need1) => {
          const groups = values.map((v) => group(2, v));
          const need = Float64Array.of(need0, need1);
          const n = meetInTheMiddleCount(groups, need);
          fc.pre(n !== undefined);
          // Brute force without allocation: sums per depth, in declaration order.
          const sum = new Float64Array(2 * (groups.length + 1));
          let truth = 0;
          const walk = (k: number): void => {
            if (k === groups.length) {
              if (sum[2 * k]! >= need0 && sum[2 * k + 1]! >= need1) truth++;
              return;
            }
            const g = groups[k]!.options;
            for (let o = 0; o < g.size; o++) {
              sum[2 * k + 2] = sum[2 * k]! + g.values[2 * o]!;
              sum[2 * k + 3] = sum[2 * k + 1]! + g.values[2 * o + 1]!;
              walk(k + 1);
            }
          };
          walk(0);
          expect(n).toBe(truth);
        },
      ),
      { numRuns: 6, seed: 1821 },
    );
  });
});

describe("pairCounter", () => {
  const points = (n: number) =>
    fc
      .array(fc.integer({ min: 0, max: 12 }), { minLength: 2 * n, maxLength: 2 * n })
      .map((xs) => Float64Array.from(xs, (x) => x / 8));
  it("counts each query's dominating tails as brute force does, batch after batch, and flags near values", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain(points),
        fc.array(fc.integer({ min: 1, max: 40 }).chain(points), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(0, 1e-3),
        (tails, batches, shift) => {
          const count = pairCounter(tails);
          for (const raw of batches) {
            const q = raw.length / 2;
            const queries = raw.map((x) => x + shift); // shifted: no query on a tail's value
            const out = new Float64Array(q);
            const n = count(queries, q, out);
            let total = 0;
            let near = false;
            for (let i = 0; i < q; i++) {
              let c = 0;
              for (let j = 0; j < tails.length / 2; j++) {
                if (tails[2 * j]! >= queries[2 * i]! && tails[2 * j + 1]! >= queries[2 * i + 1]!) c++;
                if (
                  Math.abs(tails[2 * j]! - queries[2 * i]!) <= 1e-6 ||
                  Math.abs(tails[2 * j + 1]! - queries[2 * i + 1]!) <= 1e-6
                )
                  near = true;
              }
              total += c;
              expect(out[i]).toBe(c);
            }
            expect(n).toBe(total);
            expect(count(queries, q, undefined, 1e-6)).toBe(near ? -1 : total);
          }
        },
      ),
      { numRuns: 200, seed: 2 },
    );
  });
  it("counts as brute force does when one far value bunches the others into one bucket (comparator sort)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 80, maxLength: 160 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (values, raw) => {
          const tails = Float64Array.from(values);
          tails[0] = 1e9; // the others share a bucket or two, in no order: the insertion sort gives up
          const q = raw.length >> 1;
          const queries = Float64Array.from(raw.slice(0, 2 * q));
          let truth = 0;
          for (let i = 0; i < q; i++)
            for (let j = 0; j < tails.length >> 1; j++)
              if (tails[2 * j]! >= queries[2 * i]! && tails[2 * j + 1]! >= queries[2 * i + 1]!) truth++;
          expect(pairCounter(tails)(queries, q)).toBe(truth);
          const order = [...orderDescending(tails)];
          const byDefinition = [...tails.keys()].sort((a, b) => tails[b]! - tails[a]! || a - b);
          expect(order).toEqual(byDefinition);
        },
      ),
      { numRuns: 100, seed: 3 },
    );
  });
});

describe("countDominating", () => {
  it("counts each head's dominating tails as brute force does (1-4 acceptors, tails over many bitset words, ties)", () => {
    const instance = fc
      .integer({ min: 1, max: 4 })
      .chain((D) =>
        fc.tuple(
          fc.constant(D),
          fc.array(fc.integer({ min: 0, max: 6 }), { minLength: D, maxLength: 40 * D }),
          fc.array(fc.integer({ min: 0, max: 6 }), { minLength: D, maxLength: 150 * D }),
          fc.array(fc.integer({ min: 0, max: 12 }), { minLength: D, maxLength: D }),
        ),
      );
    fc.assert(
      fc.property(instance, ([D, h, t, nd]) => {
        const head = Float64Array.from(h.slice(0, h.length - (h.length % D)));
        const tail = Float64Array.from(t.slice(0, t.length - (t.length % D)));
        const need = Float64Array.from(nd);
        const H = head.length / D;
        const perHead = new Float64Array(H);
        const n = countDominating(head, tail, need, perHead);
        const truth = Array.from({ length: H }, (_, i) => {
          let c = 0;
          for (let j = 0; j < tail.length / D; j++) {
            let ok = true;
            for (let d = 0; d < D; d++) if (head[i * D + d]! + tail[j * D + d]! < need[d]!) ok = false;
            if (ok) c++;
          }
          return c;
        });
        expect([...perHead]).toEqual(truth);
        expect(n).toBe(truth.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 300, seed: 77 },
    );
  });
});
