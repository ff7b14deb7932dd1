import { UTILITY_TOLERANCE } from "../../model/tolerance.js";
import type { StrategyFactory } from "../types.js";
import { ownUtility } from "./pick.js";

/**
 * The hardliner: always offers its best acceptable bundle and accepts only offers worth as much
 * to it (Baarslag et al.'s "Hardliner" benchmark agent). It never concedes, even at the deadline.
 *
 * @example
 * ```ts
 * simulate(s, { parties: { russia: { strategy: "hardliner" } } });
 * ```
 */
export const hardliner: StrategyFactory = {
  name: "hardliner",
  description: "always offers its best bundle; accepts only that much",
  create: () => ({
    propose: (ctx) => ctx.space.own[ctx.party]![0] ?? -1,
    respond: (ctx, offer) =>
      ownUtility(ctx, offer) >= (ctx.space.ownUtility[ctx.party]![0] ?? Number.POSITIVE_INFINITY) - UTILITY_TOLERANCE,
  }),
};
