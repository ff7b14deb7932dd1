import { runCli } from "../../src/cli/program.js";

/** Runs the CLI in-process and captures its output. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, columns: 100 });
  return { code, out, err };
}

/**
 * A text report with its wrapped prose joined again (a line break followed by an indent becomes
 * one space), for tests that look for a sentence whatever the terminal width was.
 */
export function unwrapped(text: string): string {
  return text.replace(/\n +/g, " ");
}
