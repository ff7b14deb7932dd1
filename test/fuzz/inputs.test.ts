/**
 * Fuzzing of the other inputs a user hands treatylab (issue 17): edits and events files,
 * uncertainty files, GMCR+ save files and GENIUS XML. Each mutated input must either work or be
 * refused with the library's own error (one escaped line), never a TypeError, a RangeError or NaN.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEditsData } from "../../src/edits/editsData.js";
import { importGeniusFolderFiles } from "../../src/interop/geniusFiles.js";
import { TreatylabError } from "../../src/model/errors.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { analyzeStability } from "../../src/stability/concepts.js";
import { fromGmcr } from "../../src/stability/gmcr.js";
import { monteCarlo } from "../../src/uncertainty/monteCarlo.js";
import { parseUncertainty } from "../../src/uncertainty/types.js";
import { mutate, mutationArb } from "./hostile.js";

const nash = builtinScenario("nash-1950");
const json = (file: string): Scenario => JSON.parse(readFileSync(file, "utf8")) as Scenario;

/** Runs `f`; "ok" or "refused" (our error, one clean line); anything else fails the test. */
function cleanly(f: () => unknown): "ok" | "refused" {
  try {
    const out = f();
    expect(JSON.stringify(out ?? null)).not.toMatch(/\bNaN\b|null,"?NaN/);
    return "ok";
  } catch (e) {
    if (!(e instanceof TreatylabError)) throw e;
    expect(e.message).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(e.message.length).toBeLessThanOrEqual(400);
    return "refused";
  }
}

const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

describe("fuzz: other inputs are used or refused cleanly", () => {
  it("edits and events files", () => {
    const bases = [
      json("examples/events/sanctions.json"),
      json("examples/events/sanctions-with-relief.json"),
      [
        { op: "shiftReservation", party: "bill", by: -0.05 },
        { op: "setWeight", party: "jack", issue: "book", value: 3 },
      ],
    ] as unknown as Scenario[];
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.nat(bases.length - 1), mutationsArb, (b, m) => {
        const s = b === 2 ? nash : builtinScenario("ukraine-2025");
        seen.add(cleanly(() => validateScenario(applyEditsData(s, mutate(bases[b]!, m), "edits.json"))));
      }),
      { numRuns: 150, seed: 17 },
    );
    expect(seen).toContain("refused");
  });

  it("uncertainty files (parsed, then a short Monte Carlo run)", () => {
    const base = {
      "parties.*.weights.*": { confidence: "medium" },
      "parties.*.reservation": { spread: 0.1 },
      "parties.bill.reservation": { dist: "triangular", min: 0.1, max: 0.4 },
      "parties.jack.reservation": { dist: "uniform", min: 0.1, max: 0.3 },
    } as unknown as Scenario;
    const seen = new Set<string>();
    fc.assert(
      fc.property(mutationsArb, (m) => {
        seen.add(
          cleanly(() =>
            monteCarlo(nash, parseUncertainty(mutate(base, m)), { draws: 5, seed: "fuzz", solutions: ["nash"] }),
          ),
        );
      }),
      { numRuns: 150, seed: 17 },
    );
    expect(seen).toEqual(new Set(["ok", "refused"]));
  });

  it("GMCR+ save files (read, then all stability concepts)", () => {
    const base = json("test/stability/fixtures/cuban.gmcr");
    const seen = new Set<string>();
    fc.assert(
      fc.property(mutationsArb, (m) => {
        seen.add(cleanly(() => analyzeStability(fromGmcr(mutate(base, m), "cuban.gmcr"))));
      }),
      { numRuns: 150, seed: 17 },
    );
    expect(seen).toEqual(new Set(["ok", "refused"]));
  });

  it("GENIUS XML with corrupted characters", () => {
    const dir = "../shared/data/genius/Laptop";
    const names = ["laptop_domain.xml", "laptop_buyer_utility.xml", "laptop_seller_utility.xml"];
    const files = names.map((name) => ({
      name,
      path: path.join("Laptop", name),
      text: readFileSync(path.join(dir, name), "utf8"),
    }));
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.nat(2),
        fc.array(
          fc.record({ at: fc.nat(), ch: fc.constantFrom("<", ">", '"', "=", "&", "\u0000", "9", "-", "é", "") }),
          { minLength: 1, maxLength: 6 },
        ),
        (which, edits) => {
          const bad = files.map((f, i) => {
            if (i !== which) return f;
            let t = f.text;
            for (const e of edits) {
              const at = e.at % t.length;
              t = t.slice(0, at) + e.ch + t.slice(at + 1);
            }
            return { ...f, text: t };
          });
          seen.add(cleanly(() => validateScenario(importGeniusFolderFiles("Laptop", bad))));
        },
      ),
      { numRuns: 150, seed: 17 },
    );
    expect(seen).toContain("refused");
  });
});

describe("pinned regressions of the input fuzzing", () => {
  const refusal = (f: () => unknown): string => {
    expect(cleanly(f)).toBe("refused");
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    return "";
  };
  it("a BigInt in an edit is refused, not a TypeError from JSON.stringify", () => {
    expect(refusal(() => applyEditsData(nash, [{ op: "shiftReservation", party: "bill", by: 1n }], "e.json"))).toMatch(
      /^e\.json: .*BigInt/,
    );
  });
  it("a shift by a non-number names the field", () => {
    expect(
      refusal(() => applyEditsData(nash, [{ op: "shiftReservation", party: "bill", by: [[1]] }], "e.json")),
    ).toMatch(/edits\[0\]\.by: is a list; expected a finite number/);
    expect(refusal(() => applyEditsData(nash, [{ op: "removeConstraint", index: "0" }], "e.json"))).toMatch(
      /edits\[0\]\.index: is "0"; expected a whole number/,
    );
    expect(refusal(() => applyEditsData(nash, [{ op: "setWeight", party: "bill", issue: "book" }], "e.json"))).toMatch(
      /edits\[0\]\.value: is missing/,
    );
  });
  it("a cycle in an uncertainty file or a GMCR+ file is refused", () => {
    const u: Record<string, unknown> = { "parties.*.reservation": { spread: 0.1 } };
    (u["parties.*.reservation"] as Record<string, unknown>).self = u;
    expect(refusal(() => parseUncertainty(u))).toMatch(/cycle/);
    const g = json("test/stability/fixtures/cuban.gmcr") as unknown as Record<string, unknown>;
    g.options = [g];
    expect(refusal(() => fromGmcr(g, "c.gmcr"))).toMatch(/cycle/);
  });
});
