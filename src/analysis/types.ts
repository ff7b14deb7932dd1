import type { Bundle } from "../model/types.js";
import type { SolutionName } from "../solutions/solutionConcepts.js";

/**
 * A settlement with every party's utility.
 *
 * @example
 * ```ts
 * const p: SettlementPoint = { bundle: { nato: "no-ukraine" }, utilities: { russia: 0.8, ukraine: 0.5 } };
 * ```
 */
export interface SettlementPoint {
  readonly bundle: Bundle;
  readonly utilities: Readonly<Record<string, number>>;
}

/**
 * A bargaining solution: the settlement and the value of the criterion it maximises
 * (Nash product, smallest share of ideal gain, smallest gain, or sum of utilities).
 *
 * @example
 * ```ts
 * const s: Solution | null = analyze(nash1950).solutions.nash;
 * s?.criterion; // 0.110294117647: the Nash product of the gains over the reservations
 * ```
 */
export interface Solution extends SettlementPoint {
  readonly criterion: number;
}

/**
 * One solution per concept of `SOLUTION_CONCEPTS`; each is null when the ZOPA is empty.
 *
 * @example
 * ```ts
 * const s: Solutions = analyze(nash1950).solutions;
 * Object.keys(s); // ["nash", "kalaiSmorodinsky", "egalitarian", "utilitarian"]
 * ```
 */
export type Solutions = { readonly [N in SolutionName]: Solution | null } & {
  /**
   * GENIUS's own "Kalai-Smorodinsky" (the frontier point minimising the summed pairwise gaps
   * |u_i - u_j|), present only when asked for with `analyze(s, { geniusVariants: true })`.
   */
  readonly geniusKalaiSmorodinsky?: Solution | null;
};

/**
 * A party's summary in an analysis.
 *
 * @example
 * ```ts
 * const bill: PartySummary = analyze(nash1950).parties[0]!;
 * bill.ideal; // 0.882352941176: the best utility Bill can get inside the ZOPA (null if empty)
 * ```
 */
export interface PartySummary {
  readonly id: string;
  readonly label: string;
  readonly reservation: number;
  readonly power: number;
  readonly ideal: number | null;
}

/**
 * An issue in an analysis: its id and label, and its options' ids and labels in the scenario's
 * order (a numeric issue's options are its grid values, labelled with the unit), so that tables
 * and reports need not go back to the scenario.
 *
 * @example
 * ```ts
 * const nato: IssueSummary = analyze(builtinScenario("ukraine-2025")).issues[0]!;
 * nato.options[0]?.label; // "Open door unchanged"
 * ```
 */
export interface IssueSummary {
  readonly id: string;
  readonly label: string;
  readonly options: readonly { readonly id: string; readonly label: string }[];
}

/**
 * Name of the algorithm an analysis used: `enumerate` walks every bundle (any utilities, with
 * interaction terms and vote-counting ratification), `frontier` builds the Pareto frontier issue
 * by issue without enumerating (additive utilities; see docs/algorithms.md).
 *
 * @example
 * ```ts
 * const a: AlgorithmName = analyze(nash1950).algorithm; // "enumerate": 512 bundles
 * ```
 */
export type AlgorithmName = "enumerate" | "frontier";

/**
 * The algorithm a user asks for: `auto` (default) picks `frontier` when utilities are additive,
 * ratification needs no vote count and the space has more than 2,000 bundles, `enumerate`
 * otherwise.
 *
 * @example
 * ```ts
 * const choice: AlgorithmChoice = "frontier";
 * analyze(nash1950, { algorithm: choice }).algorithm; // "frontier"
 * ```
 */
export type AlgorithmChoice = "auto" | AlgorithmName;

/**
 * Every {@link AlgorithmChoice}, in the order the CLI lists them.
 *
 * @example
 * ```ts
 * import { ALGORITHM_CHOICES } from "treatylab/advanced";
 * ALGORITHM_CHOICES.map((algorithm) => analyze(nash1950, { algorithm }).algorithm); // ["enumerate", "frontier", "enumerate"]
 * ```
 */
export const ALGORITHM_CHOICES: readonly AlgorithmChoice[] = ["auto", "frontier", "enumerate"];

/**
 * How the ZOPA size was obtained: `enumerate` (counted during the walk), `dp` (exact dynamic
 * program over partial utility vectors), `meet-in-the-middle` (exact: every combination of each half
 * of the agenda, then dominance counting of the pairs), `estimate` (seeded Monte Carlo, with a
 * standard error).
 *
 * @example
 * ```ts
 * analyze(nash1950).zopaCounting.method; // "enumerate"
 * countZopa(compileScenario(nash1950)).method; // "meet-in-the-middle"
 * ```
 */
export type ZopaCountMethod = "enumerate" | "dp" | "meet-in-the-middle" | "estimate";

/**
 * Everything `analyze` returns: plain, frozen data, serialisable as JSON.
 *
 * @example
 * ```ts
 * const a: Analysis = analyze(builtinScenario("ukraine-2025"));
 * a.zopa.count; a.frontier.length; a.solutions.nash?.bundle;
 * ```
 */
export interface Analysis {
  readonly scenario: { readonly id: string; readonly title: string };
  readonly algorithm: AlgorithmName;
  readonly tolerance: number;
  /** Number of feasible bundles (rounded to a double above 2^53; see `outcomesExact`). */
  readonly outcomes: number;
  readonly outcomesExact: string;
  readonly parties: readonly PartySummary[];
  /** The issues with their labels and their options' labels, in the scenario's order. */
  readonly issues: readonly IssueSummary[];
  /** ZOPA size (rounded to a double above 2^53) and share of the outcomes; see `zopaCounting` for how it was counted. */
  readonly zopa: { readonly count: number; readonly share: number };
  /** How the ZOPA size was obtained, the count in full, and its standard error when estimated. */
  readonly zopaCounting: {
    readonly method: ZopaCountMethod;
    /** The count as a decimal string (an estimate's rounded value when `method` is "estimate"). */
    readonly countExact: string;
    /** Standard error of an estimated count; 0 when exact. */
    readonly standardError: number;
  };
  readonly frontier: readonly SettlementPoint[];
  readonly solutions: Solutions;
}
