import { type CompiledScenario, compareBundles } from "../model/compile.js";
import { gridCeil, isGridShare, UTILITY_TOLERANCE } from "../model/tolerance.js";
import { sortFrontier } from "./decomposedFrontier.js";
import type { ArchivePoint } from "./paretoArchive.js";
import { SMALL_MAX_CANDIDATES } from "./smallFrontier.js";

/**
 * Candidate sums {@link directFrontier} may form at one step before it gives up (returns null).
 * @example
 * ```ts
 * import { DIRECT_MAX_CANDIDATES, directFrontier } from "./directFrontier.js";
 * directFrontier(compileScenario(nash1950), DIRECT_MAX_CANDIDATES)?.length; // 7
 * ```
 */
export const DIRECT_MAX_CANDIDATES = SMALL_MAX_CANDIDATES; // the small methods' one cap (smallMethodsFit)

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
 * Returns null when the scenario is not of that kind, when a step would form more than
 * `maxCandidates` sums, or when utilities are off the grid so that sums are not exact (the caller
 * then uses the general methods).
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
  // The least utility each party accepts, rounded up to the grid (gridCeil: sums on the grid reach
  // it exactly when they reach the reservation less the tolerance).
  const needA = gridCeil(c.reservation[0]! - UTILITY_TOLERANCE);
  const needB = gridCeil(c.reservation[1]! - UTILITY_TOLERANCE);
  // restA[i]: party 0's best utility from issues i.. over the options both accept (likewise B).
  const restA = new Float64Array(I + 1);
  const restB = new Float64Array(I + 1);
  // The merge below rests on exact sums: every share a whole multiple of the utility grid, at
  // least 0, and every total under 8, so that sums of shares are exact doubles (as compiled
  // utilities are). Otherwise (hand-made tables) the general methods are used.
  for (let i = I - 1; i >= 0; i--) {
    let bestA = -1;
    let bestB = -1;
    for (let o = 0; o < c.sizes[i]!; o++)
      if (!redA[i]![o] && !redB[i]![o]) {
        if (!isGridShare(a[i]![o]!) || !isGridShare(b[i]![o]!)) return null;
        bestA = Math.max(bestA, a[i]![o]!);
        bestB = Math.max(bestB, b[i]![o]!);
      }
    if (bestA < 0) return []; // every option of the issue is rejected: no bundle is accepted
    restA[i] = restA[i + 1]! + bestA;
    restB[i] = restB[i + 1]! + bestB;
  }
  if (!(restA[0]! < 8 && restB[0]! < 8)) return null;
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
  // The kept prefixes as back-pointers, not bundles (copying every prefix's options at every
  // step cost O(n * I) a step): fromAt[i][k] is the prefix of issues ..i-1 that kept prefix k of
  // issues ..i extends, and optAt[i][k] the option it takes on issue i.
  const fromAt: Int32Array[] = [];
  const optAt: Int32Array[] = [];
  // Two scratch bundles: a candidate's, to break an exact tie in canonical bundle order.
  const left = new Int32Array(I);
  const right = new Int32Array(I);
  for (let i = 0; i < I; i++) {
    const list = options[i]!;
    const L = list.length;
    if (n * L > maxCandidates) return null;
    // The kept prefixes are a staircase: party 0's utility strictly falls and party 1's strictly
    // rises along them. So do the sums with one option (list[q]) along the prefixes, so the sums
    // are L runs already in order; they are merged by comparing the runs' heads: party 0's
    // utility, then party 1's (both descending), then canonical bundle order. A sum is kept when
    // it beats the best party-1 utility of those before it, so a head that does not (or that
    // cannot reach party 1's reservation) is skipped, with every sum before it in its run (party
    // 1's utility only rises along a run), and each head taken is kept. A run ends at the first
    // sum that cannot reach party 0's reservation. Loop invariants are read once: this runs
    // mostly as cold code (a first call).
    const ai = a[i]!;
    const bi = b[i]!;
    // What a sum needs to still reach each party's reservation with the best of the issues left:
    // exact on the grid (gridCeil), so one comparison a sum instead of a second sum (a heap
    // number each in cold code).
    const thrA = needA - restA[i + 1]!;
    const thrB = needB - restB[i + 1]!;
    const head = new Int32Array(L);
    const end = new Int32Array(L).fill(n);
    const keptA: number[] = [];
    const keptB: number[] = [];
    const keptFrom: number[] = [];
    const keptOption: number[] = [];
    // Whether the head of run q comes before the head of run r in canonical bundle order (their
    // sums are equal). A function expression in parentheses: compiled with directFrontier.
    const tieFirst = (function tieFirst(q: number, r: number): boolean {
      let jq = head[q]!;
      let jr = head[r]!;
      for (let x = i - 1; x >= 0; x--) {
        left[x] = optAt[x]![jq]!;
        right[x] = optAt[x]![jr]!;
        jq = fromAt[x]![jq]!;
        jr = fromAt[x]![jr]!;
      }
      left[i] = list[q]!;
      right[i] = list[r]!;
      return compareBundles(c, left, right) < 0;
    });
    let best = -Infinity;
    for (;;) {
      let pick = -1;
      let pickA = 0;
      let pickB = 0;
      for (let q = 0; q < L; q++) {
        const o = list[q]!;
        let j = head[q]!;
        const stop = end[q]!;
        if (j === stop) continue;
        const ob = bi[o]!;
        let y = 0;
        while (j < stop) {
          y = uB[j]! + ob;
          if (y > best && y >= thrB) break;
          j++;
        }
        head[q] = j;
        if (j === stop) continue;
        const x = uA[j]! + ai[o]!;
        if (x < thrA) {
          end[q] = j;
          continue;
        }
        if (pick < 0 || x > pickA || (x === pickA && (y > pickB || (y === pickB && tieFirst(q, pick))))) {
          pick = q;
          pickA = x;
          pickB = y;
        }
      }
      if (pick < 0) break;
      const j = head[pick]!;
      keptA.push(pickA);
      keptB.push(pickB);
      keptFrom.push(j);
      keptOption.push(list[pick]!);
      best = pickB;
      head[pick] = j + 1;
    }
    n = keptA.length;
    uA = Float64Array.from(keptA);
    uB = Float64Array.from(keptB);
    fromAt.push(Int32Array.from(keptFrom));
    optAt.push(Int32Array.from(keptOption));
  }
  const points: ArchivePoint[] = [];
  for (let j = 0; j < n; j++) {
    const bundle = new Int32Array(I);
    for (let x = I - 1, k = j; x >= 0; x--) {
      bundle[x] = optAt[x]![k]!;
      k = fromAt[x]![k]!;
    }
    points.push({ utilities: Float64Array.of(uA[j]!, uB[j]!), bundle });
  }
  return sortFrontier(c, points);
});
