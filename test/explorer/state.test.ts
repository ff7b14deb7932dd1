import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/edits/applyEdits.js";
import type { ScenarioEdit } from "../../src/edits/types.js";
import { readFileSync } from "node:fs";
import {
  compute,
  computeForecast,
  type ComputeMemo,
  computePlot,
  computeStability,
} from "../../src/explorer/compute.js";
import type { ComputeRequest } from "../../src/explorer/protocol.js";
import { EXPLORER_MAX_STABILITY_STATES, stabilitySize } from "../../src/explorer/panels.js";
import { applyForecastInputs } from "../../src/forecast/inputs.js";
import { prepare } from "../../src/analysis/prepare.js";
import { forecastScenario } from "../../src/forecast/settlement.js";
import { FORECAST_MODEL_NAMES } from "../../src/forecast/models.js";
import { builtinGraphModel } from "../../src/stability/builtins.js";
import { graphModelFromScenario } from "../../src/stability/fromScenario.js";
import { stabilityReport } from "../../src/stability/report.js";
import { scenarioPlot } from "../../src/plots/scenarioPlots.js";
import {
  canonicalEdits,
  clearEdit,
  editsFile,
  hashToView,
  history,
  issueOff,
  push,
  redo,
  setEdit,
  toggleIssue,
  undo,
  viewToHash,
} from "../../src/explorer/state.js";
import { analyze } from "../../src/analysis/analyze.js";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";

const ukraine = builtinScenario("ukraine-2025");

describe("the explorer's edit list", () => {
  it("keeps one edit per target, set edits first, red lines highest index first, parties last", () => {
    let e: ScenarioEdit[] = [];
    e = setEdit(e, { op: "removeParty", party: "eu" });
    e = setEdit(e, { op: "removeRedLine", party: "ukraine", index: 0 });
    e = setEdit(e, { op: "setReservation", party: "russia", value: 0.5 });
    e = setEdit(e, { op: "removeRedLine", party: "ukraine", index: 2 });
    e = setEdit(e, { op: "setReservation", party: "russia", value: 0.52 });
    e = setEdit(e, { op: "setWeight", party: "eu", issue: "nato", value: 3 });
    expect(e).toEqual([
      { op: "setReservation", party: "russia", value: 0.52 },
      { op: "setWeight", party: "eu", issue: "nato", value: 3 },
      { op: "removeRedLine", party: "ukraine", index: 2 },
      { op: "removeRedLine", party: "ukraine", index: 0 },
      { op: "removeParty", party: "eu" },
    ]);
    // The order keeps the list valid: the original red lines 0 and 2 are the ones removed.
    const s = applyEdits(ukraine, e);
    const orig = ukraine.parties.find((p) => p.id === "ukraine")!.redLines!;
    expect(s.parties.find((p) => p.id === "ukraine")!.redLines).toEqual(orig.filter((_, k) => k !== 0 && k !== 2));
    expect(s.parties.map((p) => p.id)).not.toContain("eu");
    expect(clearEdit(e, { op: "removeParty", party: "eu" })).toHaveLength(4);
    expect(canonicalEdits(e)).toEqual(e);
  });

  it("orders removals of interaction terms, constraints and constituencies so that the list stays valid", () => {
    const rat = builtinScenario("ukraine-2025-ratification");
    let e: ScenarioEdit[] = [];
    e = setEdit(e, { op: "removeConstituency", party: "us", constituency: "congress" });
    e = setEdit(e, { op: "removeRedLine", party: "ukraine", constituency: "referendum", index: 0 });
    e = setEdit(e, { op: "setWeight", party: "us", constituency: "congress", issue: "assets", value: 4 });
    e = setEdit(e, { op: "removeRedLine", party: "ukraine", constituency: "referendum", index: 3 });
    e = setEdit(e, { op: "removeInteraction", party: "russia", index: 0 });
    e = setEdit(e, { op: "setInteraction", party: "russia", index: 0, value: 0.1 });
    e = setEdit(e, { op: "setReservation", party: "ukraine", constituency: "referendum", value: 0.3 });
    e = setEdit(e, { op: "setReservation", party: "ukraine", value: 0.5 });
    expect(e).toEqual([
      { op: "setWeight", party: "us", constituency: "congress", issue: "assets", value: 4 },
      { op: "setInteraction", party: "russia", index: 0, value: 0.1 },
      { op: "setReservation", party: "ukraine", constituency: "referendum", value: 0.3 },
      { op: "setReservation", party: "ukraine", value: 0.5 },
      { op: "removeRedLine", party: "ukraine", constituency: "referendum", index: 3 },
      { op: "removeRedLine", party: "ukraine", constituency: "referendum", index: 0 },
      { op: "removeInteraction", party: "russia", index: 0 },
      { op: "removeConstituency", party: "us", constituency: "congress" },
    ]);
    const s = applyEdits(rat, e);
    const orig = rat.parties.find((p) => p.id === "ukraine")!.constituencies![0]!.redLines!;
    expect(s.parties.find((p) => p.id === "ukraine")!.constituencies![0]!.redLines).toEqual(
      orig.filter((_, k) => k !== 0 && k !== 3),
    );
    expect(s.parties.find((p) => p.id === "us")!.constituencies).toBeUndefined();
    // an issue off counts the constituencies' weights too
    const off = toggleIssue(rat, [], "assets", false);
    expect(off).toHaveLength(rat.parties.length + 2);
    expect(issueOff(rat, off, "assets")).toBe(true);
    expect(issueOff(rat, off.slice(1), "assets")).toBe(false);
  });

  it("turns an issue off by zero weights for every party, and back on", () => {
    const off = toggleIssue(ukraine, [], "assets", false);
    expect(off).toHaveLength(ukraine.parties.length);
    expect(issueOff(ukraine, off, "assets")).toBe(true);
    expect(applyEdits(ukraine, off).parties.every((p) => p.weights.assets === 0)).toBe(true);
    expect(toggleIssue(ukraine, off, "assets", true)).toEqual([]);
  });

  it("round-trips a view through the URL hash and writes the edits file compare --edits reads", () => {
    const view = {
      scenario: "ukraine-2025",
      edits: [{ op: "setReservation", party: "russia", value: 0.5 }] as ScenarioEdit[],
      proposal: { nato: "moratorium" },
    };
    expect(hashToView(viewToHash(view))).toEqual(view);
    expect(hashToView("#scenario=nash-1950")).toEqual({ scenario: "nash-1950", edits: [], proposal: {} });
    const withControl = { ...view, control: { donbas: "russia", "army-cap": "ukraine" } };
    expect(hashToView(viewToHash(withControl))).toEqual(withControl);
    for (const inputs of ["none", "my inputs.json"])
      expect(hashToView(viewToHash({ ...view, inputs }))).toEqual({ ...view, inputs });
    expect(() => hashToView("#scenario=x&control=%5B%5D")).toThrow(/"control" part is not an object/);
    expect(hashToView("")).toBeNull();
    expect(() => hashToView("#scenario=x&edits=%7Bnope")).toThrow(/"edits" part is not valid JSON/);
    expect(() => hashToView("#scenario=x&edits=%5B1%5D")).toThrow(/not a list of edits/);
    expect(JSON.parse(editsFile(view))).toEqual({ base: "ukraine-2025", edits: view.edits });
  });

  it("undo and redo walk the history", () => {
    let h = push(push(history(1), 2), 3);
    h = undo(undo(h));
    expect(h.present).toBe(1);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(2);
    expect(push(h, 9).future).toEqual([]);
  });
});

describe("the explorer's worker computation", () => {
  it("gives analyze's and checkProposal's results for the edits, reusing the analysis when only the proposal changes", () => {
    const edits: ScenarioEdit[] = [{ op: "setReservation", party: "russia", value: 0.5 }];
    const s = applyEdits(ukraine, edits);
    const a = analyze(s);
    const proposal = a.solutions.nash!.bundle;
    const memo: ComputeMemo = {};
    const r1 = compute({ id: 1, base: ukraine, edits, proposal: {}, plot: "utility-space" }, memo);
    const kept = memo.value;
    const r2 = compute({ id: 2, base: ukraine, edits, proposal, plot: "utility-space" }, memo);
    const p = computePlot({ id: 2, base: ukraine, edits, proposal, plot: "frontier-matrix" }, memo);
    if (!r1.ok || !r2.ok || r1.phase !== "results" || r2.phase !== "results" || !p.ok || p.phase !== "plot")
      throw new Error("compute failed");
    expect(r1.analysis.zopa).toEqual(a.zopa);
    expect(r1.analysis.solutions).toEqual(a.solutions);
    expect(r1.analysis.frontierSize).toBe(a.frontier.length);
    expect(r1.check).toBeNull();
    expect(memo.value).toBe(kept); // analysed once
    expect(r2.analysis).toEqual(r1.analysis);
    expect(r2.check).toEqual(checkProposal(s, proposal));
    expect(r1.kinds).toEqual(["utility-space", "frontier-matrix", "parallel-coordinates"]);
    expect(p.plot).toEqual(scenarioPlot(s, a, "frontier-matrix"));
  });

  it("answers an edit that does not apply with its one-line error", () => {
    const r = compute({
      id: 3,
      base: ukraine,
      edits: [{ op: "setPower", party: "nobody", value: 2 }],
      proposal: {},
      plot: "utility-space",
    });
    expect(r).toEqual({ id: 3, ok: false, error: expect.stringMatching(/^edits\[0\]\.party: unknown party "nobody"/) });
  });

  /** Both panels of a request, as the worker sends them one after the other. */
  const panels = (req: ComputeRequest) => {
    const f = computeForecast(req);
    const st = computeStability(req);
    if (!f.ok || f.phase !== "forecast" || !st.ok || st.phase !== "stability") throw new Error("panels failed");
    return { forecast: f.forecast, stability: st.stability };
  };

  it("gives the forecast and stability panels of the library for the same edits", () => {
    const cd = builtinScenario("camp-david-1978");
    const edits: ScenarioEdit[] = [{ op: "setWeight", party: "israel", issue: cd.issues[3]!.id, value: 9 }];
    const s = applyEdits(cd, edits);
    const r = panels({ id: 1, base: cd, edits, proposal: {}, plot: "utility-space" });
    expect(r.forecast.models.map((m) => m.model)).toEqual(FORECAST_MODEL_NAMES);
    for (const m of r.forecast.models) {
      const f = forecastScenario(s, { model: m.model, rounds: 10 });
      expect(m.bundle).toEqual(f.bundle);
      expect(m.positions).toEqual(Object.fromEntries(f.issues.map((i) => [i.issue, i.forecast])));
      expect(m.rejectedBy).toEqual(f.check!.rejectedBy);
    }
    expect(r.stability).toEqual({ derived: null, derivedNote: "no control mapping", builtin: null });

    const uEdits: ScenarioEdit[] = [{ op: "setReservation", party: "russia", value: 0.4 }];
    const u = applyEdits(ukraine, uEdits);
    const control = { donbas: "russia", "army-cap": "ukraine", sanctions: "us" };
    const p = panels({ id: 2, base: ukraine, edits: uEdits, proposal: {}, plot: "utility-space", control });
    const gm = graphModelFromScenario(u, {
      control: { russia: ["donbas"], ukraine: ["army-cap"], us: ["sanctions"] },
      fixed: analyze(prepare(u)).solutions.nash!.bundle,
    });
    expect(p.stability.derived!.equilibria).toEqual(stabilityReport(gm).equilibria);
    expect(p.stability.derived!.options).toEqual(gm.options.map((o) => o.name));
    expect(p.stability.builtin!.equilibria).toEqual(stabilityReport(builtinGraphModel("ukraine-2025-may")!).equilibria);
    expect(p.forecast.models.every((m) => m.bundle === null)).toBe(true); // ukraine-2025 alone has no scales
    const one = panels({
      id: 4,
      base: ukraine,
      edits: [],
      proposal: {},
      plot: "utility-space",
      control: { donbas: "russia" },
    });
    expect(one.stability.derivedNote).toBe("no control mapping");
  });

  it("forecasts ukraine-2025 with its forecast-inputs file as treatylab forecast <inputs.json> --edits does, capability edits included", () => {
    // The page applies the inputs to the base, then the edits: what loadForecastInput and --edits do.
    const inputs = JSON.parse(readFileSync("examples/forecast/ukraine-2025.json", "utf8")) as unknown;
    const base = applyForecastInputs(ukraine, inputs);
    const edits: ScenarioEdit[] = [
      { op: "setCapability", party: "russia", value: 80 },
      { op: "setWeight", party: "ukraine", issue: "donbas", value: 1 },
    ];
    const s = applyEdits(base, edits);
    const r = panels({ id: 5, base, edits, proposal: {}, plot: "utility-space" });
    expect(r.forecast.skipped).toEqual([]);
    for (const m of r.forecast.models) {
      const f = forecastScenario(s, { model: m.model, rounds: 10 });
      expect(m.bundle).toEqual(f.bundle);
      expect(m.bundle).not.toBeNull();
      expect(m.positions).toEqual(Object.fromEntries(f.issues.map((i) => [i.issue, i.forecast])));
      expect(m.rejectedBy).toEqual(f.check!.rejectedBy);
    }
    const unedited = panels({ id: 6, base, edits: [], proposal: {}, plot: "utility-space" });
    expect(
      unedited.forecast.models.some(
        (m, k) => JSON.stringify(m.positions) !== JSON.stringify(r.forecast.models[k]!.positions),
      ),
    ).toBe(true);
  });

  it("derives graph models up to the page's state limit and names the size and the command line beyond it", () => {
    const c = prepare(ukraine);
    // donbas 4 x army-cap 5 x sanctions 3 = 60 states, 3 + 4 + 2 = 9 binary options
    expect(stabilitySize(c, { donbas: "russia", "army-cap": "ukraine", sanctions: "us" })).toEqual({
      options: 9,
      states: 60,
    });
    // The largest mapping under the limit is derived (and equals the library's), more than 16 binary options included.
    // guarantees 6 x army-cap 5 x nato 4 x donbas 4 x crimea 4 = 1,920 states, 18 binary options (the old cap was 16 options)
    const within = { guarantees: "us", "army-cap": "ukraine", nato: "eu", donbas: "russia", crimea: "russia" };
    const size = stabilitySize(c, within);
    expect(size.options).toBeGreaterThan(16);
    expect(size.states).toBeLessThanOrEqual(EXPLORER_MAX_STABILITY_STATES);
    const ok = panels({ id: 7, base: ukraine, edits: [], proposal: {}, plot: "utility-space", control: within });
    const gm = graphModelFromScenario(ukraine, {
      control: { us: ["guarantees"], ukraine: ["army-cap"], eu: ["nato"], russia: ["donbas", "crimea"] },
      fixed: analyze(c).solutions.nash!.bundle,
    });
    expect(ok.stability.derived!.equilibria).toEqual(stabilityReport(gm).equilibria);
    expect(ok.stability.derived!.states).toBe(size.states);
    const bigControl = { ...within, sanctions: "us" };
    const big = panels({ id: 3, base: ukraine, edits: [], proposal: {}, plot: "utility-space", control: bigControl });
    const bigSize = stabilitySize(c, bigControl);
    expect(bigSize.states).toBeGreaterThan(EXPLORER_MAX_STABILITY_STATES);
    expect(big.stability.derived).toBeNull();
    expect(big.stability.derivedNote).toBe(
      `the mapping gives a graph model of ${bigSize.states.toLocaleString("en")} states (${bigSize.options} binary options); the page derives at most ${EXPLORER_MAX_STABILITY_STATES.toLocaleString("en")} states (the analysis grows faster than the states): control fewer issues, or run it on the command line (up to 24 binary options)`,
    );
  });
});
