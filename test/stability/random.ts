import fc from "fast-check";
import type { GraphModel, OptionCondition } from "../../src/stability/model.js";

/** A random small graph model: 2-4 DMs, up to 8 options, random infeasibles, directions and tied preferences. */
export const arbGraphModel = (maxOptions = 8): fc.Arbitrary<GraphModel> =>
  fc
    .record({
      dms: fc.integer({ min: 2, max: 4 }),
      extra: fc.integer({ min: 0, max: maxOptions - 4 }),
      seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 64, maxLength: 64 }),
      statements: fc.boolean(),
    })
    .map(({ dms, extra, seed, statements }) => {
      let p = 0;
      const r = (m: number): number => seed[p++ % seed.length]! % m;
      const n = Math.min(maxOptions, dms + extra);
      const owner = Array.from({ length: n }, (_, k) => (k < dms ? k : r(dms)));
      const dirs = ["both", "both", "fwd", "back"] as const;
      const options = owner.map((_, k) => ({ name: `o${k}`, direction: dirs[r(4)] }));
      const infeasible: OptionCondition[] = Array.from({ length: r(3) }, () => {
        const a = r(n);
        const b = (a + 1 + r(n - 1)) % n;
        return r(2)
          ? [[a, r(2) ? "Y" : "N"] as const, [b, r(2) ? "Y" : "N"] as const]
          : [[a, "Y"] as const, [b, "Y"] as const];
      });
      const model: GraphModel = {
        options,
        infeasible,
        decisionMakers: Array.from({ length: dms }, (_, i) => ({
          name: `D${i}`,
          options: owner.flatMap((o, k) => (o === i ? [k] : [])),
          preference: statements
            ? {
                statements: Array.from({ length: 1 + r(4) }, () =>
                  r(3)
                    ? [[r(n), r(2) ? "Y" : "N"] as const]
                    : ((a: number) => ({
                        anyOf: [[[r(n), "Y"] as const], [[a, "N"] as const, [(a + 1) % n, "Y"] as const]],
                      }))(r(n)),
                ),
              }
            : { values: [] as number[] },
        })),
      };
      return model;
    })
    .map((m) => withValues(m, (fc as unknown as { __seed?: number }).__seed ?? 0));

/** Fills empty `values` preferences with small integers (ties likely) for the model's feasible states. */
function withValues(m: GraphModel, _salt: number): GraphModel {
  const n = m.options.length;
  const bad = (s: number) =>
    (m.infeasible ?? []).some((p) => p.every(([o, v]) => (((s >> o) & 1) === 1) === (v === "Y")));
  const feasible = Array.from({ length: 2 ** n }, (_, s) => s).filter((s) => !bad(s));
  return {
    ...m,
    decisionMakers: m.decisionMakers.map((d, i) =>
      "values" in d.preference
        ? {
            ...d,
            preference: { values: feasible.map((s) => ((s * 2654435761 + i * 40503 + n) >>> 7) % (2 + ((s + i) % 5))) },
          }
        : d,
    ),
  };
}
