import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { compileScenario, toIndexBundle } from "../../src/model/compile.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { analyzeStability } from "../../src/stability/concepts.js";
import { graphModelFromScenario } from "../../src/stability/fromScenario.js";
import { utilities } from "../../src/utility/utilities.js";
import { run } from "../cli/run.js";

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

describe("treatylab stability", () => {
  it("prints the JSON contract for a .gmcr file", async () => {
    const r = await run("stability", fixture("cuban.gmcr"), "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.options).toEqual(["Air Strike", "Blockade", "Withdraw", "Escalate"]);
    expect(j.decisionMakers).toEqual(["US", "USSR"]);
    expect(j.states).toHaveLength(12);
    expect(Object.keys(j.equilibria)).toEqual(["nash", "gmr", "smr", "seq", "sim", "seqSim"]);
    expect(j.equilibria.seq).toContain("NYYN");
    expect(Object.keys(j.byDecisionMaker.US)).toEqual(["nash", "gmr", "smr", "seq", "sim", "seqSim"]);
    for (const s of j.equilibria.seq) expect(j.byDecisionMaker.USSR.seq).toContain(s);
  });

  it("explains a state, gives status-quo paths, and formats markdown and csv", async () => {
    const md = await run(
      "stability",
      fixture("cuban.gmcr"),
      "--format",
      "markdown",
      "--explain",
      "NYYN",
      "--status-quo",
      "NNNN",
    );
    expect(md.code).toBe(0);
    expect(md.out).toContain("## Status quo NNNN");
    expect(md.out).toMatch(/NYYN is Sequential stability \(SEQ\) stable for US/);
    const csv = await run("stability", fixture("cuban.gmcr"), "--format", "csv", "--sanctions", "gmcr-plus");
    expect(csv.out.split("\n")[0]).toBe("state,number,decisionMaker,nash,gmr,smr,seq,sim,seqSim");
    expect(csv.out.trim().split("\n")).toHaveLength(1 + 12 * 2);
  });

  it("bad input: exit 2 with one line naming the place", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stab-"));
    const bad = path.join(dir, "bad.gmcr");
    const j = JSON.parse(readFileSync(fixture("cuban.gmcr"), "utf8"));
    j.decisionMakers[0].options = [0, 9];
    writeFileSync(bad, JSON.stringify(j));
    const r = await run("stability", bad);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("decisionMakers[0].options[1]: refers to option 9, which does not exist");
    const s = await run("stability", fixture("cuban.gmcr"), "--explain", "YYYY");
    expect(s.code).toBe(2);
    expect(s.err).toContain("not a feasible state");
  });

  it("converts .gmcr to a graph model and back", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stab-"));
    const gm = path.join(dir, "cuban.json");
    expect((await run("convert", fixture("cuban.gmcr"), "--to", "graph-model", "--out", gm)).code).toBe(0);
    const back = await run("convert", gm, "--to", "gmcr");
    expect(back.code).toBe(0);
    const a = await run("stability", gm, "--format", "json");
    const b = await run("stability", fixture("cuban.gmcr"), "--format", "json");
    expect(JSON.parse(a.out).equilibria).toEqual(JSON.parse(b.out).equilibria);
    expect(JSON.parse(back.out).options.map((o: { name: string }) => o.name)).toEqual([
      "Air Strike",
      "Blockade",
      "Withdraw",
      "Escalate",
    ]);
  });

  it("lists and analyses the built-in Ukraine graph model", async () => {
    expect((await run("stability", "--list")).out).toContain("ukraine-2025-may");
    const r = await run("stability", "ukraine-2025-may", "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).options).toHaveLength(10);
  });
});

describe("from a scenario to a graph model", () => {
  it("states carry the parties' utilities; Nash stability at the signed bundle matches a direct check", () => {
    const nashBundle = analyze(nash1950).solutions.nash!.bundle;
    const control = { bill: ["book", "whip"], jack: ["pen", "toy"] };
    const gm = graphModelFromScenario(nash1950, { control, fixed: nashBundle });
    expect(gm.options).toHaveLength(4);
    const a = analyzeStability(gm);
    const c = compileScenario(nash1950);
    const base = toIndexBundle(c, nashBundle);
    const u0 = utilities(c, base);
    // direct: party p is Nash-stable at the signed bundle iff no switch of its own issues raises its utility
    for (const [party, issues] of Object.entries(control)) {
      const p = c.partyIds.indexOf(party);
      let improves = false;
      for (let mask = 1; mask < 1 << issues.length; mask++) {
        const b = Int32Array.from(base);
        issues.forEach((id, k) => {
          if ((mask >> k) & 1) b[c.issueIds.indexOf(id)] = 1 - b[c.issueIds.indexOf(id)]!;
        });
        if (utilities(c, b)[p]! > u0[p]! + 1e-12) improves = true;
      }
      const dm = gm.decisionMakers.findIndex((d) => d.name === party);
      expect(a.stable.nash![dm]![a.cm.states.indexOf(0)] === 1).toBe(!improves);
    }
  });

  it("the CLI builds it from --control", async () => {
    const r = await run(
      "stability",
      "nash-1950",
      "--control",
      "bill=book,whip",
      "--control",
      "jack=pen",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.decisionMakers).toEqual(["bill", "jack"]);
    expect(j.states).toHaveLength(8);
    const bad = await run("stability", "nash-1950", "--control", "zed=book");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--control zed: names "zed", who is not a party');
  });
});
