import { describe, expect, it } from "vitest";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { simulate } from "../../src/simulation/simulate.js";
import { builtinStrategies, parseStrategy } from "../../src/simulation/strategies/registry.js";

describe("strategy parameters: each strategy takes only the keys it reads", () => {
  it("accepts the declared keys and refuses any other with the ones the strategy takes", () => {
    expect(parseStrategy("time-dependent:e=5:k=0.1:model=0").params).toEqual({ e: 5, k: 0.1, model: 0 });
    expect(parseStrategy("nice-tit-for-tat:delta=0.5:first=0").params).toEqual({ delta: 0.5, first: 0 });
    expect(() => parseStrategy("time-dependent:E=5")).toThrow(
      'strategy "time-dependent:E=5": unknown parameter "E"; time-dependent takes e, k, model',
    );
    expect(() => parseStrategy("boulware:exponent=5")).toThrow(
      'unknown parameter "exponent"; boulware takes e, k, model',
    );
    expect(() => parseStrategy("tit-for-tat:e=2")).toThrow('unknown parameter "e"; tit-for-tat takes delta, first');
    expect(() => parseStrategy("hardliner:e=2")).toThrow('unknown parameter "e"; hardliner takes no parameters');
    expect(() => parseStrategy("zeuthen:x=1")).toThrow("zeuthen takes no parameters");
    expect(() => parseStrategy("random:seed=1")).toThrow("random takes no parameters");
  });

  it("every built-in declares its parameters, and each declared key changes how it plays somewhere", () => {
    for (const f of Object.values(builtinStrategies)) expect(f.parameters, f.name).toBeDefined();
    // A declared key the strategy did not read would be refused nowhere and ignored: each must
    // change a run of nash-1950 against a time-dependent opponent for some value.
    const scenario = builtinScenario("nash-1950");
    const run = (spec: string): string =>
      JSON.stringify(
        simulate(scenario, { seed: 3, parties: { bill: { strategy: spec }, jack: { strategy: "linear" } } }).trace.map(
          (m) => m.offer,
        ),
      );
    const tries: Record<string, readonly string[]> = {
      e: ["e=0.1", "e=5"],
      k: ["k=0", "k=0.6"],
      model: ["model=0", "model=1"],
      delta: ["delta=0.1", "delta=2"],
      first: ["first=0", "first=0.5"],
    };
    for (const [name, f] of Object.entries(builtinStrategies))
      for (const key of Object.keys(f.parameters ?? {})) {
        const [a, b] = tries[key]!;
        expect(run(`${name}:${a}`), `${name} ${key}`).not.toBe(run(`${name}:${b}`));
      }
  });
});
