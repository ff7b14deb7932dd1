import { analyze } from "../analysis/analyze.js";
import { checkProposal } from "../analysis/checkProposal.js";
import { applyEdits } from "../edits/applyEdits.js";
import type { Bundle, Scenario } from "../model/types.js";
import { builtinScenario } from "../scenarios/builtins.js";
import type { RecordedOutcome, ValidationSnapshot } from "./types.js";

/** Reservations are kept to two decimals, as the base scenario writes them. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The scenario of a snapshot: its base with its edits, then each party's reservation set by the
 * base's rule (the utility of the party's war outlook minus its cost of a further year of war).
 *
 * @example
 * ```ts
 * snapshotScenario(UKRAINE_SNAPSHOTS[0]).id; // "ukraine-2022-03-istanbul"
 * ```
 */
export function snapshotScenario(snapshot: ValidationSnapshot): Scenario {
  const edited = applyEdits(builtinScenario(snapshot.base), snapshot.edits);
  const reservations = edited.parties.map((p) => {
    const o = snapshot.warOutlook[p.id];
    return o === undefined
      ? p.reservation
      : round2(checkProposal(edited, o.bundle, { alternatives: 0 }).utilities[p.id]! - o.cost);
  });
  const withReservations = applyEdits(
    edited,
    edited.parties.map((p, k) => ({ op: "setReservation" as const, party: p.id, value: reservations[k]! })),
  );
  return { ...withReservations, id: snapshot.id, title: snapshot.title, date: snapshot.date };
}

/**
 * How the model's rejecters of a plan compare with the record's.
 *
 * @example
 * ```ts
 * const m: PlanMatch = "partial"; // some, not all, of the parties that refused it on the record
 * ```
 */
export type PlanMatch = "match" | "partial" | "miss";

/**
 * One published plan at one date: the model's verdict next to the record's.
 *
 * @example
 * ```ts
 * const series = validationSeries(UKRAINE_SNAPSHOTS);
 * const v: PlanVerdict | undefined = series[0]?.plans[0];
 * v?.id; // "istanbul-draft-ukraine"
 * ```
 */
export interface PlanVerdict {
  readonly id: string;
  readonly title: string;
  readonly by: string;
  readonly acceptedByAll: boolean;
  readonly utilities: Readonly<Record<string, number>>;
  readonly modelRejectedBy: readonly string[];
  readonly recordRejectedBy: readonly string[];
  /** "match": the same parties refuse; "partial": some overlap; "miss": none in common. */
  readonly match: PlanMatch;
}

/**
 * One snapshot's result: the zone of agreement, the Nash solution and each plan's verdict.
 *
 * @example
 * ```ts
 * const r: SnapshotResult = validationSeries(UKRAINE_SNAPSHOTS)[0];
 * ```
 */
export interface SnapshotResult {
  readonly id: string;
  readonly date: string;
  readonly title: string;
  readonly role: ValidationSnapshot["role"];
  readonly outcomes: number;
  readonly zopa: number;
  readonly reservations: Readonly<Record<string, number>>;
  readonly nash: { readonly bundle: Bundle; readonly utilities: Readonly<Record<string, number>> } | null;
  readonly plans: readonly PlanVerdict[];
  readonly outcome: RecordedOutcome;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Runs each snapshot: analysis (ZOPA, Nash solution) and every published plan's verdict, next to
 * who refused it on the record. `onProgress`, if given, is called with the snapshots done.
 *
 * @example
 * ```ts
 * import { UKRAINE_SNAPSHOTS, validationSeries } from "treatylab";
 * validationSeries(UKRAINE_SNAPSHOTS).map((r) => [r.date, r.zopa]);
 * ```
 */
export function validationSeries(
  snapshots: readonly ValidationSnapshot[],
  onProgress?: (done: number, total: number) => void,
): SnapshotResult[] {
  onProgress?.(0, snapshots.length);
  return snapshots.map((snap, k) => {
    const scenario = snapshotScenario(snap);
    const a = analyze(scenario);
    const plans = snap.plans.map((plan): PlanVerdict => {
      const r = checkProposal(scenario, plan.bundle, { alternatives: 0 });
      const record = snap.outcome.rejected.find((x) => x.plan === plan.id)?.by ?? [];
      const model = [...r.rejectedBy];
      const match: PlanMatch = sameSet(model, record)
        ? "match"
        : model.some((p) => record.includes(p))
          ? "partial"
          : "miss";
      return {
        id: plan.id,
        title: plan.title,
        by: plan.by,
        acceptedByAll: r.acceptedByAll,
        utilities: r.utilities,
        modelRejectedBy: model,
        recordRejectedBy: record,
        match,
      };
    });
    const nash = a.solutions.nash;
    onProgress?.(k + 1, snapshots.length);
    return {
      id: snap.id,
      date: snap.date,
      title: snap.title,
      role: snap.role,
      outcomes: a.outcomes,
      zopa: a.zopa.count,
      reservations: Object.fromEntries(scenario.parties.map((p) => [p.id, p.reservation])),
      nash: nash ? { bundle: nash.bundle, utilities: nash.utilities } : null,
      plans,
      outcome: snap.outcome,
    };
  });
}
