import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/edits/applyEdits.js";
import { compileScenario } from "../../src/model/compile.js";
import { addCacheSlot, ObjectCache } from "../../src/model/objectCache.js";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";

describe("ObjectCache", () => {
  it("keeps a value in the object's own box, invisible to JSON, keys, spreads and structuredClone", () => {
    const cache = new ObjectCache<object, number>("test");
    const o = addCacheSlot({ id: "x", list: [1] });
    expect(cache.get(o)).toBeUndefined();
    cache.set(o, 7);
    expect(cache.get(o)).toBe(7);
    expect(Object.keys(o)).toEqual(["id", "list"]);
    expect(JSON.stringify(o)).toBe('{"id":"x","list":[1]}');
    expect(cache.get({ ...o })).toBeUndefined();
    expect(cache.get(structuredClone(o))).toBeUndefined();
    expect(o).toEqual({ id: "x", list: [1] });
    // another cache does not see it
    expect(new ObjectCache<object, number>("test").get(o)).toBeUndefined();
  });

  it("does not trust a box copied onto another object (a strict shallow copy), and falls back to a WeakMap", () => {
    const cache = new ObjectCache<object, string>("test");
    const o = addCacheSlot({ id: "x" });
    cache.set(o, "o's value");
    const copy = Object.create(Object.getPrototypeOf(o), Object.getOwnPropertyDescriptors(o)) as object;
    expect(cache.get(copy)).toBeUndefined();
    cache.set(copy, "copy's value");
    expect(cache.get(copy)).toBe("copy's value");
    expect(cache.get(o)).toBe("o's value");
    const frozen = Object.freeze({ id: "y" }); // no box: kept in the WeakMap
    cache.set(frozen, "frozen");
    expect(cache.get(frozen)).toBe("frozen");
  });

  it("gives validated scenarios and applyEdits results a box, so they are compiled once", () => {
    const v = validateScenario(JSON.parse(JSON.stringify(nash1950)));
    expect(Object.getOwnPropertySymbols(v)).toHaveLength(1);
    expect(compileScenario(v)).toBe(compileScenario(v));
    const e = applyEdits(v, [{ op: "shiftReservation", party: "jack", by: 0.05 }]);
    expect(Object.isFrozen(e) && Object.isFrozen(e.parties) && Object.isFrozen(e.parties[1])).toBe(true);
    expect(e.issues).toBe(v.issues);
    expect(Object.getOwnPropertySymbols(e)).toHaveLength(1);
    expect(compileScenario(e)).toBe(compileScenario(e));
    expect(compileScenario(e)).not.toBe(compileScenario(v));
    expect(compileScenario(e).reservation[1]).toBeCloseTo(compileScenario(v).reservation[1]! + 0.05, 12);
  });
});
