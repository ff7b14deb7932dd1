import { UTILITY_TOLERANCE } from "../../model/tolerance.js";
import type { OutcomeSpace } from "../outcomeSpace.js";
import type { StrategyContext, StrategyFactory } from "../types.js";

/**
 * Party p's gain from bundle k over its reservation, counting a bundle it does not accept (red
 * line, ratification) as no gain: the conflict payoff is all it can count on.
 *
 * @example
 * ```ts
 * import { effectiveGain } from "./zeuthen.js";
 * const space = outcomeSpace(builtinScenario("nash-1950"));
 * effectiveGain(space, 0, space.own[0]![0]!); // 0.647… (bill's utility 1 minus his reservation)
 * ```
 */
export function effectiveGain(space: OutcomeSpace, p: number, k: number): number {
  const P = space.parties;
  if (!space.acceptable[k * P + p]) return 0;
  return Math.max(0, space.utility[k * P + p]! - space.compiled.reservation[p]!);
}

/**
 * Zeuthen's risk (Zeuthen 1930; Harsanyi 1956): the largest probability of conflict party i would
 * accept rather than take the opponent's offer, `(g_i(mine) - g_i(theirs)) / g_i(mine)` with
 * {@link effectiveGain}s (clamped to [0, 1]; 1 when its own offer gains nothing).
 *
 * @example
 * ```ts
 * const space = outcomeSpace(builtinScenario("nash-1950"));
 * const [mine, theirs] = [space.own[0]![0]!, space.own[1]![0]!];
 * zeuthenRisk(space, 0, mine, theirs); // 1: jack's demand leaves bill nothing
 * ```
 */
export function zeuthenRisk(space: OutcomeSpace, i: number, mine: number, theirs: number): number {
  const gm = effectiveGain(space, i, mine);
  if (gm <= UTILITY_TOLERANCE) return 1;
  return Math.min(1, Math.max(0, (gm - effectiveGain(space, i, theirs)) / gm));
}

/**
 * The Zeuthen strategy's minimal sufficient concession for party i (offer `mine`) against party j
 * (offer `theirs`): the bundle best for i among those i accepts that j accepts and that give j strictly
 * more utility than `mine` and leave i's risk above j's (so j must concede next), and that
 * i prefers to `theirs`; among matches equally good for i (within the tolerance), the one best for
 * j. It walks i's sorted index from the top and stops past the level of the first match.
 * When no such bundle exists i concedes to `theirs` if it accepts it (and it gives j more);
 * if i cannot accept `theirs`, it makes the smallest step towards j (the best bundle for i among
 * those that give j more); otherwise it returns -1 (i cannot concede).
 *
 * @example
 * ```ts
 * const space = outcomeSpace(builtinScenario("nash-1950"));
 * const [mine, theirs] = [space.own[0]![0]!, space.own[1]![0]!];
 * const next = zeuthenConcession(space, 0, 1, mine, theirs);
 * space.utility[next * space.parties + 1]; // 0.5: jack's utility of bill's concession
 * ```
 */
export function zeuthenConcession(space: OutcomeSpace, i: number, j: number, mine: number, theirs: number): number {
  const P = space.parties;
  // A concession must give j strictly more utility (a bundle j does not accept counts as nothing).
  const worth = (k: number): number =>
    space.acceptable[k * P + j] ? space.utility[k * P + j]! : Number.NEGATIVE_INFINITY;
  const floor = worth(mine) + UTILITY_TOLERANCE;
  const theirsOk = space.acceptable[theirs * P + i] === 1;
  const theirsToMe = space.utility[theirs * P + i]!;
  const own = space.own[i]!;
  let found = -1;
  for (const y of own) {
    const u = space.utility[y * P + i]!;
    if (found >= 0 && u < space.utility[found * P + i]! - UTILITY_TOLERANCE) break; // past the level of the first match
    if (theirsOk && u <= theirsToMe + UTILITY_TOLERANCE) break; // taking their offer is better
    if (worth(y) <= floor) continue;
    if (
      zeuthenRisk(space, i, y, theirs) > zeuthenRisk(space, j, theirs, y) + UTILITY_TOLERANCE &&
      (found < 0 || worth(y) > worth(found) + UTILITY_TOLERANCE)
    )
      found = y;
  }
  if (found >= 0) return found;
  if (theirsOk) return worth(theirs) > floor ? theirs : -1;
  // Their offer is unacceptable to i and no concession flips the risks: the smallest step towards j.
  for (const y of own) {
    if (worth(y) <= floor) continue;
    const u = space.utility[y * P + i]!;
    if (found >= 0 && u < space.utility[found * P + i]! - UTILITY_TOLERANCE) break;
    if (found < 0 || worth(y) > worth(found) + UTILITY_TOLERANCE) found = y;
  }
  return found;
}

/**
 * The Zeuthen strategy's opening offer for party i against party j: its best bundle; among bundles
 * equally good for i (within the tolerance), the one best for j (Zeuthen's bargainers know each
 * other's utilities). -1 when i accepts no bundle.
 *
 * @example
 * ```ts
 * import { zeuthenOpening } from "./zeuthen.js";
 * const space = outcomeSpace(builtinScenario("nash-1950"));
 * const first = zeuthenOpening(space, 0, 1);
 * space.utility[first * space.parties + 0]; // 1
 * ```
 */
export function zeuthenOpening(space: OutcomeSpace, i: number, j: number): number {
  const own = space.own[i]!;
  const ownU = space.ownUtility[i]!;
  const P = space.parties;
  let best = own.length === 0 ? -1 : own[0]!;
  for (let k = 1; k < own.length && ownU[k]! >= ownU[0]! - UTILITY_TOLERANCE; k++) {
    const y = own[k]!;
    const wy = space.acceptable[y * P + j] ? space.utility[y * P + j]! : Number.NEGATIVE_INFINITY;
    const wb = space.acceptable[best * P + j] ? space.utility[best * P + j]! : Number.NEGATIVE_INFINITY;
    if (wy > wb + UTILITY_TOLERANCE) best = y;
  }
  return best;
}

/**
 * The Zeuthen strategy, bilateral: start with the best bundle; each turn compare risks with the
 * opponent's latest offer and, when its own risk is not larger, make the minimal sufficient
 * concession ({@link zeuthenConcession}); accept an offer worth at least its own current offer.
 * In the `zeuthen` protocol (monotonic concession) both parties move each round.
 *
 * @example
 * ```ts
 * simulate(builtinScenario("nash-1950"), { protocol: "zeuthen" }).strategies; // { bill: "zeuthen", jack: "zeuthen" }
 * ```
 */
export const zeuthenStrategy: StrategyFactory = {
  name: "zeuthen",
  description: "Zeuthen: the party with less to lose from conflict concedes just enough",
  parameters: {},
  create(party) {
    let mine = -1;
    const opponentOffer = (ctx: StrategyContext): { j: number; x: number } | null => {
      let best: { j: number; x: number; n: number } | null = null;
      for (let q = 0; q < ctx.space.parties; q++) {
        if (q === party) continue;
        const o = ctx.offers(q);
        if (o.length > 0 && (best === null || o.length > best.n)) best = { j: q, x: o[o.length - 1]!, n: o.length };
      }
      return best;
    };
    return {
      propose(ctx) {
        const space = ctx.space;
        const other = opponentOffer(ctx);
        if (mine < 0) mine = zeuthenOpening(space, party, other?.j ?? (party === 0 ? 1 : 0));
        if (mine < 0 || other === null) return mine;
        if (
          zeuthenRisk(space, party, mine, other.x) <=
          zeuthenRisk(space, other.j, other.x, mine) + UTILITY_TOLERANCE
        ) {
          const y = zeuthenConcession(space, party, other.j, mine, other.x);
          if (y >= 0) mine = y;
        }
        return mine;
      },
      respond(ctx, offer) {
        const P = ctx.space.parties;
        const ref =
          mine >= 0
            ? ctx.space.utility[mine * P + party]!
            : (ctx.space.ownUtility[party]![0] ?? Number.POSITIVE_INFINITY);
        return ctx.space.utility[offer * P + party]! >= ref - UTILITY_TOLERANCE;
      },
    };
  },
};
