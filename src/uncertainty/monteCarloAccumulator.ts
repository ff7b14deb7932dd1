import { toNamedBundle } from "../model/compile.js";
import { TreatylabError } from "../model/errors.js";
import type { Bundle } from "../model/types.js";
import type { SolutionName } from "../solutions/solutionConcepts.js";
import { roundUtility } from "../utility/utilities.js";
import { BundleCounter } from "./bundleCounter.js";
import { bundleIndexer } from "../model/bundleIndexer.js";
import { canonicalBundleKeys, countsToPairs } from "./zopaCounts.js";
import { type DrawBlock, type DrawRow } from "./drawRows.js";
import { type MonteCarloContext } from "./monteCarloJob.js";
import { type Proportion, proportion, type SampleStats, sampleStats } from "./statistics.js";
import type { Distribution } from "./types.js";

/**
 * One bundle's Monte Carlo estimates: the probability that it is in the ZOPA (accepted by every
 * party) and that it is the Nash solution, each with its standard error.
 *
 * @example
 * ```ts
 * const result = monteCarlo(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 200, seed: 1 });
 * const b: BundleEstimate = result.bundles[0]!;
 * b.pZopa; // 1
 * ```
 */
export interface BundleEstimate {
  readonly bundle: Bundle;
  readonly pZopa: number;
  readonly pZopaSE: number;
  /** pZopa's 95% Wilson score interval (statistics.ts, `wilsonInterval`). */
  readonly pZopaInterval: readonly [number, number];
  readonly pNash: number;
  readonly pNashSE: number;
  /** pNash's 95% Wilson score interval. */
  readonly pNashInterval: readonly [number, number];
}

/**
 * The result of a Monte Carlo run (also what `merge` prints): plain JSON, identical for the same
 * job whatever the threads or shards.
 *
 * @example
 * ```ts
 * const r: MonteCarloResult = monteCarlo(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 200, seed: 1 });
 * r.zopa.pNonEmpty.p; // 1
 * r.solutions.nash?.utilities.bill?.median; // 0.705882352941
 * ```
 */
export interface MonteCarloResult {
  readonly kind: "treatylab-montecarlo";
  readonly version: 1;
  readonly scenario: { readonly id: string; readonly title: string };
  readonly seed: string;
  readonly requestedDraws: number;
  readonly draws: number;
  /** Why the run stopped: all requested draws done, or the precision target met. */
  readonly stoppedBy: "draws" | "precision";
  readonly parameters: readonly {
    readonly parameter: string;
    readonly base: number;
    readonly distribution: Distribution;
    readonly drawn: SampleStats;
  }[];
  readonly zopa: { readonly pNonEmpty: Proportion; readonly size: SampleStats };
  readonly solutions: Readonly<
    Partial<
      Record<SolutionName, { readonly pDefined: Proportion; readonly utilities: Readonly<Record<string, SampleStats>> }>
    >
  >;
  /** The bundle most likely to be accepted by every party (ties: higher pNash, then canonical order). */
  readonly mostRobust: BundleEstimate | null;
  /** Largest standard error among the reported probabilities and mean utilities. */
  readonly maxStandardError: number;
  /** How many bundles were in the ZOPA in at least one draw (`bundles` lists them all, or the first `top`). */
  readonly bundlesInZopa: number;
  /** Every bundle in the ZOPA in at least one draw (or the first `top` when given), by pZopa (then pNash, then canonical order). */
  readonly bundles: readonly BundleEstimate[];
}

/**
 * Collects draw blocks (in any order) and summarises them. The summary depends only on the set
 * of draws added: rows are read in draw order and counts are integers.
 *
 * @example
 * ```ts
 * const ctx = prepareMonteCarlo(monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 100, seed: 1 }));
 * const acc = new MonteCarloAccumulator(ctx);
 * acc.add(runDrawBlock(ctx, 0, 100));
 * acc.summary("draws").zopa.pNonEmpty.p; // 1
 * ```
 */
export class MonteCarloAccumulator {
  private readonly rows = new Map<number, DrawRow>();
  private readonly zopa = new BundleCounter(1 << 16);

  constructor(private readonly ctx: MonteCarloContext) {}

  /** Number of draws added. */
  get size(): number {
    return this.rows.size;
  }

  /** Whether draw i was added. */
  has(i: number): boolean {
    return this.rows.has(i);
  }

  /** Adds a block's rows and ZOPA counts; a draw added twice is an error. */
  add(block: DrawBlock): void {
    for (const row of block.rows) {
      if (this.rows.has(row.draw))
        throw new TreatylabError(`draw ${row.draw} was given twice (overlapping shards or a repeated row)`);
      this.rows.set(row.draw, row);
    }
    const { index, count } = block.zopa;
    for (let j = 0; j < index.length; j++) this.zopa.add(index[j]!, count[j]!);
  }

  /** The rows in draw order. */
  sortedRows(): DrawRow[] {
    return [...this.rows.values()].sort((a, b) => a.draw - b.draw);
  }

  /** ZOPA counts as [bundle index, count] pairs, by index. */
  zopaCounts(): [number, number][] {
    return countsToPairs(this.zopa.entries());
  }

  private nashCounts(rows: readonly DrawRow[]): Map<number, number> {
    const m = new Map<number, number>();
    for (const r of rows) {
      const s = r.solutions.nash;
      if (s) m.set(s.bundle, (m.get(s.bundle) ?? 0) + 1);
    }
    return m;
  }

  /** Largest standard error among pNonEmpty, each bundle's pZopa and pNash, and each mean utility. */
  maxStandardError(): number {
    const rows = this.sortedRows();
    return this.worstError(rows, this.zopa.entries(false).count, this.nashCounts(rows), this.solutionStats(rows));
  }

  private worstError(
    rows: readonly DrawRow[],
    counts: ArrayLike<number> & Iterable<number>,
    nash: ReadonlyMap<number, number>,
    stats: ReturnType<MonteCarloAccumulator["solutionStats"]>,
  ): number {
    const n = rows.length;
    if (n === 0) return Number.POSITIVE_INFINITY;
    let worst = proportion(rows.filter((r) => r.zopaSize > 0).length, n).se;
    // The standard error grows as p nears 1/2: only the count nearest n/2 can be the largest.
    let nearest = -1;
    for (const c of counts) if (nearest < 0 || Math.abs(2 * c - n) < Math.abs(2 * nearest - n)) nearest = c;
    if (nearest >= 0) worst = Math.max(worst, proportion(nearest, n).se);
    for (const c of nash.values()) worst = Math.max(worst, proportion(c, n).se);
    for (const solution of Object.values(stats))
      for (const s of Object.values(solution.utilities)) worst = Math.max(worst, s.se ?? 0);
    return worst;
  }

  private solutionStats(
    rows: readonly DrawRow[],
  ): Partial<Record<SolutionName, { pDefined: Proportion; utilities: Record<string, SampleStats> }>> {
    const out: Partial<Record<SolutionName, { pDefined: Proportion; utilities: Record<string, SampleStats> }>> = {};
    for (const name of this.ctx.solutions) {
      const defined = rows.filter((r) => r.solutions[name]);
      const utilities: Record<string, SampleStats> = {};
      this.ctx.compiled.partyIds.forEach(
        (id, p) => (utilities[id] = sampleStats(defined.map((r) => r.solutions[name]!.u[p]!))),
      );
      out[name] = { pDefined: proportion(defined.length, rows.length), utilities };
    }
    return out;
  }

  /** The summary of the draws added so far (see {@link MonteCarloResult}). */
  summary(stoppedBy: "draws" | "precision", options: { readonly top?: number } = {}): MonteCarloResult {
    const ctx = this.ctx;
    const rows = this.sortedRows();
    const n = rows.length;
    const nash = this.nashCounts(rows);
    const solutions = this.solutionStats(rows);
    const { decode } = bundleIndexer(ctx.compiled.sizes);
    // Ranked by pZopa, then pNash, then canonical bundle order (on typed arrays: hundreds of thousands of bundles).
    const { index, count } = this.zopa.entries(false);
    // With `top`, only bundles counted at least as often as the top-th can be listed.
    let least = 0;
    if (options.top !== undefined && options.top < index.length) {
      const histogram = new Uint32Array(n + 2);
      for (const c of count) histogram[c]!++;
      let seen = 0;
      for (least = n + 1; least > 0 && seen + histogram[least]! < options.top; least--) seen += histogram[least]!;
    }
    const candidates = Array.from(index.keys()).filter((j) => count[j]! >= least);
    const canonical = canonicalBundleKeys(
      ctx.compiled,
      Float64Array.from(candidates, (j) => index[j]!),
    );
    const nashCount = Float64Array.from(candidates, (j) => nash.get(index[j]!) ?? 0);
    const ranked = Array.from(candidates.keys())
      .sort(
        (a, b) =>
          count[candidates[b]!]! - count[candidates[a]!]! ||
          nashCount[b]! - nashCount[a]! ||
          canonical[a]! - canonical[b]!,
      )
      .map((q) => candidates[q]!);
    const listed = options.top !== undefined ? ranked.slice(0, options.top) : ranked;
    const bundles = listed.map((j): BundleEstimate => {
      const k = index[j]!;
      const z = proportion(count[j]!, n);
      const h = proportion(nash.get(k) ?? 0, n);
      return {
        bundle: toNamedBundle(ctx.compiled, decode(k)),
        pZopa: z.p,
        pZopaSE: z.se,
        pZopaInterval: z.interval,
        pNash: h.p,
        pNashSE: h.se,
        pNashInterval: h.interval,
      };
    });
    return {
      kind: "treatylab-montecarlo",
      version: 1,
      scenario: { id: ctx.scenario.id, title: ctx.scenario.title ?? ctx.scenario.id },
      seed: ctx.job.seed,
      requestedDraws: ctx.job.draws,
      draws: n,
      stoppedBy,
      parameters: ctx.parameters.map((p, k) => ({
        parameter: p.parameter,
        base: p.base,
        distribution: p.distribution,
        drawn: sampleStats(rows.map((r) => r.values[k]!)),
      })),
      zopa: {
        pNonEmpty: proportion(rows.filter((r) => r.zopaSize > 0).length, n),
        size: sampleStats(rows.map((r) => r.zopaSize)),
      },
      solutions,
      mostRobust: bundles[0] ?? null,
      maxStandardError: roundUtility(this.worstError(rows, count, nash, solutions)),
      bundlesInZopa: index.length,
      bundles,
    };
  }
}
