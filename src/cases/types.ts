import type { Bundle, Note, Scenario, Source } from "../model/types.js";

/**
 * What happened to a negotiation, on the record:
 * - `agreement`: signed and (largely) implemented;
 * - `signed-not-implemented`: signed, then never carried out;
 * - `rejected-by-ratification`: signed or put forward, then voted down at home;
 * - `no-agreement`: talks ended without a signed text.
 *
 * @example
 * ```ts
 * const o: CaseOutcome = "rejected-by-ratification";
 * ```
 */
export type CaseOutcome = "agreement" | "signed-not-implemented" | "rejected-by-ratification" | "no-agreement";

/**
 * Every outcome on the record, in the order tables list them.
 *
 * @example
 * ```ts
 * CASE_OUTCOMES.includes("agreement"); // true
 * ```
 */
export const CASE_OUTCOMES: readonly CaseOutcome[] = [
  "agreement",
  "signed-not-implemented",
  "rejected-by-ratification",
  "no-agreement",
];

/**
 * Whether a model that reads the record should find the text accepted by every party (and every
 * veto constituency): signed texts should be, texts that were rejected or never signed should not.
 * A text that was signed and then not implemented was accepted at signature: the stability
 * question (would a party defect?) is the second test, not this one.
 *
 * @example
 * ```ts
 * expectedAccepted("no-agreement"); // false
 * ```
 */
export function expectedAccepted(outcome: CaseOutcome): boolean {
  return outcome === "agreement" || outcome === "signed-not-implemented";
}

/**
 * What the record says about the signed text's stability: an agreement held (true), a text signed
 * and never implemented did not (false); a text that never took effect (rejected, or no
 * agreement) is not scored (null).
 *
 * @example
 * ```ts
 * expectedStable("signed-not-implemented"); // false
 * ```
 */
export function expectedStable(outcome: CaseOutcome): boolean | null {
  return outcome === "agreement" ? true : outcome === "signed-not-implemented" ? false : null;
}

/**
 * The text a case is judged on: the signed agreement, or the final plan on the table when talks
 * failed, written as a bundle of the case's scenario, with a note per clause mapping it to the text.
 *
 * @example
 * ```ts
 * const t: CaseText = { title: "Camp David Accords", date: "1978-09-17", source: "...", bundle: { sinai: "full" }, notes: { sinai: "art. 1" } };
 * ```
 */
export interface CaseText {
  readonly title: string;
  readonly date: string;
  readonly source: string;
  readonly bundle: Bundle;
  /** One line per clause: how the text maps onto the option chosen. */
  readonly notes: Readonly<Record<string, string>>;
}

/**
 * Who controls what once the text is signed: the issues a party can change on its own (by acting,
 * or by not carrying out its part), with the reasoning as a labelled assumption. The stability
 * analysis (`graphModelFromScenario`) turns it into a graph model of "would anyone defect?".
 * Issues no party controls stay at the text.
 *
 * @example
 * ```ts
 * const c: CaseControl = { issues: ["foreign-forces"], note: { text: "its troops and weapons", source: "Allan 2020", confidence: "medium" } };
 * ```
 */
export interface CaseControl {
  readonly issues: readonly string[];
  /** Why this party can change these clauses unilaterally after signature (text, source, confidence). */
  readonly note: Note;
}

/**
 * A historical negotiation: its scenario (built as `ukraine-2025` is, every number a labelled
 * assumption reasoned from the situation before the outcome), the outcome on record and the text
 * the backtest checks.
 *
 * @example
 * ```ts
 * import { historicalCase } from "treatylab";
 * historicalCase("dayton-1995").outcome; // "agreement"
 * ```
 */
export interface HistoricalCase {
  readonly id: string;
  readonly title: string;
  /** Date of the outcome (signature, referendum or breakdown), ISO. */
  readonly date: string;
  /** Kind of negotiation, for people: "interstate peace treaty", "civil war settlement"... */
  readonly kind: string;
  readonly outcome: CaseOutcome;
  /** One or two sentences on what happened, citing the sources. */
  readonly record: string;
  readonly sources: readonly Source[];
  readonly scenario: Scenario;
  readonly text: CaseText;
  /** Per party: the issues it controls after signature (the stability hook's control mapping). */
  readonly control: Readonly<Record<string, CaseControl>>;
}
