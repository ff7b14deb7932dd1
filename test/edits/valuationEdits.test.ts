import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { applyEdits } from "../../src/edits/applyEdits.js";
import type { ScenarioEdit } from "../../src/edits/types.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";

type Mutable = {
  parties: {
    id: string;
    interactions?: { value: number }[];
    constituencies?: Record<string, unknown>[];
    ratification?: unknown;
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
};

/** The oracle: the same change made by hand on a JSON copy. */
function byHand(s: Scenario, e: ScenarioEdit): Scenario {
  const d = JSON.parse(JSON.stringify(s)) as Mutable;
  const p = d.parties.find((x) => x.id === (e as { party: string }).party)!;
  const who = (c?: string): Record<string, unknown> & { interactions?: { value: number }[]; redLines?: unknown[] } =>
    (c === undefined ? p : p.constituencies!.find((k) => k.id === c)!) as never;
  switch (e.op) {
    case "removeInteraction":
      who(e.constituency).interactions!.splice(e.index, 1);
      break;
    case "setInteraction":
      who(e.constituency).interactions![e.index]!.value = e.value;
      break;
    case "removeRedLine":
      who(e.constituency).redLines!.splice(e.index, 1);
      break;
    case "setReservation":
      who(e.constituency).reservation = e.value;
      break;
    case "setWeight":
      (who(e.constituency).weights as Record<string, number>)[e.issue] = e.value;
      break;
    case "removeConstituency":
      p.constituencies = p.constituencies!.filter((k) => k.id !== e.constituency);
      if (!p.constituencies.length) {
        delete p.constituencies;
        delete p.ratification;
      }
      break;
    default:
      throw new Error(`no oracle for ${e.op}`);
  }
  return validateScenario(d);
}

const RAT = builtinScenario("ukraine-2025-ratification");

describe("edits of interaction terms and constituencies", () => {
  it("remove and set interaction terms of a party, as a hand edit does", () => {
    const s = builtinScenario("ukraine-2025");
    const off: ScenarioEdit = { op: "removeInteraction", party: "ukraine", index: 0 };
    const after = applyEdits(s, [off]);
    expect(after).toEqual(byHand(s, off));
    expect(after.parties.find((p) => p.id === "ukraine")!.interactions).toEqual([]);
    const set: ScenarioEdit = { op: "setInteraction", party: "russia", index: 0, value: 0.2 };
    expect(applyEdits(s, [set])).toEqual(byHand(s, set));
    // the term counts: a larger corridor bonus changes the analysis
    expect(analyze(applyEdits(s, [{ ...set, value: -0.5 }])).zopa.count).not.toBe(analyze(s).zopa.count);
  });

  it("with a constituency, change that constituency's numbers and nothing of the party's", () => {
    const edits: ScenarioEdit[] = [
      { op: "setReservation", party: "ukraine", constituency: "referendum", value: 0.3 },
      { op: "setWeight", party: "us", constituency: "congress", issue: "sanctions", value: 1 },
      { op: "removeRedLine", party: "us", constituency: "congress", index: 0 },
    ];
    let want = RAT;
    for (const e of edits) want = byHand(want, e);
    const after = applyEdits(RAT, edits);
    expect(after).toEqual(want);
    const ua = after.parties.find((p) => p.id === "ukraine")!;
    expect(ua.reservation).toBe(RAT.parties.find((p) => p.id === "ukraine")!.reservation);
    expect(ua.constituencies![0]!.reservation).toBe(0.3);
  });

  it("remove a constituency (the ratification rule goes with the last one), and the win-set widens", () => {
    const rule = validateScenario({
      ...JSON.parse(JSON.stringify(RAT)),
      parties: RAT.parties.map((p) => (p.id === "us" ? { ...p, ratification: { rule: "majority" } } : p)),
    });
    const e: ScenarioEdit = { op: "removeConstituency", party: "us", constituency: "congress" };
    const after = applyEdits(rule, [e]);
    expect(after).toEqual(byHand(rule, e));
    expect(after.parties.find((p) => p.id === "us")!.ratification).toBeUndefined();
    const both = applyEdits(RAT, [e, { op: "removeConstituency", party: "ukraine", constituency: "referendum" }]);
    expect(analyze(both).zopa.count).toBe(analyze(builtinScenario("ukraine-2025")).zopa.count);
    expect(analyze(both).zopa.count).toBeGreaterThan(analyze(RAT).zopa.count);
  });

  it("any sequence of these edits equals the hand-made changes (property)", () => {
    const edit: fc.Arbitrary<ScenarioEdit> = fc.oneof(
      fc.record({
        op: fc.constant("setInteraction" as const),
        party: fc.constantFrom("russia", "ukraine"),
        index: fc.constant(0),
        value: fc.integer({ min: -10, max: 10 }).map((x) => x / 10),
      }),
      fc.record({
        op: fc.constant("setReservation" as const),
        party: fc.constant("ukraine"),
        constituency: fc.constant("referendum"),
        value: fc.integer({ min: 0, max: 10 }).map((x) => x / 10),
      }),
      fc.record({
        op: fc.constant("setWeight" as const),
        party: fc.constant("us"),
        constituency: fc.constant("congress"),
        issue: fc.constantFrom("sanctions", "assets", "guarantees"),
        value: fc.integer({ min: 0, max: 5 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), fc.boolean(), (edits, dropRussia) => {
        const all: ScenarioEdit[] = dropRussia
          ? [...edits, { op: "removeInteraction", party: "russia", index: 0 }]
          : edits;
        let want = RAT;
        for (const e of all) want = byHand(want, e);
        expect(applyEdits(RAT, all)).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });

  it("name the place of a bad edit", () => {
    expect(() =>
      applyEdits(RAT, [{ op: "setReservation", party: "ukraine", constituency: "rada", value: 0.3 }]),
    ).toThrow('edits[0].constituency: "ukraine" has no constituency "rada"; expected one of "referendum"');
    expect(() => applyEdits(RAT, [{ op: "removeConstituency", party: "russia", constituency: "duma" }])).toThrow(
      'edits[0].constituency: "russia" has no constituency "duma"',
    );
    expect(() => applyEdits(RAT, [{ op: "removeInteraction", party: "us", index: 0 }])).toThrow(
      'edits[0].index: no interaction term 0 for "us"; expected an index below 0',
    );
    expect(() => applyEdits(RAT, [{ op: "setInteraction", party: "russia", index: 0, value: 2 }])).toThrow(
      /interactions\[0\]\.value/,
    );
    expect(() =>
      applyEdits(RAT, [{ op: "removeRedLine", party: "ukraine", constituency: "referendum", index: 9 }]),
    ).toThrow('no red line 9 for "ukraine/referendum"');
    // setValue names the edit for an unknown issue or option, as shiftValue does (it was reported
    // at the edited scenario's path, which does not say which edit of a file was wrong).
    const nash = builtinScenario("nash-1950");
    for (const op of ["setValue", "shiftValue"] as const) {
      const edit = (issue: string, option: string): ScenarioEdit =>
        op === "setValue"
          ? { op, party: "bill", issue, option, value: 1 }
          : { op, party: "bill", issue, option, by: 1 };
      expect(() => applyEdits(nash, [edit("book", "bill"), edit("ball", "nobody")]), op).toThrow(
        'edits[1].option: unknown option "nobody" of issue "ball"; expected one of "bill", "jack"',
      );
      expect(() => applyEdits(nash, [edit("nope", "bill")]), op).toThrow('edits[0].issue: unknown issue "nope"');
    }
  });
});
