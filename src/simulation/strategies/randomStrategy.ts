import type { StrategyFactory } from "../types.js";
import { maxUtility, minUtility, ownUtility } from "./pick.js";

/**
 * The random strategy (a baseline): offers a uniformly drawn bundle among those it accepts, and
 * accepts an offer worth at least a threshold drawn uniformly between its worst and best
 * acceptable utility. All draws come from the run's seeded generator.
 *
 * @example
 * ```ts
 * simulate(builtinScenario("nash-1950"), { seed: 3, parties: { bill: { strategy: "random" } } }).rounds; // 48
 * ```
 */
export const randomStrategy: StrategyFactory = {
  name: "random",
  description: "random acceptable offers; random acceptance threshold (seeded)",
  parameters: {},
  create: () => ({
    propose(ctx) {
      const own = ctx.space.own[ctx.party]!;
      return own.length === 0 ? -1 : own[Math.floor(ctx.random() * own.length)]!;
    },
    respond(ctx, offer) {
      const min = minUtility(ctx);
      return ownUtility(ctx, offer) >= min + ctx.random() * (maxUtility(ctx) - min);
    },
  }),
};
