import { describe, expect, it } from "vitest";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { snapshotScenario } from "../../src/validation/series.js";
import { UKRAINE_SNAPSHOTS, validationSeries } from "../../src/validation/index.js";

describe("the ukraine validation set", () => {
  const series = validationSeries(UKRAINE_SNAPSHOTS);

  it("has dated snapshots in order, calibration before test, each with plans, an outcome on record and sources", () => {
    expect(UKRAINE_SNAPSHOTS.map((s) => s.id)).toEqual([
      "ukraine-2022-03-istanbul",
      "ukraine-2025-06-istanbul",
      "ukraine-2025-08-alaska",
      "ukraine-2025-11-28-point",
    ]);
    const dates = UKRAINE_SNAPSHOTS.map((s) => s.date);
    expect([...dates].sort()).toEqual(dates);
    const roles = UKRAINE_SNAPSHOTS.map((s) => s.role);
    expect(roles.lastIndexOf("calibration")).toBeLessThan(roles.indexOf("test"));
    for (const s of UKRAINE_SNAPSHOTS) {
      expect(s.plans.length).toBeGreaterThan(0);
      expect(s.outcome.sources.length).toBeGreaterThan(0);
      for (const src of [...s.outcome.sources, ...s.plans.map((p) => p.source)])
        expect(src.url).toMatch(/^https?:\/\//);
      for (const r of s.outcome.rejected) expect(s.plans.map((p) => p.id)).toContain(r.plan);
    }
  });

  it("builds each snapshot as a valid scenario whose reservations follow the base rule (war outlook utility minus cost)", () => {
    for (const snap of UKRAINE_SNAPSHOTS) {
      const sc = snapshotScenario(snap);
      expect(() => validateScenario(sc)).not.toThrow();
      for (const p of sc.parties) {
        const o = snap.warOutlook[p.id]!;
        const u = checkProposal(sc, o.bundle, { alternatives: 0 }).utilities[p.id]!;
        // The outlook's utility is computed on the snapshot's own preferences, before its reservation is set (reservations do not enter utilities).
        expect(p.reservation, `${snap.id}: ${p.id}`).toBe(Math.round((u - o.cost) * 100) / 100);
      }
    }
    // A snapshot with no edits reproduces the base scenario's reservations.
    const base = builtinScenario("ukraine-2025");
    const nov = snapshotScenario(UKRAINE_SNAPSHOTS[3]!);
    expect(nov.parties.map((p) => p.reservation)).toEqual(base.parties.map((p) => p.reservation));
  });

  it("reports each plan's verdict exactly as checkProposal on the snapshot's scenario, and the ZOPA as analyze", () => {
    for (const [k, snap] of UKRAINE_SNAPSHOTS.entries()) {
      const sc = snapshotScenario(snap);
      for (const [j, plan] of snap.plans.entries()) {
        const r = checkProposal(sc, plan.bundle, { alternatives: 0 });
        const v = series[k]!.plans[j]!;
        expect(v.modelRejectedBy).toEqual(r.rejectedBy);
        expect(v.acceptedByAll).toBe(r.acceptedByAll);
      }
    }
    expect(series[3]!.zopa).toBe(110_625);
  });

  it("pins the verdicts docs/validation.md reports (derived by the engine): 3 of 4 calibration matches, 2 of 3 out-of-sample matches and one partial", () => {
    expect(series.map((r) => r.zopa)).toEqual([207_310, 110_671, 110_625, 110_625]);
    expect(series.flatMap((r) => r.plans.map((p) => [p.id, p.modelRejectedBy.join("+"), p.match]))).toEqual([
      ["istanbul-draft-ukraine", "russia", "match"],
      ["istanbul-draft-russia", "russia", "miss"],
      ["russian-memorandum", "ukraine+eu", "match"],
      ["ukrainian-memorandum", "russia", "match"],
      ["alaska-offer", "ukraine+eu", "match"],
      ["us-28-point", "eu", "partial"],
      ["european-counter-proposal", "russia", "match"],
    ]);
    // No plan on the table was accepted by every party, as on the record; yet the model finds a zone at every date.
    for (const r of series) {
      expect(r.plans.every((p) => !p.acceptedByAll)).toBe(true);
      expect(r.outcome.agreement).toBe(false);
      expect(r.zopa).toBeGreaterThan(0);
    }
  });
});
