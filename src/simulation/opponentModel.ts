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
  /** The options of the last offer observed (empty before the first). */
  private readonly lastRow: number[] = [];
  /**
   * Each option's weighted term of the prediction, `table[offset[i] + o]`, computed from `data`
   * when a prediction follows an observation (a proposer compares up to 16 bundles per offer).
   */
  private readonly table: number[];
  private stale = true;
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
    this.table = new Array<number>(total).fill(0);
    this.weightSum = I;
  }

  /** Records one offer (a bundle index of `space`). */
  observe(space: OutcomeSpace, offer: number): void {
    const I = space.issues;
    const d = this.data;
    const base = this.base;
    const last = this.lastRow;
    const first = this.observed === 0;
    for (let i = 0; i < I; i++) {
      const o = space.option(offer, i);
      const c = ++d[this.offset[i]! + o]!;
      if (c > d[base + i]!) d[base + i] = c;
      if (!first && last[i] === o) {
        d[base + I + i] = d[base + I + i]! + this.learningRate;
        this.weightSum += this.learningRate;
      }
      last[i] = o;
    }
    this.observed++;
    this.stale = true;
  }

  /** The estimated utility of a bundle (index of `space`) to the modelled party, in [0, 1]. */
  predict(space: OutcomeSpace, bundle: number): number {
    const I = space.issues;
    const offset = this.offset;
    const table = this.table;
    if (this.stale) {
      // The same expression per option as summing it term by term: the prediction is unchanged.
      const d = this.data;
      const base = this.base;
      for (let i = 0; i < I; i++) {
        const end = i + 1 < I ? offset[i + 1]! : base;
        for (let k = offset[i]!; k < end; k++) table[k] = (d[base + I + i]! * (1 + d[k]!)) / (1 + d[base + i]!);
      }
      this.stale = false;
    }
    let u = 0;
    for (let i = 0; i < I; i++) u += table[offset[i]! + space.option(bundle, i)]!;
    return u / this.weightSum;
  }
}
