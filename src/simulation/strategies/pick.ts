import { UTILITY_TOLERANCE } from "../../model/tolerance.js";
import { delayedValue } from "../delay.js";
import type { FrequencyModel } from "../opponentModel.js";
import type { StrategyContext } from "../types.js";

/**
 * How far above the target (in own utility) {@link pickNear} looks for a bundle the opponents like more.
 *
 * @example
 * ```ts
 * import { MODEL_WINDOW } from "./pick.js";
 * const ctx = negotiate(builtinScenario("nash-1950"), { seed: 1 }).session.contexts[0]!;
 * const k = pickNear(ctx, 0.7, 0.7 + MODEL_WINDOW, true);
 * ownUtility(ctx, k); // 0.70588… (12/17)
 * ```
 */
export const MODEL_WINDOW = 0.05;
/**
 * Most candidates {@link pickNear} compares with the opponent models.
 *
 * @example
 * ```ts
 * import { MODEL_BREADTH } from "./pick.js";
 * const ctx = negotiate(builtinScenario("nash-1950"), { seed: 1 }).session.contexts[0]!;
 * Math.min(MODEL_BREADTH, ctx.space.own[0]!.length); // 16 predictions per offer at most
 * ```
 */
export const MODEL_BREADTH = 16;

/** The candidates of {@link pickNear} (reused: strategies run one at a time). */
const near = new Int32Array(MODEL_BREADTH);
/** The opponent models of {@link pickNear} (reused likewise: no array per offer). */
const models: FrequencyModel[] = [];

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
 * const ctx = negotiate(builtinScenario("nash-1950"), { seed: 1 }).session.contexts[0]!;
 * const offer = pickNear(ctx, 0.72, 0.75, true);
 * ownUtility(ctx, offer); // 0.76470… (13/17)
 * ```
 */
export function pickNear(ctx: StrategyContext, target: number, ceiling: number, useModel: boolean): number {
  const { space, party: p } = ctx;
  const withModel = useModel && space.parties >= 2;
  const top = Math.min(target + MODEL_WINDOW, ceiling) + UTILITY_TOLERANCE;
  const n = space.nearAbove(p, target, top, withModel ? MODEL_BREADTH : 1, near);
  if (n === 0) return -1;
  if (!withModel) return near[0]!;
  let count = 0;
  for (let q = 0; q < space.parties; q++) {
    if (q === p) continue;
    const m = ctx.model(q);
    if (m.observed === 0) return near[0]!;
    models[count++] = m;
  }
  let best = near[0]!;
  let bestScore = Number.NEGATIVE_INFINITY;
  // near[1..] are at most `top` by construction; only the first may be above it (then it is offered unscored).
  for (let j = space.utilityOf(best, p) <= top ? 0 : n; j < n; j++) {
    const b = near[j]!;
    let score = 0;
    for (let m = 0; m < count; m++) score += models[m]!.predict(space, b);
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
 * const patient: Strategy = {
 *   propose: (ctx) => pickNear(ctx, 0.8, 1, false),
 *   respond: (ctx, offer) => acceptNext(ctx, offer, 0.8),
 * };
 * const f: StrategyFactory = { name: "patient", description: "asks 0.8", create: () => patient };
 * simulate(builtinScenario("nash-1950"), { seed: 1, parties: { bill: { strategy: f } } }).metrics.outcome; // "agreement"
 * ```
 */
export function acceptNext(ctx: StrategyContext, offer: number, next: number): boolean {
  if (ctx.round >= ctx.horizon) return true;
  const u = ctx.space.utilityOf(offer, ctx.party);
  return delayedValue(u, ctx.delay, ctx.round - 1) >= delayedValue(next, ctx.delay, ctx.round) - UTILITY_TOLERANCE;
}

/**
 * The party's best acceptable utility (Pmax of the time-dependent tactics); NaN when it accepts no bundle.
 *
 * @example
 * ```ts
 * const ctx = negotiate(builtinScenario("nash-1950"), { seed: 1 }).session.contexts[0]!;
 * maxUtility(ctx); // 0.9999999999999982
 * ```
 */
export function maxUtility(ctx: StrategyContext): number {
  return ctx.space.maxAccepted(ctx.party);
}

/**
 * The party's worst acceptable utility (Pmin of the time-dependent tactics: at least its
 * reservation); NaN when it accepts no bundle.
 *
 * @example
 * ```ts
 * const ctx = negotiate(builtinScenario("nash-1950"), { seed: 1 }).session.contexts[0]!;
 * minUtility(ctx); // 0.35294… (6/17)
 * ```
 */
export function minUtility(ctx: StrategyContext): number {
  return ctx.space.minAccepted(ctx.party);
}

/**
 * Utility to the context's party of a bundle index.
 *
 * @example
 * ```ts
 * const ctx = negotiate(builtinScenario("nash-1950"), { seed: 1 }).session.contexts[0]!;
 * ownUtility(ctx, ctx.offers(1)[0]!); // 0: jack's first offer is worth nothing to bill
 * ```
 */
export function ownUtility(ctx: StrategyContext, bundle: number): number {
  return ctx.space.utilityOf(bundle, ctx.party);
}

/**
 * Normalised time at a given round for a context's horizon, as {@link StrategyContext.time}.
 *
 * @example
 * ```ts
 * import { timeAt } from "./pick.js";
 * const ctx = negotiate(builtinScenario("nash-1950"), { seed: 1, rounds: 11 }).session.contexts[0]!;
 * timeAt(ctx, 6); // 0.5: round 6 of 11
 * ```
 */
export function timeAt(ctx: StrategyContext, round: number): number {
  return ctx.horizon <= 1 ? 1 : Math.min(1, Math.max(0, (round - 1) / (ctx.horizon - 1)));
}
