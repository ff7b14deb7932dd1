import { ScenarioError } from "../model/errors.js";
import { issueLabel, optionLabel, partyLabel } from "../model/labels.js";
import type { Party, PiecewiseValue, Scenario } from "../model/types.js";
import type { ScenarioEdit } from "./types.js";

/**
 * One number of a scenario that a what-if can change, named by a path:
 * `parties.<party>.reservation`, `parties.<party>.power`, `parties.<party>.capability` (clout in
 * outcome forecasts; its value defaults to the power, else 1), `parties.<party>.weights.<issue>` or
 * `parties.<party>.values.<issue>.<option>`. An id holding a dot or a bracket is written in
 * brackets and quotes: `parties["a.b"].reservation`. The option of a value path is everything
 * after the issue, so numeric option ids such as `0.5` need no quotes.
 *
 * @example
 * ```ts
 * const r: ParameterRef = { kind: "weight", party: "russia", issue: "nato" };
 * ```
 */
export type ParameterRef =
  | { readonly kind: "reservation"; readonly party: string }
  | { readonly kind: "power"; readonly party: string }
  | { readonly kind: "capability"; readonly party: string }
  | { readonly kind: "weight"; readonly party: string; readonly issue: string }
  | { readonly kind: "value"; readonly party: string; readonly issue: string; readonly option: string };

/**
 * The kinds of {@link ParameterRef}.
 * @example
 * ```ts
 * const kind: ParameterKind = "reservation";
 * ```
 */
export type ParameterKind = ParameterRef["kind"];

const PLAIN = /^[^.[\]"]+$/;

/**
 * Splits a parameter path into its segments (`a.b["c.d"].e` gives `a`, `b`, `c.d`, `e`).
 *
 * @example
 * ```ts
 * splitPath('parties["a.b"].reservation'); // ["parties", "a.b", "reservation"]
 * ```
 */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  let k = 0;
  while (k < path.length) {
    if (path[k] === "[") {
      const end = path.indexOf("]", k);
      if (end < 0) throw new ScenarioError(path, "has an unclosed [", 'segments such as ["id with.dots"]');
      let seg: unknown;
      try {
        seg = JSON.parse(path.slice(k + 1, end));
      } catch {
        seg = undefined;
      }
      if (typeof seg !== "string")
        throw new ScenarioError(
          path,
          `bracket segment ${path.slice(k, end + 1)} is not a quoted string`,
          'a quoted id such as ["a.b"]',
        );
      out.push(seg);
      k = end + 1;
      if (path[k] === ".") k++;
      continue;
    }
    let end = k;
    while (end < path.length && path[end] !== "." && path[end] !== "[") end++;
    out.push(path.slice(k, end));
    k = end < path.length && path[end] === "." ? end + 1 : end;
  }
  return out;
}

const quote = (id: string): string => (PLAIN.test(id) ? `.${id}` : `[${JSON.stringify(id)}]`);

/**
 * Parses a parameter path (wildcards `*` allowed in id positions, see {@link expandParameters}).
 * Throws a {@link ScenarioError} naming the path and the accepted forms.
 *
 * @example
 * ```ts
 * parseParameter("parties.russia.weights.nato"); // { kind: "weight", party: "russia", issue: "nato" }
 * ```
 */
export function parseParameter(path: string): ParameterRef {
  const expected = "parties.<party>.reservation | .power | .capability | .weights.<issue> | .values.<issue>.<option>";
  const seg = splitPath(path);
  if (seg[0] !== "parties" || seg.length < 3 || seg.some((s) => s === ""))
    throw new ScenarioError(path, "is not a parameter path", expected);
  const party = seg[1]!;
  const field = seg[2];
  if (field === "reservation" && seg.length === 3) return { kind: "reservation", party };
  if (field === "power" && seg.length === 3) return { kind: "power", party };
  if (field === "capability" && seg.length === 3) return { kind: "capability", party };
  if (field === "weights" && seg.length === 4) return { kind: "weight", party, issue: seg[3]! };
  if (field === "values" && seg.length >= 5)
    return { kind: "value", party, issue: seg[3]!, option: seg.slice(4).join(".") };
  throw new ScenarioError(path, "is not a parameter path", expected);
}

/**
 * Writes a parameter as its canonical path (the inverse of {@link parseParameter}).
 *
 * @example
 * ```ts
 * formatParameter({ kind: "reservation", party: "russia" }); // "parties.russia.reservation"
 * ```
 */
export function formatParameter(ref: ParameterRef): string {
  const base = `parties${quote(ref.party)}`;
  switch (ref.kind) {
    case "reservation":
    case "power":
    case "capability":
      return `${base}.${ref.kind}`;
    case "weight":
      return `${base}.weights${quote(ref.issue)}`;
    case "value":
      return `${base}.values${quote(ref.issue)}${PLAIN.test(ref.option) || String(Number(ref.option)) === ref.option ? `.${ref.option}` : `[${JSON.stringify(ref.option)}]`}`;
  }
}

/**
 * A parameter path in words, with the scenario's party, issue and option labels (ids when there is
 * no scenario or no label): `Bill: reservation`, `Bill: weight on Pen`, `Bill: value of Pen = Jack`.
 * A path that is not a parameter comes back unchanged. For plot axes and legends.
 *
 * @example
 * ```ts
 * parameterLabel(nash1950, "parties.bill.reservation"); // "Bill: reservation"
 * parameterLabel(undefined, "parties.bill.weights.pen"); // "bill: weight on pen"
 * ```
 */
export function parameterLabel(s: Scenario | undefined, path: string): string {
  let ref: ParameterRef;
  try {
    ref = parseParameter(path);
  } catch {
    return path;
  }
  const who = partyLabel(s, ref.party);
  switch (ref.kind) {
    case "reservation":
    case "power":
    case "capability":
      return `${who}: ${ref.kind}`;
    case "weight":
      return `${who}: weight on ${issueLabel(s, ref.issue)}`;
    case "value":
      return `${who}: value of ${issueLabel(s, ref.issue)} = ${optionLabel(s, ref.issue, ref.option)}`;
  }
}

function partyOf(s: Scenario, ref: ParameterRef, at: string): Party {
  const p = s.parties.find((x) => x.id === ref.party);
  if (!p)
    throw new ScenarioError(
      at,
      `unknown party "${ref.party}"`,
      `one of ${s.parties.map((x) => `"${x.id}"`).join(", ")}`,
    );
  return p;
}

/**
 * The current value of a parameter in a scenario (a missing power is 1, a missing weight or value 0).
 * Throws a {@link ScenarioError} for an unknown party, issue or option, or a piecewise value.
 *
 * @example
 * ```ts
 * getParameter(nash1950, parseParameter("parties.bill.reservation")); // 12 / 34
 * ```
 */
export function getParameter(s: Scenario, ref: ParameterRef, at = formatParameter(ref)): number {
  const p = partyOf(s, ref, at);
  if (ref.kind === "reservation") return p.reservation;
  if (ref.kind === "power") return p.power ?? 1;
  if (ref.kind === "capability") return p.capability ?? p.power ?? 1;
  const issue = s.issues.find((i) => i.id === ref.issue);
  if (!issue)
    throw new ScenarioError(
      at,
      `unknown issue "${ref.issue}"`,
      `one of ${s.issues.map((i) => `"${i.id}"`).join(", ")}`,
    );
  if (ref.kind === "weight") return p.weights[ref.issue] ?? 0;
  const v = p.values[ref.issue];
  if (v !== undefined && "points" in v && Array.isArray((v as PiecewiseValue).points))
    throw new ScenarioError(
      at,
      `"${ref.party}" values "${ref.issue}" with piecewise points`,
      "a discrete issue or per-option values (vary the weight instead)",
    );
  if (issue.type !== "numeric" && !issue.options.some((o) => o.id === ref.option))
    throw new ScenarioError(
      at,
      `unknown option "${ref.option}" of issue "${ref.issue}"`,
      `one of ${issue.options.map((o) => `"${o.id}"`).join(", ")}`,
    );
  return (v as Readonly<Record<string, number>> | undefined)?.[ref.option] ?? 0;
}

/**
 * The edit that sets a parameter to a value.
 *
 * @example
 * ```ts
 * parameterEdit({ kind: "weight", party: "russia", issue: "nato" }, 4);
 * // { op: "setWeight", party: "russia", issue: "nato", value: 4 }
 * ```
 */
export function parameterEdit(ref: ParameterRef, value: number): ScenarioEdit {
  switch (ref.kind) {
    case "reservation":
      return { op: "setReservation", party: ref.party, value };
    case "power":
      return { op: "setPower", party: ref.party, value };
    case "capability":
      return { op: "setCapability", party: ref.party, value };
    case "weight":
      return { op: "setWeight", party: ref.party, issue: ref.issue, value };
    case "value":
      return { op: "setValue", party: ref.party, issue: ref.issue, option: ref.option, value };
  }
}

/**
 * The values a parameter may take: a reservation lies in [0, 1], a weight or a value is
 * non-negative, a power positive (its lower bound is the smallest positive double).
 *
 * @example
 * ```ts
 * parameterDomain({ kind: "reservation", party: "a" }); // { min: 0, max: 1 }
 * ```
 */
export function parameterDomain(ref: ParameterRef): { readonly min: number; readonly max: number } {
  if (ref.kind === "reservation") return { min: 0, max: 1 };
  if (ref.kind === "power" || ref.kind === "capability")
    return { min: Number.MIN_VALUE, max: Number.POSITIVE_INFINITY };
  return { min: 0, max: Number.POSITIVE_INFINITY };
}

/**
 * Expands a parameter pattern whose party, issue or option may be `*` into the concrete
 * parameters of a scenario, in scenario order (parties, then issues, then options). Piecewise
 * values are skipped by a wildcard and rejected when named. Unknown ids throw a {@link ScenarioError}
 * at `at`.
 *
 * @example
 * ```ts
 * expandParameters(nash1950, "parties.*.reservation").map(formatParameter);
 * // ["parties.bill.reservation", "parties.jack.reservation"]
 * ```
 */
export function expandParameters(s: Scenario, pattern: string, at = pattern): ParameterRef[] {
  const ref = parseParameter(pattern);
  const parties = ref.party === "*" ? s.parties : [partyOf(s, ref, at)];
  const out: ParameterRef[] = [];
  for (const p of parties) {
    if (ref.kind === "reservation" || ref.kind === "power" || ref.kind === "capability") {
      out.push({ kind: ref.kind, party: p.id });
      continue;
    }
    const issues = ref.issue === "*" ? s.issues : s.issues.filter((i) => i.id === ref.issue);
    if (issues.length === 0)
      throw new ScenarioError(
        at,
        `unknown issue "${ref.issue}"`,
        `one of ${s.issues.map((i) => `"${i.id}"`).join(", ")}`,
      );
    for (const issue of issues) {
      if (ref.kind === "weight") {
        out.push({ kind: "weight", party: p.id, issue: issue.id });
        continue;
      }
      const v = p.values[issue.id];
      if (v === undefined || ("points" in v && Array.isArray((v as PiecewiseValue).points))) {
        if (ref.issue === "*" && ref.option === "*") continue;
        getParameter(s, { kind: "value", party: p.id, issue: issue.id, option: ref.option }, at);
      }
      const options = ref.option === "*" ? Object.keys(v as Readonly<Record<string, number>>) : [ref.option];
      for (const option of options) {
        const one: ParameterRef = { kind: "value", party: p.id, issue: issue.id, option };
        getParameter(s, one, at);
        out.push(one);
      }
    }
  }
  return out;
}

/**
 * The parameters named by several paths or patterns, each once, in the order given (see
 * {@link expandParameters}); `check` sees every expanded parameter with the pattern it came from,
 * before repeats are dropped. Default: every weight and reservation.
 *
 * @example
 * ```ts
 * expandParameterList(nash1950, ["parties.*.reservation", "parties.bill.reservation"]).map(formatParameter);
 * // ["parties.bill.reservation", "parties.jack.reservation"]
 * ```
 */
export function expandParameterList(
  s: Scenario,
  patterns: readonly string[] = ["parties.*.weights.*", "parties.*.reservation"],
  check: (ref: ParameterRef, pattern: string) => void = () => {},
): ParameterRef[] {
  const refs: ParameterRef[] = [];
  const seen = new Set<string>();
  for (const pat of patterns)
    for (const ref of expandParameters(s, pat)) {
      check(ref, pat);
      const key = formatParameter(ref);
      if (!seen.has(key)) refs.push(ref);
      seen.add(key);
    }
  return refs;
}
