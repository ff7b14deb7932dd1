import type { CompiledScenario } from "../model/compile.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import { ratifies } from "../utility/ratification.js";

/**
 * Options of {@link walkBundles}.
 *
 * @example
 * ```ts
 * const opts: WalkOptions = { zopaOnly: true };
 * ```
 */
export interface WalkOptions {
  /** Visit only bundles every party accepts (prunes red lines and unreachable reservations). Default true. */
  readonly zopaOnly?: boolean;
  /**
   * An additive cost per issue and option with a budget: branches whose cost so far exceeds
   * `limit()` are skipped (used for nearest-bundle searches).
   */
  readonly cost?: { readonly perOption: readonly Float64Array[]; readonly limit: () => number };
}

/**
 * Called for each bundle; the arrays are reused between calls, so copy what you keep.
 * Return `true` to stop the walk.
 */
export type BundleVisitor = (bundle: Int32Array, utilities: Float64Array) => boolean | void;

/**
 * Depth-first walk over the feasible bundles (or only the ZOPA) in declaration order, keeping
 * partial utilities per depth so each step costs one addition per party. In ZOPA mode options
 * that any party (or must-accept constituency) rejects by a red line are skipped, a branch is
 * pruned as soon as one of them cannot reach its reservation even with its best remaining
 * options, and vote-counting ratification rules are checked on complete bundles. Constraints are checked at
 * the depth where their last issue is fixed.
 *
 * @example
 * ```ts
 * let n = 0;
 * walkBundles(compiled, { zopaOnly: true }, () => { n++; });
 * ```
 */
export function walkBundles(c: CompiledScenario, options: WalkOptions, visit: BundleVisitor): void {
  const zopaOnly = options.zopaOnly ?? true;
  const I = c.issueIds.length;
  const P = c.partyIds.length;
  // Rows tracked during the walk: the parties, then (in ZOPA mode) the constituencies that must
  // accept (veto players, or all under the "all" rule), which prune exactly like parties.
  const rows = [
    ...c.partyIds.map((_, p) => ({ contrib: c.contrib[p]!, redLine: c.redLine[p]!, interactions: c.interactions[p]!, reservation: c.reservation[p]! })),
    ...(zopaOnly ? c.agents.filter((a) => a.mustAccept) : []),
  ];
  const R = rows.length;
  // Parties whose ratification needs a vote count, checked on complete bundles.
  const voting = zopaOnly ? c.ratification.flatMap((r, p) => (r.agents.some((a) => !c.agents[a]!.mustAccept) ? [p] : [])) : [];
  // Options allowed at each issue.
  const allowed: Int32Array[] = c.sizes.map((n, i) => {
    const list: number[] = [];
    for (let o = 0; o < n; o++) {
      let ok = true;
      if (zopaOnly) for (let r = 0; r < R && ok; r++) if (rows[r]!.redLine[i]![o]) ok = false;
      if (ok) list.push(o);
    }
    return Int32Array.from(list);
  });
  if (allowed.some((a) => a.length === 0)) return;
  // maxRest[k * R + r]: best utility row r can still add from issues k..I-1.
  const maxRest = new Float64Array((I + 1) * R);
  for (let k = I - 1; k >= 0; k--) {
    for (let r = 0; r < R; r++) {
      let best = 0;
      const row = rows[r]!.contrib[k]!;
      for (const o of allowed[k]!) if (row[o]! > best) best = row[o]!;
      maxRest[k * R + r] = maxRest[(k + 1) * R + r]! + best;
    }
  }
  // Interaction terms are added at the depth where their last issue is fixed; until then the
  // bound assumes every positive term will apply.
  const interAt: { p: number; t: (typeof c.interactions)[number][number] }[][] = Array.from({ length: I }, () => []);
  rows.forEach((row, p) => row.interactions.forEach((t) => interAt[t.last]!.push({ p, t })));
  for (let k = I - 1; k >= 0; k--)
    for (const { p, t } of interAt[k]!) if (t.value > 0) for (let j = 0; j <= k; j++) maxRest[j * R + p] = maxRest[j * R + p]! + t.value;
  const need = Float64Array.from(rows, (r) => r.reservation - UTILITY_TOLERANCE);
  if (zopaOnly) for (let r = 0; r < R; r++) if (maxRest[r]! < need[r]!) return;
  // Constraints to check once issue k is fixed.
  const checkAt: (typeof c.constraints)[number][][] = Array.from({ length: I }, () => []);
  for (const k of c.constraints) checkAt[Math.max(...k.ifIssues, ...k.thenIssues)]!.push(k);
  const partial = new Float64Array((I + 1) * R);
  const bundle = new Int32Array(I);
  const last = new Float64Array(P);
  const cost = options.cost;
  const costAt = new Float64Array(I + 1);
  let stopped = false;

  const step = (k: number): void => {
    const opts = allowed[k]!;
    const base = k * R;
    const next = base + R;
    for (let j = 0; j < opts.length && !stopped; j++) {
      const o = opts[j]!;
      bundle[k] = o;
      if (cost) {
        costAt[k + 1] = costAt[k]! + cost.perOption[k]![o]!;
        if (costAt[k + 1]! > cost.limit()) continue;
      }
      let ok = true;
      for (let r = 0; r < R; r++) partial[next + r] = partial[base + r]! + rows[r]!.contrib[k]![o]!;
      const inter = interAt[k]!;
      for (let q = 0; q < inter.length; q++) {
        const { p, t } = inter[q]!;
        let applies = true;
        for (let m = 0; m < t.issues.length && applies; m++) if (!t.allowed[m]![bundle[t.issues[m]!]!]) applies = false;
        if (applies) partial[next + p] = partial[next + p]! + t.value;
      }
      if (zopaOnly) for (let r = 0; r < R; r++) if (partial[next + r]! + maxRest[next + r]! < need[r]!) ok = false;
      if (!ok) continue;
      const checks = checkAt[k]!;
      for (let q = 0; q < checks.length && ok; q++) {
        const con = checks[q]!;
        let applies = true;
        for (let t = 0; t < con.ifIssues.length && applies; t++) if (!con.ifAllowed[t]![bundle[con.ifIssues[t]!]!]) applies = false;
        if (applies) for (let t = 0; t < con.thenIssues.length && ok; t++) if (!con.thenAllowed[t]![bundle[con.thenIssues[t]!]!]) ok = false;
      }
      if (!ok) continue;
      if (k + 1 === I) {
        for (let q = 0; q < voting.length && ok; q++) if (!ratifies(c, voting[q]!, bundle)) ok = false;
        if (!ok) continue;
        for (let p = 0; p < P; p++) last[p] = partial[next + p]!;
        if (visit(bundle, last) === true) stopped = true;
      } else step(k + 1);
    }
  };
  step(0);
}
