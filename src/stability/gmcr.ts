/**
 * GMCR+ (gmcr-py) save files (`.gmcr`, JSON): reading them into a graph model and writing a graph
 * model back out. GMCR+ numbers the feasible states 1, 2, 3, ... in the order of their decimal code
 * after grouping the options by decision maker (DMs in file order, each DM's options in its listed
 * order; option k of that sequence adds 2^k when Y). On import the options are put in that grouped
 * order, so a state's Y/N string and GMCR+'s state number describe the same state.
 * @module
 */
import { ScenarioError } from "../model/errors.js";
import {
  compileGraphModel,
  type GraphModel,
  type LabelledStatement,
  type OptionDirection,
  type GraphPreference,
  type OptionCondition,
  type PreferenceStatement,
  stateString,
} from "./model.js";
import { checkInputData } from "../model/inputGuard.js";

/**
 * A plain GMCR+ condition: `[optionIndex, "Y" | "N"]` pairs that must all hold.
 *
 * @example
 * ```ts
 * const c: GmcrCondition = [[0, "Y"], [2, "N"]];
 * ```
 */
export type GmcrCondition = (readonly [number, "Y" | "N"])[];

/**
 * The JSON of a GMCR+ save file, as far as treatylab reads and writes it.
 *
 * @example
 * ```ts
 * const file: GmcrFile = toGmcr(model);
 * ```
 */
export interface GmcrFile {
  readonly program?: string;
  readonly version?: string;
  readonly options: readonly { readonly name: string; readonly permittedDirection: "fwd" | "back" | "both" }[];
  readonly decisionMakers: readonly {
    readonly name: string;
    readonly options: readonly number[];
    readonly preferences: readonly (
      | GmcrCondition
      | { readonly compound: true; readonly members: readonly GmcrCondition[] }
    )[];
    readonly preferenceRanking?: readonly (number | readonly number[])[];
    readonly preferenceVector?: readonly (number | readonly number[])[];
  }[];
  readonly infeasibles: readonly GmcrCondition[];
  readonly useManualPreferenceRanking?: boolean;
  readonly useManualPreferenceVectors?: boolean;
  readonly coalitions?: readonly (number | readonly number[])[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function remapCondition(cond: unknown, map: readonly number[], n: number, where: string): OptionCondition {
  if (!Array.isArray(cond))
    throw new ScenarioError(where, `is ${JSON.stringify(cond)}`, 'a list of [optionIndex, "Y" | "N"] pairs');
  return cond.map((pair, p) => {
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new ScenarioError(`${where}[${p}]`, `is ${JSON.stringify(pair)}`, 'a pair [optionIndex, "Y" | "N"]');
    const [o, v] = pair as [unknown, unknown];
    if (typeof o !== "number" || !Number.isInteger(o) || o < 0 || o >= n)
      throw new ScenarioError(
        `${where}[${p}][0]`,
        `refers to option ${JSON.stringify(o)}, which does not exist`,
        `an option index from 0 to ${n - 1}`,
      );
    if (v !== "Y" && v !== "N") throw new ScenarioError(`${where}[${p}][1]`, `is ${JSON.stringify(v)}`, '"Y" or "N"');
    return [map[o]!, v] as const;
  });
}

/**
 * Reads a parsed GMCR+ save file into a graph model (options grouped by decision maker). Bad input
 * throws `ScenarioError` naming the JSON path (`source` prefixes it, e.g. the file name).
 *
 * @example
 * ```ts
 * const model = fromGmcr(JSON.parse(text), "elmira.gmcr");
 * ```
 */
export function fromGmcr(json: unknown, source = "$"): GraphModel {
  const at = (p: string) => `${source}${p.startsWith("[") ? "" : "."}${p}`;
  checkInputData(json);
  if (!isObj(json)) throw new ScenarioError(source, "is not a JSON object", "a GMCR+ save file");
  const opts = json.options;
  const dms = json.decisionMakers;
  if (!Array.isArray(opts) || opts.length === 0)
    throw new ScenarioError(at("options"), "is missing or empty", "a list of { name, permittedDirection }");
  if (!Array.isArray(dms) || dms.length < 2)
    throw new ScenarioError(
      at("decisionMakers"),
      "has fewer than two decision makers",
      "at least two { name, options, preferences }",
    );
  const n = opts.length;
  // grouped order: DMs in file order, each DM's options in listed order
  const order: number[] = [];
  dms.forEach((dm, i) => {
    if (!isObj(dm) || !Array.isArray(dm.options))
      throw new ScenarioError(at(`decisionMakers[${i}].options`), "is missing", "a list of option indices");
    dm.options.forEach((o, j) => {
      if (typeof o !== "number" || !Number.isInteger(o) || o < 0 || o >= n)
        throw new ScenarioError(
          at(`decisionMakers[${i}].options[${j}]`),
          `refers to option ${JSON.stringify(o)}, which does not exist`,
          `an option index from 0 to ${n - 1}`,
        );
      if (order.includes(o))
        throw new ScenarioError(
          at(`decisionMakers[${i}].options[${j}]`),
          `gives option ${o} to a second decision maker`,
          "each option controlled by exactly one decision maker",
        );
      order.push(o);
    });
  });
  const lost = opts.findIndex((_, k) => !order.includes(k));
  if (lost >= 0)
    throw new ScenarioError(
      at(`options[${lost}]`),
      "is controlled by no decision maker",
      "each option listed by exactly one decision maker",
    );
  const map = new Array<number>(n);
  order.forEach((old, neu) => (map[old] = neu));
  const options = order.map((old) => {
    const o = opts[old];
    if (!isObj(o) || typeof o.name !== "string")
      throw new ScenarioError(at(`options[${old}].name`), "is missing", "a string");
    const d = o.permittedDirection ?? "both";
    if (d !== "fwd" && d !== "back" && d !== "both")
      throw new ScenarioError(
        at(`options[${old}].permittedDirection`),
        `is ${JSON.stringify(d)}`,
        '"fwd", "back" or "both"',
      );
    return { name: o.name, direction: d as OptionDirection };
  });
  const infeasibleRaw = json.infeasibles ?? [];
  if (!Array.isArray(infeasibleRaw))
    throw new ScenarioError(at("infeasibles"), "is not a list", "a list of conditions");
  const infeasible = infeasibleRaw.map((c, k) => remapCondition(c, map, n, at(`infeasibles[${k}]`)));
  const statementsOf = (dm: Record<string, unknown>, i: number): PreferenceStatement[] => {
    const prefs = dm.preferences ?? [];
    if (!Array.isArray(prefs))
      throw new ScenarioError(
        at(`decisionMakers[${i}].preferences`),
        "is not a list",
        "a list of prioritization statements",
      );
    return prefs.map((p, k) => {
      const w = at(`decisionMakers[${i}].preferences[${k}]`);
      if (Array.isArray(p)) return remapCondition(p, map, n, w);
      if (isObj(p) && Array.isArray(p.members))
        return { anyOf: p.members.map((m, j) => remapCondition(m, map, n, `${w}.members[${j}]`)) };
      throw new ScenarioError(
        w,
        "is neither a condition nor a compound statement",
        '[[optionIndex, "Y"|"N"], ...] or { "compound": true, "members": [...] }',
      );
    });
  };
  const manual = json.useManualPreferenceRanking ?? json.useManualPreferenceVectors ?? false;
  const names: string[] = dms.map((dm, i) => {
    const d = dm as Record<string, unknown>;
    if (typeof d.name !== "string" || d.name === "")
      throw new ScenarioError(at(`decisionMakers[${i}].name`), "is missing", "a non-empty string");
    return d.name;
  });
  const base: GraphModel = {
    options,
    infeasible,
    decisionMakers: dms.map((dm, i) => ({
      name: names[i]!,
      options: (dm as { options: number[] }).options.map((o) => map[o]!),
      preference: { statements: statementsOf(dm as Record<string, unknown>, i) },
    })),
  };
  let model = base;
  if (manual) {
    const probe = compileGraphModel(
      { ...base, decisionMakers: base.decisionMakers.map((d) => ({ ...d, preference: { values: [] } })) },
      { skipPreferences: true },
    );
    const states = probe.states;
    model = {
      ...base,
      decisionMakers: base.decisionMakers.map((d, i): GraphModel["decisionMakers"][number] => {
        const raw = dms[i] as Record<string, unknown>;
        const key = raw.preferenceRanking !== undefined ? "preferenceRanking" : "preferenceVector";
        const ranking = raw[key];
        const w = at(`decisionMakers[${i}].${key}`);
        if (!Array.isArray(ranking))
          throw new ScenarioError(
            w,
            "is missing",
            "a ranking of the feasible states by number (most preferred first, nested lists for ties), as useManualPreferenceRanking is true",
          );
        const seen = new Set<number>();
        const toState = (x: unknown, p: string): string => {
          if (typeof x !== "number" || !Number.isInteger(x) || x < 1 || x > states.length)
            throw new ScenarioError(p, `is ${JSON.stringify(x)}`, `a feasible state number from 1 to ${states.length}`);
          if (seen.has(x)) throw new ScenarioError(p, `repeats state ${x}`, "each feasible state exactly once");
          seen.add(x);
          return stateString(states[x - 1]!, n);
        };
        const groups = ranking.map((g, k) =>
          Array.isArray(g) ? g.map((x, j) => toState(x, `${w}[${k}][${j}]`)) : toState(g, `${w}[${k}]`),
        );
        for (let x = 1; x <= states.length; x++)
          if (!seen.has(x))
            throw new ScenarioError(w, `misses state ${x}`, `each feasible state 1 to ${states.length} exactly once`);
        const preference: GraphPreference = { ranking: groups };
        return { ...d, preference };
      }),
    };
  }
  const coal = json.coalitions;
  if (coal !== undefined) {
    if (!Array.isArray(coal))
      throw new ScenarioError(at("coalitions"), "is not a list", "a list of DM indices or lists of DM indices");
    const coalitions: string[][] = [];
    coal.forEach((c, k) => {
      if (!Array.isArray(c)) {
        if (typeof c !== "number" || !names[c])
          throw new ScenarioError(
            at(`coalitions[${k}]`),
            `is ${JSON.stringify(c)}`,
            `a decision-maker index from 0 to ${names.length - 1} or a list of them`,
          );
        return;
      }
      coalitions.push(
        c.map((x, j) => {
          if (typeof x !== "number" || !names[x])
            throw new ScenarioError(
              at(`coalitions[${k}][${j}]`),
              `is ${JSON.stringify(x)}`,
              `a decision-maker index from 0 to ${names.length - 1}`,
            );
          return names[x]!;
        }),
      );
    });
    if (coalitions.some((c) => c.length > 1)) model = { ...model, coalitions: coalitions.filter((c) => c.length > 1) };
  }
  compileGraphModel(model); // every remaining check (no feasible state, statements) with its place
  return model;
}

/**
 * Writes a graph model as a GMCR+ save file. Options are written grouped by decision maker (the
 * order GMCR+ numbers states by); preferences given as statements stay statements, and when any
 * decision maker's preference is a ranking or values, every decision maker gets a
 * `preferenceRanking` (state numbers, most preferred first, ties nested) and
 * `useManualPreferenceRanking` is true.
 *
 * @example
 * ```ts
 * const text = JSON.stringify(toGmcr(model), null, 2);
 * ```
 */
export function toGmcr(model: GraphModel): GmcrFile {
  const cm = compileGraphModel(model);
  const order = model.decisionMakers.flatMap((d) => d.options);
  const map = new Array<number>(order.length);
  order.forEach((old, neu) => (map[old] = neu));
  const cond = (c: OptionCondition): GmcrCondition => c.map(([o, v]) => [map[o]!, v] as const);
  const remapCode = (code: number) => order.reduce((acc, old, neu) => acc | (((code >>> old) & 1) << neu), 0);
  const newCodes = [...cm.states].map(remapCode).sort((a, b) => a - b);
  const ordinal = new Map(newCodes.map((c, i) => [c, i + 1]));
  const manual = model.decisionMakers.some((d) => !("statements" in d.preference));
  const infeasibles: GmcrCondition[] = [
    ...(model.infeasible ?? []).map(cond),
    ...(model.mutuallyExclusive ?? []).flatMap((g) =>
      g.flatMap((a, i) =>
        g.slice(i + 1).map(
          (b): GmcrCondition => [
            [map[a]!, "Y"],
            [map[b]!, "Y"],
          ],
        ),
      ),
    ),
    ...(model.atLeastOne ?? []).map((g): GmcrCondition => g.map((o) => [map[o]!, "N"] as const)),
  ];
  const decisionMakers = model.decisionMakers.map((d, i) => {
    const preferences =
      "statements" in d.preference
        ? d.preference.statements.map((s) =>
            Array.isArray(s)
              ? cond(s as OptionCondition)
              : (s as LabelledStatement).allOf
                ? cond((s as LabelledStatement).allOf!)
                : { compound: true as const, members: (s as LabelledStatement).anyOf!.map(cond) },
          )
        : [];
    const base = { name: d.name, options: d.options.map((o) => map[o]!), preferences };
    if (!manual) return base;
    const rank = cm.rank[i]!;
    const byRank = new Map<number, number[]>();
    for (const c of cm.states) byRank.set(rank[c]!, [...(byRank.get(rank[c]!) ?? []), ordinal.get(remapCode(c))!]);
    const preferenceRanking = [...byRank.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, g]) => (g.length === 1 ? g[0]! : g.sort((a, b) => a - b)));
    return { ...base, preferenceRanking };
  });
  const coalitions = cm.coalitions.length
    ? cm.dmNames.flatMap((_, i): (number | number[])[] => {
        const c = cm.coalitions.find((x) => x.includes(i));
        if (!c) return [i];
        return c[0] === i ? [[...c]] : [];
      })
    : undefined;
  return {
    program: "treatylab",
    options: order.map((old) => ({
      name: model.options[old]!.name,
      permittedDirection: model.options[old]!.direction ?? "both",
    })),
    decisionMakers,
    infeasibles,
    useManualPreferenceRanking: manual,
    ...(coalitions ? { coalitions } : {}),
  };
}
