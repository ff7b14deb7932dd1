import seedrandom from "seedrandom";
import type { DiscreteIssue, Issue, Party, Scenario } from "../src/model/types.js";

/**
 * Shape of a benchmark scenario.
 *
 * @example
 * ```ts
 * const shape: BenchShape = { parties: 2, issues: 20, options: 8, seed: "bench-1" };
 * ```
 */
export interface BenchShape {
  readonly parties: number;
  readonly issues: number;
  readonly options: number;
  readonly seed: string;
  /** Reservation of every party (default 0.3). */
  readonly reservation?: number;
}

/**
 * A random scenario from a seed (seedrandom): integer weights 1..10, values with 3 decimals in
 * [0, 1] drawn independently per party (so parties trade off), the same reservation for all.
 *
 * @example
 * ```ts
 * randomScenario({ parties: 3, issues: 12, options: 6, seed: "s" }).issues.length; // 12
 * ```
 */
export function randomScenario(shape: BenchShape): Scenario {
  const rng = seedrandom(shape.seed);
  const issues: DiscreteIssue[] = Array.from({ length: shape.issues }, (_, i) => ({
    id: `i${String(i).padStart(2, "0")}`,
    options: Array.from({ length: shape.options }, (_, o) => ({ id: `o${o}` })),
  }));
  const parties: Party[] = Array.from({ length: shape.parties }, (_, p) => ({
    id: `p${p}`,
    weights: Object.fromEntries(issues.map((i) => [i.id, 1 + Math.floor(rng() * 10)])),
    values: Object.fromEntries(
      issues.map((i) => {
        const v = Object.fromEntries(i.options.map((o) => [o.id, Math.round(rng() * 1000) / 1000]));
        v[i.options[Math.floor(rng() * i.options.length)]!.id] = 1;
        return [i.id, v];
      }),
    ),
    reservation: shape.reservation ?? 0.3,
  }));
  return { id: `random-${shape.parties}x${shape.issues}x${shape.options}`, issues, parties };
}

/**
 * A five-party agenda shaped like ukraine-2025: NATO (4), status (3), an army cap from 0 to 999
 * thousand troops by steps of 1 (1,000 values), five oblasts (4 each), sanctions (3), assets (4),
 * guarantees (4), language (3); random weights and values from the seed, the cap valued
 * piecewise-linearly (increasing for some parties, decreasing for others).
 *
 * @example
 * ```ts
 * ukraineLike("u").parties.length; // 5
 * ```
 */
export function ukraineLike(seed: string, reservation = 0.45): Scenario {
  const rng = seedrandom(seed);
  const discrete: [string, number][] = [
    ["nato", 4],
    ["status", 3],
    ["donetsk", 4],
    ["luhansk", 4],
    ["zaporizhzhia", 4],
    ["kherson", 4],
    ["crimea", 4],
    ["sanctions", 3],
    ["assets", 4],
    ["guarantees", 4],
    ["speakers", 3],
  ];
  const issues: Issue[] = [
    ...discrete.map(([id, n]): Issue => ({ id, options: Array.from({ length: n }, (_, o) => ({ id: `o${o}` })) })),
    { id: "army-cap", type: "numeric", unit: "thousand troops", range: { min: 0, max: 999, step: 1 } },
  ];
  const parties: Party[] = ["russia", "ukraine", "us", "eu", "china"].map((id) => {
    const up = rng() < 0.5;
    const mid = Math.round(rng() * 999);
    return {
      id,
      weights: Object.fromEntries(issues.map((i) => [i.id, 1 + Math.floor(rng() * 10)])),
      values: Object.fromEntries(
        issues.map((i) => {
          if (i.type === "numeric")
            return [
              i.id,
              {
                points: up
                  ? [
                      [0, 0],
                      [mid, 7],
                      [999, 10],
                    ]
                  : [
                      [0, 10],
                      [mid, 3],
                      [999, 0],
                    ],
              },
            ];
          const v = Object.fromEntries(i.options.map((o) => [o.id, Math.round(rng() * 10)]));
          v[i.options[Math.floor(rng() * i.options.length)]!.id] = 10;
          return [i.id, v];
        }),
      ),
      reservation,
    } as Party;
  });
  return { id: "ukraine-like", issues, parties };
}
