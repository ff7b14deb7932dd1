import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { argvArb, enterScratchFolder, runArgv } from "./argv.js";

describe("fuzz: hostile command lines exit 0 or 2 with one clean treatylab: line (issue 17)", () => {
  // Generated lines may say `--out package.json` or `--out -1`: they run in a scratch folder.
  let leave = (): void => {};
  beforeAll(() => {
    leave = enterScratchFolder();
  });
  afterAll(() => leave());
  it("a small run (the long one is `npm run fuzz -- --cli --runs 5000`)", async () => {
    await fc.assert(
      fc.asyncProperty(argvArb, async (argv) => {
        const r = await runArgv(argv);
        expect(r.problem, JSON.stringify(argv)).toBeUndefined();
      }),
      { numRuns: 150, seed: 17 },
    );
  }, 60_000);

  // Pinned regressions found by the fuzzer.
  it.each([
    [["analyze", "nash-1950", "--x\u001b[2J"]],
    [["analyze", "nash\u001b[31m-1950\nx"]],
    [["analyze", "nash-1950", "--formt", "json"]],
    [["help", "missing-folder/out.json"]],
    [[]],
    [["--"]],
    [["help", "--", "--trace-rows", "--edits", "--solution=parties.bill.reservation=1:0:0"]],
  ])("%j", async (argv) => {
    const r = await runArgv(argv);
    expect(r.problem).toBeUndefined();
    expect(r.code).toBe(2);
  });
});
