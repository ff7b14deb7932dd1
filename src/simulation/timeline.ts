import { prepare } from "../analysis/prepare.js";
import { type CompiledScenario, compileScenario } from "../model/compile.js";
import { isDeepFrozen } from "../model/deepFreeze.js";
import { ObjectCache } from "../model/objectCache.js";
import type { Scenario } from "../model/types.js";
import { applyEvents, eventLabel, scheduleEvents } from "./events.js";
import { type OutcomeSpace, outcomeSpaceOver, simulationSpace, zopaUnionRows } from "./outcomeSpace.js";
import type { SimulationEvent, SpaceScope } from "./types.js";

/**
 * The versions of a scenario during a run: the scenario and outcome space in force from round 1
 * and after each round with events, computed before the first round (events are scheduled, so the
 * whole timeline is known). With scope "zopa" every version's space lists the same bundles (the
 * union of the versions' ZOPAs), so bundle indices stay stable across events.
 *
 * @example
 * ```ts
 * const t = buildTimeline(builtinScenario("nash-1950"), [{ round: 5, edits: [{ op: "shiftReservation", party: "jack", by: 0.05 }] }], "all");
 * t.at.get(5)?.space.size; // 512: the space after the round-5 events
 * ```
 */
export interface Timeline {
  readonly initial: { readonly scenario: Scenario; readonly space: OutcomeSpace };
  /** Versions by the round they start in, with the labels of the events applied then. */
  readonly at: ReadonlyMap<
    number,
    { readonly scenario: Scenario; readonly space: OutcomeSpace; readonly labels: readonly string[] }
  >;
}

const NO_EVENTS: readonly SimulationEvent[] = Object.freeze([]);
const cache = new ObjectCache<object, WeakMap<object, Partial<Record<SpaceScope, Timeline>>>>("timelines");
/** Timelines of runs without events, by scenario (no inner map per scenario: a what-if tournament makes many). */
const withoutEvents = new ObjectCache<object, Partial<Record<SpaceScope, Timeline>>>("timeline without events");

/**
 * Builds a run's timeline, or reuses the one built for the same compiled scenario, events list and
 * scope (tournaments repeat runs with the same events); only a deep-frozen events list is reused
 * (a caller's list may change between runs).
 *
 * @example
 * ```ts
 * const scenario = builtinScenario("nash-1950");
 * const t = buildTimeline(scenario, [], "zopa");
 * ```
 */
export function buildTimeline(
  scenario: Scenario,
  events: readonly SimulationEvent[] | undefined,
  scope: SpaceScope,
): Timeline {
  const list = events && events.length > 0 ? events : NO_EVENTS;
  // Cached on the compiled scenario, never on the caller's object: a scenario that is not frozen
  // may change between runs (it is validated and compiled again; a validated one is not).
  const compiled = prepare(scenario);
  // Likewise an events list is cached on only when it is deep-frozen (tournaments and repeated
  // runs freeze a copy of theirs once); a list that may still change is applied afresh.
  const cacheable = list === NO_EVENTS || isDeepFrozen(list);
  const hit = !cacheable
    ? undefined
    : list === NO_EVENTS
      ? withoutEvents.get(compiled)?.[scope]
      : cache.get(compiled)?.get(list)?.[scope];
  if (hit) return hit;
  const first = scope === "zopa" ? { compiled } : simulationSpace(compiled);
  const schedule = scheduleEvents(list);
  const versions: { round: number; scenario: Scenario; compiled: CompiledScenario; labels: string[] }[] = [];
  let current = first.compiled.scenario;
  for (const round of [...schedule.keys()].sort((a, b) => a - b)) {
    const evs = schedule.get(round)!;
    current = applyEvents(current, evs);
    versions.push({ round, scenario: current, compiled: compileScenario(current), labels: evs.map(eventLabel) });
  }
  let timeline: Timeline;
  if (scope === "zopa") {
    const rows = zopaUnionRows([first.compiled, ...versions.map((v) => v.compiled)]);
    timeline = {
      initial: { scenario: first.compiled.scenario, space: outcomeSpaceOver(first.compiled, rows) },
      at: new Map(
        versions.map((v) => [
          v.round,
          { scenario: v.scenario, space: outcomeSpaceOver(v.compiled, rows), labels: v.labels },
        ]),
      ),
    };
  } else
    timeline = {
      initial: { scenario: first.compiled.scenario, space: first as OutcomeSpace },
      at: new Map(
        versions.map((v) => [v.round, { scenario: v.scenario, space: simulationSpace(v.compiled), labels: v.labels }]),
      ),
    };
  if (!cacheable) return timeline;
  if (list === NO_EVENTS) {
    withoutEvents.set(compiled, { ...withoutEvents.get(compiled), [scope]: timeline });
    return timeline;
  }
  let inner = cache.get(compiled);
  if (!inner) cache.set(compiled, (inner = new WeakMap()));
  inner.set(list, { ...inner.get(list), [scope]: timeline });
  return timeline;
}
