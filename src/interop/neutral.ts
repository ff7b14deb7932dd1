import { ScenarioError, TreatylabError } from "../model/errors.js";
import { numericGrid, numericId, piecewise } from "../model/numericGrid.js";
import type { Interaction, Issue, IssueValues, Party, Scenario } from "../model/types.js";
import { validateScenario } from "../model/validate.js";

/**
 * Id of the one-option issue that carries utility a party can never reach (see
 * docs/interop-genius.md, "Headroom"): GENIUS integer / real evaluators and GeniusWeb value
 * utilities are absolute, so an issue's best value may be below 1, while treatylab divides each
 * issue by its best value. The headroom issue (value 1, weight 1 - S) and an always-on interaction
 * of -(1 - S) keep every utility equal to the GENIUS one.
 */
export const HEADROOM_ID = "treatylab-headroom";

/**
 * An issue in a format-neutral form: discrete with labelled options, or numeric on a grid
 * (`integer` issues have step 1).
 *
 * @example
 * ```ts
 * const i: NeutralIssue = { id: "price", label: "Price", kind: "real", min: 10, max: 40, step: 3 };
 * ```
 */
export type NeutralIssue =
  | { readonly id: string; readonly label: string; readonly kind: "discrete"; readonly options: readonly { readonly id: string; readonly label: string }[] }
  | { readonly id: string; readonly label: string; readonly kind: "integer" | "real"; readonly min: number; readonly max: number; readonly step: number; readonly steps?: number };

/**
 * A profile in absolute terms, as GENIUS evaluates it: `weights` sum to 1 (over the real issues),
 * `evaluations[issue][k]` is the issue's utility in [0, 1] for option / grid point k, `shapes`
 * optionally gives the exact piecewise-linear form of a numeric issue, and `headroom` is the weight
 * of utility the party can never reach (0 usually).
 *
 * @example
 * ```ts
 * const p: NeutralProfile = { id: "buyer", label: "buyer", weights: { price: 1 }, evaluations: { price: [1, 0.5, 0] },
 *   reservation: 0, headroom: 0 };
 * ```
 */
export interface NeutralProfile {
  readonly id: string;
  readonly label: string;
  readonly weights: Readonly<Record<string, number>>;
  readonly evaluations: Readonly<Record<string, readonly number[]>>;
  readonly shapes?: Readonly<Record<string, readonly (readonly [number, number])[]>>;
  readonly reservation: number;
  readonly discount?: number;
  readonly headroom: number;
  /** Absolute bonuses (non-linear profiles); added to the utility. */
  readonly interactions?: readonly Interaction[];
}

/**
 * A scenario in format-neutral, absolute form: what the GENIUS and GeniusWeb readers produce and
 * the writers consume.
 *
 * @example
 * ```ts
 * const n: NeutralScenario = { id: "laptop", title: "Laptop", issues: [], profiles: [] };
 * ```
 */
export interface NeutralScenario {
  readonly id: string;
  readonly title: string;
  readonly issues: readonly NeutralIssue[];
  readonly profiles: readonly NeutralProfile[];
}

/**
 * Grid points of a numeric neutral issue.
 *
 * @example
 * ```ts
 * neutralGrid({ id: "n", label: "n", kind: "integer", min: 1, max: 3, step: 1 }); // [1, 2, 3]
 * ```
 */
export function neutralGrid(issue: Extract<NeutralIssue, { kind: "integer" | "real" }>): number[] {
  return numericGrid({ id: issue.id, type: "numeric", range: { min: issue.min, max: issue.max, step: issue.step } });
}

const EPS = 1e-12;

/**
 * Builds a validated, frozen treatylab scenario from a neutral one. Each party's utility of every
 * bundle equals the absolute (GENIUS) utility: an issue the party never scores above `m < 1` gets
 * weight `w * m`, and the lost `1 - S` (S = sum of w * m) goes to the {@link HEADROOM_ID} issue,
 * cancelled by an always-on interaction of `-(1 - S)`. Issues named {@link HEADROOM_ID} that every
 * profile scores 0 are the marker of an earlier export and are dropped.
 *
 * @example
 * ```ts
 * const scenario = neutralToScenario(importGeniusXml({ domain, profiles }));
 * ```
 */
export function neutralToScenario(n: NeutralScenario): Scenario {
  const issues = n.issues.filter(
    (i) => !(i.id === HEADROOM_ID && n.profiles.every((p) => (p.evaluations[i.id] ?? []).every((v) => v === 0))),
  );
  const sums = n.profiles.map((p) => {
    let s = 0;
    for (const i of issues) s += (p.weights[i.id] ?? 0) * Math.max(0, ...(p.evaluations[i.id] ?? [0]));
    return s;
  });
  const needHeadroom = sums.some((s) => s < 1 - EPS);
  const outIssues: Issue[] = issues.map((i) =>
    i.kind === "discrete"
      ? { id: i.id, label: i.label, options: i.options.map((o) => (o.label === o.id ? { id: o.id } : { id: o.id, label: o.label })) }
      : { id: i.id, label: i.label, type: "numeric", range: { min: i.min, max: i.max, step: i.step } },
  );
  if (needHeadroom)
    outIssues.push({
      id: HEADROOM_ID,
      label: "Unreachable utility (GENIUS / GeniusWeb scores below 1; not a negotiated issue)",
      options: [{ id: "none" }],
    });
  const parties: Party[] = n.profiles.map((p, pi) => {
    const weights: Record<string, number> = {};
    const values: Record<string, IssueValues> = {};
    for (const i of issues) {
      const ev = p.evaluations[i.id];
      if (ev === undefined) throw new TreatylabError(`profile "${p.label}": no evaluation for issue "${i.label}"`);
      if (ev.some((v) => !Number.isFinite(v) || v < 0))
        throw new TreatylabError(`profile "${p.label}", issue "${i.label}": evaluations must be finite and non-negative`);
      const m = Math.max(0, ...ev);
      const w = p.weights[i.id] ?? 0;
      weights[i.id] = m > 0 ? w * m : 0;
      if (!(m > 0) || !(w > 0)) continue;
      if (i.kind === "discrete") values[i.id] = Object.fromEntries(i.options.map((o, k) => [o.id, ev[k]!]));
      else {
        const shape = p.shapes?.[i.id];
        values[i.id] = shape ? { points: shape.map(([x, y]) => [x, y] as const) } : Object.fromEntries(neutralGrid(i).map((x, k) => [numericId(x), ev[k]!]));
      }
    }
    const interactions: Interaction[] = [...(p.interactions ?? [])];
    const lost = 1 - sums[pi]!;
    if (needHeadroom) {
      weights[HEADROOM_ID] = lost > EPS ? lost : 0;
      if (lost > EPS) {
        values[HEADROOM_ID] = { none: 1 };
        interactions.unshift({ when: { [HEADROOM_ID]: "none" }, value: -lost, reason: "cancels the headroom issue: the party's best score is below 1" });
      }
    }
    const party: Party = {
      id: p.id,
      label: p.label,
      weights,
      values,
      reservation: p.reservation,
      ...(p.discount !== undefined && p.discount !== 1 ? { discount: p.discount } : {}),
      ...(interactions.length > 0 ? { interactions } : {}),
    };
    return party;
  });
  return validateScenario({ id: n.id, title: n.title, issues: outIssues, parties });
}

/** What a target format cannot hold; the exporter names it in its refusal. */
export type ExportTarget = "GENIUS" | "GeniusWeb";

/**
 * Turns a scenario into neutral absolute form for export, refusing (with the reason) what the
 * target format cannot hold: constraints, red lines, bargaining power, interaction terms (other
 * than the headroom's own), and for GeniusWeb a discount factor.
 *
 * @example
 * ```ts
 * const n = scenarioToNeutral(scenario, "GENIUS");
 * ```
 */
export function scenarioToNeutral(s: Scenario, target: ExportTarget): NeutralScenario {
  const refuse = (path: string, what: string): never => {
    throw new ScenarioError(path, `${what}, which ${target} files cannot express`, `a scenario without it to export to ${target} (remove it, or keep the treatylab file)`);
  };
  if ((s.constraints ?? []).length > 0) refuse("$.constraints", "has cross-issue constraints");
  const headroom = s.issues.find((i) => i.id === HEADROOM_ID);
  if (headroom && (headroom.type === "numeric" || headroom.options.length !== 1)) refuse(`$.issues`, `has an issue "${HEADROOM_ID}" that is not the one-option headroom issue`);
  const issues: NeutralIssue[] = s.issues
    .filter((i) => i.id !== HEADROOM_ID)
    .map((i) =>
      i.type === "numeric"
        ? { id: i.id, label: i.label ?? i.id, kind: Number.isInteger(i.range.min) && i.range.step === 1 ? "integer" : "real", min: i.range.min, max: i.range.max, step: i.range.step, steps: Math.round((i.range.max - i.range.min) / i.range.step) }
        : { id: i.id, label: i.label ?? i.id, kind: "discrete", options: i.options.map((o) => ({ id: o.id, label: o.label ?? o.id })) },
    );
  const profiles = s.parties.map((p, pi): NeutralProfile => {
    const at = `$.parties[${pi}]`;
    if ((p.redLines ?? []).length > 0) refuse(`${at}.redLines`, "has red lines");
    if ((p.power ?? 1) !== 1) refuse(`${at}.power`, `has bargaining power ${p.power}`);
    if (target === "GeniusWeb" && (p.discount ?? 1) !== 1) refuse(`${at}.discount`, `has discount factor ${p.discount}`);
    let total = 0;
    for (const i of s.issues) total += p.weights[i.id] ?? 0;
    const h = headroom ? (p.weights[HEADROOM_ID] ?? 0) / total : 0;
    const inter = p.interactions ?? [];
    const headroomOnly =
      (h === 0 && inter.length === 0) ||
      (inter.length === 1 && Object.keys(inter[0]!.when).join() === HEADROOM_ID && Math.abs(inter[0]!.value + h) <= 1e-9);
    if (!headroomOnly) refuse(`${at}.interactions`, "has interaction terms (non-additive preferences)");
    const weights: Record<string, number> = {};
    const evaluations: Record<string, number[]> = {};
    const shapes: Record<string, (readonly [number, number])[]> = {};
    for (const i of s.issues) {
      if (i.id === HEADROOM_ID) continue;
      weights[i.id] = (p.weights[i.id] ?? 0) / total;
      const v = p.values[i.id];
      const grid = i.type === "numeric" ? numericGrid(i) : undefined;
      const ids = i.type === "numeric" ? grid!.map(numericId) : i.options.map((o) => o.id);
      const raw = ids.map((id, k) =>
        v === undefined ? 0 : "points" in v && Array.isArray(v.points) ? piecewise(v.points as readonly (readonly [number, number])[], grid![k]!) : ((v as Readonly<Record<string, number>>)[id] ?? 0),
      );
      const max = Math.max(0, ...raw);
      evaluations[i.id] = raw.map((x) => (max > 0 ? x / max : 0));
      if (v !== undefined && "points" in v && Array.isArray(v.points) && max > 0) shapes[i.id] = (v.points as readonly (readonly [number, number])[]).map(([x, y]) => [x, y / max] as const);
    }
    return {
      id: p.id,
      label: p.label ?? p.id,
      weights,
      evaluations,
      shapes,
      reservation: p.reservation,
      ...(p.discount !== undefined ? { discount: p.discount } : {}),
      headroom: h,
    };
  });
  return { id: s.id, title: s.title ?? s.id, issues, profiles };
}
