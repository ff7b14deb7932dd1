import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import type { ArchivePoint } from "../../src/frontier/paretoArchive.js";
import type { BargainingProblem } from "../../src/solutions/bargainingProblem.js";
import { egalitarianSolution } from "../../src/solutions/egalitarian.js";
import { kalaiSmorodinskySolution } from "../../src/solutions/kalaiSmorodinsky.js";
import { nashSolution } from "../../src/solutions/nash.js";
import type { Scenario } from "../../src/model/types.js";

const pt = (u: number[], b: number): ArchivePoint => ({ utilities: Float64Array.from(u), bundle: Int32Array.of(b) });
const problem = (points: ArchivePoint[], d: number[], power = d.map(() => 1)): BargainingProblem => ({
  points,
  disagreement: d,
  power,
  compare: (a, b) => a[0]! - b[0]!,
});

describe("Nash solution", () => {
  it("is invariant to a positive affine rescaling of one party's utility and reservation (Nash 1950, axiom 3)", () => {
    const vec = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(
        fc.array(vec, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (raw, a, b) => {
          const points = raw.map((v, k) =>
            pt(
              v.map((x) => x / 20),
              k,
            ),
          );
          const d = [0.1, 0.15];
          const base = nashSolution(problem(points, d))!;
          const scaled = points.map((p) => pt([p.utilities[0]! * a + b, p.utilities[1]!], p.bundle[0]!));
          const again = nashSolution(problem(scaled, [d[0]! * a + b, d[1]!]))!;
          // The point chosen on the rescaled problem maximises the original Nash product too (the
          // solution set is invariant; among exact ties the documented sum tie-break is scale-dependent).
          const orig = points.find((p) => p.bundle[0] === again.point.bundle[0])!;
          const prod = (u: Float64Array): number => Math.max(0, u[0]! - d[0]!) * Math.max(0, u[1]! - d[1]!);
          expect(Math.abs(prod(orig.utilities) - prod(base.point.utilities))).toBeLessThan(1e-9);
          // With a unique maximiser the very same point is chosen.
          const best = prod(base.point.utilities);
          if (points.filter((p) => Math.abs(prod(p.utilities) - best) < 1e-9).length === 1)
            expect(again.point.bundle[0]).toBe(base.point.bundle[0]);
        },
      ),
    );
  });

  it("breaks a zero-product tie towards the larger sum of utilities, whatever the bundle order", () => {
    const r = nashSolution(problem([pt([0.5, 0], 0), pt([0, 0.6], 1)], [0, 0]))!;
    expect(Array.from(r.point.utilities)).toEqual([0, 0.6]);
    const r2 = nashSolution(problem([pt([0, 0.6], 0), pt([0.5, 0], 1)], [0, 0]))!;
    expect(Array.from(r2.point.utilities)).toEqual([0, 0.6]);
  });

  it("weights gains by bargaining power: maximises g1^a * g2^b", () => {
    // gains (0.2, 0.8) and (0.8, 0.2): power 3 for party 0 favours the second.
    const pts = [pt([0.2, 0.8], 0), pt([0.8, 0.2], 1)];
    expect(Array.from(nashSolution(problem(pts, [0, 0], [3, 1]))!.point.utilities)).toEqual([0.8, 0.2]);
    expect(Array.from(nashSolution(problem(pts, [0, 0], [1, 3]))!.point.utilities)).toEqual([0.2, 0.8]);
  });
});

describe("egalitarian and Kalai-Smorodinsky", () => {
  it("egalitarian refines by leximin: among equal minimum gains it raises the second smallest", () => {
    const r = egalitarianSolution(problem([pt([0.3, 0.3, 0.5], 0), pt([0.3, 0.4, 0.5], 1)], [0, 0, 0]))!;
    expect(Array.from(r.point.utilities)).toEqual([0.3, 0.4, 0.5]);
  });
  it("Kalai-Smorodinsky measures gains against each party's ideal inside the set", () => {
    // ideal (1, 0.5): shares of (0.5, 0.25) are (0.5, 0.5); of (0.8, 0.1) are (0.8, 0.2).
    const r = kalaiSmorodinskySolution(
      problem([pt([0.5, 0.25], 0), pt([0.8, 0.1], 1), pt([1, 0], 2), pt([0, 0.5], 3)], [0, 0]),
    )!;
    expect(Array.from(r.point.utilities)).toEqual([0.5, 0.25]);
  });
});

describe("Nash bargaining with a concave utility (docs/reference/cases.md part 4)", () => {
  // Split one unit on a grid of 0.001: u_A(c) = sqrt(c), u_B(c) = 1 - c, disagreement (0, 0).
  const grid = Array.from({ length: 1001 }, (_, k) => k / 1000);
  const id = (c: number): string => String(Number(c.toPrecision(12)));
  const s: Scenario = {
    id: "concave",
    issues: [{ id: "share", type: "numeric", range: { min: 0, max: 1, step: 0.001 } }],
    parties: [
      {
        id: "a",
        weights: { share: 1 },
        values: { share: Object.fromEntries(grid.map((c) => [id(c), Math.sqrt(c)])) },
        reservation: 0,
      },
      {
        id: "b",
        weights: { share: 1 },
        values: {
          share: {
            points: [
              [0, 1],
              [1, 0],
            ],
          },
        },
        reservation: 0,
      },
    ],
  };
  const a = analyze(s);
  it("Nash gives A the textbook third (c = 1/3 on the grid: 0.333)", () => {
    expect(a.solutions.nash!.bundle.share).toBe("0.333");
  });
  it("Kalai-Smorodinsky with ideal (1, 1) gives c = ((sqrt 5 - 1) / 2)^2 ~ 0.381966 (grid 0.382), utilities ~0.618", () => {
    expect(a.solutions.kalaiSmorodinsky!.bundle.share).toBe("0.382");
    expect(a.solutions.kalaiSmorodinsky!.utilities.a).toBeCloseTo(0.618, 3);
    expect(a.solutions.kalaiSmorodinsky!.utilities.b).toBeCloseTo(0.618, 3);
  });
});
