import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import fc from "fast-check";
import { produce } from "immer";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import { forEachZopaBundle } from "../../src/analysis/zopa.js";
import { compileScenario, countFeasible } from "../../src/model/compile.js";
import type { Bundle, Issue, Note, PiecewiseValue, Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario, builtinScenarioIds } from "../../src/scenarios/builtins.js";
import { UKRAINE_2025_WAR_OUTLOOK, ukraine2025 } from "../../src/scenarios/ukraine2025.js";

// ---------------------------------------------------------------------------------------------
// A small oracle written from the scenario format's definition, independent of the engine:
// utility = sum over issues of (weight / sum of weights) * (value / largest value on the issue),
// numeric issues valued by linear interpolation between the given points over the grid
// min, min + step, ..., max. Red lines, constraints and acceptance are read from the raw object.
// ---------------------------------------------------------------------------------------------
const TOL = 1e-9;
const s: Scenario = ukraine2025;
const listOf = (c: string | readonly string[]): readonly string[] => (typeof c === "string" ? [c] : c);

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
  if ("points" in v && Array.isArray(v.points))
    return interpolate(v.points as PiecewiseValue["points"], Number(option));
  return (v as Record<string, number>)[option] ?? 0;
}

const bestValue = s.parties.map((_, k) =>
  s.issues.map((issue) => Math.max(...grid(issue).map((o) => rawValue(k, issue, o)))),
);

function oracleUtility(partyIndex: number, b: Bundle): number {
  const p = s.parties[partyIndex]!;
  const totalWeight = s.issues.reduce((acc, i) => acc + p.weights[i.id]!, 0);
  let u = 0;
  s.issues.forEach((issue, k) => {
    const best = bestValue[partyIndex]![k]!;
    if (best > 0) u += (p.weights[issue.id]! / totalWeight) * (rawValue(partyIndex, issue, b[issue.id]!) / best);
  });
  // Interaction terms (docs/scenario-format.md): added when every entry of `when` matches.
  for (const t of p.interactions ?? [])
    if (Object.entries(t.when).every(([i, ch]) => listOf(ch).includes(b[i]!))) u += t.value;
  return u;
}

function crossesRedLine(partyIndex: number, b: Bundle): boolean {
  return (s.parties[partyIndex]!.redLines ?? []).some((r) => {
    const o = b[r.issue]!;
    return (
      (r.reject ?? []).includes(o) ||
      (r.below !== undefined && Number(o) < r.below) ||
      (r.above !== undefined && Number(o) > r.above)
    );
  });
}

function oracleFeasible(b: Bundle): boolean {
  return (s.constraints ?? []).every(
    (c) =>
      !Object.entries(c.if).every(([i, ch]) => listOf(ch).includes(b[i]!)) ||
      Object.entries(c.then).every(([i, ch]) => listOf(ch).includes(b[i]!)),
  );
}

const oracleAccepts = (partyIndex: number, b: Bundle): boolean =>
  !crossesRedLine(partyIndex, b) && oracleUtility(partyIndex, b) >= s.parties[partyIndex]!.reservation - TOL;

const oracleInZopa = (b: Bundle): boolean => oracleFeasible(b) && s.parties.every((_, p) => oracleAccepts(p, b));

const gains = (b: Bundle): number[] => s.parties.map((p, i) => oracleUtility(i, b) - p.reservation);

const plan = (
  JSON.parse(
    readFileSync(fileURLToPath(new URL("../../examples/proposals/us-28-point-plan.json", import.meta.url)), "utf8"),
  ) as { bundle: Bundle }
).bundle;

const isStructuredNote = (n: Note | undefined): boolean =>
  n !== undefined &&
  typeof n === "object" &&
  (n.text ?? "").length > 20 &&
  (n.source ?? "").length > 0 &&
  n.confidence !== undefined;

describe("ukraine-2025: the scenario", () => {
  it("validates, is registered as a built-in, and uses only what the oracle models (interactions, no constituencies)", () => {
    expect(() => validateScenario(ukraine2025)).not.toThrow();
    expect(builtinScenarioIds()).toContain("ukraine-2025");
    expect(builtinScenario("ukraine-2025")).toEqual(validateScenario(ukraine2025));
    for (const p of s.parties) expect((p as { constituencies?: unknown }).constituencies).toBeUndefined();
    expect(s.parties.filter((p) => (p.interactions ?? []).length > 0).map((p) => p.id)).toEqual(["russia", "ukraine"]);
    expect(s.parties.map((p) => p.id)).toEqual(expect.arrayContaining(["russia", "ukraine", "us", "eu"]));
  });

  it("gives every party a structured provenance note (text, source, confidence) for its weights, reservation, red lines and each weighted issue's values", () => {
    for (const p of s.parties) {
      expect(isStructuredNote(p.notes?.weights), `${p.id}: notes.weights`).toBe(true);
      expect(isStructuredNote(p.notes?.reservation), `${p.id}: notes.reservation`).toBe(true);
      if ((p.redLines ?? []).length > 0)
        expect(isStructuredNote(p.notes?.redLines), `${p.id}: notes.redLines`).toBe(true);
      for (const issue of s.issues)
        if (p.weights[issue.id]! > 0)
          expect(isStructuredNote(p.notes?.[`values.${issue.id}`]), `${p.id}: notes.values.${issue.id}`).toBe(true);
    }
  });

  it("offers exactly the army-cap figures that were tabled, and counts the cap once (no status issue pays for it again)", () => {
    const cap = s.issues.find((i) => i.id === "army-cap")!;
    expect(grid(cap)).toEqual(["85", "250", "600", "800", "none"]);
    expect(s.issues.map((i) => i.id)).not.toContain("status");
    // No other issue's options mention a cap: the cap's value lives in one place.
    for (const i of s.issues)
      if (i.id !== "army-cap" && i.type !== "numeric")
        for (const o of i.options) expect(`${o.label} ${o.description ?? ""}`).not.toMatch(/\bcap\b/i);
    const russia = s.parties.findIndex((p) => p.id === "russia");
    expect(rawValue(russia, cap, "none")).toBe(0);
  });

  it("encodes the red lines where a party has said never: neutrality, foreign troops and the annexed land for Russia; NATO veto, recognition in law and the army floor for Ukraine", () => {
    const russia = s.parties.findIndex((p) => p.id === "russia");
    const ukraine = s.parties.findIndex((p) => p.id === "ukraine");
    expect(crossesRedLine(russia, { ...plan, nato: "open-door" })).toBe(true);
    expect(crossesRedLine(russia, { ...plan, guarantees: "article5-force" })).toBe(true);
    for (const t of ["donbas", "zaporizhzhia", "kherson", "crimea"]) {
      expect(crossesRedLine(russia, { ...plan, [t]: "ukrainian-control" }), t).toBe(true);
      expect(crossesRedLine(ukraine, { ...plan, [t]: "de-jure-russian" }), t).toBe(true);
    }
    expect(crossesRedLine(ukraine, { ...plan, nato: "no-ukraine" })).toBe(true);
    for (const cap of ["85", "250"]) expect(crossesRedLine(ukraine, { ...plan, "army-cap": cap })).toBe(true);
    expect(crossesRedLine(ukraine, { ...plan, "army-cap": "600" })).toBe(false);
  });

  it("values the land corridor with Crimea above the sum of its parts (Russia), and a capped army without a guarantee below it (Ukraine)", () => {
    const russia = s.parties.findIndex((p) => p.id === "russia");
    const ukraine = s.parties.findIndex((p) => p.id === "ukraine");
    const south = { ...plan, zaporizhzhia: "de-facto-russian", kherson: "de-facto-russian" };
    const crimeaGain = (b: Bundle): number =>
      oracleUtility(russia, { ...b, crimea: "de-facto-russian" }) -
      oracleUtility(russia, { ...b, crimea: "frozen-line" });
    // Recognising Crimea is worth 0.03 more when the corridor is recognised too than when it is frozen.
    expect(
      crimeaGain(south) - crimeaGain({ ...plan, zaporizhzhia: "frozen-line", kherson: "frozen-line" }),
    ).toBeCloseTo(0.03, 12);
    const a = checkProposal(s, { ...south, crimea: "de-facto-russian" }, { alternatives: 0 }).utilities.russia!;
    expect(a).toBeCloseTo(oracleUtility(russia, { ...south, crimea: "de-facto-russian" }), 12);
    const capGain = (g: string): number =>
      oracleUtility(ukraine, { ...plan, guarantees: g, "army-cap": "none" }) -
      oracleUtility(ukraine, { ...plan, guarantees: g, "army-cap": "600" });
    expect(capGain("none") - capGain("article5-like")).toBeCloseTo(0.04, 12);
  });

  it("derives every reservation from the war outlook stated in the scenario (utility minus the cost of a year of war, two decimals)", () => {
    for (const [k, p] of s.parties.entries()) {
      const o = UKRAINE_2025_WAR_OUTLOOK[p.id]!;
      expect(Math.round((oracleUtility(k, o.bundle) - o.cost) * 100) / 100, p.id).toBe(p.reservation);
    }
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

  it("no longer contains the bundles issue 14 found: caps of 250,000 or less, Crimea or Donbas returned, a European force", () => {
    // The old model had 846 bundles capping the army at 250,000 or less, 122 returning Crimea and 72 Donetsk.
    expect(zopa.filter((b) => ["85", "250"].includes(b["army-cap"]!)).length).toBe(0);
    expect(zopa.filter((b) => b.crimea === "ukrainian-control").length).toBe(0);
    expect(zopa.filter((b) => b.donbas === "ukrainian-control").length).toBe(0);
    expect(zopa.filter((b) => b.guarantees === "article5-force" || b.guarantees === "european-force").length).toBe(0);
  });

  it("pins the numbers the engine derives (docs/validation.md and the README quote them): ZOPA 110,625 of 26,542,080, and not every ZOPA bundle needs the Article-5-like pledge", () => {
    expect(a.outcomes).toBe(26_542_080);
    expect(a.zopa.count).toBe(110_625);
    const byGuarantee = (g: string): number => zopa.filter((b) => b.guarantees === g).length;
    expect([
      byGuarantee("article5-like"),
      byGuarantee("european-assurances"),
      byGuarantee("with-russia"),
      byGuarantee("none"),
    ]).toEqual([54_315, 34_792, 15_701, 5_817]);
    expect(a.solutions.nash!.bundle).toMatchObject({
      "army-cap": "800",
      donbas: "de-facto-russian",
      zaporizhzhia: "frozen-line",
      kherson: "frozen-line",
      guarantees: "article5-like",
    });
  });

  it("counts the ZOPA exactly on a slice: fixing eight issues at the Nash clauses, the oracle enumerates the other six", () => {
    const nash = a.solutions.nash!.bundle;
    const fixed = ["nato", "army-cap", "sanctions", "assets", "guarantees", "speakers", "sequence", "znpp"];
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
    expect([...r.rejectedBy].sort()).toEqual(
      s.parties
        .filter((_, i) => !oracleAccepts(i, plan))
        .map((p) => p.id)
        .sort(),
    );
    expect(r.acceptedByAll).toBe(oracleInZopa(plan));
  });

  it("lists alternatives the oracle accepts, with no acceptable bundle closer to the plan", () => {
    expect(r.alternatives.length).toBeGreaterThan(0);
    for (const alt of r.alternatives) {
      expect(oracleInZopa(alt.bundle)).toBe(true);
      expect(alt.distance).toBe(s.issues.filter((i) => alt.bundle[i.id] !== plan[i.id]).length);
      s.parties.forEach((p, i) =>
        expect(alt.delta[p.id]).toBeCloseTo(oracleUtility(i, alt.bundle) - oracleUtility(i, plan), 9),
      );
    }
    const nearest = r.alternatives[0]!.distance;
    // Every bundle strictly closer than the nearest alternative (here: the plan itself, or one clause away) is outside the ZOPA.
    expect(nearest).toBeLessThanOrEqual(2);
    const closer: Bundle[] = [plan];
    if (nearest === 2)
      for (const issue of s.issues)
        for (const o of grid(issue)) if (o !== plan[issue.id]) closer.push({ ...plan, [issue.id]: o });
    for (const b of closer) expect(oracleInZopa(b)).toBe(false);
  });

  it("evaluates any bundle as the oracle does (random bundles)", () => {
    const bundleArb = fc.record(
      Object.fromEntries(s.issues.map((i) => [i.id, fc.constantFrom(...grid(i))])) as Record<
        string,
        fc.Arbitrary<string>
      >,
    );
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

// ---------------------------------------------------------------------------------------------
// Numbers quoted in notes must be numbers of the scenario. A note quotes a value as "(6)", "(9, the
// plan)", "(10, 7, 3, 0)", "worth 4" or "4 of 10"; a weight as "(12)"; a reservation as "0.44 = ...";
// an interaction as "(0.03)". Each quoted number must be one the note's field holds. Numbers written
// without those forms ("frozen 7") are not parsed: the built-in notes put the numbers they assert in them.
// ---------------------------------------------------------------------------------------------
interface Quote {
  readonly where: string;
  readonly number: number;
  readonly allowed: readonly number[];
}

function quotedNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\((-?\d+(?:\.\d+)?(?:, -?\d+(?:\.\d+)?)*)(?=[,):;\s])/g))
    out.push(...m[1]!.split(", ").map(Number));
  for (const m of text.matchAll(/\bworth (?:only )?(\d+(?:\.\d+)?)\b/g)) out.push(Number(m[1]));
  for (const m of text.matchAll(/\b(\d+(?:\.\d+)?) of 10\b/g)) out.push(Number(m[1]));
  return out;
}

function noteQuotes(scenario: Scenario): Quote[] {
  const quotes: Quote[] = [];
  const text = (n: Note | undefined): string => (n === undefined ? "" : typeof n === "string" ? n : (n.text ?? ""));
  for (const p of scenario.parties) {
    const notes = p.notes ?? {};
    for (const [key, note] of Object.entries(notes)) {
      let allowed: number[] | null = null;
      if (key.startsWith("values.")) {
        const v = p.values[key.slice(7)];
        allowed =
          v === undefined
            ? []
            : "points" in v
              ? (v.points as [number, number][]).map(([, y]) => y)
              : Object.values(v as Record<string, number>);
      } else if (key === "weights") allowed = Object.values(p.weights);
      else if (key === "interactions") allowed = (p.interactions ?? []).map((t) => t.value);
      if (allowed !== null)
        for (const n of quotedNumbers(text(note))) quotes.push({ where: `${p.id}.notes.${key}`, number: n, allowed });
      if (key === "reservation") {
        const m = /^(\d\.\d+) =/.exec(text(note));
        if (m) quotes.push({ where: `${p.id}.notes.reservation`, number: Number(m[1]), allowed: [p.reservation] });
      }
    }
  }
  return quotes;
}

const wrongQuotes = (scenario: Scenario): string[] =>
  noteQuotes(scenario)
    .filter((q) => !q.allowed.some((a) => Math.abs(a - q.number) < 1e-9))
    .map((q) => `${q.where} quotes ${q.number}; the field holds ${[...new Set(q.allowed)].join(", ")}`);

describe("ukraine-2025: every number a note quotes is the scenario's", () => {
  it("finds the quoted numbers (more than 120 of them, in every party's notes) and each one matches its field", () => {
    const quotes = noteQuotes(s);
    expect(quotes.length).toBeGreaterThan(120);
    expect(new Set(quotes.map((q) => q.where.split(".")[0]))).toEqual(new Set(s.parties.map((p) => p.id)));
    expect(quotes.filter((q) => q.where.endsWith(".reservation")).length).toBe(s.parties.length);
    expect(wrongQuotes(s)).toEqual([]);
  });

  it("catches the old contradiction (Russia's Zaporizhzhia note said a frozen line is worth 4; the value was 6) and a value changed under its note", () => {
    const withOldNote = produce(s, (d) => {
      d.parties[0]!.notes!["values.zaporizhzhia"] = {
        text: "a frozen line is worth 4 of 10, recognition of the whole 10",
        source: "test",
        confidence: "low",
      };
    });
    expect(wrongQuotes(withOldNote)).toEqual([
      "russia.notes.values.zaporizhzhia quotes 4; the field holds 0, 6, 8, 10",
      "russia.notes.values.zaporizhzhia quotes 4; the field holds 0, 6, 8, 10",
    ]);
    const moved = produce(s, (d) => {
      (d.parties[1]!.values["army-cap"] as Record<string, number>)["600"] = 4;
      d.parties[2]!.reservation = 0.47;
    });
    expect(wrongQuotes(moved)).toEqual(
      expect.arrayContaining([
        "ukraine.notes.values.army-cap quotes 5; the field holds 0, 1, 4, 9, 10",
        "us.notes.reservation quotes 0.48; the field holds 0.47",
      ]),
    );
  });

  it("holds for the ratification variant's constituencies' parties too", () => {
    expect(wrongQuotes(builtinScenario("ukraine-2025-ratification"))).toEqual([]);
  });
});

describe("examples/*.ts", () => {
  const dir = fileURLToPath(new URL("../../examples/", import.meta.url));
  const scripts = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  const run = promisify(execFile);

  it("include the three ukraine-2025 scripts", () => {
    expect(scripts).toEqual(
      expect.arrayContaining(["analyze-ukraine.ts", "check-proposal.ts", "change-weight-and-compare.ts"]),
    );
  });

  // They ship in the package (README): from an install, src/ is absent and the working folder is
  // the user's, so an example imports the package by name and finds its data files beside itself.
  it("import only the package by name, Node built-ins and immer, and read their files beside themselves", () => {
    const allowed = /^(treatylab(\/(advanced|node|plot))?|node:[a-z/_]+|immer)$/;
    const problems: string[] = [];
    for (const f of scripts) {
      const text = readFileSync(`${dir}${f}`, "utf8");
      for (const [, spec] of text.matchAll(/\bfrom\s+"([^"]+)"/g))
        if (!allowed.test(spec!)) problems.push(`${f} imports "${spec}"`);
      for (const [call] of text.matchAll(/readFileSync\(\s*"[^"]*"/g))
        problems.push(`${f}: ${call} reads from the working folder`);
    }
    expect(problems).toEqual([]);
  });

  // One tsx process per script, two at a time (the machine has two cores).
  it("run without error and print something", async () => {
    const queue = [...scripts];
    const failures: string[] = [];
    const worker = async (): Promise<void> => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
        try {
          const { stdout } = await run("npx", ["tsx", `examples/${f}`], {
            cwd: fileURLToPath(new URL("../../", import.meta.url)),
            timeout: 200_000,
          });
          if (stdout.trim().length === 0) failures.push(`${f}: printed nothing`);
        } catch (err) {
          failures.push(`${f}: ${(err as Error).message.split("\n").slice(0, 3).join(" ")}`);
        }
      }
    };
    await Promise.all([worker(), worker()]);
    expect(failures).toEqual([]);
  }, 400_000);
});
