// The one-pass solver against the per-concept one: key writers give the very numbers of the
// array keys they replaced (the former implementations, kept here as oracles), and
// pickBestEach picks what pickBest picks, concept by concept, ties and tolerances included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArchivePoint } from "../../src/frontier/paretoArchive.js";
import { UTILITY_TOLERANCE } from "../../src/model/tolerance.js";
import {
  type BargainingProblem,
  idealPoint,
  packUtilities,
  sortAscending,
} from "../../src/solutions/bargainingProblem.js";
import { nashSolution } from "../../src/solutions/nash.js";
import { pickBest, pickBestEach } from "../../src/solutions/pickBest.js";
import { SOLUTION_LIST } from "../../src/solutions/solutionConcepts.js";

/** The former keys (before key writers), verbatim: arrays built per point. */
const oldGains = (u: ArrayLike<number>, d: ArrayLike<number>): number[] => {
  const out: number[] = [];
  for (let i = 0; i < d.length; i++) out.push(Math.max(0, u[i]! - d[i]!));
  return out;
};
const oldIdeal = (problem: BargainingProblem): Float64Array => {
  const n = problem.disagreement.length;
  const ideal = Float64Array.from(problem.disagreement);
  for (const pt of problem.points)
    for (let i = 0; i < n; i++) if (pt.utilities[i]! > ideal[i]!) ideal[i] = pt.utilities[i]!;
  return ideal;
};
const OLD_KEYS: Record<string, (p: BargainingProblem) => (pt: ArchivePoint) => readonly number[]> = {
  nash: (p) => (pt) => {
    let s = 0;
    const g = oldGains(pt.utilities, p.disagreement);
    for (let i = 0; i < g.length; i++) {
      if (g[i]! <= UTILITY_TOLERANCE) return [Number.NEGATIVE_INFINITY];
      s += p.power[i]! * Math.log(g[i]!);
    }
    return [s];
  },
  kalaiSmorodinsky: (p) => {
    const ideal = oldIdeal(p);
    const d = p.disagreement;
    return (pt) =>
      oldGains(pt.utilities, d)
        .map((g, i) => {
          const span = ideal[i]! - d[i]!;
          return span <= UTILITY_TOLERANCE ? 1 : g / span;
        })
        .sort((a, b) => a - b);
  },
  egalitarian: (p) => (pt) => oldGains(pt.utilities, p.disagreement).sort((a, b) => a - b),
  utilitarian: (p) => (pt) => {
    let sum = 0;
    for (const u of pt.utilities) sum += u;
    return [sum, Math.min(...oldGains(pt.utilities, p.disagreement))];
  },
};

/** Utilities on a coarse grid, some nudged within or just past the tolerance, so ties of every kind occur. */
const utility = fc.oneof(
  fc.integer({ min: 0, max: 8 }).map((k) => k / 8),
  fc
    .tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom(-2e-9, -5e-10, 5e-10, 2e-9, 1e-12))
    .map(([k, e]) => k / 8 + e),
  fc.double({ min: 0, max: 1, noNaN: true }),
);
const problemArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    points: fc.array(
      fc.record({
        utilities: fc.array(utility, { minLength: n, maxLength: n }).map((u) => Float64Array.from(u)),
        bundle: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }).map((b) => Int32Array.from(b)),
      }),
      { maxLength: 30 },
    ),
    disagreement: fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 4 }).map((k) => k / 8),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
      ),
      { minLength: n, maxLength: n },
    ),
    power: fc.array(fc.constantFrom(1, 0.5, 2, 1.5), { minLength: n, maxLength: n }),
  }),
);
const asProblem = (r: { points: ArchivePoint[]; disagreement: number[]; power: number[] }): BargainingProblem => ({
  ...r,
  compare: (a, b) => a[0]! - b[0]! || a[1]! - b[1]!,
});

/** Exact equality of two keys, entry by entry (Object.is: -0 and 0 differ). */
const sameKey = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe("key writers and pickBestEach", () => {
  it("nashSolution (its own one-pass loop) picks the point and key pickBest picks with the former Nash key", () => {
    fc.assert(
      fc.property(problemArb, (r) => {
        const problem = asProblem(r);
        const want = pickBest(problem, OLD_KEYS.nash!(problem));
        const got = nashSolution(problem);
        if (want === null) expect(got).toBeNull();
        else {
          expect(got?.point).toBe(want.point);
          expect(sameKey(got!.key, want.key)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("every concept's key gives the numbers the former array key gave, for every point", () => {
    fc.assert(
      fc.property(problemArb, (r) => {
        const problem = asProblem(r);
        for (const s of SOLUTION_LIST) {
          const key = s.key(problem);
          const old = OLD_KEYS[s.name]!(problem);
          for (const pt of problem.points) expect(sameKey(key(pt), old(pt))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("picks, concept by concept, the point and key pickBest picks with the former keys", () => {
    fc.assert(
      fc.property(problemArb, (r) => {
        const problem = asProblem(r);
        const packed = packUtilities(problem);
        const ideal = idealPoint(problem, packed);
        const each = pickBestEach(
          problem,
          SOLUTION_LIST.map((s) => s.writer!(problem, () => ideal)),
          packed,
        );
        SOLUTION_LIST.forEach((s, j) => {
          const want = pickBest(problem, OLD_KEYS[s.name]!(problem));
          const got = each[j]!;
          if (want === null) expect(got).toBeNull();
          else {
            expect(got?.point).toBe(want.point);
            expect(sameKey(got!.key, want.key)).toBe(true);
          }
          // And the concept's own solver agrees.
          const solved = s.solve(problem);
          expect(solved?.point).toBe(got?.point);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("packs utilities point after point, and reads the ideal point from them as from the points", () => {
    fc.assert(
      fc.property(problemArb, (r) => {
        const problem = asProblem(r);
        const packed = packUtilities(problem);
        expect(Array.from(packed)).toEqual(problem.points.flatMap((p) => Array.from(p.utilities)));
        expect(Array.from(idealPoint(problem))).toEqual(Array.from(oldIdeal(problem)));
        expect(Array.from(idealPoint(problem, packed))).toEqual(Array.from(oldIdeal(problem)));
      }),
    );
  });

  it("sortAscending orders as a numeric sort", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 8 }), (xs) => {
        const got = Array.from(sortAscending(Float64Array.from(xs)));
        const want = [...xs].sort((a, b) => a - b);
        expect(got.every((x, i) => x === want[i])).toBe(true);
      }),
    );
  });
});
