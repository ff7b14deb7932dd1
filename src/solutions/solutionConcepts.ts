/**
 * The solution-concept registry: every bargaining solution treatylab reports is ONE object here,
 * and everything else derives from it (the `Solutions` type and `SolutionName`, `analyze`'s
 * solutions, labels in tables, plots and reports, plot markers, CLI choices, what-ifs, sweeps and
 * Monte Carlo). Adding a concept is adding an entry (see docs/architecture.md).
 * @module
 */
import type { ArchivePoint } from "../frontier/paretoArchive.js";
import { type BargainingProblem, idealPoint } from "./bargainingProblem.js";
import { egalitarianWriter } from "./egalitarian.js";
import { kalaiSmorodinskyWriter } from "./kalaiSmorodinsky.js";
import { nashWriter } from "./nash.js";
import { type KeyWriter, keyOf, pickBest } from "./pickBest.js";
import { utilitarianWriter } from "./utilitarian.js";

/**
 * One bargaining solution: its name (the key in `Analysis.solutions` and the CLI's choice), its
 * display label, the ranking key `pickBest` maximises, the solver, the criterion in words and its
 * value read from a key, and the plot marker (colour-blind-safe Okabe-Ito colour and a shape).
 *
 * @example
 * ```ts
 * const k = compileScenario(builtinScenario("nash-1950"));
 * const problem: BargainingProblem = { points: frontierPoints(k), disagreement: k.reservation, power: k.power,
 *   compare: (a, b) => compareBundles(k, a, b) };
 * const c: SolutionConcept = SOLUTION_CONCEPTS.nash;
 * const point = c.solve(problem)!.point; // the Nash solution: utilities [0.705…, 0.6875]
 * c.value(c.key(problem)(point)); // 0.110…: the point's Nash product
 * ```
 */
export interface SolutionConcept {
  readonly name: string;
  readonly label: string;
  /** The label inside a sentence: a person's name keeps its capital ("the Nash solution"), a word does not ("the egalitarian solution"). */
  readonly prose: string;
  readonly key: (p: BargainingProblem) => (pt: ArchivePoint) => readonly number[];
  /**
   * The same key written into a scratch array (`key` is `keyOf` of it), so that `analyze` finds
   * every concept's solution in one pass without allocating per point; a concept without it is
   * solved on its own with `solve`. `ideal` gives the problem's ideal point (`idealPoint`), for
   * concepts measured against it.
   */
  readonly writer?: (p: BargainingProblem, ideal: () => ArrayLike<number>) => KeyWriter;
  readonly solve: (p: BargainingProblem) => { point: ArchivePoint; key: readonly number[] } | null;
  readonly criterion: string;
  readonly value: (key: readonly number[]) => number;
  /** How plots mark it; `size` is the symbol's area, larger first so overlapping markers stay visible. */
  readonly marker: { readonly color: string; readonly shape: string; readonly size: number };
}

/** A concept whose solver is `pickBest` over its key, the key given as a writer. */
function concept<N extends string, L extends string>(
  name: N,
  label: L,
  writer: NonNullable<SolutionConcept["writer"]>,
  criterion: string,
  value: SolutionConcept["value"],
  marker: SolutionConcept["marker"],
  prose: string = label,
): SolutionConcept & { readonly name: N; readonly label: L } {
  const key = (p: BargainingProblem): ((pt: ArchivePoint) => readonly number[]) =>
    keyOf(writer(p, () => idealPoint(p)));
  return { name, label, prose, key, writer, solve: (p) => pickBest(p, key(p)), criterion, value, marker };
}

/**
 * The solution concepts, in display order (tables, legends, JSON keys). `nashSolution` is
 * `SOLUTION_CONCEPTS.nash.solve`, and so on.
 *
 * @example
 * ```ts
 * SOLUTION_CONCEPTS.utilitarian.criterion; // "the sum of utilities"
 * Object.values(SOLUTION_CONCEPTS).map((c) => c.label); // ["Nash", "Kalai-Smorodinsky", ...]
 * ```
 */
export const SOLUTION_CONCEPTS = {
  nash: concept(
    "nash",
    "Nash",
    nashWriter,
    "the product of gains over the reservation values (Nash product)",
    (k) => Math.exp(k[0]!),
    { color: "#0072b2", shape: "circle", size: 320 },
  ),
  kalaiSmorodinsky: concept(
    "kalaiSmorodinsky",
    "Kalai-Smorodinsky",
    (p, ideal) => kalaiSmorodinskyWriter(p, ideal()),
    "the smallest gain as a share of the party's ideal gain",
    (k) => k[0]!,
    { color: "#e69f00", shape: "square", size: 220 },
  ),
  egalitarian: concept(
    "egalitarian",
    "Egalitarian",
    egalitarianWriter,
    "the smallest gain over the reservation values",
    (k) => k[0]!,
    { color: "#cc79a7", shape: "diamond", size: 140 },
    "egalitarian",
  ),
  utilitarian: concept(
    "utilitarian",
    "Utilitarian",
    utilitarianWriter,
    "the sum of utilities",
    (k) => k[0]!,
    { color: "#d55e00", shape: "triangle-up", size: 70 },
    "utilitarian",
  ),
} as const;

/**
 * The name of a solution concept: a key of `SOLUTION_CONCEPTS`.
 *
 * @example
 * ```ts
 * const n: SolutionName = "kalaiSmorodinsky";
 * ```
 */
export type SolutionName = keyof typeof SOLUTION_CONCEPTS;

/**
 * The display label of a solution concept ("Nash", "Kalai-Smorodinsky", ...).
 *
 * @example
 * ```ts
 * const l: SolutionLabel = SOLUTION_CONCEPTS.nash.label; // "Nash"
 * ```
 */
export type SolutionLabel = (typeof SOLUTION_CONCEPTS)[SolutionName]["label"];

/**
 * The solution names in display order (CLI choices, sweep and Monte Carlo defaults).
 *
 * @example
 * ```ts
 * SOLUTION_NAMES.includes("nash"); // true
 * ```
 */
export const SOLUTION_NAMES: readonly SolutionName[] = Object.keys(SOLUTION_CONCEPTS) as SolutionName[];

/**
 * The concepts in display order.
 *
 * @example
 * ```ts
 * for (const c of SOLUTION_LIST) console.log(c.name, c.label);
 * ```
 */
export const SOLUTION_LIST: readonly (typeof SOLUTION_CONCEPTS)[SolutionName][] = SOLUTION_NAMES.map(
  (n) => SOLUTION_CONCEPTS[n],
);
