import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/model/compile.js";
import { validateScenario } from "../../src/model/validate.js";
import { UTILITY_TOLERANCE } from "../../src/model/tolerance.js";
import { mustAcceptAgents, notDecomposable, partyAcceptors } from "../../src/enumeration/acceptors.js";
import { type IssueGroup, issueGroups } from "../../src/enumeration/issueGroups.js";
import { PointStore } from "../../src/enumeration/pointStore.js";
import { countDominating, orderDescending } from "../../src/enumeration/meetInTheMiddle.js";
import { conditionalEstimate } from "../../src/enumeration/conditionalEstimate.js";
import { countZopa } from "../../src/enumeration/zopaCount.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import * as O from "../helpers/oracle.js";

const opts = { maxParties: 4, maxIssues: 6, maxOptions: 4, redLines: true, constraints: true, constituencies: true };

/** The groups and thresholds countZopa works on. */
function prepared(s: ReturnType<typeof validateScenario>): { groups: IssueGroup[]; need: Float64Array } | null {
  const c = compileScenario(s);
  if (notDecomposable(c) !== null) return null;
  const acceptors = [...partyAcceptors(c), ...mustAcceptAgents(c)];
  return {
    groups: issueGroups(c, acceptors),
    need: Float64Array.from(acceptors, (a) => a.reservation - UTILITY_TOLERANCE),
  };
}

/** A group of `values.length / dims` options with the given utilities. */
function group(dims: number, values: number[]): IssueGroup {
  const store = new PointStore(dims, 1, values.length / dims);
  for (let o = 0; o < values.length / dims; o++) {
    const j = store.add();
    for (let d = 0; d < dims; d++) store.values[j * dims + d] = values[o * dims + d]!;
  }
  return { issues: [0], options: store };
}

/** Points on a coarse grid (many exact ties). */
const gridPoints = (dims: number, n: number) =>
  fc
    .array(fc.integer({ min: 0, max: 6 }), { minLength: dims * n, maxLength: dims * n })
    .map((xs) => Float64Array.from(xs, (x) => x / 4));

describe("countDominating", () => {
  it("gives every head's number of completing tails, as brute force does (1 to 3 acceptors, ties)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((D) =>
          fc.tuple(
            fc.constant(D),
            fc.integer({ min: 1, max: 40 }).chain((h) => gridPoints(D, h)),
            fc.integer({ min: 1, max: 40 }).chain((t) => gridPoints(D, t)),
            gridPoints(D, 1),
          ),
        ),
        ([D, head, tail, need]) => {
          const H = head.length / D;
          const T = tail.length / D;
          const perHead = new Float64Array(H);
          const n = countDominating(head, tail, need, perHead);
          let total = 0;
          for (let i = 0; i < H; i++) {
            let c = 0;
            for (let j = 0; j < T; j++) {
              let ok = true;
              for (let d = 0; d < D; d++) if (head[i * D + d]! + tail[j * D + d]! < need[d]!) ok = false;
              if (ok) c++;
            }
            expect(perHead[i]).toBe(c);
            total += c;
          }
          expect(n).toBe(total);
        },
      ),
      { numRuns: 300, seed: 18 },
    );
  });

  it("counts three acceptors the same by bitsets (few tails) and by divide and conquer (more than 2,048 tails)", () => {
    // Seeded points on a grid: 2,100 tails take the divide and conquer, their first 2,000 the bitsets.
    let x = 12345;
    const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 41) / 32;
    const tail = Float64Array.from({ length: 3 * 2100 }, next);
    const head = Float64Array.from({ length: 3 * 60 }, next);
    const need = Float64Array.of(1.125, 1.25, 1); // exact binary fractions: head + tail >= need is tail >= need - head
    for (const T of [2000, 2100]) {
      const t = tail.subarray(0, 3 * T);
      const perHead = new Float64Array(60);
      const n = countDominating(head, t, need, perHead);
      let total = 0;
      for (let i = 0; i < 60; i++) {
        let c = 0;
        for (let j = 0; j < T; j++) if ([0, 1, 2].every((d) => head[i * 3 + d]! + t[j * 3 + d]! >= need[d]!)) c++;
        expect(perHead[i]).toBe(c);
        total += c;
      }
      expect(n).toBe(total);
    }
  });
});

describe("orderDescending", () => {
  it("orders by key descending, ties by index, also when keys bunch (comparator fallback)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constant(1e9)), { maxLength: 300 }),
        (xs) => {
          const keys = Float64Array.from(xs);
          const want = xs.map((_, i) => i).sort((a, b) => keys[b]! - keys[a]! || a - b);
          expect([...orderDescending(keys)]).toEqual(want);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe("conditionalEstimate", () => {
  it("is deterministic for a seed and within 5 standard errors of the brute-force count (1 to 4 acceptors)", () => {
    let tried = 0;
    fc.assert(
      fc.property(
        scenarioArb(opts),
        fc.constantFrom("a", "b", "zopa"),
        fc.constantFrom(2, 8, 64),
        (s, seed, halfLimit) => {
          const v = validateScenario(s);
          const p = prepared(v);
          fc.pre(p !== null && p.groups.length >= 2);
          const options = { seed, maxSamples: 20_000, halfLimit };
          const a = conditionalEstimate(p!.groups, p!.need, options);
          expect(conditionalEstimate(p!.groups, p!.need, options)).toEqual(a);
          const truth = O.zopa(s).length;
          expect(Math.abs(a.count - truth)).toBeLessThanOrEqual(5 * a.standardError + 1e-6);
          tried++;
        },
      ),
      { numRuns: 200, seed: 18 },
    );
    expect(tried).toBeGreaterThan(100);
  });

  it("is exact, with standard error 0, when the sampled half is a single partial bundle", () => {
    fc.assert(
      fc.property(scenarioArb(opts), (s) => {
        const p = prepared(validateScenario(s));
        fc.pre(p !== null);
        const D = p!.need.length;
        // A one-option group of zero utility has no variance, so it is the one left to sample.
        const groups = [...p!.groups, group(D, new Array<number>(D).fill(0))];
        const e = conditionalEstimate(groups, p!.need, { seed: "x", maxSamples: 5000, halfLimit: Infinity });
        expect(e.count).toBe(O.zopa(s).length);
        expect(e.standardError).toBe(0);
      }),
      { numRuns: 100, seed: 5 },
    );
  });

  it("has standard error 0 when every draw has the same count", () => {
    // The sampled group's options are equal for both acceptors; B's decide.
    const groups = [group(2, [0.3, 0.2, 0.1, 0.4, 0.2, 0.2]), group(2, [0.25, 0.25, 0.25, 0.25, 0.25, 0.25])];
    const need = Float64Array.of(0.5, 0.5);
    const e = conditionalEstimate(groups, need, { seed: "x", maxSamples: 5000, halfLimit: 3 });
    // Bundles: B option + 0.25 on each acceptor: only (0.3, 0.2) + 0.25 = (0.55, 0.45) fails, (0.1, 0.4) fails, (0.2, 0.2) fails.
    expect(e).toEqual({ count: 0, standardError: 0, samples: 1024 });
    const all = conditionalEstimate(groups, Float64Array.of(0.3, 0.3), { seed: "x", maxSamples: 5000, halfLimit: 3 });
    expect(all).toEqual({ count: 9, standardError: 0, samples: 1024 });
  });

  it("is at least as precise as the uniform estimate it replaces, with far fewer draws (countZopa)", () => {
    fc.assert(
      fc.property(scenarioArb({ ...opts, maxIssues: 7 }), (s) => {
        const c = compileScenario(validateScenario(s));
        fc.pre(notDecomposable(c) === null);
        const z = countZopa(c, { maxStates: 1, exactHalf: 0, meetInTheMiddle: false, samples: 20_000, seed: "t" });
        fc.pre(z.method === "estimate");
        const truth = O.zopa(s).length;
        expect(Math.abs(Number(z.count) - truth)).toBeLessThanOrEqual(5 * z.standardError + 1);
        const space = Number(c.combinations);
        const p = Math.min(Math.max(Number(z.count) / space, 1 / 20_000), 1 - 1 / 20_000);
        // The standard error of 20,000 uniform 0/1 draws at that share, unless the cap was reached.
        if (z.samples < 20_000)
          expect(z.standardError).toBeLessThanOrEqual(space * Math.sqrt((p * (1 - p)) / 20_000) + 1e-9);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});

describe("conditionalEstimate, pinned draws", () => {
  it("gives, seed for seed, the figures of the generic draw loop (two acceptors: no, one or two tilts)", () => {
    // Twelve groups of five options from a fixed formula; the figures were computed by the draw
    // loop before its two-acceptor form (commit 4d64588), which must repeat them bit for bit.
    const groups = Array.from({ length: 12 }, (_, k) =>
      group(
        2,
        Array.from({ length: 10 }, (_, i) => (((k * 7 + i * 13) % 17) / 16) * (i % 2 ? 0.9 : 1.1)),
      ),
    );
    const run = (need: number[]) =>
      conditionalEstimate(groups, Float64Array.from(need), { seed: "pin", maxSamples: 50_000, halfLimit: 125 });
    expect(run([4.5, 4.5])).toEqual({ count: 197913074.46118835, standardError: 407883.60550820816, samples: 11141 });
    expect(run([5, 4])).toEqual({ count: 209094167.79531947, standardError: 366114.90800597874, samples: 6092 });
    expect(run([5.5, 1])).toEqual({ count: 199174856.5274428, standardError: 402887.05650488863, samples: 23663 });
    expect(run([6.5, 6.2])).toEqual({ count: 18939023.650288545, standardError: 277360.26428258687, samples: 18541 });
  });
});
