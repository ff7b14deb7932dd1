import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { applyEdits } from "../../src/edits/applyEdits.js";
import { applyEditsData } from "../../src/edits/editsData.js";
import type { ScenarioEdit } from "../../src/edits/types.js";
import { scenarioJsonSchema } from "../../src/model/jsonSchema.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { STRUCTURES } from "../helpers/structures.js";

const S: Scenario = validateScenario(STRUCTURES);

type Json = Record<string, any>;

/** The oracle: the same change made by hand on a JSON copy. */
function byHand(s: Scenario, e: ScenarioEdit): Scenario {
  const d = JSON.parse(JSON.stringify(s)) as Json;
  const p = (d.parties as Json[]).find((x) => x.id === (e as { party?: string }).party);
  const who = (c?: string): Json => (c === undefined ? p! : (p!.constituencies as Json[]).find((k) => k.id === c)!);
  switch (e.op) {
    case "setPoint":
      who(e.constituency).values[e.issue].points[e.index] = [e.x, e.value];
      break;
    case "setInteractionWhen":
      who(e.constituency).interactions[e.index].when = e.when;
      break;
    case "setVotes":
      who(e.constituency).votes = e.value;
      break;
    case "setVeto":
      if (e.value) who(e.constituency).veto = true;
      else delete who(e.constituency).veto;
      break;
    case "setRatification":
      p!.ratification = e.quota === undefined ? { rule: e.rule } : { rule: e.rule, quota: e.quota };
      break;
    case "setConstraint":
      d.constraints[e.index].if = e.if;
      d.constraints[e.index].then = e.then;
      break;
    default:
      throw new Error(`no oracle for ${e.op}`);
  }
  return validateScenario(d);
}

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 1 });
const whoArb = fc.constantFrom<{ party: string; constituency?: string }>(
  { party: "a" },
  { party: "a", constituency: "house" },
  { party: "a", constituency: "senate" },
  { party: "b" },
);
/** Points that stay sorted: the index's x kept strictly between its neighbours'. */
const editArb: fc.Arbitrary<ScenarioEdit> = fc.oneof(
  whoArb.chain((w) => {
    const pts = (
      w.constituency
        ? S.parties[0]!.constituencies!.find((k) => k.id === w.constituency)!
        : S.parties.find((p) => p.id === w.party)!
    ).values.share as { points: [number, number][] };
    return fc.integer({ min: 0, max: pts.points.length - 1 }).chain((index) =>
      fc.record({
        op: fc.constant("setPoint" as const),
        ...w_(w),
        issue: fc.constant("share"),
        index: fc.constant(index),
        x: fc.constant(pts.points[index]![0]),
        value: fc.integer({ min: 1, max: 20 }), // 0 could leave every point zero: a valid refusal, not this property
      }),
    );
  }),
  fc.record({
    op: fc.constant("setInteractionWhen" as const),
    party: fc.constant("a"),
    index: fc.constant(0),
    when: fc.record(
      { nato: subset(["open", "moratorium", "closed"]), troops: subset(["none", "few", "many"]) },
      { requiredKeys: ["nato"] },
    ),
  }),
  fc.record({
    op: fc.constant("setVotes" as const),
    party: fc.constant("a"),
    constituency: fc.constantFrom("house", "senate", "court"),
    value: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    op: fc.constant("setVeto" as const),
    party: fc.constant("a"),
    constituency: fc.constantFrom("house", "senate", "court"),
    value: fc.boolean(),
  }),
  fc.oneof(
    fc.record({
      op: fc.constant("setRatification" as const),
      party: fc.constant("a"),
      rule: fc.constantFrom("all" as const, "majority" as const),
    }),
    fc.record({
      op: fc.constant("setRatification" as const),
      party: fc.constant("a"),
      rule: fc.constant("quota" as const),
      quota: fc.constantFrom(0.25, 0.5, 0.75, 1),
    }),
  ),
  fc.record({
    op: fc.constant("setConstraint" as const),
    index: fc.constant(0),
    if: fc.record({ nato: subset(["open", "moratorium", "closed"]) }),
    then: fc.record({ troops: subset(["none", "few", "many"]) }),
  }),
);
function w_(w: { party: string; constituency?: string }): {
  party: fc.Arbitrary<string>;
  constituency?: fc.Arbitrary<string>;
} {
  return w.constituency === undefined
    ? { party: fc.constant(w.party) }
    : { party: fc.constant(w.party), constituency: fc.constant(w.constituency) };
}

describe("edits of piecewise points, ratification, and interaction and constraint conditions", () => {
  it("any sequence of them equals the same changes made by hand, and the JSON Schema lists each op (property)", () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 6 }), (edits) => {
        expect(applyEdits(S, edits)).toEqual(edits.reduce(byHand, S));
      }),
      { numRuns: 60 },
    );
    const ops = (scenarioJsonSchema() as Json).$defs;
    const text = JSON.stringify(ops ?? scenarioJsonSchema());
    for (const op of ["setPoint", "setInteractionWhen", "setVotes", "setVeto", "setRatification", "setConstraint"])
      expect(text).toContain(`"${op}"`);
  });

  it("each one can change the analysis, and the CLI's edits-file reader takes it", () => {
    const zopa = (s: Scenario): number => analyze(s).zopa.count;
    const base = zopa(S);
    const changes: ScenarioEdit[][] = [
      [{ op: "setPoint", party: "b", issue: "share", index: 1, x: 10, value: 8 }],
      [{ op: "setPoint", party: "a", constituency: "house", issue: "share", index: 0, x: 0, value: 9 }],
      [{ op: "setInteractionWhen", party: "b", index: 0, when: { nato: ["closed"] } }],
      [{ op: "setVeto", party: "a", constituency: "senate", value: false }],
      [{ op: "setRatification", party: "a", rule: "all" }],
      [{ op: "setVotes", party: "a", constituency: "house", value: 1 }],
      [{ op: "setConstraint", index: 0, if: { nato: ["open", "moratorium"] }, then: { troops: "many" } }],
    ];
    for (const edits of changes) {
      const after = applyEditsData(S, { base: "structures", edits }, "edits.json");
      expect(after).toEqual(applyEdits(S, edits));
      expect(zopa(after), JSON.stringify(edits)).not.toBe(base);
    }
  });

  it("on a built-in: with one constituency holding every vote, neither the rule nor its veto changes the analysis; setVeto false drops the field", () => {
    const rat = builtinScenario("ukraine-2025-ratification");
    const z = (edits: ScenarioEdit[]): number => analyze(applyEdits(rat, edits)).zopa.count;
    // With one constituency, the rule cannot matter; taking its veto away does not either (it holds all the votes).
    expect(
      z([
        { op: "setRatification", party: "ukraine", rule: "majority" },
        { op: "setVeto", party: "ukraine", constituency: "referendum", value: false },
      ]),
    ).toBe(z([]));
    expect(
      applyEdits(rat, [{ op: "setVeto", party: "us", constituency: "congress", value: false }]).parties.find(
        (p) => p.id === "us",
      )!.constituencies![0],
    ).not.toHaveProperty("veto");
  });

  it("names the place of a bad edit", () => {
    const bad = (e: unknown): string => {
      try {
        applyEditsData(S, [e], "e.json");
      } catch (err) {
        return (err as Error).message;
      }
      return "accepted";
    };
    expect(bad({ op: "setPoint", party: "a", issue: "nato", index: 0, x: 0, value: 1 })).toBe(
      'e.json: edits[0].issue: "a" has no piecewise values for "nato"; expected a numeric issue valued by { points: [[x, value], ...] } (setValue for values per option)',
    );
    expect(bad({ op: "setPoint", party: "a", issue: "share", index: 3, x: 0, value: 1 })).toBe(
      'e.json: edits[0].index: no point 3 in "a"\'s values for "share"; expected an index below 3',
    );
    expect(bad({ op: "setPoint", party: "a", issue: "share", index: 1, x: 11, value: 1 })).toMatch(
      /^e\.json: \$\.parties\[0\]\.values\.share\.points\[2\]: x is not above the previous point's x/,
    );
    expect(bad({ op: "setPoint", party: "a", issue: "share", index: 1, value: 1 })).toBe(
      "e.json: edits[0].x: is missing; expected a finite number",
    );
    expect(bad({ op: "setVotes", party: "a", constituency: "lords", value: 1 })).toBe(
      'e.json: edits[0].constituency: "a" has no constituency "lords"; expected one of "house", "senate", "court"',
    );
    expect(bad({ op: "setVotes", party: "a", constituency: "house", value: 0 })).toMatch(/^e\.json: .*votes/);
    expect(bad({ op: "setVeto", party: "a", constituency: "house", value: "yes" })).toBe(
      'e.json: edits[0].value: is "yes"; expected true or false',
    );
    expect(bad({ op: "setRatification", party: "a", rule: "quota" })).toBe(
      "e.json: edits[0].quota: is missing; expected a share of votes in (0, 1] for the quota rule, e.g. 0.667",
    );
    expect(bad({ op: "setRatification", party: "a", rule: "most" })).toBe(
      'e.json: edits[0].rule: is "most"; expected "all", "majority" or "quota"',
    );
    expect(bad({ op: "setRatification", party: "a", rule: "all", quota: 0.5 })).toBe(
      'e.json: edits[0].quota: is given with rule "all"; expected no quota, or rule "quota"',
    );
    expect(bad({ op: "setRatification", party: "b", rule: "all" })).toMatch(
      /^e\.json: .*ratification: is set but the party has no constituencies/,
    );
    expect(bad({ op: "setInteractionWhen", party: "b", index: 1, when: { nato: "open" } })).toBe(
      'e.json: edits[0].index: no interaction term 1 for "b"; expected an index below 1',
    );
    expect(bad({ op: "setInteractionWhen", party: "b", index: 0, when: {} })).toMatch(
      /^e\.json: .*interactions\[0\]\.when: is empty/,
    );
    expect(bad({ op: "setInteractionWhen", party: "b", index: 0, when: { nato: "shut" } })).toMatch(
      /^e\.json: .*unknown option "shut" of issue "nato"/,
    );
    expect(bad({ op: "setConstraint", index: 1, if: {}, then: { nato: "open" } })).toBe(
      "e.json: edits[0].index: no constraint 1; expected an index below 1",
    );
    expect(bad({ op: "setConstraint", index: 0, if: { nato: "open" } })).toBe(
      "e.json: edits[0].then: is missing; expected an object",
    );
    expect(bad({ op: "setConstraint", index: 0, if: { nato: "open" }, then: {} })).toMatch(
      /^e\.json: .*constraints\[0\]\.then: is empty/,
    );
    expect(bad({ op: "setVoters" })).toMatch(
      /unknown edit "setVoters"; expected one of .*setVotes, setVeto, setRatification/,
    );
  });
});
