import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bdmRound } from "../../src/forecast/bdm.js";
import { FORECAST_MODEL_NAMES, forecast } from "../../src/forecast/models.js";
import type { ForecastActor, ForecastTable } from "../../src/forecast/types.js";
import { validateForecastTable } from "../../src/forecast/validateTable.js";
import { parseForecastCsv } from "../../src/forecast/parseTable.js";
import { forecastMonteCarloTables } from "../../src/forecast/monteCarlo.js";
import { weightedMean, weightedMedian } from "../../src/forecast/weighted.js";
import { naiveRound } from "./naiveBdm.js";

const table = (rows: readonly (readonly [string, number, number, number])[], issue = "x"): ForecastTable => ({
  issue,
  actors: rows.map(([actor, capability, position, salience]) => ({ actor, capability, position, salience })),
});

// The EC example of Scholz, Calbert and Smith (2011), capability / position / salience.
const EC = table([
  ["Netherlands", 0.08, 4, 0.8],
  ["Belgium", 0.08, 7, 0.4],
  ["Luxembourg", 0.03, 4, 0.2],
  ["Germany", 0.16, 4, 0.8],
  ["France", 0.16, 10, 0.6],
  ["Italy", 0.16, 10, 0.6],
  ["UK", 0.16, 10, 0.9],
  ["Ireland", 0.05, 7, 0.1],
  ["Denmark", 0.05, 4, 1.0],
  ["Greece", 0.08, 7, 0.7],
]);

describe("weighted median and mean", () => {
  it("hand-computed cases", () => {
    expect(weightedMean([0, 10], [1, 3])).toBe(7.5);
    expect(weightedMedian([0, 10], [1, 3])).toBe(10);
    expect(weightedMedian([0, 10], [1, 1])).toBe(0); // exact half: the lower position
    expect(weightedMedian([10, 0, 5], [1, 1, 1])).toBe(5);
    expect(weightedMedian([0.1, 0.2, 0.3], [0.1, 0.2, 0.3])).toBe(0.2); // 0.1 + 0.2 reaches half despite rounding
  });

  it("equals a brute-force oracle: the smallest position whose weight at or below it is at least half", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 9 })), {
          minLength: 1,
          maxLength: 9,
        }),
        (rows) => {
          fc.pre(rows.some(([, w]) => w > 0));
          const xs = rows.map(([x]) => x);
          const ws = rows.map(([, w]) => w);
          const total = ws.reduce((a, b) => a + b, 0);
          const oracle = Math.min(
            ...xs.filter((m) => 2 * rows.filter(([x]) => x <= m).reduce((a, [, w]) => a + w, 0) >= total),
          );
          expect(weightedMedian(xs, ws)).toBe(oracle);
          // and it is the Condorcet winner: no position beats it by a weighted majority of strictly closer actors
          for (const y of xs) {
            const prefer = rows.filter(([x]) => Math.abs(x - y) < Math.abs(x - oracle)).reduce((a, [, w]) => a + w, 0);
            expect(2 * prefer).toBeLessThanOrEqual(total);
          }
        },
      ),
    );
  });
});

describe("forecast models", () => {
  it("mean and median are static: round 0 only", () => {
    const t = table([
      ["A", 1, 0, 1],
      ["B", 3, 10, 1],
    ]);
    expect(forecast(t, { model: "mean" })).toMatchObject({
      forecast: 7.5,
      converged: true,
      rounds: [{ round: 0, mean: 7.5, median: 10, positions: { A: 0, B: 10 } }],
    });
    expect(forecast(t, { model: "median" }).forecast).toBe(10);
    expect(forecast(t, { model: "median", rounds: 5 }).rounds).toHaveLength(1);
  });

  it("EC example (Scholz et al. 2011): round 0 median 7, mean 7.38996; round 1 median 8.41593, mean 7.46131", () => {
    const f = forecast(EC, { model: "bdm-scholz", rounds: 1 });
    expect(f.rounds[0]!.median).toBe(7);
    expect(f.rounds[0]!.mean).toBeCloseTo(7.38996, 5);
    expect(f.rounds[1]!.median).toBeCloseTo(8.41593, 5);
    expect(f.rounds[1]!.mean).toBeCloseTo(7.46131, 5);
    const offers = f.rounds[0]!.offers!;
    expect(offers.Belgium).toMatchObject({ kind: "compromise", from: "France" });
    expect(offers.Luxembourg).toEqual({ kind: "confrontation", from: "Belgium", to: 7 });
    expect(offers.Ireland).toEqual({ kind: "confrontation", from: "Luxembourg", to: 4 });
    expect(offers.France).toBeNull();
    expect(f.rounds[1]!.positions.Belgium).toBe(offers.Belgium!.to);
  });

  it("bdm and bdm-scholz part on the EC example in round 3: Belgium's two compromise offers", () => {
    const scholz = forecast(EC, { model: "bdm-scholz", rounds: 4 }).rounds[3]!.offers!.Belgium!;
    const nearest = forecast(EC, { model: "bdm", rounds: 4 }).rounds[3]!.offers!.Belgium!;
    // Belgium sits at 9.962: the Netherlands (4) offers a compromise down, France (10) one up.
    expect(scholz).toMatchObject({ kind: "compromise", from: "Netherlands" });
    expect(nearest).toMatchObject({ kind: "compromise", from: "France" });
    expect(Math.abs(nearest.to - 9.96197959)).toBeLessThan(Math.abs(scholz.to - 9.96197959));
  });

  it("two symmetric actors: P = 1/4 each way, every EU negative, nobody moves (hand-computed)", () => {
    const f = forecast(
      table([
        ["A", 1, 0, 1],
        ["B", 1, 10, 1],
      ]),
      { model: "bdm-scholz", rounds: 5 },
    );
    expect(f.converged).toBe(true);
    expect(f.rounds).toHaveLength(1);
    expect(f.rounds[0]!.risk).toEqual({ A: 1, B: 1 });
    expect(f.rounds[0]!.offers).toEqual({ A: null, B: null });
    expect(f.forecast).toBe(0); // median on an exact half: the lower position
  });

  it("three actors 0, 10, 10: dangers -8/3, -5/3, -5/3 give risk exponents 2, 0.5, 0.5 (hand-computed)", () => {
    const step = bdmRound(Float64Array.of(0, 10, 10), Float64Array.of(1, 1, 1), [1, 1, 1], 10, "scholz");
    expect(step.risk[0]).toBeCloseTo(2, 12);
    expect(step.risk[1]).toBeCloseTo(0.5, 12);
    expect(step.risk[2]).toBeCloseTo(0.5, 12);
    // A: e1 = -8/3, e2 = -7/3; B from A: e1 = -4/3 + 4 sqrt(1/2) - 2 < 0, e2 = -5/3 + ... < 0: no offers
    expect([...step.next]).toEqual([0, 10, 10]);
  });

  it("one round equals the naive formula-by-formula oracle", () => {
    // Integer positions (so equal positions and equidistant offers occur), continuous capabilities and
    // saliences (so two offers' expected utilities are not exactly tied, where rounding could decide).
    const row = fc.record({
      c: fc.double({ min: 0.1, max: 10, noNaN: true }),
      x: fc.integer({ min: 0, max: 20 }),
      s: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 7 }),
        fc.constantFrom("scholz" as const, "nearest" as const),
        (rows, rule) => {
          const rs = rows.map((r) => ({ c: r.c, x: r.x, s: r.s }));
          const xs = rs.map((r) => r.x);
          const range = Math.max(...xs) - Math.min(...xs);
          fc.pre(range > 0);
          const got = bdmRound(
            Float64Array.from(xs),
            Float64Array.from(rs, (r) => r.c),
            rs.map((r) => r.s),
            range,
            rule,
          );
          const want = naiveRound(rs, range, rule);
          want.risk.forEach((r, i) => expect(got.risk[i]).toBeCloseTo(r, 9));
          want.next.forEach((x, i) => expect(got.next[i]).toBeCloseTo(x, 9));
          expect(got.kind).toEqual(want.kind);
        },
      ),
      { numRuns: 200 },
    );
  });

  /**
   * fast-check favours 0, the bounds and tiny numbers, so equal positions and equal distances (the
   * documented ties, where the earlier actor wins, or near-ties that rounding decides) do occur:
   * the properties that assume generic tables keep only tables whose positions and pairwise
   * distances differ by more than 1e-6.
   */
  const tieFree = (actors: readonly ForecastActor[]): boolean => {
    const xs = actors.map((a) => a.position);
    const gaps = xs.flatMap((x, i) => xs.slice(i + 1).map((y) => Math.abs(x - y)));
    return gaps.every((g, i) => g > 1e-6 && gaps.slice(i + 1).every((h) => Math.abs(g - h) > 1e-6));
  };
  const actorsArb = fc
    .array(
      fc.record({
        capability: fc.double({ min: 0.01, max: 10, noNaN: true }),
        position: fc.double({ min: -50, max: 50, noNaN: true }),
        salience: fc.double({ min: 0.01, max: 1, noNaN: true }),
      }),
      {
        minLength: 1,
        maxLength: 8,
      },
    )
    .map((rows): ForecastActor[] => rows.map((r, i) => ({ actor: `a${i}`, ...r })));

  it("positions stay within the initial range, for every model", () => {
    fc.assert(
      fc.property(actorsArb, fc.constantFrom(...FORECAST_MODEL_NAMES), (actors, model) => {
        const xs = actors.map((a) => a.position);
        const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
        for (const r of forecast({ issue: "x", actors }, { model, rounds: 8 }).rounds) {
          for (const x of [...Object.values(r.positions), r.median, r.mean]) {
            expect(x).toBeGreaterThanOrEqual(lo - 1e-9 * (1 + Math.abs(lo)));
            expect(x).toBeLessThanOrEqual(hi + 1e-9 * (1 + Math.abs(hi)));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a one-actor or all-agree table never moves", () => {
    fc.assert(
      fc.property(
        actorsArb,
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.constantFrom(...FORECAST_MODEL_NAMES),
        (actors, at, model) => {
          const agree = actors.map((a) => ({ ...a, position: at }));
          for (const t of [
            { issue: "x", actors: agree },
            { issue: "x", actors: agree.slice(0, 1) },
          ]) {
            const f = forecast(t, { model, rounds: 5 });
            expect(f.rounds).toHaveLength(1);
            expect(f.rounds[0]!.median).toBe(at);
            expect(f.rounds[0]!.mean).toBeCloseTo(at, 12);
            expect(f.forecast).toBeCloseTo(at, 12);
          }
        },
      ),
    );
  });

  it("row order does not matter (positions drawn from a continuum, so the documented ties do not occur)", () => {
    fc.assert(
      fc.property(
        actorsArb,
        fc.constantFrom(...FORECAST_MODEL_NAMES),
        fc.integer({ min: 0, max: 1000 }),
        (actors, model, seed) => {
          fc.pre(tieFree(actors));
          const shuffled = [...actors].sort(
            (a, b) =>
              ((a.actor.charCodeAt(1) * 7919 + seed) % 13) - ((b.actor.charCodeAt(1) * 7919 + seed) % 13) ||
              a.actor.localeCompare(b.actor),
          );
          const f = forecast({ issue: "x", actors }, { model, rounds: 4 });
          const g = forecast({ issue: "x", actors: [...shuffled].reverse() }, { model, rounds: 4 });
          expect(g.rounds.length).toBe(f.rounds.length);
          f.rounds.forEach((r, t) => {
            for (const a of actors) expect(g.rounds[t]!.positions[a.actor]).toBeCloseTo(r.positions[a.actor]!, 8);
            expect(g.rounds[t]!.median).toBeCloseTo(r.median, 8);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("the documented tie: two equally near confrontations go to the earlier actor in the input", () => {
    // B sits at 5 between A (0) and C (10), mirror images; whichever offer B takes, it comes from the first listed.
    const rows: [string, number, number, number][] = [
      ["A", 1, 0, 1],
      ["B", 0.2, 5, 0.3],
      ["C", 1, 10, 1],
    ];
    const f = forecast(table(rows), { model: "bdm-scholz", rounds: 1 });
    const g = forecast(table([rows[2]!, rows[1]!, rows[0]!]), { model: "bdm-scholz", rounds: 1 });
    const o = f.rounds[0]!.offers!.B;
    expect(o).not.toBeNull();
    expect(o!.from).toBe("A");
    expect(g.rounds[0]!.offers!.B!.from).toBe("C");
  });

  it("scaling every capability by a constant changes nothing", () => {
    fc.assert(
      fc.property(
        actorsArb,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.constantFrom(...FORECAST_MODEL_NAMES),
        (actors, k, model) => {
          // Near-ties (positions a subnormal apart) are decided by rounding, which scaling moves.
          fc.pre(tieFree(actors));
          const f = forecast({ issue: "x", actors }, { model, rounds: 4 });
          const g = forecast(
            { issue: "x", actors: actors.map((a) => ({ ...a, capability: a.capability * k })) },
            { model, rounds: 4 },
          );
          expect(g.rounds.length).toBe(f.rounds.length);
          f.rounds.forEach((r, t) => {
            for (const a of actors) expect(g.rounds[t]!.positions[a.actor]).toBeCloseTo(r.positions[a.actor]!, 8);
            expect(g.rounds[t]!.mean).toBeCloseTo(r.mean, 8);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("inputs are never mutated and results are frozen", () => {
    const t = structuredClone(EC);
    const f = forecast(t, { rounds: 3 });
    expect(t).toEqual(EC);
    expect(Object.isFrozen(f.rounds[0]!.positions)).toBe(true);
  });
});

describe("table validation", () => {
  const bad =
    (rows: readonly (readonly [string, number, number, number])[]): (() => void) =>
    () =>
      validateForecastTable(table(rows, "crimea"), { requireSpread: true });
  it("names the issue, row and column", () => {
    expect(
      bad([
        ["A", 1, 0, 1],
        ["B", 1, 5, 1.4],
      ]),
    ).toThrow('issue "crimea", row 2, column Salience: is 1.4; expected a number in [0, 1]');
    expect(
      bad([
        ["A", 0, 0, 1],
        ["B", 1, 5, 1],
      ]),
    ).toThrow("row 1, column Capability: is 0; expected a positive number");
    expect(
      bad([
        ["A", 1, Number.NaN, 1],
        ["B", 1, 5, 1],
      ]),
    ).toThrow("row 1, column Position: is NaN");
    expect(
      bad([
        ["A", 1, 0, 1],
        ["A", 1, 5, 1],
      ]),
    ).toThrow('row 2, column Actor: repeats "A" from row 1');
    expect(
      bad([
        ["A", 1, 3, 1],
        ["B", 1, 3, 1],
      ]),
    ).toThrow("column Position: has the single distinct value 3");
    expect(
      bad([
        ["A", 1, 0, 0],
        ["B", 1, 3, 0],
      ]),
    ).toThrow("column Salience: is 0 for every actor");
    // Numbers near 1e308 overflowed the models (a range of 2e308 is Infinity: the table printed
    // Infinity and the model stopped at once): `forecast` takes magnitudes up to 1e150...
    expect(
      bad([
        ["A", 1, 1e308, 1],
        ["B", 1, -1e308, 1],
      ]),
    ).toThrow(
      "row 1, column Position: is 1e+308; expected a finite number on the issue's scale, of magnitude at most 1e150",
    );
    // ...and the file readers hold tables to the scenario format's 1e15, with the line named.
    const csv =
      (rows: string): (() => unknown) =>
      () =>
        parseForecastCsv(`Actor,Capability,Position,Salience\n${rows}`, "t.csv");
    expect(csv("A,1e16,0,1\nB,1,5,1\n")).toThrow(
      "t.csv, line 2 (row 1), column Capability: is 10000000000000000; expected a positive number up to 1e15",
    );
    expect(csv("A,1,0,1\nB,1,-2e15,1\n")).toThrow("line 3 (row 2), column Position: is -2000000000000000");
    expect(csv("A,1e15,-1e15,1\nB,1,1e15,1\n")).not.toThrow();
    // A Monte Carlo over a table at the limit draws past it, and runs (found in review).
    const atLimit = parseForecastCsv(
      "Actor,Capability,Position,Salience\nA,1e15,0,0.5\nB,1,10,0.4\nC,2,5,0.9\n",
      "big.csv",
    );
    expect(forecastMonteCarloTables(atLimit, 0.1, { model: "mean", draws: 20, seed: "1" }).draws).toBe(20);
    expect(() => forecast(EC, { model: "nope" as "mean" })).toThrow('options.model is "nope"; expected one of "mean"');
    expect(() => forecast(EC, { rounds: -1 })).toThrow("rounds is -1");
  });
});
