import seedrandom from "seedrandom";

/**
 * A seeded generator in [0, 1) (seedrandom's ARC4, the library default). Every random draw of a
 * simulation goes through one generator per run made here, so the same seed replays the same run.
 *
 * @example
 * ```ts
 * const rng = seededRandom("42");
 * rng(); // always the same first number for "42"
 * ```
 */
export function seededRandom(seed: string | number): () => number {
  return seedrandom(String(seed));
}

/**
 * The seed of one run of a tournament: the tournament seed, the scenario id, the assignment index
 * and the repetition joined with "/" (for example "7/nash-1950/3/0"). seedrandom hashes the whole
 * string, so runs get independent streams and adding scenarios does not change the others' runs.
 *
 * @example
 * ```ts
 * subSeed(7, "nash-1950", 3, 0); // "7/nash-1950/3/0"
 * ```
 */
export function subSeed(seed: string | number, scenario: string, assignment: number, repetition: number): string {
  return `${seed}/${scenario}/${assignment}/${repetition}`;
}
