import { compareBundles, toIndexBundle } from "../../model/compile.js";
import { TreatylabError } from "../../model/errors.js";
import { UTILITY_TOLERANCE } from "../../model/tolerance.js";
import type { Bundle } from "../../model/types.js";
import type { OutcomeSpace } from "../outcomeSpace.js";
import { ACCEPTED, REJECTED, brokeDown, type RunOutcome, type Session } from "../session.js";
import type { MediatorRule } from "../types.js";

const LOG_FLOOR = 1e-9;

/**
 * The mediator's criterion on a utility vector (gains g over the reservations): `joint-gains` the
 * sum of gains (Raiffa's joint gains), `nash` the sum of log gains (the Nash product; gains
 * below 1e-9 count as 1e-9), `fairness` the smallest gain (egalitarian).
 *
 * @example
 * ```ts
 * mediatorCriterion("fairness", space, k); // min over parties of u - reservation
 * ```
 */
export function mediatorCriterion(rule: MediatorRule, space: OutcomeSpace, k: number): number {
  const P = space.parties;
  const r = space.compiled.reservation;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let p = 0; p < P; p++) {
    const g = space.utility[k * P + p]! - r[p]!;
    sum += rule === "nash" ? Math.log(Math.max(g, LOG_FLOOR)) : g;
    if (g < min) min = g;
  }
  return rule === "fairness" ? min : sum;
}

/**
 * Calls `visit(index, issue, option)` for each feasible bundle that differs from bundle k on one issue.
 *
 * @example
 * ```ts
 * forEachNeighbour(space, k, (j) => { ... });
 * ```
 */
export function forEachNeighbour(
  space: OutcomeSpace,
  k: number,
  visit: (j: number, issue: number, option: number) => void,
): void {
  const I = space.issues;
  const row = space.bundles.slice(k * I, k * I + I);
  for (let i = 0; i < I; i++) {
    const keep = row[i]!;
    for (let o = 0; o < space.compiled.sizes[i]!; o++) {
      if (o === keep) continue;
      row[i] = o;
      const j = space.find(row);
      if (j >= 0) visit(j, i, o);
    }
    row[i] = keep;
  }
}

/**
 * Most two-issue changes the mediator examines per revision; above it only one-issue changes are tried.
 *
 * @example
 * ```ts
 * MAX_PAIR_CHANGES; // above it the mediator tries one-issue changes only
 * ```
 */
export const MAX_PAIR_CHANGES = 20_000;

/**
 * How far bundle k is from being acceptable to everyone: red lines crossed (summed over parties)
 * and total shortfall below the reservations. Both 0 when every party could accept it.
 *
 * @example
 * ```ts
 * objectionWeight(space, k); // [0, 0.125]
 * ```
 */
export function objectionWeight(space: OutcomeSpace, k: number): [number, number] {
  const c = space.compiled;
  const P = space.parties;
  const I = space.issues;
  let lines = 0;
  let shortfall = 0;
  for (let p = 0; p < P; p++) {
    for (let i = 0; i < I; i++) lines += c.redLine[p]![i]![space.bundles[k * I + i]!]!;
    shortfall += Math.max(0, c.reservation[p]! - space.utility[k * P + p]!);
  }
  return [lines, shortfall];
}

/**
 * Calls `visit(index)` for each feasible bundle that differs from bundle k on one issue, then (when
 * there are at most {@link MAX_PAIR_CHANGES} of them) on two issues, in declaration order.
 *
 * @example
 * ```ts
 * forEachChange(space, k, (j) => { ... });
 * ```
 */
export function forEachChange(space: OutcomeSpace, k: number, visit: (j: number) => void): void {
  forEachNeighbour(space, k, (j) => visit(j));
  const sizes = space.compiled.sizes;
  let singles = 0;
  let pairs = 0;
  for (const n of sizes) {
    pairs += singles * (n - 1);
    singles += n - 1;
  }
  if (pairs > MAX_PAIR_CHANGES) return;
  const I = space.issues;
  const row = space.bundles.slice(k * I, k * I + I);
  for (let a = 0; a < I; a++) {
    const keepA = row[a]!;
    for (let oa = 0; oa < sizes[a]!; oa++) {
      if (oa === keepA) continue;
      row[a] = oa;
      for (let b = a + 1; b < I; b++) {
        const keepB = row[b]!;
        for (let ob = 0; ob < sizes[b]!; ob++) {
          if (ob === keepB) continue;
          row[b] = ob;
          const j = space.find(row);
          if (j >= 0) visit(j);
        }
        row[b] = keepB;
      }
    }
    row[a] = keepA;
  }
}

/**
 * The mediator's revision of text k: among the one- and two-issue changes ({@link forEachChange}),
 * the one with the lexicographically best (fewest red lines crossed, smallest total shortfall,
 * largest criterion), if it beats the text by more than the tolerance; otherwise k. Under
 * `joint-gains`, once the text crosses no red line and leaves nobody short, a change must leave
 * nobody worse off (Raiffa's joint gains). Ties: the first change met.
 *
 * @example
 * ```ts
 * const next = reviseText(space, "nash", text);
 * ```
 */
export function reviseText(space: OutcomeSpace, rule: MediatorRule, k: number): number {
  const P = space.parties;
  const tol = UTILITY_TOLERANCE;
  let best = k;
  let [bestLines, bestShort] = objectionWeight(space, k);
  let bestF = mediatorCriterion(rule, space, k);
  const pareto = rule === "joint-gains" && bestLines === 0 && bestShort <= tol;
  forEachChange(space, k, (j) => {
    if (pareto) for (let p = 0; p < P; p++) if (space.utility[j * P + p]! < space.utility[k * P + p]! - tol) return;
    const [lines, short] = objectionWeight(space, j);
    const f = mediatorCriterion(rule, space, j);
    const better =
      lines < bestLines ||
      (lines === bestLines && (short < bestShort - tol || (Math.abs(short - bestShort) <= tol && f > bestF + tol)));
    if (better) {
      best = j;
      bestLines = lines;
      bestShort = short;
      bestF = f;
    }
  });
  return best;
}

/**
 * The first text: the given bundle, or per issue the option with the largest sum over parties of
 * normalised value (a compromise issue by issue; ties to the canonically first option); when that
 * bundle breaks a constraint, the feasible bundle differing on the fewest issues (ties canonical).
 *
 * @example
 * ```ts
 * const text = startText(space, undefined);
 * ```
 */
export function startText(space: OutcomeSpace, given: Bundle | undefined): number {
  const c = space.compiled;
  if (given) {
    const k = space.find(toIndexBundle(c, given, "startText"));
    if (k < 0)
      throw new TreatylabError(
        'startText is not in the outcome space: it breaks a constraint (or, with scope "zopa", some party never accepts it); give another bundle',
      );
    return k;
  }
  const row = new Int32Array(space.issues);
  for (let i = 0; i < space.issues; i++) {
    let best = 0;
    let bestV = Number.NEGATIVE_INFINITY;
    for (let o = 0; o < c.sizes[i]!; o++) {
      let v = 0;
      for (let p = 0; p < space.parties; p++) {
        const w = c.weight[p]![i]!;
        if (w > 0) v += c.contrib[p]![i]![o]! / w;
      }
      if (
        v > bestV + UTILITY_TOLERANCE ||
        (Math.abs(v - bestV) <= UTILITY_TOLERANCE && c.optionRank[i]![o]! < c.optionRank[i]![best]!)
      ) {
        best = o;
        bestV = v;
      }
    }
    row[i] = best;
  }
  const k = space.find(row);
  if (k >= 0) return k;
  let bestK = 0;
  let bestD = Number.POSITIVE_INFINITY;
  const I = space.issues;
  for (let j = 0; j < space.size; j++) {
    let d = 0;
    for (let i = 0; i < I; i++) if (space.bundles[j * I + i] !== row[i]) d++;
    if (d < bestD || (d === bestD && compareBundles(c, space.row(j), space.row(bestK)) < 0)) {
      bestK = j;
      bestD = d;
    }
  }
  return bestK;
}

function objection(
  space: OutcomeSpace,
  p: number,
  k: number,
): { party: number; redLines: number[]; shortfall: number; improve: [number, number] | null } {
  const c = space.compiled;
  const P = space.parties;
  const I = space.issues;
  const redLines: number[] = [];
  for (let i = 0; i < I; i++) if (c.redLine[p]![i]![space.bundles[k * I + i]!]) redLines.push(i);
  const u = space.utility[k * P + p]!;
  let improve: [number, number] | null = null;
  let bestU = u + UTILITY_TOLERANCE;
  forEachNeighbour(space, k, (j, i, o) => {
    const v = space.utility[j * P + p]!;
    if (v > bestU) {
      bestU = v;
      improve = [i, o];
    }
  });
  return { party: p, redLines, shortfall: Math.max(0, c.reservation[p]! - u), improve };
}

/**
 * The single negotiating text (Fisher's procedure, used by the US at Camp David, 1978; Raiffa
 * 1982): each round the mediator presents a text; each party accepts it (its strategy's rule and
 * compiled acceptance) or states what it cannot accept (red lines crossed, shortfall) and the
 * one-issue change that would improve it most; if all accept, it is the agreement; otherwise the
 * mediator revises the text by its rule ({@link reviseText}). With an empty outcome space (scope
 * "zopa" and no bundle every party ever accepts) there is no text: the run ends at once in conflict.
 *
 * @example
 * ```ts
 * simulate(s, { protocol: "single-text", mediator: "nash" });
 * ```
 */
export function runSingleText(s: Session, rule: MediatorRule, start: Bundle | undefined): RunOutcome {
  const n = s.n;
  const responses = new Uint8Array(n);
  const survived = s.beginRound(1);
  if (s.space.size === 0) return { agreement: -1, round: 0, rounds: 0, outcome: "conflict" }; // scope "zopa" with an empty ZOPA throughout
  if (!survived) return brokeDown(1);
  let text = startText(s.space, start);
  for (let r = 1; r <= s.lastRound; r++) {
    if (r > 1 && !s.beginRound(r)) return brokeDown(r);
    let all = true;
    const objections: ReturnType<typeof objection>[] = [];
    for (let p = 0; p < n; p++) {
      const ok = s.respond(p, text, -1);
      responses[p] = ok ? ACCEPTED : REJECTED;
      if (!ok) {
        all = false;
        if (s.moves) objections.push(objection(s.space, p, text));
      }
    }
    const move = s.log(r, -1, text, responses);
    if (s.moves && objections.length > 0) s.moves.objections.set(move, objections);
    if (all) return { agreement: text, round: r, rounds: r, outcome: "agreement" };
    text = reviseText(s.space, rule, text);
  }
  return { agreement: -1, round: 0, rounds: s.lastRound, outcome: "deadline" };
}
