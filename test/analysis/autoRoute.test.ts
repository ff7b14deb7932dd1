import { describe, expect, it, vi } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { DEFAULT_MAX_CANDIDATES, DEFAULT_MEMORY_BUDGET_BYTES } from "../../src/frontier/decomposedFrontier.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { randomAgenda } from "../helpers/randomAgenda.js";

// Which route `analyze` takes is invisible in its result (every route gives the same analysis,
// checked in algorithms.property.test.ts), so the small frontier methods are counted here: under
// `auto`, a small plain scenario's frontier comes from them and the walk only counts (issue 18);
// a forced enumeration keeps the frontier in the walk, an independent check.
const { calls, counting } = vi.hoisted(() => {
  const calls = { direct: 0, small: 0 };
  /** `f`, counting its calls in `calls[key]`. */
  const counting =
    <A extends unknown[], R>(key: keyof typeof calls, f: (...args: A) => R) =>
    (...args: A): R => {
      calls[key]++;
      return f(...args);
    };
  return { calls, counting };
});
vi.mock("../../src/frontier/directFrontier.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/frontier/directFrontier.js")>();
  return { ...original, directFrontier: counting("direct", original.directFrontier) };
});
vi.mock("../../src/frontier/smallFrontier.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/frontier/smallFrontier.js")>();
  return { ...original, smallFrontier: counting("small", original.smallFrontier) };
});

/** The small methods' calls during `f`. */
const counted = (f: () => unknown): { direct: number; small: number } => {
  const before = { ...calls };
  f();
  return { direct: calls.direct - before.direct, small: calls.small - before.small };
};

describe("analyze under auto on a small plain scenario (issue 18)", () => {
  const cliDefaults = { maxCandidates: DEFAULT_MAX_CANDIDATES, memoryBudgetBytes: DEFAULT_MEMORY_BUDGET_BYTES };
  const threeParties = randomAgenda(3, 4, 4, "auto-route"); // 256 bundles: auto enumerates

  it("takes the frontier from directFrontier (two parties) or smallFrontier (three), also under the command line's default budgets", () => {
    expect(analyze(nash1950).algorithm).toBe("enumerate");
    expect(counted(() => analyze(nash1950))).toEqual({ direct: 1, small: 0 });
    expect(counted(() => analyze(nash1950, cliDefaults))).toEqual({ direct: 1, small: 0 });
    expect(analyze(threeParties).algorithm).toBe("enumerate");
    expect(counted(() => analyze(threeParties, cliDefaults))).toEqual({ direct: 1, small: 1 });
  });

  it("keeps the frontier in the walk when enumeration is forced, with progress, or under budgets smaller than the small methods' caps", () => {
    expect(counted(() => analyze(nash1950, { algorithm: "enumerate" }))).toEqual({ direct: 0, small: 0 });
    expect(counted(() => analyze(nash1950, { onProgress: () => {} }))).toEqual({ direct: 0, small: 0 });
    expect(counted(() => analyze(nash1950, { memoryBudgetBytes: 20_000 }))).toEqual({ direct: 0, small: 0 });
    expect(counted(() => analyze(threeParties, { maxCandidates: 1_000 }))).toEqual({ direct: 0, small: 0 });
  });

  it("gives the forced enumeration's analysis either way", () => {
    for (const s of [nash1950, threeParties])
      expect(analyze(s, cliDefaults)).toEqual(analyze(s, { algorithm: "enumerate" }));
  });
});
