/**
 * The fuzz harness of issue 17: fast-check arbitraries of hostile scenarios (mutations of valid
 * ones) and a classifier that runs one input through validation and analysis and says what
 * happened: refused cleanly (the library's own error), ok, or a failure (crash, NaN, invariant
 * violation, slow). Used by test/fuzz/fuzz.test.ts (small, in CI) and scripts/fuzz.ts (long mode).
 */
import fc from "fast-check";
import { analyze, frontierPoints } from "../../src/analysis/analyze.js";
import { compileScenario } from "../../src/model/compile.js";
import type { AlgorithmName, Analysis } from "../../src/analysis/types.js";
import { TreatylabError } from "../../src/model/errors.js";
import { UTILITY_TOLERANCE } from "../../src/model/tolerance.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { scenarioArb } from "../helpers/arbitraries.js";

/** What one input did. */
export type Outcome =
  | { readonly kind: "ok" | "refused"; readonly ms: number; readonly message?: string }
  | { readonly kind: "crash" | "nan" | "invariant" | "slow"; readonly ms: number; readonly message: string };

/** A mutation applied at one path of a valid scenario's JSON. */
export type Mutation =
  | { readonly op: "set"; readonly at: number; readonly value: unknown }
  | { readonly op: "delete"; readonly at: number }
  | { readonly op: "addKey"; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: "cycle"; readonly at: number }
  | { readonly op: "deep"; readonly at: number; readonly depth: number };

const EXTREME_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  5e-324,
  1e15,
  1e16,
  2 ** 53 + 1,
  -0,
  1e10,
  1e-10,
  1e-300,
  NaN,
  Infinity,
  -Infinity,
  0,
  -1,
  1.0000000001,
  0.9999999999,
];
const HOSTILE_STRINGS = [
  "",
  "__proto__",
  "constructor",
  "a\nb",
  "\u001b[31mred\u001b[0m",
  "\u0000\u0001\u0002",
  "x".repeat(5_000),
  "é€😀",
  "\ud800",
  "../../etc/passwd",
  "o0",
  "i0",
  "unknown-id",
  "1e308",
];

/** Values a mutation may write: wrong types, extreme numbers, hostile strings, BigInt, nested junk. */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...EXTREME_NUMBERS),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom<unknown>(null, true, false, undefined, [], {}, [[]], { id: "x" }),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.constant(new Date(0)),
  fc.constant(new Map()),
  fc.constant("y".repeat(1_000_100)),
);

/** One mutation; `at` indexes the list of paths of the scenario (modulo its length). */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant("set" as const), at: fc.nat(), value: hostileValueArb }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant("delete" as const), at: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant("addKey" as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.constant("k".repeat(2_000))),
      value: hostileValueArb,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant("cycle" as const), at: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant("deep" as const),
      at: fc.nat(),
      depth: fc.constantFrom(10, 70, 10_000, 200_000),
    }),
    weight: 1,
  },
);

type Container = Record<string, unknown> | unknown[];
interface Slot {
  readonly parent: Container;
  readonly key: string | number;
  readonly ancestors: readonly Container[];
}

/** Every (container, key) of a JSON value, in a fixed order. */
function slots(root: Container): Slot[] {
  const out: Slot[] = [];
  const stack: { c: Container; anc: Container[] }[] = [{ c: root, anc: [] }];
  while (stack.length) {
    const { c, anc } = stack.pop()!;
    const keys: (string | number)[] = Array.isArray(c) ? c.map((_, i) => i) : Object.keys(c);
    for (const k of keys) {
      out.push({ parent: c, key: k, ancestors: [...anc, c] });
      const v = (c as Record<string | number, unknown>)[k];
      if (v !== null && typeof v === "object" && anc.length < 12 && !anc.includes(v as Container))
        stack.push({ c: v as Container, anc: [...anc, c] });
    }
  }
  return out;
}

/** Applies mutations to a deep copy of `s` (the original is never touched). */
export function mutate(s: Scenario, mutations: readonly Mutation[]): unknown {
  const root = structuredClone(s) as unknown as Record<string, unknown>;
  for (const m of mutations) {
    const all = slots(root);
    if (all.length === 0) break;
    const slot = all[m.at % all.length]!;
    const p = slot.parent as Record<string | number, unknown>;
    switch (m.op) {
      case "set":
        p[slot.key] = m.value;
        break;
      case "delete":
        if (Array.isArray(p)) (p as unknown[]).splice(slot.key as number, 1);
        else delete p[slot.key];
        break;
      case "addKey":
        if (!Array.isArray(p)) p[m.key] = m.value;
        break;
      case "cycle":
        p[slot.key] = slot.ancestors[m.at % slot.ancestors.length];
        break;
      case "deep": {
        let v: unknown = 1;
        for (let i = 0; i < m.depth; i++) v = i % 2 ? [v] : { a: v };
        p[slot.key] = v;
        break;
      }
    }
  }
  return root;
}

/** Hostile inputs: a small valid scenario with 0 to 3 mutations. */
export const hostileScenarioArb: fc.Arbitrary<{ base: Scenario; mutations: Mutation[] }> = fc.record({
  base: scenarioArb({
    maxParties: 4,
    maxIssues: 4,
    maxOptions: 4,
    redLines: true,
    constraints: true,
    constituencies: true,
    interactions: true,
  }),
  mutations: fc.array(mutationArb, { minLength: 0, maxLength: 3 }),
});

const decomposable = (s: Scenario): boolean =>
  s.parties.every(
    (p) =>
      !p.interactions?.length &&
      (p.constituencies ?? []).every(
        (k) => !k.interactions?.length && (k.veto || (p.ratification?.rule ?? "all") === "all"),
      ),
  );

const vec = (a: Analysis, u: Readonly<Record<string, number>>): number[] => a.parties.map((p) => u[p.id]!);
const TOL = UTILITY_TOLERANCE + 1e-11; // utilities in results are rounded to 12 digits

/**
 * The invariants every analysis must meet; returns the first violated, or undefined. `exact` are
 * the frontier's utilities before rounding for output (frontierPoints), checked for exact
 * dominance (the engine's rule); without them the rounded utilities are checked within TOL.
 */
export function invariantViolation(a: Analysis, exact?: readonly ArrayLike<number>[]): string | undefined {
  const res = a.parties.map((p) => p.reservation);
  const pts = exact ? exact.map((u) => Array.from(u)) : a.frontier.map((f) => vec(a, f.utilities));
  const tol = exact ? 0 : TOL;
  for (const [name, sol] of Object.entries(a.solutions)) {
    if (!sol) continue;
    const u = vec(a, sol.utilities);
    const k = u.findIndex((x, i) => x < res[i]! - TOL);
    if (k >= 0)
      return `solution ${name} gives ${a.parties[k]!.id} ${u[k]}, below its reservation ${res[k]} (outside the ZOPA)`;
  }
  for (let i = 0; i < pts.length; i++)
    for (let j = 0; j < pts.length; j++) {
      if (i === j) continue;
      const a1 = pts[i]!;
      const b1 = pts[j]!;
      if (a1.every((x, d) => x >= b1[d]! - tol) && a1.some((x, d) => x > b1[d]! + tol))
        return `frontier point ${j} is dominated by frontier point ${i}`;
    }
  return undefined;
}

/** Whether two frontiers are exactly the same: the same bundles, in the same order, with the same utilities. */
export function sameFrontier(a: Analysis, b: Analysis): boolean {
  return (
    JSON.stringify(a.frontier) === JSON.stringify(b.frontier) &&
    JSON.stringify(a.solutions) === JSON.stringify(b.solutions)
  );
}

const EXTREME_SCALES = [1e10, 1e-10, 1e15, 1e-15, 1e-300, 5e-324, 1e14, 3e-9];

/**
 * Valid scenarios with extreme numbers (issue 17): one weight and one value of some party scaled
 * by 1e10, 1e-10, 1e15, 1e-300, ... (numbers above 1e15 are refused by validation). Additive
 * utilities, so both exact algorithms run and must agree exactly.
 */
export const extremeScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    base: scenarioArb({ maxParties: 4, maxIssues: 5, maxOptions: 4, redLines: true, constraints: true }),
    party: fc.nat(),
    issue: fc.nat(),
    option: fc.nat(),
    weightScale: fc.constantFrom(...EXTREME_SCALES, 1),
    valueScale: fc.constantFrom(...EXTREME_SCALES, 1),
  })
  .map(({ base, party, issue, option, weightScale, valueScale }) => {
    const s = structuredClone(base) as unknown as {
      parties: { weights: Record<string, number>; values: Record<string, Record<string, number>> }[];
      issues: { id: string }[];
    };
    const p = s.parties[party % s.parties.length]!;
    const id = s.issues[issue % s.issues.length]!.id;
    p.weights[id] = Math.min(1e15, (p.weights[id] ?? 1) * weightScale || weightScale);
    const vals = p.values[id];
    if (vals) {
      const keys = Object.keys(vals);
      if (keys.length > 0) {
        const k = keys[option % keys.length]!;
        vals[k] = Math.min(1e15, (vals[k] || 1) * valueScale);
      }
    }
    return s as unknown as Scenario;
  });

/**
 * Why a library error's message is not a clean refusal (a control character such as a newline, or
 * over 400 characters), or undefined when it is one clean line. Shared by every fuzz classifier.
 */
export function uncleanRefusal(message: string): string | undefined {
  return /[\u0000-\u001f\u007f]/.test(message) || message.length > 400
    ? `a library error that is not one clean line: ${JSON.stringify(message.slice(0, 200))}`
    : undefined;
}

/**
 * Runs one input: validation, then (when it passes) analysis with both exact algorithms where
 * both apply, and classifies what happened. Never throws.
 */
export function classify(input: unknown, slowMs = 2_000): Outcome {
  const t0 = performance.now();
  const ms = (): number => Math.round(performance.now() - t0);
  try {
    const s = validateScenario(input);
    const algos: AlgorithmName[] = decomposable(s) ? ["frontier", "enumerate"] : ["enumerate"];
    const results = algos.map((algorithm) => analyze(s, { algorithm }));
    const compiled = compileScenario(s);
    for (const r of results) {
      const exact = frontierPoints(compiled, { algorithm: r.algorithm }).map((pt) => pt.utilities);
      if (exact.length !== r.frontier.length)
        return {
          kind: "invariant",
          ms: ms(),
          message: `${r.algorithm}: frontierPoints gives ${exact.length} points, analyze ${r.frontier.length}`,
        };
      const bad = invariantViolation(r, exact);
      if (bad) return { kind: "invariant", ms: ms(), message: `${r.algorithm}: ${bad}` };
    }
    if (results.length === 2 && !sameFrontier(results[0]!, results[1]!))
      return {
        kind: "invariant",
        ms: ms(),
        message: `frontier (${results[0]!.frontier.length} points) and enumerate (${results[1]!.frontier.length} points) disagree`,
      };
    if (ms() > slowMs) return { kind: "slow", ms: ms(), message: `took ${ms()} ms` };
    return { kind: "ok", ms: ms() };
  } catch (err) {
    const message = String((err as Error)?.message ?? err);
    if (err instanceof TreatylabError) {
      const unclean = uncleanRefusal(message);
      return unclean ? { kind: "crash", ms: ms(), message: unclean } : { kind: "refused", ms: ms(), message };
    }
    if (/non-finite|NaN/.test(message)) return { kind: "nan", ms: ms(), message };
    return { kind: "crash", ms: ms(), message: `${(err as Error)?.name ?? "thrown"}: ${message.slice(0, 300)}` };
  }
}
