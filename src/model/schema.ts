/**
 * The structural schema of a scenario (zod), from which the published JSON Schema is generated.
 * Cross-references (unknown issue ids, missing values...) are checked in `validateScenario`.
 * @module
 */
import * as z from "zod";
import { ID_PATTERN, RESERVED_IDS } from "./idRules.js";
import { INPUT_LIMITS } from "./inputGuard.js";
import type { Scenario } from "./types.js";
import { uncertaintySchema } from "./uncertaintySchema.js";

export { RESERVED_IDS } from "./idRules.js";
const RESERVED = new Set(RESERVED_IDS);

/**
 * An identifier: letters, digits, `-`, `_`, `.`, `:`; starts with a letter or digit; at most
 * `INPUT_LIMITS.maxKeyLength` (1,000) characters, the limit of object keys, since ids are used as
 * keys (weights, values, utilities by party); not a reserved JavaScript property name.
 *
 * @example
 * ```ts
 * import { idSchema } from "./schema.js";
 * idSchema.parse("no-ukraine"); // "no-ukraine"
 * idSchema.safeParse("constructor").success; // false: a reserved name
 * idSchema.safeParse("a".repeat(1001)).success; // false: over 1,000 characters
 * ```
 */
export const idSchema = z
  .string()
  .max(INPUT_LIMITS.maxKeyLength, { message: `an id of at most ${INPUT_LIMITS.maxKeyLength} characters` })
  .regex(ID_PATTERN, {
    message: "an id of letters, digits, '-', '_', '.' or ':' starting with a letter or digit",
  })
  .refine((s) => !RESERVED.has(s), { message: "a name other than __proto__, constructor or prototype" })
  .describe(
    `Identifier: letters, digits, '-', '_', '.', ':'; starts with a letter or digit; at most ${INPUT_LIMITS.maxKeyLength} characters.`,
  );

const finite = z.number().finite();
const nonNegative = finite.nonnegative();

const confidenceSchema = z.enum(["low", "medium", "high"]);

const noteSchema = z
  .union([
    z.string(),
    z.strictObject({
      text: z.string().optional(),
      source: z.string().optional(),
      confidence: confidenceSchema.optional(),
    }),
  ])
  .describe("Provenance of a number: free text, or { text, source, confidence }.");

const notesSchema = z.record(z.string(), noteSchema);

const sourceSchema = z.strictObject({
  title: z.string().min(1),
  date: z.string().optional(),
  url: z.string().optional(),
  note: z.string().optional(),
});

const optionSchema = z.strictObject({
  id: idSchema,
  label: z.string().optional(),
  description: z.string().optional(),
  position: finite
    .optional()
    .describe(
      "Place of the option on the issue's ordered scale (for outcome forecasts); give it for every option of the issue or for none.",
    ),
});

const discreteIssueSchema = z.strictObject({
  id: idSchema,
  label: z.string().optional(),
  description: z.string().optional(),
  type: z.literal("discrete").optional(),
  divisible: z.boolean().optional(),
  options: z.array(optionSchema).min(1, { message: "at least one option" }),
  notes: notesSchema.optional(),
});

const numericIssueSchema = z.strictObject({
  id: idSchema,
  label: z.string().optional(),
  description: z.string().optional(),
  type: z.literal("numeric"),
  divisible: z.boolean().optional(),
  unit: z.string().optional(),
  range: z.strictObject({ min: finite, max: finite, step: finite.positive() }),
  notes: notesSchema.optional(),
});

const issueSchema = z.union([numericIssueSchema, discreteIssueSchema]);

const piecewiseSchema = z.strictObject({
  points: z.array(z.tuple([finite, nonNegative])).min(1, { message: "at least one [x, value] point" }),
});

const issueValuesSchema = z.union([piecewiseSchema, z.record(z.string(), nonNegative)]);

const redLineSchema = z.strictObject({
  issue: idSchema,
  reject: z.array(z.string()).optional(),
  below: finite.optional(),
  above: finite.optional(),
  reason: z.string().optional(),
});

const choiceSchema = z.union([z.string(), z.array(z.string()).min(1)]);

const interactionSchema = z.strictObject({
  when: z.record(z.string(), choiceSchema),
  value: finite.min(-1).max(1),
  reason: z.string().optional(),
});

const valuationFields = {
  weights: z.record(z.string(), nonNegative),
  values: z.record(z.string(), issueValuesSchema),
  valueScale: z.enum(["normalised", "absolute"]).optional(),
  reservation: finite.min(0).max(1),
  redLines: z.array(redLineSchema).optional(),
  interactions: z.array(interactionSchema).optional(),
  notes: notesSchema.optional(),
};

const constituencySchema = z.strictObject({
  id: idSchema,
  label: z.string().optional(),
  description: z.string().optional(),
  ...valuationFields,
  votes: finite.positive().optional(),
  veto: z.boolean().optional(),
});

const ratificationSchema = z.strictObject({
  rule: z.enum(["all", "majority", "quota"]),
  quota: finite.positive().max(1).optional(),
});

const partySchema = z.strictObject({
  id: idSchema,
  label: z.string().optional(),
  description: z.string().optional(),
  ...valuationFields,
  power: finite.positive().optional(),
  capability: finite
    .positive()
    .optional()
    .describe("Clout in outcome forecasts (docs/forecast.md); default: power, else 1."),
  discount: finite.positive().max(1).optional(),
  constituencies: z.array(constituencySchema).optional(),
  ratification: ratificationSchema.optional(),
});

const constraintSchema = z.strictObject({
  if: z.record(z.string(), choiceSchema),
  then: z.record(z.string(), choiceSchema),
  reason: z.string().optional(),
});

/**
 * The zod schema of a whole scenario (structure only).
 *
 * @example
 * ```ts
 * const r = scenarioSchema.safeParse(JSON.parse('{ "id": "x" }'));
 * r.success; // false: no issues or parties
 * ```
 */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: idSchema,
  title: z.string().optional(),
  description: z.string().optional(),
  date: z.string().optional(),
  sources: z.array(sourceSchema).optional(),
  issues: z.array(issueSchema).min(1, { message: "at least one issue" }),
  parties: z.array(partySchema).min(1, { message: "at least one party" }),
  constraints: z.array(constraintSchema).optional(),
  notes: notesSchema.optional(),
  uncertainty: uncertaintySchema.optional(),
});

/**
 * What `scenarioSchema` returns for a valid scenario (and what the structure check of shape.ts
 * returns, checked by test/model/scenarioShape.test.ts): a scenario, with an optional `$schema`.
 *
 * @example
 * ```ts
 * import { type ScenarioSchemaOutput, scenarioSchema } from "./schema.js";
 * import { nash1950 } from "../scenarios/nash1950.js";
 * const parsed: ScenarioSchemaOutput = scenarioSchema.parse(nash1950);
 * ```
 */
export type ScenarioSchemaOutput = z.output<typeof scenarioSchema>;

/**
 * A type with `readonly` removed at every level, so two definitions of one shape compare equal
 * whichever of them marks fields readonly.
 *
 * @example
 * ```ts
 * import type { Writable } from "./schema.js";
 * const w: Writable<{ readonly a: readonly number[] }> = { a: [1] };
 * ```
 */
export type Writable<T> = T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

/**
 * `true` when A and B are the same type (every field, optional or not, on both sides), else `false`.
 *
 * @example
 * ```ts
 * import type { SameType } from "./schema.js";
 * const yes: SameType<{ a?: string }, { a?: string }> = true;
 * ```
 */
export type SameType<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * The compiler's proof that the scenario format's two definitions agree: the interfaces of
 * `types.ts` (which carry the doc comments users read) and this schema (which validates and
 * generates the JSON Schema) describe the same shape, field for field, apart from `readonly` and
 * the schema's `$schema` field (docs/decisions.md, "One scenario format, proved equal"). It is
 * `true`, or the build fails here.
 *
 * @example
 * ```ts
 * import type { ScenarioFormatsAgree } from "./schema.js";
 * const agree: ScenarioFormatsAgree = true;
 * ```
 */
export type ScenarioFormatsAgree = Proved<
  SameType<Writable<Omit<z.output<typeof scenarioSchema>, "$schema">>, Writable<Scenario>>
>;

type Proved<T extends true> = T;
