import * as z from "zod";
import { scenarioSchema } from "./schema.js";

/**
 * The JSON Schema (draft 2020-12) of the scenario format, for editors to complete and check files.
 * Add `"$schema": "./node_modules/treatylab/dist/scenario.schema.json"` to a scenario file to use it.
 *
 * @example
 * ```ts
 * import { scenarioJsonSchema } from "treatylab";
 * const schema = scenarioJsonSchema(); // { $schema: "https://json-schema.org/draft/2020-12/schema", ... }
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://treatylab.dev/scenario.schema.json",
    title: "treatylab scenario",
    description:
      "A peace-settlement scenario: parties with weights over issues, values per option and a reservation value (utility of no agreement) on a [0, 1] scale.",
  };
}
