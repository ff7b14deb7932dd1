/**
 * One round of Bueno de Mesquita's expected-utility model with the semantics of Scholz, Calbert and
 * Smith (2011), "Unravelling Bueno de Mesquita's group decision model", Journal of Theoretical
 * Politics 23(4); docs/forecast.md states every formula and tie rule.
 * @module
 */
import type { OfferKind } from "./types.js";

/** q in the expected-utility formula: the probability that the status quo persists. */
const Q = 1;

/**
 * How an actor chooses among compromise offers: `scholz` takes the smallest
 * (|e1| x_a + |e2| x_o) / (|e1| + |e2|) as in the authors' code; `nearest` the compromise whose new
 * position is nearest the actor's current one.
 *
 * @example
 * ```ts
 * const rule: CompromiseRule = "nearest";
 * ```
 */
export type CompromiseRule = "scholz" | "nearest";

/**
 * The outcome of one round: the risk exponents used, the offer each actor took (index of the
 * offering actor, or -1) and the new positions.
 *
 * @example
 * ```ts
 * import { type BdmStep, bdmRound } from "./bdm.js";
 * const s: BdmStep = bdmRound(Float64Array.of(0, 40, 100), Float64Array.of(1, 2, 1), [0.5, 0.8, 0.6], 100, "scholz");
 * s.kind; // ["confrontation", null, "capitulation"]
 * s.from; // Int32Array [2, -1, 1]: the offering actors
 * s.next; // Float64Array [100, 40, 40]: positions after the round
 * ```
 */
export interface BdmStep {
  readonly risk: Float64Array;
  readonly kind: readonly (OfferKind | null)[];
  readonly from: Int32Array;
  readonly next: Float64Array;
}

/**
 * The success probabilities P(i, j) of every challenge (row i challenges column j) given positions x,
 * vote weights w = c s, risk exponents r and the fixed range R.
 */
function probabilities(x: Float64Array, w: Float64Array, r: Float64Array, range: number): Float64Array {
  const n = x.length;
  // d[k * n + a] = (|x_k - x_a| / R)^r_k: actor k's distance to a's position, with k's exponent.
  const d = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let a = 0; a < n; a++) d[k * n + a] = (Math.abs(x[k]! - x[a]!) / range) ** r[k]!;
  // Denominator: sum_k w_k sum_a sum_b |d_kb - d_ka| = sum_k w_k 2 sum_i d_(i) (2i - n + 1) over k's sorted distances.
  let denominator = 0;
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    sorted.set(d.subarray(k * n, k * n + n));
    sorted.sort();
    let sum = 0;
    for (let i = 0; i < n; i++) sum += sorted[i]! * (2 * i - n + 1);
    denominator += w[k]! * 2 * sum;
  }
  const p = new Float64Array(n * n);
  if (!(denominator > 0)) return p;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (x[i] === x[j]) continue;
      let num = 0;
      for (let k = 0; k < n; k++) {
        const v = d[k * n + j]! - d[k * n + i]!;
        if (v > 0) num += w[k]! * v;
      }
      p[i * n + j] = num / denominator;
    }
  return p;
}

/**
 * EU_p(i, j): the expected utility of i challenging j as seen by an actor with exponent rp.
 */
function expectedUtility(distance: number, sj: number, prob: number, rp: number): number {
  const us = 2 - 4 * (0.5 - 0.5 * distance) ** rp;
  const uf = 2 - 4 * (0.5 + 0.5 * distance) ** rp;
  const usq = 2 - 4 * 0.5 ** rp;
  return sj * (prob * us + (1 - prob) * uf) + (1 - sj) * us - Q * usq;
}

/**
 * Risk exponents: with every r = 1, each actor's danger D_a = sum over o != a of EU_a(o, a); risk
 * acceptance A_a = (2 D_a - max D - min D) / (max D - min D) (0 for all when every D is equal);
 * r_a = (1 - A_a / 3) / (1 + A_a / 3).
 */
function riskExponents(x: Float64Array, w: Float64Array, s: ArrayLike<number>, range: number): Float64Array {
  const n = x.length;
  const ones = new Float64Array(n).fill(1);
  const p = probabilities(x, w, ones, range);
  const danger = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let sum = 0;
    for (let o = 0; o < n; o++)
      if (o !== a) sum += expectedUtility(Math.abs(x[o]! - x[a]!) / range, s[a]!, p[o * n + a]!, 1);
    danger[a] = sum;
  }
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (const v of danger) {
    if (v > max) max = v;
    if (v < min) min = v;
  }
  const r = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const acceptance = max > min ? (2 * danger[a]! - max - min) / (max - min) : 0;
    r[a] = (1 - acceptance / 3) / (1 + acceptance / 3);
  }
  return r;
}

/**
 * Plays one round of the expected-utility model: risk exponents, every actor's offers, the offer it
 * takes (a confrontation if any, nearest first; else a compromise by `rule`; else the nearest
 * capitulation; ties to the earlier actor in the input) and the new positions, all at once.
 *
 * @example
 * ```ts
 * import { bdmRound } from "./bdm.js";
 * const step = bdmRound(Float64Array.of(0, 10), Float64Array.of(1, 1), [1, 1], 10, "scholz");
 * step.next; // Float64Array [0, 10]: two equal actors make no offer
 * ```
 */
export function bdmRound(
  x: Float64Array,
  c: Float64Array,
  s: ArrayLike<number>,
  range: number,
  rule: CompromiseRule,
): BdmStep {
  const n = x.length;
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) w[k] = c[k]! * s[k]!;
  const risk = riskExponents(x, w, s, range);
  const p = probabilities(x, w, risk, range);
  const next = Float64Array.from(x);
  const kind: (OfferKind | null)[] = new Array<OfferKind | null>(n).fill(null);
  const from = new Int32Array(n).fill(-1);
  for (let a = 0; a < n; a++) {
    const xa = x[a]!;
    let conf = -1;
    let confKey = 0;
    let comp = -1;
    let compKey = 0;
    let compTo = 0;
    let cap = -1;
    let capKey = 0;
    for (let o = 0; o < n; o++) {
      const xo = x[o]!;
      if (xo === xa) continue;
      const dist = Math.abs(xo - xa) / range;
      const e1 = expectedUtility(dist, s[o]!, p[a * n + o]!, risk[a]!);
      const e2 = expectedUtility(dist, s[a]!, p[o * n + a]!, risk[a]!);
      const near = Math.abs(xo - xa);
      if (e2 > e1 && e1 > 0) {
        if (conf < 0 || near < confKey) [conf, confKey] = [o, near];
      } else if (e2 > 0 && e1 < 0) {
        if (e2 > -e1) {
          const to = xa + (xo - xa) * Math.abs(e1 / e2);
          const key = rule === "scholz" ? (-e1 * xa + e2 * xo) / (-e1 + e2) : Math.abs(to - xa);
          if (comp < 0 || key < compKey) [comp, compKey, compTo] = [o, key, to];
        } else if (cap < 0 || near < capKey) [cap, capKey] = [o, near];
      }
    }
    if (conf >= 0) [kind[a], from[a], next[a]] = ["confrontation", conf, x[conf]!];
    else if (comp >= 0) [kind[a], from[a], next[a]] = ["compromise", comp, compTo];
    else if (cap >= 0) [kind[a], from[a], next[a]] = ["capitulation", cap, x[cap]!];
  }
  return { risk, kind, from, next };
}
