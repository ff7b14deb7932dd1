import { analyze, type AnalyzeOptions } from "../analysis/analyze.js";
import { prepare } from "../analysis/prepare.js";
import type { Analysis, Solution, Solutions } from "../analysis/types.js";
import { describePatches, diffScenarios } from "../edits/diffScenarios.js";
import { type CompiledScenario, isFeasible, toNamedBundle } from "../model/compile.js";
import { deepFreeze } from "../model/deepFreeze.js";
import type { Bundle, Scenario } from "../model/types.js";
import { walkBundles } from "../enumeration/walkBundles.js";
import { roundUtility } from "../utility/utilities.js";
import { accepts } from "../utility/verdict.js";
import { SOLUTION_NAMES, type SolutionName } from "../solutions/solutionConcepts.js";

/**
 * How one solution moved between two scenarios: both settlements, the clauses that changed and
 * each party's utility change (after minus before; a party missing on one side is left out).
 *
 * @example
 * ```ts
 * const after = applyEdits(nash1950, [{ op: "shiftReservation", party: "jack", by: 0.2 }]);
 * const shift: SolutionShift = compareScenarios(nash1950, after).solutions.nash;
 * shift.changes; // [{ issue: "knife", from: "bill", to: "jack" }]
 * ```
 */
export interface SolutionShift {
  readonly before: Solution | null;
  readonly after: Solution | null;
  readonly bundleChanged: boolean;
  readonly changes: readonly { readonly issue: string; readonly from: string | null; readonly to: string | null }[];
  readonly utilityDelta: Readonly<Record<string, number>>;
}

/**
 * Two scenarios' analyses side by side: what changed in the scenario (readable diff), which
 * bundles entered or left the ZOPA (counts and the first `examples` of each in declaration
 * order), and how each solution and each party's utility moved.
 *
 * @example
 * ```ts
 * const after = applyEdits(nash1950, [{ op: "shiftReservation", party: "jack", by: 0.2 }]);
 * const c: ScenarioComparison = compareScenarios(nash1950, after);
 * c.zopa.entered.count; // 0
 * c.solutions.nash.utilityDelta; // { bill: -0.176470588235, jack: 0.125 }
 * ```
 */
export interface ScenarioComparison {
  readonly before: { readonly id: string; readonly title: string };
  readonly after: { readonly id: string; readonly title: string };
  readonly diff: readonly string[];
  readonly zopa: {
    readonly before: number;
    readonly after: number;
    readonly entered: { readonly count: number; readonly examples: readonly Bundle[] };
    readonly left: { readonly count: number; readonly examples: readonly Bundle[] };
  };
  readonly solutions: Readonly<Record<SolutionName, SolutionShift>>;
  readonly parties: readonly {
    readonly id: string;
    readonly reservation: { readonly before: number | null; readonly after: number | null };
    readonly ideal: { readonly before: number | null; readonly after: number | null };
  }[];
  readonly analyses: { readonly before: Analysis; readonly after: Analysis };
}

/**
 * Maps an index bundle of `from` into `to`'s indices (issues and options matched by id);
 * returns false when `to` lacks one of its issues or options, or has an issue `from` lacks.
 */
function bundleMapper(from: CompiledScenario, to: CompiledScenario): (b: Int32Array, out: Int32Array) => boolean {
  const maps = to.issueIds.map((id) => {
    const i = from.issueIds.indexOf(id);
    if (i < 0) return null;
    return { i, opt: Int32Array.from(from.optionIds[i]!, (o) => to.optionIds[to.issueIds.indexOf(id)]!.indexOf(o)) };
  });
  const complete = maps.every((m) => m !== null) && from.issueIds.length === to.issueIds.length;
  return (b, out) => {
    if (!complete) return false;
    for (let k = 0; k < maps.length; k++) {
      const o = maps[k]!.opt[b[maps[k]!.i]!]!;
      if (o < 0) return false;
      out[k] = o;
    }
    return true;
  };
}

function inZopa(c: CompiledScenario, b: Int32Array): boolean {
  if (!isFeasible(c, b)) return false;
  for (let p = 0; p < c.partyIds.length; p++) if (!accepts(c, p, b)) return false;
  return true;
}

/** ZOPA bundles of `a` that are not in the ZOPA of `b`: count and first examples. */
function zopaMinus(a: CompiledScenario, b: CompiledScenario, examples: number): { count: number; examples: Bundle[] } {
  const map = bundleMapper(a, b);
  const tmp = new Int32Array(b.issueIds.length);
  let count = 0;
  const out: Bundle[] = [];
  walkBundles(a, { zopaOnly: true }, (bundle) => {
    if (map(bundle, tmp) && inZopa(b, tmp)) return;
    count++;
    if (out.length < examples) out.push(toNamedBundle(a, bundle));
  });
  return { count, examples: out };
}

function shift(before: Solution | null, after: Solution | null): SolutionShift {
  const issues = [...new Set([...Object.keys(before?.bundle ?? {}), ...Object.keys(after?.bundle ?? {})])];
  const changes = issues
    .map((issue) => ({ issue, from: before?.bundle[issue] ?? null, to: after?.bundle[issue] ?? null }))
    .filter((c) => c.from !== c.to);
  const utilityDelta: Record<string, number> = {};
  for (const [p, u] of Object.entries(after?.utilities ?? {})) {
    const old = before?.utilities[p];
    if (old !== undefined) utilityDelta[p] = roundUtility(u - old);
  }
  return {
    before,
    after,
    bundleChanged: (before === null) !== (after === null) || changes.length > 0,
    changes,
    utilityDelta,
  };
}

/**
 * Analyses two scenarios (typically one and an edited copy) and compares them side by side.
 * `onProgress`, if given, follows both analyses as one count (the frontier algorithm's candidate
 * sums or bundles of the first, then of the second).
 * ZOPA membership is compared bundle by bundle, matching issues and options by id; when the
 * issues differ, no bundle is common and every ZOPA bundle counts as entered or left.
 *
 * @example
 * ```ts
 * import { applyEdits, compareScenarios, nash1950 } from "treatylab";
 * const after = applyEdits(nash1950, [{ op: "setReservation", party: "bill", value: 0.5 }]);
 * const c = compareScenarios(nash1950, after);
 * c.zopa.left.count; // bundles Bill no longer accepts
 * ```
 */
export function compareScenarios(
  before: Scenario,
  after: Scenario,
  options: AnalyzeOptions & { readonly examples?: number } = {},
): ScenarioComparison {
  const ca = prepare(before);
  const cb = prepare(after);
  // One progress over both analyses: the second one's counts follow the first one's total, so
  // they only go up; done reaches total only at the very end.
  const report = options.onProgress;
  let first = 0;
  let second = 0;
  const aa = analyze(ca, {
    ...options,
    ...(report && { onProgress: (d: number, t: number) => ((first = t), report(d, t + 1)) }),
  });
  const ab = analyze(cb, {
    ...options,
    ...(report && { onProgress: (d: number, t: number) => ((second = t), report(first + d, first + t + 1)) }),
  });
  if (report && first + second > 0) report(first + second, first + second);
  const k = options.examples ?? 5;
  const partyIds = [...new Set([...ca.partyIds, ...cb.partyIds])];
  const sol = (s: Solutions, n: SolutionName): Solution | null => s[n];
  return deepFreeze({
    before: aa.scenario,
    after: ab.scenario,
    diff: describePatches(ca.scenario, diffScenarios(ca.scenario, cb.scenario)),
    zopa: { before: aa.zopa.count, after: ab.zopa.count, entered: zopaMinus(cb, ca, k), left: zopaMinus(ca, cb, k) },
    solutions: Object.fromEntries(
      SOLUTION_NAMES.map((n) => [n, shift(sol(aa.solutions, n), sol(ab.solutions, n))]),
    ) as Record<SolutionName, SolutionShift>,
    parties: partyIds.map((id) => {
      const pa = aa.parties.find((p) => p.id === id);
      const pb = ab.parties.find((p) => p.id === id);
      return {
        id,
        reservation: { before: pa?.reservation ?? null, after: pb?.reservation ?? null },
        ideal: { before: pa?.ideal ?? null, after: pb?.ideal ?? null },
      };
    }),
    analyses: { before: aa, after: ab },
  });
}
