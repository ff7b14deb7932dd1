import type { OutcomeSpace } from "./outcomeSpace.js";

/**
 * A frequency opponent model (the "HardHeaded" frequency model of the ANAC agents; see Baarslag et
 * al. 2013, "Predicting the performance of opponent models in automated negotiation"): an option's
 * estimated value is (1 + times offered) / (1 + the issue's most offered count); an issue's weight
 * grows by `learningRate` each time the opponent keeps that issue unchanged between two
 * consecutive offers (issues it will not move on matter to it), starting from 1 each. The
 * prediction is the weighted sum, in [0, 1]. Updates and predictions cost O(issues); the counts
 * live in one flat array.
 *
 * @example
 * ```ts
 * const space = outcomeSpace(builtinScenario("nash-1950"));
 * const m = new FrequencyModel(space.compiled.sizes);
 * m.observe(space, space.own[1]![0]!); // jack's best bundle, offered by jack
 * m.predict(space, space.own[1]![0]!); // 1: the estimated utility of that bundle to jack
 * m.predict(space, space.own[0]![0]!); // 0.5
 * ```
 */
export class FrequencyModel {
  /** counts[offset[i] + o]; then maxCount[i] at base + i, weights at base + I + i. */
  private readonly data: number[];
  private readonly offset: number[];
  private readonly base: number;
  private weightSum: number;
  private last = -1;
  /** Number of offers observed. */
  observed = 0;

  constructor(
    sizes: readonly number[],
    private readonly learningRate = 0.2,
  ) {
    const I = sizes.length;
    // Plain arrays: a run makes few models, and small typed arrays cost more to allocate than they save.
    this.offset = [];
    let total = 0;
    for (let i = 0; i < I; i++) {
      this.offset.push(total);
      total += sizes[i]!;
    }
    this.base = total;
    this.data = new Array<number>(total + 2 * I).fill(0);
    for (let i = 0; i < I; i++) this.data[total + I + i] = 1;
    this.weightSum = I;
  }

  /** Records one offer (a bundle index of `space`). */
  observe(space: OutcomeSpace, offer: number): void {
    const I = space.issues;
    const d = this.data;
    const base = this.base;
    for (let i = 0; i < I; i++) {
      const o = space.option(offer, i);
      const c = ++d[this.offset[i]! + o]!;
      if (c > d[base + i]!) d[base + i] = c;
      if (this.last >= 0 && space.option(this.last, i) === o) {
        d[base + I + i] = d[base + I + i]! + this.learningRate;
        this.weightSum += this.learningRate;
      }
    }
    this.last = offer;
    this.observed++;
  }

  /** The estimated utility of a bundle (index of `space`) to the modelled party, in [0, 1]. */
  predict(space: OutcomeSpace, bundle: number): number {
    const I = space.issues;
    const d = this.data;
    const base = this.base;
    let u = 0;
    for (let i = 0; i < I; i++)
      u += (d[base + I + i]! * (1 + d[this.offset[i]! + space.option(bundle, i)]!)) / (1 + d[base + i]!);
    return u / this.weightSum;
  }
}
