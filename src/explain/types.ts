import type { SolutionName } from "../solutions/solutionConcepts.js";

/**
 * How much one issue costs a party in a bundle: the utility it would gain by getting its best
 * option on that issue instead (`best - got`).
 *
 * @example
 * ```ts
 * const c: IssueCost = { issue: "crimea", option: "de-jure", cost: 0.12, bestOption: "ukrainian" };
 * ```
 */
export interface IssueCost {
  readonly issue: string;
  readonly option: string;
  readonly bestOption: string;
  readonly cost: number;
}

/**
 * Why one actor (a party, or a constituency of a party) rejects a bundle.
 *
 * @example
 * ```ts
 * const s = builtinScenario("ukraine-2025-ratification");
 * const plan = { ...analyze(s).solutions.nash!.bundle, donbas: "de-jure-russian" }; // Donbas ceded in law
 * explainBundle(s, plan).rejections.map((r: Rejection) => r.actor); // ["ukraine", "ukraine/referendum"]
 * ```
 */
export interface Rejection {
  /** Party id, or `party/constituency` for a constituency. */
  readonly actor: string;
  readonly label: string;
  readonly kind: "party" | "constituency";
  readonly utility: number;
  readonly reservation: number;
  /** How far below its reservation the bundle leaves it (0 when only a red line is crossed). */
  readonly shortfall: number;
  readonly redLines: readonly {
    readonly issue: string;
    readonly option: string;
    readonly reason: string | undefined;
  }[];
  /** The issues that cost it most, largest first (at most three). */
  readonly costliest: readonly IssueCost[];
}

/**
 * A structured explanation of a verdict on a bundle.
 *
 * @example
 * ```ts
 * const s = builtinScenario("ukraine-2025");
 * const e = explainBundle(s, { ...analyze(s).solutions.nash!.bundle, donbas: "de-jure-russian" });
 * e.accepted ? "all accept" : e.rejections.map((r) => r.actor); // ["ukraine"]
 * ```
 */
export interface BundleExplanation {
  readonly kind: "bundle";
  readonly bundle: Readonly<Record<string, string>>;
  readonly feasible: boolean;
  readonly brokenConstraint: string | null;
  readonly accepted: boolean;
  readonly rejections: readonly Rejection[];
  /** Ratifications that fail although the party's negotiator accepts: party ids. */
  readonly notRatified: readonly string[];
}

/**
 * Why a solution was chosen over the next best settlement on the frontier.
 *
 * @example
 * ```ts
 * const e = explainSolution(nash1950, "nash");
 * e.margin; // how much larger its criterion is than the runner-up's
 * ```
 */
export interface SolutionExplanation {
  readonly kind: "solution";
  readonly solution: SolutionName;
  readonly criterionName: string;
  readonly chosen: {
    readonly bundle: Readonly<Record<string, string>>;
    readonly utilities: Readonly<Record<string, number>>;
    readonly criterion: number;
  } | null;
  readonly runnerUp: {
    readonly bundle: Readonly<Record<string, string>>;
    readonly utilities: Readonly<Record<string, number>>;
    readonly criterion: number;
  } | null;
  /** Criterion of the chosen minus the runner-up's (0 for a tie broken by the documented rule). */
  readonly margin: number | null;
  /** Clauses where the runner-up differs. */
  readonly differences: readonly { readonly issue: string; readonly chosen: string; readonly runnerUp: string }[];
  /** How the switch to the runner-up would change each party's utility. */
  readonly deltas: Readonly<Record<string, number>>;
  readonly tieBreak: boolean;
}

/**
 * Any explanation `narrate` can turn into sentences.
 * @example
 * ```ts
 * const e: Explanation = explainSolution(nash1950, "nash");
 * ```
 */
export type Explanation = BundleExplanation | SolutionExplanation;
