import { describe, expect, it } from "vitest";
import { run } from "./run.js";

describe("treatylab explain", () => {
  it("narrates why a proposal is rejected, naming the blocking constituency", async () => {
    const r = await run("explain", "ukraine-2025-ratification", "--proposal", "examples/proposals/us-28-point-plan.json");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Ukraine rejects it/);
    expect(r.out).toMatch(/referendum \(Ukraine\) would not ratify it/);
  });
  it("gives the structured explanation as JSON", async () => {
    const r = await run("explain", "nash-1950", "--solution", "nash", "--format", "json");
    expect(r.code).toBe(0);
    const e = JSON.parse(r.out);
    expect(e.kind).toBe("solution");
    expect(e.chosen.bundle.pen).toBe("bill");
    expect(e.margin).toBeGreaterThan(0);
  });
  it("asks for exactly one of a proposal or a solution", async () => {
    const r = await run("explain", "nash-1950");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/either a proposal/);
  });
});
