/**
 * The `treatylab` executable.
 *
 * @example
 * ```sh
 * npx treatylab analyze ukraine-2025
 * ```
 * @module
 */
import { runCli } from "./program.js";

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns ?? 100,
});
process.exitCode = code;
