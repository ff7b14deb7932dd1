import type { Confidence, Constituency, Interaction, Issue, Note, Party, RedLine, Valuation } from "../model/types.js";

/**
 * A number with the reasoning behind it: `[value, why]`.
 *
 * @example
 * ```ts
 * const w: Reasoned = [30, "recovering all of Sinai was Sadat's aim since 1973"];
 * ```
 */
export type Reasoned = readonly [number, string];

/**
 * What a historical case states for one valuation (a party or a constituency): every weight, value
 * and reservation paired with its reasoning, plus the sources and confidence shared by its notes.
 *
 * @example
 * ```ts
 * const spec: ReasonedValuation = {
 *   weights: { sinai: [30, "the whole point of the talks"] },
 *   values: { sinai: { full: [10, "every inch back"], partial: [3, "a strip kept"] } },
 *   reservation: [0.5, "status quo of 1977"], source: "Quandt 1986", confidence: "medium",
 * };
 * ```
 */
export interface ReasonedValuation {
  readonly weights: Readonly<Record<string, Reasoned>>;
  readonly values: Readonly<Record<string, Readonly<Record<string, Reasoned>>>>;
  readonly reservation: Reasoned;
  /** Outlets, books and dates the numbers rest on (the note's `source`). */
  readonly source: string;
  readonly confidence: Confidence;
  /** Sentence before the per-issue weight reasons. */
  readonly weightsPreamble?: string;
  readonly redLines?: readonly RedLine[];
  /** Why the red lines are red lines, with its own confidence. */
  readonly redLinesNote?: readonly [string, Confidence];
  readonly interactions?: readonly Interaction[];
  readonly interactionsNote?: string;
}

const fmt = (x: number): string => String(x);

/**
 * Builds a {@link Valuation} whose notes are written from the reasons, so every number's note
 * quotes the number itself: `weights` lists `issue (weight): why`, `values.<issue>` lists
 * `option (value): why` and `reservation` opens with the reservation.
 *
 * @example
 * ```ts
 * const spec: ReasonedValuation = {
 *   weights: { sinai: [30, "the whole point of the talks"] },
 *   values: { sinai: { full: [10, "every inch back"], partial: [3, "a strip kept"] } },
 *   reservation: [0.5, "status quo of 1977"], source: "Quandt 1986", confidence: "medium",
 * };
 * const v = reasonedValuation(spec);
 * v.notes?.["values.sinai"]; // { text: "full (10): every inch back; partial (3): a strip kept", source: "Quandt 1986",
 * //   confidence: "medium" }
 * ```
 */
export function reasonedValuation(spec: ReasonedValuation): Valuation {
  const note = (text: string, confidence: Confidence = spec.confidence): Note => ({
    text,
    source: spec.source,
    confidence,
  });
  const notes: Record<string, Note> = {};
  notes.weights = note(
    [
      spec.weightsPreamble,
      Object.entries(spec.weights)
        .map(([issue, [w, why]]) => `${issue} (${fmt(w)}): ${why}`)
        .join("; "),
    ]
      .filter(Boolean)
      .join(" "),
  );
  for (const [issue, options] of Object.entries(spec.values))
    notes[`values.${issue}`] = note(
      Object.entries(options)
        .map(([o, [v, why]]) => `${o} (${fmt(v)}): ${why}`)
        .join("; "),
    );
  notes.reservation = note(
    `${fmt(spec.reservation[0])}: ${spec.reservation[1]}`,
    spec.confidence === "high" ? "medium" : "low",
  );
  if (spec.redLines && spec.redLinesNote) notes.redLines = note(spec.redLinesNote[0], spec.redLinesNote[1]);
  if (spec.interactions && spec.interactionsNote) notes.interactions = note(spec.interactionsNote, "low");
  return {
    weights: Object.fromEntries(Object.entries(spec.weights).map(([k, [w]]) => [k, w])),
    values: Object.fromEntries(
      Object.entries(spec.values).map(([issue, options]) => [
        issue,
        Object.fromEntries(Object.entries(options).map(([o, [v]]) => [o, v])),
      ]),
    ),
    reservation: spec.reservation[0],
    ...(spec.redLines ? { redLines: spec.redLines } : {}),
    ...(spec.interactions ? { interactions: spec.interactions } : {}),
    notes,
  };
}

/**
 * A {@link Party} from its reasoned valuation (see {@link reasonedValuation}).
 *
 * @example
 * ```ts
 * const spec: ReasonedValuation = {
 *   weights: { sinai: [30, "the whole point of the talks"] },
 *   values: { sinai: { full: [10, "every inch back"], partial: [3, "a strip kept"] } },
 *   reservation: [0.5, "status quo of 1977"], source: "Quandt 1986", confidence: "medium",
 * };
 * const egypt = reasonedParty({ id: "egypt", label: "Egypt" }, spec);
 * egypt.weights; // { sinai: 30 }
 * ```
 */
export function reasonedParty(
  head: {
    readonly id: string;
    readonly label: string;
    readonly description?: string;
    readonly constituencies?: readonly Constituency[];
  },
  spec: ReasonedValuation,
): Party {
  const { constituencies, ...rest } = head;
  return { ...rest, ...reasonedValuation(spec), ...(constituencies ? { constituencies } : {}) };
}

/**
 * A ratifying {@link Constituency} from its reasoned valuation (see {@link reasonedValuation}).
 *
 * @example
 * ```ts
 * const spec: ReasonedValuation = {
 *   weights: { sinai: [30, "the whole point of the talks"] },
 *   values: { sinai: { full: [10, "every inch back"], partial: [3, "a strip kept"] } },
 *   reservation: [0.5, "status quo of 1977"], source: "Quandt 1986", confidence: "medium",
 * };
 * const voters = reasonedConstituency({ id: "plebiscite", label: "Voters", veto: true }, spec);
 * voters.values.sinai; // { full: 10, partial: 3 }
 * ```
 */
export function reasonedConstituency(
  head: {
    readonly id: string;
    readonly label: string;
    readonly description?: string;
    readonly veto?: boolean;
    readonly votes?: number;
  },
  spec: ReasonedValuation,
): Constituency {
  return { ...head, ...reasonedValuation(spec) };
}

/**
 * Gives every option of every discrete issue an ordinal `position` (0, 1, 2, ... in the listed
 * order, or in `order[issue]` where the listing is not from one pole to the other) and a
 * `notes.scale` saying so, so the forecast models (docs/forecast.md) can place the parties on each
 * issue. Positions are ranks, not distances: a modeller's ordering, low confidence.
 *
 * @example
 * ```ts
 * import { ordinalScales } from "./build.js";
 * const brcko = { id: "brcko", label: "Brcko", options: [{ id: "federation" }, { id: "rs" }, { id: "arbitration" }] };
 * const [b] = ordinalScales([brcko], "Federation to Serb control.", { brcko: ["federation", "arbitration", "rs"] });
 * b?.type === "numeric" ? [] : b?.options.map((o) => o.position); // [0, 2, 1]
 * ```
 */
export function ordinalScales(
  issues: readonly Issue[],
  why: string,
  order: Readonly<Record<string, readonly string[]>> = {},
): Issue[] {
  return issues.map((issue) => {
    if (issue.type === "numeric") return issue;
    const ranked = order[issue.id] ?? issue.options.map((o) => o.id);
    const rank = (id: string): number => {
      const k = ranked.indexOf(id);
      if (k < 0) throw new Error(`ordinalScales: option "${id}" of issue "${issue.id}" is missing from its order`);
      return k;
    };
    const text = `${order[issue.id] ? "Reordered" : "Listed order"}: ${ranked.map((id, k) => `${id} (${k})`).join(", ")}. ${why}`;
    return {
      ...issue,
      options: issue.options.map((o) => ({ ...o, position: rank(o.id) })),
      notes: {
        ...(issue.notes ?? {}),
        scale: { text, source: "modeller's ordinal ranking of the options", confidence: "low" },
      },
    };
  });
}
