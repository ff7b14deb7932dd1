import { TreatylabError } from "../model/errors.js";
import { seededRandom } from "./random.js";
import type { SimulationEvent } from "./types.js";

/**
 * The per-round probability that talks break down (they collapse, or the war escalates) before a
 * round is played: a constant, a list by round (round 1 first; the last value holds for every
 * later round) or a function of the round. Each value lies in [0, 1]. A scheduled event may set a
 * new constant hazard from its round on (`SimulationEvent.hazard`), which then replaces this.
 *
 * @example
 * ```ts
 * const steady: HazardSpec = 0.05;            // "the war can flare up any week"
 * const rising: HazardSpec = [0, 0, 0.1, 0.2]; // calm for two rounds, then ever riskier
 * const fn: HazardSpec = (round) => Math.min(1, 0.01 * round);
 * ```
 */
export type HazardSpec = number | readonly number[] | ((round: number) => number);

function checked(h: number, where: string): number {
  if (typeof h !== "number" || !(h >= 0 && h <= 1))
    throw new TreatylabError(`${where} is ${String(h)}; expected a probability from 0 to 1`);
  return h;
}

/**
 * The hazard in force in each round: the latest event hazard scheduled at or before the round
 * (later events of one round win), else the spec's value for the round. Checks every value
 * (one line naming it) and returns null when there is no hazard at all.
 *
 * @example
 * ```ts
 * const at = hazardSchedule(0.05, [{ round: 10, hazard: 0.2, edits: [] }])!;
 * at(9); // 0.05
 * at(10); // 0.2
 * ```
 */
export function hazardSchedule(
  spec: HazardSpec | undefined,
  events: readonly SimulationEvent[] = [],
): ((round: number) => number) | null {
  const changes: [number, number][] = [];
  events.forEach((e, k) => {
    if (e.hazard !== undefined) changes.push([e.round, checked(e.hazard, `events[${k}].hazard`)]);
  });
  if (spec === undefined && changes.length === 0) return null;
  changes.sort((a, b) => a[0] - b[0]); // stable: events of one round keep their order, the last wins
  let base: (round: number) => number;
  if (spec === undefined) base = () => 0;
  else if (typeof spec === "number") {
    const h = checked(spec, "hazard");
    base = () => h;
  } else if (typeof spec === "function") base = (r) => checked(spec(r), `hazard(${r})`);
  else if (Array.isArray(spec)) {
    if (spec.length === 0) throw new TreatylabError("hazard is an empty list; expected one probability per round");
    const list = (spec as readonly number[]).map((h, k) => checked(h, `hazard[${k}]`));
    base = (r) => list[Math.min(r, list.length) - 1]!;
  } else
    throw new TreatylabError(
      `hazard is ${JSON.stringify(spec)}; expected a probability, a list of them or a function of the round`,
    );
  return (r) => {
    let h: number | undefined;
    for (const [round, v] of changes) {
      if (round > r) break;
      h = v;
    }
    return h ?? base(r);
  };
}

/**
 * The probability that talks survive the hazard of rounds 1 to `rounds` (the product of
 * 1 - h(r)): the exact chance that a run that would agree in round k deterministically gets
 * there, so P(agreement) = survival(k), (1 - h)^k for a constant hazard.
 *
 * @example
 * ```ts
 * survival(0.1, 3); // 0.729
 * ```
 */
export function survival(
  spec: HazardSpec | undefined,
  rounds: number,
  events: readonly SimulationEvent[] = [],
): number {
  const at = hazardSchedule(spec, events);
  let p = 1;
  if (at) for (let r = 1; r <= rounds; r++) p *= 1 - at(r);
  return p;
}

/**
 * A run's breakdown clock: `collapses(r)`, called once at the start of each round in order, draws
 * one number from the run's breakdown stream (seedrandom, seed `<seed>/breakdown`, separate from
 * the strategies' stream so that a hazard never changes the moves) and says whether talks break
 * down before round r is played (probability h(r)). Every round draws, so runs with the same
 * seed and a higher hazard break down no later (common random numbers).
 *
 * @example
 * ```ts
 * const clock = breakdownClock(0.1, [], "7");
 * clock?.collapses(1); // true with probability 0.1
 * ```
 */
export function breakdownClock(
  spec: HazardSpec | undefined,
  events: readonly SimulationEvent[] | undefined,
  seed: string | number,
): { collapses(round: number): boolean } | null {
  const at = hazardSchedule(spec, events);
  if (!at) return null;
  let rng: (() => number) | undefined;
  return {
    collapses: (r) => {
      const h = at(r);
      const u = (rng ??= seededRandom(`${seed}/breakdown`))();
      return u < h;
    },
  };
}
