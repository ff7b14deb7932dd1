import { UTILITY_TOLERANCE } from "../../model/tolerance.js";
import type { StrategyFactory } from "../types.js";
import { ownUtility } from "./pick.js";

/**
 * The hardliner: always offers its best acceptable bundle and accepts only offers worth as much
 * to it (Baarslag et al.'s "Hardliner" benchmark agent). It never concedes, even at the deadline.
 *
 * @example
 * ```ts
 * const r = simulate(builtinScenario("nash-1950"), { seed: 1, parties: { bill: { strategy: "hardliner" } } });
 * r.metrics.outcome; // "deadline": jack never gives bill everything
 * ```
 */
export const hardliner: StrategyFactory = {
  name: "hardliner",
  description: "always offers its best bundle; accepts only that much",
  parameters: {},
  create: () => ({
    propose: (ctx) => ctx.space.best(ctx.party),
    respond: (ctx, offer) => {
      const max = ctx.space.maxAccepted(ctx.party);
      return ownUtility(ctx, offer) >= (max === max ? max : Number.POSITIVE_INFINITY) - UTILITY_TOLERANCE;
    },
  }),
};
