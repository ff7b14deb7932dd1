import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";
import { ScenarioError, TreatylabError } from "../../src/model/errors.js";
import { adjustedWinner, type AdjustedWinnerResult } from "../../src/procedures/adjustedWinner.js";
import { fairnessChecks } from "../../src/procedures/fairnessChecks.js";
import { normalisePoints, type PointsInput } from "../../src/procedures/pointsInput.js";

// ---------------------------------------------------------------------------------------------
// Independent oracle: exact values of bundles, and the best the other party can get when one party
// must get at least a given total (a fractional knapsack, solved greedily: the classic exact
// optimum). None of this calls the code under test.
// ---------------------------------------------------------------------------------------------

const Q = (x: string | number | bigint): Fraction => new Fraction(x as string);
const sum = (xs: readonly Fraction[]): Fraction => xs.reduce((s, x) => s.add(x), Q(0));

/** Points scaled to 100, computed independently of normalisePoints. */
function oracleNormalise(raw: readonly (readonly [number, number])[]): [Fraction[], Fraction[]] {
  const col = (k: 0 | 1): Fraction[] => {
    const total = sum(raw.map((r) => Q(r[k])));
    return raw.map((r) => Q(r[k]).mul(100).div(total));
  };
  return [col(0), col(1)];
}

/** Max of `them` over fractional allocations in which `me` gets at least `need` (null: impossible). */
function bestForOther(me: readonly Fraction[], them: readonly Fraction[], need: Fraction): Fraction | null {
  // Give `me` the items that cost `them` least per point of `me` first: a_i / b_i descending.
  const useful = me.map((_, i) => i).filter((i) => me[i]!.gt(0));
  useful.sort((i, j) => them[i]!.mul(me[j]!).compare(them[j]!.mul(me[i]!)));
  let got = Q(0);
  let lost = Q(0);
  for (const i of useful) {
    if (got.gte(need)) break;
    const wanted = need.sub(got).div(me[i]!);
    const f = wanted.gte(1) ? Q(1) : wanted;
    got = got.add(f.mul(me[i]!));
    lost = lost.add(f.mul(them[i]!));
  }
  if (got.lt(need)) return null;
  return sum([...them]).sub(lost);
}

function oracleChecks(a: readonly Fraction[], b: readonly Fraction[], shareA: readonly Fraction[]) {
  const shareB = shareA.map((s) => Q(1).sub(s));
  const val = (pts: readonly Fraction[], sh: readonly Fraction[]): Fraction => sum(pts.map((p, i) => p.mul(sh[i]!)));
  const uA = val(a, shareA);
  const uB = val(b, shareB);
  const efficient = bestForOther(a, b, uA)!.equals(uB) && bestForOther(b, a, uB)!.equals(uA);
  return { uA, uB, equitable: uA.equals(uB), envyFree: uA.gte(val(a, shareB)) && uB.gte(val(b, shareA)), efficient };
}

/** The total of both parties at the (unique) equitable point of the Pareto frontier. */
function oracleEquitableValue(a: readonly Fraction[], b: readonly Fraction[]): Fraction {
  const g = (t: Fraction): Fraction => t.sub(bestForOther(a, b, t)!); // strictly increasing in t
  const order = a.map((_, i) => i).filter((i) => a[i]!.gt(0));
  order.sort((i, j) => b[i]!.mul(a[j]!).compare(b[j]!.mul(a[i]!)));
  let prev = Q(0);
  for (const i of order) {
    const next = prev.add(a[i]!);
    const gn = g(next);
    if (gn.gte(0)) {
      const gp = g(prev);
      return gn.equals(0) ? next : prev.add(gp.neg().mul(next.sub(prev)).div(gn.sub(gp)));
    }
    prev = next;
  }
  throw new Error("no crossing");
}

const toInput = (raw: readonly (readonly [number | string, number | string])[]): PointsInput => ({
  parties: ["a", "b"],
  items: raw.map((r, i) => ({ id: `i${i}`, points: { a: r[0], b: r[1] } })),
});

const shareOfA = (r: AdjustedWinnerResult): Fraction[] => r.items.map((it) => Q(r.allocation[it.id]!.a!));

const pointVector = fc
  .array(fc.tuple(fc.oneof(fc.nat(100), fc.nat(4)), fc.oneof(fc.nat(100), fc.nat(4))), { minLength: 1, maxLength: 8 })
  .filter((rows) => rows.some((r) => r[0] > 0) && rows.some((r) => r[1] > 0));

// ---------------------------------------------------------------------------------------------

describe("adjustedWinner: Bob and Carol (docs/reference/cases.md part 2)", () => {
  it("reproduces the published division exactly", async () => {
    const data = JSON.parse(await fs.readFile("examples/points/bob-carol.json", "utf8")) as PointsInput;
    const r = adjustedWinner(data);
    expect(r.allocation).toEqual({
      retirement: { carol: "5/6", bob: "1/6" },
      home: { carol: "0", bob: "1" },
      cottage: { carol: "1", bob: "0" },
      investments: { carol: "0", bob: "1" },
      other: { carol: "0", bob: "1" },
    });
    expect(r.points).toEqual({ carol: "170/3", bob: "170/3" });
    expect(r.split).toEqual({ item: "retirement", fraction: "1/6", from: "carol", to: "bob" });
    expect(r.checks).toEqual({ equitable: true, envyFree: true, efficient: true });
  });

  it("gives the tied investments to Bob, who is behind, leaving Carol 65 and Bob 50 before transfers", () => {
    const r = adjustedWinner(toBobCarol());
    const tie = r.steps.find((s) => s.kind === "tie");
    expect(tie).toMatchObject({ item: "investments", party: "bob", totals: { carol: "65", bob: "50" } });
    expect(r.steps.find((s) => s.kind === "ahead")).toMatchObject({
      party: "carol",
      totals: { carol: "65", bob: "50" },
    });
  });

  it("matches the CLI contract shape for parties a and b", () => {
    const r = adjustedWinner({
      parties: ["a", "b"],
      items: toBobCarol().items.map((it) => ({ id: it.id, points: { a: it.points.carol!, b: it.points.bob! } })),
    });
    expect(r.allocation.retirement).toEqual({ a: "5/6", b: "1/6" });
    expect(r.points).toEqual({ a: "170/3", b: "170/3" });
    expect(r.split).toMatchObject({ item: "retirement", fraction: "1/6" });
  });

  it("returns a frozen result", () => {
    const r = adjustedWinner(toBobCarol());
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.allocation.retirement)).toBe(true);
  });
});

function toBobCarol(): PointsInput {
  const rows: [string, number, number][] = [
    ["retirement", 50, 40],
    ["home", 20, 30],
    ["cottage", 15, 10],
    ["investments", 10, 10],
    ["other", 5, 10],
  ];
  return { parties: ["carol", "bob"], items: rows.map(([id, carol, bob]) => ({ id, points: { carol, bob } })) };
}

describe("adjustedWinner: tie rules (hand-computed)", () => {
  it("gives tied items to the first party when the untied totals are level, then splits them", () => {
    // untied: a gets y (50), b gets z (50); the tie x (40/40) goes to a: a 90, b 50; x passes first
    // (ratio 1) and is split in half: both end with 50 + 20 = 70.
    const input = {
      parties: ["a", "b"],
      items: [
        { id: "x", points: { a: 40, b: 40 } },
        { id: "y", points: { a: 50, b: 10 } },
        { id: "z", points: { a: 10, b: 50 } },
      ],
    };
    const r = adjustedWinner(input);
    expect(r.steps.find((s) => s.kind === "tie")).toMatchObject({
      item: "x",
      party: "a",
      totals: { a: "90", b: "50" },
    });
    expect(r.allocation).toEqual({ x: { a: "1/2", b: "1/2" }, y: { a: "1", b: "0" }, z: { a: "0", b: "1" } });
    expect(r.points).toEqual({ a: "70", b: "70" });
    expect(r.split).toEqual({ item: "x", fraction: "1/2", from: "a", to: "b" });
  });

  it("passes the item listed first when two items have the same ratio", () => {
    // a holds p and q (40/20 each, ratio 2), b holds r: a 80, b 60. p passes first and is split:
    // a keeps 2/3 (a 40 + 80/3 = 200/3, b 60 + 20/3 = 200/3).
    const items = [
      { id: "p", points: { a: 40, b: 20 } },
      { id: "q", points: { a: 40, b: 20 } },
      { id: "r", points: { a: 20, b: 60 } },
    ];
    const r = adjustedWinner({ parties: ["a", "b"], items });
    expect(r.split).toEqual({ item: "p", fraction: "1/3", from: "a", to: "b" });
    expect(r.allocation.q).toEqual({ a: "1", b: "0" });
    expect(r.points).toEqual({ a: "200/3", b: "200/3" });
    const swapped = adjustedWinner({ parties: ["a", "b"], items: [items[1]!, items[0]!, items[2]!] });
    expect(swapped.split).toEqual({ item: "q", fraction: "1/3", from: "a", to: "b" });
  });

  it("splits nothing when a whole transfer makes the totals equal", () => {
    // a holds u (12/10, ratio 6/5) and v (60/40, ratio 3/2): 72 against b's 50; u passes whole: 60 and 60.
    const r = adjustedWinner({
      parties: ["a", "b"],
      items: [
        { id: "u", points: { a: 12, b: 10 } },
        { id: "v", points: { a: 60, b: 40 } },
        { id: "w", points: { a: 28, b: 50 } },
      ],
    });
    expect(r.split).toBeNull();
    expect(r.allocation).toEqual({ u: { a: "0", b: "1" }, v: { a: "1", b: "0" }, w: { a: "0", b: "1" } });
    expect(r.points).toEqual({ a: "60", b: "60" });
    expect(r.steps.map((s) => s.kind)).toEqual(["normalise", "assign", "assign", "assign", "ahead", "transfer"]);
  });
});

describe("adjustedWinner: properties against a brute-force oracle", () => {
  it("is a division with at most one split item, equitable, envy-free and efficient", () => {
    fc.assert(
      fc.property(pointVector, (raw) => {
        const r = adjustedWinner(toInput(raw));
        const [a, b] = oracleNormalise(raw);
        const sA = shareOfA(r);
        let fractional = 0;
        for (const it of r.items) {
          const x = Q(r.allocation[it.id]!.a!);
          const y = Q(r.allocation[it.id]!.b!);
          expect(x.add(y).equals(1)).toBe(true);
          expect(x.gte(0) && y.gte(0)).toBe(true);
          if (!x.equals(0) && !x.equals(1)) fractional++;
        }
        expect(fractional).toBeLessThanOrEqual(1);
        expect(fractional === 1).toBe(r.split !== null);
        const o = oracleChecks(a, b, sA);
        expect(o.equitable).toBe(true);
        expect(o.envyFree).toBe(true);
        expect(o.efficient).toBe(true);
        expect(r.points.a).toBe(o.uA.toFraction());
        expect(r.points.b).toBe(o.uB.toFraction());
        expect(o.uA.equals(oracleEquitableValue(a, b))).toBe(true);
        expect(r.checks).toEqual({ equitable: true, envyFree: true, efficient: true });
        if (r.split) {
          expect(r.allocation[r.split.item]![r.split.to]).toBe(r.split.fraction);
          expect(Q(r.points[r.split.from]!).equals(Q(r.points[r.split.to]!))).toBe(true);
        }
      }),
    );
  });

  it("gives the same division for points that do not sum to 100 as for the normalised points", () => {
    const scale = fc.oneof(fc.integer({ min: 1, max: 9 }).map(String), fc.constantFrom("1/3", "2.5", "7/11", "0.01"));
    fc.assert(
      fc.property(pointVector, scale, scale, (raw, ka, kb) => {
        const scaled = raw.map((r) => [Q(r[0]).mul(Q(ka)).toFraction(), Q(r[1]).mul(Q(kb)).toFraction()] as const);
        const [a, b] = oracleNormalise(raw);
        const normalised = a.map((x, i) => [x.toFraction(), b[i]!.toFraction()] as const);
        const r1 = adjustedWinner(toInput(scaled));
        const r2 = adjustedWinner(toInput(normalised));
        expect(r1.allocation).toEqual(r2.allocation);
        expect(r1.points).toEqual(r2.points);
        expect(r1.split).toEqual(r2.split);
        expect(r2.normalisation.factors).toEqual({ a: "1", b: "1" });
      }),
    );
  });

  it("checks agree with the oracle on arbitrary divisions, fair or not", () => {
    const share = fc.oneof(
      fc.constantFrom("0", "1", "1/2"),
      fc
        .tuple(fc.nat(6), fc.integer({ min: 1, max: 6 }))
        .filter(([p, q]) => p <= q)
        .map(([p, q]) => `${p}/${q}`),
    );
    let seenInefficient = false;
    let seenEnvy = false;
    fc.assert(
      fc.property(
        pointVector.chain((raw) =>
          fc.tuple(fc.constant(raw), fc.array(share, { minLength: raw.length, maxLength: raw.length })),
        ),
        ([raw, shares]) => {
          const t = normalisePoints(toInput(raw));
          const s = shares.map((x) => Q(x));
          const got = fairnessChecks(t.points[0], t.points[1], s);
          const [a, b] = oracleNormalise(raw);
          const o = oracleChecks(a, b, s);
          seenInefficient ||= !o.efficient;
          seenEnvy ||= !o.envyFree;
          expect(got).toEqual({ equitable: o.equitable, envyFree: o.envyFree, efficient: o.efficient });
        },
      ),
    );
    expect(seenInefficient && seenEnvy).toBe(true);
  });
});

describe("adjustedWinner: input errors name the JSON path", () => {
  const ok = (): Record<string, unknown> => ({
    parties: ["a", "b"],
    items: [
      { id: "x", points: { a: 60, b: 40 } },
      { id: "y", points: { a: 40, b: 60 } },
    ],
  });
  const withPoints = (pts: Record<string, unknown>): PointsInput =>
    ({
      ...ok(),
      items: [
        { id: "x", points: pts },
        { id: "y", points: { a: 1, b: 1 } },
      ],
    }) as unknown as PointsInput;
  const cases: [string, unknown, RegExp][] = [
    ["not an object", [1, 2], /^\$: is \[1,2\]; expected an object/],
    [
      "three parties",
      { ...ok(), parties: ["a", "b", "c"] },
      /^\$\.parties: has 3 parties; expected exactly two parties/,
    ],
    ["one party", { ...ok(), parties: ["a"] }, /^\$\.parties: has 1 party; expected exactly two/],
    ["parties missing", { items: [] }, /^\$\.parties: missing; expected an array of two party ids/],
    ["duplicate party", { ...ok(), parties: ["a", "a"] }, /^\$\.parties\[1\]: duplicate party id "a"/],
    [
      "negative points",
      withPoints({ a: -1, b: 5 }),
      /^\$\.items\[0\]\.points\.a: is -1 \(negative\); expected a number >= 0/,
    ],
    ["NaN points", withPoints({ a: 1, b: Number.NaN }), /^\$\.items\[0\]\.points\.b: is NaN; expected a number >= 0/],
    [
      "infinite points",
      withPoints({ a: Number.POSITIVE_INFINITY, b: 1 }),
      /^\$\.items\[0\]\.points\.a: is Infinity; expected a finite number/,
    ],
    ["text points", withPoints({ a: "lots", b: 1 }), /^\$\.items\[0\]\.points\.a: is "lots"; expected a number >= 0/],
    ["negative fraction text", withPoints({ a: "-1/2", b: 1 }), /^\$\.items\[0\]\.points\.a: is "-1\/2" \(negative\)/],
    ["zero denominator", withPoints({ a: "1/0", b: 1 }), /^\$\.items\[0\]\.points\.a: is "1\/0" \(division by zero\)/],
    [
      "unknown party",
      withPoints({ a: 1, b: 1, c: 3 }),
      /^\$\.items\[0\]\.points\.c: unknown party "c"; expected one of the parties in \$\.parties/,
    ],
    [
      "missing party",
      withPoints({ a: 1 }),
      /^\$\.items\[0\]\.points\.b: missing; expected the points party "b" puts on "x"/,
    ],
    [
      "party with no points",
      { ...ok(), items: [{ id: "x", points: { a: 1, b: 0 } }] },
      /^\$\.items\[\*\]\.points\.b: party "b" puts 0 points on every item/,
    ],
    ["no items", { ...ok(), items: [] }, /^\$\.items: is empty; expected a non-empty array/],
    [
      "duplicate item",
      {
        ...ok(),
        items: [
          { id: "x", points: { a: 1, b: 1 } },
          { id: "x", points: { a: 1, b: 1 } },
        ],
      },
      /^\$\.items\[1\]\.id: duplicate item id "x" \(also at index 0\)/,
    ],
    [
      "item without id",
      { ...ok(), items: [{ points: { a: 1, b: 1 } }] },
      /^\$\.items\[0\]\.id: missing; expected an item id/,
    ],
    [
      "reserved item id",
      { ...ok(), items: [{ id: "__proto__", points: { a: 1, b: 1 } }] },
      /^\$\.items\[0\]\.id: is "__proto__"; expected an item id \(letters, digits/,
    ],
    ["bad party id", { ...ok(), parties: ["a", " b"] }, /^\$\.parties\[1\]: is " b"; expected a party id \(letters/],
    [
      "unknown item field",
      { ...ok(), items: [{ id: "x", pionts: { a: 1, b: 1 } }] },
      /^\$\.items\[0\]\.pionts: unknown field "pionts"/,
    ],
    ["unknown top field", { ...ok(), partys: [] }, /^\$\.partys: unknown field "partys"/],
    [
      "label not text",
      { ...ok(), items: [{ id: "x", label: 3, points: { a: 1, b: 1 } }] },
      /^\$\.items\[0\]\.label: is 3; expected a string/,
    ],
  ];
  it.each(cases)("%s", (_name, input, message) => {
    let error: unknown;
    try {
      adjustedWinner(input as PointsInput);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toMatch(message);
  });

  it("reads decimals and fraction strings exactly", () => {
    const r = adjustedWinner({
      parties: ["a", "b"],
      items: [
        { id: "x", points: { a: 0.1, b: "1/3" } },
        { id: "y", points: { a: "0.2", b: "2/3" } },
      ],
    });
    expect(r.normalisation.inputTotals).toEqual({ a: "3/10", b: "1" });
    expect(r.items[0]!.points).toEqual({ a: "100/3", b: "100/3" });
    const tiny = adjustedWinner({
      parties: ["a", "b"],
      items: [
        { id: "x", points: { a: 1e-7, b: "2.5e-7" } },
        { id: "y", points: { a: "3E-7", b: 1e21 } },
      ],
    });
    expect(tiny.normalisation.inputTotals).toEqual({ a: "1/2500000", b: `4${"0".repeat(26)}1/4000000` }); // 1e21 + 2.5e-7 = (4e27 + 1) / 4e6
  });

  it("refuses amounts too long or too large to read quickly", () => {
    expect(() => adjustedWinner(withPoints({ a: "1e999999999", b: 1 }))).toThrow(
      /^\$\.items\[0\]\.points\.a: is "1e999999999"; expected a number >= 0/,
    );
    expect(() => adjustedWinner(withPoints({ a: `${"9".repeat(300)}`, b: 1 }))).toThrow(
      /^\$\.items\[0\]\.points\.a: is "9{300}"; expected/,
    );
  });
});

describe("treatylab divide (CLI)", () => {
  async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      isTTY: false,
      columns: 100,
    });
    return { code, out: out.join(""), err: err.join("") };
  }
  async function tmpJson(data: unknown): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tl-divide-"));
    const file = path.join(dir, "points.json");
    await fs.writeFile(file, JSON.stringify(data));
    return file;
  }

  it("prints the JSON contract with exact fractions", async () => {
    const file = await tmpJson({
      parties: ["a", "b"],
      items: toBobCarol().items.map((it) => ({ id: it.id, points: { a: it.points.carol, b: it.points.bob } })),
    });
    const { code, out } = await cli(["divide", file, "--format", "json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as AdjustedWinnerResult;
    expect(json.allocation.retirement).toEqual({ a: "5/6", b: "1/6" });
    expect(json.points).toEqual({ a: "170/3", b: "170/3" });
    expect(json.split).toMatchObject({ item: "retirement", fraction: "1/6" });
    expect(json.checks).toEqual({ equitable: true, envyFree: true, efficient: true });
  });

  it("prints a table and markdown with the split and the checks", async () => {
    const table = await cli(["divide", "examples/points/bob-carol.json"]);
    expect(table.code).toBe(0);
    expect(table.out).toContain("170/3 (56.667)");
    expect(table.out).toContain("Split: retirement: 1/6 of it passes from carol to bob (carol keeps 5/6).");
    expect(table.out).toContain("equitable yes, envy-free yes, efficient yes");
    const md = await cli(["divide", "examples/points/bob-carol.json", "--format", "markdown"]);
    expect(md.out).toContain("| retirement (Retirement account) | 50 | 40 | 5/6 | 1/6 |");
  });

  it("exits 2 with one line naming the file and the JSON path on bad input", async () => {
    const file = await tmpJson({ parties: ["a", "b"], items: [{ id: "x", points: { a: -3, b: 1 } }] });
    const { code, err } = await cli(["divide", file]);
    expect(code).toBe(2);
    expect(err).toBe(
      `treatylab: ${file}: $.items[0].points.a: is -3 (negative); expected a number >= 0 (or a string such as "1/3" or "12.5")\n`,
    );
  });
});

it("errors are TreatylabErrors", () => {
  expect(() => adjustedWinner({} as PointsInput)).toThrow(TreatylabError);
});
