import type { ArchivePoint } from "../search/paretoArchive.js";
import type { BargainingProblem } from "./bargainingProblem.js";
import { egalitarianKey } from "./egalitarian.js";
import { kalaiSmorodinskyKey } from "./kalaiSmorodinsky.js";
import { nashKey } from "./nash.js";
import { utilitarianKey } from "./utilitarian.js";

/**
 * One bargaining solution as the analysis reports it: the ranking key `pickBest` maximises, the
 * criterion in words, and the criterion's value read from a key.
 *
 * @example
 * ```ts
 * const c: SolutionConcept = SOLUTION_CONCEPTS.nash;
 * c.value(c.key(problem)(point)); // the point's Nash product
 * ```
 */
export interface SolutionConcept {
  readonly key: (p: BargainingProblem) => (pt: ArchivePoint) => readonly number[];
  readonly criterion: string;
  readonly value: (key: readonly number[]) => number;
}

/**
 * The four solutions (`nashSolution` is `pickBest(p, nashKey(p))`, and so on), shared by
 * `analyze` (the criterion it reports) and the explanations (criterion, runner-up).
 *
 * @example
 * ```ts
 * SOLUTION_CONCEPTS.utilitarian.criterion; // "the sum of utilities"
 * ```
 */
export const SOLUTION_CONCEPTS: Readonly<Record<"nash" | "kalaiSmorodinsky" | "egalitarian" | "utilitarian", SolutionConcept>> = {
  nash: { key: nashKey, criterion: "the product of gains over the reservation values (Nash product)", value: (k) => Math.exp(k[0]!) },
  kalaiSmorodinsky: { key: kalaiSmorodinskyKey, criterion: "the smallest gain as a share of the party's ideal gain", value: (k) => k[0]! },
  egalitarian: { key: egalitarianKey, criterion: "the smallest gain over the reservation values", value: (k) => k[0]! },
  utilitarian: { key: utilitarianKey, criterion: "the sum of utilities", value: (k) => k[0]! },
};
