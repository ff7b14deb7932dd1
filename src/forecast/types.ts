/**
 * Types of the outcome-forecasting layer: the literature's input table (one row per actor with
 * capability, position and salience, one table per issue) and the per-round result.
 * @module
 */

/**
 * One actor's row of a forecast table.
 *
 * @example
 * ```ts
 * const row: ForecastActor = { actor: "France", capability: 0.16, position: 10, salience: 0.6 };
 * ```
 */
export interface ForecastActor {
  readonly actor: string;
  /** Clout: any positive number (only ratios matter). */
  readonly capability: number;
  /** Position on the issue's numeric scale. */
  readonly position: number;
  /** How much the issue matters to the actor, in [0, 1]. */
  readonly salience: number;
}

/**
 * The input of a forecast: one issue, one row per actor, positions on one numeric scale.
 *
 * @example
 * ```ts
 * const t: ForecastTable = { issue: "tax", actors: [
 *   { actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 2, position: 10, salience: 0.5 } ] };
 * ```
 */
export interface ForecastTable {
  readonly issue: string;
  readonly actors: readonly ForecastActor[];
}

/**
 * The kind of offer an actor accepts in a round of the expected-utility model.
 *
 * @example
 * ```ts
 * const k: OfferKind = "compromise";
 * ```
 */
export type OfferKind = "confrontation" | "compromise" | "capitulation";

/**
 * The offer an actor accepted in a round: its kind, the actor it came from and where it moved.
 *
 * @example
 * ```ts
 * const o: AcceptedOffer = { kind: "capitulation", from: "France", to: 10 };
 * ```
 */
export interface AcceptedOffer {
  readonly kind: OfferKind;
  readonly from: string;
  readonly to: number;
}

/**
 * One round of a forecast: every actor's position at the start of the round (round 0 is the
 * input), and for the expected-utility models the risk exponents used and the offer each actor
 * accepted in that round (null: none, it stays), plus the round's weighted median and mean.
 *
 * @example
 * ```ts
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 },
 *   { actor: "C", capability: 2, position: 4, salience: 0.5 }] };
 * const r: ForecastRound = forecast(table, { model: "bdm-scholz", rounds: 5 }).rounds[0]!;
 * r.positions.C; // 4
 * r.offers?.C; // { kind: "capitulation", from: "A", to: 0 }
 * [r.median, r.mean]; // [10, 6.8]
 * ```
 */
export interface ForecastRound {
  readonly round: number;
  readonly median: number;
  readonly mean: number;
  readonly positions: Readonly<Record<string, number>>;
  /** Risk exponent of each actor used in this round's offers (expected-utility models). */
  readonly risk?: Readonly<Record<string, number>>;
  /** The offer each actor accepted in this round, moving it to the next round's position. */
  readonly offers?: Readonly<Record<string, AcceptedOffer | null>>;
}

/**
 * A forecast of one issue: the model, its rounds and the forecast position (the mean for
 * `mean`, the median of the last round otherwise).
 *
 * @example
 * ```ts
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 },
 *   { actor: "C", capability: 2, position: 4, salience: 0.5 }] };
 * const f: IssueForecast = forecast(table, { model: "bdm-scholz", rounds: 5 });
 * f.forecast; // 10
 * f.converged; // false: C still moved in round 4
 * f.rounds.length; // 6: round 0 (the input) and five played rounds
 * ```
 */
export interface IssueForecast {
  readonly model: ForecastModelName;
  readonly issue: string;
  /** The forecast position on the issue's scale. */
  readonly forecast: number;
  /** Whether the positions stopped moving before the last requested round. */
  readonly converged: boolean;
  readonly rounds: readonly ForecastRound[];
}

/**
 * The forecast models' names.
 *
 * @example
 * ```ts
 * const m: ForecastModelName = "median";
 * ```
 */
export type ForecastModelName = "mean" | "median" | "bdm-scholz" | "bdm";
