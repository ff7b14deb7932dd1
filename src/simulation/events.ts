import { applyEvents as applyScenarioEvents } from "../edits/events.js";
import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import type { SimulationEvent } from "./types.js";

const AGENDA_OPS = new Set([
  "addOption",
  "removeOption",
  "addParty",
  "removeParty",
  "addConstraint",
  "removeConstraint",
  "setConstraint",
]);

/**
 * Checks events (round a positive integer, a label, edits that keep the agenda and constraints)
 * and groups them by round, in the order given.
 *
 * @example
 * ```ts
 * const byRound = scheduleEvents([{ round: 5, label: "sanctions", edits: [...] }]);
 * byRound.get(5)?.length; // 1
 * ```
 */
export function scheduleEvents(events: readonly SimulationEvent[]): Map<number, SimulationEvent[]> {
  const out = new Map<number, SimulationEvent[]>();
  events.forEach((e, k) => {
    if (!Number.isSafeInteger(e.round) || e.round < 1)
      throw new TreatylabError(`events[${k}].round is ${String(e.round)}; expected a round number >= 1`);
    if (e.label !== undefined && typeof e.label !== "string")
      throw new TreatylabError(`events[${k}].label: expected a string`);
    if (!Array.isArray(e.edits)) throw new TreatylabError(`events[${k}].edits: expected an array of scenario edits`);
    e.edits.forEach((edit, j) => {
      if (AGENDA_OPS.has((edit as { op: string }).op))
        throw new TreatylabError(
          `events[${k}].edits[${j}]: "${(edit as { op: string }).op}" changes the agenda or the constraints, which events may not do (bundles must keep their identity); run a new scenario instead`,
        );
    });
    const list = out.get(e.round) ?? [];
    list.push(e);
    out.set(e.round, list);
  });
  return out;
}

/**
 * Applies a round's events to the scenario in force (immutably), naming the event on error.
 *
 * @example
 * ```ts
 * const next = applyEvents(scenario, byRound.get(5) ?? []);
 * ```
 */
export function applyEvents(scenario: Scenario, events: readonly SimulationEvent[]): Scenario {
  return applyScenarioEvents(scenario, events, (e) => `event "${eventLabel(e)}" (round ${e.round})`);
}

/**
 * The label an event shows in the trace: its label, else its id, else "event".
 *
 * @example
 * ```ts
 * eventLabel({ round: 5, id: "sanctions-on-russia", edits: [] }); // "sanctions-on-russia"
 * ```
 */
export function eventLabel(e: SimulationEvent): string {
  return e.label ?? e.id ?? "event";
}
