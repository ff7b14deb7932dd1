/**
 * What the explorer's worker computes for one request: the edited scenario's analysis, its plots
 * and the proposal's check. Pure (no DOM, no worker API), so Node tests and the benchmark call it
 * directly.
 * @module
 */
import { analyze } from "../analysis/analyze.js";
import { checkProposal } from "../analysis/checkProposal.js";
import { prepare } from "../analysis/prepare.js";
import { applyEdits } from "../edits/applyEdits.js";
import { TreatylabError } from "../model/errors.js";
import { scenarioPlots } from "../plots/scenarioPlots.js";
import type { ComputeRequest, ComputeResult } from "./protocol.js";

/**
 * Answers one {@link ComputeRequest}. A treatylab error (an edit that does not apply, a scenario
 * too large) becomes `{ ok: false, error }` with its one-line message; anything else is a bug and
 * is thrown.
 *
 * @example
 * ```ts
 * const r = compute({ id: 1, base: builtinScenario("nash-1950"), edits: [], proposal: {} });
 * r.ok && r.analysis.zopa.count;
 * ```
 */
export function compute(req: ComputeRequest): ComputeResult {
  const t0 = performance.now();
  try {
    const scenario = applyEdits(req.base, req.edits);
    const c = prepare(scenario);
    const analysis = analyze(c);
    const axes = req.axes?.filter((p) => c.partyIds.includes(p));
    const plots = scenarioPlots(c, analysis, axes && axes.length === 2 ? { parties: axes } : {});
    const complete = c.issueIds.every((i) => req.proposal[i] !== undefined);
    const check = complete ? checkProposal(c, req.proposal) : null;
    const { frontier, ...rest } = analysis;
    return { id: req.id, ok: true, analysis: { ...rest, frontierSize: frontier.length }, plots, check, ms: performance.now() - t0 };
  } catch (err) {
    if (err instanceof TreatylabError) return { id: req.id, ok: false, error: err.message };
    throw err;
  }
}
