/**
 * What the explorer's worker computes for one request: the edited scenario's analysis and the
 * proposal's check, then the shown plot, then the forecast panel, then the stability panel. Pure (no DOM, no worker API), so Node tests and the
 * benchmark call it directly.
 * @module
 */
import { analyze } from "../analysis/analyze.js";
import { checkProposal } from "../analysis/checkProposal.js";
import { prepare } from "../analysis/prepare.js";
import type { Analysis } from "../analysis/types.js";
import { applyEdits } from "../edits/applyEdits.js";
import type { CompiledScenario } from "../model/compile.js";
import { TreatylabError } from "../model/errors.js";
import { SCENARIO_PLOT_KINDS, scenarioPlot, scenarioPlotKind, type ScenarioPlotKind } from "../plots/scenarioPlots.js";
import { forecastPanel, stabilityPanel } from "./panels.js";
import type { ComputeRequest, ComputeResult } from "./protocol.js";

/**
 * The last analysis a worker made, reused when only the proposal or the plot changes.
 *
 * @example
 * ```ts
 * import { compute, type ComputeMemo } from "./compute.js";
 * import type { ComputeRequest } from "./protocol.js";
 * const req: ComputeRequest = { id: 1, base: nash1950, edits: [], proposal: {}, plot: "utility-space" };
 * const memo: ComputeMemo = {};
 * compute(req, memo);
 * const first = memo.value;
 * compute({ ...req, proposal: { book: "jack" } }, memo);
 * memo.value === first; // true: analysed once
 * ```
 */
export interface ComputeMemo {
  key?: string;
  value?: { readonly c: CompiledScenario; readonly analysis: Analysis };
}

function analysed(req: ComputeRequest, memo: ComputeMemo): { c: CompiledScenario; analysis: Analysis } {
  const key = JSON.stringify([req.base, req.edits]);
  if (memo.key === key && memo.value) return memo.value;
  const c = prepare(applyEdits(req.base, req.edits));
  const value = { c, analysis: analyze(c) };
  memo.key = key;
  memo.value = value;
  return value;
}

const failure = (id: number, err: unknown): ComputeResult => {
  if (err instanceof TreatylabError) return { id, ok: false, error: err.message };
  throw err;
};

/**
 * Answers one {@link ComputeRequest} with its results: the analysis (without the frontier list),
 * the plots on offer and the proposal's check. A treatylab error (an edit that does not apply, a
 * scenario too large) becomes `{ ok: false, error }` with its one-line message; anything else is a
 * bug and is thrown.
 *
 * @example
 * ```ts
 * import { compute } from "./compute.js";
 * const r = compute({ id: 1, base: builtinScenario("nash-1950"), edits: [], proposal: {}, plot: "utility-space" });
 * r.ok && r.phase === "results" && r.analysis.zopa.count; // 293
 * r.ok && r.phase === "results" && r.analysis.frontierSize; // 7
 * const edits = [{ op: "setPower", party: "joe", value: 2 }] as const;
 * compute({ id: 2, base: nash1950, edits, proposal: {}, plot: "utility-space" });
 * // { id: 2, ok: false, error: 'edits[0].party: unknown party "joe"; expected one of "bill", "jack"' }
 * ```
 */
export function compute(req: ComputeRequest, memo: ComputeMemo = {}): ComputeResult {
  const t0 = performance.now();
  try {
    const { c, analysis } = analysed(req, memo);
    const complete = c.issueIds.every((i) => req.proposal[i] !== undefined);
    const check = complete ? checkProposal(c, req.proposal) : null;
    const { frontier, ...rest } = analysis;
    const kinds: ScenarioPlotKind[] = c.partyIds.length > 2 ? [...SCENARIO_PLOT_KINDS] : ["utility-space"];
    return {
      id: req.id,
      ok: true,
      phase: "results",
      analysis: { ...rest, frontierSize: frontier.length },
      kinds,
      check,
      ms: performance.now() - t0,
    };
  } catch (err) {
    return failure(req.id, err);
  }
}

/**
 * The request's plot (its kind, axes and the analysis kept in `memo`, made again if need be). Two
 * parties always get the utility space; an unknown kind is refused (`ok: false`) whatever the
 * number of parties.
 *
 * @example
 * ```ts
 * import { computePlot } from "./compute.js";
 * const p = computePlot({ id: 1, base: nash1950, edits: [], proposal: {}, plot: "utility-space" });
 * p.ok && p.phase === "plot" && p.plot.kind; // "utility-space"
 * computePlot({ id: 2, base: nash1950, edits: [], proposal: {}, plot: "pie" as ScenarioPlotKind });
 * // { id: 2, ok: false, error: 'unknown plot kind "pie"; expected one of "utility-space", "frontier-matrix", "parallel-coordinates"' }
 * ```
 */
export function computePlot(req: ComputeRequest, memo: ComputeMemo = {}): ComputeResult {
  const t0 = performance.now();
  try {
    scenarioPlotKind(req.plot);
    const { c, analysis } = analysed(req, memo);
    const axes = req.axes?.filter((p) => c.partyIds.includes(p));
    const kind = c.partyIds.length > 2 ? req.plot : "utility-space";
    const plot = scenarioPlot(c, analysis, kind, axes && axes.length === 2 ? { parties: axes } : {});
    return { id: req.id, ok: true, phase: "plot", plot, ms: performance.now() - t0 };
  } catch (err) {
    return failure(req.id, err);
  }
}

/**
 * The request's forecast panel (see src/explorer/panels.ts), on the analysis kept in `memo` (made
 * again if need be).
 *
 * @example
 * ```ts
 * import { computeForecast } from "./compute.js";
 * const base = builtinScenario("camp-david-1978");
 * const f = computeForecast({ id: 1, base, edits: [], proposal: {}, plot: "utility-space" });
 * f.ok && f.phase === "forecast" && f.forecast.models.map((m) => m.rejectedBy);
 * // [["egypt"], ["israel"], ["egypt", "israel"], ["egypt", "israel"]]
 * ```
 */
export function computeForecast(req: ComputeRequest, memo: ComputeMemo = {}): ComputeResult {
  const t0 = performance.now();
  try {
    const { c } = analysed(req, memo);
    return { id: req.id, ok: true, phase: "forecast", forecast: forecastPanel(c), ms: performance.now() - t0 };
  } catch (err) {
    return failure(req.id, err);
  }
}

/**
 * The request's stability panel (see src/explorer/panels.ts), on the analysis kept in `memo` (made
 * again if need be).
 *
 * @example
 * ```ts
 * import { computeStability } from "./compute.js";
 * const control = { book: "bill", pen: "jack" };
 * const s = computeStability({ id: 1, base: nash1950, edits: [], proposal: {}, plot: "utility-space", control });
 * s.ok && s.phase === "stability" && s.stability.derived?.equilibria.nash; // ["YY"]
 * ```
 */
export function computeStability(req: ComputeRequest, memo: ComputeMemo = {}): ComputeResult {
  const t0 = performance.now();
  try {
    const { c, analysis } = analysed(req, memo);
    const stability = stabilityPanel(req.base.id, c, analysis.solutions.nash?.bundle ?? null, req.control ?? {});
    return { id: req.id, ok: true, phase: "stability", stability, ms: performance.now() - t0 };
  } catch (err) {
    return failure(req.id, err);
  }
}
