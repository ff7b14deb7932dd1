import { analyze, type AnalyzeOptions } from "../analysis/analyze.js";
import { checkOptionsObject } from "../model/optionChecks.js";
import type { SettlementPoint } from "../analysis/types.js";
import { applyEdits } from "../edits/applyEdits.js";
import { formatParameter, getParameter, parameterEdit, parseParameter, type ParameterRef } from "../edits/parameter.js";
import { ScenarioError, TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { SOLUTION_NAMES, type SolutionName } from "../solutions/solutionConcepts.js";

/**
 * One axis of a sweep: a parameter path (see `parseParameter`) and its values, either listed or
 * as a grid of `steps` evenly spaced points from `from` to `to` (both included).
 *
 * @example
 * ```ts
 * const a: SweepAxis = { parameter: "parties.russia.reservation", from: 0.3, to: 0.6, steps: 7 };
 * const b: SweepAxis = { parameter: "parties.ukraine.weights.nato", values: [1, 2, 4] };
 * ```
 */
export interface SweepAxis {
  readonly parameter: string;
  readonly values?: readonly number[];
  readonly from?: number;
  readonly to?: number;
  readonly steps?: number;
}

/**
 * A sweep over one or two parameters (the full grid of their values, first axis outermost).
 *
 * @example
 * ```ts
 * const spec: SweepSpec = { axes: [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.5, steps: 4 }] };
 * ```
 */
export interface SweepSpec extends AnalyzeOptions {
  readonly axes: readonly SweepAxis[];
  /** Solutions reported per row (default all four). */
  readonly solutions?: readonly SolutionName[];
}

/**
 * A sweep resolved against a scenario: each axis's parameter and values, the row count.
 *
 * @example
 * ```ts
 * const spec = { axes: [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.6, steps: 5 }] };
 * const plan: SweepPlan = planSweep(nash1950, spec);
 * plan.rows; // 5
 * ```
 */
export interface SweepPlan {
  readonly axes: readonly {
    readonly parameter: string;
    readonly ref: ParameterRef;
    readonly base: number;
    readonly values: readonly number[];
  }[];
  readonly solutions: readonly SolutionName[];
  readonly rows: number;
  readonly maxOutcomes?: number;
}

/**
 * One tidy row of a sweep: the parameter values, the ZOPA size, and each solution's bundle and
 * utilities (null when the ZOPA is empty).
 *
 * @example
 * ```ts
 * const spec = { axes: [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.6, steps: 5 }] };
 * const row: SweepRow = sweep(nash1950, spec)[0]!;
 * row.values["parties.bill.reservation"]; // 0.2
 * row.zopaSize; // 362
 * ```
 */
export interface SweepRow {
  readonly index: number;
  readonly values: Readonly<Record<string, number>>;
  readonly zopaSize: number;
  readonly solutions: Readonly<Partial<Record<SolutionName, SettlementPoint | null>>>;
}

/**
 * Most rows a sweep may have.
 * @example
 * ```ts
 * const spec = { axes: [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.6, steps: 5 }] };
 * planSweep(nash1950, spec).rows <= MAX_SWEEP_ROWS; // true
 * ```
 */
export const MAX_SWEEP_ROWS = 1_000_000;

/**
 * The values of a sweep axis: its list, or its grid (`steps` >= 2 points; values rounded to 12
 * significant digits so that 0.1 steps print as 0.1, 0.2, ...).
 *
 * @example
 * ```ts
 * axisValues({ parameter: "x", from: 0, to: 1, steps: 5 }); // [0, 0.25, 0.5, 0.75, 1]
 * axisValues({ parameter: "x", from: 0, to: 1, steps: 1 }); // throws: one point cannot include both ends
 * ```
 */
export function axisValues(axis: SweepAxis, at = "axis"): number[] {
  if (axis.values !== undefined) {
    if (axis.values.length === 0) throw new ScenarioError(`${at}.values`, "is empty", "at least one value");
    axis.values.forEach((v, k) => {
      if (!Number.isFinite(v)) throw new ScenarioError(`${at}.values[${k}]`, `is ${v}`, "a finite number");
    });
    return [...axis.values];
  }
  const { from, to, steps } = axis;
  if (from === undefined || to === undefined || steps === undefined || !Number.isFinite(from) || !Number.isFinite(to))
    throw new ScenarioError(at, "has neither values nor a grid", "values: [...] or from, to and steps");
  if (!Number.isInteger(steps) || steps < 1)
    throw new ScenarioError(`${at}.steps`, `is ${steps}`, "a positive integer (number of grid points)");
  if (steps === 1) {
    // One grid point cannot hold both ends (found by a user: 0.3:0.5:1 swept 0.3 alone).
    if (from !== to)
      throw new ScenarioError(
        `${at}.steps`,
        `is 1, which cannot include both ends (${from} and ${to})`,
        "2 or more grid points (both ends are included), or from = to for one value",
      );
    return [from];
  }
  return Array.from({ length: steps }, (_, k) => Number((from + ((to - from) * k) / (steps - 1)).toPrecision(12)));
}

/**
 * Resolves a sweep specification against a scenario (checks parameters and values).
 *
 * @example
 * ```ts
 * planSweep(nash1950, { axes: [{ parameter: "parties.jack.reservation", values: [0.3, 0.4] }] }).rows; // 2
 * ```
 */
export function planSweep(scenario: Scenario, spec: SweepSpec): SweepPlan {
  if (spec.axes.length < 1 || spec.axes.length > 2)
    throw new TreatylabError(`a sweep has 1 or 2 parameters, not ${spec.axes.length}`);
  const axes = spec.axes.map((axis, k) => {
    const at = `axes[${k}]`;
    const ref = parseParameter(axis.parameter);
    const base = getParameter(scenario, ref, `${at}.parameter`);
    return { parameter: formatParameter(ref), ref, base, values: axisValues(axis, at) };
  });
  if (axes.length === 2 && axes[0]!.parameter === axes[1]!.parameter)
    throw new TreatylabError(`both sweep axes vary ${axes[0]!.parameter}`);
  const rows = axes.reduce((n, a) => n * a.values.length, 1);
  if (rows > MAX_SWEEP_ROWS)
    throw new TreatylabError(`the sweep has ${rows} rows, over the limit of ${MAX_SWEEP_ROWS}; use fewer steps`);
  const solutions = spec.solutions ?? SOLUTION_NAMES;
  for (const s of solutions)
    if (!SOLUTION_NAMES.includes(s))
      throw new TreatylabError(`unknown solution "${s}"; expected one of ${SOLUTION_NAMES.join(", ")}`);
  return { axes, solutions, rows, ...(spec.maxOutcomes !== undefined ? { maxOutcomes: spec.maxOutcomes } : {}) };
}

/**
 * Computes row `index` of a planned sweep (rows are independent, so any subset can run anywhere).
 *
 * @example
 * ```ts
 * const spec = { axes: [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.6, steps: 5 }] };
 * const plan = planSweep(nash1950, spec);
 * sweepRow(nash1950, plan, 0).zopaSize; // 362
 * ```
 */
export function sweepRow(scenario: Scenario, plan: SweepPlan, index: number): SweepRow {
  const values: Record<string, number> = {};
  let rest = index;
  const picks = [...plan.axes].reverse().map((a) => {
    const v = a.values[rest % a.values.length]!;
    rest = Math.floor(rest / a.values.length);
    return [a, v] as const;
  });
  picks.reverse();
  for (const [a, v] of picks) values[a.parameter] = v;
  let analysis;
  try {
    const s = applyEdits(
      scenario,
      picks.map(([a, v]) => parameterEdit(a.ref, v)),
    );
    analysis = analyze(s, plan.maxOutcomes !== undefined ? { maxOutcomes: plan.maxOutcomes } : {});
  } catch (err) {
    if (err instanceof TreatylabError)
      throw new TreatylabError(
        `sweep row ${index} (${Object.entries(values)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ")}): ${err.message}`,
      );
    throw err;
  }
  const solutions: Partial<Record<SolutionName, SettlementPoint | null>> = {};
  for (const n of plan.solutions) {
    const s = analysis.solutions[n];
    solutions[n] = s === null ? null : { bundle: s.bundle, utilities: s.utilities };
  }
  return { index, values, zopaSize: analysis.zopa.count, solutions };
}

/**
 * Runs a whole sweep in this thread and returns its tidy rows in order (for parallel or sharded
 * runs, see the CLI's `treatylab sweep`).
 *
 * @example
 * ```ts
 * import { nash1950, sweep } from "treatylab";
 * const rows = sweep(nash1950, { axes: [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.6, steps: 5 }] });
 * rows.map((r) => r.zopaSize);
 * ```
 */
export function sweep(scenario: Scenario, spec: SweepSpec): SweepRow[] {
  if (spec === undefined) throw new TreatylabError("sweep needs a spec: { axes: [{ parameter, from, to, steps }] }");
  checkOptionsObject(spec, "sweep", "spec");
  const plan = planSweep(scenario, spec);
  return Array.from({ length: plan.rows }, (_, i) => sweepRow(scenario, plan, i));
}
