import type { Bundle, Scenario } from "../model/types.js";
import {
  expandParameterList,
  formatParameter,
  getParameter,
  parameterEdit,
  type ParameterRef,
} from "../edits/parameter.js";
import { TreatylabError } from "../model/errors.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { validateScenario } from "../model/validate.js";
import type { SolutionName } from "../solutions/solutionConcepts.js";
import { type WhatIfOptions, type WhatIfOutcome, whatIfOutcome } from "./whatIfOutcome.js";

/**
 * Options of {@link breakEven}.
 *
 * @example
 * ```ts
 * breakEven(s, { solution: "nash", parameters: ["parties.*.reservation"], steps: 64 });
 * ```
 */
export interface BreakEvenOptions extends WhatIfOptions {
  /** The solution whose bundle is watched (default "nash"). */
  readonly solution?: SolutionName;
  /** Parameter paths or patterns (reservations and weights only); default every weight and reservation. */
  readonly parameters?: readonly string[];
  /** Scan points per direction before bisection (default 64). */
  readonly steps?: number;
  /** Width at which bisection stops, in the scan coordinate (default 1e-7). */
  readonly precision?: number;
}

/**
 * The smallest change found in one direction that changes the answer: the new value `to`, the
 * change `delta = to - base`, and the answer there (for a weight, also its normalised share).
 *
 * @example
 * ```ts
 * change.delta; // -0.0412
 * change.solution; // the new solution's bundle, or null when the ZOPA became empty
 * ```
 */
export interface BreakEvenChange {
  readonly to: number;
  readonly delta: number;
  /** The farthest value checked that keeps the answer: the change lies in (keptUpTo, to], within `precision`. */
  readonly keptUpTo: number;
  readonly share?: { readonly from: number; readonly to: number };
  readonly zopaSize: number;
  /** Present when `zopaSize` is an estimate (see {@link WhatIfOutcome}). */
  readonly zopaSizeStandardError?: number;
  readonly solution: Bundle | null;
}

/**
 * Break-even changes of one parameter, up and down (null: no change of the answer in the
 * parameter's whole range), for the chosen solution and for ZOPA emptiness.
 *
 * @example
 * ```ts
 * entry.solution.down?.delta; entry.zopa.up?.to;
 * ```
 */
export interface BreakEvenEntry {
  readonly parameter: string;
  readonly kind: "reservation" | "weight";
  readonly base: number;
  readonly solution: { readonly up: BreakEvenChange | null; readonly down: BreakEvenChange | null };
  readonly zopa: { readonly up: BreakEvenChange | null; readonly down: BreakEvenChange | null };
  /** Smallest |delta| over the four changes (null when none), in the parameter's unit. */
  readonly nearest: number | null;
}

/**
 * The result of {@link breakEven}: the base answer and one entry per parameter.
 *
 * @example
 * ```ts
 * const r: BreakEvenResult = breakEven(s);
 * r.base.solution; r.entries[0]?.solution.up;
 * ```
 */
export interface BreakEvenResult {
  readonly solutionName: SolutionName;
  readonly base: {
    readonly zopaSize: number;
    readonly zopaSizeStandardError?: number;
    readonly solution: Bundle | null;
  };
  readonly entries: readonly BreakEvenEntry[];
}

/**
 * Largest share of a party's weight a break-even search moves a weight to.
 * @example
 * ```ts
 * MAX_WEIGHT_SHARE; // 0.999
 * ```
 */
export const MAX_WEIGHT_SHARE = 0.999;

/**
 * The parameters a break-even analysis covers: the given paths or patterns expanded (default
 * every weight and reservation), without repeats, in the order given. Only reservations and
 * weights are accepted.
 *
 * @example
 * ```ts
 * breakEvenParameters(nash1950, ["parties.*.reservation"]).map(formatParameter);
 * // ["parties.bill.reservation", "parties.jack.reservation"]
 * ```
 */
export function breakEvenParameters(s: Scenario, patterns?: readonly string[]): ParameterRef[] {
  return expandParameterList(s, patterns, (ref, pat) => {
    if (ref.kind !== "reservation" && ref.kind !== "weight")
      throw new TreatylabError(`${pat}: break-even covers reservations and weights, not ${ref.kind}s`);
  });
}

interface Axis {
  readonly x0: number;
  readonly lo: number;
  readonly hi: number;
  /** Parameter value at scan coordinate x. */
  readonly value: (x: number) => number;
  readonly share?: (x: number) => number;
}

function axisOf(s: Scenario, ref: ParameterRef, base: number): Axis | null {
  if (ref.kind === "reservation") return { x0: base, lo: 0, hi: 1, value: (x) => x };
  const party = s.parties.find((p) => p.id === ref.party)!;
  let rest = 0;
  for (const i of s.issues) if (i.id !== (ref as { issue: string }).issue) rest += party.weights[i.id] ?? 0;
  if (rest <= 0) return null; // the only weighted issue: its share is 1 whatever its weight
  // Scan on the normalised share t = w / (w + rest), which moves utilities linearly.
  const value = (t: number): number => (t === 0 ? 0 : (t * rest) / (1 - t));
  const x0 = base / (base + rest);
  // A weight of 0 without values for the issue cannot rise (the values are missing).
  const hi = party.values[(ref as { issue: string }).issue] === undefined ? x0 : Math.max(x0, MAX_WEIGHT_SHARE);
  return { x0, lo: 0, hi, value, share: (t) => value(t) / (value(t) + rest) };
}

/**
 * Finds, for each weight and reservation, the smallest change up and down that changes the
 * chosen solution's bundle, and the smallest that empties (or opens) the ZOPA.
 *
 * Method: from the base value, `steps` evenly spaced points are scanned towards each end of the
 * range (a reservation over [0, 1]; a weight over its normalised share t = w / (w + rest) in
 * [0, 0.999], on which every utility moves linearly); between the last point with the base answer
 * and the first with another, bisection narrows the change to `precision`. The reported `to` is a
 * value where the answer differs (it was evaluated there) and `keptUpTo` the farthest value found
 * that keeps it; every scanned value closer to the base kept the base answer. For a reservation this is exact (the answer changes at most once in each
 * direction); for a weight a change and change back within one scan step can be missed.
 *
 * @example
 * ```ts
 * import { breakEven, nash1950 } from "treatylab";
 * const r = breakEven(nash1950, { parameters: ["parties.*.reservation"] });
 * r.entries[0]?.zopa.up?.to; // Bill's reservation at which the ZOPA becomes empty
 * ```
 */
export function breakEven(scenario: Scenario, options: BreakEvenOptions = {}): BreakEvenResult {
  const s = validateScenario(scenario);
  const solution = options.solution ?? "nash";
  const steps = options.steps ?? 64;
  const precision = options.precision ?? 1e-7;
  if (!Number.isInteger(steps) || steps < 1)
    throw new TreatylabError(`break-even steps ${steps} is not a positive integer`);
  const refs = breakEvenParameters(s, options.parameters);
  const base = whatIfOutcome(s, [], solution, options);
  const entries = refs.map((ref): BreakEvenEntry => {
    const b = getParameter(s, ref);
    const axis = axisOf(s, ref, b);
    const cache = new Map<number, WhatIfOutcome>();
    const at = (x: number): WhatIfOutcome => {
      let o = cache.get(x);
      if (o === undefined) {
        o = whatIfOutcome(s, [parameterEdit(ref, axis!.value(x))], solution, options);
        cache.set(x, o);
      }
      return o;
    };
    const search = (end: number, differs: (o: WhatIfOutcome) => boolean): BreakEvenChange | null => {
      if (axis === null || end === axis.x0) return null;
      let prev = axis.x0;
      for (let k = 1; k <= steps; k++) {
        const x = k === steps ? end : axis.x0 + ((end - axis.x0) * k) / steps;
        if (!differs(at(x))) {
          prev = x;
          continue;
        }
        let same = prev;
        let diff = x;
        while (Math.abs(diff - same) > precision) {
          const mid = (same + diff) / 2;
          if (mid === same || mid === diff) break;
          if (differs(at(mid))) diff = mid;
          else same = mid;
        }
        const o = at(diff);
        const to = axis.value(diff);
        return {
          to,
          delta: to - b,
          keptUpTo: axis.value(same),
          ...(axis.share ? { share: { from: axis.share(axis.x0), to: axis.share(diff) } } : {}),
          zopaSize: o.zopaSize,
          ...(o.zopaSizeStandardError !== undefined ? { zopaSizeStandardError: o.zopaSizeStandardError } : {}),
          solution: o.solution?.bundle ?? null,
        };
      }
      return null;
    };
    const solutionDiffers = (o: WhatIfOutcome): boolean => o.key !== base.key;
    const zopaDiffers = (o: WhatIfOutcome): boolean => o.zopaEmpty !== base.zopaEmpty;
    const result = {
      solution: { up: search(axis?.hi ?? 0, solutionDiffers), down: search(axis?.lo ?? 0, solutionDiffers) },
      zopa: { up: search(axis?.hi ?? 0, zopaDiffers), down: search(axis?.lo ?? 0, zopaDiffers) },
    };
    const deltas = [result.solution.up, result.solution.down, result.zopa.up, result.zopa.down]
      .filter((c) => c !== null)
      .map((c) => Math.abs(c.delta));
    return {
      parameter: formatParameter(ref),
      kind: ref.kind as "reservation" | "weight",
      base: b,
      ...result,
      nearest: deltas.length ? Math.min(...deltas) : null,
    };
  });
  const baseSize = {
    zopaSize: base.zopaSize,
    ...(base.zopaSizeStandardError !== undefined ? { zopaSizeStandardError: base.zopaSizeStandardError } : {}),
  };
  return deepFreeze({
    solutionName: solution,
    base: { ...baseSize, solution: base.solution?.bundle ?? null },
    entries,
  });
}
