import { deepFreeze, isDeepFrozen } from "./deepFreeze.js";
import { addCacheSlot } from "./objectCache.js";
import { ScenarioError } from "./errors.js";
import { checkInputData } from "./inputGuard.js";
import { jsonPath } from "./jsonPath.js";
import { quote } from "./quote.js";
import { MAX_NUMERIC_STEPS, numericGrid, numericId } from "./numericGrid.js";
import type { ScenarioSchemaOutput } from "./schema.js";
import { SCENARIO_SHAPE } from "./scenarioShapeData.js";
import { matchShape, prepareShape, type Shape, type TypedShape } from "./shape.js";
import type { Issue, Party, PiecewiseValue, Scenario, Valuation } from "./types.js";

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
const has = (function has(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
});

// Parenthesised, so compiled at module load (see checkSemantics); hence prettier-ignore.
// prettier-ignore
const checkUnique = (function checkUnique(ids: readonly string[], path: (i: number) => string, what: string): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const prev = seen.get(id);
    if (prev !== undefined)
      throw new ScenarioError(
        path(i),
        `duplicate ${what} id ${quote(id)} (also at index ${prev})`,
        `a ${what} id used once`,
      );
    seen.set(id, i);
  }
});

/**
 * Option ids of an issue (grid ids for numeric issues).
 * @example
 * ```ts
 * optionIdsOf({ id: "cap", type: "numeric", range: { min: 0, max: 10, step: 5 } }); // ["0", "5", "10"]
 * ```
 */
export function optionIdsOf(issue: Issue): string[] {
  return issue.type === "numeric" ? numericGrid(issue).map(numericId) : issue.options.map((o) => o.id);
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
const isPiecewise = (function isPiecewise(v: unknown): v is PiecewiseValue {
  return v !== null && typeof v === "object" && has(v, "points") && Array.isArray((v as PiecewiseValue).points);
});

function suggest(id: string, known: readonly string[]): string {
  const list = known
    .slice(0, 8)
    .map((k) => `${quote(k)}`)
    .join(", ");
  return `one of ${list}${known.length > 8 ? ", ..." : ""}`;
}

// Parenthesised, hence prettier-ignore: V8 compiles a parenthesised function when the module loads
// (not on its first call), so a first analysis does not pay for it (issue 18; docs/benchmarks.md).
// prettier-ignore
const checkSemantics = (function checkSemantics(s: Scenario, issuesChecked = false): void {
  // Loops rather than array methods on the path every scenario takes: a callback is one more
  // function to compile on a first call (issue 18).
  const issueIds: string[] = [];
  for (const issue of s.issues) issueIds.push(issue.id);
  const partyIds: string[] = [];
  for (const party of s.parties) partyIds.push(party.id);
  // `issuesChecked`: the issues passed these checks before (byParts), only the parties are new.
  if (!issuesChecked) checkUnique(issueIds, (i) => `$.issues[${i}].id`, "issue");
  checkUnique(partyIds, (i) => `$.parties[${i}].id`, "party");
  const issueIndex = new Map<string, number>();
  const optionIds = new Map<string, string[]>();
  for (let ii = 0; ii < s.issues.length; ii++) {
    const issue = s.issues[ii]!;
    issueIndex.set(issue.id, ii);
    if (issue.type === "numeric") {
      const { min, max, step } = issue.range;
      const at = `$.issues[${ii}].range`;
      if (max < min) throw new ScenarioError(at, `max ${max} is below min ${min}`, "min <= max");
      const n = (max - min) / step;
      if (Math.abs(n - Math.round(n)) > 1e-9 * Math.max(1, n))
        throw new ScenarioError(
          `${at}.step`,
          `step ${step} does not divide the range ${min}..${max}`,
          "a step that divides max - min",
        );
      if (Math.round(n) + 1 > MAX_NUMERIC_STEPS)
        throw new ScenarioError(
          `${at}.step`,
          `gives ${Math.round(n) + 1} values`,
          `at most ${MAX_NUMERIC_STEPS} values (docs/limits.md): use a larger step, e.g. ${step * Math.ceil((Math.round(n) + 1) / MAX_NUMERIC_STEPS)}`,
        );
      optionIds.set(issue.id, optionIdsOf(issue));
    } else {
      const ids: string[] = [];
      for (const o of issue.options) ids.push(o.id);
      if (!issuesChecked) checkUnique(ids, (i) => `$.issues[${ii}].options[${i}].id`, "option");
      optionIds.set(issue.id, ids);
    }
  }
  const optionSets = new Map<string, Set<string>>();
  // Paths are built only for an error (`at` is called then): a valid scenario, the common case,
  // formats none (first-call time, issue 18).
  const knownIssue = (id: string, at: () => string): Issue => {
    const k = issueIndex.get(id);
    if (k === undefined) throw new ScenarioError(at(), `unknown issue ${quote(id)}`, suggest(id, issueIds));
    return s.issues[k]!;
  };
  const knownOption = (issue: Issue, id: string, at: () => string): void => {
    let set = optionSets.get(issue.id);
    if (!set) optionSets.set(issue.id, (set = new Set(optionIds.get(issue.id)!)));
    if (!set.has(id))
      throw new ScenarioError(
        at(),
        `unknown option ${quote(id)} of issue ${quote(issue.id)}`,
        suggest(id, optionIds.get(issue.id)!),
      );
  };
  const keyPath = (at: string, key: string): string => `${at}${jsonPath([key]).slice(1)}`;

  // A function expression in parentheses: compiled with checkSemantics, at module load (issue 18).
  const checkValuation = (function checkValuation(p: Valuation, at: string): void {
    for (const key of Object.keys(p.weights))
      if (!issueIndex.has(key)) knownIssue(key, () => keyPath(`${at}.weights`, key));
    let total = 0;
    for (const issue of s.issues) {
      if (!has(p.weights, issue.id))
        throw new ScenarioError(
          `${at}.weights`,
          `no weight for issue ${quote(issue.id)}`,
          "a non-negative weight for every issue (0 if the party does not care)",
        );
      total += p.weights[issue.id]!;
    }
    if (!(total > 0) && !(p.interactions ?? []).length)
      throw new ScenarioError(
        `${at}.weights`,
        "all weights are zero",
        "at least one positive weight (or interaction terms that carry the whole utility)",
      );
    for (const key of Object.keys(p.values))
      if (!issueIndex.has(key)) knownIssue(key, () => keyPath(`${at}.values`, key));
    for (const issue of s.issues) {
      const w = p.weights[issue.id]!;
      const vat = (): string => keyPath(`${at}.values`, issue.id);
      if (!has(p.values, issue.id)) {
        if (w > 0)
          throw new ScenarioError(
            vat(),
            "missing",
            `values for the options of ${quote(issue.id)} (the party gives it weight ${w})`,
          );
        continue;
      }
      const v = p.values[issue.id]!;
      let max = 0;
      if (isPiecewise(v)) {
        if (issue.type !== "numeric")
          throw new ScenarioError(vat(), "uses piecewise points on a discrete issue", "a value per option id");
        for (let k = 1; k < v.points.length; k++)
          if (!(v.points[k]![0] > v.points[k - 1]![0]))
            throw new ScenarioError(
              `${vat()}.points[${k}]`,
              "x is not above the previous point's x",
              "points sorted by strictly increasing x",
            );
        for (const pt of v.points) max = Math.max(max, pt[1]);
      } else {
        const values = v as Readonly<Record<string, number>>;
        const ids = optionIds.get(issue.id)!;
        let found = 0;
        for (const oid of ids) {
          if (!has(values, oid))
            // An unknown key is reported first, as before: it may be the missing option misspelt.
            for (const key of Object.keys(values)) knownOption(issue, key, () => keyPath(vat(), key));
          if (!has(values, oid))
            throw new ScenarioError(
              vat(),
              `no value for option ${quote(oid)}`,
              `a non-negative value for every option of ${quote(issue.id)}${issue.type === "numeric" ? " (or piecewise { points: [[x, value], ...] })" : ""}`,
            );
          found++;
          max = Math.max(max, values[oid]!);
        }
        // Every option has a value, so any further key is not an option id.
        if (Object.keys(values).length !== found)
          for (const key of Object.keys(values)) knownOption(issue, key, () => keyPath(vat(), key));
      }
      if (p.valueScale === "absolute" && max > 1)
        throw new ScenarioError(
          vat(),
          `has a value of ${max}, above 1, with valueScale "absolute"`,
          'scores in [0, 1], or valueScale "normalised"',
        );
      if (w > 0 && !(max > 0) && p.valueScale !== "absolute")
        throw new ScenarioError(
          vat(),
          "all values are zero although the issue has positive weight",
          "at least one positive value, or weight 0 for this issue",
        );
    }
    (p.redLines ?? []).forEach((r, ri) => {
      const rat = `${at}.redLines[${ri}]`;
      const issue = knownIssue(r.issue, () => `${rat}.issue`);
      (r.reject ?? []).forEach((o, oi) => knownOption(issue, o, () => `${rat}.reject[${oi}]`));
      if ((r.below !== undefined || r.above !== undefined) && issue.type !== "numeric")
        throw new ScenarioError(rat, "uses below/above on a discrete issue", "reject: [option ids]");
      if (!r.reject?.length && r.below === undefined && r.above === undefined)
        throw new ScenarioError(rat, "rejects nothing", "reject: [option ids], or below/above on a numeric issue");
    });
    (p.interactions ?? []).forEach((t, ti) => checkChoices(t.when, `${at}.interactions[${ti}].when`, true));
  });

  /** An interaction's `when` or a constraint's `if` / `then`: issue ids to an option id or a list of them. */
  const checkChoices = (
    choices: Readonly<Record<string, string | readonly string[]>>,
    at: string,
    nonEmpty: boolean,
  ): void => {
    const entries = Object.entries(choices);
    if (nonEmpty && entries.length === 0)
      throw new ScenarioError(at, "is empty", "at least one issue with its option(s)");
    for (const [issueId, choice] of entries) {
      const iat = (): string => keyPath(at, issueId);
      const issue = knownIssue(issueId, iat);
      if (typeof choice === "string") knownOption(issue, choice, iat);
      else choice.forEach((o, oi) => knownOption(issue, o, () => `${iat()}[${oi}]`));
    }
  };

  for (let pi = 0; pi < s.parties.length; pi++) {
    const p = s.parties[pi]!;
    const at = `$.parties[${pi}]`;
    checkValuation(p, at);
    checkUnique(
      (p.constituencies ?? []).map((k) => k.id),
      (i) => `${at}.constituencies[${i}].id`,
      "constituency",
    );
    (p.constituencies ?? []).forEach((k, ki) => checkValuation(k, `${at}.constituencies[${ki}]`));
    const rule = p.ratification?.rule;
    if (rule === "quota" && p.ratification?.quota === undefined)
      throw new ScenarioError(
        `${at}.ratification.quota`,
        "missing",
        "a share of votes in (0, 1] for the quota rule, e.g. 0.667",
      );
    if (rule !== undefined && !(p.constituencies ?? []).length)
      throw new ScenarioError(
        `${at}.ratification`,
        "is set but the party has no constituencies",
        "constituencies: [...] or no ratification field",
      );
  }

  (s.constraints ?? []).forEach((c, ci) => {
    const at = `$.constraints[${ci}]`;
    checkChoices(c.if, `${at}.if`, false);
    if (Object.keys(c.then).length === 0)
      throw new ScenarioError(`${at}.then`, "is empty", "at least one issue with its allowed options");
    checkChoices(c.then, `${at}.then`, false);
  });
});

/**
 * zod's verdict on a scenario: the parsed value, or the error describing its first problem. It is
 * registered only by validatePublic.ts (the public `validateScenario` / `assertValidScenario`,
 * which import the zod schema): the structure check below needs no schema library, and only an
 * invalid scenario is handed to zod, for its exact message. The verbs use this module, so a bundle
 * of `analyze` alone carries no zod.
 */
type ExactCheck = (input: unknown) => { readonly data: ScenarioSchemaOutput } | { readonly error: ScenarioError };
let exactCheck: ExactCheck | undefined;

/**
 * Registers zod's check, which describes a scenario the structure check refuses (called by
 * validatePublic.ts when it loads).
 *
 * @example
 * ```ts
 * import { useExactScenarioErrors } from "./validate.js";
 * import { exactScenarioCheck } from "./schemaErrors.js";
 * useExactScenarioErrors(exactScenarioCheck);
 * ```
 */
export function useExactScenarioErrors(check: ExactCheck): void {
  exactCheck = check;
}

/**
 * True once zod's check is registered, so that a {@link ScenarioError} about the structure carries
 * zod's exact description. Without it (the CLI, which loads zod only when a scenario is invalid;
 * a bundle that never imports the public `validateScenario`) the error names the same path with a
 * shorter description.
 *
 * @example
 * ```ts
 * import { hasExactScenarioErrors } from "./validate.js";
 * const exact: boolean = hasExactScenarioErrors(); // true once validatePublic.ts has loaded
 * ```
 */
export function hasExactScenarioErrors(): boolean {
  return exactCheck !== undefined;
}

let describedWithoutZod = false;

/**
 * True once a scenario's structure error was described without zod's check (not registered): the
 * CLI then loads zod and runs the command again, for the exact message.
 *
 * @example
 * ```ts
 * import { wasDescribedWithoutZod } from "./validate.js";
 * const retry: boolean = wasDescribedWithoutZod(); // the CLI then loads validatePublic.ts
 * ```
 */
export function wasDescribedWithoutZod(): boolean {
  return describedWithoutZod;
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The structure check: the scenario as zod's parse would return it (a fresh copy), or the error of
 * its first problem.
 */
const checkStructure = (function checkStructure(input: unknown): { readonly fresh: boolean; readonly data: ScenarioSchemaOutput } {
  // What the shape accepts is plain data within the input limits (shape.ts): a valid scenario is
  // walked once. Only a mismatch runs the input guard, whose error (a cycle, a BigInt, a number
  // too large...) comes first, as it names the problem better than the shape's.
  const m = matchShape(SCENARIO_SHAPE, input);
  if (m.ok) return { fresh: true, data: m.value };
  checkInputData(input, { numbers: true });
  const exact = exactCheck?.(input);
  if (exact && "data" in exact) {
    // zod reads fields the guard does not see (non-enumerable ones): its copy is checked too.
    checkInputData(exact.data, { numbers: true });
    return { fresh: false, data: exact.data };
  }
  if (exact) throw exact.error;
  describedWithoutZod = true;
  let actual: unknown = input;
  for (const k of m.path.slice(
    0,
    m.expected === "present" || m.expected.startsWith("only the fields") ? -1 : undefined,
  ))
    actual =
      actual !== null && typeof actual === "object" ? (actual as Record<PropertyKey, unknown>)[k as string] : undefined;
  if (m.expected.startsWith("only the fields"))
    throw new ScenarioError(
      jsonPath(m.path),
      `unknown field ${JSON.stringify(m.path[m.path.length - 1])}`,
      "only the fields of the scenario format (see docs/scenario-format.md or the JSON Schema from `treatylab schema`)",
    );
  if (m.expected === "present") throw new ScenarioError(jsonPath(m.path), "missing", "a value (the field is required)");
  return throwShown(m.path, actual, m.expected);
});

function throwShown(path: readonly PropertyKey[], actual: unknown, expected: string): never {
  const shown =
    actual === undefined
      ? "missing"
      : `is ${typeof actual === "string" ? quote(actual, 40) : quote(actual, 40).slice(1, -1)}`;
  throw new ScenarioError(jsonPath(path), shown, expected);
}

/**
 * Validate once: the deep-frozen scenarios `validateScenario` returned or `assertValidScenario`
 * passed. They cannot change, so validating one again (each verb validates its input: `analyze`,
 * every sweep row, `tornado`...) returns it at once instead of parsing and cloning it again. A
 * WeakSet, so it holds nothing alive.
 */
const VALIDATED = new WeakSet<object>();

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/** True when the value is a scenario validated before (see {@link VALIDATED}). */
const remembered = (function remembered(input: unknown): input is Scenario {
  return typeof input === "object" && input !== null && VALIDATED.has(input);
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * True when `s` is a scenario this module validated (or checked) and froze: it cannot change, so
 * what is computed from it (its compiled form) can be kept.
 *
 * @example
 * ```ts
 * import { isValidatedScenario } from "./validate.js";
 * isValidatedScenario(validateScenario(JSON.parse(JSON.stringify(builtinScenario("nash-1950"))))); // true
 * isValidatedScenario({ id: "x" }); // false
 * ```
 */
export const isValidatedScenario = (function isValidatedScenario(s: unknown): boolean {
  return remembered(s);
});

/**
 * Checks a scenario that may be frozen and shared (for instance the result of an immer edit)
 * without copying it; throws the same errors as {@link validateScenario}. A deep-frozen scenario
 * that passes is remembered (validate once): `validateScenario` and this function then return it
 * without checking it again (a sweep row is checked by `applyEdits`, not again by `analyze`).
 *
 * @example
 * ```ts
 * import { produce } from "immer";
 * assertValidScenario(produce(nash1950, (d) => void (d.parties[0]!.reservation = 0.4))); // returns
 * assertValidScenario(produce(nash1950, (d) => void (d.parties[0]!.reservation = 1.4)));
 * // throws "$.parties[0].reservation: is 1.4; expected number to be <=1"
 * ```
 */
export function assertValidScenario(s: Scenario): void {
  if (VALIDATED.has(s)) return;
  if (byParts(s, false) === true) {
    VALIDATED.add(s);
    return;
  }
  checkStructure(s);
  checkSemantics(s);
  if (isDeepFrozen(s)) VALIDATED.add(s);
}

/**
 * Parts of validated, deep-frozen scenarios recorded as what-if bases ({@link rememberParts}, and
 * the parts a what-if validated by parts shares), by identity, with the issues array they were
 * checked against: issues arrays (against themselves), parties, constraint lists and the other
 * object fields (sources, notes, uncertainty). Compilation shares the tables of these parts
 * between what-ifs ({@link isSharedPart}). Weak: it holds nothing alive (and no value refers back
 * to its key).
 */
const CHECKED_AGAINST = new WeakMap<object, object>();

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/** Records a part checked against `issues` (see {@link CHECKED_AGAINST}); written only when it changes. */
const recordPart = (function recordPart(part: object, issues: object): void {
  if (CHECKED_AGAINST.get(part) !== issues) CHECKED_AGAINST.set(part, issues);
});

/**
 * The hidden property marking a part of a scenario `validateScenario` checked and froze (its issues
 * array, parties, constraints, sources, notes, uncertainty): `{ owner, issues }`, the issues array
 * it was checked against. A non-enumerable symbol property, invisible to JSON, spreads,
 * `structuredClone` and deep equality; a mark copied onto another object does not count (`owner`).
 * A property rather than a `WeakMap` entry, so that validating a scenario leaves nothing behind
 * (objectCache.ts explains what a `WeakMap` costs short-lived objects).
 */
const PART = Symbol("treatylab.checked");
interface PartMark {
  readonly owner: object;
  readonly issues: object;
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/** Marks the parts of a checked scenario, before it is frozen (see {@link PART}). */
const markParts = (function markParts(s: Scenario): void {
  const issues = s.issues;
  Object.defineProperty(issues, PART, { value: Object.freeze({ owner: issues, issues }) });
  for (const p of s.parties) Object.defineProperty(p, PART, { value: Object.freeze({ owner: p, issues }) });
  for (const key of SHARED_OBJECT_FIELDS) {
    const v = (s as unknown as Record<string, unknown>)[key];
    if (typeof v === "object" && v !== null) Object.defineProperty(v, PART, { value: Object.freeze({ owner: v, issues }) });
  }
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The issues array a part was checked against, as part of a validated, deep-frozen scenario
 * (marked, or recorded as a what-if base), or undefined. An issues array checked is its own.
 */
const checkedAgainst = (function checkedAgainst(part: object): object | undefined {
  const mark = (part as { [PART]?: PartMark })[PART];
  return mark !== undefined && mark.owner === part ? mark.issues : CHECKED_AGAINST.get(part);
});

/**
 * Records the parts of a validated scenario (see {@link CHECKED_AGAINST}) about to be the base of
 * what-ifs, so that their compiled tables are shared by the what-ifs (called by `applyEdits`; the
 * validation by parts records the parts a what-if shares likewise; a scenario that is not a
 * validated one is ignored). Only bases are recorded: a scenario validated to be analysed once
 * leaves nothing behind.
 *
 * @example
 * ```ts
 * import { rememberParts, validateScenario } from "./validate.js";
 * const base = validateScenario(JSON.parse(JSON.stringify(builtinScenario("nash-1950"))));
 * rememberParts(base); // applyEdits(base, ...) results now share base's compiled tables
 * ```
 */
export function rememberParts(s: Scenario): void {
  if (!VALIDATED.has(s)) return;
  recordPart(s.issues, s.issues);
  for (const p of s.parties) recordPart(p, s.issues);
  for (const key of SHARED_OBJECT_FIELDS) {
    const v = (s as unknown as Record<string, unknown>)[key];
    if (typeof v === "object" && v !== null) recordPart(v, s.issues);
  }
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * True when `part` (a party, or the issues array itself when `part === issues`) is a checked part
 * of a what-if family (see {@link rememberParts}): frozen, and valid against that issues array,
 * so tables computed from it can be shared by every what-if that holds it (compile.ts).
 *
 * @example
 * ```ts
 * import { isSharedPart, rememberParts, validateScenario } from "./validate.js";
 * const base = validateScenario(JSON.parse(JSON.stringify(builtinScenario("nash-1950"))));
 * isSharedPart(base.parties[0]!, base.issues); // false: not a what-if base yet
 * rememberParts(base);
 * isSharedPart(base.parties[0]!, base.issues); // true
 * ```
 */
export const isSharedPart = (function isSharedPart(part: object, issues: object): boolean {
  return CHECKED_AGAINST.get(part) === issues;
});

/** A node of the scenario's shape that must be an object (or an array of objects) node. */
function objectFields(shape: Shape): Readonly<Record<string, Shape>> {
  if (shape.t !== "object") throw new Error(`the scenario shape changed: expected an object node, found ${shape.t}`);
  return shape.fields;
}
const FIELD_SHAPES = objectFields(SCENARIO_SHAPE);
/** Object fields other than the issues that {@link byParts} accepts when shared with a validated scenario. */
const SHARED_OBJECT_FIELDS = ["constraints", "sources", "notes", "uncertainty"] as const;
/** Object fields {@link byParts} accepts when shared with a validated scenario (not re-checked). */
const SHARED_FIELDS = new Set<string>(["issues", ...SHARED_OBJECT_FIELDS]);
/**
 * The structure of what {@link byParts} checks: the scenario's other fields (strings) and the
 * changed parties, in one structure check (one per validation, as the full validation's).
 */
const PARTS_SHAPE: TypedShape<Omit<ScenarioSchemaOutput, "issues" | (typeof SHARED_OBJECT_FIELDS)[number]>> = {
  t: "object",
  fields: Object.fromEntries(
    Object.entries(FIELD_SHAPES)
      .filter(([k]) => !SHARED_FIELDS.has(k))
      .map(([k, v]) => (k === "parties" && v.t === "array" ? [k, { t: "array", item: v.item }] : [k, v])),
  ),
};

// The structure checks' parsers, built when the module loads rather than on the first validation
// (issue 18, first call).
prepareShape(SCENARIO_SHAPE);
prepareShape(PARTS_SHAPE);

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * A scenario validated by its parts: a what-if made from a validated scenario (`applyEdits`, immer,
 * or a plain object such as `{ ...base, parties: [changed, base.parties[1]] }`) shares the issues
 * and every part it did not change with it, so only the changed parties are checked (every check of
 * the full validation that concerns them: plain data, structure, and their weights, values, red
 * lines, interactions and constituencies against the issues), plus the scenario's own fields and
 * unique party ids. Shared parts are those of a scenario `validateScenario` returned ({@link PART})
 * or of a recorded what-if base ({@link rememberParts}), checked against the same issues array.
 *
 * `copy` false: `s` must be frozen (its changed parties deep-frozen); true means it is valid.
 * `copy` true (`validateScenario`): `s` may be any object; the result is a new deep-frozen scenario,
 * equal to what the full validation returns (fields in schema order, changed parties copied), that
 * shares the checked parts. False means "not shown": the full validation then runs (and names the
 * first problem). A sweep, Monte Carlo run or tournament of 10,000 what-ifs checks one party per
 * what-if instead of the whole scenario (issue 18).
 */
const byParts = (function byParts(s: unknown, copy: boolean): Scenario | boolean {
  if (typeof s !== "object" || s === null || Object.getPrototypeOf(s) !== Object.prototype) return false;
  if (!copy && !Object.isFrozen(s)) return false;
  const fields = s as Readonly<Record<string, unknown>>;
  const issues = fields.issues;
  const parties = fields.parties;
  if (typeof issues !== "object" || issues === null || checkedAgainst(issues) !== issues) return false;
  if (!Array.isArray(parties) || parties.length < 1 || Object.getPrototypeOf(parties) !== Array.prototype) return false;
  if ((!copy && !Object.isFrozen(parties)) || !("id" in s)) return false;
  // What is checked here: the fields that are not shared objects, and the changed parties.
  const checked: Record<string, unknown> = {};
  const shared: Record<string, unknown> = { issues };
  for (const key in fields) {
    if (key === "parties" || key === "issues" || !has(fields, key)) continue;
    const v = fields[key];
    if (SHARED_FIELDS.has(key)) {
      if (typeof v !== "object" || v === null) return false;
      // Constraints refer to issue and option ids; sources, notes and uncertainty to nothing.
      const against = checkedAgainst(v);
      if (against === undefined || (key === "constraints" && against !== issues)) return false;
      shared[key] = v;
    } else checked[key] = v;
  }
  const fresh: unknown[] = [];
  const kept: boolean[] = [];
  for (let i = 0; i < parties.length; i++) {
    const p: unknown = parties[i];
    if (typeof p !== "object" || p === null) return false;
    const keep = checkedAgainst(p) === issues;
    kept.push(keep);
    if (!keep) fresh.push(p);
  }
  checked.parties = fresh;
  // Plain data and structure (the parties array is two levels deep in the scenario, as here).
  if (!copy) for (const p of fresh) if (!isDeepFrozen(p)) return false;
  // The shape accepts only plain data within the input limits (shape.ts).
  const m = matchShape(PARTS_SHAPE, checked);
  if (!m.ok) return false;
  const own = m.value;
  const copies = own.parties;
  const all: Party[] = [];
  let f = 0;
  for (let i = 0; i < parties.length; i++) all.push(kept[i] ? (parties[i] as Party) : copies[f++]!);
  const ids = new Set<string>();
  for (const p of all) ids.add(p.id);
  if (ids.size !== all.length) return false;
  const sharedIssues = issues as readonly Issue[];
  if (copies.length > 0) {
    try {
      checkSemantics({ id: own.id, issues: sharedIssues, parties: copies }, true);
    } catch {
      return false;
    }
  }
  // The shared parts are a what-if base in use: their compiled tables are shared (compile.ts).
  for (const key in shared) recordPart(shared[key] as object, issues);
  for (let i = 0; i < parties.length; i++) if (kept[i]) recordPart(all[i]!, issues);
  if (!copy) return true;
  // The copy, as the full validation returns it: fields in schema order, without `$schema`.
  for (const p of copies) Object.defineProperty(p, PART, { value: Object.freeze({ owner: p, issues }) });
  const { $schema: _ignored, ...rest } = inShapeOrder(SCENARIO_SHAPE, (key) =>
    key === "parties" ? all : has(shared, key) ? shared[key] : (own as Record<string, unknown>)[key],
  (key) => has(fields, key));
  const frozen = deepFreeze(addCacheSlot(rest));
  VALIDATED.add(frozen);
  return frozen;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The value of a typed object shape assembled from values checked elsewhere (by {@link byParts}):
 * the fields `present` says the input has, in the shape's order, as `matchShape` returns them.
 */
const inShapeOrder = (function inShapeOrder<T>(shape: TypedShape<T>, value: (key: string) => unknown, present: (key: string) => boolean): T {
  const out: Record<string, unknown> = {};
  for (const key in objectFields(shape)) if (present(key)) out[key] = value(key);
  return out as T;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Checks an untrusted value (parsed JSON or a TypeScript object) against the scenario format and
 * returns a deep-frozen copy. The input is never modified. A scenario this function returned is
 * returned as it is (validated once: it is frozen, so it is still valid).
 *
 * Throws one {@link ScenarioError} naming the JSON path, what is wrong and what is expected:
 * unknown or duplicate ids, negative or all-zero weights, missing values, NaN or Infinity, a
 * reservation outside [0, 1], ids such as `__proto__`...  Constraints that leave no feasible
 * bundle are reported by `compileScenario`.
 *
 * @example
 * ```ts
 * import { validateScenario } from "treatylab";
 * const scenario = validateScenario(JSON.parse(JSON.stringify(nash1950))); // as read from a file
 * scenario.issues.length; // 9
 * validateScenario(scenario) === scenario; // true: validated once
 * validateScenario({ id: "x" }); // throws ScenarioError "$.issues: missing; expected an array"
 * ```
 */
export const validateScenario = (function validateScenario(input: unknown): Scenario {
  if (remembered(input)) return input;
  // A what-if of a validated scenario: only what it changed is checked and copied.
  const parts = byParts(input, true);
  if (typeof parts === "object") return parts;
  const { fresh, data } = checkStructure(input);
  const { $schema: _ignored, ...rest } = data;
  const scenario: Scenario = fresh ? rest : structuredClone(rest);
  checkSemantics(scenario);
  // Its parts are marked (a what-if that shares them is validated by parts), and its compiled
  // form, outcome spaces and timelines are cached on it (objectCache.ts).
  markParts(scenario);
  const frozen = deepFreeze(addCacheSlot(scenario));
  VALIDATED.add(frozen);
  return frozen;
});
