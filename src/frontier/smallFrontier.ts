import { type CompiledScenario, compareBundles } from "../model/compile.js";
import { gridCeil, isGridShare, UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { ArchivePoint } from "./paretoArchive.js";

/**
 * Pairwise comparisons (candidate x kept point) {@link smallFrontier} may make over a run before
 * it gives up (returns null).
 * @example
 * ```ts
 * import { SMALL_MAX_COMPARISONS, smallFrontier } from "./smallFrontier.js";
 * smallFrontier(compileScenario(nash1950), SMALL_MAX_COMPARISONS)?.points.length; // 7
 * ```
 */
export const SMALL_MAX_COMPARISONS = 1 << 20;

/**
 * Candidate sums {@link smallFrontier} may form at one step before it gives up (returns null).
 * @example
 * ```ts
 * import { SMALL_MAX_CANDIDATES, smallFrontier } from "./smallFrontier.js";
 * smallFrontier(compileScenario(nash1950))!.candidates <= SMALL_MAX_CANDIDATES; // true
 * ```
 */
export const SMALL_MAX_CANDIDATES = 1 << 16;

/**
 * Whether budgets given to the frontier method cover the most that the small methods
 * (`directFrontier`, {@link smallFrontier}) can use on `c`, so that they may run under them: at
 * most {@link SMALL_MAX_CANDIDATES} candidate sums a step and one step an issue (`maxCandidates`),
 * and for memory (`memoryBudgetBytes`) a bound on what they hold at once, per candidate of a
 * step (m of them): its utilities, back-pointers and skyline entries (24P + 40 bytes), the
 * back-pointers kept from every step (8I), and a frontier point returned (an object with its
 * utilities and its bundle: 4I + 512); plus the options' utility tables. The command line always
 * passes its default budgets, which cover them on agendas of up to 61 issues (4,000,000 candidate
 * sums / 65,536 a step).
 * @example
 * ```ts
 * import { smallMethodsFit } from "./smallFrontier.js";
 * const c = compileScenario(nash1950);
 * smallMethodsFit(c, {}); // true: no budgets
 * smallMethodsFit(c, { maxCandidates: 4_000_000, memoryBudgetBytes: 2 ** 30 }); // true: the defaults
 * smallMethodsFit(c, { memoryBudgetBytes: 20_000 }); // false: the decomposed method, which stops with an error
 * ```
 */
export function smallMethodsFit(
  c: CompiledScenario,
  budgets: { readonly maxCandidates?: number; readonly memoryBudgetBytes?: number },
): boolean {
  const P = c.partyIds.length;
  const I = c.sizes.length;
  const m = SMALL_MAX_CANDIDATES;
  let tables = 0;
  for (const size of c.sizes) tables += 8 * P * size;
  const bytes = m * (24 * P + 40 + 8 * I + 4 * I + 512) + tables;
  return (
    (budgets.maxCandidates === undefined || budgets.maxCandidates >= m * I) &&
    (budgets.memoryBudgetBytes === undefined || budgets.memoryBudgetBytes >= bytes)
  );
}

// Parenthesised, hence prettier-ignore: V8 compiles a parenthesised function when the module loads
// (not on its first call), so a first analysis does not pay for it (issue 18; docs/benchmarks.md).
// prettier-ignore
/**
 * The ZOPA's Pareto frontier of a plain scenario of any number of parties (additive utilities:
 * no interaction terms, constraints or constituencies), unsorted, in a few loops: what the
 * decomposed method runs first on three or more parties, since on small agendas its own cold code
 * costs far more than the work (issue 18). Each issue's options are cut to those accepted by all,
 * not strictly dominated by another such option and, of options with equal utilities, the first in
 * canonical order; then, issue by issue, the partial bundles' utility vectors are summed with the
 * options' and cut back to their skyline (taken in order of utilities, descending in party order,
 * then canonical bundle order, by merging the options' runs, each already in that order; a
 * candidate is kept when no point kept before it is at least as good for every party). A prefix dominated by another is never completed to a frontier bundle, and of
 * prefixes with equal utilities only the first in canonical order can be (sums on the utility grid
 * are exact); prefixes that cannot reach every reservation are dropped. The points are those of
 * enumeration (`zopaFrontier`), in the order of their exact utilities (the caller sorts them with
 * `sortFrontier`, which compares them rounded).
 *
 * Returns null when the scenario is not of that kind, when its tables are not those of a compiled
 * scenario (a share off the utility grid or below 0, a total of 8 or more, a NaN reservation: sums
 * would not be exact), or when a step would form more than
 * {@link SMALL_MAX_CANDIDATES} sums or the skylines take more than `maxComparisons` comparisons (the caller then uses the general method). `candidates` counts the
 * sums formed, `largest` the largest partial skyline.
 *
 * @example
 * ```ts
 * import { smallFrontier } from "./smallFrontier.js";
 * smallFrontier(compileScenario(nash1950))?.points.length; // 7, as zopaFrontier(c).points
 * ```
 */
export const smallFrontier = (function smallFrontier(
  c: CompiledScenario,
  maxComparisons = SMALL_MAX_COMPARISONS,
): { points: ArchivePoint[]; candidates: number; largest: number } | null {
  const P = c.partyIds.length;
  const I = c.sizes.length;
  if (P === 0 || I === 0 || c.hasInteractions || c.agents.length > 0 || c.constraints.length > 0) return null;
  const contrib = c.contrib;
  const red = c.redLine;
  // The options worth taking on each issue (accepted by all parties; see above), and rest[i * P + p]:
  // party p's best utility from issues i.. over them.
  const options: number[][] = [];
  const values: Float64Array[] = []; // values[i][o * P + p]: party p's utility from option o of issue i
  const best = new Float64Array(I * P);
  for (let i = 0; i < I; i++) {
    const size = c.sizes[i]!;
    const rank = c.optionRank[i]!;
    const v = new Float64Array(size * P);
    const ok = new Uint8Array(size).fill(1);
    for (let p = 0; p < P; p++) {
      const cp = contrib[p]![i]!;
      const rp = red[p]![i]!;
      for (let o = 0; o < size; o++) {
        // The method rests on exact sums (see isGridShare): hand-made tables may not give them.
        if (!isGridShare(cp[o]!)) return null;
        v[o * P + p] = cp[o]!;
        if (rp[o]) ok[o] = 0;
      }
    }
    values.push(v);
    const list: number[] = [];
    for (let o = 0; o < size; o++) {
      if (!ok[o]) continue;
      let beaten = false;
      for (let q = 0; q < size && !beaten; q++) {
        if (q === o || !ok[q]) continue;
        let ge = true;
        let gt = false;
        for (let p = 0; p < P && ge; p++) {
          const d = v[q * P + p]! - v[o * P + p]!;
          if (d < 0) ge = false;
          else if (d > 0) gt = true;
        }
        beaten = ge && (gt || rank[q]! < rank[o]!);
      }
      if (!beaten) {
        list.push(o);
        for (let p = 0; p < P; p++) best[i * P + p] = Math.max(best[i * P + p]!, v[o * P + p]!);
      }
    }
    if (list.length === 0) return { points: [], candidates: 0, largest: 0 };
    options.push(list);
  }
  // The issues in order of increasing option count (then issue order), as the decomposed method
  // merges its groups: fewer sums on the GENIUS domains (Politics-ANAC2015: 522 instead of 738).
  const seq: number[] = [];
  for (let i = 0; i < I; i++) {
    let at = seq.length;
    while (at > 0 && options[seq[at - 1]!]!.length > options[i]!.length) at--;
    seq.splice(at, 0, i);
  }
  // rest[st * P + p]: party p's best utility from the issues of steps st..
  const rest = new Float64Array((I + 1) * P);
  for (let st = I - 1; st >= 0; st--)
    for (let p = 0; p < P; p++) rest[st * P + p] = rest[(st + 1) * P + p]! + best[seq[st]! * P + p]!;
  // need[p]: the least utility party p accepts, rounded up to the grid (gridCeil: exact, and sums on
  // the grid reach it exactly when they reach the reservation less the tolerance).
  const need = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    // Sums stay exact below 8; a NaN reservation (hand-made) is left to the general methods.
    if (!(rest[p]! < 8) || Number.isNaN(c.reservation[p]!)) return null;
    need[p] = gridCeil(c.reservation[p]! - UTILITY_TOLERANCE);
  }
  // thr[p]: what a sum of the steps so far needs for party p to still reach need[p] with the best
  // of the issues left (need[p] - rest[...], exact on the grid), set at each step: one comparison a
  // sum instead of a second sum (allocation in cold code; see gridCeil).
  const thr = new Float64Array(P);
  let n = 1;
  let u = new Float64Array(P);
  // The kept prefixes as back-pointers, not bundles (copying every prefix's options at every step
  // cost O(n * I) a step): fromAt[st][k] is the prefix of steps ..st-1 that kept prefix k of steps
  // ..st extends, and optAt[st][k] the option it takes on issue seq[st].
  const fromAt: Int32Array[] = [];
  const optAt: Int32Array[] = [];
  // Two scratch bundles, to break an exact tie between two candidates in canonical bundle order.
  const left = new Int32Array(I);
  const right = new Int32Array(I);
  let candidates = 0;
  let largest = 1;
  let comparisons = 0;
  for (let st = 0; st < I; st++) {
    const i = seq[st]!;
    const list = options[i]!;
    const L = list.length;
    const m = n * L;
    if (m > SMALL_MAX_CANDIDATES) return null;
    candidates += m;
    // The sums, option by option: each option's run is sorted as the partial skyline is (by
    // utilities, descending in party order; no two equal), candidate t extending point from[t].
    const cu = new Float64Array(m * P);
    const from = new Int32Array(m);
    const option = new Int32Array(m);
    const next = new Int32Array(L); // next[r]: the head of run r
    const end = new Int32Array(L);
    let k = 0;
    const v = values[i]!;
    for (let p = 0; p < P; p++) thr[p] = need[p]! - rest[(st + 1) * P + p]!;
    for (let r = 0; r < L; r++) {
      const o = list[r]!;
      next[r] = k;
      for (let j = 0; j < n; j++) {
        let reach = true;
        for (let p = 0; p < P && reach; p++) {
          const x = u[j * P + p]! + v[o * P + p]!;
          cu[k * P + p] = x;
          reach = x >= thr[p]!;
        }
        if (!reach) continue;
        from[k] = j;
        option[k] = o;
        k++;
      }
      end[r] = k;
    }
    // The runs merged into one order (by utilities, then canonical bundle order), and cut to the
    // skyline on the way: a candidate is dominated or tied only by candidates before it, and then
    // by a kept one (at least as good for party 0, by the order). Three parties: the kept points'
    // staircase in parties 1 and 2 (s1 decreasing, s2 increasing) answers "is one at least as
    // good for both" by a binary search; more parties: a scan of the kept points.
    // The staircase is kept in typed arrays (s1[0..sn), s2[0..sn)), moved with copyWithin: a
    // splice returns a new array each time (allocation in cold code, issue 18).
    const kept: number[] = [];
    const s1 = new Float64Array(P === 3 ? k : 0);
    const s2 = new Float64Array(P === 3 ? k : 0);
    let sn = 0;
    for (;;) {
      let best = -1;
      let top = 0; // party 0's utility at the head of run best
      for (let r = 0; r < L; r++) {
        const t = next[r]!;
        if (t === end[r]!) continue;
        const head = cu[t * P]!;
        if (best >= 0) {
          if (head < top) continue;
          // Compared, not subtracted: a difference is one more heap number in cold code.
          let d = head > top ? 1 : 0; // > 0: t comes first
          const s = next[best]!;
          for (let p = 1; p < P && d === 0; p++) {
            const a = cu[t * P + p]!;
            const b = cu[s * P + p]!;
            d = a > b ? 1 : a < b ? -1 : 0;
          }
          if (d === 0) {
            // Equal utilities (exact sums): the candidates' bundles, issues not yet taken at 0 in
            // both, in canonical bundle order.
            left.fill(0);
            right.fill(0);
            left[i] = option[s]!;
            right[i] = option[t]!;
            for (let x = st - 1, js = from[s]!, jt = from[t]!; x >= 0; x--) {
              left[seq[x]!] = optAt[x]![js]!;
              right[seq[x]!] = optAt[x]![jt]!;
              js = fromAt[x]![js]!;
              jt = fromAt[x]![jt]!;
            }
            d = compareBundles(c, left, right);
          }
          if (d <= 0) continue;
        }
        best = r;
        top = head;
      }
      if (best < 0) break;
      const t = next[best]!;
      next[best] = t + 1;
      if (P === 3) {
        const y = cu[t * P + 1]!;
        const z = cu[t * P + 2]!;
        let lo = 0; // lo: how many staircase points have s1 >= y
        let hi = sn;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (s1[mid]! >= y) lo = mid + 1;
          else hi = mid;
        }
        if (++comparisons > maxComparisons) return null;
        if (lo > 0 && s2[lo - 1]! >= z) continue;
        let to = lo;
        while (to < sn && s2[to]! <= z) to++;
        // The points [lo, to) are dominated by (y, z): they give way to it.
        if (to !== lo + 1) {
          s1.copyWithin(lo + 1, to, sn);
          s2.copyWithin(lo + 1, to, sn);
          sn += lo + 1 - to;
        }
        s1[lo] = y;
        s2[lo] = z;
        kept.push(t);
        continue;
      }
      comparisons += kept.length;
      if (comparisons > maxComparisons) return null;
      let covered = false;
      for (let j = 0; j < kept.length && !covered; j++) {
        const s = kept[j]!;
        covered = true;
        for (let p = 0; p < P && covered; p++) if (cu[s * P + p]! < cu[t * P + p]!) covered = false;
      }
      if (!covered) kept.push(t);
    }
    const nu = new Float64Array(kept.length * P);
    const fromHere = new Int32Array(kept.length);
    const optHere = new Int32Array(kept.length);
    for (let j = 0; j < kept.length; j++) {
      const t = kept[j]!;
      for (let p = 0; p < P; p++) nu[j * P + p] = cu[t * P + p]!;
      fromHere[j] = from[t]!;
      optHere[j] = option[t]!;
    }
    fromAt.push(fromHere);
    optAt.push(optHere);
    n = kept.length;
    if (n > largest) largest = n;
    u = nu;
  }
  const points: ArchivePoint[] = [];
  for (let j = 0; j < n; j++) {
    const bundle = new Int32Array(I);
    for (let x = I - 1, k = j; x >= 0; x--) {
      bundle[seq[x]!] = optAt[x]![k]!;
      k = fromAt[x]![k]!;
    }
    points.push({ utilities: u.slice(j * P, (j + 1) * P), bundle });
  }
  return { points, candidates, largest };
});
