import * as z from "zod";
import { scenarioSchema } from "./schema.js";

const EDIT_OPS = [
  "setWeight",
  "setValue",
  "setPoint",
  "shiftValue",
  "setReservation",
  "shiftReservation",
  "setPower",
  "setCapability",
  "setDiscount",
  "setPosition",
  "addOption",
  "removeOption",
  "addParty",
  "removeParty",
  "addRedLine",
  "removeRedLine",
  "addInteraction",
  "removeInteraction",
  "setInteraction",
  "setInteractionWhen",
  "setVotes",
  "setVeto",
  "setRatification",
  "removeConstituency",
  "addConstraint",
  "removeConstraint",
  "setConstraint",
];
const EDITS = { type: "array", items: { type: "object", required: ["op"], properties: { op: { enum: EDIT_OPS } } } };
/** A derived scenario: a base (built-in id or relative file) and edits (see docs/scenario-format.md). */
const DERIVED_SCENARIO = {
  type: "object",
  required: ["base"],
  properties: {
    base: {
      type: "string",
      minLength: 1,
      description: "a built-in scenario id, or a scenario file relative to this one",
    },
    edits: EDITS,
    events: {
      type: "array",
      items: {
        type: "object",
        required: ["edits"],
        properties: { id: { type: "string" }, label: { type: "string" }, edits: EDITS },
      },
    },
  },
};

/**
 * The JSON Schema (draft 2020-12) of the scenario format, for editors to complete and check files.
 * Add `"$schema": "./node_modules/treatylab/dist/scenario.schema.json"` to a scenario file to use it.
 * A file is either a full scenario or a derived one (`base` plus `edits` / `events`).
 *
 * @example
 * ```ts
 * import { scenarioJsonSchema } from "treatylab";
 * const schema = scenarioJsonSchema(); // { $schema: "https://json-schema.org/draft/2020-12/schema", ... }
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...scenario } = z.toJSONSchema(scenarioSchema, { target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
  return {
    $schema,
    anyOf: [scenario, DERIVED_SCENARIO],
    $id: "https://treatylab.dev/scenario.schema.json",
    title: "treatylab scenario",
    description:
      "A peace-settlement scenario: parties with weights over issues, values per option and a reservation value (utility of no agreement) on a [0, 1] scale.",
  };
}
