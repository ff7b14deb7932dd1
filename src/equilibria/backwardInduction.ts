import { toNamedBundle } from "../model/compile.js";
import { compareBundles } from "../model/compile.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { TreatylabError } from "../model/errors.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { Bundle, Scenario } from "../model/types.js";
import { roundUtility, utilityRecord } from "../utility/utilities.js";
import { resolveDelay } from "../simulation/delay.js";
import type { OutcomeSpace } from "../simulation/outcomeSpace.js";
import { buildTimeline } from "../simulation/timeline.js";

/**
 * Most rounds {@link subgamePerfectEquilibrium} solves.
 *
 * @example
 * ```ts
 * subgamePerfectEquilibrium(s, { rounds: MAX_SPE_ROUNDS });
 * ```
 */
export const MAX_SPE_ROUNDS = 1_000_000;

/**
 * Options of {@link subgamePerfectEquilibrium}: the horizon and each party's per-round discount
 * factor (default 1).
 *
 * @example
 * ```ts
 * const o: SpeOptions = { rounds: 10, discount: { russia: 0.95, ukraine: 0.9 } };
 * ```
 */
export interface SpeOptions {
  readonly rounds: number;
  readonly discount?: Readonly<Record<string, number>>;
}

/**
 * The subgame-perfect equilibrium of finite-horizon alternating offers: the agreement on the
 * equilibrium path (null when there is none) and its round, and each party's equilibrium payoff
 * (discounted to round 1).
 *
 * @example
 * ```ts
 * const r: SpeResult = subgamePerfectEquilibrium(s, { rounds: 4 });
 * r.agreement?.bundle; r.round;
 * ```
 */
export interface SpeResult {
  readonly agreement: { readonly bundle: Bundle; readonly utilities: Readonly<Record<string, number>> } | null;
  readonly round: number | null;
  readonly payoffs: Readonly<Record<string, number>>;
  readonly rounds: number;
  readonly discount: Readonly<Record<string, number>>;
}

/** For a proposer: bundles both parties accept, sorted by the responder's utility, with suffix bests for the proposer. */
interface OfferTable {
  readonly responderU: Float64Array;
  /** best[k]: the proposer's best bundle among positions k.. (ties: higher responder utility, then canonical order). */
  readonly best: Int32Array;
}

function offerTable(space: OutcomeSpace, i: number, j: number): OfferTable {
  const P = space.parties;
  const c = space.compiled;
  const list: number[] = [];
  for (let k = 0; k < space.size; k++) if (space.allAccept[k]) list.push(k);
  list.sort((a, b) => space.utility[a * P + j]! - space.utility[b * P + j]! || a - b);
  const responderU = Float64Array.from(list, (k) => space.utility[k * P + j]!);
  const best = new Int32Array(list.length);
  const better = (a: number, b: number): boolean => {
    const du = space.utility[a * P + i]! - space.utility[b * P + i]!;
    if (Math.abs(du) > UTILITY_TOLERANCE) return du > 0;
    const dv = space.utility[a * P + j]! - space.utility[b * P + j]!;
    if (Math.abs(dv) > UTILITY_TOLERANCE) return dv > 0;
    return compareBundles(c, space.row(a), space.row(b)) < 0;
  };
  for (let k = list.length - 1; k >= 0; k--) {
    const here = list[k]!;
    best[k] = k === list.length - 1 || better(here, best[k + 1]!) ? here : best[k + 1]!;
  }
  return { responderU, best };
}

/** First position whose responder utility is at least `threshold` (within the tolerance), or the length. */
function firstAtLeast(u: Float64Array, threshold: number): number {
  let lo = 0;
  let hi = u.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u[mid]! >= threshold - UTILITY_TOLERANCE) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The subgame-perfect equilibrium of T-round alternating offers over a bilateral scenario's
 * bundles, by backward induction. The first party listed proposes in odd rounds. A settlement x
 * in round t is worth d_p^(t-1) u_p(x) to party p; if round T ends without agreement each gets its
 * reservation, worth d_p^T r_p. Only bundles both parties' compiled acceptance passes (red lines,
 * reservation, ratification) can be agreed. Rules for ties: the responder accepts an offer worth
 * at least its continuation value; the proposer agrees now when its best accepted offer is worth
 * at least its continuation; among equally good offers it picks the one better for the responder,
 * then the canonically first bundle. Values are kept in current-round terms (no underflow), and
 * each round costs O(log n) after an O(n log n) sort, n the ZOPA's size (found with the pruned
 * ZOPA walk, so the scenario's full outcome space is never listed).
 *
 * @example
 * ```ts
 * import { builtinScenario, subgamePerfectEquilibrium } from "treatylab";
 * const r = subgamePerfectEquilibrium(builtinScenario("nash-1950"), { rounds: 5, discount: { bill: 0.9, jack: 0.9 } });
 * r.agreement?.utilities; r.round; // 1
 * ```
 */
export function subgamePerfectEquilibrium(scenario: Scenario, options: SpeOptions): SpeResult {
  // Only bundles both parties accept can be agreed, so the ZOPA is all the induction needs (and
  // it is found with the pruned walk: scenarios with millions of bundles stay tractable).
  const space = buildTimeline(scenario, [], "zopa").initial.space;
  const c = space.compiled;
  if (space.parties !== 2)
    throw new TreatylabError(
      `the subgame-perfect equilibrium is computed for two parties; the scenario has ${space.parties}`,
    );
  const T = options.rounds;
  if (!Number.isSafeInteger(T) || T < 1 || T > MAX_SPE_ROUNDS)
    throw new TreatylabError(`rounds is ${T}; expected an integer from 1 to ${MAX_SPE_ROUNDS}`);
  for (const id of Object.keys(options.discount ?? {}))
    if (!c.partyIds.includes(id))
      throw new TreatylabError(`--discount names unknown party "${id}"; expected ${c.partyIds.join(" or ")}`);
  const d = c.partyIds.map((id) => resolveDelay({ discount: options.discount?.[id] }, id).discount);
  const P = 2;
  const tables = [offerTable(space, 0, 1), offerTable(space, 1, 0)];
  // w: continuation values in the terms of the round being solved (after discounting one round).
  let w0 = c.reservation[0]!;
  let w1 = c.reservation[1]!;
  // The path agrees in the earliest round whose proposer agrees: the loop visits it last.
  let round: number | null = null;
  let x = -1;
  for (let t = T; t >= 1; t--) {
    const i = (t - 1) % 2;
    const j = 1 - i;
    const cont = [d[0]! * w0, d[1]! * w1];
    const table = tables[i]!;
    const pos = firstAtLeast(table.responderU, cont[j]!);
    let agreed = false;
    if (pos < table.best.length) {
      const offer = table.best[pos]!;
      if (space.utility[offer * P + i]! >= cont[i]! - UTILITY_TOLERANCE) {
        round = t;
        x = offer;
        w0 = space.utility[offer * P]!;
        w1 = space.utility[offer * P + 1]!;
        agreed = true;
      }
    }
    if (!agreed) {
      w0 = cont[0]!;
      w1 = cont[1]!;
    }
  }
  const payoffs: Record<string, number> = {};
  c.partyIds.forEach((id, p) => (payoffs[id] = roundUtility(p === 0 ? w0 : w1)));
  const discount: Record<string, number> = {};
  c.partyIds.forEach((id, p) => (discount[id] = d[p]!));
  return deepFreeze({
    agreement:
      x < 0
        ? null
        : {
            bundle: toNamedBundle(c, space.row(x)),
            utilities: utilityRecord(c, space.utility.subarray(x * P, x * P + P)),
          },
    round,
    payoffs,
    rounds: T,
    discount,
  });
}
