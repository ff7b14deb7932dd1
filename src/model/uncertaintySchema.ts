/**
 * The schema of uncertainty declarations (see `src/uncertainty/types.ts` for their meaning); it
 * lives in the model so a scenario can embed one in its `uncertainty` field.
 * @module
 */
import * as z from "zod";

const finite = z.number().finite();

/**
 * The zod schema of one uncertain number.
 *
 * @example
 * ```ts
 * distributionSchema.parse({ dist: "uniform", min: 0.4, max: 0.5 });
 * ```
 */
export const distributionSchema = z.union([
  z.strictObject({ dist: z.literal("uniform"), min: finite, max: finite }),
  z.strictObject({ dist: z.literal("normal"), mean: finite.optional(), sd: finite.nonnegative() }),
  z.strictObject({ dist: z.literal("triangular"), min: finite, mode: finite.optional(), max: finite }),
  z.strictObject({ spread: finite.nonnegative() }),
  z.strictObject({ confidence: z.enum(["low", "medium", "high"]) }),
]);

/**
 * One uncertain number as declared.
 *
 * @example
 * ```ts
 * const d: DistributionSpec = { confidence: "low" };
 * ```
 */
export type DistributionSpec = z.infer<typeof distributionSchema>;

/**
 * The uncertainty declaration: parameter path or pattern to distribution.
 *
 * @example
 * ```ts
 * const u: UncertaintySpec = { "parties.*.reservation": { spread: 0.1 } };
 * ```
 */
export type UncertaintySpec = Readonly<Record<string, DistributionSpec>>;

/**
 * The zod schema of an uncertainty declaration.
 *
 * @example
 * ```ts
 * const json: unknown = JSON.parse('{ "parties.*.reservation": { "spread": 0.1 } }');
 * uncertaintySchema.safeParse(json).success; // true
 * ```
 */
export const uncertaintySchema = z.record(z.string().min(1), distributionSchema);
