import type { ScenarioEdit } from "../edits/types.js";
import type { Bundle, Source } from "../model/types.js";

/**
 * A plan published at a snapshot's date, mapped onto the scenario's options.
 *
 * @example
 * ```ts
 * const p: PublishedPlan = { id: "plan", title: "A plan", by: "us", source: { title: "Reuters" }, bundle: { nato: "moratorium" } };
 * ```
 */
export interface PublishedPlan {
  readonly id: string;
  readonly title: string;
  /** The party that tabled it. */
  readonly by: string;
  readonly source: Source;
  readonly bundle: Bundle;
  /** How clauses were mapped onto options, by issue. */
  readonly notes?: Readonly<Record<string, string>>;
}

/**
 * What happened at a snapshot's date, on the record.
 *
 * @example
 * ```ts
 * const o: RecordedOutcome = { agreement: false, text: "no deal", rejected: [{ plan: "plan", by: ["russia"] }], sources: [] };
 * ```
 */
export interface RecordedOutcome {
  readonly agreement: boolean;
  readonly text: string;
  /** Who refused each plan, as reported. */
  readonly rejected: readonly { readonly plan: string; readonly by: readonly string[] }[];
  readonly sources: readonly Source[];
}

/**
 * One dated moment of a validation set: a built-in base scenario plus the edits that move it to the
 * date, each party's war outlook (its reservation is the outlook's utility minus the cost, the base
 * scenario's rule), the plans on the table and the outcome on record.
 *
 * @example
 * ```ts
 * const first: ValidationSnapshot | undefined = UKRAINE_SNAPSHOTS.find((s) => s.role === "calibration");
 * first?.id; // "ukraine-2022-03-istanbul"
 * ```
 */
export interface ValidationSnapshot {
  readonly id: string;
  readonly date: string;
  readonly title: string;
  /** "calibration": used to set the model; "test": out of sample. */
  readonly role: "calibration" | "test";
  readonly base: string;
  readonly edits: readonly ScenarioEdit[];
  readonly warOutlook: Readonly<Record<string, { readonly bundle: Bundle; readonly cost: number }>>;
  readonly plans: readonly PublishedPlan[];
  readonly outcome: RecordedOutcome;
}
