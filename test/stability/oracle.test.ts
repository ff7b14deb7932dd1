import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeStability, STABILITY_CONCEPTS } from "../../src/stability/concepts.js";
import { compileGraphModel } from "../../src/stability/model.js";
import { Oracle } from "./oracle.js";
import { arbGraphModel } from "./random.js";

const feasibleModel = arbGraphModel().filter((m) => new Oracle(m).states.length > 0);

describe("stability concepts against the brute-force oracle", () => {
  for (const rule of ["standard", "gmcr-plus"] as const) {
    it(`every concept, every DM, every state (${rule} sanctions)`, () => {
      fc.assert(
        fc.property(feasibleModel, (model) => {
          const oracle = new Oracle(model);
          const a = analyzeStability(model, { sanctions: rule });
          for (const c of STABILITY_CONCEPTS) {
            for (let i = 0; i < model.decisionMakers.length; i++) {
              a.cm.states.forEach((s, j) => {
                const want = oracle.stable(c.key, i, s, rule);
                if ((a.stable[c.key]![i]![j] === 1) !== want)
                  throw new Error(`${c.key} DM ${i} state ${s}: engine ${a.stable[c.key]![i]![j]}, oracle ${want}`);
              });
            }
          }
        }),
        { numRuns: 80 },
      );
    });
  }

  it("the implications hold: Nash => GMR, Nash => SEQ, SEQ => GMR, SMR => GMR, SEQ+SIM => SEQ and SIM, Nash => SMR and SIM", () => {
    fc.assert(
      fc.property(feasibleModel, (model) => {
        const a = analyzeStability(model);
        const st = a.stable;
        for (let i = 0; i < model.decisionMakers.length; i++) {
          for (let j = 0; j < a.cm.states.length; j++) {
            const f = (k: keyof typeof st) => st[k]![i]![j] === 1;
            if (f("nash")) expect(f("gmr") && f("seq") && f("smr") && f("sim")).toBe(true);
            if (f("seq") || f("smr")) expect(f("gmr")).toBe(true);
            if (f("seqSim")) expect(f("seq") && f("sim")).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("results do not change when DMs and options are reordered and renamed", () => {
    fc.assert(
      fc.property(feasibleModel, fc.integer({ min: 1, max: 1000 }), (model, salt) => {
        const n = model.options.length;
        const perm = Array.from({ length: n }, (_, k) => k).sort(
          (x, y) => ((x * salt + 7) % 13) - ((y * salt + 7) % 13) || x - y,
        );
        const inv = new Array<number>(n);
        perm.forEach((old, neu) => (inv[old] = neu));
        const mapState = (s: number) => perm.reduce((c, old, neu) => c | (((s >> old) & 1) << neu), 0);
        const cm = compileGraphModel(model);
        const dmOrder = model.decisionMakers.map((_, i) => i).reverse();
        const moved = {
          options: perm.map((old) => ({ ...model.options[old]!, name: `x${old}` })),
          infeasible: (model.infeasible ?? []).map((p) => p.map(([o, v]) => [inv[o]!, v] as const)),
          decisionMakers: dmOrder.map((i) => {
            const d = model.decisionMakers[i]!;
            const p = d.preference;
            const preference =
              "values" in p
                ? {
                    values: [...cm.states]
                      .map((s) => [mapState(s), p.values[cm.states.indexOf(s)]!] as const)
                      .sort((x, y) => x[0] - y[0])
                      .map((x) => x[1]),
                  }
                : "statements" in p
                  ? {
                      statements: p.statements.map((st) =>
                        Array.isArray(st)
                          ? st.map(([o, v]: readonly [number, "Y" | "N"]) => [inv[o]!, v] as const)
                          : {
                              anyOf: (st as { anyOf: readonly (readonly [number, "Y" | "N"])[][] }).anyOf.map((c) =>
                                c.map(([o, v]) => [inv[o]!, v] as const),
                              ),
                            },
                      ),
                    }
                  : p;
            return { name: `renamed-${d.name}`, options: d.options.map((o) => inv[o]!), preference };
          }),
        };
        const a = analyzeStability(model);
        const b = analyzeStability(moved as never);
        for (const c of STABILITY_CONCEPTS) {
          expect([...b.equilibria[c.key]!].sort((x, y) => x - y)).toEqual(
            a.equilibria[c.key]!.map(mapState).sort((x, y) => x - y),
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});
