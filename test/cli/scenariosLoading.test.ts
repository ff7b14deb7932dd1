import { Command } from "commander";
import { describe, expect, it, vi } from "vitest";
import { registerScenarios } from "../../src/cli/commands/scenarios.js";

// `validate` and `show` are registered with `scenarios` in one module; they must load only the
// scenario they are given, not the eleven built-ins (start-up time, issue 18). Which modules are
// evaluated is seen here through a mock of one case module and of the synchronous registry.
const { loaded } = vi.hoisted(() => ({ loaded: { dayton: 0, registry: 0 } }));
vi.mock("../../src/cases/dayton1995.js", async (importOriginal) => {
  loaded.dayton++;
  return importOriginal();
});
vi.mock("../../src/scenarios/builtins.js", async (importOriginal) => {
  loaded.registry++;
  return importOriginal();
});

const run = async (...args: string[]): Promise<string> => {
  let out = "";
  const program = new Command().exitOverride();
  registerScenarios(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
  await program.parseAsync(args, { from: "user" });
  return out;
};

describe("scenarios, show and validate load what they use", () => {
  it("validate and show of one built-in load neither the registry nor another built-in (dayton-1995 watched); scenarios loads them all", async () => {
    expect(await run("validate", "nash-1950")).toContain("512 feasible bundles");
    expect(JSON.parse(await run("show", "nash-1950")).id).toBe("nash-1950");
    expect(loaded).toEqual({ dayton: 0, registry: 0 });
    const list = await run("scenarios");
    expect(list).toContain("dayton-1995");
    expect(list.match(/^│ [a-z]/gm)?.length).toBe(1 + 11); // the header and the eleven built-ins
    expect(loaded.dayton).toBe(1);
    expect(loaded.registry).toBe(0);
  });
});
