import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TreatylabError } from "../../src/model/errors.js";
import { INPUT_LIMITS } from "../../src/model/inputGuard.js";
import { scenarioJsonSchema } from "../../src/model/jsonSchema.js";
import type { Scenario } from "../../src/model/types.js";
import * as internal from "../../src/model/validate.js";
import { validateScenario } from "../../src/model/validatePublic.js";

// Ids are used as object keys (weights, values, utilities by party), so every id has the key limit.
const MAX = INPUT_LIMITS.maxKeyLength;

/** A valid scenario whose party, issue or option id (or the scenario's own) is `id`. */
function withId(where: "party" | "issue" | "option" | "scenario", id: string): Scenario {
  const issue = where === "issue" ? id : "book";
  const option = where === "option" ? id : "bill";
  const party = (pid: string) => ({
    id: pid,
    weights: { [issue]: 1 },
    values: { [issue]: { [option]: 1, jack: 0 } },
    reservation: 0,
  });
  return {
    id: where === "scenario" ? id : "s",
    issues: [{ id: issue, options: [{ id: option }, { id: "jack" }] }],
    parties: [party(where === "party" ? id : "a"), party("b")],
  } as Scenario;
}

const whereArb = fc.constantFrom("party" as const, "issue" as const, "option" as const, "scenario" as const);
const idOfLength = (n: number) => fc.constantFrom("a", "Z", "7").map((c) => c + "x-_.:9".repeat(n).slice(0, n - 1));

function refusal(f: () => unknown): TreatylabError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TreatylabError);
    return e as TreatylabError;
  }
  throw new Error("accepted");
}

describe(`ids have the key limit (${MAX} characters)`, () => {
  it("an id of at most the limit is accepted, one over it refused with one line naming the limit", () => {
    fc.assert(
      fc.property(whereArb, fc.integer({ min: 1, max: 3 * MAX }), (where, n) => {
        const id = "a".repeat(n);
        const s = withId(where, id);
        if (n <= MAX) {
          expect(validateScenario(s).parties).toHaveLength(2);
          expect(internal.validateScenario(s).parties).toHaveLength(2);
          return;
        }
        for (const validate of [validateScenario, internal.validateScenario]) {
          const e = refusal(() => validate(s));
          expect(e.message).not.toContain("\n");
          expect(e.message).toContain(`at most ${MAX} characters`);
          expect(e.message.length).toBeLessThan(400);
        }
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it("a party id over the limit is refused at its path, saying it is an id and how long it is", () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX + 1, max: 200_000 }).chain(idOfLength), (id) => {
        const e = refusal(() => validateScenario(withId("party", id)));
        expect(e.message).toMatch(
          new RegExp(
            `^\\$\\.parties\\[0\\]\\.id: is "[^"]+…" \\(${id.length} characters\\); expected an id of at most ${MAX} characters`,
          ),
        );
      }),
      { numRuns: 20, seed: 12 },
    );
  });

  it("the published JSON Schema says so", () => {
    expect(JSON.stringify(scenarioJsonSchema())).toContain(`"maxLength":${MAX}`);
  });
});
