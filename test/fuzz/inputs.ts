/**
 * Fuzzing of the other inputs a user hands treatylab (issue 17): edits and events files,
 * uncertainty files, GMCR+ save files and GENIUS XML. Each kind is a fast-check arbitrary of
 * work (a mutated input and what is done with it); {@link runInput} classifies what the work did.
 * Used by test/fuzz/inputs.test.ts (small, in CI) and `npm run fuzz -- --inputs` (long mode).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
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
import { type Mutation, mutate, mutationArb, uncleanRefusal } from "./hostile.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const json = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), "utf8"));

/** One fuzzed input: what it is (for a failure report) and the work it stands for. */
export interface InputCase {
  readonly describe: () => string;
  readonly run: () => unknown;
}

/** What one input did: used, refused cleanly (the library's own error, one escaped line), or a failure. */
export type InputOutcome =
  | { readonly kind: "ok" | "refused"; readonly message?: string }
  | { readonly kind: "crash" | "nan"; readonly message: string };

/** Runs one input and says what happened. Never throws. */
export function runInput(input: InputCase): InputOutcome {
  try {
    const out = input.run();
    const text = JSON.stringify(out ?? null, (_k, v: unknown) =>
      typeof v === "number" && !Number.isFinite(v) ? `NON-FINITE ${v}` : typeof v === "bigint" ? String(v) : v,
    );
    const bad = text.match(/"NON-FINITE [^"]*"/);
    if (bad) return { kind: "nan", message: `a result holds ${bad[0]}` };
    return { kind: "ok" };
  } catch (err) {
    const message = String((err as Error)?.message ?? err);
    if (!(err instanceof TreatylabError))
      return { kind: "crash", message: `${(err as Error)?.name ?? "thrown"}: ${message.slice(0, 300)}` };
    const unclean = uncleanRefusal(message);
    return unclean ? { kind: "crash", message: unclean } : { kind: "refused", message };
  }
}

const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });
const shown = (m: readonly Mutation[]): string =>
  JSON.stringify(m, (_k, v: unknown) =>
    typeof v === "bigint"
      ? `${v}n`
      : typeof v === "string" && v.length > 80
        ? `${v.slice(0, 20)}…(${v.length} chars)`
        : v,
  );

/** Edits and events files (two shipped ones and a list of edits on nash-1950), mutated, applied, validated. */
export function editsArb(): fc.Arbitrary<InputCase> {
  const bases = [
    json("examples/events/sanctions.json"),
    json("examples/events/sanctions-with-relief.json"),
    [
      { op: "shiftReservation", party: "bill", by: -0.05 },
      { op: "setWeight", party: "jack", issue: "book", value: 3 },
    ],
  ];
  const nash = builtinScenario("nash-1950");
  const ukraine = builtinScenario("ukraine-2025");
  return fc.tuple(fc.nat(bases.length - 1), mutationsArb).map(([b, m]) => ({
    describe: () => `edits ${b}, mutations ${shown(m)}`,
    run: () =>
      validateScenario(applyEditsData(b === 2 ? nash : ukraine, mutate(bases[b] as Scenario, m), "edits.json")),
  }));
}

/** Uncertainty files on nash-1950, mutated, parsed, then a five-draw Monte Carlo run. */
export function uncertaintyArb(): fc.Arbitrary<InputCase> {
  const base = {
    "parties.*.weights.*": { confidence: "medium" },
    "parties.*.reservation": { spread: 0.1 },
    "parties.bill.reservation": { dist: "triangular", min: 0.1, max: 0.4 },
    "parties.jack.reservation": { dist: "uniform", min: 0.1, max: 0.3 },
  } as unknown as Scenario;
  const nash = builtinScenario("nash-1950");
  return mutationsArb.map((m) => ({
    describe: () => `uncertainty, mutations ${shown(m)}`,
    run: () => monteCarlo(nash, parseUncertainty(mutate(base, m)), { draws: 5, seed: "fuzz", solutions: ["nash"] }),
  }));
}

/** GMCR+ save files (the Cuban missile crisis fixture), mutated, read, then every stability concept. */
export function gmcrArb(): fc.Arbitrary<InputCase> {
  const base = json("test/stability/fixtures/cuban.gmcr") as Scenario;
  return mutationsArb.map((m) => ({
    describe: () => `cuban.gmcr, mutations ${shown(m)}`,
    run: () => analyzeStability(fromGmcr(mutate(base, m), "cuban.gmcr")),
  }));
}

/** GENIUS XML (the shipped nash-1950 folder) with up to six characters replaced in one file, imported and validated. */
export function geniusArb(): fc.Arbitrary<InputCase> {
  const dir = path.join(ROOT, "examples/genius/nash-1950");
  const names = ["nash-1950_domain.xml", "bill.xml", "jack.xml"];
  const files = names.map((name) => ({
    name,
    path: path.join("nash-1950", name),
    text: readFileSync(path.join(dir, name), "utf8"),
  }));
  const editArb = fc.record({
    at: fc.nat(),
    ch: fc.constantFrom("<", ">", '"', "=", "&", "\u0000", "9", "-", "é", "", "1e308", "NaN"),
  });
  return fc.tuple(fc.nat(files.length - 1), fc.array(editArb, { minLength: 1, maxLength: 6 })).map(([which, edits]) => {
    const bad = files.map((f, i) => {
      if (i !== which) return f;
      let t = f.text;
      for (const e of edits) {
        const at = e.at % t.length;
        t = t.slice(0, at) + e.ch + t.slice(at + 1);
      }
      return { ...f, text: t };
    });
    return {
      describe: () => `GENIUS ${names[which]}, edits ${JSON.stringify(edits)}`,
      run: () => validateScenario(importGeniusFolderFiles("nash-1950", bad)),
    };
  });
}

/** Every kind of input the fuzzer covers besides scenarios and command lines. */
export const INPUT_KINDS: Readonly<Record<string, () => fc.Arbitrary<InputCase>>> = {
  edits: editsArb,
  uncertainty: uncertaintyArb,
  gmcr: gmcrArb,
  genius: geniusArb,
};
