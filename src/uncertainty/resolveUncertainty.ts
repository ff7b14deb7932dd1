import {
  expandParameters,
  formatParameter,
  getParameter,
  parameterDomain,
  type ParameterRef,
} from "../edits/parameter.js";
import { ScenarioError } from "../model/errors.js";
import { jsonPath } from "../model/jsonPath.js";
import type { Scenario } from "../model/types.js";
import { CONFIDENCE_SPREAD, type Distribution, type DistributionSpec, type UncertaintySpec } from "./types.js";

/**
 * One uncertain number of a scenario, resolved: its path, its value in the scenario, its
 * distribution and the range draws are clamped to.
 *
 * @example
 * ```ts
 * const u: UncertainParameter = resolveUncertainty(s, spec)[0]!;
 * u.parameter; u.base; u.distribution;
 * ```
 */
export interface UncertainParameter {
  readonly parameter: string;
  readonly ref: ParameterRef;
  readonly base: number;
  readonly distribution: Distribution;
  readonly domain: { readonly min: number; readonly max: number };
}

function resolveOne(spec: DistributionSpec, base: number, at: string): Distribution {
  if ("confidence" in spec || "spread" in spec) {
    const s = "confidence" in spec ? CONFIDENCE_SPREAD[spec.confidence] : spec.spread;
    return { kind: "uniform", min: base - Math.abs(base) * s, max: base + Math.abs(base) * s };
  }
  if (spec.dist === "normal") return { kind: "normal", mean: spec.mean ?? base, sd: spec.sd };
  if (spec.min > spec.max) throw new ScenarioError(`${at}.min`, `${spec.min} is above max ${spec.max}`, "min <= max");
  if (spec.dist === "uniform") return { kind: "uniform", min: spec.min, max: spec.max };
  const mode = spec.mode ?? base;
  if (mode < spec.min || mode > spec.max)
    throw new ScenarioError(
      `${at}${spec.mode === undefined ? "" : ".mode"}`,
      `mode ${mode}${spec.mode === undefined ? " (the scenario's value)" : ""} is outside [${spec.min}, ${spec.max}]`,
      "min <= mode <= max",
    );
  return { kind: "triangular", min: spec.min, mode, max: spec.max };
}

/**
 * Resolves an uncertainty declaration against a scenario: every pattern is expanded to concrete
 * parameters (unknown ids throw a {@link ScenarioError} at `$.uncertainty[...]`), the most specific
 * entry wins for each number (fewest `*`; equal: the later entry), and the result lists the
 * uncertain numbers in scenario order (parties, then reservation, power, capability, weights by issue, values).
 *
 * @example
 * ```ts
 * resolveUncertainty(nash1950, { "parties.*.reservation": { spread: 0.1 } }).map((u) => u.parameter);
 * // ["parties.bill.reservation", "parties.jack.reservation"]
 * ```
 */
export function resolveUncertainty(scenario: Scenario, spec: UncertaintySpec): UncertainParameter[] {
  const chosen = new Map<string, { ref: ParameterRef; spec: DistributionSpec; wild: number; at: string }>();
  for (const [pattern, dist] of Object.entries(spec)) {
    const at = jsonPath(["uncertainty", pattern]);
    const wild = pattern.split("*").length - 1;
    for (const ref of expandParameters(scenario, pattern, at)) {
      const key = formatParameter(ref);
      const prev = chosen.get(key);
      if (!prev || wild <= prev.wild) chosen.set(key, { ref, spec: dist, wild, at });
    }
  }
  const order = (r: ParameterRef): number[] => {
    const p = scenario.parties.findIndex((x) => x.id === r.party);
    const kind = { reservation: 0, power: 1, capability: 2, weight: 3, value: 4 }[r.kind];
    const i = r.kind === "weight" || r.kind === "value" ? scenario.issues.findIndex((x) => x.id === r.issue) : -1;
    return [p, kind, i];
  };
  const list = [...chosen.values()].sort((a, b) => {
    const x = order(a.ref);
    const y = order(b.ref);
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! - y[k]!;
    const ka = formatParameter(a.ref);
    const kb = formatParameter(b.ref);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return list.map(({ ref, spec: d, at }) => {
    const base = getParameter(scenario, ref, at);
    return {
      parameter: formatParameter(ref),
      ref,
      base,
      distribution: resolveOne(d, base, at),
      domain: parameterDomain(ref),
    };
  });
}
