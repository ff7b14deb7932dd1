import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";
import { rubinsteinSplit } from "../../src/index.js";

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, columns: 100 });
  return { code, out, err };
}

describe("treatylab simulate / tournament / spe / rubinstein", () => {
  it("simulate --format json prints the contract { agreement: { bundle, utilities } | null, rounds, trace }", async () => {
    const r = await cli([
      "simulate",
      "nash-1950",
      "--protocol",
      "alternating",
      "--strategy",
      "bill=boulware,jack=conceder",
      "--rounds",
      "40",
      "--seed",
      "3",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j.agreement.bundle)).toHaveLength(9);
    expect(typeof j.agreement.utilities.bill).toBe("number");
    expect(j.rounds).toBe(j.trace.length);
    expect(j.trace[0]).toMatchObject({ round: 1, proposer: "bill", responses: { jack: "reject" } });
  });

  it("the same seed gives byte-identical output, for every protocol", async () => {
    for (const protocol of ["alternating", "stacked", "single-text", "zeuthen"]) {
      const argv = [
        "simulate",
        "nash-1950",
        "--protocol",
        protocol,
        "--seed",
        "11",
        "--format",
        "json",
        "--rounds",
        "30",
      ];
      if (protocol !== "zeuthen") argv.push("--strategy", "bill=random,jack=nice-tit-for-tat");
      const a = await cli(argv);
      const b = await cli(argv);
      expect(a.code).toBe(0);
      expect(a.out).toBe(b.out);
    }
  });

  it("simulate --format csv prints one row per move", async () => {
    const r = await cli(["simulate", "nash-1950", "--protocol", "zeuthen", "--format", "csv"]);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toMatch(/^round,proposer,u_bill,u_jack,/);
    const j = JSON.parse((await cli(["simulate", "nash-1950", "--protocol", "zeuthen", "--format", "json"])).out);
    expect(lines.length - 1).toBe(j.trace.length);
  });

  it("spe --format json prints { agreement: { bundle, utilities }, round }", async () => {
    const r = await cli(["spe", "nash-1950", "--rounds", "4", "--discount", "bill=0.9,jack=0.8", "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.round).toBe(1);
    expect(Object.keys(j.agreement.bundle)).toHaveLength(9);
    expect(j.agreement.utilities.bill + j.agreement.utilities.jack).toBeGreaterThan(0);
  });

  it("rubinstein prints the closed-form shares", async () => {
    const j = JSON.parse((await cli(["rubinstein", "--discount", "a=0.9,b=0.8", "--format", "json"])).out);
    expect(j.shares.a).toBeCloseTo((1 - 0.8) / (1 - 0.72), 12);
    expect(j.shares.a).toBe(rubinsteinSplit(0.9, 0.8).first);
  });

  it("tournament prints a summary, json and per-run csv", async () => {
    const argv = [
      "tournament",
      "nash-1950",
      "--strategies",
      "boulware,conceder,random",
      "--seeds",
      "2",
      "--seed",
      "4",
      "--rounds",
      "20",
    ];
    const table = await cli(argv);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/Tournament: 18 runs/);
    const j = JSON.parse((await cli([...argv, "--format", "json"])).out);
    expect(j.summary.map((s: { strategy: string }) => s.strategy).sort()).toEqual(["boulware", "conceder", "random"]);
    const csv = (await cli([...argv, "--format", "csv", "--runs"])).out.trim().split("\n");
    expect(csv).toHaveLength(19);
  });

  it("simulate reads events from a file and marks them in the trace; --scope zopa runs ukraine-2025", async () => {
    const argv = [
      "simulate",
      "ukraine-2025",
      "--protocol",
      "stacked",
      "--scope",
      "zopa",
      "--rounds",
      "30",
      "--seed",
      "1",
      "--format",
      "json",
    ];
    const r = await cli([
      ...argv,
      "--strategy",
      "russia=boulware,ukraine=conceder",
      "--events",
      "examples/events/sanctions.json",
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.trace.find((t: { round: number }) => t.round === 5).events).toEqual([
      "new US sanctions lower Russia's no-deal utility by 0.05",
    ]);
    expect(j.trace.filter((t: { events: string[] }) => t.events.length > 0)).toHaveLength(1);
  });

  it("bad input fails with one line and exit code 2", async () => {
    for (const argv of [
      ["simulate", "nash-1950", "--strategy", "bill=sneaky"],
      ["simulate", "nash-1950", "--strategy", "bill"],
      ["simulate", "nash-1950", "--discount", "bill=1.5"],
      ["simulate", "nash-1950", "--events", "/nonexistent/events.json"],
      ["spe", "nash-1950", "--rounds", "3", "--discount", "bob=0.9"],
      ["rubinstein", "--discount", "a=0.9"],
      ["simulate", "ukraine-2025", "--protocol", "stacked"],
      ["simulate", "nash-1950", "--strategy", "bill=time-dependent:E=5"],
      ["tournament", "nash-1950", "--strategies", "boulware,hardliner:e=2"],
    ]) {
      const r = await cli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    }
  });
});
