import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadScenario, readJsonFile } from "../../src/io/loadScenario.js";
import { TreatylabError } from "../../src/model/errors.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { runCli } from "../../src/cli/program.js";
import { run } from "./run.js";

/** Runs the CLI in-process with a given terminal width. */
async function runWidth(columns: number, ...argv: string[]): Promise<string> {
  let out = "";
  await runCli(argv, { stdout: (s) => (out += s), stderr: () => {}, isTTY: true, columns });
  return out;
}

describe("CLI surfaces", () => {
  it("commander's own errors carry the treatylab: prefix, like ours, and exit 2", async () => {
    const unknown = await run("analyze", "nash-1950", "--no-such-option");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^treatylab: unknown option '--no-such-option'/);
    const missing = await run("analyze");
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^treatylab: missing required argument/);
    const command = await run("analyse", "nash-1950");
    expect(command.err).toMatch(/^treatylab: unknown command 'analyse'/);
  });

  it("a terminal reporting 0 columns gets the default width, not one word per line", async () => {
    const zero = await runWidth(0, "analyze", "ukraine-2025");
    expect(zero).toBe(await runWidth(100, "analyze", "ukraine-2025"));
    expect(zero).not.toBe(await runWidth(40, "analyze", "ukraine-2025"));
  });

  it("`-` reads standard input where a file is read", async () => {
    const text = JSON.stringify(nash1950);
    expect(await readJsonFile("-", Readable.from([text]))).toEqual(JSON.parse(text));
    expect((await loadScenario("-", Readable.from([text.slice(0, 10), text.slice(10)]))).id).toBe(nash1950.id);
    await expect(readJsonFile("-", Readable.from(["{ oops"]))).rejects.toThrow(/^standard input:1:3: invalid JSON/);
    await expect(readJsonFile("-", Readable.from([]))).rejects.toThrow(TreatylabError);
    await expect(readJsonFile("-", Readable.from([]))).rejects.toThrow(/standard input is empty/);
  });
});
