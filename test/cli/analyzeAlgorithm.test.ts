import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { run } from "./run.js";

const tmp = mkdtempSync(path.join(tmpdir(), "treatylab-algorithm-"));

describe("treatylab analyze --algorithm", () => {
  it("reports the algorithm it used; auto picks frontier on a large additive scenario, enumerate on a small one or one with interaction terms, and both give the same frontier", async () => {
    // ukraine-2025 without its interaction terms: large (26.5 million bundles) and additive.
    const additive = path.join(tmp, "additive.json");
    const u = builtinScenario("ukraine-2025");
    writeFileSync(
      additive,
      JSON.stringify({ ...u, id: "ukraine-additive", parties: u.parties.map(({ interactions: _drop, ...p }) => p) }),
    );
    expect(JSON.parse((await run("analyze", "ukraine-2025", "--format", "json")).out).algorithm).toBe("enumerate");
    const auto = JSON.parse((await run("analyze", additive, "--format", "json")).out);
    const forced = JSON.parse((await run("analyze", additive, "--format", "json", "--algorithm", "enumerate")).out);
    expect(auto.algorithm).toBe("frontier");
    expect(forced.algorithm).toBe("enumerate");
    expect(JSON.parse((await run("analyze", "nash-1950", "--format", "json")).out).algorithm).toBe("enumerate");
    expect(auto.frontier).toEqual(forced.frontier);
    expect(auto.solutions).toEqual(forced.solutions);
    expect(auto.zopa).toEqual(forced.zopa);
  });

  it("refuses an unknown algorithm, and forcing frontier on interaction terms explains why", async () => {
    const bad = await run("analyze", "nash-1950", "--algorithm", "fastest");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/auto, frontier, enumerate/);
    const f = path.join(tmp, "inter.json");
    writeFileSync(
      f,
      JSON.stringify({
        id: "inter",
        issues: [
          { id: "a", options: [{ id: "x" }, { id: "y" }] },
          { id: "b", options: [{ id: "x" }, { id: "y" }] },
        ],
        parties: [
          {
            id: "p",
            weights: { a: 1, b: 1 },
            values: { a: { x: 1, y: 0 }, b: { x: 0, y: 1 } },
            reservation: 0,
            interactions: [{ when: { a: "x", b: "y" }, value: -0.2 }],
          },
          { id: "q", weights: { a: 1, b: 1 }, values: { a: { x: 0, y: 1 }, b: { x: 1, y: 0 } }, reservation: 0 },
        ],
      }),
    );
    const forced = await run("analyze", f, "--algorithm", "frontier");
    expect(forced.code).toBe(2);
    expect(forced.err).toMatch(
      /interaction terms make utilities non-additive; use algorithm "enumerate" or "auto" \(CLI: --algorithm enumerate\)/,
    );
    const auto = JSON.parse((await run("analyze", f, "--format", "json")).out);
    expect(auto.algorithm).toBe("enumerate");
  });

  it("stops with the memory-budget message when --memory-budget is too small", async () => {
    const issues = Array.from({ length: 9 }, (_, i) => ({
      id: `i${i}`,
      options: Array.from({ length: 6 }, (_, o) => ({ id: `o${o}` })),
    }));
    const party = (id: string, k: number) => ({
      id,
      weights: Object.fromEntries(issues.map((x, i) => [x.id, 1 + ((i * k) % 4)])),
      values: Object.fromEntries(
        issues.map((x, i) => [
          x.id,
          Object.fromEntries(x.options.map((o, m) => [o.id, ((m + 1) * (i + k) * 7919) % 97])),
        ]),
      ),
      reservation: 0,
    });
    const f = path.join(tmp, "wide.json");
    writeFileSync(
      f,
      JSON.stringify({
        id: "wide",
        issues,
        parties: [party("a", 1), party("b", 2), party("c", 3), party("d", 5), party("e", 7)],
      }),
    );
    const r = await run("analyze", f, "--memory-budget", "1");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /Pareto frontier grew to \d+ partial bundles .*over the memory budget of 1 MB; raise it \(--memory-budget/,
    );
  });
});
