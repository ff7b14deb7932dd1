import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { applyEdits } from "./applyEdits.js";
import type { ScenarioEdit } from "./types.js";

/**
 * A named event: a bundle of edits applied together, such as new sanctions, a change on the
 * battlefield or a deadline. Plain JSON, so events can be kept in files next to scenarios.
 *
 * @example
 * ```ts
 * const e: ScenarioEvent = { id: "sanctions-2025-06", label: "New US sanctions",
 *   edits: [{ op: "shiftReservation", party: "russia", by: -0.05 }] };
 * ```
 */
export interface ScenarioEvent {
  readonly id: string;
  readonly label?: string;
  readonly description?: string;
  readonly edits: readonly ScenarioEdit[];
}

/**
 * Applies events in order (each event's edits in order) and returns the new frozen scenario.
 * An error names the event: `events[1] "ceasefire-deadline": edits[0].party: unknown party ...`.
 * `name(event, k)` builds that prefix (default `events[${k}] "${event.id}"`), so other event
 * kinds (simulation events scheduled by round) can reuse this with their own wording.
 *
 * @example
 * ```ts
 * import { applyEvents, builtinScenario, sanctionsEvent } from "treatylab";
 * const after = applyEvents(builtinScenario("ukraine-2025"), [sanctionsEvent({ target: "russia", by: 0.05 })]);
 * after.parties[0]?.reservation; // 0.39 (Russia's, down from 0.44)
 * ```
 */
export function applyEvents<E extends { readonly id?: string; readonly edits: readonly ScenarioEdit[] }>(
  scenario: Scenario,
  events: readonly E[],
  name: (event: E, k: number) => string = (event, k) => `events[${k}] "${event.id}"`,
): Scenario {
  return events.reduce((s, event, k) => {
    try {
      return applyEdits(s, event.edits);
    } catch (err) {
      if (err instanceof TreatylabError) throw new TreatylabError(`${name(event, k)}: ${err.message}`);
      throw err;
    }
  }, scenario);
}

/**
 * A change in what an option is worth to a party: `by` is added to the party's raw value of
 * `option` on `issue` (kept >= 0; an edit `shiftValue`).
 *
 * @example
 * ```ts
 * const relief: ValueShift = { issue: "sanctions", option: "lifted", by: 2 };
 * ```
 */
export interface ValueShift {
  readonly issue: string;
  readonly option: string;
  readonly by: number;
}

/**
 * New sanctions on `target`: its reservation (the value of continuing the war) falls by `by`,
 * and each party in `imposers` pays `cost` off its own reservation (default 0). Reservations are
 * kept in [0, 1]. `relief` raises what the target's options are worth (new sanctions also raise
 * the value of having them lifted): each entry adds `by` to the target's raw value of an option.
 *
 * @example
 * ```ts
 * sanctionsEvent({ target: "russia", by: 0.05, imposers: ["eu"], cost: 0.01 });
 * sanctionsEvent({ target: "bill", by: 0.05, relief: [{ issue: "book", option: "bill", by: 1 }] });
 * ```
 */
export function sanctionsEvent(o: {
  readonly target: string;
  readonly by: number;
  readonly imposers?: readonly string[];
  readonly cost?: number;
  readonly relief?: readonly ValueShift[];
  readonly id?: string;
}): ScenarioEvent {
  return {
    id: o.id ?? `sanctions-on-${o.target}`,
    label: `New sanctions on ${o.target}`,
    edits: [
      { op: "shiftReservation", party: o.target, by: -o.by },
      ...(o.imposers ?? []).map((p): ScenarioEdit => ({ op: "shiftReservation", party: p, by: -(o.cost ?? 0) })),
      ...(o.relief ?? []).map(
        (r): ScenarioEdit => ({ op: "shiftValue", party: o.target, issue: r.issue, option: r.option, by: r.by }),
      ),
    ],
  };
}

/**
 * A change on the battlefield: `gainer`'s reservation rises by `by` (its war goes better),
 * `loser`'s falls by `by`. Reservations are kept in [0, 1].
 *
 * @example
 * ```ts
 * battlefieldEvent({ gainer: "russia", loser: "ukraine", by: 0.05 });
 * ```
 */
export function battlefieldEvent(o: {
  readonly gainer: string;
  readonly loser: string;
  readonly by: number;
  readonly id?: string;
}): ScenarioEvent {
  return {
    id: o.id ?? `battlefield-${o.gainer}-gains`,
    label: `Battlefield change in favour of ${o.gainer}`,
    edits: [
      { op: "shiftReservation", party: o.gainer, by: o.by },
      { op: "shiftReservation", party: o.loser, by: -o.by },
    ],
  };
}

/**
 * A deadline: the parties' discount factors are set to `discount` (in (0, 1]; lower means
 * delay costs more, see `Party.discount`), and each party in `pressed` loses `by` of its
 * reservation (no deal by the deadline is worse for it).
 *
 * @example
 * ```ts
 * deadlineEvent({ parties: ["russia", "ukraine"], discount: 0.9, pressed: ["ukraine"], by: 0.03 });
 * ```
 */
export function deadlineEvent(o: {
  readonly parties: readonly string[];
  readonly discount: number;
  readonly pressed?: readonly string[];
  readonly by?: number;
  readonly id?: string;
}): ScenarioEvent {
  return {
    id: o.id ?? "deadline",
    label: "Deadline",
    edits: [
      ...o.parties.map((p): ScenarioEdit => ({ op: "setDiscount", party: p, value: o.discount })),
      ...(o.pressed ?? []).map((p): ScenarioEdit => ({ op: "shiftReservation", party: p, by: -(o.by ?? 0) })),
    ],
  };
}
