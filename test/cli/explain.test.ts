import { describe, expect, it } from "vitest";
import { run } from "./run.js";

describe("treatylab explain", () => {
  it("narrates why a proposal is rejected, naming the blocking constituency", async () => {
    // The 28-point plan with the south recognised as Russian too: Kyiv's negotiator would accept it, its referendum would not.
    const r = await run(
      "explain",
      "ukraine-2025-ratification",
      "--proposal",
      "examples/proposals/us-28-point-plan.json",
      "--set",
      "zaporizhzhia=de-facto-russian",
      "--set",
      "kherson=de-facto-russian",
    );
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/^Ukraine rejects it/m);
    expect(r.out).toMatch(/European Union rejects it/);
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
    expect(r.err).toMatch(/either a proposal .* or --solution <name>; neither was given/);
    const both = await run("explain", "nash-1950", "--set", "pen=jack", "--solution", "nash");
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/or --solution <name>, not both/);
  });
});
