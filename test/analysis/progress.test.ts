// Issue 17: analyze reports progress whichever algorithm runs: the frontier algorithm in candidate
// sums, enumeration in bundles of the outcome space walked past.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import type { Scenario } from "../../src/model/types.js";
import { randomAgenda } from "../helpers/randomAgenda.js";
import * as O from "../helpers/oracle.js";

const agenda = (parties: number, issues: number, options: number, r: number, seed: string): Scenario =>
  randomAgenda(parties, issues, options, seed, r);

const record = (s: Scenario, algorithm: "enumerate" | "frontier") => {
  const calls: [number, number][] = [];
  const a = analyze(s, { algorithm, onProgress: (d, t) => calls.push([d, t]) });
  return { a, calls };
};

describe("analyze's progress (issue 17)", () => {
  it("enumeration: every 1,024th ZOPA bundle's rank in declaration order, from 0 to the outcome space", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 5, max: 6 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.string(),
        (parties, issues, r, seed) => {
          const s = agenda(parties, issues, 4, r, seed);
          const { a, calls } = record(s, "enumerate");
          const total = 4 ** issues;
          // the oracle: bundles in declaration order (first issue slowest), those every party accepts
          const all = O.allBundles(s);
          const ranks = all.flatMap((b, rank) => (O.inZopa(s, b) ? [rank] : []));
          const expected = ranks.filter((_, i) => (i + 1) % 1024 === 0);
          expect(calls).toEqual([[0, total], ...expected.map((rank) => [rank, total]), [total, total]]);
          // the same analysis as without a callback
          expect(a).toEqual(analyze(s, { algorithm: "enumerate" }));
        },
      ),
      { numRuns: 15 },
    );
  });

  it("enumeration with every bundle in the ZOPA: a call every 1,024 bundles", () => {
    const { calls } = record(agenda(2, 6, 4, 0, "all"), "enumerate");
    expect(calls).toEqual([0, 1023, 2047, 3071, 4095, 4096].map((d) => [d, 4096]));
  });

  it("frontier: done never passes total, totals only grow, and the last call has done = total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 7 }),
        fc.string(),
        (parties, issues, seed) => {
          const s = agenda(parties, issues, 3, 0.3, seed);
          const { a, calls } = record(s, "frontier");
          expect(calls.length).toBeGreaterThan(0);
          for (const [d, t] of calls) expect(d).toBeLessThanOrEqual(t);
          for (let i = 1; i < calls.length; i++) expect(calls[i]![1]).toBeGreaterThanOrEqual(calls[i - 1]![1]);
          const [d, t] = calls.at(-1)!;
          expect(d).toBe(t);
          expect(a).toEqual(analyze(s, { algorithm: "frontier" }));
        },
      ),
      { numRuns: 30 },
    );
  });
});
