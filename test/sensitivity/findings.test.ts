import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parameterEdit, parseParameter } from "../../src/edits/parameter.js";
import type { Scenario } from "../../src/model/types.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { breakEven } from "../../src/sensitivity/breakEven.js";
import { type Finding, findings } from "../../src/sensitivity/findings.js";
import { whatIfOutcome } from "../../src/sensitivity/whatIfOutcome.js";
import { run, unwrapped } from "../cli/run.js";

// Two issues, two parties: the zone is the one bundle (A = x, B = p). Hawk: (x,p) 0.75 against
// reservation 0.6; dove: (x,p) 0.7 against 0.6. Both options are pivotal and neither is the top
// option of the party whose value the findings name: dove's value of x (4 of 10) may fall to 2,
// hawk's value of p (5 of 10) to 2.
const fixture: Scenario = {
  id: "pivot",
  issues: [
    { id: "A", options: [{ id: "x" }, { id: "y" }] },
    { id: "B", options: [{ id: "p" }, { id: "q" }] },
  ],
  parties: [
    { id: "hawk", weights: { A: 1, B: 1 }, values: { A: { x: 10, y: 0 }, B: { p: 5, q: 10 } }, reservation: 0.6 },
    {
      id: "dove",
      weights: { A: 1, B: 1 },
      values: { A: { x: 4, y: 10 }, B: { p: 10, q: 0 } },
      reservation: 0.6,
      notes: { "values.A": { text: "a guess", confidence: "low" } },
    },
  ],
};

/** The finding holds exactly: the zone exists at the threshold and is empty just past it. */
function checkAtThreshold(s: Scenario, f: Finding, eps = 1e-6): void {
  const ref = parseParameter(f.parameter);
  const inside = f.holdsWhile === "atMost" ? f.threshold - eps : f.threshold + eps;
  const outside = f.holdsWhile === "atMost" ? f.threshold + eps : f.threshold - eps;
  expect(whatIfOutcome(s, [parameterEdit(ref, inside)], "nash").zopaEmpty).toBe(false);
  expect(whatIfOutcome(s, [parameterEdit(ref, outside)], "nash").zopaEmpty).toBe(true);
}

describe("findings: what the zone of agreement hangs on", () => {
  it("names pivotal options and the values and reservations the zone needs, nearest first", () => {
    const r = findings(fixture, { max: 10 });
    expect(r.pivotalOptions.map((p) => `${p.issue}=${p.option}`)).toEqual(["A=x", "B=p"]);
    expect(
      r.findings.map((f) =>
        [f.parameter, f.threshold, f.margin].map((x) => (typeof x === "number" ? Number(x.toFixed(9)) : x)),
      ),
    ).toEqual([
      ["parties.dove.reservation", 0.7, 0.1],
      ["parties.hawk.reservation", 0.75, 0.15],
      ["parties.dove.values.A.x", 2, 0.2],
      ["parties.hawk.values.B.p", 2, 0.3],
    ]);
    expect(r.findings[2]!.text).toBe(
      "The zone of agreement exists only while dove values x on A at 2 of 10 or more (now 4; every bundle in the zone has it); confidence low.",
    );
    // parties, issues and options are named by their labels where they have them (ids here)
    expect(r.pivotalOptions[0]!.text).toBe(
      "Every bundle in the zone of agreement has x on A: ruling it out empties the zone.",
    );
    for (const f of r.findings) checkAtThreshold(fixture, f);
    expect(findings(fixture).findings).toHaveLength(3); // default max
  });

  it("reservation thresholds equal break-even's ZOPA change (the existing search) on nash-1950", () => {
    const nash = builtinScenario("nash-1950");
    const f = findings(nash);
    const b = breakEven(nash, { parameters: ["parties.*.reservation"] });
    for (const e of b.entries) {
      const mine = f.findings.find((x) => x.parameter === e.parameter)!;
      expect(mine.holdsWhile).toBe("atMost");
      expect(Math.abs(mine.threshold - e.zopa.up!.keptUpTo)).toBeLessThan(1e-6);
    }
    // the text names the party by its label (as the report's and the CLI's tables do), the parameter by its id
    const jack = f.findings.find((x) => x.parameter === "parties.jack.reservation")!;
    expect(jack.text).toMatch(/^The zone of agreement exists only while Jack's reservation stays at or below /);
  });

  it("skips parties with constituencies, and says nothing on an empty zone", () => {
    const rat = builtinScenario("ukraine-2025-ratification");
    const withConstituencies = rat.parties.filter((p) => (p.constituencies?.length ?? 0) > 0).map((p) => p.id);
    const r = findings(rat, { max: 20 });
    expect(r.skipped.map((x) => x.party)).toEqual(withConstituencies);
    expect(r.findings.every((f) => !withConstituencies.includes(f.party))).toBe(true);
    const empty = findings({ ...fixture, parties: fixture.parties.map((p) => ({ ...p, reservation: 0.99 })) });
    expect(empty.findings).toEqual([]);
  });

  it("every finding holds exactly on random small scenarios (property, against exact probes)", () => {
    const scenario = fc.record({
      hawkValues: fc.tuple(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
      ),
      doveValues: fc.tuple(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
      ),
      weights: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
      reservations: fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 90 })),
    });
    let values = 0;
    fc.assert(
      fc.property(scenario, ({ hawkValues, doveValues, weights, reservations }) => {
        const s: Scenario = {
          id: "random",
          issues: [
            { id: "A", options: [{ id: "x" }, { id: "y" }, { id: "z" }] },
            { id: "B", options: [{ id: "p" }, { id: "q" }] },
          ],
          parties: [
            {
              id: "hawk",
              weights: { A: weights[0], B: 1 },
              values: { A: { x: hawkValues[0], y: hawkValues[1], z: hawkValues[2] || 1 }, B: { p: 3, q: 10 } },
              reservation: reservations[0] / 100,
            },
            {
              id: "dove",
              weights: { A: weights[1], B: 1 },
              values: { A: { x: doveValues[0], y: doveValues[1], z: doveValues[2] || 1 }, B: { p: 10, q: 2 } },
              reservation: reservations[1] / 100,
            },
          ],
        };
        for (const f of findings(s, { max: 10 }).findings) {
          checkAtThreshold(s, f);
          if (f.kind === "value") values++;
        }
      }),
      { numRuns: 60, seed: 14 },
    );
    expect(values).toBeGreaterThan(5); // the property is not vacuous: value findings do occur
  });

  it("analyze --findings (table, markdown, json) and the report's section", async () => {
    const f = findings(builtinScenario("nash-1950"));
    const t = await run("analyze", "nash-1950", "--findings");
    expect(t.out).toContain("What the result hangs on");
    for (const x of f.findings) expect(unwrapped(t.out)).toContain(x.text);
    const j = await run("analyze", "nash-1950", "--findings", "1", "--format", "json");
    expect(JSON.parse(j.out).findings.findings).toEqual(JSON.parse(JSON.stringify(f.findings.slice(0, 1))));
    expect((await run("analyze", "nash-1950", "--format", "json")).out).not.toContain('"findings"');
    const m = await run("analyze", "nash-1950", "--findings", "--format", "markdown");
    expect(m.out).toContain(`- ${f.findings[0]!.text}`);
    const html = await run("report", "nash-1950");
    expect(html.out).toContain('<section id="findings">');
    expect(html.out).toContain(f.findings[0]!.text.replace(/'/g, "&#39;"));
    expect((await run("report", "nash-1950", "--no-findings")).out).not.toContain('<section id="findings">');
  });
});
