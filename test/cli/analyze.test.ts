import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const tmp = mkdtempSync(path.join(tmpdir(), "treatylab-cli-"));
const file = (name: string, text: string): string => {
  const f = path.join(tmp, name);
  writeFileSync(f, text);
  return f;
};

describe("treatylab analyze", () => {
  it("prints the JSON contract: outcomes, zopa.count, frontier, solutions", async () => {
    const r = await run("analyze", "nash-1950", "--format", "json");
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.outcomes).toBe(512);
    expect(typeof a.zopa.count).toBe("number");
    expect(a.frontier).toHaveLength(7);
    for (const f of a.frontier) {
      expect(Object.keys(f.bundle)).toHaveLength(9);
      expect(Object.keys(f.utilities)).toEqual(["bill", "jack"]);
    }
    for (const k of ["nash", "kalaiSmorodinsky", "egalitarian", "utilitarian"]) {
      expect(a.solutions[k]).toHaveProperty("bundle");
      expect(a.solutions[k]).toHaveProperty("utilities");
    }
    expect(a.algorithm).toBeTypeOf("string");
  });

  it("offers GENIUS's own Kalai-Smorodinsky by name with --genius: the frontier point with the smallest gap", async () => {
    const plain = JSON.parse((await run("analyze", "nash-1950", "--format", "json")).out);
    expect(plain.solutions).not.toHaveProperty("geniusKalaiSmorodinsky");
    const a = JSON.parse((await run("analyze", "nash-1950", "--format", "json", "--genius")).out);
    const gap = (u: Record<string, number>): number => Math.abs(u.bill! - u.jack!);
    const best = Math.min(...a.frontier.map((f: { utilities: Record<string, number> }) => gap(f.utilities)));
    expect(gap(a.solutions.geniusKalaiSmorodinsky.utilities)).toBeCloseTo(best, 12);
    expect(a.solutions.geniusKalaiSmorodinsky.criterion).toBeCloseTo(best, 9);
  });

  it("prints null solutions when the ZOPA is empty", async () => {
    const f = file(
      "empty.json",
      JSON.stringify({
        id: "empty",
        issues: [{ id: "x", options: [{ id: "a" }, { id: "b" }] }],
        parties: [
          { id: "p", weights: { x: 1 }, values: { x: { a: 1, b: 0 } }, reservation: 0.5 },
          { id: "q", weights: { x: 1 }, values: { x: { a: 0, b: 1 } }, reservation: 0.5 },
        ],
      }),
    );
    const r = await run("analyze", f, "--format", "json");
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.zopa.count).toBe(0);
    expect(a.solutions).toEqual({ nash: null, kalaiSmorodinsky: null, egalitarian: null, utilitarian: null });
    const t = await run("analyze", f);
    expect(t.out).toMatch(/ZOPA is empty/);
  });

  it("prints readable table, markdown and tidy CSV", async () => {
    const t = await run("analyze", "nash-1950");
    expect(t.out).toMatch(/Nash/);
    expect(t.out).toMatch(/Pareto frontier/);
    const m = await run("analyze", "nash-1950", "--format", "markdown");
    expect(m.out).toMatch(/^## /);
    expect(m.out).toMatch(/\| --- \|/);
    const c = await run("analyze", "nash-1950", "--format", "csv");
    const lines = c.out.trim().split("\n");
    expect(lines[0]).toBe("kind,u_bill,u_jack,book,whip,ball,bat,box,pen,toy,knife,hat");
    expect(lines).toHaveLength(1 + 4 + 7);
  });

  it("refuses an empty --out (an unset shell variable) instead of printing to stdout", async () => {
    const r = await run("analyze", "nash-1950", "-o", "");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/the file name is empty \(give a file, or - for stdout\)/);
  });

  it("writes --out atomically and says so on stderr", async () => {
    const out = path.join(tmp, "sub", "a.json");
    const r = await run("analyze", "nash-1950", "--format", "json", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/wrote/);
    expect(JSON.parse(readFileSync(out, "utf8")).outcomes).toBe(512);
  });

  it("gives one line and exit 2 on bad input, never a stack trace", async () => {
    const cases: [string[], RegExp][] = [
      [["analyze", path.join(tmp, "missing.json")], /no such file/],
      [["analyze", "ukraine-2026"], /neither a built-in scenario/],
      [["analyze", file("bad.json", '{ "id": "x", "issues": [ }')], /bad\.json:1:\d+: invalid JSON/],
      [
        [
          "analyze",
          file(
            "res.json",
            JSON.stringify({
              id: "x",
              issues: [{ id: "i", options: [{ id: "a" }] }],
              parties: [{ id: "p", weights: { i: 1 }, values: { i: { a: 1 } }, reservation: 2 }],
            }),
          ),
        ],
        /\$\.parties\[0\]\.reservation: is 2; expected/,
      ],
      [["analyze", "nash-1950", "--format", "xml"], /invalid/],
      [
        ["analyze", "nash-1950", "--algorithm", "enumerate", "--max-outcomes", "10"],
        /over the enumeration limit of 10/,
      ],
      [["analyse", "nash-1950"], /unknown command/],
    ];
    for (const [argv, msg] of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err, argv.join(" ")).toMatch(msg);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe("");
    }
  });

  it("shows examples in every subcommand's --help", async () => {
    const top = await run("--help");
    expect(top.code).toBe(0);
    const names = [...top.out.matchAll(/^ {2}([a-z-]+)\b/gm)].map((m) => m[1]!).filter((n) => n !== "help");
    expect(names).toContain("analyze");
    for (const n of names) {
      const h = await run(n, "--help");
      expect(h.code, n).toBe(0);
      expect(h.out, n).toMatch(/Example/);
    }
  });
});

describe("treatylab check", () => {
  it("says who rejects a proposal and lists acceptable alternatives", async () => {
    const f = file(
      "deal.json",
      JSON.stringify({
        bundle: {
          book: "bill",
          whip: "bill",
          ball: "bill",
          bat: "bill",
          box: "bill",
          pen: "bill",
          toy: "bill",
          knife: "bill",
          hat: "bill",
        },
      }),
    );
    const r = await run("check", "nash-1950", "--proposal", f, "--format", "json");
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.rejectedBy).toEqual(["jack"]);
    expect(c.alternatives.length).toBeGreaterThan(0);
    expect(c.alternatives[0].distance).toBeGreaterThan(0);
    const t = await run("check", "nash-1950", "--proposal", f, "--set", "pen=jack");
    expect(t.out).toMatch(/Rejected by: Jack\n/); // by label, as analyze names parties
    // -n 0 asks for no alternatives: none listed is not an empty ZOPA (the new-user trial's report)
    const none = await run("check", "nash-1950", "--proposal", f, "-n", "0");
    expect(none.out).toMatch(/Rejected by: Jack\n/);
    expect(none.out).not.toMatch(/ZOPA is empty/);
    expect(none.out).toMatch(/No acceptable settlements were searched for \(--alternatives 0\)/);
  });
  it("a number option that is not a number is quoted as typed, never shown as NaN", async () => {
    for (const argv of [
      ["montecarlo", "nash-1950", "--spread", "abc"],
      ["montecarlo", "nash-1950", "--precision", "abc"],
      ["forecast", "examples/forecast/ec-scholz.csv", "--spread", "abc", "--draws", "10"],
      ["backtest", "--spread", "abc"],
      ["sensitivity", "nash-1950", "--reservation-swing", "abc"],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/argument 'abc' is invalid\. "abc" is not a number/);
      expect(r.err).not.toMatch(/NaN/);
    }
  });

  it("an empty seed, a check interval off the block size and a zero-step sweep are refused in the flags' own terms", async () => {
    for (const argv of [
      ["simulate", "nash-1950", "--seed", ""],
      ["montecarlo", "nash-1950", "--spread", "0.1", "--seed", ""],
      ["analyze", "nash-1950", "--seed", " "],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/the seed is empty \(give any text, e\.g\. --seed 42\)/);
    }
    const every = await run("montecarlo", "nash-1950", "--spread", "0.1", "--check-every", "150");
    expect(every.code).toBe(2);
    expect(every.err).toMatch(/--check-every <n>' argument '150' is invalid\. "150" is not a multiple of 100/);
    const sweep = await run("sweep", "nash-1950", "-p", "parties.bill.reservation=0:1:0");
    expect(sweep.code).toBe(2);
    expect(sweep.err).toMatch(/--param "parties\.bill\.reservation=0:1:0": steps 0 is not a positive integer/);
    // One grid point cannot hold both ends: refused, not swept at `from` alone.
    const one = await run("sweep", "nash-1950", "-p", "parties.bill.reservation=0.3:0.5:1");
    expect(one.code).toBe(2);
    expect(one.err).toMatch(
      /--param "parties\.bill\.reservation=0\.3:0\.5:1"\.steps: is 1, which cannot include both ends/,
    );
    const same = await run("sweep", "nash-1950", "-p", "parties.bill.reservation=0.3:0.3:1", "--format", "json");
    expect(same.code).toBe(0);
    // Solutions as analyze's CSV spells them are accepted; an unknown one is refused.
    const kebab = await run(
      "sweep",
      "nash-1950",
      "-p",
      "parties.bill.reservation=0.3,0.5",
      "--solutions",
      "kalai-smorodinsky",
      "--format",
      "json",
    );
    const camel = await run(
      "sweep",
      "nash-1950",
      "-p",
      "parties.bill.reservation=0.3,0.5",
      "--solutions",
      "kalaiSmorodinsky",
      "--format",
      "json",
    );
    expect(kebab.code).toBe(0);
    expect(kebab.out).toBe(camel.out);
    expect(kebab.out).toContain("kalaiSmorodinsky");
    const unknown = await run("sweep", "nash-1950", "-p", "parties.bill.reservation=0.3,0.5", "--solutions", "kalai");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown solution "kalai"; expected nash, kalaiSmorodinsky/);
  });

  it("a scenario error names the file it is in (compare reads two)", async () => {
    const good = path.join(tmp, "good.json");
    const bad = path.join(tmp, "typo-weights.json");
    const scenario = JSON.parse((await run("show", "nash-1950")).out) as Record<string, unknown>;
    writeFileSync(good, JSON.stringify(scenario));
    const parties = (scenario.parties as Record<string, unknown>[]).map((p, k) => {
      if (k > 0) return p;
      const { weights, ...rest } = p;
      return { ...rest, weigths: weights };
    });
    writeFileSync(bad, JSON.stringify({ ...scenario, parties }));
    for (const argv of [
      ["compare", good, bad],
      ["compare", bad, good],
      ["analyze", bad],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        new RegExp(`^treatylab: ${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\$\\.parties\\[0\\]`),
      );
    }
  });

  it("names an unknown option in a proposal", async () => {
    const r = await run("check", "nash-1950", "--set", "pen=tom");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/proposal/);
  });
});

describe("the built bin", () => {
  const bin = path.resolve("dist/cli/main.cjs");
  it.runIf(existsSync(bin))("runs as a process: exit codes 0 and 2", () => {
    const ok = execFileSync(process.execPath, [bin, "analyze", "nash-1950", "--format", "json"], { encoding: "utf8" });
    expect(JSON.parse(ok).outcomes).toBe(512);
    const bad = spawnSync(process.execPath, [bin, "analyze", "nope.json"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
