import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { resolveUncertainty } from "../../src/uncertainty/resolveUncertainty.js";
import { sample } from "../../src/uncertainty/sample.js";
import { quantile, sampleStats } from "../../src/uncertainty/statistics.js";
import { parseUncertainty } from "../../src/uncertainty/types.js";

describe("uncertainty declarations", () => {
  it("accepts every documented form", () => {
    const spec = {
      "parties.bill.reservation": { dist: "uniform", min: 0.3, max: 0.4 },
      "parties.*.weights.*": { confidence: "low" },
      "parties.jack.weights.pen": { dist: "normal", sd: 0.5 },
      "parties.jack.reservation": { dist: "triangular", min: 0.3, max: 0.5 },
      "parties.bill.weights.box": { spread: 0.2 },
    };
    expect(parseUncertainty(spec)).toBe(spec);
  });

  it("names the path of a bad entry", () => {
    expect(() => parseUncertainty({ "parties.bill.reservation": { dist: "uniform", min: 0.3 } })).toThrow(
      '$.uncertainty["parties.bill.reservation"].max: missing; expected min and max numbers',
    );
    expect(() =>
      parseUncertainty({ "parties.bill.reservation": { dist: "uniform", min: 0.3, max: 0.5, sd: 1 } }),
    ).toThrow('$.uncertainty["parties.bill.reservation"].sd: is an unknown field; expected only dist, min, max');
    expect(() => parseUncertainty({ x: { confidence: "sure" } })).toThrow(
      '$.uncertainty.x: is {"confidence":"sure"}; expected "low", "medium" or "high"',
    );
    expect(() => parseUncertainty({ x: { dist: "beta" } })).toThrow(
      /\$\.uncertainty\.x: is \{"dist":"beta"\}; expected \{ "dist": "uniform" \| "normal" \| "triangular"/,
    );
    expect(() => parseUncertainty([])).toThrow("$.uncertainty: is not an object");
    const s = validateScenario(nash1950);
    expect(() => resolveUncertainty(s, { "parties.bob.reservation": { spread: 0.1 } })).toThrow(
      '$.uncertainty["parties.bob.reservation"]: unknown party "bob"',
    );
    expect(() =>
      resolveUncertainty(s, { "parties.bill.reservation": { dist: "uniform", min: 0.5, max: 0.4 } }),
    ).toThrow(/min: 0.5 is above max 0.4/);
    expect(() =>
      resolveUncertainty(s, { "parties.bill.reservation": { dist: "triangular", min: 0.5, max: 0.6 } }),
    ).toThrow(/mode 0.35\d* \(the scenario's value\) is outside \[0.5, 0.6\]/);
  });

  it("the most specific entry wins, then the later one; confidence maps to a relative spread", () => {
    const s = validateScenario(nash1950);
    const list = resolveUncertainty(s, {
      "parties.bill.weights.pen": { dist: "uniform", min: 5, max: 15 },
      "parties.*.weights.*": { confidence: "low" },
      "parties.bill.weights.*": { confidence: "high" },
      "parties.*.reservation": { spread: 0.1 },
      "parties.jack.reservation": { spread: 0.2 },
    });
    const by = Object.fromEntries(list.map((u) => [u.parameter, u.distribution]));
    expect(by["parties.bill.weights.pen"]).toEqual({ kind: "uniform", min: 5, max: 15 });
    const near = (min: number, max: number) => ({
      kind: "uniform",
      min: expect.closeTo(min, 12),
      max: expect.closeTo(max, 12),
    });
    expect(by["parties.bill.weights.book"]).toEqual(near(2 * 0.95, 2 * 1.05));
    expect(by["parties.jack.weights.book"]).toEqual(near(4 * 0.7, 4 * 1.3));
    expect(by["parties.jack.reservation"]).toEqual(near((6 / 16) * 0.8, (6 / 16) * 1.2));
    expect(list).toHaveLength(2 + 18);
    expect(list[0]!.parameter).toBe("parties.bill.reservation");
    expect(list[1]!.parameter).toBe("parties.bill.weights.book");
  });
});

describe("sampling", () => {
  it("uniform and triangular draws stay in their range", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.string(),
        (a, w, m, seed) => {
          const rng = seedrandom(seed);
          const u = sample({ kind: "uniform", min: a, max: a + w }, rng);
          const t = sample({ kind: "triangular", min: a, mode: a + m * w, max: a + w }, rng);
          expect(u).toBeGreaterThanOrEqual(a);
          expect(u).toBeLessThanOrEqual(a + w);
          expect(t).toBeGreaterThanOrEqual(a);
          expect(t).toBeLessThanOrEqual(a + w);
        },
      ),
    );
  });

  it("draws have the distributions' means and spreads (20,000 draws, within 5 standard errors)", () => {
    const rng = seedrandom("moments");
    const n = 20_000;
    const check = (d: Parameters<typeof sample>[0], mean: number, sd: number): void => {
      const s = sampleStats(Array.from({ length: n }, () => sample(d, rng)));
      expect(Math.abs(s.mean! - mean)).toBeLessThan(5 * (sd / Math.sqrt(n)));
      expect(Math.abs(s.sd! - sd) / sd).toBeLessThan(0.03);
    };
    check({ kind: "uniform", min: 1, max: 3 }, 2, 2 / Math.sqrt(12));
    check({ kind: "normal", mean: 0.4, sd: 0.1 }, 0.4, 0.1);
    // Triangular(0, 1, 4): mean (0+1+4)/3, variance (a²+b²+c²-ab-ac-bc)/18.
    check({ kind: "triangular", min: 0, mode: 1, max: 4 }, 5 / 3, Math.sqrt((0 + 1 + 16 - 0 - 0 - 4) / 18));
  });

  it("quantiles interpolate linearly (type 7)", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.95)).toBe(10);
    expect(sampleStats([1, 2, 3, 4, 5])).toMatchObject({
      n: 5,
      mean: 3,
      median: 3,
      min: 1,
      max: 5,
      q25: 2,
      q75: 4,
      sd: expect.closeTo(Math.sqrt(2.5), 11),
    });
  });
});
