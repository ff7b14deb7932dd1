/**
 * The compiler as it was before compileScenario was rewritten with plain loops for first-call time
 * (issue 18), kept as the oracle of test/model/compile.test.ts: the two must build equal tables.
 */
import {
  type CompiledAgent,
  type CompiledConstraint,
  type CompiledRatification,
  type CompiledScenario,
  type CompiledValuation,
  contribution,
  countFeasible,
  optionMasks,
} from "../../src/model/compile.js";
import { ScenarioError } from "../../src/model/errors.js";
import { numericGrid, piecewise } from "../../src/model/numericGrid.js";
import { utilityCell } from "../../src/model/tolerance.js";
import type { PiecewiseValue, Scenario, Valuation } from "../../src/model/types.js";
import { optionIdsOf } from "../../src/model/validate.js";

function normaliseWeights(raw: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let k = 0; k < raw.length; k++) total += raw[k]!;
  return Float64Array.from(raw, (x) => (total > 0 ? x / total : 0));
}

function issueValue(
  values: Readonly<Record<string, number>> | PiecewiseValue | undefined,
  optionId: string,
  x: number | undefined,
): number {
  if (values === undefined) return 0;
  if ("points" in values && Array.isArray((values as PiecewiseValue).points))
    return piecewise((values as PiecewiseValue).points, x!);
  return (values as Readonly<Record<string, number>>)[optionId] ?? 0;
}

export function compileReference(scenario: Scenario): CompiledScenario {
  const issueIds = scenario.issues.map((i) => i.id);
  const partyIds = scenario.parties.map((p) => p.id);
  const optionIds = scenario.issues.map(optionIdsOf);
  const grids = scenario.issues.map((i) => (i.type === "numeric" ? numericGrid(i) : undefined));
  const sizes = optionIds.map((o) => o.length);
  // Option ids to masks: the compiler's own (an id lookup, not what this oracle checks).
  const toMask = optionMasks(optionIds);
  const compileValuation = (p: Valuation): CompiledValuation => {
    const w = normaliseWeights(issueIds.map((id) => p.weights[id] ?? 0));
    const rows: Float64Array[] = [];
    const values: Float64Array[] = [];
    scenario.issues.forEach((issue, ii) => {
      const raw = optionIds[ii]!.map((oid, oi) => issueValue(p.values[issue.id], oid, grids[ii]?.[oi]));
      let max = 0;
      if (p.valueScale === "absolute") max = 1;
      else for (const v of raw) if (v > max) max = v;
      const value = Float64Array.from(raw, (v) => (max > 0 ? v / max : 0));
      values.push(value);
      rows.push(Float64Array.from(value, (v) => contribution(w[ii]!, v)));
    });
    const masks = sizes.map((n) => new Uint8Array(n));
    const reasons = sizes.map((n) => new Array<string | undefined>(n).fill(undefined));
    for (const r of p.redLines ?? []) {
      const ii = issueIds.indexOf(r.issue);
      optionIds[ii]!.forEach((oid, oi) => {
        const x = grids[ii]?.[oi];
        const hit =
          (r.reject ?? []).includes(oid) ||
          (x !== undefined && r.below !== undefined && x < r.below) ||
          (x !== undefined && r.above !== undefined && x > r.above);
        if (hit && !masks[ii]![oi]) {
          masks[ii]![oi] = 1;
          reasons[ii]![oi] = r.reason;
        }
      });
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
  };
  const parties = scenario.parties.map(compileValuation);
  const contrib = parties.map((v) => v.contrib);
  const value = parties.map((v) => v.value);
  const weight = parties.map((v) => v.weight);
  const redLine = parties.map((v) => v.redLine);
  const redLineReason = parties.map((v) => v.redLineReason);
  const interactions = parties.map((v) => v.interactions);
  const reservation = Float64Array.from(scenario.parties, (p) => p.reservation);
  const power = Float64Array.from(scenario.parties, (p) => p.power ?? 1);
  const agents: CompiledAgent[] = [];
  const ratification: CompiledRatification[] = scenario.parties.map((p, owner) => {
    const list = p.constituencies ?? [];
    const rule = list.length === 0 ? "all" : (p.ratification?.rule ?? "all");
    const first = agents.length;
    let totalVotes = 0;
    for (const k of list) {
      const votes = k.votes ?? 1;
      totalVotes += votes;
      agents.push({
        ...compileValuation(k),
        id: k.id,
        label: k.label ?? k.id,
        owner,
        votes,
        mustAccept: rule === "all" || k.veto === true,
      });
    }
    const needed =
      rule === "all" ? totalVotes : rule === "majority" ? totalVotes / 2 : (p.ratification?.quota ?? 1) * totalVotes;
    return {
      rule,
      agents: Array.from({ length: list.length }, (_, k) => first + k),
      totalVotes,
      votesNeeded: needed,
      strict: rule === "majority",
    };
  });

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

  const optionRank = scenario.issues.map((issue, ii) => {
    const ids = optionIds[ii]!;
    const order = ids.map((_, k) => k);
    if (issue.type === "numeric") order.sort((a, b) => grids[ii]![a]! - grids[ii]![b]!);
    else order.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    const rank = new Int32Array(ids.length);
    order.forEach((o, r) => (rank[o] = r));
    return rank;
  });
  const canonicalIssueOrder = issueIds.map((_, k) => k).sort((a, b) => (issueIds[a]! < issueIds[b]! ? -1 : 1));
  const combinations = sizes.reduce((acc, n) => acc * BigInt(n), 1n);

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
    hasInteractions: interactions.some((list) => list.length > 0) || agents.some((a) => a.interactions.length > 0),
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
  return compiled;
}
