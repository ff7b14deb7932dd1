import { UTILITY_TOLERANCE } from "../../model/tolerance.js";
import { delayedValue } from "../delay.js";
import type { FrequencyModel } from "../opponentModel.js";
import { positionAtOrAbove } from "../outcomeSpace.js";
import type { StrategyContext } from "../types.js";

/**
 * How far above the target (in own utility) {@link pickNear} looks for a bundle the opponents like more.
 *
 * @example
 * ```ts
 * pickNear(ctx, 0.7, 0.7 + MODEL_WINDOW, true);
 * ```
 */
export const MODEL_WINDOW = 0.05;
/**
 * Most candidates {@link pickNear} compares with the opponent models.
 *
 * @example
 * ```ts
 * MODEL_BREADTH; // 16 predictions per offer at most
 * ```
 */
export const MODEL_BREADTH = 16;

/**
 * The bundle to offer for a target utility: the acceptable bundle closest to the target from
 * above (binary search in the party's sorted index). With `useModel`, once every opponent has made
 * an offer, up to {@link MODEL_BREADTH} bundles with own utility in [target, min(target +
 * {@link MODEL_WINDOW}, ceiling)] are compared and the one with the largest summed predicted
 * opponent utility wins (ties: the one closest to the target). `ceiling` (the previous offer's
 * utility) keeps a conceding strategy's offers from rising. Returns -1 when the party accepts no bundle.
 *
 * @example
 * ```ts
 * const offer = pickNear(ctx, 0.72, 0.75, true);
 * ```
 */
export function pickNear(ctx: StrategyContext, target: number, ceiling: number, useModel: boolean): number {
  const { space, party: p } = ctx;
  const pos = positionAtOrAbove(space, p, target);
  if (pos < 0) return -1;
  const own = space.own[p]!;
  const ownU = space.ownUtility[p]!;
  if (!useModel || space.parties < 2) return own[pos]!;
  const models: FrequencyModel[] = [];
  for (let q = 0; q < space.parties; q++) {
    if (q === p) continue;
    const m = ctx.model(q);
    if (m.observed === 0) return own[pos]!;
    models.push(m);
  }
  const top = Math.min(target + MODEL_WINDOW, ceiling) + UTILITY_TOLERANCE;
  let best = own[pos]!;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let k = pos, seen = 0; k >= 0 && seen < MODEL_BREADTH && ownU[k]! <= top; k--, seen++) {
    const b = own[k]!;
    let score = 0;
    for (let m = 0; m < models.length; m++) score += models[m]!.predict(space, b);
    if (score > bestScore + UTILITY_TOLERANCE) {
      bestScore = score;
      best = b;
    }
  }
  return best;
}

/**
 * The acceptance rule AC_next with the cost of delay (Baarslag et al. 2014, "Effective acceptance
 * conditions in automated negotiation"): accept when the offer, received now, is worth at least
 * what the party's own next offer (utility `next`) would be worth one round later; in the last
 * round of the party's horizon accept anything (the engine still requires the party's compiled
 * acceptance, and any acceptable deal beats no deal).
 *
 * @example
 * ```ts
 * respond: (ctx, offer) => acceptNext(ctx, offer, target(ctx.round + 1)),
 * ```
 */
export function acceptNext(ctx: StrategyContext, offer: number, next: number): boolean {
  if (ctx.round >= ctx.horizon) return true;
  const u = ctx.space.utility[offer * ctx.space.parties + ctx.party]!;
  return delayedValue(u, ctx.delay, ctx.round - 1) >= delayedValue(next, ctx.delay, ctx.round) - UTILITY_TOLERANCE;
}

/**
 * The party's best acceptable utility (Pmax of the time-dependent tactics); NaN when it accepts no bundle.
 *
 * @example
 * ```ts
 * maxUtility(ctx); // 1
 * ```
 */
export function maxUtility(ctx: StrategyContext): number {
  const u = ctx.space.ownUtility[ctx.party]!;
  return u.length === 0 ? Number.NaN : u[0]!;
}

/**
 * The party's worst acceptable utility (Pmin of the time-dependent tactics: at least its
 * reservation); NaN when it accepts no bundle.
 *
 * @example
 * ```ts
 * minUtility(ctx); // 0.35
 * ```
 */
export function minUtility(ctx: StrategyContext): number {
  const u = ctx.space.ownUtility[ctx.party]!;
  return u.length === 0 ? Number.NaN : u[u.length - 1]!;
}

/**
 * Utility to the context's party of a bundle index.
 *
 * @example
 * ```ts
 * ownUtility(ctx, offer); // 0.63
 * ```
 */
export function ownUtility(ctx: StrategyContext, bundle: number): number {
  return ctx.space.utility[bundle * ctx.space.parties + ctx.party]!;
}

/**
 * Normalised time at a given round for a context's horizon, as {@link StrategyContext.time}.
 *
 * @example
 * ```ts
 * timeAt(ctx, ctx.round + 1);
 * ```
 */
export function timeAt(ctx: StrategyContext, round: number): number {
  return ctx.horizon <= 1 ? 1 : Math.min(1, Math.max(0, (round - 1) / (ctx.horizon - 1)));
}
