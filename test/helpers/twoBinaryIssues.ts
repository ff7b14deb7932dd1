import { compileScenario, type CompiledScenario } from "../../src/model/compile.js";
import { validateScenario } from "../../src/model/validate.js";

/** A party of {@link twoBinaryIssues}: its values of a0, a1 and b0, b1, and its reservation. */
export interface BinaryParty {
  readonly id: string;
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
  readonly reservation: number;
}

/**
 * A compiled scenario of two binary issues, a (a0, a1) and b (b0, b1), which every party weighs
 * equally: a party valuing a1 and b0 at 1 and the others at 0 gets 0.5 from (a0, b0).
 */
export function twoBinaryIssues(id: string, parties: readonly BinaryParty[]): CompiledScenario {
  return compileScenario(
    validateScenario({
      id,
      issues: [
        { id: "a", options: [{ id: "a0" }, { id: "a1" }] },
        { id: "b", options: [{ id: "b0" }, { id: "b1" }] },
      ],
      parties: parties.map((p) => ({
        id: p.id,
        weights: { a: 1, b: 1 },
        values: { a: { a0: p.a[0], a1: p.a[1] }, b: { b0: p.b[0], b1: p.b[1] } },
        reservation: p.reservation,
      })),
    }),
  );
}
