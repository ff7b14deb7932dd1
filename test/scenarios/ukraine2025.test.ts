import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import { forEachZopaBundle } from "../../src/analysis/zopa.js";
import { compileScenario, countFeasible } from "../../src/model/compile.js";
import type { Bundle, Issue, Note, PiecewiseValue, Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario, builtinScenarioIds } from "../../src/scenarios/builtins.js";
import { ukraine2025 } from "../../src/scenarios/ukraine2025.js";

// ---------------------------------------------------------------------------------------------
// A small oracle written from the scenario format's definition, independent of the engine:
// utility = sum over issues of (weight / sum of weights) * (value / largest value on the issue),
// numeric issues valued by linear interpolation between the given points over the grid
// min, min + step, ..., max. Red lines, constraints and acceptance are read from the raw object.
// ---------------------------------------------------------------------------------------------
const TOL = 1e-9;
const s: Scenario = ukraine2025;

function grid(issue: Issue): string[] {
  if (issue.type !== "numeric") return issue.options.map((o) => o.id);
  const out: string[] = [];
  for (let x = issue.range.min; x <= issue.range.max + 1e-9; x += issue.range.step) out.push(String(x));
  return out;
}

function interpolate(points: PiecewiseValue["points"], x: number): number {
  if (x <= points[0]![0]) return points[0]![1];
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = points[k - 1]!;
    const [x1, y1] = points[k]!;
    if (x <= x1) return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
  }
  return points[points.length - 1]![1];
}

function rawValue(partyIndex: number, issue: Issue, option: string): number {
  const v = s.parties[partyIndex]!.values[issue.id];
  if (v === undefined) return 0;
  if ("points" in v && Array.isArray(v.points)) return interpolate(v.points as PiecewiseValue["points"], Number(option));
  return (v as Record<string, number>)[option] ?? 0;
}

function oracleUtility(partyIndex: number, b: Bundle): number {
  const p = s.parties[partyIndex]!;
  const totalWeight = s.issues.reduce((acc, i) => acc + p.weights[i.id]!, 0);
  let u = 0;
  for (const issue of s.issues) {
    const best = Math.max(...grid(issue).map((o) => rawValue(partyIndex, issue, o)));
    if (best > 0) u += (p.weights[issue.id]! / totalWeight) * (rawValue(partyIndex, issue, b[issue.id]!) / best);
  }
  return u;
}

function crossesRedLine(partyIndex: number, b: Bundle): boolean {
  return (s.parties[partyIndex]!.redLines ?? []).some((r) => {
    const o = b[r.issue]!;
    return (r.reject ?? []).includes(o) || (r.below !== undefined && Number(o) < r.below) || (r.above !== undefined && Number(o) > r.above);
  });
}

const listOf = (c: string | readonly string[]): readonly string[] => (typeof c === "string" ? [c] : c);

function oracleFeasible(b: Bundle): boolean {
  return (s.constraints ?? []).every(
    (c) => !Object.entries(c.if).every(([i, ch]) => listOf(ch).includes(b[i]!)) || Object.entries(c.then).every(([i, ch]) => listOf(ch).includes(b[i]!)),
  );
}

const oracleAccepts = (partyIndex: number, b: Bundle): boolean =>
  !crossesRedLine(partyIndex, b) && oracleUtility(partyIndex, b) >= s.parties[partyIndex]!.reservation - TOL;

const oracleInZopa = (b: Bundle): boolean => oracleFeasible(b) && s.parties.every((_, p) => oracleAccepts(p, b));

const gains = (b: Bundle): number[] => s.parties.map((p, i) => oracleUtility(i, b) - p.reservation);

const plan = (JSON.parse(readFileSync(fileURLToPath(new URL("../../examples/proposals/us-28-point-plan.json", import.meta.url)), "utf8")) as { bundle: Bundle }).bundle;

const isStructuredNote = (n: Note | undefined): boolean =>
  n !== undefined && typeof n === "object" && (n.text ?? "").length > 20 && (n.source ?? "").length > 0 && n.confidence !== undefined;

describe("ukraine-2025: the scenario", () => {
  it("validates, is registered as a built-in, and uses only what the oracle models (no interactions or constituencies)", () => {
    expect(() => validateScenario(ukraine2025)).not.toThrow();
    expect(builtinScenarioIds()).toContain("ukraine-2025");
    expect(builtinScenario("ukraine-2025")).toEqual(validateScenario(ukraine2025));
    for (const p of s.parties) {
      expect((p as { interactions?: unknown }).interactions).toBeUndefined();
      expect((p as { constituencies?: unknown }).constituencies).toBeUndefined();
    }
    expect(s.parties.map((p) => p.id)).toEqual(expect.arrayContaining(["russia", "ukraine", "us", "eu"]));
  });

  it("gives every party a structured provenance note (text, source, confidence) for its weights, reservation, red lines and each weighted issue's values", () => {
    for (const p of s.parties) {
      expect(isStructuredNote(p.notes?.weights), `${p.id}: notes.weights`).toBe(true);
      expect(isStructuredNote(p.notes?.reservation), `${p.id}: notes.reservation`).toBe(true);
      if ((p.redLines ?? []).length > 0) expect(isStructuredNote(p.notes?.redLines), `${p.id}: notes.redLines`).toBe(true);
      for (const issue of s.issues)
        if (p.weights[issue.id]! > 0) expect(isStructuredNote(p.notes?.[`values.${issue.id}`]), `${p.id}: notes.values.${issue.id}`).toBe(true);
    }
  });

  it("puts the reported army-cap figures on the grid (except Russia's 85, which the docs say is off the 50-step grid)", () => {
    const cap = s.issues.find((i) => i.id === "army-cap")!;
    expect(cap.type).toBe("numeric");
    const ids = grid(cap);
    for (const x of ["50", "250", "600", "800"]) expect(ids).toContain(x);
    expect(ids).not.toContain("85");
  });

  it("encodes the reported red lines and rules out a NATO path with a written exclusion", () => {
    const russia = s.parties.findIndex((p) => p.id === "russia");
    const ukraine = s.parties.findIndex((p) => p.id === "ukraine");
    expect(crossesRedLine(russia, { ...plan, status: "nato-path" })).toBe(true);
    expect(crossesRedLine(ukraine, { ...plan, nato: "no-ukraine" })).toBe(true);
    expect(oracleFeasible({ ...plan, status: "nato-path", "army-cap": "900", nato: "constitution-ban" })).toBe(false);
    expect(oracleFeasible({ ...plan, status: "nato-path", "army-cap": "900", nato: "open-door" })).toBe(true);
  });

  it("keeps the outcome space enumerable under the default limit", () => {
    const c = compileScenario(validateScenario(s));
    expect(c.combinations).toBeLessThanOrEqual(50_000_000n);
    expect(countFeasible(c)).toBeGreaterThan(0n);
  });
});

describe("ukraine-2025: the analysis", () => {
  const a = analyze(s);
  const zopa: Bundle[] = [];
  forEachZopaBundle(s, (pt) => {
    zopa.push(pt.bundle);
  });

  it("finds a non-empty but narrow ZOPA (under 1% of feasible bundles) whose every bundle the oracle accepts", () => {
    expect(a.zopa.count).toBeGreaterThan(0);
    expect(a.zopa.count).toBe(zopa.length);
    expect(a.zopa.count / a.outcomes).toBeLessThan(0.01);
    for (const b of zopa) expect(oracleInZopa(b)).toBe(true);
  });

  it("counts the ZOPA exactly on a slice: fixing six issues at the Nash clauses, the oracle enumerates the other six", () => {
    const nash = a.solutions.nash!.bundle;
    const fixed = ["nato", "status", "army-cap", "sanctions", "assets", "guarantees"];
    const free = s.issues.filter((i) => !fixed.includes(i.id));
    let bundles: Record<string, string>[] = [Object.fromEntries(fixed.map((i) => [i, nash[i]!]))];
    for (const issue of free) bundles = bundles.flatMap((b) => grid(issue).map((o) => ({ ...b, [issue.id]: o })));
    const expected = bundles.filter(oracleInZopa).length;
    const actual = zopa.filter((b) => fixed.every((i) => b[i] === nash[i])).length;
    expect(expected).toBeGreaterThan(0);
    expect(actual).toBe(expected);
  });

  it("places each solution in the ZOPA with the oracle's utilities, and each maximises its own criterion over the ZOPA", () => {
    const u = (b: Bundle): number[] => s.parties.map((_, p) => oracleUtility(p, b));
    const ideal = s.parties.map((_, p) => Math.max(...zopa.map((b) => oracleUtility(p, b))));
    const criteria = {
      nash: (b: Bundle) => gains(b).reduce((x, g) => x * g, 1),
      egalitarian: (b: Bundle) => Math.min(...gains(b)),
      utilitarian: (b: Bundle) => u(b).reduce((x, y) => x + y, 0),
      kalaiSmorodinsky: (b: Bundle) => Math.min(...gains(b).map((g, p) => g / (ideal[p]! - s.parties[p]!.reservation))),
    };
    for (const [name, criterion] of Object.entries(criteria)) {
      const sol = a.solutions[name as keyof typeof criteria];
      expect(sol, name).not.toBeNull();
      expect(oracleInZopa(sol!.bundle), name).toBe(true);
      s.parties.forEach((p, i) => expect(sol!.utilities[p.id]).toBeCloseTo(oracleUtility(i, sol!.bundle), 9));
      const best = Math.max(...zopa.map(criterion));
      expect(criterion(sol!.bundle), name).toBeGreaterThanOrEqual(best - 1e-9);
    }
  });

  it("gives different settlements under different solution concepts (at least three distinct bundles)", () => {
    const distinct = new Set(Object.values(a.solutions).map((x) => JSON.stringify(x?.bundle)));
    expect(distinct.size).toBeGreaterThanOrEqual(3);
  });
});

describe("ukraine-2025: the US 28-point plan", () => {
  const r = checkProposal(s, plan, { alternatives: 3 });

  it("reports each party's utility and verdict as the oracle computes them", () => {
    expect(r.feasible).toBe(oracleFeasible(plan));
    s.parties.forEach((p, i) => {
      const v = r.verdicts.find((x) => x.party === p.id)!;
      expect(v.utility).toBeCloseTo(oracleUtility(i, plan), 9);
      expect(v.accepts).toBe(oracleAccepts(i, plan));
      expect(v.redLines.length > 0).toBe(crossesRedLine(i, plan));
    });
    expect([...r.rejectedBy].sort()).toEqual(s.parties.filter((_, i) => !oracleAccepts(i, plan)).map((p) => p.id).sort());
    expect(r.acceptedByAll).toBe(oracleInZopa(plan));
  });

  it("lists alternatives the oracle accepts, with no acceptable bundle closer to the plan", () => {
    expect(r.alternatives.length).toBeGreaterThan(0);
    for (const alt of r.alternatives) {
      expect(oracleInZopa(alt.bundle)).toBe(true);
      expect(alt.distance).toBe(s.issues.filter((i) => alt.bundle[i.id] !== plan[i.id]).length);
      s.parties.forEach((p, i) => expect(alt.delta[p.id]).toBeCloseTo(oracleUtility(i, alt.bundle) - oracleUtility(i, plan), 9));
    }
    const nearest = r.alternatives[0]!.distance;
    // Every bundle strictly closer than the nearest alternative (here: the plan itself, or one clause away) is outside the ZOPA.
    expect(nearest).toBeLessThanOrEqual(2);
    const closer: Bundle[] = [plan];
    if (nearest === 2) for (const issue of s.issues) for (const o of grid(issue)) if (o !== plan[issue.id]) closer.push({ ...plan, [issue.id]: o });
    for (const b of closer) expect(oracleInZopa(b)).toBe(false);
  });

  it("evaluates any bundle as the oracle does (random bundles)", () => {
    const bundleArb = fc.record(Object.fromEntries(s.issues.map((i) => [i.id, fc.constantFrom(...grid(i))])) as Record<string, fc.Arbitrary<string>>);
    fc.assert(
      fc.property(bundleArb, (b) => {
        const e = checkProposal(s, b, { alternatives: 0 });
        expect(e.feasible).toBe(oracleFeasible(b));
        s.parties.forEach((p, i) => {
          expect(e.utilities[p.id]).toBeCloseTo(oracleUtility(i, b), 9);
          expect(e.verdicts[i]!.accepts).toBe(oracleAccepts(i, b));
        });
      }),
    );
  });
});

describe("examples/*.ts", () => {
  const dir = fileURLToPath(new URL("../../examples/", import.meta.url));
  const scripts = readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();
  const run = promisify(execFile);

  it("include the three ukraine-2025 scripts", () => {
    expect(scripts).toEqual(expect.arrayContaining(["analyze-ukraine.ts", "check-proposal.ts", "change-weight-and-compare.ts"]));
  });

  // One tsx process per script, two at a time (the machine has two cores).
  it("run without error and print something", async () => {
    const queue = [...scripts];
    const failures: string[] = [];
    const worker = async (): Promise<void> => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
        try {
          const { stdout } = await run("npx", ["tsx", `examples/${f}`], { cwd: fileURLToPath(new URL("../../", import.meta.url)), timeout: 60_000 });
          if (stdout.trim().length === 0) failures.push(`${f}: printed nothing`);
        } catch (err) {
          failures.push(`${f}: ${(err as Error).message.split("\n").slice(0, 3).join(" ")}`);
        }
      }
    };
    await Promise.all([worker(), worker()]);
    expect(failures).toEqual([]);
  }, 120_000);
});
