import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyze,
  applyEdits,
  checkProposal,
  forecast,
  monteCarlo,
  nash1950,
  simulate,
  sweep,
  TreatylabError,
  type ForecastTable,
} from "../../src/index.js";
import { forecastMonteCarloScenario } from "../../src/index.js";
import { builtinScenario } from "../../src/index.js";

// Options a program gets wrong are refused with a TreatylabError naming the option as the program
// spells it, never accepted silently, looked up on Object.prototype or left to a TypeError (found
// by a review of the library from a programmer's side).

const table: ForecastTable = {
  issue: "x",
  actors: [
    { actor: "A", capability: 1, position: 0, salience: 1 },
    { actor: "B", capability: 3, position: 10, salience: 1 },
  ],
};
const nashBundle = analyze(nash1950).solutions.nash!.bundle;

function refused(f: () => unknown, message: RegExp): void {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error, "no error").toBeInstanceOf(TreatylabError);
  expect((error as Error).message).toMatch(message);
}

describe("the verbs' options", () => {
  it("an unknown algorithm, model or option value is refused, naming the option", () => {
    refused(
      () => analyze(nash1950, { algorithm: "fast" as never }),
      /options\.algorithm is "fast"; expected one of "auto"/,
    );
    for (const model of ["toString", "constructor", "__proto__", "hasOwnProperty"])
      refused(() => forecast(table, { model: model as never }), /options\.model is "/);
    refused(
      () => simulate(nash1950, { protocol: "auction" as never }),
      /^options\.protocol is "auction"; expected one of "alternating"/,
    );
    refused(
      () => simulate(nash1950, { scope: "some" as never }),
      /^options\.scope is "some"; expected one of "all", "zopa"$/,
    );
    refused(() => simulate(nash1950, { rounds: 0 }), /^options\.rounds is 0; expected an integer from 1 to 1000000$/);
    refused(() => simulate(nash1950, { deadline: 2.5 }), /^options\.deadline is 2\.5; expected an integer >= 1$/);
    refused(() => analyze(nash1950, { maxOutcomes: -1 }), /options\.maxOutcomes is -1; expected a finite number >= 1/);
    refused(() => analyze(nash1950, { countSamples: Number.NaN }), /options\.countSamples is NaN/);
    for (const alternatives of [-3, Number.NaN, 1.5, "2" as never])
      refused(
        () => checkProposal(nash1950, nashBundle, { alternatives }),
        /options\.alternatives is .*; expected an integer >= 0/,
      );
  });

  it('a Monte Carlo without a seed is refused (it ran with the seed "undefined")', () => {
    refused(
      () => monteCarlo(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 10 } as never),
      /options\.seed is undefined; expected a non-empty string or a number/,
    );
    refused(
      () =>
        forecastMonteCarloScenario(
          builtinScenario("dayton-1995"),
          { "parties.*.capability": { spread: 0.1 } },
          { draws: 10, seed: 7 as never },
        ),
      /options\.seed is 7; expected a non-empty string, e\.g\. "42"/,
    );
  });

  it("options that are not an object (null, a number, a string, an array) are refused, never a TypeError", () => {
    const notObject = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 2 }),
    );
    const verbs: [string, (o: never) => unknown][] = [
      ["analyze", (o) => analyze(nash1950, o)],
      ["simulate", (o) => simulate(nash1950, o)],
      ["checkProposal", (o) => checkProposal(nash1950, nashBundle, o)],
      ["forecast", (o) => forecast(table, o)],
      ["sweep", (o) => sweep(nash1950, o)],
      ["monteCarlo", (o) => monteCarlo(nash1950, { "parties.*.reservation": { spread: 0.1 } }, o)],
      ["applyEdits", (o) => applyEdits(nash1950, [], o)],
    ];
    fc.assert(
      fc.property(notObject, fc.constantFrom(...verbs), (options, [verb, call]) =>
        refused(
          () => call(options as never),
          new RegExp(
            verb === "sweep"
              ? "^sweep's spec is .*; expected an object$"
              : `^${verb}'s options are .*; expected an object \\(or none\\)$`,
          ),
        ),
      ),
      { numRuns: 200 },
    );
    refused(() => applyEdits(nash1950, null as never), /^edits is null; expected an array of edits/);
    refused(() => sweep(nash1950, undefined as never), /^sweep needs a spec: \{ axes: \[/);
    // Budgets may be switched off with Infinity; the enumeration limit feeds a BigInt and may not.
    expect(
      analyze(nash1950, { algorithm: "frontier", maxCandidates: Infinity, memoryBudgetBytes: Infinity }).algorithm,
    ).toBe("frontier");
    refused(
      () => analyze(nash1950, { maxOutcomes: Infinity }),
      /options\.maxOutcomes is Infinity; expected a finite number >= 1/,
    );
    refused(
      () => monteCarlo(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 10, seed: "" }),
      /options\.seed is ""/,
    );
  });

  it("valid options still work, and left out they take their defaults", () => {
    expect(analyze(nash1950, { algorithm: "frontier" }).algorithm).toBe("frontier");
    expect(forecast(table, { model: "mean" }).forecast).toBe(7.5);
    expect(checkProposal(nash1950, nashBundle, { alternatives: 0 }).alternatives).toEqual([]);
    expect(checkProposal(nash1950, nashBundle).alternatives.length).toBe(3);
    expect(monteCarlo(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 10, seed: 3 }).seed).toBe("3");
  });
});
