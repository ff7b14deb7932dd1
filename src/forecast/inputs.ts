/**
 * Forecast inputs kept beside a scenario: each party's capability and each discrete issue's
 * option positions, every number with its note, source and confidence. Applied, they become the
 * scenario fields `capability`, `position`, `notes.capability` and `notes.scale`.
 * @module
 */
import { produce } from "immer";
import * as z from "zod";
import { ScenarioError } from "../model/errors.js";
import { INPUT_LIMITS } from "../model/inputGuard.js";
import type { Note, Scenario } from "../model/types.js";
import { validateScenario } from "../model/validate.js";

const provenance = {
  text: z.string().optional(),
  source: z.string().optional(),
  confidence: z.enum(["low", "medium", "high"]).optional(),
};

/**
 * The zod schema of a forecast-inputs file.
 *
 * @example
 * ```ts
 * import { forecastInputsSchema } from "treatylab/advanced";
 * forecastInputsSchema.parse({ scenario: "ukraine-2025", capabilities: { russia: { value: 40 } } });
 * // { scenario: "ukraine-2025", capabilities: { russia: { value: 40 } } }
 * forecastInputsSchema.safeParse({ scenario: "ukraine-2025", extra: 1 }).success; // false
 * ```
 */
export const forecastInputsSchema = z.strictObject({
  scenario: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  date: z.string().optional(),
  sources: z
    .array(
      z.strictObject({
        title: z.string(),
        date: z.string().optional(),
        url: z.string().optional(),
        note: z.string().optional(),
      }),
    )
    .optional(),
  // At most the scenario format's magnitude, so that an error names this file's path, not the
  // derived scenario's (found in review).
  capabilities: z
    .record(z.string(), z.strictObject({ value: z.number().positive().max(INPUT_LIMITS.maxMagnitude), ...provenance }))
    .optional(),
  scales: z
    .record(
      z.string(),
      z.strictObject({
        positions: z.record(z.string(), z.number().min(-INPUT_LIMITS.maxMagnitude).max(INPUT_LIMITS.maxMagnitude)),
        ...provenance,
      }),
    )
    .optional(),
});

/**
 * A forecast-inputs file (see examples/forecast/ukraine-2025.json): the scenario it applies to,
 * capabilities per party and option positions per discrete issue, each with its provenance.
 *
 * @example
 * ```ts
 * const f: ForecastInputs = { scenario: "nash-1950", capabilities: { a: { value: 2, text: "assumption", confidence: "low" } } };
 * ```
 */
export type ForecastInputs = z.infer<typeof forecastInputsSchema>;

/**
 * Whether parsed JSON looks like a forecast-inputs file (a `scenario` reference and capabilities
 * or scales) rather than a scenario or a table.
 *
 * @example
 * ```ts
 * isForecastInputs({ scenario: "ukraine-2025", scales: {} }); // true
 * ```
 */
export function isForecastInputs(data: unknown): boolean {
  return (
    typeof data === "object" &&
    data !== null &&
    !Array.isArray(data) &&
    typeof (data as { scenario?: unknown }).scenario === "string" &&
    ("capabilities" in data || "scales" in data)
  );
}

const noteOf = (n: {
  text?: string | undefined;
  source?: string | undefined;
  confidence?: "low" | "medium" | "high" | undefined;
}): Note | undefined => {
  const out: { text?: string; source?: string; confidence?: "low" | "medium" | "high" } = {};
  if (n.text !== undefined) out.text = n.text;
  if (n.source !== undefined) out.source = n.source;
  if (n.confidence !== undefined) out.confidence = n.confidence;
  return Object.keys(out).length > 0 ? out : undefined;
};

/**
 * Applies forecast inputs to a scenario (inputs never mutated): sets each named party's
 * `capability` and `notes.capability`, each named issue's option `position`s and `notes.scale`,
 * and validates the result. Unknown parties, issues or options are errors naming the path in the
 * inputs; a numeric issue takes no scale (its values are its scale).
 *
 * @example
 * ```ts
 * const s = applyForecastInputs(builtinScenario("nash-1950"), { scenario: "nash-1950", capabilities: { bill: { value: 2 } } });
 * ```
 */
export function applyForecastInputs(scenario: Scenario, input: unknown): Scenario {
  const parsed = forecastInputsSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new ScenarioError(
      `$${first.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("")}`,
      first.message,
      "a forecast-inputs file (docs/forecast.md)",
    );
  }
  const inputs = parsed.data;
  const next = produce(structuredClone(scenario) as Scenario, (draft) => {
    for (const [id, cap] of Object.entries(inputs.capabilities ?? {})) {
      const party = draft.parties.find((p) => p.id === id);
      if (!party)
        throw new ScenarioError(
          `$.capabilities.${id}`,
          "names no party of the scenario",
          `one of ${scenario.parties.map((p) => p.id).join(", ")}`,
        );
      party.capability = cap.value;
      const note = noteOf(cap);
      if (note !== undefined) party.notes = { ...(party.notes ?? {}), capability: note };
    }
    for (const [id, scale] of Object.entries(inputs.scales ?? {})) {
      const issue = draft.issues.find((x) => x.id === id);
      if (!issue)
        throw new ScenarioError(
          `$.scales.${id}`,
          "names no issue of the scenario",
          `one of ${scenario.issues.map((x) => x.id).join(", ")}`,
        );
      if (issue.type === "numeric")
        throw new ScenarioError(
          `$.scales.${id}`,
          "is a numeric issue",
          "scales for discrete issues only (a numeric issue's values are its scale)",
        );
      for (const key of Object.keys(scale.positions))
        if (!issue.options.some((o) => o.id === key))
          throw new ScenarioError(
            `$.scales.${id}.positions.${key}`,
            `is not an option of issue ${id}`,
            `one of ${issue.options.map((o) => o.id).join(", ")}`,
          );
      issue.options.forEach((o, k) => {
        const x = scale.positions[o.id];
        if (x === undefined)
          throw new ScenarioError(
            `$.scales.${id}.positions`,
            `has no position for option ${o.id}`,
            "a position for every option of the issue",
          );
        issue.options[k] = { ...o, position: x };
      });
      const note = noteOf(scale);
      if (note !== undefined) issue.notes = { ...(issue.notes ?? {}), scale: note };
    }
  });
  return validateScenario(next);
}
