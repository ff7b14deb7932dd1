import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyEdits } from "../../src/edits/applyEdits.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import { backtest } from "../../src/cases/backtest.js";
import { HISTORICAL_CASES } from "../../src/cases/registry.js";
import { expectedAccepted, type HistoricalCase } from "../../src/cases/types.js";
import { forecastScenario } from "../../src/forecast/settlement.js";
import { run, unwrapped } from "../cli/run.js";
import { jsonResult } from "../../src/cli/context.js";

describe("backtest", () => {
  it("is deterministic: the same seed gives byte-identical JSON; another seed moves only the robustness draws", () => {
    const a = JSON.stringify(backtest({ seed: "s1", draws: 30 }));
    const b = JSON.stringify(backtest({ seed: "s1", draws: 30 }));
    expect(a).toBe(b);
    const c = backtest({ seed: "s2", draws: 30 });
    const strip = (r: ReturnType<typeof backtest>): unknown => r.cases.map(({ robustness: _r, ...rest }) => rest);
    expect(strip(c)).toEqual(strip(JSON.parse(a)));
  });

  // No-regression snapshot. Derived from a run (seed "treatylab-backtest", 200 draws, spread 0.1)
  // and reviewed: the five signed texts are accepted with margins 0.09-0.18, the three failed texts
  // are rejected by the party that rejected them on the record (Arafat at Camp David 2000, the
  // Greek Cypriot leadership and voters in 2004, Colombian voters in 2016). A change in a case's
  // numbers or in the engine that moves these must be looked at, and the snapshot updated on purpose.
  it("matches the reviewed snapshot", () => {
    const r = backtest();
    expect(
      r.cases.map((c) => [
        c.id,
        c.zopa.count,
        c.outcomes,
        c.signed.acceptedByAll,
        c.signed.rejectedBy.join("+"),
        c.signed.margin,
        c.nash?.clauses,
        c.hit,
        c.robustness?.agreeWithRecord,
      ]),
    ).toEqual([
      ["camp-david-1978", 39, 216, true, "", 0.145, 1, true, 1],
      ["dayton-1995", 108, 432, true, "", 0.155, 1, true, 1],
      ["good-friday-1998", 69, 486, true, "", 0.18, 0, true, 1],
      ["camp-david-2000", 58, 216, false, "palestinians", -0.215, 4, true, 1],
      ["annan-plan-2004", 27, 216, false, "greek-cypriots", -0.17, 2, true, 1],
      ["minsk-2-2015", 13, 48, true, "", 0.091667, 1, true, 0.97],
      ["jcpoa-2015", 196, 1458, true, "", 0.18, 2, true, 1],
      ["colombia-farc-2016", 11, 96, false, "government", -0.092857, 1, true, 0.98],
    ]);
    // Forecasts (bdm-scholz, 10 rounds, ordinal scales), reviewed: an issue-by-issue vote that
    // ignores red lines, so it lands on them in Camp David 1978 (settlements), Good Friday
    // (executive bodies) and Annan (two states); only 3 of 8 inside the ZOPA.
    expect(r.cases.map((c) => [c.id, c.forecast?.clausesFromText, c.forecast?.acceptedByAll])).toEqual([
      ["camp-david-1978", 3, false],
      ["dayton-1995", 3, true],
      ["good-friday-1998", 1, false],
      ["camp-david-2000", 2, true],
      ["annan-plan-2004", 4, false],
      ["minsk-2-2015", 1, true],
      ["jcpoa-2015", 6, false],
      ["colombia-farc-2016", 1, false],
    ]);
    // Stability (SEQ on each case's control mapping), reviewed: only Good Friday is a stable
    // agreement; at Camp David 1978, Dayton and the JCPOA the party holding most of the clauses
    // (Israel, the Bosnian Serbs, Iran) gains by reneging on all of them and the others' own clauses
    // are too light to deter it (docs/backtest.md). Minsk II is unstable (Kyiv reneges), as on
    // the record. The two rejected texts are reported, not scored.
    expect(
      r.cases.map((c) => [
        c.id,
        c.stability?.stable,
        c.stability?.concepts?.join(","),
        c.stability?.hit,
        c.stability?.defections
          ?.filter((d) => !d.deterred)
          .map((d) => d.party)
          .join(","),
      ]),
    ).toEqual([
      ["camp-david-1978", false, "", false, "israel"],
      ["dayton-1995", false, "", false, "serbs"],
      ["good-friday-1998", true, "gmr,smr,seq,sim,seqSim", true, ""],
      ["camp-david-2000", false, "", null, "palestinians"],
      ["annan-plan-2004", false, "", null, "greek-cypriots"],
      ["minsk-2-2015", false, "", true, "ukraine"],
      ["jcpoa-2015", false, "", false, "iran"],
      ["colombia-farc-2016", true, "gmr,smr,seq,sim,seqSim", null, ""],
    ]);
    expect(r.summary.stability).toEqual({
      available: true,
      signedStable: 1,
      signedNotImplementedUnstable: 1,
      scored: 5,
      hits: 2,
      hitRate: 0.4,
      byConcept: { nash: 1, gmr: 2, smr: 2, seq: 2, sim: 2, seqSim: 2 },
    });
    expect({ ...r.summary, stability: undefined, forecast: undefined }).toMatchObject({
      cases: 8,
      signedTexts: 5,
      signedInsideZopa: 5,
      failedTexts: 3,
      failedRejected: 3,
      failedWithEmptyZopa: 0,
      hits: 8,
      hitRate: 1,
      misses: [],
    });
  });

  it("its verdicts equal checkProposal run case by case, whatever the reservations (property)", () => {
    // Random reservations for every party and constituency of a random subset of cases: the
    // backtest must report exactly what checkProposal says, and its hit exactly the comparison
    // with the record.
    const withReservations = (hc: HistoricalCase, rs: readonly number[]): HistoricalCase => {
      let k = 0;
      const next = (): number => rs[k++ % rs.length]!;
      return {
        ...hc,
        scenario: {
          ...hc.scenario,
          parties: hc.scenario.parties.map((p) => ({
            ...p,
            reservation: next(),
            constituencies: p.constituencies?.map((c) => ({ ...c, reservation: next() })),
          })),
        },
      };
    };
    fc.assert(
      fc.property(
        fc.subarray([...HISTORICAL_CASES], { minLength: 1, maxLength: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (cases, rs) => {
          const modified = cases.map((hc) => withReservations(hc, rs));
          const r = backtest({ cases: modified, draws: 0 });
          modified.forEach((hc, i) => {
            const check = checkProposal(hc.scenario, hc.text.bundle, { alternatives: 0 });
            const got = r.cases[i]!;
            expect(got.signed.acceptedByAll).toBe(check.acceptedByAll);
            expect(got.signed.rejectedBy).toEqual(check.rejectedBy);
            expect(got.signed.utilities).toEqual(check.utilities);
            expect(got.hit).toBe(check.acceptedByAll === expectedAccepted(hc.outcome));
          });
          expect(r.summary.hits).toBe(r.cases.filter((c) => c.hit).length);
        },
      ),
      { numRuns: 25, seed: 19 },
    );
  });

  it("measures the distance to Nash and Kalai-Smorodinsky as documented (oracle: the utilities of the solution's bundle)", () => {
    const r = backtest({ draws: 0 });
    for (const hc of HISTORICAL_CASES) {
      const a = analyze(hc.scenario);
      const got = r.cases.find((c) => c.id === hc.id)!;
      for (const [name, sol] of [
        ["nash", a.solutions.nash],
        ["kalaiSmorodinsky", a.solutions.kalaiSmorodinsky],
      ] as const) {
        const d = got[name];
        if (sol === null) {
          expect(d).toBeNull();
          continue;
        }
        const us = checkProposal(hc.scenario, sol.bundle, { alternatives: 0 }).utilities;
        const ut = checkProposal(hc.scenario, hc.text.bundle, { alternatives: 0 }).utilities;
        const ids = hc.scenario.parties.map((p) => p.id);
        const rms = Math.sqrt(ids.reduce((acc, p) => acc + (us[p]! - ut[p]!) ** 2, 0) / ids.length);
        expect(d!.distance).toBeCloseTo(rms, 6);
        expect(d!.clauses).toBe(hc.scenario.issues.filter((i) => sol.bundle[i.id] !== hc.text.bundle[i.id]).length);
        expect(d!.distance === 0).toBe(ids.every((p) => Math.abs(us[p]! - ut[p]!) < 1e-12));
      }
    }
  });

  it("takes its default forecast from forecastScenario and checks it with checkProposal", () => {
    const r = backtest({ draws: 0 });
    for (const hc of HISTORICAL_CASES) {
      const f = forecastScenario(hc.scenario, { model: "bdm-scholz", rounds: 10 });
      const got = r.cases.find((c) => c.id === hc.id)!.forecast!;
      expect(got.bundle).toEqual(f.bundle);
      expect(got.acceptedByAll).toBe(checkProposal(hc.scenario, f.bundle!, { alternatives: 0 }).acceptedByAll);
    }
    expect(r.summary.forecast.insideZopa).toBe(r.cases.filter((c) => c.forecast?.acceptedByAll).length);
  });

  it("calls the stability and forecast hooks when given", () => {
    const r = backtest({
      cases: [HISTORICAL_CASES[0]!],
      draws: 0,
      hooks: {
        stability: () => ({ stable: true, detail: "test" }),
        forecast: (s) => ({ bundle: { ...HISTORICAL_CASES[0]!.text.bundle, [s.issues[0]!.id]: "none" } }),
      },
    });
    expect(r.cases[0]!.stability).toEqual({ stable: true, detail: "test", expected: true, hit: true });
    expect(r.cases[0]!.forecast?.clausesFromText).toBe(1);
    expect(r.summary.stability).toEqual({
      available: true,
      signedStable: 1,
      signedNotImplementedUnstable: 0,
      scored: 1,
      hits: 1,
      hitRate: 1,
      byConcept: {},
    });
    const none = backtest({ cases: [HISTORICAL_CASES[0]!], draws: 0, hooks: {} });
    expect(none.cases[0]!.stability).toBeNull();
    expect(none.summary.stability).toMatchObject({ available: false, scored: 0, hitRate: null });
  });

  it("rejects bad options with one clear line", () => {
    expect(() => backtest({ draws: -1 })).toThrow(/draws is -1; expected a non-negative integer/);
    expect(() => backtest({ spread: 2 })).toThrow(/spread is 2; expected a number in \[0, 1\]/);
  });
});

describe("treatylab backtest", () => {
  it("prints the JSON contract", async () => {
    const r = await run("backtest", "--format", "json", "--draws", "10");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      cases: {
        id: string;
        outcome: string;
        zopa: { count: number };
        signed: { acceptedByAll: boolean; rejectedBy: string[] };
      }[];
      summary: Record<string, unknown>;
    };
    expect(j.cases.map((c) => c.id)).toEqual(HISTORICAL_CASES.map((c) => c.id));
    for (const c of j.cases) {
      expect(["agreement", "no-agreement", "signed-not-implemented", "rejected-by-ratification"]).toContain(c.outcome);
      expect(typeof c.zopa.count).toBe("number");
      expect(typeof c.signed.acceptedByAll).toBe("boolean");
      expect(Array.isArray(c.signed.rejectedBy)).toBe(true);
    }
    expect(j.summary).toHaveProperty("hitRate");
  });
  it("prints a table with the summary, markdown and csv", async () => {
    const t = await run("backtest", "--draws", "0");
    expect(t.out).toMatch(/Signed texts inside the ZOPA: 5\/5/);
    expect(unwrapped(t.out)).toMatch(/Stability of the signed texts .*: hits 2\/5 = 40%/);
    const md = await run("backtest", "--format", "markdown", "--draws", "0", "--case", "camp-david-2000");
    expect(md.out).toMatch(/^\| case/m);
    expect(md.out).toMatch(/- camp-david-2000: palestinians rejects: .*red line haram=custodianship/);
    const csv = await run("backtest", "--format", "csv", "--draws", "0", "--case", "dayton-1995");
    expect(csv.out.trim().split("\n")).toEqual([
      "case,outcome,outcomes,zopa,accepted,rejected_by,margin,nash_distance,nash_clauses,ks_distance,ks_clauses,robustness,stable,stable_concepts,stability_hit,forecast_clauses_off,forecast_accepted,hit",
      "dayton-1995,agreement,432,108,true,,0.155,0.052281,1,0.052281,1,,false,,false,3,true,true",
    ]);
  });
  // The whole markdown output, pinned (seed "treatylab-backtest", 20 draws). A change must be
  // reviewed and the file rewritten on purpose:
  //   npx tsx src/cli/main.ts backtest --format markdown --draws 20 --out test/cases/fixtures/backtest.md
  it("prints the pinned markdown output", async () => {
    const r = await run("backtest", "--format", "markdown", "--draws", "20");
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync("test/cases/fixtures/backtest.md", "utf8"));
  });
  it("--edits and --param (the shared what-if flags) apply to each case run, as the library on the edited case", async () => {
    const hc = HISTORICAL_CASES.find((c) => c.id === "minsk-2-2015")!;
    const edits = [
      { op: "setReservation", party: "ukraine", value: 0.45 },
      { op: "setWeight", party: "russia", issue: "economy", value: 5 },
    ] as const;
    const dir = mkdtempSync(path.join(tmpdir(), "backtest-"));
    const file = path.join(dir, "edits.json");
    writeFileSync(file, JSON.stringify(edits));
    const want = jsonResult(backtest({ cases: [{ ...hc, scenario: applyEdits(hc.scenario, edits) }], draws: 5 }));
    const viaEdits = await run("backtest", "--case", hc.id, "--edits", file, "--draws", "5", "--format", "json");
    const viaParam = await run(
      "backtest",
      "--case",
      hc.id,
      "--param",
      "parties.ukraine.reservation=0.45",
      "--param",
      "parties.russia.weights.economy=5",
      "--draws",
      "5",
      "--format",
      "json",
    );
    expect(viaEdits.code).toBe(0);
    expect(viaEdits.out.trim()).toBe(want);
    expect(viaParam.out).toBe(viaEdits.out);
    // the edit changes the answer: at 0.45 Ukraine rejects the text (docs/cases/minsk-2-2015.md), so the case becomes a miss
    const j = JSON.parse(viaEdits.out) as { cases: { signed: { rejectedBy: string[] }; hit: boolean }[] };
    expect(j.cases[0]!.signed.rejectedBy).toEqual(["ukraine"]);
    expect(j.cases[0]!.hit).toBe(false);
    // an edit that does not fit every case run names the case
    const bad = await run("backtest", "--param", "parties.ukraine.reservation=0.45", "--draws", "0");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(
      /case camp-david-1978: --param "parties.ukraine.reservation=0.45": .*unknown party "ukraine".*choose the cases with --case/,
    );
  });
  it("names an unknown case and exits 2", async () => {
    const r = await run("backtest", "--case", "yalta-1945");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no historical case "yalta-1945"; cases: camp-david-1978/);
  });
});
