import { TreatylabError } from "../model/errors.js";

function checkDiscount(d: number, name: string): void {
  if (!(d >= 0 && d < 1) && d !== 1) throw new TreatylabError(`${name} is ${d}; expected a discount factor in [0, 1]`);
}

/**
 * Rubinstein's (1982) infinite-horizon alternating-offers split of a pie of size 1: the unique
 * subgame-perfect equilibrium agrees at once, the first proposer getting (1 - d2) / (1 - d1 d2)
 * and the responder the rest. Needs d1 d2 < 1.
 *
 * @example
 * ```ts
 * rubinsteinSplit(0.9, 0.9).first; // 0.5263157894736842 (= 1 / 1.9)
 * ```
 */
export function rubinsteinSplit(d1: number, d2: number): { readonly first: number; readonly second: number } {
  checkDiscount(d1, "the first proposer's discount");
  checkDiscount(d2, "the responder's discount");
  if (d1 * d2 >= 1)
    throw new TreatylabError(
      "with both discount factors 1 the infinite game has no unique equilibrium; give a factor below 1",
    );
  const first = (1 - d2) / (1 - d1 * d2);
  return { first, second: 1 - first };
}

/**
 * The finite-horizon version by backward induction on the divisible pie: in the last round T the
 * proposer takes everything (nothing for either side if it is rejected); in round t the proposer
 * offers the responder exactly what the responder would get as proposer in round t + 1, discounted
 * by its factor (s_t = 1 - d_responder * s_{t+1}). Player 1 proposes in odd rounds. With a common
 * factor d, player 1's share is (1 - (-d)^T) / (1 + d).
 *
 * @example
 * ```ts
 * finiteHorizonSplit(3, 0.9, 0.9).first; // 0.91
 * ```
 */
export function finiteHorizonSplit(
  rounds: number,
  d1: number,
  d2: number,
): { readonly first: number; readonly second: number } {
  if (!Number.isSafeInteger(rounds) || rounds < 1)
    throw new TreatylabError(`rounds is ${rounds}; expected an integer >= 1`);
  checkDiscount(d1, "the first proposer's discount");
  checkDiscount(d2, "the responder's discount");
  let s = 1; // the proposer's share in round T
  for (let t = rounds - 1; t >= 1; t--) {
    const responderDiscount = t % 2 === 1 ? d2 : d1; // round t: player 1 proposes when t is odd
    s = 1 - responderDiscount * s;
  }
  return { first: s, second: 1 - s };
}
