/**
 * The uncertainty declaration: which numbers of a scenario are uncertain, and how.
 *
 * It is a JSON object mapping parameter paths (wildcards `*` allowed for the party, issue or
 * option) to a distribution:
 *
 * ```json
 * {
 *   "parties.russia.reservation": { "dist": "uniform", "min": 0.4, "max": 0.5 },
 *   "parties.*.weights.*": { "confidence": "low" },
 *   "parties.ukraine.values.nato.moratorium": { "dist": "normal", "sd": 1 },
 *   "parties.us.reservation": { "dist": "triangular", "min": 0.3, "max": 0.6 },
 *   "parties.eu.weights.assets": { "spread": 0.2 }
 * }
 * ```
 *
 * - `uniform` {min, max}; `normal` {mean?, sd} (mean defaults to the scenario's value);
 *   `triangular` {min, mode?, max} (mode defaults to the scenario's value);
 * - `spread` s: uniform on [x (1 - s), x (1 + s)] around the scenario's value x;
 * - `confidence` "low" | "medium" | "high": a spread of 0.3, 0.15 or 0.05.
 *
 * Draws are clamped to the parameter's range (a reservation to [0, 1], weights and values to
 * >= 0, powers to > 0). When several entries match one number, the most specific one (fewest
 * `*`) wins, and among equally specific ones the later one.
 * @module
 */
import { ScenarioError } from "../model/errors.js";
import { jsonPath } from "../model/jsonPath.js";

export {
  distributionSchema,
  type DistributionSpec,
  type UncertaintySpec,
  uncertaintySchema,
} from "../model/uncertaintySchema.js";
import { distributionSchema, type UncertaintySpec } from "../model/uncertaintySchema.js";
import { checkInputData } from "../model/inputGuard.js";

/**
 * Relative spread of each confidence level.
 * @example
 * ```ts
 * const [p] = resolveUncertainty(nash1950, { "parties.bill.reservation": { confidence: "low" } });
 * p?.distribution; // { kind: "uniform", min: 0.2470…, max: 0.4588… }: ±CONFIDENCE_SPREAD.low (30%) of 6/17
 * ```
 */
export const CONFIDENCE_SPREAD = { low: 0.3, medium: 0.15, high: 0.05 } as const;

/**
 * A resolved distribution: uniform, normal or triangular with every bound known.
 *
 * @example
 * ```ts
 * const d: Distribution = { kind: "triangular", min: 0.3, mode: 0.45, max: 0.6 };
 * ```
 */
export type Distribution =
  | { readonly kind: "uniform"; readonly min: number; readonly max: number }
  | { readonly kind: "normal"; readonly mean: number; readonly sd: number }
  | { readonly kind: "triangular"; readonly min: number; readonly mode: number; readonly max: number };

/**
 * Checks an untrusted uncertainty declaration (parsed JSON) and returns it typed. Errors name the
 * path: `$.uncertainty["parties.russia.reservation"].max: missing; expected a number`.
 *
 * @example
 * ```ts
 * import { parseUncertainty } from "treatylab";
 * const spec = parseUncertainty(JSON.parse('{ "parties.bill.reservation": { "spread": 0.1 } }'));
 * monteCarlo(nash1950, spec, { draws: 100, seed: 1 }).draws; // 100
 * ```
 */
export function parseUncertainty(input: unknown, root: readonly PropertyKey[] = ["uncertainty"]): UncertaintySpec {
  checkInputData(input);
  if (input === null || typeof input !== "object" || Array.isArray(input))
    throw new ScenarioError(
      jsonPath(root),
      "is not an object",
      'an object { "parties.<id>.reservation": { "dist": "uniform", "min": ..., "max": ... }, ... }',
    );
  for (const [key, value] of Object.entries(input)) {
    const at = [...root, key];
    const r = distributionSchema.safeParse(value);
    if (r.success) continue;
    const v = value as Record<string, unknown>;
    const kind =
      v !== null && typeof v === "object"
        ? (v.dist ?? (("spread" in v && "spread") || ("confidence" in v && "confidence")))
        : undefined;
    const shapes: Record<string, [string, string[]]> = {
      uniform: ["min and max numbers", ["dist", "min", "max"]],
      normal: ["sd >= 0 and an optional mean", ["dist", "mean", "sd"]],
      triangular: ["min, max and an optional mode", ["dist", "min", "mode", "max"]],
      spread: ["a spread >= 0", ["spread"]],
      confidence: ['"low", "medium" or "high"', ["confidence"]],
    };
    // Own keys only: a "dist" of "constructor" or "__proto__" must not find Object.prototype's.
    const shape = typeof kind === "string" && Object.hasOwn(shapes, kind) ? shapes[kind] : undefined;
    if (!shape)
      throw new ScenarioError(
        jsonPath(at),
        `is ${JSON.stringify(value)}`,
        '{ "dist": "uniform" | "normal" | "triangular", ... }, { "spread": s } or { "confidence": "low" | "medium" | "high" }',
      );
    for (const k of Object.keys(v))
      if (!shape[1].includes(k))
        throw new ScenarioError(jsonPath([...at, k]), "is an unknown field", `only ${shape[1].join(", ")}`);
    const bad = ["min", "max", "mean", "sd", "mode", "spread"].find(
      (k) => k in v && !(typeof v[k] === "number" && Number.isFinite(v[k])),
    );
    if (bad) throw new ScenarioError(jsonPath([...at, bad]), `is ${JSON.stringify(v[bad])}`, "a finite number");
    const missing = shape[1].find((k) => !["mean", "mode"].includes(k) && !(k in v));
    if (missing) throw new ScenarioError(jsonPath([...at, missing]), "missing", shape[0]);
    throw new ScenarioError(jsonPath(at), `is ${JSON.stringify(value)}`, shape[0]);
  }
  return input as UncertaintySpec;
}
