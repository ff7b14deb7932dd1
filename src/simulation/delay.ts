import { TreatylabError } from "../model/errors.js";
import type { DelayCost } from "./types.js";

/**
 * Fills in and checks a cost of delay (discount in (0, 1], cost per round >= 0).
 *
 * @example
 * ```ts
 * resolveDelay({ discount: 0.9 }, "russia"); // { discount: 0.9, costPerRound: 0 }
 * ```
 */
export function resolveDelay(d: DelayCost | undefined, party: string): Required<DelayCost> {
  const discount = d?.discount ?? 1;
  const costPerRound = d?.costPerRound ?? 0;
  if (!(discount > 0 && discount <= 1))
    throw new TreatylabError(`discount of "${party}" is ${discount}; expected a number in (0, 1]`);
  if (!(costPerRound >= 0 && Number.isFinite(costPerRound)))
    throw new TreatylabError(`cost per round of "${party}" is ${costPerRound}; expected a number >= 0`);
  return { discount, costPerRound };
}

/**
 * The value of utility u received after `elapsed` rounds of delay: u * discount^elapsed - cost * elapsed.
 * A settlement in round t has t - 1 rounds of delay; no agreement after R rounds has R.
 *
 * @example
 * ```ts
 * delayedValue(0.8, { discount: 0.9, costPerRound: 0 }, 2); // 0.648
 * ```
 */
export function delayedValue(u: number, d: Required<DelayCost>, elapsed: number): number {
  return (d.discount === 1 ? u : u * d.discount ** elapsed) - d.costPerRound * elapsed;
}
