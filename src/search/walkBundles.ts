import type { CompiledScenario } from "../model/compile.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";

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
 * that any party rejects by a red line are skipped and a branch is pruned as soon as some party
 * cannot reach its reservation even with its best remaining options. Constraints are checked at
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
  // Options allowed at each issue.
  const allowed: Int32Array[] = c.sizes.map((n, i) => {
    const list: number[] = [];
    for (let o = 0; o < n; o++) {
      let ok = true;
      if (zopaOnly) for (let p = 0; p < P && ok; p++) if (c.redLine[p]![i]![o]) ok = false;
      if (ok) list.push(o);
    }
    return Int32Array.from(list);
  });
  if (allowed.some((a) => a.length === 0)) return;
  // maxRest[k * P + p]: best utility party p can still add from issues k..I-1.
  const maxRest = new Float64Array((I + 1) * P);
  for (let k = I - 1; k >= 0; k--) {
    for (let p = 0; p < P; p++) {
      let best = 0;
      const row = c.contrib[p]![k]!;
      for (const o of allowed[k]!) if (row[o]! > best) best = row[o]!;
      maxRest[k * P + p] = maxRest[(k + 1) * P + p]! + best;
    }
  }
  // Interaction terms are added at the depth where their last issue is fixed; until then the
  // bound assumes every positive term will apply.
  const interAt: { p: number; t: (typeof c.interactions)[number][number] }[][] = Array.from({ length: I }, () => []);
  c.interactions.forEach((list, p) => list.forEach((t) => interAt[t.last]!.push({ p, t })));
  for (let k = I - 1; k >= 0; k--)
    for (const { p, t } of interAt[k]!) if (t.value > 0) for (let j = 0; j <= k; j++) maxRest[j * P + p] = maxRest[j * P + p]! + t.value;
  const need = Float64Array.from(c.reservation, (r) => r - UTILITY_TOLERANCE);
  if (zopaOnly) for (let p = 0; p < P; p++) if (maxRest[p]! < need[p]!) return;
  // Constraints to check once issue k is fixed.
  const checkAt: (typeof c.constraints)[number][][] = Array.from({ length: I }, () => []);
  for (const k of c.constraints) checkAt[Math.max(...k.ifIssues, ...k.thenIssues)]!.push(k);
  const partial = new Float64Array((I + 1) * P);
  const bundle = new Int32Array(I);
  const last = new Float64Array(P);
  const cost = options.cost;
  const costAt = new Float64Array(I + 1);
  let stopped = false;

  const step = (k: number): void => {
    const opts = allowed[k]!;
    const base = k * P;
    const next = base + P;
    for (let j = 0; j < opts.length && !stopped; j++) {
      const o = opts[j]!;
      bundle[k] = o;
      if (cost) {
        costAt[k + 1] = costAt[k]! + cost.perOption[k]![o]!;
        if (costAt[k + 1]! > cost.limit()) continue;
      }
      let ok = true;
      for (let p = 0; p < P; p++) partial[next + p] = partial[base + p]! + c.contrib[p]![k]![o]!;
      const inter = interAt[k]!;
      for (let q = 0; q < inter.length; q++) {
        const { p, t } = inter[q]!;
        let applies = true;
        for (let m = 0; m < t.issues.length && applies; m++) if (!t.allowed[m]![bundle[t.issues[m]!]!]) applies = false;
        if (applies) partial[next + p] = partial[next + p]! + t.value;
      }
      if (zopaOnly) for (let p = 0; p < P; p++) if (partial[next + p]! + maxRest[next + p]! < need[p]!) ok = false;
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
        for (let p = 0; p < P; p++) last[p] = partial[next + p]!;
        if (visit(bundle, last) === true) stopped = true;
      } else step(k + 1);
    }
  };
  step(0);
}
