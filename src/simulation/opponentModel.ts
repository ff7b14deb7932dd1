import type { OutcomeSpace } from "./outcomeSpace.js";

/**
 * A frequency opponent model (the "HardHeaded" frequency model of the ANAC agents; see Baarslag et
 * al. 2013, "Predicting the performance of opponent models in automated negotiation"): an option's
 * estimated value is (1 + times offered) / (1 + the issue's most offered count); an issue's weight
 * grows by `learningRate` each time the opponent keeps that issue unchanged between two
 * consecutive offers (issues it will not move on matter to it), starting from 1 each. The
 * prediction is the weighted sum, in [0, 1]. Updates and predictions cost O(issues).
 *
 * @example
 * ```ts
 * const m = new FrequencyModel(space.compiled.sizes);
 * m.observe(space, offer);
 * m.predict(space, otherBundle); // estimated utility of otherBundle to the opponent
 * ```
 */
export class FrequencyModel {
  private readonly counts: Float64Array[];
  private readonly maxCount: Float64Array;
  private readonly weights: Float64Array;
  private weightSum: number;
  private last = -1;
  /** Number of offers observed. */
  observed = 0;

  constructor(
    sizes: readonly number[],
    private readonly learningRate = 0.2,
  ) {
    this.counts = sizes.map((n) => new Float64Array(n));
    this.maxCount = new Float64Array(sizes.length);
    this.weights = new Float64Array(sizes.length).fill(1);
    this.weightSum = sizes.length;
  }

  /** Records one offer (a bundle index of `space`). */
  observe(space: OutcomeSpace, offer: number): void {
    const I = space.issues;
    const b = space.bundles;
    for (let i = 0; i < I; i++) {
      const o = b[offer * I + i]!;
      const c = ++this.counts[i]![o]!;
      if (c > this.maxCount[i]!) this.maxCount[i] = c;
      if (this.last >= 0 && b[this.last * I + i] === o) {
        this.weights[i] = this.weights[i]! + this.learningRate;
        this.weightSum += this.learningRate;
      }
    }
    this.last = offer;
    this.observed++;
  }

  /** The estimated utility of a bundle (index of `space`) to the modelled party, in [0, 1]. */
  predict(space: OutcomeSpace, bundle: number): number {
    const I = space.issues;
    const b = space.bundles;
    let u = 0;
    for (let i = 0; i < I; i++) u += (this.weights[i]! * (1 + this.counts[i]![b[bundle * I + i]!]!)) / (1 + this.maxCount[i]!);
    return u / this.weightSum;
  }
}
