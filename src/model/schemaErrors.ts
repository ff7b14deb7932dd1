/**
 * zod's exact description of an invalid scenario. `validateScenario` checks a scenario's structure
 * without zod (shape.ts) and hands only one it refuses to the zod schema, for the message naming
 * its first problem. Only validatePublic.ts imports this module (it registers the check when the
 * public `validateScenario` / `assertValidScenario` load), so a bundle that never validates
 * explicitly, and the CLI until a scenario is invalid, carry no zod (issue 18).
 * @module
 */
import type { $ZodIssue } from "zod/v4/core";
import { ScenarioError } from "./errors.js";
import { jsonPath } from "./jsonPath.js";
import { quote } from "./quote.js";
import { type ScenarioSchemaOutput, scenarioSchema } from "./schema.js";

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function describeZodIssue(issue: $ZodIssue, input: unknown): ScenarioError {
  const path = jsonPath(issue.path);
  let actual: unknown = input;
  for (const k of issue.path) {
    actual =
      actual !== null && typeof actual === "object" ? (actual as Record<PropertyKey, unknown>)[k as string] : undefined;
  }
  const shown = (v: unknown): string => {
    if (v === undefined) return "missing";
    if (typeof v === "number" && !Number.isFinite(v)) return `is ${String(v)}`;
    return `is ${typeof v === "string" ? quote(v, 40) : quote(v, 40).slice(1, -1)}`;
  };
  switch (issue.code) {
    case "invalid_type":
      return new ScenarioError(
        path,
        shown(actual),
        `${issue.expected === "array" ? "an array" : issue.expected === "object" ? "an object" : `a ${issue.expected}`}`,
      );
    case "unrecognized_keys":
      return new ScenarioError(
        jsonPath([...issue.path, issue.keys[0] ?? ""]),
        `unknown field ${JSON.stringify(issue.keys[0])}`,
        "only the fields of the scenario format (see docs/scenario-format.md or the JSON Schema from `treatylab schema`)",
      );
    case "too_small":
    case "too_big":
      return new ScenarioError(
        path,
        issue.code === "too_big" && typeof actual === "string"
          ? `${shown(actual)} (${actual.length} characters)`
          : shown(actual),
        issue.message.replace(/^Too (small|big): expected /, ""),
      );
    case "invalid_union": {
      if (typeof actual === "number" && !Number.isFinite(actual))
        return new ScenarioError(path, shown(actual), "a finite number");
      if (
        issue.path.length === 2 &&
        issue.path[0] === "issues" &&
        actual !== null &&
        typeof actual === "object" &&
        !Array.isArray(actual)
      ) {
        const o = actual as Record<string, unknown>;
        if (!has(o, "options") && !has(o, "type") && !has(o, "range"))
          return new ScenarioError(
            path,
            `issue ${typeof o.id === "string" ? `${quote(o.id)} ` : ""}has no "options"`,
            `"options": [{ "id": "..." }, ...] for a discrete issue, or "type": "numeric" with "range": { "min", "max", "step" }`,
          );
      }
      // Report the most specific branch failure.
      // Prefer a branch that fails on a value that is present (a wrong value) over one that fails
      // on a missing field (the user meant the other shape), then the deepest failure.
      const valueAt = (rel: readonly PropertyKey[]): unknown => {
        let v: unknown = actual;
        for (const k of rel)
          v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k as string] : undefined;
        return v;
      };
      const branches = issue.errors.map((errs) => errs[0]).filter((e): e is $ZodIssue => e !== undefined);
      const score = (e: $ZodIssue): number =>
        (valueAt(e.path) !== undefined && e.code !== "unrecognized_keys" ? 1000 : 0) + e.path.length;
      const deepest = branches.sort((a, b) => score(b) - score(a))[0];
      if (deepest && deepest.path.length > 0)
        return describeZodIssue({ ...deepest, path: [...issue.path, ...deepest.path] } as $ZodIssue, input);
      return new ScenarioError(
        path,
        shown(actual),
        "one of the allowed shapes (see the JSON Schema from `treatylab schema`)",
      );
    }
    default:
      return new ScenarioError(path, shown(actual), issue.message);
  }
}

/**
 * zod's verdict on a scenario: its parsed value, or the {@link ScenarioError} of its first problem.
 *
 * @example
 * ```ts
 * import { exactScenarioCheck } from "./schemaErrors.js";
 * exactScenarioCheck({ id: "x" }); // { error: ScenarioError "$.issues: missing; expected an array" }
 * ```
 */
export function exactScenarioCheck(
  input: unknown,
): { readonly data: ScenarioSchemaOutput } | { readonly error: ScenarioError } {
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return { data: parsed.data };
  const first = parsed.error.issues[0]!;
  const error = describeZodIssue(first, input);
  // A missing field beside an unknown one is most often a misspelling ("weigths"): name it.
  const parent = JSON.stringify(first.path.slice(0, -1));
  const unknown =
    error.problem === "missing"
      ? parsed.error.issues.find((i) => i.code === "unrecognized_keys" && JSON.stringify(i.path) === parent)
      : undefined;
  if (unknown?.code !== "unrecognized_keys") return { error };
  const keys = unknown.keys.slice(0, 3).map((k) => JSON.stringify(k));
  return {
    error: new ScenarioError(
      error.path,
      `missing (the object has the unknown ${keys.length === 1 ? "field" : "fields"} ${keys.join(", ")}${unknown.keys.length > 3 ? ", ..." : ""}: misspelt?)`,
      error.expected,
    ),
  };
}
