import { describe, expect, it } from "vitest";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import { backtest } from "../../src/cases/backtest.js";
import { HISTORICAL_CASES } from "../../src/cases/registry.js";
import { caseStability } from "../../src/cases/stability.js";
import { expectedStable, type HistoricalCase } from "../../src/cases/types.js";
import type { Bundle } from "../../src/model/types.js";
import { STABILITY_CONCEPTS } from "../../src/stability/concepts.js";
import type { GraphModel } from "../../src/stability/model.js";
import { run } from "../cli/run.js";
import { Oracle } from "../stability/oracle.js";

/**
 * The graph model of a case built here from scratch, not with graphModelFromScenario: one binary
 * option per (controlled issue, option other than the text's), at most one Y per issue, every
 * combination's bundle checked with checkProposal (feasibility and each party's utility).
 */
function independentModel(hc: HistoricalCase): {
  model: GraphModel;
  bundles: Map<number, Bundle>;
  options: { party: string; issue: string; option: string }[];
} {
  const options: { party: string; issue: string; option: string }[] = [];
  for (const [party, c] of Object.entries(hc.control))
    for (const issueId of c.issues) {
      const issue = hc.scenario.issues.find((i) => i.id === issueId)!;
      if (issue.type === "numeric") throw new Error("numeric issue in a case");
      for (const o of issue.options)
        if (o.id !== hc.text.bundle[issueId]) options.push({ party, issue: issueId, option: o.id });
    }
  const parties = Object.keys(hc.control);
  const bundles = new Map<number, Bundle>();
  const values = new Map<string, number[]>(parties.map((p) => [p, []]));
  const infeasible: [number, "Y" | "N"][][] = [];
  for (let s = 0; s < 2 ** options.length; s++) {
    const chosen = options.filter((_, k) => (s >> k) & 1);
    if (new Set(chosen.map((o) => o.issue)).size < chosen.length) continue; // two options of one issue: excluded below
    const bundle: Record<string, string> = { ...hc.text.bundle };
    for (const o of chosen) bundle[o.issue] = o.option;
    const check = checkProposal(hc.scenario, bundle, { alternatives: 0 });
    if (!check.feasible) {
      infeasible.push(options.map((_, k) => [k, (s >> k) & 1 ? "Y" : "N"]));
      continue;
    }
    bundles.set(s, bundle);
    for (const p of parties) values.get(p)!.push(check.utilities[p]!);
  }
  const groups = [...new Set(options.map((o) => o.issue))].map((issue) =>
    options.flatMap((o, k) => (o.issue === issue ? [k] : [])),
  );
  const model: GraphModel = {
    options: options.map((o) => ({ name: `${o.issue}:${o.option}` })),
    mutuallyExclusive: groups.filter((g) => g.length > 1),
    infeasible,
    decisionMakers: parties.map((p) => ({
      name: p,
      options: options.flatMap((o, k) => (o.party === p ? [k] : [])),
      preference: { values: values.get(p)! },
    })),
  };
  return { model, bundles, options };
}

describe("historical cases: the stability of the signed text", () => {
  for (const hc of HISTORICAL_CASES) {
    it(`${hc.id}: the library's verdict equals the brute-force oracle on an independently built graph model`, () => {
      const got = caseStability(hc);
      const { model, bundles } = independentModel(hc);
      const oracle = new Oracle(model);
      expect(got.states).toBe(oracle.states.length);
      const dms = model.decisionMakers.map((_, i) => i);
      const concepts = STABILITY_CONCEPTS.map((c) => c.key).filter((k) =>
        dms.every((i) => oracle.stable(k, i, 0, "standard")),
      );
      expect(got.concepts).toEqual(concepts);
      expect(got.stable).toBe(concepts.includes("seq"));
      // defections: each party with a unilateral improvement from the text, its best one (ties: the lowest state code)
      const want = dms.flatMap((i) => {
        const uis = oracle.uis(i, 0);
        if (uis.length === 0) return [];
        const best = [...uis].sort((a, b) => oracle.util(i, b) - oracle.util(i, a) || a - b)[0]!;
        const bundle = bundles.get(best)!;
        const changes = Object.fromEntries(
          Object.keys(bundle)
            .filter((k) => bundle[k] !== hc.text.bundle[k])
            .map((k) => [k, bundle[k]!]),
        );
        return [{ party: model.decisionMakers[i]!.name, changes, deterred: oracle.stable("seq", i, 0, "standard") }];
      });
      expect([...got.defections].sort((a, b) => a.party.localeCompare(b.party))).toEqual(
        want.sort((a, b) => a.party.localeCompare(b.party)),
      );
    });
  }

  it("every case's control mapping names parties and issues of its scenario, each issue once, with a sourced note", () => {
    for (const hc of HISTORICAL_CASES) {
      const seen = new Set<string>();
      expect(Object.keys(hc.control).length, hc.id).toBeGreaterThanOrEqual(2);
      for (const [party, c] of Object.entries(hc.control)) {
        expect(
          hc.scenario.parties.map((p) => p.id),
          `${hc.id}: ${party}`,
        ).toContain(party);
        expect(c.issues.length, `${hc.id}: ${party}`).toBeGreaterThan(0);
        for (const issue of c.issues) {
          expect(
            hc.scenario.issues.map((i) => i.id),
            `${hc.id}: ${party}=${issue}`,
          ).toContain(issue);
          expect(seen.has(issue), `${hc.id}: ${issue} controlled twice`).toBe(false);
          seen.add(issue);
        }
        const note = c.note;
        expect(
          typeof note === "object" &&
            (note.text ?? "").length > 30 &&
            (note.source ?? "").length > 10 &&
            note.confidence !== undefined,
          `${hc.id}: ${party} note`,
        ).toBe(true);
      }
    }
  });

  it("the backtest reports the hook's verdict per case, scores signed texts only, and sums the hits", () => {
    const r = backtest({ draws: 0 });
    for (const c of r.cases) {
      const hc = HISTORICAL_CASES.find((h) => h.id === c.id)!;
      const s = caseStability(hc);
      expect(c.stability).toMatchObject({
        stable: s.stable,
        concepts: s.concepts,
        expected: expectedStable(hc.outcome),
      });
      expect(c.stability!.hit).toBe(
        expectedStable(hc.outcome) === null ? null : s.stable === expectedStable(hc.outcome),
      );
    }
    const scored = r.cases.filter((c) => c.stability!.expected !== null);
    expect(r.summary.stability).toMatchObject({
      available: true,
      scored: scored.length,
      hits: scored.filter((c) => c.stability!.hit).length,
    });
    for (const k of STABILITY_CONCEPTS.map((x) => x.key))
      expect(r.summary.stability.byConcept[k]).toBe(
        scored.filter((c) => c.stability!.concepts!.includes(k) === c.stability!.expected).length,
      );
  });
});

describe("treatylab stability on a case", () => {
  it("--fix takes the case's proposal file and gives the backtest's verdict (the docs' reproduction command)", async () => {
    for (const id of ["minsk-2-2015", "good-friday-1998"]) {
      const hc = HISTORICAL_CASES.find((c) => c.id === id)!;
      const control = Object.entries(hc.control).flatMap(([p, c]) => ["--control", `${p}=${c.issues.join(",")}`]);
      const r = await run(
        "stability",
        hc.id,
        ...control,
        "--fix",
        `examples/proposals/${hc.id}.json`,
        "--format",
        "json",
      );
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out) as { equilibria: Record<string, string[]>; options: string[] };
      const text = "N".repeat(j.options.length);
      const concepts = Object.keys(j.equilibria).filter((k) => j.equilibria[k]!.includes(text));
      expect(concepts).toEqual(caseStability(hc).concepts);
    }
  });
});
