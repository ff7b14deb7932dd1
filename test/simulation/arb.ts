import fc from "fast-check";
import type { Bundle, Party, Scenario } from "../../src/model/types.js";

/**
 * Small random scenarios for the simulation tests: integer weights and values (many ties),
 * reservations on a coarse grid, optional red lines.
 */
export function smallScenarioArb(
  opts: { parties?: [number, number]; maxIssues?: number; maxOptions?: number; redLines?: boolean } = {},
): fc.Arbitrary<Scenario> {
  const [minP, maxP] = opts.parties ?? [2, 2];
  return fc
    .record({
      nParties: fc.integer({ min: minP, max: maxP }),
      sizes: fc.array(fc.integer({ min: 2, max: opts.maxOptions ?? 4 }), {
        minLength: 1,
        maxLength: opts.maxIssues ?? 4,
      }),
      ints: fc.array(fc.nat(1000), { minLength: 200, maxLength: 200 }),
    })
    .map(({ nParties, sizes, ints }) => {
      let k = 0;
      const next = (n: number): number => ints[k++ % ints.length]! % n;
      const issues = sizes.map((n, i) => ({
        id: `i${i}`,
        options: Array.from({ length: n }, (_, o) => ({ id: `o${o}` })),
      }));
      const parties: Party[] = Array.from({ length: nParties }, (_, p) => {
        const weights: Record<string, number> = {};
        const values: Record<string, Record<string, number>> = {};
        for (const issue of issues) {
          weights[issue.id] = 1 + next(4);
          const v: Record<string, number> = {};
          issue.options.forEach((o) => (v[o.id] = next(6)));
          if (Object.values(v).every((x) => x === 0)) v[issue.options[0]!.id] = 1;
          values[issue.id] = v;
        }
        const redLines =
          opts.redLines && next(3) === 0
            ? [{ issue: issues[0]!.id, reject: [issues[0]!.options[next(issues[0]!.options.length)]!.id] }]
            : undefined;
        return { id: `p${p}`, weights, values, reservation: next(6) / 10, ...(redLines ? { redLines } : {}) };
      });
      return { id: "random", issues, parties };
    });
}

/** Every bundle of a discrete scenario (cartesian product, declaration order). */
export function allBundles(s: Scenario): Bundle[] {
  let out: Record<string, string>[] = [{}];
  for (const issue of s.issues) {
    if (issue.type === "numeric") throw new Error("discrete issues only");
    out = out.flatMap((b) => issue.options.map((o) => ({ ...b, [issue.id]: o.id })));
  }
  return out;
}

/** A party's utility straight from the scenario's numbers (no compiled tables). */
export function utilityOf(s: Scenario, p: Party, b: Bundle): number {
  const total = s.issues.reduce((acc, i) => acc + (p.weights[i.id] ?? 0), 0);
  let u = 0;
  for (const issue of s.issues) {
    const vals = p.values[issue.id] as Record<string, number>;
    const max = Math.max(0, ...Object.values(vals));
    if (max > 0) u += ((p.weights[issue.id] ?? 0) / total) * ((vals[b[issue.id]!] ?? 0) / max);
  }
  return u;
}

/** Whether a party accepts a bundle, from the scenario's numbers: no red line, utility >= reservation. */
export function acceptsOf(s: Scenario, p: Party, b: Bundle): boolean {
  for (const r of p.redLines ?? []) if ((r.reject ?? []).includes(b[r.issue]!)) return false;
  return utilityOf(s, p, b) >= p.reservation - 1e-9;
}
