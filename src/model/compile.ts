import { ScenarioError, TreatylabError } from "./errors.js";
import { numericGrid, piecewise } from "./numericGrid.js";
import { addCacheSlot, ObjectCache } from "./objectCache.js";
import { float64s } from "./slab.js";
import { utilityCell } from "./tolerance.js";
import type { Bundle, PiecewiseValue, Scenario, Valuation } from "./types.js";
import { isSharedPart, isValidatedScenario, optionIdsOf } from "./validate.js";

/**
 * A constraint in index form: when every `ifIssues[k]` takes an option with `ifAllowed[k][o] = 1`,
 * every `thenIssues[k]` must take an option with `thenAllowed[k][o] = 1`.
 * @example
 * ```ts
 * const constraint = { if: { book: "jack" }, then: { whip: "jack" } }; // Jack's book only with his whip
 * const c = compileScenario(applyEdits(nash1950, [{ op: "addConstraint", constraint }]));
 * const k: CompiledConstraint = c.constraints[0]!;
 * k.ifIssues; // [0]: book
 * k.thenIssues; // [1]: whip
 * k.thenAllowed[0]; // Uint8Array [0, 1]: whip must go to jack
 * ```
 */
export interface CompiledConstraint {
  readonly index: number;
  readonly ifIssues: readonly number[];
  readonly ifAllowed: readonly Uint8Array[];
  readonly thenIssues: readonly number[];
  readonly thenAllowed: readonly Uint8Array[];
  readonly reason: string | undefined;
}

/**
 * An interaction term in index form: `value` is added to the party's utility when every
 * `issues[k]` takes an option with `allowed[k][o] = 1`. `last` is the largest issue index involved.
 * @example
 * ```ts
 * const c = compileScenario(ukraine2025);
 * const t: CompiledInteraction = c.interactions[0]![0]!; // russia's first interaction term
 * t.issues; // [5, 3, 4]: crimea, zaporizhzhia, kherson
 * t.value; // 0.03000000000000025
 * ```
 */
export interface CompiledInteraction {
  readonly issues: readonly number[];
  readonly allowed: readonly Uint8Array[];
  readonly value: number;
  readonly last: number;
  readonly reason: string | undefined;
}

/**
 * The numeric tables of one valuation (a party's or a constituency's), as in {@link CompiledScenario}.
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("ukraine-2025-ratification"));
 * const v: CompiledValuation = c.agents[0]!; // ukraine's referendum: a constituency's tables share this shape
 * v.reservation; // 0.41
 * ```
 */
export interface CompiledValuation {
  readonly contrib: readonly Float64Array[];
  /** Normalised values (in [0, 1], before weighting) of each option: `value[i][o]`. */
  readonly value: readonly Float64Array[];
  readonly weight: Float64Array;
  readonly reservation: number;
  readonly redLine: readonly Uint8Array[];
  readonly redLineReason: readonly (readonly (string | undefined)[])[];
  readonly interactions: readonly CompiledInteraction[];
}

/**
 * A domestic constituency in index form: an acceptance agent of party `owner`.
 * `mustAccept` is true under the `all` rule and for veto players.
 * @example
 * ```ts
 * const c = compileScenario(nash1950);
 * c.agents.filter((a) => a.mustAccept).length; // veto players and constituencies under "all"
 * ```
 */
export interface CompiledAgent extends CompiledValuation {
  readonly id: string;
  readonly label: string;
  readonly owner: number;
  readonly votes: number;
  readonly mustAccept: boolean;
}

/**
 * A party's ratification rule in index form: the agent indices of its constituencies, the votes
 * needed (ratified when votes for >= `votesNeeded`, or > when `strict`, as for a majority), and
 * every `mustAccept` agent must accept.
 * @example
 * ```ts
 * const c = compileScenario(builtinScenario("ukraine-2025-ratification"));
 * const r: CompiledRatification = c.ratification[1]!; // ukraine
 * r.agents; // [0]: the referendum
 * r.votesNeeded; // 1
 * ```
 */
export interface CompiledRatification {
  readonly rule: "all" | "majority" | "quota";
  readonly agents: readonly number[];
  readonly totalVotes: number;
  readonly votesNeeded: number;
  readonly strict: boolean;
}

/**
 * A scenario turned into flat numeric tables for fast evaluation. Bundles are arrays of option
 * indices in issue order. All arrays are owned by the compiled object: do not modify them. Some
 * are shared with the compiled forms of other what-ifs of the same scenario (unchanged parts), and
 * small typed arrays may be views into a buffer shared with other tables (slab.ts): do not
 * transfer or detach their `buffer`.
 *
 * `contrib[p][i][o]` is party p's utility from option o of issue i: its normalised weight times
 * its normalised value ({@link contribution}), rounded to the utility grid (`UTILITY_GRID`, 2^-50)
 * so that sums are exact in any order; a bundle's utility is the sum over issues and lies in [0, 1].
 *
 * @example
 * ```ts
 * const c = compileScenario(nash1950);
 * c.contrib[0]![2]![1]; // party 0's utility share from option 1 of issue 2
 * ```
 */
export interface CompiledScenario {
  readonly scenario: Scenario;
  readonly issueIds: readonly string[];
  readonly partyIds: readonly string[];
  readonly optionIds: readonly (readonly string[])[];
  /** Number of options of each issue. */
  readonly sizes: readonly number[];
  readonly contrib: readonly (readonly Float64Array[])[];
  /** Normalised value (in [0, 1], before weighting) per party: `value[p][i][o]`; `contrib` is {@link contribution} of it. */
  readonly value: readonly (readonly Float64Array[])[];
  /** Normalised weight of each issue per party: `weight[p][i]`. */
  readonly weight: readonly Float64Array[];
  readonly reservation: Float64Array;
  readonly power: Float64Array;
  /** `redLine[p][i][o] = 1` when party p rejects option o of issue i. */
  readonly redLine: readonly (readonly Uint8Array[])[];
  /** Reason text of the red line behind `redLine[p][i][o]`. */
  readonly redLineReason: readonly (readonly (readonly (string | undefined)[])[])[];
  readonly constraints: readonly CompiledConstraint[];
  /** Interaction terms per party (empty arrays when the scenario has none). */
  readonly interactions: readonly (readonly CompiledInteraction[])[];
  /** True when some party or constituency has interaction terms (utilities are then not additive). */
  readonly hasInteractions: boolean;
  /** Domestic constituencies of all parties (empty when none): acceptance agents, not negotiators. */
  readonly agents: readonly CompiledAgent[];
  /** Each party's ratification rule over its agents (rule "all" with no agents when it has none). */
  readonly ratification: readonly CompiledRatification[];
  /**
   * Canonical rank of each option (ids sorted as strings, numeric issues by value): used with
   * `canonicalIssueOrder` to break ties independently of the order options were declared in.
   */
  readonly optionRank: readonly Int32Array[];
  /** Issue indices sorted by issue id. */
  readonly canonicalIssueOrder: readonly number[];
  /** Product of option counts (before constraints), exact. */
  readonly combinations: bigint;
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Weights divided by their sum (summed in the order given), the one place weights are normalised:
 * every compiled valuation's `weight`, and the Monte Carlo draws that redraw weights without
 * recompiling. All 0 when the sum is not positive.
 *
 * @example
 * ```ts
 * import { normaliseWeights } from "./compile.js";
 * normaliseWeights([1, 3]); // Float64Array [0.25, 0.75]
 * ```
 */
export const normaliseWeights = (function normaliseWeights(raw: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let k = 0; k < raw.length; k++) total += raw[k]!;
  const out = new Float64Array(raw.length);
  if (total > 0) for (let k = 0; k < raw.length; k++) out[k] = raw[k]! / total;
  return out;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * A party's utility share from one option: normalised weight times normalised value, rounded to
 * the utility grid (`utilityCell`). The one place shares are made: the compiler and the Monte
 * Carlo draws that redraw weights without recompiling both use it, so their tables agree bit for bit.
 *
 * @example
 * ```ts
 * contribution(0.25, 0.5); // 0.125
 * contribution(0.3, 1); // 0.3 rounded to a multiple of 2^-50
 * ```
 */
export const contribution = (function contribution(weight: number, value: number): number {
  return utilityCell(weight * value);
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Compiles a validated scenario into index form (see {@link CompiledScenario}).
 * Throws a {@link ScenarioError} when the constraints leave no feasible bundle.
 *
 * @example
 * ```ts
 * import { compileScenario, validateScenario } from "treatylab";
 * const json: unknown = JSON.parse(JSON.stringify(nash1950)); // as read from a file
 * const c = compileScenario(validateScenario(json));
 * ```
 */
export const compileScenario = (function compileScenario(scenario: Scenario): CompiledScenario {
  // A validated scenario is deep-frozen, so its compiled form (whose arrays nobody may modify) is
  // kept and shared: every verb compiles its input, and a warm call should not pay for it again.
  if (!isValidatedScenario(scenario)) return compileFresh(scenario);
  let c = COMPILED.get(scenario);
  if (c === undefined) COMPILED.set(scenario, (c = compileFresh(scenario)));
  return c;
});

/** Compiled forms of validated (frozen) scenarios; kept on the scenario, so it keeps nothing alive. */
const COMPILED = new ObjectCache<Scenario, CompiledScenario>("compiled");

// Plain loops on the path every scenario takes (a closure per array method costs a lazy compile
// on a first call, issue 18); the rarer parts (interactions, constraints, constituencies) keep
// array methods. test/model/compile.test.ts checks the tables against the previous compiler.
// Parenthesised, hence prettier-ignore: V8 compiles a parenthesised function when the module loads
// (not on its first call), so a first analysis does not pay for it (issue 18; docs/benchmarks.md).
// prettier-ignore
const compileFresh = (function compileFresh(scenario: Scenario): CompiledScenario {
  const issues = scenario.issues;
  // A what-if of a validated scenario (validate.ts, isSharedPart) reuses the tables of the parts
  // it shares with it: the issues' and each unchanged party's (issue 18: sweeps, Monte Carlo).
  const sharedIssues = isSharedPart(issues, issues);
  let tables = sharedIssues ? ISSUE_TABLES.get(issues) : undefined;
  if (tables === undefined) {
    tables = issueTables(issues);
    if (sharedIssues) ISSUE_TABLES.set(issues, tables);
  }
  const { issueIds, optionIds, grids } = tables;
  const I = issues.length;
  const partyIds: string[] = [];
  for (const p of scenario.parties) partyIds.push(p.id);
  const toMask = optionMasks(optionIds);
  const compileValuation = valuationCompiler(I, issueIds, optionIds, grids, toMask);
  const P = scenario.parties.length;
  const contrib: (readonly Float64Array[])[] = [];
  const value: (readonly Float64Array[])[] = [];
  const weight: Float64Array[] = [];
  const redLine: (readonly Uint8Array[])[] = [];
  const redLineReason: (readonly (readonly (string | undefined)[])[])[] = [];
  const interactions: (readonly CompiledInteraction[])[] = [];
  const reservation = new Float64Array(P);
  const power = new Float64Array(P);
  let hasInteractions = false;
  for (let p = 0; p < P; p++) {
    const party = scenario.parties[p]!;
    let v: CompiledValuation;
    if (sharedIssues && isSharedPart(party, issues)) {
      // Kept with the issues it was compiled against: one party object may be shared by
      // scenarios that list the issues differently.
      const kept = VALUATIONS.get(party);
      if (kept !== undefined && kept.issues === issues) v = kept.valuation;
      else {
        v = compileValuation(party);
        VALUATIONS.set(party, { issues, valuation: v });
        SHARED_TABLES.add(v.contrib);
      }
    } else v = compileValuation(party);
    contrib.push(v.contrib);
    value.push(v.value);
    weight.push(v.weight);
    redLine.push(v.redLine);
    redLineReason.push(v.redLineReason);
    interactions.push(v.interactions);
    if (v.interactions.length > 0) hasInteractions = true;
    reservation[p] = party.reservation;
    power[p] = party.power ?? 1;
  }
  return finishCompiled(scenario, tables, partyIds, toMask, compileValuation, {
    contrib,
    value,
    weight,
    redLine,
    redLineReason,
    interactions,
    reservation,
    power,
    hasInteractions,
  });
});

/** The issue-level tables of a compiled scenario (see {@link CompiledScenario}). */
interface IssueTables {
  readonly issueIds: readonly string[];
  readonly optionIds: readonly (readonly string[])[];
  readonly grids: readonly (readonly number[] | undefined)[];
  readonly sizes: readonly number[];
  readonly optionRank: readonly Int32Array[];
  readonly canonicalIssueOrder: readonly number[];
  readonly combinations: bigint;
}

/** Issue tables and compiled valuations of the parts what-ifs share (see compileFresh); weak. */
const ISSUE_TABLES = new WeakMap<object, IssueTables>();
const VALUATIONS = new WeakMap<object, { readonly issues: object; readonly valuation: CompiledValuation }>();
/** The contribution tables of those valuations (see {@link isSharedTable}). */
const SHARED_TABLES = new WeakSet<object>();

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * True when a compiled table (`CompiledScenario.contrib[p]`) is shared by what-ifs of a validated
 * base (the party's compiled valuation, reused: see compileFresh), so that what is computed from
 * it alone may be kept for them too (the split space's halves).
 *
 * @example
 * ```ts
 * import { compileScenario, isSharedTable } from "./compile.js";
 * const base = builtinScenario("nash-1950");
 * const w = applyEdits(base, [{ op: "shiftReservation", party: "jack", by: 0.05 }]);
 * isSharedTable(compileScenario(w).contrib[0]!); // true: bill's valuation is the base's
 * isSharedTable(compileScenario(w).contrib[1]!); // false: jack's changed
 * ```
 */
export const isSharedTable = (function isSharedTable(table: object): boolean {
  return SHARED_TABLES.has(table);
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
const issueTables = (function issueTables(issues: Scenario["issues"]): IssueTables {
  const I = issues.length;
  // Arrays filled by push stay packed (no hole checks in the warm kernels that read them).
  const issueIds: string[] = [];
  const optionIds: string[][] = [];
  const grids: (number[] | undefined)[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < I; i++) {
    const issue = issues[i]!;
    issueIds.push(issue.id);
    if (issue.type === "numeric") {
      grids.push(numericGrid(issue));
      optionIds.push(optionIdsOf(issue));
    } else {
      const ids: string[] = [];
      for (const o of issue.options) ids.push(o.id);
      optionIds.push(ids);
      grids.push(undefined);
    }
    sizes.push(optionIds[i]!.length);
  }
  const optionRank: Int32Array[] = [];
  for (let ii = 0; ii < I; ii++) {
    const ids = optionIds[ii]!;
    const order: number[] = [];
    for (let k = 0; k < ids.length; k++) order.push(k);
    const grid = grids[ii];
    // Comparators as parenthesised function expressions (compiled with this function, at load:
    // an arrow function is compiled on its first call; issue 18, first call).
    // prettier-ignore
    order.sort(grid !== undefined
      ? (function byValue(a: number, b: number): number { return grid[a]! - grid[b]!; })
      : (function byId(a: number, b: number): number { return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0; }));
    const rank = new Int32Array(ids.length);
    for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
    optionRank.push(rank);
  }
  const canonicalIssueOrder: number[] = [];
  for (let k = 0; k < I; k++) canonicalIssueOrder.push(k);
  // prettier-ignore
  canonicalIssueOrder.sort((function byIssueId(a: number, b: number): number { return issueIds[a]! < issueIds[b]! ? -1 : 1; }));
  let combinations = 1n;
  for (let i = 0; i < I; i++) combinations *= BigInt(sizes[i]!);

  return { issueIds, optionIds, grids, sizes, optionRank, canonicalIssueOrder, combinations };
});

/**
 * The mask of the options a choice names on issue `ii` (see {@link optionMasks}).
 *
 * @example
 * ```ts
 * import { type ToMask, optionMasks } from "./compile.js";
 * const toMask: ToMask = optionMasks([["yes", "no"]]);
 * ```
 */
export type ToMask = (ii: number, choice: string | readonly string[]) => Uint8Array;

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Masks of option choices (one id, or a list, as red lines and constraints name them) over each
 * issue's options, by the issues' option ids: 1 for each option named. Lists of more than eight
 * ids look options up in a map built once per issue; shorter ones by `indexOf`.
 *
 * @example
 * ```ts
 * import { optionMasks } from "./compile.js";
 * const toMask = optionMasks([["low", "mid", "high"]]);
 * [...toMask(0, ["low", "high"])]; // [1, 0, 1]
 * ```
 */
export const optionMasks = (function optionMasks(optionIds: readonly (readonly string[])[]): ToMask {
  const indexes = new Map<number, Map<string, number>>();
  const optionIndex = (ii: number): Map<string, number> => {
    let m = indexes.get(ii);
    if (!m) indexes.set(ii, (m = new Map(optionIds[ii]!.map((o, k) => [o, k]))));
    return m;
  };
  return (ii, choice) => {
    const list = typeof choice === "string" ? [choice] : choice;
    const ids = optionIds[ii]!;
    const m = new Uint8Array(ids.length);
    for (const o of list) m[list.length > 8 ? optionIndex(ii).get(o)! : ids.indexOf(o)] = 1;
    return m;
  };
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/** The compiler of one party's or constituency's valuation against the issue tables. */
const valuationCompiler = (function valuationCompiler(
  I: number,
  issueIds: readonly string[],
  optionIds: readonly (readonly string[])[],
  grids: readonly (readonly number[] | undefined)[],
  toMask: ToMask,
): (p: Valuation) => CompiledValuation {
  // A function expression in parentheses: compiled with valuationCompiler, at module load (issue 18).
  return (function compileValuation(p: Valuation): CompiledValuation {
    const rawWeights = new Float64Array(I);
    for (let i = 0; i < I; i++) rawWeights[i] = p.weights[issueIds[i]!] ?? 0;
    const w = normaliseWeights(rawWeights);
    const rows: Float64Array[] = [];
    const values: Float64Array[] = [];
    const masks: Uint8Array[] = [];
    const reasons: (string | undefined)[][] = [];
    // One buffer for all of the valuation's value and contribution rows (views into it): small
    // typed arrays each with a buffer of their own cost far more to allocate and collect (issue 18).
    let total = 0;
    for (let i = 0; i < I; i++) total += optionIds[i]!.length;
    const store = float64s(2 * total);
    for (let i = 0, at = 0; i < I; i++) {
      const ids = optionIds[i]!;
      const n = ids.length;
      const given = p.values[issueIds[i]!];
      const value = store.subarray(at, at + n);
      const row = store.subarray(total + at, total + at + n);
      at += n;
      if (given !== undefined) {
        const grid = grids[i];
        const points = "points" in given && Array.isArray((given as PiecewiseValue).points);
        for (let o = 0; o < n; o++)
          value[o] = points
            ? piecewise((given as PiecewiseValue).points, grid![o]!)
            : ((given as Readonly<Record<string, number>>)[ids[o]!] ?? 0);
      }
      let max = 0;
      if (p.valueScale === "absolute") max = 1;
      else for (let o = 0; o < n; o++) if (value[o]! > max) max = value[o]!;
      for (let o = 0; o < n; o++) {
        value[o] = max > 0 ? value[o]! / max : 0;
        row[o] = contribution(w[i]!, value[o]!);
      }
      values.push(value);
      rows.push(row);
      masks.push(new Uint8Array(n));
      reasons.push(new Array<string | undefined>(n).fill(undefined));
    }
    for (const r of p.redLines ?? []) {
      const ii = issueIds.indexOf(r.issue);
      const ids = optionIds[ii]!;
      for (let oi = 0; oi < ids.length; oi++) {
        const x = grids[ii]?.[oi];
        const hit =
          (r.reject ?? []).includes(ids[oi]!) ||
          (x !== undefined && r.below !== undefined && x < r.below) ||
          (x !== undefined && r.above !== undefined && x > r.above);
        if (hit && !masks[ii]![oi]) {
          masks[ii]![oi] = 1;
          reasons[ii]![oi] = r.reason;
        }
      }
    }
    const interactions = (p.interactions ?? []).map((t) => {
      const entries = Object.entries(t.when).map(([k, v]) => [issueIds.indexOf(k), v] as const);
      const issues = entries.map(([i]) => i);
      return {
        issues,
        allowed: entries.map(([i, v]) => toMask(i, v)),
        value: utilityCell(t.value),
        last: Math.max(...issues),
        reason: t.reason,
      };
    });
    return {
      contrib: rows,
      value: values,
      weight: w,
      reservation: p.reservation,
      redLine: masks,
      redLineReason: reasons,
      interactions,
    };
  });
});

/** What compileFresh computed per party (see {@link CompiledScenario}). */
type PartyTables = Pick<
  CompiledScenario,
  | "contrib"
  | "value"
  | "weight"
  | "redLine"
  | "redLineReason"
  | "interactions"
  | "reservation"
  | "power"
  | "hasInteractions"
>;

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/** Constituencies, constraints and the compiled scenario itself, from the issue and party tables. */
const finishCompiled = (function finishCompiled(
  scenario: Scenario,
  tables: IssueTables,
  partyIds: readonly string[],
  toMask: ToMask,
  compileValuation: (p: Valuation) => CompiledValuation,
  parties: PartyTables,
): CompiledScenario {
  const { issueIds, optionIds, sizes, optionRank, canonicalIssueOrder, combinations } = tables;
  const { contrib, value, weight, redLine, redLineReason, interactions, reservation, power } = parties;
  let hasInteractions = parties.hasInteractions;
  const P = scenario.parties.length;
  const agents: CompiledAgent[] = [];
  const ratification: CompiledRatification[] = [];
  for (let owner = 0; owner < P; owner++) {
    const p = scenario.parties[owner]!;
    const list = p.constituencies ?? [];
    const rule = list.length === 0 ? "all" : (p.ratification?.rule ?? "all");
    const first = agents.length;
    let totalVotes = 0;
    for (const k of list) {
      const votes = k.votes ?? 1;
      totalVotes += votes;
      const compiled = compileValuation(k);
      if (compiled.interactions.length > 0) hasInteractions = true;
      agents.push({
        ...compiled,
        id: k.id,
        label: k.label ?? k.id,
        owner,
        votes,
        mustAccept: rule === "all" || k.veto === true,
      });
    }
    const needed =
      rule === "all" ? totalVotes : rule === "majority" ? totalVotes / 2 : (p.ratification?.quota ?? 1) * totalVotes;
    const agentIndices: number[] = [];
    for (let k = 0; k < list.length; k++) agentIndices.push(first + k);
    ratification.push({
      rule,
      agents: agentIndices,
      totalVotes,
      votesNeeded: needed,
      strict: rule === "majority",
    });
  }

  const constraints: CompiledConstraint[] = (scenario.constraints ?? []).map((c, index) => {
    const ifEntries = Object.entries(c.if).map(([k, v]) => [issueIds.indexOf(k), v] as const);
    const thenEntries = Object.entries(c.then).map(([k, v]) => [issueIds.indexOf(k), v] as const);
    return {
      index,
      ifIssues: ifEntries.map(([i]) => i),
      ifAllowed: ifEntries.map(([i, v]) => toMask(i, v)),
      thenIssues: thenEntries.map(([i]) => i),
      thenAllowed: thenEntries.map(([i, v]) => toMask(i, v)),
      reason: c.reason,
    };
  });

  const compiled: CompiledScenario = {
    scenario,
    issueIds,
    partyIds,
    optionIds,
    sizes,
    contrib,
    value,
    weight,
    reservation,
    power,
    redLine,
    redLineReason,
    constraints,
    interactions,
    hasInteractions,
    agents,
    ratification,
    optionRank,
    canonicalIssueOrder,
    combinations,
  };
  if (constraints.length > 0 && countFeasible(compiled) === 0n)
    throw new ScenarioError(
      "$.constraints",
      "leave no feasible bundle",
      "constraints that at least one settlement satisfies",
    );
  // Its walk plans and outcome spaces are cached on it (objectCache.ts).
  return addCacheSlot(compiled);
});

/**
 * Whether an index bundle satisfies every constraint.
 *
 * @example
 * ```ts
 * const compiled = compileScenario(nash1950);
 * isFeasible(compiled, new Int32Array(9)); // true: nash-1950 has no constraints
 * ```
 */
export function isFeasible(c: CompiledScenario, bundle: ArrayLike<number>): boolean {
  return brokenConstraint(c, bundle) === undefined;
}

/**
 * The first constraint an index bundle breaks, or undefined.
 *
 * @example
 * ```ts
 * const compiled = compileScenario(nash1950);
 * brokenConstraint(compiled, new Int32Array(9))?.reason; // undefined: nash-1950 has no constraints
 * ```
 */
export function brokenConstraint(c: CompiledScenario, bundle: ArrayLike<number>): CompiledConstraint | undefined {
  outer: for (const k of c.constraints) {
    for (let j = 0; j < k.ifIssues.length; j++) if (!k.ifAllowed[j]![bundle[k.ifIssues[j]!]!]) continue outer;
    for (let j = 0; j < k.thenIssues.length; j++) if (!k.thenAllowed[j]![bundle[k.thenIssues[j]!]!]) return k;
  }
  return undefined;
}

/**
 * Whether an interaction term applies to an index bundle.
 *
 * @example
 * ```ts
 * const compiled = compileScenario(ukraine2025);
 * const corridor = compiled.interactions[0]![0]!; // Zaporizhzhia, Kherson and Crimea recognised together
 * interactionApplies(corridor, new Int32Array(compiled.issueIds.length)); // false: every issue at its first option
 * ```
 */
export function interactionApplies(t: CompiledInteraction, bundle: ArrayLike<number>): boolean {
  for (let k = 0; k < t.issues.length; k++) if (!t.allowed[k]![bundle[t.issues[k]!]!]) return false;
  return true;
}

/**
 * Most combinations of constraint-linked issues {@link countFeasible} will enumerate.
 * @example
 * ```ts
 * import { MAX_CONSTRAINT_COMBINATIONS } from "./compile.js";
 * const c = compileScenario(ukraine2025);
 * c.combinations; // 26542080n
 * Number(c.combinations) <= MAX_CONSTRAINT_COMBINATIONS; // true: constraints may link all 14 issues
 * ```
 */
export const MAX_CONSTRAINT_COMBINATIONS = 50_000_000;

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * The exact number of feasible bundles: combinations of the issues that constraints link are
 * enumerated, the other issues multiply in.
 *
 * @example
 * ```ts
 * const constraint = { if: { book: "jack" }, then: { whip: "jack" } };
 * countFeasible(compileScenario(nash1950)); // 512n
 * countFeasible(compileScenario(applyEdits(nash1950, [{ op: "addConstraint", constraint }]))); // 384n
 * ```
 */
export const countFeasible = (function countFeasible(c: CompiledScenario): bigint {
  if (c.constraints.length === 0) return c.combinations;
  const linked = [...new Set(c.constraints.flatMap((k) => [...k.ifIssues, ...k.thenIssues]))].sort((a, b) => a - b);
  let free = 1n;
  c.sizes.forEach((n, i) => {
    if (!linked.includes(i)) free *= BigInt(n);
  });
  const linkedCombos = linked.reduce((acc, i) => acc * c.sizes[i]!, 1);
  if (linkedCombos > MAX_CONSTRAINT_COMBINATIONS)
    throw new TreatylabError(
      `constraints link issues with ${linkedCombos} option combinations, over the limit of ${MAX_CONSTRAINT_COMBINATIONS}; split the constraints or coarsen the numeric steps`,
    );
  const bundle = new Int32Array(c.sizes.length);
  let count = 0;
  const walk = (function walk(k: number): void {
    if (k === linked.length) {
      if (isFeasible(c, bundle)) count++;
      return;
    }
    const issue = linked[k]!;
    for (let o = 0; o < c.sizes[issue]!; o++) {
      bundle[issue] = o;
      walk(k + 1);
    }
  });
  walk(0);
  return BigInt(count) * free;
});

/**
 * Turns a named bundle into index form, with a clear error for an unknown or missing issue or option.
 *
 * @example
 * ```ts
 * const compiled = compileScenario(nash1950);
 * toIndexBundle(compiled, analyze(nash1950).solutions.nash!.bundle); // Int32Array [1, 1, 1, 1, 0, 0, 0, 0, 1] (option indices)
 * ```
 */
export function toIndexBundle(c: CompiledScenario, bundle: Bundle, where = "bundle"): Int32Array {
  if (typeof bundle !== "object" || bundle === null || Array.isArray(bundle))
    throw new ScenarioError(
      where,
      `is ${bundle === null ? "null" : Array.isArray(bundle) ? "an array" : typeof bundle}`,
      `an object { issueId: optionId, ... } with an option for every issue (${c.issueIds.slice(0, 4).join(", ")}${c.issueIds.length > 4 ? ", ..." : ""})`,
    );
  const out = new Int32Array(c.issueIds.length);
  for (const key of Object.keys(bundle)) {
    if (!c.issueIds.includes(key))
      throw new ScenarioError(
        `${where}.${key}`,
        `unknown issue "${key}"`,
        `one of ${c.issueIds.map((s) => `"${s}"`).join(", ")}`,
      );
  }
  c.issueIds.forEach((id, i) => {
    if (!Object.prototype.hasOwnProperty.call(bundle, id))
      throw new ScenarioError(
        where,
        `no option for issue "${id}"`,
        `an option for every issue: one of ${c.optionIds[i]!.map((s) => `"${s}"`).join(", ")}`,
      );
    const raw = bundle[id]!;
    let o = c.optionIds[i]!.indexOf(String(raw));
    if (o < 0 && c.scenario.issues[i]!.type === "numeric" && Number.isFinite(Number(raw)))
      o = c.optionIds[i]!.indexOf(String(Number(Number(raw).toPrecision(12))));
    if (o < 0)
      throw new ScenarioError(
        `${where}.${id}`,
        `unknown option "${String(raw)}"`,
        `one of ${c.optionIds[i]!.slice(0, 8)
          .map((s) => `"${s}"`)
          .join(", ")}${c.optionIds[i]!.length > 8 ? ", ..." : ""}`,
      );
    out[i] = o;
  });
  return out;
}

/**
 * Turns an index bundle back into a named bundle.
 *
 * @example
 * ```ts
 * const compiled = compileScenario(nash1950);
 * toNamedBundle(compiled, [1, 1, 1, 1, 0, 0, 0, 0, 1]); // { book: "jack", whip: "jack", ball: "jack", bat: "jack", box: "bill", ... }
 * ```
 */
export function toNamedBundle(c: CompiledScenario, bundle: ArrayLike<number>): Bundle {
  const out: Record<string, string> = {};
  c.issueIds.forEach((id, i) => (out[id] = c.optionIds[i]![bundle[i]!]!));
  return Object.freeze(out);
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Compares two index bundles in the canonical order used for every tie-break: issues by id,
 * options by id (numeric issues by value). Independent of the order of declaration.
 *
 * @example
 * ```ts
 * const c = compileScenario(nash1950);
 * const a = [0, 0, 0, 0, 0, 0, 0, 0, 0]; // bill keeps everything
 * const b = [1, 0, 0, 0, 0, 0, 0, 0, 0]; // jack gets the book
 * compareBundles(c, a, b); // -1: a comes first ("bill" < "jack" on the book)
 * ```
 */
export const compareBundles = (function compareBundles(c: CompiledScenario, a: ArrayLike<number>, b: ArrayLike<number>): number {
  const order = c.canonicalIssueOrder;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const d = c.optionRank[i]![a[i]!]! - c.optionRank[i]![b[i]!]!;
    if (d !== 0) return d;
  }
  return 0;
});
