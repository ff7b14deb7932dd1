import type { Strategy, StrategyContext, StrategyFactory } from "../types.js";
import { acceptNext, maxUtility, minUtility, pickNear, timeAt } from "./pick.js";

/**
 * The time-dependent concession curve of Faratin, Sierra and Jennings (1998), "Negotiation
 * decision functions for autonomous agents": at normalised time t the target utility is
 * `Pmin + (Pmax - Pmin) * (1 - F(t))` with `F(t) = k + (1 - k) * t^(1/e)`. e < 1 concedes late
 * (Boulware), e = 1 linearly, e > 1 early (Conceder); k is the share conceded at once.
 *
 * @example
 * ```ts
 * timeDependentTarget(0.5, 1, 0.4, 1, 0); // 0.7
 * ```
 */
export function timeDependentTarget(t: number, max: number, min: number, e: number, k = 0): number {
  const f = k + (1 - k) * t ** (1 / e);
  return min + (max - min) * (1 - f);
}

/**
 * A factory for a time-dependent strategy with a default exponent (overridden by the `e` param;
 * `k` sets the initial concession, `model=0` turns off the opponent model used to choose among
 * bundles near the target). Acceptance: AC_next against the next target.
 *
 * @example
 * ```ts
 * const boulware = timeDependentFactory("boulware", 0.2, "concedes late");
 * ```
 */
export function timeDependentFactory(name: string, e: number, description: string): StrategyFactory {
  return {
    name,
    description,
    parameters: {
      e: `the concession exponent (> 0; default ${e}): below 1 concedes late, above 1 early`,
      k: "the share of its range conceded at once (default 0)",
      model: "0 turns off the opponent model that chooses among bundles near the target (default 1)",
    },
    create(_party, params): Strategy {
      const exp = params.e ?? e;
      const k = params.k ?? 0;
      const useModel = (params.model ?? 1) !== 0;
      let ceiling = Number.POSITIVE_INFINITY;
      // The target for round r + 1 computed when responding in round r is the one proposed with in
      // round r + 1 (alternating offers): keep the last one (per round and outcome space).
      let cachedRound = -1;
      let cachedSpace: StrategyContext["space"] | null = null;
      let cached = 0;
      const target = (ctx: StrategyContext, round: number): number => {
        if (round !== cachedRound || ctx.space !== cachedSpace) {
          cached = timeDependentTarget(timeAt(ctx, round), maxUtility(ctx), minUtility(ctx), exp, k);
          cachedRound = round;
          cachedSpace = ctx.space;
        }
        return cached;
      };
      return {
        propose(ctx) {
          const t = target(ctx, ctx.round);
          const offer = pickNear(ctx, t, ceiling, useModel);
          if (offer >= 0) ceiling = ctx.space.utilityOf(offer, ctx.party);
          return offer;
        },
        respond: (ctx, offer) => acceptNext(ctx, offer, target(ctx, ctx.round + 1)),
      };
    },
  };
}
