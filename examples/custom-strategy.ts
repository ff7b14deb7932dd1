/**
 * Writing your own negotiation strategy: a small typed interface (StrategyFactory -> Strategy with
 * `propose` and `respond`). This one, "split-the-gain", aims each round at the midpoint between
 * its best utility and what the opponent's latest offer gives it, never rising, and uses the
 * frequency opponent model to pick, among bundles near that target, the one the opponent likely
 * prefers. It accepts an offer worth at least its next target (AC_next). The engine still checks
 * every acceptance against the party's red lines and reservation.
 *
 * Run: npx tsx examples/custom-strategy.ts
 */
import {
  builtinScenario,
  simulate,
  tournament,
  type Strategy,
  type StrategyContext,
  type StrategyFactory,
} from "treatylab";
import { acceptNext, maxUtility, minUtility, ownUtility, pickNear } from "treatylab/advanced";

const splitTheGain: StrategyFactory = {
  name: "split-the-gain",
  description: "aims halfway between its best and the opponent's latest offer",
  create(party): Strategy {
    let ceiling = Number.POSITIVE_INFINITY;
    const target = (ctx: StrategyContext): number => {
      const opponent = 1 - party; // a bilateral strategy
      const theirs = ctx.offers(opponent);
      const best = maxUtility(ctx);
      const floor = theirs.length === 0 ? best : Math.max(minUtility(ctx), ownUtility(ctx, theirs[theirs.length - 1]!));
      return Math.min(ceiling, (best + floor) / 2);
    };
    return {
      propose(ctx) {
        const offer = pickNear(ctx, target(ctx), ceiling, true); // sorted index + opponent model
        if (offer >= 0) ceiling = ownUtility(ctx, offer);
        return offer;
      },
      respond: (ctx, offer) => acceptNext(ctx, offer, target(ctx)),
    };
  },
};

const scenario = builtinScenario("nash-1950");
const r = simulate(scenario, {
  rounds: 40,
  seed: 1,
  parties: { bill: { strategy: splitTheGain }, jack: { strategy: "boulware" } },
});
console.log(
  `split-the-gain (Bill) vs Boulware (Jack): ${r.agreement ? `agreement in round ${r.agreement.round}` : "no agreement"}`,
);
if (r.agreement)
  console.log(`  utilities ${JSON.stringify(r.agreement.utilities)}, distance to Nash ${r.metrics.nashDistance}`);

const t = tournament([scenario], {
  strategies: [splitTheGain, "boulware", "conceder", "tit-for-tat"],
  seeds: 1,
  seed: 1,
  rounds: 40,
});
console.log("\nTournament on nash-1950 (every pairing, both roles):");
for (const s of t.summary)
  console.log(
    `  ${s.strategy.padEnd(16)} agreement ${(s.agreementRate * 100).toFixed(0).padStart(3)}%  mean utility ${s.meanUtility.toFixed(3)}  mean rounds ${s.meanRounds.toFixed(1)}`,
  );
