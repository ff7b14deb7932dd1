import type { Strategy, StrategyContext, StrategyFactory } from "../types.js";
import { acceptNext, maxUtility, minUtility, ownUtility, pickNear } from "./pick.js";

/**
 * The opponents' latest concession, averaged over the opponents that made two offers or more:
 * measured in the party's own utility (`own`: how much more the latest offer gives it) or in the
 * opponent's utility as estimated by the frequency model (`model`: how much the opponent gave up).
 * Returns null when no opponent has made two offers yet.
 *
 * @example
 * ```ts
 * import { opponentConcession } from "./titForTat.js";
 * const ctx = negotiate(builtinScenario("nash-1950"), { seed: 1 }).session.contexts[0]!;
 * opponentConcession(ctx, "own"); // 0
 * ```
 */
export function opponentConcession(ctx: StrategyContext, measure: "own" | "model"): number | null {
  let sum = 0;
  let n = 0;
  for (let q = 0; q < ctx.space.parties; q++) {
    if (q === ctx.party) continue;
    const offers = ctx.offers(q);
    if (offers.length < 2) continue;
    const a = offers[offers.length - 2]!;
    const b = offers[offers.length - 1]!;
    sum +=
      measure === "own"
        ? ownUtility(ctx, b) - ownUtility(ctx, a)
        : ctx.model(q).predict(ctx.space, a) - ctx.model(q).predict(ctx.space, b);
    n++;
  }
  return n === 0 ? null : sum / n;
}

/**
 * A relative tit-for-tat factory (Faratin et al. 1998, behaviour-dependent tactics; Baarslag et
 * al. 2013, "nice tit-for-tat"): start at the best bundle, then lower the target by `delta` times
 * the opponents' last concession (never raising it, never below the worst acceptable utility).
 * `first` is a one-off gesture: the share of its range the party concedes at its second offer if
 * the opponents have not moved yet (who concedes first). Acceptance: AC_next against the current target.
 *
 * @example
 * ```ts
 * const tft = titForTatFactory("tit-for-tat", "own", 0, "mirrors concessions");
 * ```
 */
export function titForTatFactory(
  name: string,
  measure: "own" | "model",
  first: number,
  description: string,
): StrategyFactory {
  return {
    name,
    description,
    parameters: {
      delta: "how much of the opponents' last concession is mirrored (default 1)",
      first: `the share of its range conceded at its second offer if the opponents have not moved (default ${first})`,
    },
    create(_party, params): Strategy {
      const delta = params.delta ?? 1;
      const gesture = params.first ?? first;
      let target = Number.NaN;
      let ceiling = Number.POSITIVE_INFINITY;
      let proposals = 0;
      return {
        propose(ctx) {
          const max = maxUtility(ctx);
          const min = minUtility(ctx);
          if (Number.isNaN(target)) target = max;
          const c = opponentConcession(ctx, measure);
          if (c !== null) target -= delta * Math.max(0, c);
          else if (proposals === 1) target -= gesture * (max - min);
          target = Math.max(min, Math.min(target, max));
          proposals++;
          const offer = pickNear(ctx, target, ceiling, measure === "model");
          if (offer >= 0) ceiling = ownUtility(ctx, offer);
          return offer;
        },
        respond: (ctx, offer) => acceptNext(ctx, offer, Number.isNaN(target) ? maxUtility(ctx) : target),
      };
    },
  };
}
