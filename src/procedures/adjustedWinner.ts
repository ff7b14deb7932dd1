/**
 * The Adjusted Winner procedure of Brams and Taylor ("Fair Division", 1996, ch. 4; "The Win-Win
 * Solution", 1999): two parties spread points over divisible items; each item first goes to whoever
 * puts more points on it; then items pass from the party ahead to the other, lowest ratio of points
 * first, until both totals are equal, splitting at most one item. Exact rational arithmetic
 * throughout. See docs/adjusted-winner.md.
 * @module
 */
import { deepFreeze } from "../model/deepFreeze.js";
import { type FairnessChecks, fairnessChecks } from "./fairnessChecks.js";
import { normalisePoints, type PointsInput, type PointsTable } from "./pointsInput.js";
import { formatRational, ONE, type Rational, ZERO } from "./rational.js";

/**
 * Exact amounts per party id, as fraction strings.
 *
 * @example
 * ```ts
 * const p: PartyAmounts = { carol: "170/3", bob: "170/3" };
 * ```
 */
export type PartyAmounts = Readonly<Record<string, string>>;

/**
 * One step of the procedure's reasoning, with both totals after it.
 *
 * @example
 * ```ts
 * const s: AdjustedWinnerStep = { kind: "assign", item: "home", party: "bob", text: "home: bob 30 > carol 20, goes to bob",
 *   totals: { carol: "0", bob: "30" } };
 * ```
 */
export interface AdjustedWinnerStep {
  /**
   * `normalise` (points scaled to 100), `assign` (an item to whoever values it more), `tie` (an
   * equally valued item to whoever is behind), `ahead` (who must give, in what order), `transfer`
   * (a whole item passes), `split` (one item is divided), `equal` (totals are equal: done).
   */
  readonly kind: "normalise" | "assign" | "tie" | "ahead" | "transfer" | "split" | "equal";
  readonly item?: string;
  /** The party that receives the item (or the party ahead, for `ahead`). */
  readonly party?: string;
  readonly text: string;
  /** Both parties' points after this step. */
  readonly totals: PartyAmounts;
}

/**
 * The divided item: `fraction` is the share of `item` that passed from `from` (the party ahead
 * after the first allocation) to `to`; `from` keeps `1 - fraction`.
 *
 * @example
 * ```ts
 * const s: AdjustedWinnerSplit = { item: "retirement", fraction: "1/6", from: "carol", to: "bob" };
 * ```
 */
export interface AdjustedWinnerSplit {
  readonly item: string;
  readonly fraction: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The outcome of `adjustedWinner`. Every number is an exact fraction string; points are the
 * normalised ones (each party's points scaled to sum to 100).
 *
 * @example
 * ```ts
 * const r = adjustedWinner(bobCarol);
 * r.points;                    // { carol: "170/3", bob: "170/3" }
 * r.allocation.retirement;     // { carol: "5/6", bob: "1/6" }
 * r.checks;                    // { equitable: true, envyFree: true, efficient: true }
 * ```
 */
export interface AdjustedWinnerResult {
  readonly procedure: "adjusted-winner";
  readonly parties: readonly [string, string];
  readonly normalisation: {
    readonly rule: string;
    /** Each party's total points as written. */
    readonly inputTotals: PartyAmounts;
    /** The factor each party's points were multiplied by (100 / its total). */
    readonly factors: PartyAmounts;
  };
  /** The items with their normalised points. */
  readonly items: readonly { readonly id: string; readonly label?: string; readonly points: PartyAmounts }[];
  /** Each item's shares per party (they sum to 1). */
  readonly allocation: Readonly<Record<string, PartyAmounts>>;
  /** Each party's points for its shares (equal, by construction and by check). */
  readonly points: PartyAmounts;
  /** The one divided item, or null when the totals became equal without dividing any item. */
  readonly split: AdjustedWinnerSplit | null;
  readonly steps: readonly AdjustedWinnerStep[];
  /** Equitability, envy-freeness and efficiency, each computed from the allocation. */
  readonly checks: FairnessChecks;
}

/**
 * What the normalisation does, as reported in every result.
 *
 * @example
 * ```ts
 * adjustedWinner(input).normalisation.rule === NORMALISATION_RULE; // true
 * ```
 */
export const NORMALISATION_RULE =
  "each party's points are multiplied by 100 / (its total), so each party's points sum to 100";

type Side = 0 | 1;

const show = (r: Rational): string =>
  r.d === 1n ? formatRational(r) : `${formatRational(r)} (${r.valueOf().toFixed(3)})`;

/** Compares the ratios x1/y1 and x2/y2 of nonnegative points, reading x/x (0/0 included) as 1 and x/0 as infinite. */
function compareRatio(x1: Rational, y1: Rational, x2: Rational, y2: Rational): number {
  const [n1, d1] = x1.equals(y1) ? [ONE, ONE] : [x1, y1];
  const [n2, d2] = x2.equals(y2) ? [ONE, ONE] : [x2, y2];
  return n1.mul(d2).compare(n2.mul(d1));
}

const ratioText = (x: Rational, y: Rational): string =>
  y.equals(ZERO) ? (x.equals(ZERO) ? "1 (tied)" : "infinite") : show(x.div(y));

class Run {
  readonly steps: AdjustedWinnerStep[] = [];
  readonly totals: [Rational, Rational] = [ZERO, ZERO];
  /** Each party's share of each item (both 0 while an item is unassigned). */
  readonly held: [Rational[], Rational[]];
  split: AdjustedWinnerSplit | null = null;

  constructor(readonly t: PointsTable) {
    this.held = [t.items.map(() => ZERO), t.items.map(() => ZERO)];
  }

  name(k: Side): string {
    return this.t.parties[k];
  }

  pts(k: Side, i: number): Rational {
    return this.t.points[k][i] ?? ZERO;
  }

  share(k: Side, i: number): Rational {
    return this.held[k][i] ?? ZERO;
  }

  log(kind: AdjustedWinnerStep["kind"], text: string, item?: number, party?: Side): void {
    const totals = Object.fromEntries(this.t.parties.map((p, k) => [p, formatRational(this.totals[k as Side])]));
    this.steps.push({
      kind,
      ...(item !== undefined ? { item: this.t.items[item] } : {}),
      ...(party !== undefined ? { party: this.name(party) } : {}),
      text,
      totals,
    });
  }

  /** Gives party k the share `share` of item i and the other party the rest, updating both totals. */
  give(i: number, k: Side, share: Rational = ONE): void {
    const next: [Rational, Rational] = k === 0 ? [share, ONE.sub(share)] : [ONE.sub(share), share];
    for (const side of [0, 1] as const) {
      this.totals[side] = this.totals[side].add(this.pts(side, i).mul(next[side].sub(this.share(side, i))));
      this.held[side][i] = next[side];
    }
  }
}

function normaliseStep(run: Run): void {
  const { inputTotals, factors } = run.t;
  const scaled = ([0, 1] as const).filter((k) => !factors[k].equals(ONE));
  run.log(
    "normalise",
    scaled.length === 0
      ? "Both parties' points sum to 100: no scaling."
      : scaled
          .map(
            (k) =>
              `${run.name(k)}'s points sum to ${show(inputTotals[k])}: multiplied by ${show(factors[k])} to sum to 100.`,
          )
          .join(" "),
  );
}

/** Step 1: each item to whoever puts more points on it; returns the tied items. */
function assignWinners(run: Run): number[] {
  const tied: number[] = [];
  run.t.items.forEach((id, i) => {
    const [a, b] = [run.pts(0, i), run.pts(1, i)];
    if (a.equals(b)) {
      tied.push(i);
      return;
    }
    const k: Side = a.gt(b) ? 0 : 1;
    const other = (1 - k) as Side;
    run.give(i, k);
    run.log(
      "assign",
      `${id}: ${run.name(k)} ${show(run.pts(k, i))} > ${run.name(other)} ${show(run.pts(other, i))}, goes to ${run.name(k)}.`,
      i,
      k,
    );
  });
  return tied;
}

/**
 * Step 2: tied items all go to the party behind on the untied items (COMAP's and the Wolfram
 * demonstration's reading of Brams and Taylor); if the untied totals are equal, to the first party.
 */
function assignTies(run: Run, tied: readonly number[]): void {
  if (tied.length === 0) return;
  const [t0, t1] = run.totals;
  const k: Side = t1.lt(t0) ? 1 : 0;
  const why = t0.equals(t1)
    ? `the untied items leave both at ${show(t0)}, so by the tie rule they go to the first party, ${run.name(0)}`
    : `${run.name(k)} is behind on the untied items (${show(run.totals[k])} < ${show(run.totals[(1 - k) as Side])})`;
  for (const i of tied) {
    run.give(i, k);
    run.log("tie", `${run.t.items[i]}: tied at ${show(run.pts(0, i))}; goes to ${run.name(k)}: ${why}.`, i, k);
  }
}

/** Step 3: items pass from the party ahead, lowest ratio first (equal ratios: input order), until the totals are equal. */
function equalise(run: Run): void {
  if (run.totals[0].equals(run.totals[1])) {
    run.log("equal", `Both have ${show(run.totals[0])}: the totals are equal, nothing passes.`);
    return;
  }
  const from: Side = run.totals[0].gt(run.totals[1]) ? 0 : 1;
  const to = (1 - from) as Side;
  const held = run.t.items.map((_, i) => i).filter((i) => run.share(from, i).equals(ONE));
  const order = held.sort(
    (i, j) => compareRatio(run.pts(from, i), run.pts(to, i), run.pts(from, j), run.pts(to, j)) || i - j,
  );
  const list = order.map((i) => `${run.t.items[i]} ${ratioText(run.pts(from, i), run.pts(to, i))}`).join(", ");
  run.log(
    "ahead",
    `${run.name(from)} is ahead (${show(run.totals[from])} > ${show(run.totals[to])}): items pass from ${run.name(from)}, lowest ratio of ${run.name(from)}'s points to ${run.name(to)}'s first: ${list}.`,
    undefined,
    from,
  );
  for (const i of order) {
    const [x, y] = [run.pts(from, i), run.pts(to, i)];
    const [A, B] = [run.totals[from], run.totals[to]];
    const id = run.t.items[i];
    if (A.sub(x).gte(B.add(y))) {
      run.give(i, to);
      run.log(
        "transfer",
        `${id} passes whole to ${run.name(to)}: ${run.name(from)} ${show(run.totals[from])}, ${run.name(to)} ${show(run.totals[to])}.`,
        i,
        to,
      );
      if (run.totals[0].equals(run.totals[1])) return;
      continue;
    }
    // Keep p of the item so that A - (1 - p) x = B + (1 - p) y.
    const passed = A.sub(B).div(x.add(y));
    run.give(i, from, ONE.sub(passed));
    run.split = { item: id ?? "", fraction: formatRational(passed), from: run.name(from), to: run.name(to) };
    run.log(
      "split",
      `${id} whole would leave ${run.name(from)} ${show(A.sub(x))} < ${run.name(to)} ${show(B.add(y))}: split it, ${run.name(from)} keeps ${formatRational(ONE.sub(passed))}, ${run.name(to)} gets ${formatRational(passed)}; both have ${show(run.totals[from])}.`,
      i,
      to,
    );
    return;
  }
}

/**
 * Runs Adjusted Winner on two parties' points over divisible items. The input is validated at run
 * time too (parsed JSON can be passed as a `PointsInput`; errors name the JSON path) and each
 * party's points are scaled to sum to 100. Ties on an item go to the party
 * behind on the untied items (to the first party if they are level); equal ratios during the
 * transfers are taken in input order. The result is frozen and holds exact fraction strings.
 *
 * @example
 * ```ts
 * const r = adjustedWinner({
 *   parties: ["carol", "bob"],
 *   items: [
 *     { id: "retirement", points: { carol: 50, bob: 40 } }, { id: "home", points: { carol: 20, bob: 30 } },
 *     { id: "cottage", points: { carol: 15, bob: 10 } }, { id: "investments", points: { carol: 10, bob: 10 } },
 *     { id: "other", points: { carol: 5, bob: 10 } },
 *   ],
 * });
 * r.allocation.retirement; // { carol: "5/6", bob: "1/6" }
 * r.points;                // { carol: "170/3", bob: "170/3" }
 * r.split;                 // { item: "retirement", fraction: "1/6", from: "carol", to: "bob" }
 * ```
 */
export function adjustedWinner(input: PointsInput): AdjustedWinnerResult {
  const t = normalisePoints(input);
  const run = new Run(t);
  normaliseStep(run);
  assignTies(run, assignWinners(run));
  equalise(run);
  if (!run.totals[0].equals(run.totals[1]))
    throw new Error(
      `adjustedWinner: totals ${formatRational(run.totals[0])} and ${formatRational(run.totals[1])} differ (a bug)`,
    );
  const per = (f: (k: Side) => Rational): PartyAmounts =>
    Object.fromEntries(t.parties.map((p, k) => [p, formatRational(f(k as Side))]));
  const result: AdjustedWinnerResult = {
    procedure: "adjusted-winner",
    parties: t.parties,
    normalisation: {
      rule: NORMALISATION_RULE,
      inputTotals: per((k) => t.inputTotals[k]),
      factors: per((k) => t.factors[k]),
    },
    items: t.items.map((id, i) => ({
      id,
      ...(t.labels[i] !== undefined ? { label: t.labels[i] } : {}),
      points: per((k) => run.pts(k, i)),
    })),
    allocation: Object.fromEntries(t.items.map((id, i) => [id, per((k) => run.share(k, i))])),
    points: per((k) => run.totals[k]),
    split: run.split,
    steps: run.steps,
    checks: fairnessChecks(t.points[0], t.points[1], run.held[0]),
  };
  return deepFreeze(result);
}
