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
import type { CompiledScenario } from "../model/compile.js";
import type { NamedPlot } from "../plots/scenarioPlots.js";
import type { ComputeRequest, ComputeResult } from "./protocol.js";

/**
 * The last analysis a worker made, reused when only the proposal changes.
 *
 * @example
 * ```ts
 * const memo: ComputeMemo = {}; compute(req, memo); compute({ ...req, proposal }, memo); // analysed once
 * ```
 */
export interface ComputeMemo {
  key?: string;
  value?: { readonly c: CompiledScenario; readonly analysis: Extract<ComputeResult, { ok: true }>["analysis"]; readonly plots: readonly NamedPlot[] };
}

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
export function compute(req: ComputeRequest, memo?: ComputeMemo): ComputeResult {
  const t0 = performance.now();
  try {
    const key = JSON.stringify([req.base, req.edits, req.axes ?? null]);
    let done = memo?.key === key ? memo.value : undefined;
    if (!done) {
      const c = prepare(applyEdits(req.base, req.edits));
      const analysis = analyze(c);
      const axes = req.axes?.filter((p) => c.partyIds.includes(p));
      const plots = scenarioPlots(c, analysis, axes && axes.length === 2 ? { parties: axes } : {});
      const { frontier, ...rest } = analysis;
      done = { c, analysis: { ...rest, frontierSize: frontier.length }, plots };
      if (memo) {
        memo.key = key;
        memo.value = done;
      }
    }
    const complete = done.c.issueIds.every((i) => req.proposal[i] !== undefined);
    const check = complete ? checkProposal(done.c, req.proposal) : null;
    return { id: req.id, ok: true, analysis: done.analysis, plots: done.plots, check, ms: performance.now() - t0 };
  } catch (err) {
    if (err instanceof TreatylabError) return { id: req.id, ok: false, error: err.message };
    throw err;
  }
}
