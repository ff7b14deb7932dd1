import type { Constraint, Interaction, Option, Party, Ratification, RedLine } from "../model/types.js";

/**
 * A typed, serialisable edit of a scenario (JSON-friendly, so events and sweeps can be written in
 * files). Apply with `applyEdits`; each edit names what it changes by id.
 *
 * The edits of a valuation (weights, values, reservation, red lines, interaction terms) take an
 * optional `constituency`: the id of one of the party's domestic constituencies, whose numbers
 * they then change instead of the party's.
 *
 * @example
 * ```ts
 * const e: ScenarioEdit = { op: "shiftReservation", party: "russia", by: -0.05 };
 * const r: ScenarioEdit = { op: "setReservation", party: "ukraine", constituency: "referendum", value: 0.35 };
 * const v: ScenarioEdit = { op: "setVeto", party: "us", constituency: "congress", value: false };
 * ```
 */
export type ScenarioEdit =
  | {
      readonly op: "setWeight";
      readonly party: string;
      readonly constituency?: string;
      readonly issue: string;
      readonly value: number;
    }
  | {
      readonly op: "setValue";
      readonly party: string;
      readonly constituency?: string;
      readonly issue: string;
      readonly option: string;
      readonly value: number;
    }
  /** Sets the point at `index` (0-based) of a piecewise-linear valuation of a numeric issue to `[x, value]` (the points must stay sorted by x). */
  | {
      readonly op: "setPoint";
      readonly party: string;
      readonly constituency?: string;
      readonly issue: string;
      readonly index: number;
      readonly x: number;
      readonly value: number;
    }
  /** Adds `by` to a party's raw value of an option (kept >= 0): new sanctions raise the value of relief. */
  | {
      readonly op: "shiftValue";
      readonly party: string;
      readonly constituency?: string;
      readonly issue: string;
      readonly option: string;
      readonly by: number;
    }
  | { readonly op: "setReservation"; readonly party: string; readonly constituency?: string; readonly value: number }
  | { readonly op: "shiftReservation"; readonly party: string; readonly constituency?: string; readonly by: number }
  | { readonly op: "setPower"; readonly party: string; readonly value: number }
  /** A party's capability (clout in outcome forecasts, docs/forecast.md). */
  | { readonly op: "setCapability"; readonly party: string; readonly value: number }
  | { readonly op: "setDiscount"; readonly party: string; readonly value: number }
  /** An option's place on its discrete issue's ordered scale (`position`, for outcome forecasts; the issue's options must all have one). */
  | { readonly op: "setPosition"; readonly issue: string; readonly option: string; readonly value: number }
  | {
      readonly op: "addOption";
      readonly issue: string;
      readonly option: Option;
      /** Each party's value for the new option (required for parties that weight the issue). */
      readonly values: Readonly<Record<string, number>>;
    }
  | { readonly op: "removeOption"; readonly issue: string; readonly option: string }
  | { readonly op: "addParty"; readonly party: Party }
  | { readonly op: "removeParty"; readonly party: string }
  | { readonly op: "addRedLine"; readonly party: string; readonly constituency?: string; readonly redLine: RedLine }
  | { readonly op: "removeRedLine"; readonly party: string; readonly constituency?: string; readonly index: number }
  | {
      readonly op: "addInteraction";
      readonly party: string;
      readonly constituency?: string;
      readonly interaction: Interaction;
    }
  /** Removes the party's (or constituency's) interaction term at `index` (0-based, in the scenario's order). */
  | { readonly op: "removeInteraction"; readonly party: string; readonly constituency?: string; readonly index: number }
  /** Sets the bonus (or, negative, the penalty) of the interaction term at `index`, in [-1, 1]. */
  | {
      readonly op: "setInteraction";
      readonly party: string;
      readonly constituency?: string;
      readonly index: number;
      readonly value: number;
    }
  /** Replaces the condition (`when`) of the interaction term at `index`; its value and reason stay. */
  | {
      readonly op: "setInteractionWhen";
      readonly party: string;
      readonly constituency?: string;
      readonly index: number;
      readonly when: Interaction["when"];
    }
  /** A constituency's votes in its party's weighted rule (positive). */
  | { readonly op: "setVotes"; readonly party: string; readonly constituency: string; readonly value: number }
  /** Makes a constituency a veto player (`true`: it must accept whatever the rule) or not. */
  | { readonly op: "setVeto"; readonly party: string; readonly constituency: string; readonly value: boolean }
  /** How a party's constituencies ratify: `all`, `majority` or `quota` (with `quota`, a share of votes in (0, 1]). */
  | {
      readonly op: "setRatification";
      readonly party: string;
      readonly rule: Ratification["rule"];
      readonly quota?: number;
    }
  /** Takes a domestic constituency out of the party's ratification (with the last one, the ratification rule goes too). */
  | { readonly op: "removeConstituency"; readonly party: string; readonly constituency: string }
  | { readonly op: "addConstraint"; readonly constraint: Constraint }
  | { readonly op: "removeConstraint"; readonly index: number }
  /** Replaces the `if` and `then` of the constraint at `index` (0-based); its reason stays. */
  | {
      readonly op: "setConstraint";
      readonly index: number;
      readonly if: Constraint["if"];
      readonly then: Constraint["then"];
    };
