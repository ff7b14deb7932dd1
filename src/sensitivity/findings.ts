import { type AnalyzeOptions, analyze } from "../analysis/analyze.js";
import { validateScenario } from "../model/validate.js";
import type { Analysis } from "../analysis/types.js";
import { formatParameter } from "../edits/parameter.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { issueLabel, optionLabel, partyLabel } from "../model/labels.js";
import type { Confidence, Note, Party, Scenario } from "../model/types.js";
import { whatIfOutcome, type WhatIfOptions } from "./whatIfOutcome.js";

/**
 * One assumption the result hangs on: the zone of agreement exists only while `parameter` stays
 * on the right side of `threshold`. `margin` is how far it may move before that, on the [0, 1]
 * utility scale (a reservation's own units; for an option value, the part of the party's value
 * scale), the measure findings are ranked by.
 *
 * @example
 * ```ts
 * const f: Finding | undefined = findings(nash1950).findings[0];
 * f?.text; // "The zone of agreement exists only while Jack's reservation stays at or below 0.875 (now 0.375); confidence high."
 * ```
 */
export interface Finding {
  readonly parameter: string;
  readonly party: string;
  readonly kind: "reservation" | "value";
  readonly base: number;
  readonly threshold: number;
  /** The zone exists while the parameter stays at most ("atMost") or at least ("atLeast") the threshold. */
  readonly holdsWhile: "atMost" | "atLeast";
  readonly margin: number;
  /** For a value: the issue and option every bundle of the zone has, and the top of the party's scale on the issue. */
  readonly issue?: string;
  readonly option?: string;
  readonly scale?: number;
  /** The confidence the scenario's notes give the number, when they do. */
  readonly confidence?: Confidence;
  readonly text: string;
}

/**
 * What {@link findings} returns: the findings (fewest first by margin), the options every bundle
 * of the zone has, and the parties it could not reason about exactly (those with constituencies,
 * whose acceptance is a ratification: use `breakEven` for them).
 *
 * @example
 * ```ts
 * const r: FindingsResult = findings(nash1950);
 * r.findings.length; // 2
 * r.pivotalOptions; // []
 * ```
 */
export interface FindingsResult {
  readonly findings: readonly Finding[];
  /** Options every bundle of the zone has (ruling one out empties the zone), with a sentence each. */
  readonly pivotalOptions: readonly { readonly issue: string; readonly option: string; readonly text: string }[];
  readonly skipped: readonly { readonly party: string; readonly reason: string }[];
  /** Exact analyses run beyond the base one (one per candidate pivotal option). */
  readonly probes: number;
}

/**
 * Options of {@link findings}.
 *
 * @example
 * ```ts
 * const o: FindingsOptions = { max: 1 };
 * findings(nash1950, o).findings.length; // 1
 * ```
 */
export interface FindingsOptions extends WhatIfOptions {
  /** Most findings listed (default 3). */
  readonly max?: number;
  /** The base analysis, when already computed with the same options (saves one analysis). */
  readonly analysis?: Analysis;
}

function confidenceOf(note: Note | undefined): Confidence | undefined {
  return note !== undefined && typeof note === "object" ? note.confidence : undefined;
}

const num = (x: number): string => String(Number(x.toPrecision(3)));

/**
 * The few assumptions the zone of agreement hangs on, exactly and cheaply, from the base analysis
 * and one probe per candidate:
 *
 * - **Reservations.** Raising party p's reservation r only removes bundles, so the zone exists
 *   exactly while r <= the best utility p gets inside it (`Analysis.parties[].ideal`); the margin
 *   is that best minus r (the up-direction ZOPA break-even of `breakEven`, with no search).
 * - **Pivotal options.** An option that every bundle of the Pareto frontier of the zone has is a
 *   candidate; one exact analysis without it (`whatIfOutcome` with a red line against it) says whether
 *   the zone needs it. If it does, every bundle of the zone has it, and lowering party p's value
 *   v of it (not p's top option on the issue, so the scale stays put; any option on the absolute
 *   scale) lowers p's utility of every bundle of the zone by w (v - v') / M (w p's normalised
 *   weight of the issue, M its largest value there, 1 on the absolute scale): the zone exists
 *   exactly while v' >= v - M (best - r) / w.
 *
 * Parties with constituencies are skipped (their acceptance is a ratification; `breakEven` covers
 * them by search). Findings are ranked by margin, ties by parameter path; deterministic.
 *
 * @example
 * ```ts
 * import { findings, nash1950 } from "treatylab";
 * findings(nash1950).findings[0]?.text;
 * // "The zone of agreement exists only while Bill's reservation stays at or below 0.882 (now 0.353)."
 * ```
 */
export function findings(scenario: Scenario, options: FindingsOptions = {}): FindingsResult {
  const s = validateScenario(scenario);
  const { analysis: given, max = 3, ...whatIf } = options;
  const a = given ?? analyze(s, whatIf as AnalyzeOptions);
  const skipped: { party: string; reason: string }[] = [];
  const all: Finding[] = [];
  const pivotal: { issue: string; option: string; text: string }[] = [];
  let probes = 0;
  if (a.frontier.length === 0) return deepFreeze({ findings: [], pivotalOptions: [], skipped, probes });
  const exact = (p: Party): boolean => {
    if (p.constituencies && p.constituencies.length > 0) {
      skipped.push({ party: p.id, reason: "its acceptance is a ratification by constituencies (use breakEven)" });
      return false;
    }
    return true;
  };
  const parties = s.parties.filter(exact);
  const best = new Map(a.parties.map((p) => [p.id, p.ideal ?? 0]));
  for (const p of parties) {
    const b = best.get(p.id)!;
    if (b >= 1) continue; // no reservation in [0, 1] empties the zone
    all.push({
      parameter: formatParameter({ kind: "reservation", party: p.id }),
      party: p.id,
      kind: "reservation",
      base: p.reservation,
      threshold: b,
      holdsWhile: "atMost",
      margin: b - p.reservation,
      ...(confidenceOf(p.notes?.reservation) ? { confidence: confidenceOf(p.notes?.reservation) } : {}),
      text: `The zone of agreement exists only while ${partyLabel(s, p.id)}'s reservation stays at or below ${num(b)} (now ${num(p.reservation)}).`,
    });
  }
  for (const issue of s.issues) {
    if (issue.type === "numeric") continue;
    const first = a.frontier[0]!.bundle[issue.id];
    if (first === undefined || !a.frontier.every((pt) => pt.bundle[issue.id] === first)) continue;
    if (issue.options.length < 2) continue;
    probes++;
    let needed: boolean;
    try {
      // A red line against the option (for the first party) takes it out of the zone and keeps the agenda and constraints.
      const redLine = {
        op: "addRedLine",
        party: s.parties[0]!.id,
        redLine: { issue: issue.id, reject: [first] },
      } as const;
      needed = whatIfOutcome(s, [redLine], "nash", whatIf).zopaEmpty;
    } catch {
      continue;
    }
    if (!needed) continue;
    pivotal.push({
      issue: issue.id,
      option: first,
      text: `Every bundle in the zone of agreement has ${optionLabel(s, issue.id, first)} on ${issueLabel(s, issue.id)}: ruling it out empties the zone.`,
    });
    for (const p of parties) {
      const vals = p.values[issue.id] as Readonly<Record<string, number>> | undefined;
      const sumW = s.issues.reduce((t, i) => t + (p.weights[i.id] ?? 0), 0);
      const w = (p.weights[issue.id] ?? 0) / sumW;
      if (!vals || w <= 0) continue;
      const v = vals[first] ?? 0;
      const absolute = p.valueScale === "absolute";
      const top = Math.max(...Object.values(vals));
      if (!absolute && v >= top) continue; // its top option: lowering it only rescales the others up
      const M = absolute ? 1 : top;
      const slack = best.get(p.id)! - p.reservation;
      const threshold = v - (M * slack) / w;
      if (threshold <= 0) continue; // even valuing it at 0 keeps the zone
      all.push({
        parameter: formatParameter({ kind: "value", party: p.id, issue: issue.id, option: first }),
        party: p.id,
        kind: "value",
        base: v,
        threshold,
        holdsWhile: "atLeast",
        margin: slack / w,
        issue: issue.id,
        option: first,
        scale: M,
        ...(confidenceOf(p.notes?.[`values.${issue.id}`])
          ? { confidence: confidenceOf(p.notes?.[`values.${issue.id}`]) }
          : {}),
        text: `The zone of agreement exists only while ${partyLabel(s, p.id)} values ${optionLabel(s, issue.id, first)} on ${issueLabel(s, issue.id)} at ${num(threshold)} of ${num(M)} or more (now ${num(v)}; every bundle in the zone has it).`,
      });
    }
  }
  all.sort((x, y) => x.margin - y.margin || (x.parameter < y.parameter ? -1 : x.parameter > y.parameter ? 1 : 0));
  const list = all
    .slice(0, max)
    .map((f) => (f.confidence ? { ...f, text: `${f.text.slice(0, -1)}; confidence ${f.confidence}.` } : f));
  return deepFreeze({ findings: list, pivotalOptions: pivotal, skipped, probes });
}
