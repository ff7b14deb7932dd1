import fc from "fast-check";
import type { ScenarioEdit } from "../../src/edits/types.js";
import type { Constituency, Constraint, Interaction, Party, RedLine, Scenario } from "../../src/model/types.js";

export interface ArbOptions {
  maxParties?: number;
  maxIssues?: number;
  maxOptions?: number;
  redLines?: boolean;
  constraints?: boolean;
  interactions?: boolean;
  constituencies?: boolean;
}

/** Small agendas (4 issues of up to 4 options) with every feature a fast path must decline. */
export const everyFeature = (maxParties: number): ArbOptions => ({
  maxParties,
  maxIssues: 4,
  maxOptions: 4,
  constraints: true,
  constituencies: true,
  interactions: true,
});

/**
 * Random small scenarios for property tests: integer weights and values (so ties are common),
 * reservations on a coarse grid, optional red lines, constraints, interactions and constituencies.
 */
export function scenarioArb(opts: ArbOptions = {}): fc.Arbitrary<Scenario> {
  const { maxParties = 3, maxIssues = 4, maxOptions = 4 } = opts;
  return fc
    .record({
      nParties: fc.integer({ min: 1, max: maxParties }),
      sizes: fc.array(fc.integer({ min: 1, max: maxOptions }), { minLength: 1, maxLength: maxIssues }),
      seedInts: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 400, maxLength: 400 }),
    })
    .map(({ nParties, sizes, seedInts }) => {
      let k = 0;
      const next = (n: number): number => seedInts[k++ % seedInts.length]! % n;
      const issues = sizes.map((n, i) => ({
        id: `i${i}`,
        options: Array.from({ length: n }, (_, o) => ({ id: `o${o}` })),
      }));
      const valuation = (): Omit<Party, "id"> => {
        const weights: Record<string, number> = {};
        const values: Record<string, Record<string, number>> = {};
        const absolute = next(4) === 0; // values as absolute scores in [0, 1]
        issues.forEach((issue) => {
          weights[issue.id] = next(4);
          const v: Record<string, number> = {};
          issue.options.forEach((o) => (v[o.id] = next(5)));
          if (Object.values(v).every((x) => x === 0)) v[issue.options[0]!.id] = 1;
          values[issue.id] = absolute ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x / 4])) : v;
        });
        if (Object.values(weights).every((w) => w === 0)) weights[issues[0]!.id] = 1;
        const redLines: RedLine[] = [];
        if (opts.redLines && next(3) === 0) {
          const issue = issues[next(issues.length)]!;
          redLines.push({ issue: issue.id, reject: [issue.options[next(issue.options.length)]!.id] });
        }
        const interactions: Interaction[] = [];
        if (opts.interactions && issues.length >= 2 && next(2) === 0) {
          const a = issues[0]!;
          const b = issues[1]!;
          interactions.push({
            when: { [a.id]: a.options[next(a.options.length)]!.id, [b.id]: b.options[next(b.options.length)]!.id },
            value: (next(5) - 2) / 10,
          });
        }
        return {
          weights,
          values,
          reservation: next(6) / 10,
          ...(absolute ? { valueScale: "absolute" as const } : {}),
          ...(redLines.length ? { redLines } : {}),
          ...(interactions.length ? { interactions } : {}),
        };
      };
      const parties: Party[] = Array.from({ length: nParties }, (_, p) => {
        const base: Party = { id: `p${p}`, ...valuation(), power: 1 + next(3) / 2 };
        if (opts.constituencies && next(3) === 0) {
          const n = 1 + next(3);
          const constituencies: Constituency[] = Array.from({ length: n }, (_, q) => ({
            id: `c${q}`,
            ...valuation(),
            votes: 1 + next(3),
            ...(next(3) === 0 ? { veto: true } : {}),
          }));
          const rule = (["all", "majority", "quota"] as const)[next(3)]!;
          return { ...base, constituencies, ratification: rule === "quota" ? { rule, quota: 0.6 } : { rule } };
        }
        return base;
      });
      const constraints: Constraint[] = [];
      if (opts.constraints && issues.length >= 2 && next(2) === 0) {
        const a = issues[0]!;
        const b = issues[issues.length - 1]!;
        const allowed = b.options.filter(() => next(2) === 0).map((o) => o.id);
        constraints.push({
          if: { [a.id]: a.options[next(a.options.length)]!.id },
          then: { [b.id]: allowed.length ? allowed : [b.options[0]!.id] },
        });
      }
      const s: Scenario = { id: "random", issues, parties, ...(constraints.length ? { constraints } : {}) };
      return s;
    });
}

/** The values {@link numericEdits} draws for each kind of edit. */
export interface NumericEditValues {
  readonly reservation: fc.Arbitrary<number>;
  readonly weight: fc.Arbitrary<number>;
  /** The new raw value of option "o0" of an issue. */
  readonly value: fc.Arbitrary<number>;
  readonly power: fc.Arbitrary<number>;
}

/** Arbitraries of a scenario's party ids and issue ids (for edits). */
export function idArbs(s: Scenario): { party: fc.Arbitrary<string>; issue: fc.Arbitrary<string> } {
  return {
    party: fc.constantFrom(...s.parties.map((p) => p.id)),
    issue: fc.constantFrom(...s.issues.map((i) => i.id)),
  };
}

/**
 * The numeric edits of a scenario's parties (setReservation, setWeight, setValue of option "o0",
 * setPower) with the given values, one arbitrary each, for `fc.oneof(...numericEdits(s, v), ...)`.
 */
export function numericEdits(s: Scenario, v: NumericEditValues): fc.Arbitrary<ScenarioEdit>[] {
  const { party, issue } = idArbs(s);
  return [
    fc.record({ op: fc.constant("setReservation" as const), party, value: v.reservation }),
    fc.record({ op: fc.constant("setWeight" as const), party, issue, value: v.weight }),
    fc.record({ op: fc.constant("setValue" as const), party, issue, option: fc.constant("o0"), value: v.value }),
    fc.record({ op: fc.constant("setPower" as const), party, value: v.power }),
  ];
}
