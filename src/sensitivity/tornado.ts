import { validateScenario } from "../model/validate.js";
import {
  expandParameterList,
  formatParameter,
  getParameter,
  parameterDomain,
  parameterEdit,
} from "../edits/parameter.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { roundUtility } from "../utility/utilities.js";
import type { SolutionName } from "../solutions/solutionConcepts.js";
import { type WhatIfOptions, type WhatIfOutcome, whatIfOutcome } from "./whatIfOutcome.js";

/**
 * What a tornado ranks parameters by: the ZOPA size, or one party's utility at the chosen
 * solution (its reservation when the ZOPA is empty: no deal).
 *
 * @example
 * ```ts
 * const m: TornadoMetric = { party: "ukraine" };
 * ```
 */
export type TornadoMetric = "zopaSize" | { readonly party: string };

/**
 * Options of {@link tornado}.
 *
 * @example
 * ```ts
 * tornado(s, { metric: { party: "russia" }, reservationSwing: 0.05, weightSwing: 0.25 });
 * ```
 */
export interface TornadoOptions extends WhatIfOptions {
  readonly metric?: TornadoMetric;
  readonly solution?: SolutionName;
  /** Parameter paths or patterns; default every weight and reservation. */
  readonly parameters?: readonly string[];
  /** Absolute swing of a reservation, or a power's (default 0.05). */
  readonly reservationSwing?: number;
  /** Relative swing of a weight or a value (default 0.25: from 0.75x to 1.25x). */
  readonly weightSwing?: number;
}

/**
 * One bar of a tornado chart: the metric at the low and high value of a parameter, and the
 * effect |high - low|.
 *
 * @example
 * ```ts
 * bar.parameter; bar.low.metric; bar.high.metric; bar.effect;
 * ```
 */
export interface TornadoBar {
  readonly parameter: string;
  readonly base: number;
  readonly low: { readonly value: number; readonly metric: number };
  readonly high: { readonly value: number; readonly metric: number };
  readonly effect: number;
}

/**
 * Tornado data: the metric at the base scenario and one bar per parameter, sorted by effect
 * (largest first; ties by parameter path).
 *
 * @example
 * ```ts
 * const t: TornadoResult = tornado(s);
 * t.bars[0]?.parameter; // the most influential parameter
 * ```
 */
export interface TornadoResult {
  readonly metric: TornadoMetric;
  readonly solutionName: SolutionName;
  readonly baseMetric: number;
  readonly bars: readonly TornadoBar[];
}

function metricOf(o: WhatIfOutcome, metric: TornadoMetric, reservation: number): number {
  if (metric === "zopaSize") return o.zopaSize;
  return o.solution ? o.solution.utilities[metric.party]! : reservation;
}

/**
 * Swings each parameter to a low and a high value (a reservation by +/- `reservationSwing`
 * within [0, 1], a weight or value by +/- `weightSwing` of itself) and ranks the parameters by how
 * much the metric moves: tornado-chart data.
 *
 * @example
 * ```ts
 * import { nash1950, tornado } from "treatylab";
 * tornado(nash1950, { metric: { party: "bill" } }).bars.slice(0, 3);
 * ```
 */
export function tornado(scenario: Scenario, options: TornadoOptions = {}): TornadoResult {
  const s = validateScenario(scenario);
  const metric = options.metric ?? "zopaSize";
  const solution = options.solution ?? "nash";
  if (metric !== "zopaSize" && !s.parties.some((p) => p.id === metric.party))
    throw new TreatylabError(
      `tornado metric: unknown party "${metric.party}"; expected one of ${s.parties.map((p) => `"${p.id}"`).join(", ")}`,
    );
  const rs = options.reservationSwing ?? 0.05;
  const ws = options.weightSwing ?? 0.25;
  const refs = expandParameterList(s, options.parameters);
  const reservationOf = (sc: Scenario, party: string): number =>
    sc.parties.find((p) => p.id === party)?.reservation ?? 0;
  const partyId = metric === "zopaSize" ? "" : metric.party;
  const base = whatIfOutcome(s, [], solution, options);
  const bars = refs.map((ref): TornadoBar => {
    const b = getParameter(s, ref);
    const dom = parameterDomain(ref);
    const absolute = ref.kind === "reservation" || ref.kind === "power";
    const clamp = (v: number): number => Math.min(dom.max, Math.max(dom.min, v));
    const lowV = clamp(absolute ? b - rs : b * (1 - ws));
    const highV = clamp(absolute ? b + rs : b * (1 + ws));
    const eval1 = (v: number): number => {
      const r = ref.kind === "reservation" && ref.party === partyId ? v : reservationOf(s, partyId);
      return metricOf(whatIfOutcome(s, [parameterEdit(ref, v)], solution, options), metric, r);
    };
    const low = { value: lowV, metric: eval1(lowV) };
    const high = { value: highV, metric: eval1(highV) };
    return {
      parameter: formatParameter(ref),
      base: b,
      low,
      high,
      effect: roundUtility(Math.abs(high.metric - low.metric)),
    };
  });
  bars.sort((a, b) => b.effect - a.effect || (a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0));
  return deepFreeze({
    metric,
    solutionName: solution,
    baseMetric: metricOf(base, metric, reservationOf(s, partyId)),
    bars,
  });
}
