import { TreatylabError } from "../model/errors.js";
import { isId } from "../model/idRules.js";
import { INPUT_LIMITS } from "../model/inputGuard.js";
import { MAX_NUMERIC_STEPS, numericId } from "../model/numericGrid.js";
import { quote } from "../model/quote.js";
import type { Interaction, Scenario } from "../model/types.js";
import { clampedLinearShape, faratin, round12, type Shape, triangularShape } from "./geniusEvaluators.js";
import { IdAllocator, slugId } from "./ids.js";
import {
  HEADROOM_ID,
  type NeutralIssue,
  type NeutralProfile,
  type NeutralScenario,
  neutralGrid,
  neutralToScenario,
} from "./neutral.js";
import { childrenOf, parseXml, type XmlElement } from "./safeXml.js";
import { maxOf } from "../model/extrema.js";

/**
 * Default number of equal steps a GENIUS real issue is cut into (11 grid points).
 * @example
 * ```ts
 * const issue = `<objective index="0"><issue index="1" name="price" type="real" lowerbound="0" upperbound="1"`;
 * const xml = `<negotiation_template><utility_space>${issue}/></objective></utility_space></negotiation_template>`;
 * const ev = `<evaluator ftype="linear" parameter0="0" parameter1="1"/>`;
 * const buyer = `<utility_space>${issue}>${ev}</issue><weight index="1" value="1"/></objective></utility_space>`;
 * const n = readGeniusNeutral({ domain: { name: "d.xml", xml }, profiles: [{ name: "buyer", xml: buyer }] });
 * n.issues[0]; // { id: "price", label: "price", kind: "real", min: 0, max: 1, step: 0.1, steps: 10 }
 * ```
 */
export const DEFAULT_REAL_STEPS = 10;

/**
 * Options of {@link importGenius}.
 *
 * @example
 * ```ts
 * const o: GeniusImportOptions = { realSteps: 20, id: "laptop" };
 * ```
 */
export interface GeniusImportOptions {
  /** Steps for real issues without a `treatylab_steps` attribute; default {@link DEFAULT_REAL_STEPS}. */
  readonly realSteps?: number;
  /** Scenario id (default: slug of the domain's objective name). */
  readonly id?: string;
  readonly title?: string;
}

/**
 * A GENIUS scenario as text: the domain file and one profile per party (its name becomes the party).
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const read = (name: string) => readFileSync(`examples/genius/nash-1950/${name}`, "utf8");
 * const input: GeniusFiles = {
 *   domain: { name: "nash-1950_domain.xml", xml: read("nash-1950_domain.xml") },
 *   profiles: [{ name: "bill", xml: read("bill.xml") }, { name: "jack", xml: read("jack.xml") }],
 * };
 * importGenius(input).parties.map((p) => p.id); // ["bill", "jack"]
 * ```
 */
export interface GeniusFiles {
  readonly domain: { readonly name: string; readonly xml: string };
  readonly profiles: readonly { readonly name: string; readonly xml: string; readonly file?: string }[];
}

interface RawIssue {
  readonly index: number;
  readonly name: string;
  readonly el: XmlElement;
  readonly weight: number;
}

const num = (raw: string | undefined, where: string, what: string): number => {
  const x = raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(x))
    throw new TreatylabError(`${where}: ${what} is ${raw === undefined ? "missing" : `"${raw}"`}; expected a number`);
  return x;
};

function utilitySpaceOf(root: XmlElement, where: string): XmlElement {
  const top = childrenOf(root, "negotiation_template")[0] ?? root;
  const us = childrenOf(top, "utility_space")[0];
  if (!us) throw new TreatylabError(`${where}: no <utility_space> element; expected a GENIUS domain or profile file`);
  return us;
}

/** Flattens nested objectives: each issue's weight is the product of the weights on its path. */
function flattenIssues(
  objective: XmlElement,
  where: string,
  withWeights: boolean,
  factor = 1,
  seen = new Set<number>(),
): RawIssue[] {
  const weights = new Map<number, number>();
  for (const w of childrenOf(objective, "weight")) {
    const idx = num(w.attrs.index, where, "a <weight> index");
    if (weights.has(idx))
      throw new TreatylabError(`${where}: two <weight> elements for index ${idx}; expected one weight per issue`);
    const v = num(w.attrs.value, where, `the weight of index ${idx}`);
    if (v < 0) throw new TreatylabError(`${where}: the weight of index ${idx} is ${v}; expected a non-negative number`);
    weights.set(idx, v);
  }
  const out: RawIssue[] = [];
  const children = [
    ...childrenOf(objective, "issue").map((el) => ({ el, isIssue: true })),
    ...childrenOf(objective, "objective").map((el) => ({ el, isIssue: false })),
  ];
  const childIndices = new Set<number>();
  for (const { el, isIssue } of children) {
    const index = num(
      el.attrs.index,
      where,
      `the index of ${isIssue ? "issue" : "objective"} "${el.attrs.name ?? "?"}"`,
    );
    if (seen.has(index))
      throw new TreatylabError(
        `${where}: index ${index} is used twice ("${el.attrs.name ?? "?"}"); expected unique issue indices`,
      );
    seen.add(index);
    childIndices.add(index);
    const w = weights.get(index);
    if (withWeights && w === undefined)
      throw new TreatylabError(
        `${where}: no <weight> for ${isIssue ? "issue" : "objective"} "${el.attrs.name ?? index}" (index ${index}); expected <weight index="${index}" value="..."/>`,
      );
    const eff = factor * (w ?? 1);
    if (isIssue) out.push({ index, name: el.attrs.name ?? `issue ${index}`, el, weight: eff });
    else out.push(...flattenIssues(el, where, withWeights, eff, seen));
  }
  for (const idx of weights.keys())
    if (!childIndices.has(idx))
      throw new TreatylabError(
        `${where}: <weight index="${idx}"> names no issue or objective of "${objective.attrs.name ?? "?"}"; expected the index of one of its issues`,
      );
  return out;
}

/**
 * The id a treatylab export wrote in a `treatylab_id` attribute (GENIUS ignores it), checked;
 * undefined without the attribute.
 */
function givenId(el: XmlElement, at: string): string | undefined {
  const id = el.attrs.treatylab_id;
  if (id === undefined) return undefined;
  if (!isId(id))
    throw new TreatylabError(
      `${at}: treatylab_id ${quote(id)} is not an id; expected letters, digits, '-', '_', '.' or ':' starting with a letter or digit, at most ${INPUT_LIMITS.maxKeyLength} characters (or no treatylab_id attribute)`,
    );
  return id;
}

/** Refuses two elements with the same `treatylab_id`; `at[k]` names element k. */
function uniqueGiven(given: readonly (string | undefined)[], at: readonly string[]): string[] {
  const seen = new Map<string, number>();
  given.forEach((id, k) => {
    if (id === undefined) return;
    const prev = seen.get(id);
    if (prev !== undefined)
      throw new TreatylabError(`${at[k]}: treatylab_id ${quote(id)} is also that of ${at[prev]}; expected unique ids`);
    seen.set(id, k);
  });
  return [...seen.keys()];
}

/**
 * A discrete issue a treatylab export wrote for a numeric issue it could not express (values not
 * on one line): `treatylab_range="min max step"`, items the grid values in order. Read back as
 * the numeric issue.
 */
function numericFromItems(r: RawIssue, at: string, id: string, label: string, values: readonly string[]): NeutralIssue {
  const parts = (r.el.attrs.treatylab_range ?? "").trim().split(/\s+/).map(Number);
  const [min, max, step] = parts as [number, number, number];
  const n = (max - min) / step;
  if (
    parts.length !== 3 ||
    !parts.every(Number.isFinite) ||
    !(step > 0) ||
    !(max >= min) ||
    Math.abs(n - Math.round(n)) > 1e-9 ||
    Math.round(n) + 1 > MAX_NUMERIC_STEPS
  )
    throw new TreatylabError(
      `${at}: treatylab_range ${quote(r.el.attrs.treatylab_range)}; expected "min max step" with a step that divides max - min (or no treatylab_range attribute)`,
    );
  const kind = Number.isInteger(min) && step === 1 ? "integer" : "real";
  const issue: NeutralIssue = { id, label, kind, min, max, step, steps: Math.round(n) };
  const grid = neutralGrid(issue).map(numericId);
  if (grid.length !== values.length || grid.some((g, k) => g !== values[k]))
    throw new TreatylabError(
      `${at}: treatylab_range ${quote(r.el.attrs.treatylab_range)} gives the values ${grid.slice(0, 4).join(", ")}${grid.length > 4 ? ", ..." : ""} but the items are ${values
        .slice(0, 4)
        .map((v) => quote(v))
        .join(
          ", ",
        )}${values.length > 4 ? ", ..." : ""}; expected the same values in order (or no treatylab_range attribute)`,
    );
  return issue;
}

function issueKind(el: XmlElement): "discrete" | "integer" | "real" | string {
  const t = (
    el.attrs.type ??
    el.attrs.etype ??
    el.attrs.vtype ??
    (childrenOf(el, "item").length > 0 ? "discrete" : "")
  ).toLowerCase();
  return t;
}

function domainIssues(
  us: XmlElement,
  where: string,
  realSteps: number,
): {
  issues: NeutralIssue[];
  raw: RawIssue[];
  itemNames: (readonly string[] | undefined)[];
  name: string;
  headroomIssue?: string;
} {
  const objective = childrenOf(us, "objective")[0];
  if (!objective)
    throw new TreatylabError(`${where}: no <objective> in <utility_space>; expected the issues inside an objective`);
  const raw = flattenIssues(objective, where, false).sort((a, b) => a.index - b.index);
  if (raw.length === 0) throw new TreatylabError(`${where}: the domain has no issues`);
  const issueAt = raw.map((r) => `${where}: issue "${r.name}" (index ${r.index})`);
  const given = raw.map((r, k) => givenId(r.el, issueAt[k]!));
  const ids = new IdAllocator("issue", uniqueGiven(given, issueAt));
  const itemNames: (readonly string[] | undefined)[] = [];
  let headroomIssue: string | undefined;
  const issues = raw.map((r, k): NeutralIssue => {
    const kind = issueKind(r.el);
    const at = issueAt[k]!;
    const id = given[k] ?? ids.take(r.name);
    // The headroom issue of an export has no treatylab_id; a scenario issue may have its id.
    if (r.name === HEADROOM_ID && given[k] === undefined) headroomIssue = id;
    const label = r.el.attrs.treatylab_label ?? r.name;
    itemNames[k] = undefined;
    if (kind === "discrete") {
      const items = childrenOf(r.el, "item");
      if (items.length === 0) throw new TreatylabError(`${at} has no <item>; expected at least one`);
      const seen = new Set<string>();
      const seenIdx = new Set<string>();
      const sorted = [...items].sort((a, b) => Number(a.attrs.index) - Number(b.attrs.index));
      const values = sorted.map((it) => {
        const value = it.attrs.value;
        if (value === undefined) throw new TreatylabError(`${at}: an <item> has no value attribute`);
        if (seen.has(value)) throw new TreatylabError(`${at} lists item "${value}" twice; expected each item once`);
        if (it.attrs.index !== undefined && seenIdx.has(it.attrs.index))
          throw new TreatylabError(`${at} uses item index ${it.attrs.index} twice; expected unique item indices`);
        seen.add(value);
        if (it.attrs.index !== undefined) seenIdx.add(it.attrs.index);
        return value;
      });
      itemNames[k] = values;
      if (r.el.attrs.treatylab_range !== undefined) return numericFromItems(r, at, id, label, values);
      const itemAt = values.map((v) => `${at}, item ${quote(v)}`);
      const givenOpt = sorted.map((it, o) => givenId(it, itemAt[o]!));
      const optIds = new IdAllocator("option", uniqueGiven(givenOpt, itemAt));
      const options = sorted.map((it, o) => ({
        id: givenOpt[o] ?? optIds.take(values[o]!),
        label: it.attrs.treatylab_label ?? values[o]!,
      }));
      return { id, label, kind: "discrete", options };
    }
    if (kind === "integer") {
      const lo = num(r.el.attrs.lowerbound, at, "lowerbound");
      const hi = num(r.el.attrs.upperbound, at, "upperbound");
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo)
        throw new TreatylabError(`${at}: bounds ${lo}..${hi}; expected integers with lowerbound <= upperbound`);
      return { id, label, kind: "integer", min: lo, max: hi, step: 1 };
    }
    if (kind === "real") {
      const range = childrenOf(r.el, "range")[0] ?? r.el;
      const lo = num(range.attrs.lowerbound, at, "lowerbound");
      const hi = num(range.attrs.upperbound, at, "upperbound");
      if (hi < lo) throw new TreatylabError(`${at}: upperbound ${hi} is below lowerbound ${lo}`);
      const steps =
        r.el.attrs.treatylab_steps !== undefined ? num(r.el.attrs.treatylab_steps, at, "treatylab_steps") : realSteps;
      if (!Number.isInteger(steps) || steps < 1)
        throw new TreatylabError(`${at}: ${steps} steps; expected a positive integer`);
      return {
        id,
        label,
        kind: "real",
        min: lo,
        max: hi,
        step: hi > lo ? round12((hi - lo) / steps) : 1,
        steps,
      };
    }
    throw new TreatylabError(
      `${at} has type "${kind || "(none)"}"; treatylab reads discrete, integer and real GENIUS issues`,
    );
  });
  return { issues, raw, itemNames, name: objective.attrs.name ?? "genius", headroomIssue };
}

/** `names`: the domain's item values of a discrete issue (or of a numeric one written as items). */
function evaluateIssue(
  issue: NeutralIssue,
  el: XmlElement,
  at: string,
  names: readonly string[] | undefined,
): { ev: number[]; shape?: Shape } {
  if (names !== undefined) {
    const byValue = new Map<string, number>();
    const seenIdx = new Set<string>();
    for (const it of childrenOf(el, "item")) {
      const value = it.attrs.value ?? "";
      if (byValue.has(value))
        throw new TreatylabError(`${at} lists item "${value}" twice (legacy file?); keep one <item> per value`);
      if (it.attrs.index !== undefined && seenIdx.has(it.attrs.index))
        throw new TreatylabError(`${at} uses item index ${it.attrs.index} twice; expected unique item indices`);
      if (it.attrs.index !== undefined) seenIdx.add(it.attrs.index);
      if (!names.includes(value))
        throw new TreatylabError(
          `${at}: unknown item "${value}"; expected one of the domain's items: ${names
            .slice(0, 6)
            .map((o) => `"${o}"`)
            .join(", ")}`,
        );
      const e = num(it.attrs.evaluation, `${at}, item "${value}"`, "evaluation");
      if (e < 0) throw new TreatylabError(`${at}, item "${value}": evaluation ${e}; expected a non-negative number`);
      byValue.set(value, e);
    }
    const raw = names.map((o) => {
      const e = byValue.get(o);
      if (e === undefined)
        throw new TreatylabError(
          `${at}: no evaluation for item "${o}"; expected an <item value="${o}" evaluation="..."/>`,
        );
      return e;
    });
    const max = maxOf(raw);
    return { ev: raw.map((e) => (max > 0 ? round12(e / max) : 0)) };
  }
  if (issue.kind === "discrete") throw new TreatylabError(`${at}: a discrete issue without items`);
  const grid = neutralGrid(issue);
  const evaluator = childrenOf(el, "evaluator")[0];
  if (!evaluator) throw new TreatylabError(`${at}: no <evaluator>; expected one for a ${issue.kind} issue`);
  let shape: Shape;
  let f: ((x: number) => number) | undefined;
  if (issue.kind === "integer") {
    const slope = num(evaluator.attrs.slope, at, "the evaluator's slope");
    const offset = num(evaluator.attrs.offset, at, "the evaluator's offset");
    const lo = el.attrs.lowerbound !== undefined ? num(el.attrs.lowerbound, at, "lowerbound") : issue.min;
    shape = clampedLinearShape(issue.min, issue.max, (x) => slope * (x - lo) + offset);
  } else {
    const ftype = (evaluator.attrs.ftype ?? "").toLowerCase();
    const p = (k: number): number => num(evaluator.attrs[`parameter${k}`], at, `the evaluator's parameter${k}`);
    if (ftype === "linear") shape = clampedLinearShape(issue.min, issue.max, (x) => p(1) * x + p(0));
    else if (ftype === "constant") {
      const c = p(0);
      if (c < 0 || c > 1) throw new TreatylabError(`${at}: constant evaluator ${c}; expected a number in [0, 1]`);
      shape = [[issue.min, c]];
    } else if (ftype === "triangular") shape = triangularShape(p(0), p(1), p(2));
    else if (ftype === "faratin") {
      const [mx, mn, alpha, eps] = [p(0), p(1), p(2), p(3)];
      f = (x) => faratin(x, mx, mn, alpha, eps);
      shape = grid.map((x) => [x, round12(f!(x))] as const);
    } else
      throw new TreatylabError(
        `${at}: real evaluator ftype "${ftype || "(none)"}" is not supported; expected linear, constant, triangular or faratin`,
      );
  }
  const pts = shape;
  const at0 = (x: number): number => {
    if (x <= pts[0]![0]) return pts[0]![1];
    for (let k = 1; k < pts.length; k++)
      if (x <= pts[k]![0]) {
        const [x0, y0] = pts[k - 1]!;
        const [x1, y1] = pts[k]!;
        return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
      }
    return pts[pts.length - 1]![1];
  };
  return { ev: grid.map(at0), shape };
}

function nonlinearInteractions(
  us: XmlElement,
  issues: readonly NeutralIssue[],
  raw: readonly RawIssue[],
  where: string,
): Interaction[] | undefined {
  const holder = childrenOf(us, "utility")[0] ?? childrenOf(childrenOf(us, "objective")[0] ?? us, "utility")[0];
  if (!holder) return undefined;
  const max = num(holder.attrs.maxutility, where, "maxutility");
  if (!(max > 0)) throw new TreatylabError(`${where}: maxutility ${max}; expected a positive number`);
  const ufuns = childrenOf(holder, "ufun");
  if (ufuns.length !== 1)
    throw new TreatylabError(
      `${where}: ${ufuns.length} <ufun> elements; treatylab reads one summed ufun of hyper-rectangles`,
    );
  const u = ufuns[0]!;
  const agg = (u.attrs.aggregation ?? "sum").toLowerCase();
  if (
    agg !== "sum" ||
    childrenOf(u, "ufun").length > 0 ||
    (u.attrs.weight !== undefined && Number(u.attrs.weight) !== 1)
  )
    throw new TreatylabError(
      `${where}: nonlinear profile with aggregation "${agg}", nested ufuns or a ufun weight; treatylab maps only a plain sum of hyper-rectangles to interaction terms`,
    );
  return childrenOf(u, "hyperRectangle").map((rect, k) => {
    if (childrenOf(rect, "EXCLUDES").length > 0)
      throw new TreatylabError(
        `${where}: hyper-rectangle ${k + 1} uses EXCLUDES; treatylab maps only INCLUDES rectangles`,
      );
    const value =
      (num(rect.attrs.utility ?? rect.attrs.utility_function_value, where, `the utility of hyper-rectangle ${k + 1}`) *
        (rect.attrs.weight !== undefined ? num(rect.attrs.weight, where, "a rectangle weight") : 1)) /
      max;
    if (Math.abs(value) > 1)
      throw new TreatylabError(
        `${where}: hyper-rectangle ${k + 1} is worth ${value} of maxutility; expected at most 1 in absolute value`,
      );
    const when: Record<string, string[]> = {};
    for (const b of childrenOf(rect, "INCLUDES")) {
      const idx = num(b.attrs.index, where, "an INCLUDES index");
      const pos = raw.findIndex((r) => r.index === idx);
      const issue = issues[pos];
      if (!issue || issue.kind === "discrete")
        throw new TreatylabError(
          `${where}: hyper-rectangle ${k + 1} bounds issue index ${idx}, which is not an integer or real issue of the domain`,
        );
      const lo = num(b.attrs.min, where, "an INCLUDES min");
      const hi = num(b.attrs.max, where, "an INCLUDES max");
      when[issue.id] = neutralGrid(issue)
        .filter((x) => x >= lo && x <= hi)
        .map(numericId);
    }
    if (Object.keys(when).length === 0)
      throw new TreatylabError(
        `${where}: hyper-rectangle ${k + 1} has no INCLUDES bound; an unconditional bonus cannot be expressed`,
      );
    return { when, value: round12(value), reason: `GENIUS hyper-rectangle ${k + 1}` };
  });
}

/**
 * Reads a GENIUS domain and its profiles (XML strings) into the neutral absolute form.
 * Ids are the `treatylab_id` attributes a treatylab export writes (checked: valid and unique),
 * otherwise slugs of the names; labels are `treatylab_label`, otherwise the names; a discrete
 * issue with `treatylab_range` is the numeric issue a treatylab export wrote as items.
 * Issues are matched by `index` (they need not start at 1) and their names must agree; nested
 * objectives are flattened with their weights multiplied; discrete evaluations are divided by
 * the issue's largest (as GENIUS does); integer and real evaluators are kept absolute (clamped
 * to [0, 1]); real issues are cut into `realSteps` equal steps. Weights are divided by their sum.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const read = (name: string) => readFileSync(`examples/genius/nash-1950/${name}`, "utf8");
 * const domain = { name: "nash-1950_domain.xml", xml: read("nash-1950_domain.xml") };
 * const neutral = readGeniusNeutral({ domain, profiles: [{ name: "bill", xml: read("bill.xml") }] });
 * neutral.issues[0]!.label; // "Book: who holds it after the trade"
 * neutral.profiles[0]!.reservation; // 0.35294117647058826
 * ```
 */
export function readGeniusNeutral(files: GeniusFiles, options: GeniusImportOptions = {}): NeutralScenario {
  const dwhere = files.domain.name;
  const { issues, raw, itemNames, name, headroomIssue } = domainIssues(
    utilitySpaceOf(parseXml(files.domain.xml, dwhere), dwhere),
    dwhere,
    options.realSteps ?? DEFAULT_REAL_STEPS,
  );
  if (files.profiles.length === 0)
    throw new TreatylabError(`${dwhere}: no profile files; expected one GENIUS profile per party`);
  const parsed = files.profiles.map((pf) => {
    const where = pf.file ?? pf.name;
    return { pf, where, us: utilitySpaceOf(parseXml(pf.xml, where), where) };
  });
  const givenParty = parsed.map(({ us, where }) => givenId(us, where));
  const partyIds = new IdAllocator(
    "party",
    uniqueGiven(
      givenParty,
      parsed.map((p) => p.where),
    ),
  );
  const profiles = parsed.map(({ pf, where, us }, pk): NeutralProfile => {
    const objective = childrenOf(us, "objective")[0];
    if (!objective) throw new TreatylabError(`${where}: no <objective>; expected a GENIUS profile`);
    const interactions = nonlinearInteractions(us, issues, raw, where);
    const pIssues = interactions ? [] : flattenIssues(objective, where, true);
    const byIndex = new Map(pIssues.map((r) => [r.index, r]));
    for (const r of pIssues)
      if (!raw.some((d) => d.index === r.index || d.name === r.name))
        throw new TreatylabError(
          `${where}: unknown issue "${r.name}" (index ${r.index}); the domain has no such issue`,
        );
    let total = 0;
    for (const r of pIssues) total += r.weight;
    if (!interactions && !(total > 0))
      throw new TreatylabError(`${where}: all weights are zero; expected at least one positive weight`);
    const weights: Record<string, number> = {};
    const evaluations: Record<string, number[]> = {};
    const shapes: Record<string, Shape> = {};
    issues.forEach((issue, k) => {
      const d = raw[k]!;
      if (interactions) {
        weights[issue.id] = 0;
        evaluations[issue.id] = (issue.kind === "discrete" ? issue.options : neutralGrid(issue)).map(() => 0);
        return;
      }
      const r = byIndex.get(d.index) ?? pIssues.find((x) => x.name === d.name);
      if (!r)
        throw new TreatylabError(
          `${where}: no issue "${d.name}" (index ${d.index}); expected every domain issue with its weight`,
        );
      if (r.name !== d.name)
        throw new TreatylabError(
          `${where}: issue index ${d.index} is "${r.name}" but "${d.name}" in the domain; expected the same name`,
        );
      const at = `${where}: issue "${d.name}" (index ${d.index})`;
      const { ev, shape } = evaluateIssue(issue, r.el, at, itemNames[k]);
      weights[issue.id] = round12(r.weight / total);
      evaluations[issue.id] = ev;
      if (shape) shapes[issue.id] = shape;
    });
    const reservationEl = childrenOf(us, "reservation")[0];
    const reservation = reservationEl ? num(reservationEl.attrs.value, where, "the reservation value") : 0;
    if (reservation < 0 || reservation > 1)
      throw new TreatylabError(`${where}: reservation value ${reservation}; expected a number in [0, 1]`);
    const discountEl = childrenOf(us, "discount_factor")[0];
    let discount = discountEl ? num(discountEl.attrs.value, where, "the discount factor") : 1;
    if (discount === 0) discount = 1; // GENIUS reads 0 as "no discounting"
    if (discount < 0 || discount > 1)
      throw new TreatylabError(`${where}: discount factor ${discount}; expected a number in (0, 1]`);
    const fileLabel = pf.name.replace(/\.xml$/i, "");
    const given = givenParty[pk];
    return {
      id: given ?? partyIds.take(fileLabel),
      label: us.attrs.treatylab_label ?? given ?? fileLabel,
      weights,
      evaluations,
      shapes,
      reservation,
      discount,
      headroom: 0,
      ...(interactions ? { interactions } : {}),
    };
  });
  const id = options.id ?? (slugId(name) || "genius");
  // GENIUS domains mostly name their objective "root": the title is then the domain file's name
  // (laptop_domain.xml: "laptop"), not "root" (found in review).
  const fileTitle = (dwhere.split(/[\\/]/).pop() ?? "").replace(/\.xml$/i, "").replace(/[_-]?domain$/i, "");
  return {
    id,
    title: options.title ?? (name.toLowerCase() === "root" && fileTitle !== "" ? fileTitle : name),
    issues,
    profiles,
    ...(headroomIssue !== undefined && headroomIssue !== HEADROOM_ID ? { headroomIssue } : {}),
  };
}

/**
 * Imports a GENIUS scenario (domain XML plus one profile XML per party) as a validated treatylab
 * scenario whose utilities equal GENIUS's on every bundle (see docs/interop-genius.md).
 * Pure: give it the file contents; `treatylab/node`'s `readGeniusFolder` reads a folder.
 *
 * @example
 * ```ts
 * import { importGenius, analyze } from "treatylab";
 * import { readFileSync } from "node:fs";
 * const read = (name: string) => readFileSync(`examples/genius/nash-1950/${name}`, "utf8");
 * const domain = { name: "nash-1950_domain.xml", xml: read("nash-1950_domain.xml") };
 * const profiles = ["bill", "jack"].map((name) => ({ name, xml: read(`${name}.xml`) }));
 * const s = importGenius({ domain, profiles });
 * analyze(s).frontier.length; // 7
 * ```
 */
export function importGenius(files: GeniusFiles, options: GeniusImportOptions = {}): Scenario {
  return neutralToScenario(readGeniusNeutral(files, options));
}

/**
 * Whether a parsed XML text is a GENIUS domain (it has issues with items or bounds but no
 * evaluations or weights) rather than a profile.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * isGeniusDomainXml(readFileSync("examples/genius/nash-1950/nash-1950_domain.xml", "utf8")); // true
 * isGeniusDomainXml(readFileSync("examples/genius/nash-1950/bill.xml", "utf8")); // false: a profile
 * ```
 */
export function isGeniusDomainXml(xml: string): boolean {
  if (/<negotiation_template[\s>]/.test(xml)) return true;
  return !/<weight[\s>]/.test(xml) && !/evaluation\s*=/.test(xml) && !/<hyperRectangle[\s>]/.test(xml);
}
