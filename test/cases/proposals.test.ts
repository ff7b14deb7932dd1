import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import { HISTORICAL_CASES } from "../../src/cases/registry.js";
import { proposalFromData } from "../../src/cli/proposalInput.js";

describe("historical cases: proposal files", () => {
  for (const hc of HISTORICAL_CASES) {
    it(`examples/proposals/${hc.id}.json is the case's text and validates against its scenario`, () => {
      const file = `examples/proposals/${hc.id}.json`;
      const data = JSON.parse(readFileSync(file, "utf8")) as {
        bundle: unknown;
        notes: Record<string, string>;
        title: string;
      };
      const bundle = proposalFromData({ file, data }, []);
      expect(bundle).toEqual(hc.text.bundle);
      expect(data.title).toBe(hc.text.title);
      expect(data.notes).toEqual(hc.text.notes);
      const r = checkProposal(hc.scenario, bundle, { alternatives: 0 });
      expect(r.feasible).toBe(true);
      expect(Object.keys(r.bundle).sort()).toEqual(hc.scenario.issues.map((i) => i.id).sort());
    });
  }
});
