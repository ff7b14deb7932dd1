import { runCli } from "../../src/cli/program.js";

/** Runs the CLI in-process and captures its output. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, columns: 100 });
  return { code, out, err };
}
