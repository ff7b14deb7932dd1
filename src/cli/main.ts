/**
 * The `treatylab` program: what the executable runs (src/cli/launcher.ts loads its bundle,
 * `dist/cli/program.cjs`, from V8's code cache). No top-level `await`: the bundle is CommonJS.
 *
 * @example
 * ```sh
 * npx treatylab analyze ukraine-2025
 * ```
 * @module
 */
import { useColor } from "./format/style.js";
import { runCli } from "./program.js";

// A closed pipe (`treatylab ... | head`) ends the program quietly instead of with a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });

void runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns || Number(process.env.COLUMNS) || 100,
  color: useColor(Boolean(process.stdout.isTTY), process.env),
  stderrColor: useColor(Boolean(process.stderr.isTTY), process.env),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  ...(process.env.TREATYLAB_HEARTBEAT_MS ? { heartbeatMs: Number(process.env.TREATYLAB_HEARTBEAT_MS) } : {}),
}).then((code) => {
  process.exitCode = code;
});
