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
 * @example
 * ```ts
 * import { HEADROOM_ID } from "treatylab/advanced";
 * const [bill, jack] = nash1950.parties;
 * const s = validateScenario({ ...nash1950, parties: [{ ...bill!, valueScale: "absolute" }, jack!] });
 * const t = applyEdits(s, [{ op: "setValue", party: "bill", issue: "pen", option: "bill", value: 0.5 }]);
 * exportGenius(t).domain.xml.includes(`name="${HEADROOM_ID}"`); // true: bill can never reach utility 1
 * scenarioToNeutral(t, "GENIUS").profiles[0]!.headroom; // 0.14705882352941177: half the pen's weight, 5 of 34
 * ```
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
  | {
      readonly id: string;
      readonly label: string;
      readonly kind: "discrete";
      readonly options: readonly { readonly id: string; readonly label: string }[];
    }
  | {
      readonly id: string;
      readonly label: string;
      readonly kind: "integer" | "real";
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly steps?: number;
    };

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
  /**
   * Id of the headroom issue a GENIUS export added (default {@link HEADROOM_ID}; another when a
   * scenario issue of its own has that id).
   */
  readonly headroomIssue?: string;
}

/**
 * Grid points of a numeric neutral issue.
 *
 * @example
 * ```ts
 * import { neutralGrid } from "./neutral.js";
 * neutralGrid({ id: "n", label: "n", kind: "integer", min: 1, max: 3, step: 1 }); // [1, 2, 3]
 * ```
 */
export function neutralGrid(issue: Extract<NeutralIssue, { kind: "integer" | "real" }>): number[] {
  return numericGrid({ id: issue.id, type: "numeric", range: { min: issue.min, max: issue.max, step: issue.step } });
}

const EPS = 1e-12;

/**
 * Builds a validated, frozen treatylab scenario from a neutral one. Each party's utility of every
 * bundle equals the absolute (GENIUS) utility: a party whose best score on some issue is below 1
 * gets `valueScale: "absolute"` (its evaluations are used as they are, not divided by the best).
 * The issue `n.headroomIssue` (default {@link HEADROOM_ID}), when every profile scores it 0, is
 * the marker of an export with absolute scores and is dropped.
 *
 * @example
 * ```ts
 * const neutral = scenarioToNeutral(nash1950, "GENIUS");
 * const scenario = neutralToScenario(neutral);
 * scenario.parties.map((p) => p.id); // ["bill", "jack"]
 * analyze(scenario).solutions.nash?.utilities; // { bill: 0.705882352941, jack: 0.6875 }: as for nash1950
 * ```
 */
export function neutralToScenario(n: NeutralScenario): Scenario {
  const issues = n.issues.filter(
    (i) =>
      !(
        i.id === (n.headroomIssue ?? HEADROOM_ID) &&
        n.profiles.every((p) => (p.evaluations[i.id] ?? []).every((v) => v === 0))
      ),
  );
  const outIssues: Issue[] = issues.map((i) =>
    i.kind === "discrete"
      ? {
          id: i.id,
          label: i.label,
          options: i.options.map((o) => (o.label === o.id ? { id: o.id } : { id: o.id, label: o.label })),
        }
      : { id: i.id, label: i.label, type: "numeric", range: { min: i.min, max: i.max, step: i.step } },
  );
  const parties: Party[] = n.profiles.map((p) => {
    const weights: Record<string, number> = {};
    const values: Record<string, IssueValues> = {};
    // GENIUS / GeniusWeb utility: sum_i w_i * e_i with absolute scores e_i. treatylab divides the
    // weights by their sum W over the kept issues, so the scores are multiplied by f = W / T (T: the
    // weights of all issues plus any headroom), which keeps every utility equal. Scores a hair
    // above 1 (a real evaluator overshooting by rounding) are scaled down with all the others.
    let total = p.headroom;
    for (const i of n.issues) total += p.weights[i.id] ?? 0;
    let kept = 0;
    let top = 0;
    for (const i of issues) {
      const ev = p.evaluations[i.id];
      if (ev === undefined) throw new TreatylabError(`profile "${p.label}": no evaluation for issue "${i.label}"`);
      if (ev.some((v) => !Number.isFinite(v) || v < 0 || v > 1 + 1e-6))
        throw new TreatylabError(`profile "${p.label}", issue "${i.label}": evaluations must be finite and in [0, 1]`);
      const w = p.weights[i.id] ?? 0;
      kept += w;
      if (w > 0) top = Math.max(top, ...ev, ...(p.shapes?.[i.id] ?? []).map(([, y]) => y));
    }
    const f = (total > 0 ? kept / total : 1) / Math.max(1, top);
    let absolute = f < 1 - EPS;
    for (const i of issues) {
      const ev = p.evaluations[i.id]!;
      const w = p.weights[i.id] ?? 0;
      weights[i.id] = w;
      if (!(w > 0)) continue;
      if (Math.max(0, ...ev) < 1 - EPS) absolute = true;
      if (i.kind === "discrete") values[i.id] = Object.fromEntries(i.options.map((o, k) => [o.id, ev[k]! * f]));
      else {
        const shape = p.shapes?.[i.id];
        values[i.id] = shape
          ? { points: shape.map(([x, y]) => [x, y * f] as const) }
          : Object.fromEntries(neutralGrid(i).map((x, k) => [numericId(x), ev[k]! * f]));
      }
    }
    const interactions: Interaction[] = [...(p.interactions ?? [])];
    const party: Party = {
      id: p.id,
      label: p.label,
      weights,
      values,
      ...(absolute ? { valueScale: "absolute" as const } : {}),
      reservation: p.reservation,
      ...(p.discount !== undefined && p.discount !== 1 ? { discount: p.discount } : {}),
      ...(interactions.length > 0 ? { interactions } : {}),
    };
    return party;
  });
  return validateScenario({ id: n.id, title: n.title, issues: outIssues, parties });
}

/**
 * What a target format cannot hold; the exporter names it in its refusal.
 * @example
 * ```ts
 * const target: ExportTarget = "GeniusWeb";
 * ```
 */
export type ExportTarget = "GENIUS" | "GeniusWeb";

/**
 * Turns a scenario into neutral absolute form for export, refusing (with the reason) what the
 * target format cannot hold: constraints, red lines, bargaining power, interaction terms (other
 * than the headroom's own), and for GeniusWeb a discount factor.
 *
 * @example
 * ```ts
 * const scenario = builtinScenario("nash-1950");
 * const n = scenarioToNeutral(scenario, "GENIUS");
 * ```
 */
export function scenarioToNeutral(s: Scenario, target: ExportTarget): NeutralScenario {
  const refuse = (path: string, what: string): never => {
    throw new ScenarioError(
      path,
      `${what}, which ${target} files cannot express`,
      `a scenario without it to export to ${target} (remove it, or keep the treatylab file)`,
    );
  };
  if ((s.constraints ?? []).length > 0) refuse("$.constraints", "has cross-issue constraints");
  const issues: NeutralIssue[] = s.issues.map((i) =>
    i.type === "numeric"
      ? {
          id: i.id,
          label: i.label ?? i.id,
          kind: Number.isInteger(i.range.min) && i.range.step === 1 ? "integer" : "real",
          min: i.range.min,
          max: i.range.max,
          step: i.range.step,
          steps: Math.round((i.range.max - i.range.min) / i.range.step),
        }
      : {
          id: i.id,
          label: i.label ?? i.id,
          kind: "discrete",
          options: i.options.map((o) => ({ id: o.id, label: o.label ?? o.id })),
        },
  );
  const profiles = s.parties.map((p, pi): NeutralProfile => {
    const at = `$.parties[${pi}]`;
    if ((p.redLines ?? []).length > 0) refuse(`${at}.redLines`, "has red lines");
    // A constituency that must ratify changes which bundles are agreements, as a red line does.
    if ((p.constituencies ?? []).length > 0) refuse(`${at}.constituencies`, "has constituencies that must ratify");
    if ((p.power ?? 1) !== 1) refuse(`${at}.power`, `has bargaining power ${p.power}`);
    if (target === "GeniusWeb" && (p.discount ?? 1) !== 1)
      refuse(`${at}.discount`, `has discount factor ${p.discount}`);
    let total = 0;
    for (const i of s.issues) total += p.weights[i.id] ?? 0;
    if ((p.interactions ?? []).length > 0)
      refuse(`${at}.interactions`, "has interaction terms (non-additive preferences)");
    const absolute = p.valueScale === "absolute";
    // Neutral form: evaluations scaled to a best of 1 per issue, the scale folded into the weight,
    // and what an absolute party can never reach (issues scored below 1) left as headroom.
    let h = 0;
    const weights: Record<string, number> = {};
    const evaluations: Record<string, number[]> = {};
    const shapes: Record<string, (readonly [number, number])[]> = {};
    for (const i of s.issues) {
      weights[i.id] = (p.weights[i.id] ?? 0) / total;
      const v = p.values[i.id];
      const grid = i.type === "numeric" ? numericGrid(i) : undefined;
      const ids = i.type === "numeric" ? grid!.map(numericId) : i.options.map((o) => o.id);
      const raw = ids.map((id, k) =>
        v === undefined
          ? 0
          : "points" in v && Array.isArray(v.points)
            ? piecewise(v.points as readonly (readonly [number, number])[], grid![k]!)
            : ((v as Readonly<Record<string, number>>)[id] ?? 0),
      );
      const max = Math.max(0, ...raw);
      if (absolute) {
        h += weights[i.id]! * (1 - max);
        weights[i.id] = weights[i.id]! * max;
      }
      evaluations[i.id] = raw.map((x) => (max > 0 ? x / max : 0));
      if (v !== undefined && "points" in v && Array.isArray(v.points) && max > 0)
        shapes[i.id] = (v.points as readonly (readonly [number, number])[]).map(([x, y]) => [x, y / max] as const);
    }
    return {
      id: p.id,
      label: p.label ?? p.id,
      weights,
      evaluations,
      shapes,
      reservation: p.reservation,
      ...(p.discount !== undefined ? { discount: p.discount } : {}),
      headroom: h > 1e-12 ? h : 0,
    };
  });
  return { id: s.id, title: s.title ?? s.id, issues, profiles };
}
