/**
 * The scenario format: the plain-JSON shape a user writes, and the same shape as TypeScript types.
 *
 * Semantics (fixed so that results are comparable with GENIUS):
 * - a party's values on an issue are non-negative and divided by that party's largest value on
 *   that issue, so the best option scores 1;
 * - weights are non-negative and divided by their sum;
 * - every utility therefore lies in [0, 1], and `reservation` (the utility of no agreement,
 *   i.e. of continuing the war) is on that scale.
 *
 * @example
 * ```ts
 * import type { Scenario } from "treatylab";
 * const s: Scenario = {
 *   id: "toy", title: "Toy",
 *   issues: [{ id: "nato", label: "NATO", options: [{ id: "open", label: "Open door" }, { id: "closed", label: "Closed" }] }],
 *   parties: [
 *     { id: "a", label: "A", weights: { nato: 1 }, values: { nato: { open: 0, closed: 10 } }, reservation: 0.2 },
 *     { id: "b", label: "B", weights: { nato: 1 }, values: { nato: { open: 10, closed: 3 } }, reservation: 0.2 },
 *   ],
 * };
 * ```
 * @module
 */

import type { UncertaintySpec } from "./uncertaintySchema.js";

/**
 * How sure the modeller is of a number.
 * @example
 * ```ts
 * const c: Confidence = "low";
 * ```
 */
export type Confidence = "low" | "medium" | "high";

/**
 * Where a number came from: free text, or a structured note with its source and confidence.
 *
 * @example
 * ```ts
 * const n: Note = { text: "assumption: Kyiv ranks territory first", source: "Reuters, 2 June 2025: Ukraine's memorandum", confidence: "low" };
 * ```
 */
export type Note =
  | string
  | {
      readonly text?: string;
      readonly source?: string;
      readonly confidence?: Confidence;
    };

/**
 * A published source the scenario relies on.
 *
 * @example
 * ```ts
 * const src: Source = { title: "Reuters, 28 May 2025", date: "2025-05-28", url: "https://example.org" };
 * ```
 */
export interface Source {
  readonly title: string;
  readonly date?: string;
  readonly url?: string;
  readonly note?: string;
}

/**
 * One option of a discrete issue.
 *
 * @example
 * ```ts
 * const o: Option = { id: "no-ukraine", label: "Written pledge: no NATO for Ukraine, Georgia, Moldova" };
 * ```
 */
export interface Option {
  readonly id: string;
  readonly label?: string;
  readonly description?: string;
  /**
   * The option's place on the issue's ordered scale, for outcome forecasts (docs/forecast.md),
   * e.g. Crimea: Ukrainian control 0, frozen line 50, de facto Russian 80, de jure Russian 100.
   * Give it for every option of the issue or for none.
   */
  readonly position?: number;
}

/**
 * A discrete issue: one option must be chosen in every settlement.
 *
 * @example
 * ```ts
 * const i: DiscreteIssue = { id: "nato", label: "NATO", options: [{ id: "open" }, { id: "closed" }] };
 * ```
 */
export interface DiscreteIssue {
  readonly id: string;
  readonly label?: string;
  readonly description?: string;
  readonly type?: "discrete";
  /**
   * The issue can be split between two parties (a share of a territory, of a fund, of a
   * timetable): the Adjusted Winner procedure (`treatylab divide <scenario>`) uses these issues as
   * its items.
   */
  readonly divisible?: boolean;
  readonly options: readonly Option[];
  readonly notes?: Readonly<Record<string, Note>>;
}

/**
 * A numeric issue: a range walked with a fixed step (each grid value is an option whose id is the
 * number written in shortest form, e.g. `"85"` or `"0.5"`).
 *
 * @example
 * ```ts
 * const cap: NumericIssue = { id: "army-cap", label: "Cap on Ukraine's army", type: "numeric", unit: "thousand troops",
 *   range: { min: 50, max: 850, step: 50 } };
 * ```
 */
export interface NumericIssue {
  readonly id: string;
  readonly label?: string;
  readonly description?: string;
  readonly type: "numeric";
  /** See {@link DiscreteIssue.divisible}. */
  readonly divisible?: boolean;
  readonly unit?: string;
  readonly range: { readonly min: number; readonly max: number; readonly step: number };
  readonly notes?: Readonly<Record<string, Note>>;
}

/**
 * An issue on the agenda.
 *
 * @example
 * ```ts
 * const issues: Issue[] = [{ id: "nato", options: [{ id: "open" }, { id: "closed" }] }];
 * ```
 */
export type Issue = DiscreteIssue | NumericIssue;

/**
 * A party's valuation of a numeric issue: piecewise-linear through the given `[x, value]`
 * points (sorted by x), constant beyond the first and last point.
 *
 * @example
 * ```ts
 * const v: PiecewiseValue = { points: [[50, 10], [250, 6], [850, 0]] };
 * ```
 */
export interface PiecewiseValue {
  readonly points: readonly (readonly [number, number])[];
}

/**
 * A party's values on one issue: per option id for a discrete issue, piecewise-linear for a
 * numeric one (a numeric issue also accepts per-option values keyed by the grid value).
 *
 * @example
 * ```ts
 * const v: IssueValues = { "open-door": 0, "no-ukraine": 10 };
 * ```
 */
export type IssueValues = Readonly<Record<string, number>> | PiecewiseValue;

/**
 * A red line: a term a party will not accept in any settlement.
 * `reject` lists forbidden option ids; on a numeric issue `below` / `above` forbid values strictly
 * under / over a threshold.
 *
 * @example
 * ```ts
 * const r: RedLine = { issue: "nato", reject: ["veto"], reason: "Kyiv refuses a Russian veto on NATO membership" };
 * ```
 */
export interface RedLine {
  readonly issue: string;
  readonly reject?: readonly string[];
  readonly below?: number;
  readonly above?: number;
  readonly reason?: string;
}

/**
 * An interaction term: a bonus (or, when negative, a penalty) added to the party's normalised
 * utility when every `when` entry matches (an option id or a list of them per issue). It models
 * clauses that are worth more (or less) together than apart, e.g. neutrality is acceptable to Kyiv
 * only with security guarantees. Utilities with interactions may leave [0, 1].
 *
 * @example
 * ```ts
 * const t: Interaction = { when: { status: "neutral-guaranteed", guarantees: "none" }, value: -0.1,
 *   reason: "neutrality without guarantees invites a new invasion" };
 * ```
 */
export interface Interaction {
  readonly when: Readonly<Record<string, string | readonly string[]>>;
  /** Added to the normalised utility, in [-1, 1]. */
  readonly value: number;
  readonly reason?: string;
}

/**
 * What a set of numbers-bearing actors share: weights over issues, values per option, a
 * reservation, red lines and interaction terms. Parties and their domestic constituencies both
 * have it.
 *
 * @example
 * ```ts
 * const v: Valuation = { weights: { nato: 1 }, values: { nato: { open: 0, closed: 10 } }, reservation: 0.3 };
 * ```
 */
export interface Valuation {
  /** Non-negative importance of each issue; divided by their sum. Every issue needs a weight (0 allowed). */
  readonly weights: Readonly<Record<string, number>>;
  /** Value of each option of each issue with positive weight; divided by the largest value on the issue. */
  readonly values: Readonly<Record<string, IssueValues>>;
  /**
   * `"normalised"` (default, GENIUS's discrete semantics): values are divided by the largest value
   * on each issue, so the best option scores 1. `"absolute"`: values are already scores in [0, 1]
   * and are used as they are (GeniusWeb, and GENIUS's integer and real evaluators), so an issue's
   * best option may score below 1.
   */
  readonly valueScale?: "normalised" | "absolute";
  /** Utility of no agreement, in [0, 1]. */
  readonly reservation: number;
  readonly redLines?: readonly RedLine[];
  /** Bonuses or penalties for combinations of options (non-additive preferences). */
  readonly interactions?: readonly Interaction[];
  /** Provenance of the numbers, keyed by field ("weights", "weights.nato", "values.nato", "reservation"...). */
  readonly notes?: Readonly<Record<string, Note>>;
}

/**
 * A domestic constituency that must ratify a party's agreement (Putnam's two-level game): a
 * parliament, a referendum, a Congress vote, one EU member state. It has its own weights, values,
 * reservation and red lines; `votes` counts in a weighted-majority or quota rule, and a `veto`
 * constituency must accept whatever the rule.
 *
 * @example
 * ```ts
 * const ukraine = builtinScenario("ukraine-2025-ratification").parties[1]!;
 * const referendum: Constituency = ukraine.constituencies![0]!;
 * referendum.label; // "All-Ukrainian referendum"
 * referendum.reservation; // 0.41
 * referendum.veto; // true
 * ```
 */
export interface Constituency extends Valuation {
  readonly id: string;
  readonly label?: string;
  readonly description?: string;
  /** Votes in a weighted rule (default 1). */
  readonly votes?: number;
  /** A veto player: must accept for ratification whatever the rule. */
  readonly veto?: boolean;
}

/**
 * How a party's constituencies ratify: every one must accept (`all`, the default), more than half
 * of the votes (`majority`), or at least `quota` (a share of votes in (0, 1]) (`quota`). Veto
 * constituencies must accept in every rule.
 *
 * @example
 * ```ts
 * const r: Ratification = { rule: "quota", quota: 2 / 3 };
 * ```
 */
export interface Ratification {
  readonly rule: "all" | "majority" | "quota";
  readonly quota?: number;
}

/**
 * A party to the conflict.
 *
 * @example
 * ```ts
 * const p: Party = { id: "russia", label: "Russia", weights: { nato: 3 },
 *   values: { nato: { "open-door": 0, "no-ukraine": 10 } }, reservation: 0.45 };
 * ```
 */
export interface Party extends Valuation {
  readonly id: string;
  readonly label?: string;
  readonly description?: string;
  /** Bargaining power (Nash exponent), default 1. */
  readonly power?: number;
  /**
   * Capability (clout) in outcome forecasts (docs/forecast.md), any positive number; default:
   * `power`, else 1. Its provenance goes in `notes.capability`.
   */
  readonly capability?: number;
  /**
   * Time discount factor d in (0, 1], default 1 (no discounting). As in GENIUS, a utility u reached
   * at normalised time t in [0, 1] (the share of the negotiation's deadline used) is worth u * d^t,
   * and the reservation value is discounted the same way. Simulations that count rounds convert
   * it per round (see docs/concepts.md).
   */
  readonly discount?: number;
  /** Domestic constituencies that must ratify an agreement (two-level game); none by default. */
  readonly constituencies?: readonly Constituency[];
  /** How the constituencies ratify (default: all must accept). */
  readonly ratification?: Ratification;
}

/**
 * A cross-issue constraint: when every `if` entry matches (an option id or a list of them per
 * issue), each issue in `then` must take one of the listed options. Bundles that break a
 * constraint are infeasible and leave the outcome space.
 *
 * @example
 * ```ts
 * const c: Constraint = { if: { status: "nato-path" }, then: { nato: ["open-door"] },
 *   reason: "a NATO path needs an open door" };
 * ```
 */
export interface Constraint {
  readonly if: Readonly<Record<string, string | readonly string[]>>;
  readonly then: Readonly<Record<string, string | readonly string[]>>;
  readonly reason?: string;
}

/**
 * A whole scenario.
 *
 * @example
 * ```ts
 * import { validateScenario } from "treatylab";
 * const text = JSON.stringify(nash1950);
 * const s: Scenario = validateScenario(JSON.parse(text)); // a frozen, checked Scenario
 * s.parties.map((p) => p.id); // ["bill", "jack"]
 * Object.isFrozen(s); // true
 * ```
 */
export interface Scenario {
  readonly id: string;
  readonly title?: string;
  readonly description?: string;
  readonly date?: string;
  readonly sources?: readonly Source[];
  readonly issues: readonly Issue[];
  readonly parties: readonly Party[];
  readonly constraints?: readonly Constraint[];
  /** Scenario-wide assumptions, keyed by topic. */
  readonly notes?: Readonly<Record<string, Note>>;
  /**
   * Which numbers are uncertain and how (parameter path or pattern to distribution), for Monte
   * Carlo runs: see docs/what-ifs.md. Ignored by the exact analysis.
   */
  readonly uncertainty?: UncertaintySpec;
}

/**
 * A settlement: one option id per issue (numeric issues take the grid value's id, e.g. `"600"`).
 *
 * @example
 * ```ts
 * const b: Bundle = { nato: "no-ukraine", "army-cap": "600" };
 * ```
 */
export type Bundle = Readonly<Record<string, string>>;
