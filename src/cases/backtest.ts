import { produce } from "immer";
import seedrandom from "seedrandom";
import { analyze } from "../analysis/analyze.js";
import { checkProposal, type ProposalCheck } from "../analysis/checkProposal.js";
import type { Solution } from "../analysis/types.js";
import { compileScenario } from "../model/compile.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { TreatylabError } from "../model/errors.js";
import type { Bundle, Scenario } from "../model/types.js";
import { validateScenario } from "../model/validate.js";
import { roundUtility } from "../utility/utilities.js";
import { STABILITY_CONCEPTS, type StabilityKey } from "../stability/concepts.js";
import { defaultBacktestHooks } from "./hooks.js";
import { type CaseDefection, controlMap } from "./stability.js";
import { HISTORICAL_CASES } from "./registry.js";
import { type CaseOutcome, expectedAccepted, expectedStable, type HistoricalCase } from "./types.js";

/**
 * Whether a settlement is stable, as a stability capability (e.g. GMCR) reports it.
 *
 * @example
 * ```ts
 * const s: BacktestStability = { stable: false, detail: "Russia improves unilaterally by escalating" };
 * ```
 */
export interface BacktestStability {
  readonly stable: boolean;
  /** The stability concepts under which the text is an equilibrium (the default hook fills it). */
  readonly concepts?: readonly StabilityKey[];
  /** Parties with a profitable defection from the text, and whether it is deterred (see `caseStability`). */
  readonly defections?: readonly CaseDefection[];
  /** Number of states of the graph model the verdict comes from. */
  readonly states?: number;
  readonly detail?: string;
}

/**
 * Where a forecast model expects the negotiation to land.
 *
 * @example
 * ```ts
 * const f: BacktestForecast = { bundle: { sinai: "full" }, detail: "median of 200 runs" };
 * ```
 */
export interface BacktestForecast {
  readonly bundle: Bundle;
  readonly detail?: string;
}

/**
 * Optional capabilities the backtest calls when they exist: is the text a stable state, and where
 * does a forecast land. Without them those columns say "n/a" and the JSON has `null`.
 *
 * @example
 * ```ts
 * backtest({ hooks: { stability: (s, b) => ({ stable: true }) } });
 * ```
 */
export interface BacktestHooks {
  /** `control`: the case's control mapping, party -> the issues it controls after signature. */
  readonly stability?: (
    scenario: Scenario,
    text: Bundle,
    control: Readonly<Record<string, readonly string[]>>,
  ) => BacktestStability;
  /** Null when the forecast cannot place the case (e.g. an issue without an ordered scale). */
  readonly forecast?: (scenario: Scenario, seed: string) => BacktestForecast | null;
}

/**
 * Options of {@link backtest}.
 *
 * @example
 * ```ts
 * backtest({ seed: "treatylab-backtest", cases: [historicalCase("dayton-1995")] });
 * ```
 */
export interface BacktestOptions {
  /** Seed handed to the analysis (used only when a ZOPA must be estimated) and to the forecast hook. */
  readonly seed?: string;
  /** The cases to run (default: every built-in historical case). */
  readonly cases?: readonly HistoricalCase[];
  /** Stability and forecast capabilities (default {@link defaultBacktestHooks}; `{}` for none). */
  readonly hooks?: BacktestHooks;
  /** Draws of the reservation-robustness check (default 200; 0 to skip). */
  readonly draws?: number;
  /** Largest shift of each reservation in that check, on the 0-1 utility scale (default 0.1). */
  readonly spread?: number;
  /** Called with (cases run, cases to run) after each case (progress bars). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * How far the text is from a bargaining solution: `distance` is the root-mean-square difference of
 * the parties' utilities (each on its normalised 0-1 scale), so 0 means every party is exactly as
 * well off and 1 the largest possible gap; `clauses` counts the issues on which the two differ.
 *
 * @example
 * ```ts
 * const d: SolutionDistance | null = backtest({ cases: [historicalCase("dayton-1995")], draws: 0 }).cases[0]!.nash;
 * d?.distance; // 0.052281: the Nash solution is close to the text
 * d?.clauses; // 1: it differs on one issue (brcko: "rs")
 * ```
 */
export interface SolutionDistance {
  readonly distance: number;
  readonly clauses: number;
  readonly bundle: Bundle;
  readonly utilities: Readonly<Record<string, number>>;
}

/**
 * One case of the backtest.
 *
 * @example
 * ```ts
 * const r: BacktestCase = backtest().cases[0]!;
 * r.signed.acceptedByAll === r.expectedAccepted; // r.hit
 * ```
 */
export interface BacktestCase {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly outcome: CaseOutcome;
  /** What the record says the model should find: the text accepted (signed) or rejected. */
  readonly expectedAccepted: boolean;
  readonly outcomes: number;
  readonly zopa: { readonly count: number; readonly share: number };
  /** The signed text (or final plan) checked with `checkProposal` (its fields, plus the reasons, margin and closest fix). */
  readonly signed: Pick<ProposalCheck, "bundle" | "acceptedByAll" | "feasible" | "rejectedBy" | "utilities"> & {
    readonly title: string;
    /** Why each rejecting party rejects: short of its reservation, red lines crossed, constituencies that refuse. */
    readonly reasons: Readonly<Record<string, string>>;
    /**
     * The smallest utility minus reservation over the parties and their constituencies: how far the
     * tightest party is above (positive) or below (negative) its walk-away value. Red lines are
     * not in it (see `reasons`).
     */
    readonly margin: number;
    /** The smallest change every party accepts (null when the text is accepted or the ZOPA is empty). */
    readonly closestFix: ProposalCheck["alternatives"][number]["changes"] | null;
  };
  readonly nash: SolutionDistance | null;
  readonly kalaiSmorodinsky: SolutionDistance | null;
  /**
   * Whether the text is a stable state once signed, with what the record says: `expected` is true
   * for agreements, false for signed-but-not-implemented texts and null for texts that never took
   * effect (rejected, or no agreement), which are reported but not scored; `hit` compares them.
   */
  readonly stability: (BacktestStability & { readonly expected: boolean | null; readonly hit: boolean | null }) | null;
  /** Where the forecast lands: its bundle, how many clauses it is from the text, and whether every party accepts it. */
  readonly forecast: (BacktestForecast & { readonly clausesFromText: number; readonly acceptedByAll: boolean }) | null;
  /** The model's verdict on the text matches the record. */
  readonly hit: boolean;
  /**
   * Share of draws in which the verdict still matches the record when every reservation (parties
   * and constituencies) is shifted independently by a uniform amount in [-spread, spread]: how
   * much the hit hangs on the least-known numbers. Null when `draws` is 0.
   */
  readonly robustness: { readonly draws: number; readonly spread: number; readonly agreeWithRecord: number } | null;
}

/**
 * The backtest's totals.
 *
 * @example
 * ```ts
 * const s = backtest().summary;
 * `${s.hits}/${s.cases} (${s.hitRate})`;
 * ```
 */
export interface BacktestSummary {
  readonly cases: number;
  /** Cases whose text was signed (agreement or signed-not-implemented). */
  readonly signedTexts: number;
  readonly signedInsideZopa: number;
  /** Cases whose text failed (no agreement, or rejected in ratification). */
  readonly failedTexts: number;
  readonly failedRejected: number;
  readonly failedWithEmptyZopa: number;
  readonly hits: number;
  readonly hitRate: number;
  /** Mean distance of signed texts inside the ZOPA to the Nash and Kalai-Smorodinsky solutions. */
  readonly meanDistanceNash: number | null;
  readonly meanDistanceKalaiSmorodinsky: number | null;
  /**
   * Stability of the signed texts: agreements found stable, signed-not-implemented texts found
   * unstable, the hits among the scored cases (both kinds) and their rate; `byConcept` counts the
   * same hits with each concept as the yes/no reading instead of the hook's own (when the hook
   * reports concepts).
   */
  readonly stability: {
    readonly available: boolean;
    readonly signedStable: number;
    readonly signedNotImplementedUnstable: number;
    readonly scored: number;
    readonly hits: number;
    readonly hitRate: number | null;
    readonly byConcept: Readonly<Partial<Record<StabilityKey, number>>>;
  };
  /** Whether a forecast ran, how many forecasts land inside the ZOPA, and the mean clauses between forecast and text. */
  readonly forecast: {
    readonly available: boolean;
    readonly insideZopa: number;
    readonly meanClausesFromText: number | null;
  };
  readonly misses: readonly string[];
  /** Mean of the cases' robustness shares (null when not run). */
  readonly meanRobustness: number | null;
}

/**
 * The whole backtest.
 *
 * @example
 * ```ts
 * const r: Backtest = backtest();
 * r.cases.length; r.summary.hitRate;
 * ```
 */
export interface Backtest {
  readonly seed: string;
  readonly cases: readonly BacktestCase[];
  readonly summary: BacktestSummary;
}

/** The default seed of {@link backtest}. */
const DEFAULT_SEED = "treatylab-backtest";

const round = (x: number): number => Number(x.toFixed(6));

function distanceTo(
  solution: Solution | null,
  text: Bundle,
  utilities: Readonly<Record<string, number>>,
  parties: readonly string[],
): SolutionDistance | null {
  if (solution === null) return null;
  let sq = 0;
  for (const p of parties) sq += (solution.utilities[p]! - utilities[p]!) ** 2;
  const clauses = Object.keys(text).filter((issue) => solution.bundle[issue] !== text[issue]).length;
  return {
    distance: round(Math.sqrt(sq / parties.length)),
    clauses,
    bundle: solution.bundle,
    utilities: solution.utilities,
  };
}

/** The scenario with every party's and constituency's reservation shifted by uniform draws in [-spread, spread], clamped to [0, 1]. */
function shiftReservations(scenario: Scenario, rng: () => number, spread: number): Scenario {
  const shift = (r: number): number => Math.min(1, Math.max(0, r + spread * (2 * rng() - 1)));
  return produce(scenario, (draft) => {
    for (const p of draft.parties) {
      p.reservation = shift(p.reservation);
      for (const c of p.constituencies ?? []) c.reservation = shift(c.reservation);
    }
  });
}

function robustness(
  hc: HistoricalCase,
  scenario: Scenario,
  seed: string,
  draws: number,
  spread: number,
  expected: boolean,
): BacktestCase["robustness"] {
  if (draws === 0) return null;
  let agree = 0;
  for (let i = 0; i < draws; i++) {
    const drawn = shiftReservations(scenario, seedrandom(`${seed}:${hc.id}:${i}`), spread);
    // Shifted reservations stay in [0, 1], so the drawn scenario is valid: compile without re-validating.
    if (checkProposal(compileScenario(drawn), hc.text.bundle, { alternatives: 0 }).acceptedByAll === expected) agree++;
  }
  return { draws, spread, agreeWithRecord: roundUtility(agree / draws) };
}

function scoredStability(s: BacktestStability, outcome: CaseOutcome): NonNullable<BacktestCase["stability"]> {
  const expected = expectedStable(outcome);
  return { ...s, expected, hit: expected === null ? null : s.stable === expected };
}

interface RunSettings {
  readonly seed: string;
  readonly hooks: BacktestHooks;
  readonly draws: number;
  readonly spread: number;
}

function runCase(hc: HistoricalCase, { seed, hooks, draws, spread }: RunSettings): BacktestCase {
  const scenario = validateScenario(hc.scenario);
  const compiled = compileScenario(scenario);
  const analysis = analyze(compiled, { seed });
  const check = checkProposal(compiled, hc.text.bundle, { alternatives: 1 });
  const parties = compiled.partyIds;
  const reasons: Record<string, string> = {};
  for (const v of check.verdicts) {
    if (v.accepts) continue;
    const why: string[] = [];
    if (v.shortfall > 0) why.push(`short of its reservation by ${v.shortfall.toFixed(3)}`);
    for (const h of v.redLines) why.push(`red line ${h.issue}=${h.option}`);
    for (const c of v.ratification?.constituencies ?? [])
      if (!c.accepts)
        why.push(
          `not ratified by ${c.id} (utility ${c.utility.toFixed(3)} < ${c.reservation.toFixed(3)}${c.redLines.length ? `, red line ${c.redLines.map((h) => `${h.issue}=${h.option}`).join(", ")}` : ""})`,
        );
    reasons[v.party] = why.join("; ");
  }
  const margins = check.verdicts.flatMap((v) => [
    v.gain,
    ...(v.ratification?.constituencies ?? []).map((c) => c.utility - c.reservation),
  ]);
  const expected = expectedAccepted(hc.outcome);
  const forecast = hooks.forecast ? hooks.forecast(scenario, seed) : null;
  return {
    id: hc.id,
    title: hc.title,
    date: hc.date,
    outcome: hc.outcome,
    expectedAccepted: expected,
    outcomes: analysis.outcomes,
    zopa: analysis.zopa,
    signed: {
      title: hc.text.title,
      bundle: hc.text.bundle,
      acceptedByAll: check.acceptedByAll,
      feasible: check.feasible,
      rejectedBy: check.rejectedBy,
      reasons,
      utilities: check.utilities,
      margin: round(Math.min(...margins)),
      closestFix: check.acceptedByAll || check.alternatives.length === 0 ? null : check.alternatives[0]!.changes,
    },
    nash: distanceTo(analysis.solutions.nash, hc.text.bundle, check.utilities, parties),
    kalaiSmorodinsky: distanceTo(analysis.solutions.kalaiSmorodinsky, hc.text.bundle, check.utilities, parties),
    stability: hooks.stability
      ? scoredStability(hooks.stability(scenario, hc.text.bundle, controlMap(hc)), hc.outcome)
      : null,
    forecast: forecast
      ? {
          ...forecast,
          clausesFromText: Object.keys(hc.text.bundle).filter((i) => forecast.bundle[i] !== hc.text.bundle[i]).length,
          acceptedByAll: checkProposal(compiled, forecast.bundle, { alternatives: 0 }).acceptedByAll,
        }
      : null,
    hit: check.acceptedByAll === expected,
    robustness: robustness(hc, scenario, seed, draws, spread, expected),
  };
}

const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : round(xs.reduce((a, b) => a + b, 0) / xs.length);

function summarise(cases: readonly BacktestCase[], hooks: BacktestHooks): BacktestSummary {
  const signed = cases.filter((c) => c.expectedAccepted);
  const failed = cases.filter((c) => !c.expectedAccepted);
  const inside = signed.filter((c) => c.signed.acceptedByAll);
  const hits = cases.filter((c) => c.hit).length;
  return {
    cases: cases.length,
    signedTexts: signed.length,
    signedInsideZopa: inside.length,
    failedTexts: failed.length,
    failedRejected: failed.filter((c) => !c.signed.acceptedByAll).length,
    failedWithEmptyZopa: failed.filter((c) => c.zopa.count === 0).length,
    hits,
    hitRate: cases.length === 0 ? 0 : roundUtility(hits / cases.length),
    meanDistanceNash: mean(inside.flatMap((c) => (c.nash ? [c.nash.distance] : []))),
    meanDistanceKalaiSmorodinsky: mean(
      inside.flatMap((c) => (c.kalaiSmorodinsky ? [c.kalaiSmorodinsky.distance] : [])),
    ),
    stability: stabilitySummary(cases, hooks),
    forecast: {
      available: hooks.forecast !== undefined,
      insideZopa: cases.filter((c) => c.forecast?.acceptedByAll === true).length,
      meanClausesFromText: mean(cases.flatMap((c) => (c.forecast ? [c.forecast.clausesFromText] : []))),
    },
    misses: cases.filter((c) => !c.hit).map((c) => c.id),
    meanRobustness: mean(cases.flatMap((c) => (c.robustness ? [c.robustness.agreeWithRecord] : []))),
  };
}

function stabilitySummary(cases: readonly BacktestCase[], hooks: BacktestHooks): BacktestSummary["stability"] {
  const scored = cases.filter((c) => c.stability !== null && c.stability.expected !== null);
  const hits = scored.filter((c) => c.stability!.hit === true).length;
  const byConcept: Partial<Record<StabilityKey, number>> = {};
  if (scored.length > 0 && scored.every((c) => c.stability!.concepts !== undefined))
    for (const key of STABILITY_CONCEPTS.map((k) => k.key))
      byConcept[key] = scored.filter((c) => c.stability!.concepts!.includes(key) === c.stability!.expected).length;
  return {
    available: hooks.stability !== undefined,
    signedStable: cases.filter((c) => c.outcome === "agreement" && c.stability?.stable === true).length,
    signedNotImplementedUnstable: cases.filter(
      (c) => c.outcome === "signed-not-implemented" && c.stability?.stable === false,
    ).length,
    scored: scored.length,
    hits,
    hitRate: scored.length === 0 ? null : roundUtility(hits / scored.length),
    byConcept,
  };
}

/**
 * Runs every historical case (or the ones given) and compares the model with the record: the ZOPA,
 * whether the signed text or final plan is accepted by every party (with `checkProposal`, so
 * constituencies and red lines count) and who rejects it and why, its distance to the Nash and
 * Kalai-Smorodinsky solutions (see {@link SolutionDistance}), and, through {@link BacktestHooks},
 * stability and forecast. A case is a hit when the text is accepted exactly when it was signed;
 * `robustness` says how often the hit survives random shifts of the reservations (seeded draws
 * `seedrandom(seed:caseId:i)`). Deterministic: the same cases, seed and options give the same result.
 *
 * @example
 * ```ts
 * import { backtest } from "treatylab";
 * const { summary } = backtest();
 * summary.signedInsideZopa; summary.failedRejected; summary.hitRate;
 * ```
 */
export function backtest(options: BacktestOptions = {}): Backtest {
  const seed = options.seed ?? DEFAULT_SEED;
  const hooks = options.hooks ?? defaultBacktestHooks();
  const draws = options.draws ?? 200;
  const spread = options.spread ?? 0.1;
  if (!Number.isInteger(draws) || draws < 0)
    throw new TreatylabError(`backtest: draws is ${draws}; expected a non-negative integer`);
  if (!(spread >= 0 && spread <= 1))
    throw new TreatylabError(`backtest: spread is ${spread}; expected a number in [0, 1]`);
  const all = options.cases ?? HISTORICAL_CASES;
  const cases = all.map((hc, i) => {
    const row = runCase(hc, { seed, hooks, draws, spread });
    options.onProgress?.(i + 1, all.length);
    return row;
  });
  return deepFreeze({ seed, cases, summary: summarise(cases, hooks) });
}
