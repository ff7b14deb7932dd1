import { type CompiledScenario, compareBundles } from "../model/compile.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import { sortFrontier } from "./decomposedFrontier.js";
import type { ArchivePoint } from "./paretoArchive.js";

/**
 * Candidate sums {@link directFrontier} may form at one step before it gives up (returns null).
 * @example
 * ```ts
 * import { DIRECT_MAX_CANDIDATES, directFrontier } from "./directFrontier.js";
 * directFrontier(compileScenario(nash1950), DIRECT_MAX_CANDIDATES)?.length; // 7
 * ```
 */
export const DIRECT_MAX_CANDIDATES = 1 << 16;

// Parenthesised, hence prettier-ignore: V8 compiles a parenthesised function when the module loads
// (not on its first call), so a first analysis does not pay for it (issue 18; docs/benchmarks.md).
// prettier-ignore
/**
 * The ZOPA's Pareto frontier of a plain two-party scenario (additive utilities: no interaction
 * terms, constraints or constituencies), in few lines of code: what a first call on a small
 * agenda runs instead of the enumeration or decomposed machinery, whose cold code costs more
 * than the work (issue 18). Issue by issue, the partial bundles' utility pairs are summed with
 * the options' and cut back to a 2-D skyline: a prefix strictly dominated by another is never
 * completed to a frontier bundle, and of prefixes with equal utilities only the first in canonical
 * bundle order is kept (sums on the utility grid are exact, so equality is exact). Prefixes that
 * cannot reach both reservations are dropped; options a party rejects are never taken. The result
 * is the one of enumeration (`zopaFrontier`), point for point and in the same order.
 *
 * Returns null when the scenario is not of that kind, or when a step would form more than
 * `maxCandidates` sums (the caller then uses the general methods).
 *
 * @example
 * ```ts
 * import { directFrontier } from "./directFrontier.js";
 * const c = compileScenario(nash1950);
 * directFrontier(c)?.length; // 7, as zopaFrontier(c).points
 * ```
 */
export const directFrontier = (function directFrontier(
  c: CompiledScenario,
  maxCandidates = DIRECT_MAX_CANDIDATES,
): ArchivePoint[] | null {
  if (
    c.partyIds.length !== 2 ||
    c.sizes.length === 0 ||
    c.hasInteractions ||
    c.agents.length > 0 ||
    c.constraints.length > 0
  )
    return null;
  const I = c.sizes.length;
  const [a, b] = c.contrib as [readonly Float64Array[], readonly Float64Array[]];
  const [redA, redB] = c.redLine as [readonly Uint8Array[], readonly Uint8Array[]];
  const needA = c.reservation[0]! - UTILITY_TOLERANCE;
  const needB = c.reservation[1]! - UTILITY_TOLERANCE;
  // restA[i]: party 0's best utility from issues i.. over the options both accept (likewise B).
  const restA = new Float64Array(I + 1);
  const restB = new Float64Array(I + 1);
  for (let i = I - 1; i >= 0; i--) {
    let bestA = -1;
    let bestB = -1;
    for (let o = 0; o < c.sizes[i]!; o++)
      if (!redA[i]![o] && !redB[i]![o]) {
        bestA = Math.max(bestA, a[i]![o]!);
        bestB = Math.max(bestB, b[i]![o]!);
      }
    if (bestA < 0) return []; // every option of the issue is rejected: no bundle is accepted
    restA[i] = restA[i + 1]! + bestA;
    restB[i] = restB[i + 1]! + bestB;
  }
  // The options worth taking on each issue: accepted by both, not strictly dominated by another
  // such option, and of options with equal utilities the first in canonical order (a bundle with
  // any other is beaten, or tied and after, with that option in its place).
  const options: number[][] = [];
  for (let i = 0; i < I; i++) {
    const list: number[] = [];
    const rank = c.optionRank[i]!;
    for (let o = 0; o < c.sizes[i]!; o++) {
      if (redA[i]![o] || redB[i]![o]) continue;
      let beaten = false;
      for (let q = 0; q < c.sizes[i]! && !beaten; q++) {
        if (q === o || redA[i]![q] || redB[i]![q]) continue;
        const dx = a[i]![q]! - a[i]![o]!;
        const dy = b[i]![q]! - b[i]![o]!;
        beaten = dx >= 0 && dy >= 0 && (dx > 0 || dy > 0 || rank[q]! < rank[o]!);
      }
      if (!beaten) list.push(o);
    }
    options.push(list);
  }
  let n = 1;
  let uA = new Float64Array(1);
  let uB = new Float64Array(1);
  let bundles = new Int32Array(I);
  // Two scratch bundles, and the bundle of candidate t of the current step written into one (or
  // at an offset of the next step's bundles; the issues after this step stay 0).
  const left = new Int32Array(I);
  const right = new Int32Array(I);
  let cFrom = new Int32Array(0);
  let cOption = new Int32Array(0);
  let step = 0;
  // A function expression in parentheses: compiled with directFrontier, at module load.
  const candidate = ((t: number, into: Int32Array, at = 0): Int32Array => {
    const from = cFrom[t]! * I;
    for (let x = 0; x < step; x++) into[at + x] = bundles[from + x]!;
    into[at + step] = cOption[t]!;
    return into;
  });
  for (let i = 0; i < I; i++) {
    const list = options[i]!;
    step = i;
    const m = n * list.length;
    if (m > maxCandidates) return null;
    const cA = new Float64Array(m);
    const cB = new Float64Array(m);
    // A candidate is a kept prefix (its index) and an option: its bundle is built only if kept.
    cFrom = new Int32Array(m);
    cOption = new Int32Array(m);
    // Loop invariants read once and index loops: this runs mostly as cold code (a first call).
    const ai = a[i]!;
    const bi = b[i]!;
    const nextA = restA[i + 1]!;
    const nextB = restB[i + 1]!;
    const L = list.length;
    let k = 0;
    for (let j = 0; j < n; j++) {
      const xj = uA[j]!;
      const yj = uB[j]!;
      for (let q = 0; q < L; q++) {
        const o = list[q]!;
        const x = xj + ai[o]!;
        const y = yj + bi[o]!;
        if (x + nextA < needA || y + nextB < needB) continue;
        cA[k] = x;
        cB[k] = y;
        cFrom[k] = j;
        cOption[k] = o;
        k++;
      }
    }
    // Skyline: by party 0's utility, then party 1's (both descending), then canonical bundle order;
    // a candidate is kept when it beats the best party-1 utility of those before it.
    const order: number[] = [];
    for (let t = 0; t < k; t++) order.push(t);
    // A function expression in parentheses: compiled with directFrontier, at module load.
    order.sort((function byUtilities(p: number, q: number): number {
      return cA[q]! - cA[p]! || cB[q]! - cB[p]! || compareBundles(c, candidate(p, left), candidate(q, right));
    }));
    const kept: number[] = [];
    let best = -Infinity;
    for (let r = 0; r < k; r++) {
      const t = order[r]!;
      if (cB[t]! > best) {
        best = cB[t]!;
        kept.push(t);
      }
    }
    n = kept.length;
    uA = new Float64Array(n);
    uB = new Float64Array(n);
    const next = new Int32Array(n * I);
    for (let j = 0; j < n; j++) {
      const t = kept[j]!;
      uA[j] = cA[t]!;
      uB[j] = cB[t]!;
      candidate(t, next, j * I);
    }
    bundles = next;
  }
  const points: ArchivePoint[] = [];
  for (let j = 0; j < n; j++)
    points.push({ utilities: Float64Array.of(uA[j]!, uB[j]!), bundle: bundles.slice(j * I, (j + 1) * I) });
  return sortFrontier(c, points);
});
