/**
 * The graph model for conflict resolution (GMCR): decision makers controlling binary options, the
 * feasible states, irreversible options and each decision maker's preferences. `compileGraphModel`
 * checks a model and turns it into flat typed arrays (one slot per state code) that the stability
 * concepts read; nothing here builds a state x state matrix.
 * @module
 */
import { LimitError, ScenarioError } from "../model/errors.js";

/**
 * Which way an option may change: `fwd` only N->Y, `back` only Y->N, `both` either way.
 *
 * @example
 * ```ts
 * const d: OptionDirection = "fwd";
 * ```
 */
export type OptionDirection = "fwd" | "back" | "both";

/**
 * A conjunction of option conditions: `[optionIndex, "Y" | "N"]` pairs that must all hold.
 *
 * @example
 * ```ts
 * const c: OptionCondition = [[2, "Y"], [3, "Y"]]; // options 2 and 3 both Y
 * ```
 */
export type OptionCondition = readonly (readonly [number, "Y" | "N"])[];

/**
 * A prioritization statement: a conjunction, or an OR of conjunctions (`anyOf`).
 *
 * @example
 * ```ts
 * const s: PreferenceStatement = { anyOf: [[[0, "Y"]], [[1, "N"], [2, "Y"]]] };
 * ```
 */
export type PreferenceStatement = OptionCondition | LabelledStatement;

/**
 * A prioritization statement with its reasoning: `allOf` (a conjunction) or `anyOf` (an OR of
 * conjunctions), labelled as an assumption with its source, as treatylab's scenarios label theirs.
 *
 * @example
 * ```ts
 * const s: LabelledStatement = { allOf: [[9, "Y"]], label: "a written pledge", assumption: "...", source: "Outlet, date, address" };
 * ```
 */
export interface LabelledStatement {
  readonly allOf?: OptionCondition;
  readonly anyOf?: readonly OptionCondition[];
  readonly label?: string;
  /** Why the decision maker is assumed to hold this preference. */
  readonly assumption?: string;
  /** Outlet, date and address the assumption rests on. */
  readonly source?: string;
}

/**
 * A decision maker's preference over the feasible states, in one of three forms: an explicit
 * ranking (most preferred first; an inner array is a tie; states as Y/N strings over `options`),
 * option prioritization statements (Fang, Hipel, Kilgour and Peng 2003; the first statement most
 * important), or one value per feasible state in ascending code order (higher preferred).
 *
 * @example
 * ```ts
 * const p: GraphPreference = { ranking: ["YN", ["NN", "YY"], "NY"] };
 * ```
 */
export type GraphPreference =
  | { readonly ranking: readonly (string | readonly string[])[] }
  | { readonly statements: readonly PreferenceStatement[]; readonly assumptions?: readonly string[] }
  | { readonly values: readonly number[] };

/**
 * A decision maker: its name, the options it controls (indices into `options`) and its preference.
 *
 * @example
 * ```ts
 * const dm: GraphDecisionMaker = { name: "A", options: [0], preference: { ranking: ["YN", "NN", "YY", "NY"] } };
 * ```
 */
export interface GraphDecisionMaker {
  readonly name: string;
  readonly options: readonly number[];
  readonly preference: GraphPreference;
}

/**
 * One binary option.
 *
 * @example
 * ```ts
 * const o: GraphOption = { name: "Air strike", direction: "fwd" };
 * ```
 */
export interface GraphOption {
  readonly name: string;
  /** Default `both`. */
  readonly direction?: OptionDirection;
}

/**
 * A graph model. States are Y/N strings over `options` in this order (GMCR's notation: character k
 * is option k). Option k adds 2^k to a state's code.
 *
 * @example
 * ```ts
 * const m: GraphModel = { options: [{ name: "A defects" }, { name: "B defects" }], decisionMakers: [a, b] };
 * ```
 */
export interface GraphModel {
  readonly name?: string;
  readonly description?: string;
  readonly options: readonly GraphOption[];
  readonly decisionMakers: readonly GraphDecisionMaker[];
  /** Patterns that make a state infeasible (every pair of a pattern holds). */
  readonly infeasible?: readonly OptionCondition[];
  /** Groups of options of which at most one may be Y. */
  readonly mutuallyExclusive?: readonly (readonly number[])[];
  /** Groups of options of which at least one must be Y. */
  readonly atLeastOne?: readonly (readonly number[])[];
  /** Declared coalitions: lists of decision-maker names (each DM in at most one). */
  readonly coalitions?: readonly (readonly string[])[];
  /** Free-form notes carried through (sources, assumptions). */
  readonly notes?: readonly string[];
  /**
   * The declared status quo (a feasible state, Y/N over `options`): analysed when no other status
   * quo is given (`stabilityReport`, the HTML report).
   */
  readonly statusQuo?: string;
}

/**
 * Largest number of options a model may have (2^24 state codes).
 *
 * @example
 * ```ts
 * MAX_OPTIONS; // 24
 * ```
 */
export const MAX_OPTIONS = 24;

/**
 * A checked graph model in flat arrays. `rank[i][code]` is decision maker i's dense preference rank
 * of a state (0 = least preferred, equal = tie; -1 for an infeasible code).
 *
 * @example
 * ```ts
 * const cm: CompiledGraphModel = compileGraphModel(model);
 * ```
 */
export interface CompiledGraphModel {
  readonly model: GraphModel;
  readonly optionNames: readonly string[];
  readonly dmNames: readonly string[];
  /** Number of options n; codes run over [0, 2^n). */
  readonly n: number;
  readonly size: number;
  /** 1 when the code is a feasible state. */
  readonly feasible: Uint8Array;
  /** The feasible codes, ascending. */
  readonly states: Int32Array;
  /** Per decision maker, the bitmask of the options it controls. */
  readonly dmMasks: Int32Array;
  /** Options that may only go N->Y. */
  readonly fwdMask: number;
  /** Options that may only go Y->N. */
  readonly backMask: number;
  readonly rank: readonly Int32Array[];
  /** Declared coalitions as lists of decision-maker indices (empty when none). */
  readonly coalitions: readonly (readonly number[])[];
}

/**
 * The Y/N string of a state code (character k is option k).
 *
 * @example
 * ```ts
 * stateString(5, 3); // "YNY"
 * ```
 */
export function stateString(code: number, n: number): string {
  let s = "";
  for (let k = 0; k < n; k++) s += (code >>> k) & 1 ? "Y" : "N";
  return s;
}

/**
 * The code of a Y/N state string (also accepts "-" for "either" when `allowDash`; then returns -1).
 *
 * @example
 * ```ts
 * stateCode("YNY", 3, "$.state"); // 5
 * ```
 */
export function stateCode(text: string, n: number, where: string): number {
  if (typeof text !== "string" || text.length !== n || !/^[YN]*$/.test(text)) {
    throw new ScenarioError(
      where,
      `is ${JSON.stringify(text)}`,
      `a state written as ${n} letters Y or N, one per option`,
    );
  }
  let c = 0;
  for (let k = 0; k < n; k++) if (text[k] === "Y") c |= 1 << k;
  return c;
}

function conditionMask(cond: OptionCondition, n: number, where: string): { mask: number; value: number } {
  if (!Array.isArray(cond)) throw new ScenarioError(where, "is not a list", 'a list of [optionIndex, "Y" | "N"] pairs');
  let mask = 0;
  let value = 0;
  cond.forEach((pair, p) => {
    const at = `${where}[${p}]`;
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new ScenarioError(at, `is ${JSON.stringify(pair)}`, 'a pair [optionIndex, "Y" | "N"]');
    const [o, v] = pair;
    checkOption(o, n, `${at}[0]`);
    if (v !== "Y" && v !== "N") throw new ScenarioError(`${at}[1]`, `is ${JSON.stringify(v)}`, '"Y" or "N"');
    const bit = 1 << o;
    if (mask & bit && ((value & bit) !== 0) !== (v === "Y"))
      throw new ScenarioError(at, `asks option ${o} to be both Y and N`, "each option at most once per condition");
    mask |= bit;
    if (v === "Y") value |= bit;
  });
  return { mask, value };
}

function checkOption(o: unknown, n: number, where: string): asserts o is number {
  if (typeof o !== "number" || !Number.isInteger(o) || o < 0 || o >= n) {
    throw new ScenarioError(
      where,
      `refers to option ${JSON.stringify(o)}, which does not exist`,
      `an option index from 0 to ${n - 1}`,
    );
  }
}

function denseRanks(values: ArrayLike<number>, feasible: Uint8Array): Int32Array {
  const distinct = new Set<number>();
  for (let c = 0; c < feasible.length; c++) if (feasible[c]) distinct.add(values[c]!);
  const sorted = [...distinct].sort((a, b) => a - b);
  const at = new Map(sorted.map((v, i) => [v, i]));
  const out = new Int32Array(feasible.length).fill(-1);
  for (let c = 0; c < feasible.length; c++) if (feasible[c]) out[c] = at.get(values[c]!)!;
  return out;
}

/**
 * The score of a state under option prioritization: statement k of m (0-based, most important
 * first) adds 2^(m-1-k) when the state satisfies it.
 *
 * @example
 * ```ts
 * prioritizationScores([[[0, "Y"]], [[1, "N"]]], 2)[1]; // state "YN": 2 + 1 = 3
 * ```
 */
export function prioritizationScores(
  statements: readonly PreferenceStatement[],
  n: number,
  where = "$.statements",
): Float64Array {
  if (statements.length > 52)
    throw new ScenarioError(where, `has ${statements.length} statements`, "at most 52 prioritization statements");
  const clauses = statements.map((st, k) => {
    const at = `${where}[${k}]`;
    if (Array.isArray(st)) return [conditionMask(st as OptionCondition, n, at)];
    const all = (st as { allOf?: unknown }).allOf;
    if (all !== undefined) return [conditionMask(all as OptionCondition, n, `${at}.allOf`)];
    const any = (st as { anyOf?: unknown }).anyOf;
    if (!Array.isArray(any) || any.length === 0)
      throw new ScenarioError(
        at,
        "is neither a condition list nor { anyOf: [...] } with at least one condition",
        'a list of [optionIndex, "Y" | "N"] pairs, { "allOf": condition } or { "anyOf": [conditions] }',
      );
    return any.map((c, j) => conditionMask(c as OptionCondition, n, `${at}.anyOf[${j}]`));
  });
  const size = 2 ** n;
  const out = new Float64Array(size);
  const m = clauses.length;
  for (let c = 0; c < size; c++) {
    let score = 0;
    for (let k = 0; k < m; k++) if (clauses[k]!.some((cl) => (c & cl.mask) === cl.value)) score += 2 ** (m - 1 - k);
    out[c] = score;
  }
  return out;
}

/**
 * Checks a graph model and compiles it into flat arrays. Throws `ScenarioError` naming the place
 * of the first problem (an unknown option index, an option controlled by no or two decision makers,
 * a ranking that misses or repeats a state, infeasibility that leaves no state, an unknown direction).
 *
 * @example
 * ```ts
 * const cm = compileGraphModel(prisonersDilemma);
 * cm.states.length; // 4
 * ```
 */
export function compileGraphModel(
  model: GraphModel,
  options: { readonly skipPreferences?: boolean } = {},
): CompiledGraphModel {
  if (!model || typeof model !== "object")
    throw new ScenarioError("$", "is not an object", "a graph model with options and decisionMakers");
  if (!Array.isArray(model.options) || model.options.length === 0)
    throw new ScenarioError("$.options", "is missing or empty", "a non-empty list of options");
  const n = model.options.length;
  if (n > MAX_OPTIONS)
    throw new LimitError(
      `the graph model has ${n} options (2^${n} states), over the limit of ${MAX_OPTIONS}; keep fewer issues or options`,
    );
  if (!Array.isArray(model.decisionMakers) || model.decisionMakers.length < 2)
    throw new ScenarioError("$.decisionMakers", "has fewer than two decision makers", "at least two decision makers");
  let fwdMask = 0;
  let backMask = 0;
  const optionNames = model.options.map((o, k) => {
    const at = `$.options[${k}]`;
    if (!o || typeof o.name !== "string" || o.name === "")
      throw new ScenarioError(`${at}.name`, "is missing", "a non-empty option name");
    const d = o.direction ?? "both";
    if (d === "fwd") fwdMask |= 1 << k;
    else if (d === "back") backMask |= 1 << k;
    else if (d !== "both")
      throw new ScenarioError(`${at}.direction`, `is ${JSON.stringify(d)}`, '"fwd", "back" or "both"');
    return o.name;
  });
  const owner = new Int32Array(n).fill(-1);
  const dmMasks = new Int32Array(model.decisionMakers.length);
  const dmNames = model.decisionMakers.map((dm, i) => {
    const at = `$.decisionMakers[${i}]`;
    if (!dm || typeof dm.name !== "string" || dm.name === "")
      throw new ScenarioError(`${at}.name`, "is missing", "a non-empty decision-maker name");
    if (!Array.isArray(dm.options)) throw new ScenarioError(`${at}.options`, "is missing", "a list of option indices");
    dm.options.forEach((o: unknown, j: number) => {
      checkOption(o, n, `${at}.options[${j}]`);
      if (owner[o] !== -1)
        throw new ScenarioError(
          `${at}.options[${j}]`,
          `gives option ${o} ("${optionNames[o]}") to a second decision maker`,
          "each option controlled by exactly one decision maker",
        );
      owner[o] = i;
      dmMasks[i]! |= 1 << o;
    });
    return dm.name;
  });
  if (new Set(dmNames).size !== dmNames.length)
    throw new ScenarioError("$.decisionMakers", "has two decision makers with the same name", "distinct names");
  const lost = owner.indexOf(-1);
  if (lost >= 0)
    throw new ScenarioError(
      `$.options[${lost}]`,
      `("${optionNames[lost]}") is controlled by no decision maker`,
      "each option listed by exactly one decision maker",
    );

  const size = 2 ** n;
  const feasible = new Uint8Array(size).fill(1);
  const patterns: { mask: number; value: number }[] = [];
  (model.infeasible ?? []).forEach((p, k) => patterns.push(conditionMask(p, n, `$.infeasible[${k}]`)));
  (model.mutuallyExclusive ?? []).forEach((g, k) => {
    g.forEach((o, j) => checkOption(o, n, `$.mutuallyExclusive[${k}][${j}]`));
    for (let a = 0; a < g.length; a++)
      for (let b = a + 1; b < g.length; b++)
        patterns.push({ mask: (1 << g[a]!) | (1 << g[b]!), value: (1 << g[a]!) | (1 << g[b]!) });
  });
  (model.atLeastOne ?? []).forEach((g, k) => {
    let mask = 0;
    g.forEach((o, j) => {
      checkOption(o, n, `$.atLeastOne[${k}][${j}]`);
      mask |= 1 << o;
    });
    patterns.push({ mask, value: 0 });
  });
  for (const p of patterns) for (let c = 0; c < size; c++) if ((c & p.mask) === p.value) feasible[c] = 0;
  let count = 0;
  for (let c = 0; c < size; c++) count += feasible[c]!;
  if (count === 0)
    throw new ScenarioError(
      "$.infeasible",
      "leaves no feasible state",
      "infeasibility patterns that leave at least one state",
    );
  const states = new Int32Array(count);
  for (let c = 0, j = 0; c < size; c++) if (feasible[c]) states[j++] = c;

  const rank = options.skipPreferences
    ? []
    : model.decisionMakers.map((dm, i) =>
        denseRanks(preferenceValues(dm.preference, n, feasible, states, `$.decisionMakers[${i}].preference`), feasible),
      );
  const coalitions = (model.coalitions ?? []).map((c, k) => {
    if (!Array.isArray(c) || c.length === 0)
      throw new ScenarioError(`$.coalitions[${k}]`, "is not a non-empty list", "a list of decision-maker names");
    return c.map((name, j) => {
      const i = dmNames.indexOf(name);
      if (i < 0)
        throw new ScenarioError(
          `$.coalitions[${k}][${j}]`,
          `names "${name}", who is not a decision maker`,
          `one of ${dmNames.join(", ")}`,
        );
      return i;
    });
  });
  const seen = new Set<number>();
  coalitions.forEach((c, k) =>
    c.forEach((i) => {
      if (seen.has(i))
        throw new ScenarioError(
          `$.coalitions[${k}]`,
          `puts "${dmNames[i]}" in a second coalition`,
          "each decision maker in at most one coalition",
        );
      seen.add(i);
    }),
  );
  if (model.statusQuo !== undefined && !feasible[stateCode(model.statusQuo, n, "$.statusQuo")]) {
    throw new ScenarioError(
      "$.statusQuo",
      `is ${model.statusQuo}, which is not a feasible state`,
      "one of the model's feasible states",
    );
  }
  return { model, optionNames, dmNames, n, size, feasible, states, dmMasks, fwdMask, backMask, rank, coalitions };
}

function preferenceValues(
  pref: GraphPreference,
  n: number,
  feasible: Uint8Array,
  states: Int32Array,
  where: string,
): ArrayLike<number> {
  if (!pref || typeof pref !== "object")
    throw new ScenarioError(where, "is missing", "{ ranking }, { statements } or { values }");
  if ("ranking" in pref) {
    const vals = new Float64Array(feasible.length).fill(Number.NaN);
    const groups = pref.ranking;
    if (!Array.isArray(groups))
      throw new ScenarioError(
        `${where}.ranking`,
        "is not a list",
        "a list of states (most preferred first), inner lists for ties",
      );
    groups.forEach((g, k) => {
      const members = typeof g === "string" ? [g] : g;
      if (!Array.isArray(members))
        throw new ScenarioError(
          `${where}.ranking[${k}]`,
          "is neither a state nor a list of states",
          "a Y/N state string or a list of them",
        );
      members.forEach((st, j) => {
        const at = typeof g === "string" ? `${where}.ranking[${k}]` : `${where}.ranking[${k}][${j}]`;
        const c = stateCode(st, n, at);
        if (!feasible[c])
          throw new ScenarioError(at, `is state ${st}, which is infeasible`, "only feasible states in a ranking");
        if (!Number.isNaN(vals[c]!))
          throw new ScenarioError(at, `repeats state ${st}`, "each feasible state exactly once");
        vals[c] = groups.length - k;
      });
    });
    for (const c of states)
      if (Number.isNaN(vals[c]!))
        throw new ScenarioError(
          `${where}.ranking`,
          `misses state ${stateString(c, n)}`,
          "each feasible state exactly once",
        );
    return vals;
  }
  if ("statements" in pref) {
    if (!Array.isArray(pref.statements))
      throw new ScenarioError(`${where}.statements`, "is not a list", "a list of prioritization statements");
    return prioritizationScores(pref.statements, n, `${where}.statements`);
  }
  if ("values" in pref) {
    if (!Array.isArray(pref.values) || pref.values.length !== states.length) {
      throw new ScenarioError(
        `${where}.values`,
        `has ${Array.isArray(pref.values) ? pref.values.length : "no"} values`,
        `one finite number per feasible state (${states.length}), in ascending code order`,
      );
    }
    const vals = new Float64Array(feasible.length);
    states.forEach((c, j) => {
      const v = pref.values[j];
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new ScenarioError(`${where}.values[${j}]`, `is ${JSON.stringify(v)}`, "a finite number");
      vals[c] = v;
    });
    return vals;
  }
  throw new ScenarioError(
    where,
    "has none of ranking, statements, values",
    "{ ranking }, { statements } or { values }",
  );
}

/**
 * Calls `visit(target)` for every unilateral move of decision maker `dm` from state `s`: any change
 * of a non-empty subset of its options that lands on a feasible state and moves no irreversible
 * option the wrong way.
 *
 * @example
 * ```ts
 * forEachMove(cm, 0, cm.states[0], (t) => console.log(stateString(t, cm.n)));
 * ```
 */
export function forEachMove(cm: CompiledGraphModel, dm: number, s: number, visit: (t: number) => void): void {
  const mask = cm.dmMasks[dm]!;
  const fwd = cm.fwdMask;
  const back = cm.backMask;
  const feasible = cm.feasible;
  for (let d = mask; d !== 0; d = (d - 1) & mask) {
    if ((d & fwd & s) !== 0 || (d & back & ~s) !== 0) continue;
    const t = s ^ d;
    if (feasible[t]) visit(t);
  }
}
