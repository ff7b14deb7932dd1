/**
 * From a treatylab scenario to a graph model: after signature, each party controls some issues;
 * everything else stays at a fixed bundle (e.g. the Nash solution). Encoding: for each kept issue,
 * the fixed bundle's option is the "all N" default and every other option is one binary option
 * "issue = option" controlled by the issue's party; a mutually exclusive group allows at most one
 * of them Y. So a state is a bundle, and a unilateral move is a party switching its issues to other
 * options. Each party's preference is its utility for the state's bundle (equal utility, after the
 * library's rounding, is a tie); bundles the scenario's constraints rule out are infeasible.
 * @module
 */
import { compileScenario, isFeasible, toIndexBundle } from "../model/compile.js";
import { ScenarioError } from "../model/errors.js";
import type { Bundle, Scenario } from "../model/types.js";
import { roundUtility, utilities } from "../utility/utilities.js";
import { compileGraphModel, type GraphModel, MAX_OPTIONS } from "./model.js";

/**
 * Options of `graphModelFromScenario`.
 *
 * @example
 * ```ts
 * const s = builtinScenario("nash-1950");
 * const o: FromScenarioOptions = { control: { bill: ["book"], jack: ["pen"] }, fixed: analyze(s).solutions.nash!.bundle };
 * graphModelFromScenario(s, o).options.length; // 2
 * ```
 */
export interface FromScenarioOptions {
  /** Which issues each party controls after signature (party id -> issue ids). */
  readonly control: Readonly<Record<string, readonly string[]>>;
  /** The issues kept as moves (default: every controlled issue). */
  readonly issues?: readonly string[];
  /** The bundle every other issue stays at, and the default of each kept issue. */
  readonly fixed: Bundle;
  /** When true, every bundle below a party's reservation ties at the bottom of its ranking ("prefers no deal"). */
  readonly belowReservationTies?: boolean;
}

/**
 * The end of the name {@link graphModelFromScenario} gives its models ("<scenario title>: stability
 * of the kept clauses").
 *
 * @example
 * ```ts
 * import { KEPT_CLAUSES } from "./fromScenario.js";
 * graphModelFromScenario(nash1950, { control: { bill: ["pen"], jack: ["book"] }, fixed: analyze(nash1950).solutions.nash!.bundle }).name?.endsWith(KEPT_CLAUSES); // true
 * ```
 */
export const KEPT_CLAUSES = "stability of the kept clauses";

/**
 * Builds the graph model of "once `fixed` is signed, would anyone defect on these issues?".
 *
 * @example
 * ```ts
 * const s = builtinScenario("nash-1950");
 * const gm = graphModelFromScenario(s, { control: { bill: ["book"], jack: ["pen"] }, fixed: analyze(s).solutions.nash!.bundle });
 * analyzeStability(gm).equilibria.nash; // [3]
 * ```
 */
export function graphModelFromScenario(scenario: Scenario, options: FromScenarioOptions): GraphModel {
  const c = compileScenario(scenario);
  const fixed = toIndexBundle(c, options.fixed, "--fix");
  const owner = new Map<string, string>();
  for (const [party, issues] of Object.entries(options.control)) {
    if (!c.partyIds.includes(party))
      throw new ScenarioError(
        `--control ${party}`,
        `names "${party}", who is not a party`,
        `one of ${c.partyIds.join(", ")}`,
      );
    for (const issue of issues) {
      if (!c.issueIds.includes(issue))
        throw new ScenarioError(
          `--control ${party}=${issue}`,
          `names "${issue}", which is not an issue`,
          `one of ${c.issueIds.join(", ")}`,
        );
      if (owner.has(issue))
        throw new ScenarioError(
          `--control ${party}=${issue}`,
          `gives "${issue}" to a second party (${owner.get(issue)})`,
          "each issue controlled by one party",
        );
      owner.set(issue, party);
    }
  }
  const kept = options.issues ?? [...owner.keys()];
  for (const issue of kept)
    if (!owner.has(issue))
      throw new ScenarioError(`--issues ${issue}`, "is not controlled by any party", "issues named in --control");
  const parties = c.partyIds.filter((p) => kept.some((i) => owner.get(i) === p));
  if (parties.length < 2)
    throw new ScenarioError(
      "--control",
      `gives the kept issues to ${parties.length} part${parties.length === 1 ? "y" : "ies"}`,
      "issues controlled by at least two parties",
    );
  // binary options, grouped by party then issue
  const opts: { name: string; issue: number; option: number; party: string }[] = [];
  for (const p of parties) {
    for (const issue of kept.filter((i) => owner.get(i) === p)) {
      const ii = c.issueIds.indexOf(issue);
      c.optionIds[ii]!.forEach((oid, o) => {
        if (o !== fixed[ii]) opts.push({ name: `${issue} = ${oid}`, issue: ii, option: o, party: p });
      });
    }
  }
  if (opts.length > MAX_OPTIONS)
    throw new ScenarioError(
      "--issues",
      `give ${opts.length} binary options (2^${opts.length} states)`,
      `at most ${MAX_OPTIONS} options in total: keep fewer issues`,
    );
  const n = opts.length;
  const groups = [...new Set(opts.map((o) => o.issue))]
    .map((ii) => opts.flatMap((o, k) => (o.issue === ii ? [k] : [])))
    .filter((g) => g.length > 1);
  const structural: GraphModel = {
    name: `${scenario.title ?? scenario.id}: ${KEPT_CLAUSES}`,
    options: opts.map((o) => ({ name: o.name })),
    mutuallyExclusive: groups,
    decisionMakers: parties.map((p) => ({
      name: p,
      options: opts.flatMap((o, k) => (o.party === p ? [k] : [])),
      preference: { values: [] },
    })),
  };
  const probe = compileGraphModel(structural, { skipPreferences: true });
  // states the scenario's constraints rule out become infeasible patterns (full patterns)
  const bundle = Int32Array.from(fixed);
  const bundleOf = (code: number) => {
    bundle.set(fixed);
    for (let k = 0; k < n; k++) if ((code >>> k) & 1) bundle[opts[k]!.issue] = opts[k]!.option;
    return bundle;
  };
  const infeasible = [...probe.states]
    .filter((code) => !isFeasible(c, bundleOf(code)))
    .map((code) => opts.map((_, k) => [k, (code >>> k) & 1 ? "Y" : "N"] as const));
  const withInfeasible: GraphModel = { ...structural, infeasible };
  const states = compileGraphModel(withInfeasible, { skipPreferences: true }).states;
  const u = [...states].map((code) => utilities(c, bundleOf(code)));
  return {
    ...withInfeasible,
    decisionMakers: parties.map((p, di) => {
      const pi = c.partyIds.indexOf(p);
      const r = c.reservation[pi]!;
      return {
        ...structural.decisionMakers[di]!,
        preference: { values: u.map((v) => (options.belowReservationTies && v[pi]! < r ? -1 : roundUtility(v[pi]!))) },
      };
    }),
    notes: [
      `Fixed at: ${Object.entries(options.fixed)
        .map(([k, v]) => `${k}=${v}`)
        .join(
          ", ",
        )}. All N = that bundle; "issue = option" Y = the controlling party has switched that issue to that option.`,
      `Preferences are the parties' utilities for each state's bundle (equal utility = tie)${options.belowReservationTies ? "; every bundle below a party's reservation ties at the bottom (prefers no deal)" : ""}.`,
    ],
  };
}
