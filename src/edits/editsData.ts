import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { applyEdits } from "./applyEdits.js";
import { applyEvents, type ScenarioEvent } from "./events.js";
import { expandParameters, getParameter, parameterEdit, formatParameter } from "./parameter.js";
import type { ScenarioEdit } from "./types.js";

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);
const isEvent = (x: unknown): boolean => isObject(x) && Array.isArray(x.edits);

/**
 * Applies what-if data read from JSON to a scenario: an array of edits, an array of events
 * (objects with `edits`; a `round` is ignored, so a simulation's events file works too),
 * `{ "edits": [...] }` or `{ "events": [...] }`. Edits and events apply in order; an error is
 * one line starting with `where` and naming the edit or event (`sanctions.json: events[0]
 * "sanctions-on-russia": edits[0].party: unknown party ...`). The input is never modified.
 *
 * @example
 * ```ts
 * import { applyEditsData, nash1950 } from "treatylab";
 * const s = applyEditsData(nash1950, [{ op: "shiftReservation", party: "bill", by: -0.05 }], "edits.json");
 * ```
 */
export function applyEditsData(scenario: Scenario, data: unknown, where: string): Scenario {
  try {
    if (Array.isArray(data) && data.length > 0 && data.every(isEvent))
      return applyEvents(scenario, namedEvents(data as ScenarioEvent[]));
    if (Array.isArray(data)) return applyEdits(scenario, data as ScenarioEdit[]);
    if (isObject(data) && Array.isArray(data.events)) {
      if (!data.events.every(isEvent)) throw new TreatylabError('events: expected objects { "id", "edits": [...] }');
      return applyEvents(scenario, namedEvents(data.events as ScenarioEvent[]));
    }
    if (isObject(data) && Array.isArray(data.edits)) return applyEdits(scenario, data.edits as ScenarioEdit[]);
  } catch (err) {
    if (err instanceof TreatylabError) throw new TreatylabError(`${where}: ${err.message}`);
    throw err;
  }
  throw new TreatylabError(`${where}: expected an array of edits or events, { "edits": [...] } or { "events": [...] }`);
}

function namedEvents(events: readonly ScenarioEvent[]): ScenarioEvent[] {
  return events.map((e, k) => ({ ...e, id: e.id ?? e.label ?? `events[${k}]` }));
}

/**
 * The edits that set parameters, from `path=value` assignments (the path syntax of
 * `parseParameter`, wildcards `*` allowed: `parties.*.reservation=0.5` sets every party's).
 * Unknown ids, a bad path or a value that is not a finite number throw one line naming the
 * assignment and `flag` (default `--param`).
 *
 * @example
 * ```ts
 * import { nash1950 } from "treatylab";
 * import { parameterAssignments } from "treatylab/advanced";
 * parameterAssignments(nash1950, ["parties.bill.reservation=0.4"]);
 * // [{ op: "setReservation", party: "bill", value: 0.4 }]
 * ```
 */
export function parameterAssignments(
  scenario: Scenario,
  assignments: readonly string[],
  flag = "--param",
): ScenarioEdit[] {
  const edits: ScenarioEdit[] = [];
  for (const text of assignments) {
    const eq = text.lastIndexOf("=");
    if (eq <= 0)
      throw new TreatylabError(`${flag} "${text}": expected path=value, e.g. parties.russia.reservation=0.55`);
    const path = text.slice(0, eq).trim();
    const raw = text.slice(eq + 1).trim();
    const value = Number(raw);
    if (raw === "" || !Number.isFinite(value)) throw new TreatylabError(`${flag} "${text}": "${raw}" is not a number`);
    try {
      for (const ref of expandParameters(scenario, path)) {
        getParameter(scenario, ref, formatParameter(ref));
        edits.push(parameterEdit(ref, value));
      }
    } catch (err) {
      if (err instanceof TreatylabError) throw new TreatylabError(`${flag} "${text}": ${err.message}`);
      throw err;
    }
  }
  return edits;
}
