import type seedrandom from "seedrandom";
// Alea alone, not the package's index: the index loads all six generators and node:crypto (about
// 12 ms of every CLI start, issue 18). @types/seedrandom declares only the index, whose `alea` is
// this same module.
// @ts-expect-error -- no declaration for the per-generator module (typed just below)
import aleaModule from "seedrandom/lib/alea.js";

const alea = aleaModule as (seed: string) => seedrandom.PRNG;
import type { IssueGroup } from "./issueGroups.js";
import { combinationSums, orderDescending, pairCounter, popcount } from "./meetInTheMiddle.js";

/**
 * Largest number of partial bundles of the enumerated half B of the conditional estimate, by
 * number of acceptors: one or two acceptors answer a draw with binary searches over B sorted by
 * the first acceptor (and sorted prefix blocks of the second), three or more with one AND of
 * nested bitsets of B per acceptor (|B| / 32 words each) and a population count. A larger B leaves less to
 * chance but costs more per draw; on the benchmark agendas (bench/analysis.ts) these sizes gave the
 * shortest time to a given standard error: 4,096 for one or two acceptors, 256 (216 for six-option
 * groups) for three or more.
 *
 * @example
 * ```ts
 * import { conditionalHalfLimit } from "./conditionalEstimate.js";
 * [conditionalHalfLimit(2), conditionalHalfLimit(3)]; // [4096, 256]
 * ```
 */
export function conditionalHalfLimit(acceptors: number): number {
  return acceptors <= 2 ? 4096 : 256;
}

/** Draws of the first batch; later batches are sized by the variance so far (see {@link conditionalEstimate}). */
const FIRST_BATCH = 1024;
/** Share of the draws from the uniform distribution when the draws are tilted (bounds the weights by 1 / this). */
const DEFENSIVE_SHARE = 0.25;
/** How far each tilt moves the sampled half's mean towards the refusal threshold (1 = onto it); see {@link conditionalEstimate}. */
const TILT = 0.5;

/**
 * A conditional estimate of the ZOPA size: `count` (not rounded), its `standardError` and the
 * number of `samples` (draws of the sampled half).
 *
 * @example
 * ```ts
 * import { type ConditionalEstimate, conditionalEstimate } from "./conditionalEstimate.js";
 * import { partyAcceptors } from "./acceptors.js";
 * import { issueGroups } from "./issueGroups.js";
 * const c = compileScenario(nash1950);
 * const e: ConditionalEstimate = conditionalEstimate(issueGroups(c, partyAcceptors(c)), Float64Array.of(0.5, 0.5), { seed: "s", maxSamples: 2000 });
 * e.samples; // 1024: the first batch is already as precise as 2,000 uniform draws of whole bundles
 * ```
 */
export interface ConditionalEstimate {
  readonly count: number;
  readonly standardError: number;
  readonly samples: number;
}

/**
 * Options of {@link conditionalEstimate}.
 *
 * @example
 * ```ts
 * import { type ConditionalEstimateOptions, conditionalEstimate } from "./conditionalEstimate.js";
 * import { partyAcceptors } from "./acceptors.js";
 * import { issueGroups } from "./issueGroups.js";
 * const c = compileScenario(nash1950);
 * const options: ConditionalEstimateOptions = { seed: "treatylab-zopa", maxSamples: 200_000, halfLimit: 16 };
 * conditionalEstimate(issueGroups(c, partyAcceptors(c)), Float64Array.of(0.5, 0.5), options);
 * // { count: 98.4492702029192, standardError: 0.42926743196501854, samples: 8427 }: as precise as 200,000 uniform draws
 * ```
 */
export interface ConditionalEstimateOptions {
  /** Seed of seedrandom's Alea generator. */
  readonly seed: string;
  /** Most draws of the sampled half; also the precision target (see {@link conditionalEstimate}). */
  readonly maxSamples: number;
  /** Largest enumerated half (default {@link conditionalHalfLimit} of the number of acceptors). */
  readonly halfLimit?: number;
  /** Stop once the standard error is at most this (default: the precision of `maxSamples` uniform draws). */
  readonly targetStandardError?: (estimate: number) => number;
}

/** Mean and variance of each acceptor's utility over a group's options (uniform). */
function moments(g: IssueGroup, d: number, D: number): { mean: number; variance: number; min: number } {
  const n = g.options.size;
  let s = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let o = 0; o < n; o++) {
    const v = g.options.values[o * D + d]!;
    s += v;
    min = Math.min(min, v);
  }
  const mean = s / n;
  let v2 = 0;
  for (let o = 0; o < n; o++) v2 += (g.options.values[o * D + d]! - mean) ** 2;
  return { mean, variance: v2 / n, min };
}

/**
 * The options' probabilities tilted by exp(theta * value) (values of acceptor d), as a cumulative
 * table, and the likelihood ratios size * q(o) against the uniform draw.
 */
function tilted(
  g: IssueGroup,
  d: number,
  D: number,
  theta: number,
): { cdf: Float64Array; ratio: Float64Array; mean: number } {
  const n = g.options.size;
  let top = Number.NEGATIVE_INFINITY;
  for (let o = 0; o < n; o++) top = Math.max(top, theta * g.options.values[o * D + d]!);
  const w = new Float64Array(n);
  let z = 0;
  for (let o = 0; o < n; o++) z += w[o] = Math.exp(theta * g.options.values[o * D + d]! - top);
  const cdf = new Float64Array(n);
  const ratio = new Float64Array(n);
  let acc = 0;
  let mean = 0;
  for (let o = 0; o < n; o++) {
    const q = w[o]! / z;
    acc += q;
    cdf[o] = acc;
    ratio[o] = n * q;
    mean += q * g.options.values[o * D + d]!;
  }
  cdf[n - 1] = 1;
  return { cdf, ratio, mean };
}

/**
 * The tilt of acceptor d's draws that brings the mean of the sampled half's utility down to
 * `target` (bisection on theta <= 0), or 0 when the untilted mean is already at most `target`.
 */
function tiltFor(groups: readonly IssueGroup[], d: number, D: number, target: number): number {
  const meanAt = (theta: number): number => {
    let sum = 0;
    for (const g of groups) {
      const v = g.options.values;
      let top = Number.NEGATIVE_INFINITY;
      for (let o = 0; o < g.options.size; o++) top = Math.max(top, theta * v[o * D + d]!);
      let z = 0;
      let zm = 0;
      for (let o = 0; o < g.options.size; o++) {
        const w = Math.exp(theta * v[o * D + d]! - top);
        z += w;
        zm += w * v[o * D + d]!;
      }
      sum += zm / z;
    }
    return sum;
  };
  if (meanAt(0) <= target) return 0;
  let spread = 0;
  for (const g of groups) {
    const m = moments(g, d, D);
    spread += Math.sqrt(m.variance);
  }
  if (!(spread > 0)) return 0;
  // theta in units of 1 / spread; widen until the tilted mean passes the target (or gets near the minimum).
  let lo = -1 / spread;
  for (let k = 0; k < 40 && meanAt(lo) > target; k++) lo *= 2;
  let hi = 0;
  for (let k = 0; k < 30; k++) {
    const mid = (lo + hi) / 2;
    if (meanAt(mid) > target) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

/** Most combinations of one block of the sampled half, drawn whole (see {@link sampledBlocks}). */
const DRAW_BLOCK = 1024;

/**
 * One block of consecutive groups of the sampled half, drawn as one: the sums of its combinations
 * (mixed radix, last group fastest, `dims` values each) and, per tilt, the cumulative probabilities
 * of its combinations and their likelihood ratios against the uniform draw.
 */
interface DrawBlock {
  readonly size: number;
  readonly sums: Float64Array;
  readonly cdf: Float64Array[];
  /** Per tilt, guide[k]: the first combination whose cumulative probability is above k / size. */
  readonly guide: Int32Array[];
  readonly ratio: Float64Array[];
}

/** The product tables of some groups' per-option values (mixed radix, last group fastest). */
function productTable(perGroup: readonly Float64Array[]): Float64Array {
  let table = Float64Array.of(1);
  for (const v of perGroup) {
    const next = new Float64Array(table.length * v.length);
    for (let a = 0; a < table.length; a++)
      for (let o = 0; o < v.length; o++) next[a * v.length + o] = table[a]! * v[o]!;
    table = next;
  }
  return table;
}

/**
 * The sampled half's groups cut into blocks of consecutive groups of at most {@link DRAW_BLOCK}
 * combinations (a larger group alone): one draw picks one combination per block, uniformly or by
 * a tilt's product probabilities, which is the same distribution as one option per group, at a
 * fraction of the random numbers and lookups.
 */
function sampledBlocks(A: readonly IssueGroup[], ratios: readonly (readonly Float64Array[])[], D: number): DrawBlock[] {
  const blocks: DrawBlock[] = [];
  for (let k = 0; k < A.length; ) {
    let end = k + 1;
    let size = A[k]!.options.size;
    while (end < A.length && size * A[end]!.options.size <= DRAW_BLOCK) size *= A[end++]!.options.size;
    const groups = A.slice(k, end);
    const cdf: Float64Array[] = [];
    const guide: Int32Array[] = [];
    const ratio: Float64Array[] = [];
    for (const r of ratios) {
      const table = productTable(r.slice(k, end));
      const c = new Float64Array(size);
      let acc = 0;
      for (let j = 0; j < size; j++) c[j] = acc += table[j]! / size;
      c[size - 1] = 1;
      const g = new Int32Array(size);
      for (let at = 0, j = 0; at < size; at++) {
        while (j < size - 1 && c[j]! <= at / size) j++;
        g[at] = j;
      }
      cdf.push(c);
      guide.push(g);
      ratio.push(table);
    }
    blocks.push({ size, sums: combinationSums(groups, D), cdf, guide, ratio });
    k = end;
  }
  return blocks;
}

/**
 * The first index whose cumulative probability is above r (the last if none is): from the guide
 * table's entry for r (no later than the answer), a scan of usually one or two steps.
 */
function drawFrom(cdf: Float64Array, guide: Int32Array, r: number): number {
  let j = guide[Math.floor(r * guide.length)]!;
  while (j < cdf.length - 1 && cdf[j]! <= r) j++;
  return j;
}

/** Prefix length of the blocks whose sorted second coordinates the two-acceptor counter keeps. */
const BLOCK = 128;

/** The first position of a descending array whose value is < x (the number of values >= x). */
function countAtLeastDescending(sorted: Float64Array, x: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! >= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A counter of the tails b (`dims` values each) with b >= t on every coordinate, for one query t
 * at a time. Tails are sorted by the first coordinate, descending, so the candidates are a prefix
 * (binary search). One coordinate: that prefix. Two: the sorted second coordinates of every prefix
 * of a multiple of {@link BLOCK} tails are kept (built by merging, |B|^2 / (2 BLOCK) values), so a
 * query is two binary searches and a scan of under BLOCK tails. Three or more: per coordinate, the
 * nested bitsets of the tails at or above each rank; a query ANDs one per coordinate (B is kept
 * small for these).
 */
function completionCounter(tails: Float64Array, D: number): (t: Float64Array) => number {
  const m = tails.length / D;
  const first = new Float64Array(m);
  for (let j = 0; j < m; j++) first[j] = tails[j * D]!;
  const order = orderDescending(first);
  const sorted = new Float64Array(m * D);
  for (let at = 0; at < m; at++) for (let d = 0; d < D; d++) sorted[at * D + d] = tails[order[at]! * D + d]!;
  for (let j = 0; j < m; j++) first[j] = sorted[j * D]!;
  if (D === 1) return (t) => countAtLeastDescending(first, t[0]!);
  if (D === 2) {
    const second = new Float64Array(m);
    for (let j = 0; j < m; j++) second[j] = sorted[j * D + 1]!;
    const blocks = Math.floor(m / BLOCK);
    // prefix[b] (b = 1..blocks): the second coordinates of the first b * BLOCK tails, descending.
    const prefixAt = new Int32Array(blocks + 2);
    for (let b = 1; b <= blocks; b++) prefixAt[b + 1] = prefixAt[b]! + b * BLOCK;
    const prefix = new Float64Array(prefixAt[blocks + 1]!);
    for (let b = 1; b <= blocks; b++) {
      const block = second
        .slice((b - 1) * BLOCK, b * BLOCK)
        .sort()
        .reverse();
      const prev = prefix.subarray(prefixAt[b - 1]!, prefixAt[b]!);
      const out = prefixAt[b]!;
      let i = 0;
      let j = 0;
      for (let k = 0; k < b * BLOCK; k++)
        prefix[out + k] = j >= BLOCK || (i < prev.length && prev[i]! >= block[j]!) ? prev[i++]! : block[j++]!;
    }
    return (t) => {
      const k = countAtLeastDescending(first, t[0]!);
      const full = Math.floor(k / BLOCK);
      let c =
        full > 0 ? countAtLeastDescending(prefix, t[1]!, prefixAt[full]!, prefixAt[full + 1]!) - prefixAt[full]! : 0;
      for (let j = full * BLOCK; j < k; j++) if (second[j]! >= t[1]!) c++;
      return c;
    };
  }
  // Three or more: per acceptor, the tails by that coordinate (descending) and the nested bitsets
  // of the first k of them; a query ANDs one bitset per acceptor and counts the bits.
  const W = (m + 31) >>> 5;
  const values: Float64Array[] = [];
  const sets: Int32Array[] = [];
  for (let d = 0; d < D; d++) {
    const x = new Float64Array(m);
    for (let j = 0; j < m; j++) x[j] = tails[j * D + d]!;
    const byD = orderDescending(x);
    const v = new Float64Array(m);
    const bits = new Int32Array((m + 1) * W);
    for (let k = 1; k <= m; k++) {
      const j = byD[k - 1]!;
      v[k - 1] = x[j]!;
      bits.copyWithin(k * W, (k - 1) * W, k * W);
      bits[k * W + (j >>> 5)]! |= 1 << (j & 31);
    }
    values.push(v);
    sets.push(bits);
  }
  const at = new Int32Array(D);
  return (t) => {
    for (let d = 0; d < D; d++) {
      const k = countAtLeastDescending(values[d]!, t[d]!);
      if (k === 0) return 0;
      at[d] = k * W;
    }
    let c = 0;
    for (let w = 0; w < W; w++) {
      let x = -1;
      for (let d = 0; d < D; d++) x &= sets[d]![at[d]! + w]!;
      if (x !== 0) c += popcount(x);
    }
    return c;
  };
}

/**
 * Estimates the number of bundles (one option of every group) whose utilities meet `need` on every
 * acceptor, by conditional (Rao-Blackwellised) Monte Carlo: the groups are split into a half B,
 * the groups of largest utility variance (relative to each acceptor's total) whose combinations
 * number at most `halfLimit`, enumerated, and a half A, sampled. For each draw a of A the number of
 * completions b in B with u(a) + u(b) >= need on every acceptor is counted exactly, so only the
 * variation between draws of A is left to chance. A is drawn in blocks of consecutive groups of
 * at most 1,024 combinations, one combination per block (the same distribution as one option per
 * group, with fewer random numbers; tilted draws invert each block's cumulative table through a
 * guide table), and for two acceptors each batch of draws is counted offline (one sweep with a
 * Fenwick tree). Draws come from seedrandom's Alea generator
 * (`seed`), in a first batch of 1,024 and then as many more as the variance so far says are needed, until the standard error is at most that of `maxSamples`
 * uniform 0/1 draws of whole bundles (the former estimator) at the estimated share, or `maxSamples`
 * draws are made.
 *
 * When an acceptor's mean utility is above its threshold (its refusals are the rarer event), the
 * draws are tilted towards its refusals (importance sampling: each group's options drawn with
 * probability proportional to exp(theta * utility), theta < 0 set so that the sampled half's mean
 * plus B's mean equals the threshold), as a mixture with one component per such acceptor and a
 * quarter of uniform draws (so no draw weighs more than 4). The estimate is then the number of
 * bundles minus the weighted mean of each draw's refusing completions: |A| |B| - |A| mean(w(a)
 * (|B| - count(a))), with standard error |A| sd(w (|B| - count)) / sqrt(q); untilted, w = 1 and
 * this is |A| mean(count(a)). The standard error is 0 when every draw has the same count.
 *
 * @example
 * ```ts
 * import { conditionalEstimate } from "./conditionalEstimate.js";
 * import { partyAcceptors } from "./acceptors.js";
 * import { issueGroups } from "./issueGroups.js";
 * const c = compileScenario(nash1950);
 * const need = Float64Array.from(c.reservation, (r) => r - UTILITY_TOLERANCE);
 * const e = conditionalEstimate(issueGroups(c, partyAcceptors(c)), need, { seed: "s", maxSamples: 4000, halfLimit: 16 });
 * Math.abs(e.count - 293) < 5 * e.standardError; // true: 293 bundles, counted exactly by analyze
 * conditionalEstimate(issueGroups(c, partyAcceptors(c)), Float64Array.of(-1, -1), { seed: "s", maxSamples: 4000 });
 * // { count: 512, standardError: 0, samples: 1024 }: every bundle, so every draw counts all its completions
 * ```
 */
export function conditionalEstimate(
  groups: readonly IssueGroup[],
  need: Float64Array,
  options: ConditionalEstimateOptions,
): ConditionalEstimate {
  const D = need.length;
  const K = groups.length;
  if (groups.some((g) => g.options.size === 0)) return { count: 0, standardError: 0, samples: 0 };
  const limit = Math.max(1, options.halfLimit ?? conditionalHalfLimit(D));
  // Each group's share of every acceptor's utility variance, summed over acceptors.
  const total = new Float64Array(D);
  const variance = groups.map((g) => Float64Array.from({ length: D }, (_, d) => moments(g, d, D).variance));
  for (const v of variance) for (let d = 0; d < D; d++) total[d] = total[d]! + v[d]!;
  const score = variance.map((v) => v.reduce((s, x, d) => s + (total[d]! > 0 ? x / total[d]! : 0), 0));
  const byScore = groups.map((_, k) => k).sort((a, b) => score[b]! - score[a]! || a - b);
  const inB = new Uint8Array(K);
  let m = 1;
  let left = K;
  for (const k of byScore) {
    const size = groups[k]!.options.size;
    if (left > 1 && m * size <= limit) {
      inB[k] = 1;
      m *= size;
      left--;
    }
  }
  const A = groups.filter((_, k) => !inB[k]);
  const B = groups.filter((_, k) => inB[k]);
  const tails = combinationSums(B, D);
  let sizeA = 1;
  for (const g of A) sizeA *= g.options.size;
  const maxSamples = Math.max(1, Math.floor(options.maxSamples));

  // Tilts towards each acceptor's refusals, where those are the rarer event.
  const components: Float64Array[][] = [];
  for (let d = 0; d < D; d++) {
    let meanB = 0;
    for (const g of B) meanB += moments(g, d, D).mean;
    const meanA = A.reduce((s, g) => s + moments(g, d, D).mean, 0);
    const theta = tiltFor(A, d, D, meanA - TILT * (meanA - (need[d]! - meanB)));
    if (theta === 0) continue;
    components.push(A.map((g) => tilted(g, d, D, theta).ratio));
  }
  const uniformShare = components.length === 0 ? 1 : DEFENSIVE_SHARE;
  const C = components.length;
  const blocks = sampledBlocks(A, components, D);
  const nb = blocks.length;

  // One or three-plus acceptors: one query at a time; two: offline, a batch at a time.
  const completions = D === 2 ? pairCounter(tails) : undefined;
  const single = D === 2 ? undefined : completionCounter(tails, D);

  const rng = alea(options.seed);
  const sum = new Float64Array(D);
  const product = new Float64Array(C);
  let s1 = 0;
  let s2 = 0;
  let drawn = 0;
  let batch = Math.min(FIRST_BATCH, maxSamples);
  const target =
    options.targetStandardError ??
    ((estimate: number): number => {
      const space = sizeA * m;
      const p = Math.min(Math.max(estimate / space, 1 / maxSamples), 1 - 1 / maxSamples);
      return space * Math.sqrt((p * (1 - p)) / maxSamples);
    });
  // The draw loop below for two acceptors and at most two tilts, with the sums and likelihood
  // ratios in locals: the same random numbers, the same operations in the same order.
  const drawTwo = (batch: number, queries: Float64Array, weight: Float64Array): void => {
    const need0 = need[0]!;
    const need1 = need[1]!;
    for (let i = 0; i < batch; i++) {
      const u = rng();
      const c = u < uniformShare ? -1 : Math.min(C - 1, Math.floor(((u - uniformShare) / (1 - uniformShare)) * C));
      let s0 = 0;
      let s1 = 0;
      let p0 = 1;
      let p1 = 1;
      for (let b = 0; b < nb; b++) {
        const block = blocks[b]!;
        const o = c < 0 ? Math.floor(rng() * block.size) : drawFrom(block.cdf[c]!, block.guide[c]!, rng());
        s0 += block.sums[2 * o]!;
        s1 += block.sums[2 * o + 1]!;
        if (C > 0) p0 *= block.ratio[0]![o]!;
        if (C > 1) p1 *= block.ratio[1]![o]!;
      }
      queries[2 * i] = need0 - s0;
      queries[2 * i + 1] = need1 - s1;
      weight[i] = C === 0 ? 1 : 1 / (uniformShare + ((1 - uniformShare) * (C > 1 ? 0 + p0 + p1 : 0 + p0)) / C);
    }
  };
  for (;;) {
    // Queries t = need - (sum of the drawn combinations): completions are the tails b >= t.
    const queries = new Float64Array(batch * D);
    const weight = new Float64Array(batch);
    if (D === 2 && C <= 2) drawTwo(batch, queries, weight);
    else
      for (let i = 0; i < batch; i++) {
        const u = rng();
        const c = u < uniformShare ? -1 : Math.min(C - 1, Math.floor(((u - uniformShare) / (1 - uniformShare)) * C));
        for (let d = 0; d < D; d++) sum[d] = 0;
        for (let k = 0; k < C; k++) product[k] = 1;
        for (let b = 0; b < nb; b++) {
          const block = blocks[b]!;
          const o = c < 0 ? Math.floor(rng() * block.size) : drawFrom(block.cdf[c]!, block.guide[c]!, rng());
          const sums = block.sums;
          for (let d = 0; d < D; d++) sum[d]! += sums[o * D + d]!;
          for (let k = 0; k < C; k++) product[k]! *= block.ratio[k]![o]!;
        }
        for (let d = 0; d < D; d++) queries[i * D + d] = need[d]! - sum[d]!;
        if (C === 0) weight[i] = 1;
        else {
          let mix = 0;
          for (let k = 0; k < C; k++) mix += product[k]!;
          weight[i] = 1 / (uniformShare + ((1 - uniformShare) * mix) / C);
        }
      }
    const counts = new Float64Array(batch);
    if (completions) completions(queries, batch, counts);
    else for (let i = 0; i < batch; i++) counts[i] = single!(queries.subarray(i * D, i * D + D));
    for (let i = 0; i < batch; i++) {
      const y = weight[i]! * (m - counts[i]!);
      s1 += y;
      s2 += y * y;
    }
    drawn += batch;
    const mean = s1 / drawn;
    const variance = drawn > 1 ? Math.max(0, (s2 - drawn * mean * mean) / (drawn - 1)) : 0;
    const count = sizeA * (m - mean);
    const standardError = sizeA * Math.sqrt(variance / drawn);
    if (drawn >= maxSamples || standardError <= target(count))
      return { count: Math.min(Math.max(count, 0), sizeA * m), standardError, samples: drawn };
    // Enough more draws to reach the target at the variance seen so far (10% over), between a
    // quarter of a first batch and four times the draws so far.
    const ratio = standardError / target(count);
    const wanted = Number.isFinite(ratio) ? Math.ceil(drawn * ratio ** 2 * 1.1) - drawn : FIRST_BATCH;
    batch = Math.min(Math.max(wanted, FIRST_BATCH / 4, 1), 4 * drawn, maxSamples - drawn);
  }
}
