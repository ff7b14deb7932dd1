import { checkOutFormat } from "./outFormat.js";
import { Command, CommanderError, Help } from "commander";
import { TreatylabError } from "../model/errors.js";
import { oneLineSafe, quote } from "../model/quote.js";
import { hasExactScenarioErrors, wasDescribedWithoutZod } from "../model/validate.js";
import { commands, commandsFor } from "./commands/index.js";
import { type CliContext, TREATYLAB_VERSION } from "./context.js";
import { textStyle } from "./format/style.js";
import { wrapProse } from "./format/wrapText.js";

/**
 * Exit codes of the `treatylab` command.
 * @example
 * ```ts
 * import { EXIT, runCli } from "./program.js";
 * const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false, columns: 80 };
 * const code = await runCli(["analyze", "no-such-scenario"], quiet);
 * code === EXIT.input; // true: 2, bad input or usage
 * ```
 */
export const EXIT = { ok: 0, internal: 1, input: 2 } as const;

/**
 * Builds the `treatylab` command line program around a context. Given the command line, it loads
 * only the subcommand that line names (start-up time); the others are stubs that carry their help
 * line, so the top-level `--help` and `--version` load no command module.
 *
 * @example
 * ```ts
 * import type { CliContext } from "./context.js";
 * import { buildProgram } from "./program.js";
 * let out = "";
 * const ctx: CliContext = { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 };
 * const program = await buildProgram(ctx, ["analyze", "nash-1950"]);
 * await program.parseAsync(["analyze", "nash-1950", "--format", "json"], { from: "user" });
 * JSON.parse(out).zopa.count; // 293
 * ```
 */
export async function buildProgram(ctx: CliContext, argv: readonly string[] = []): Promise<Command> {
  // commander's own errors (unknown option, missing argument, ...) get the same `treatylab:` prefix
  // as ours, in place of commander's "error: ".
  const prefix = textStyle(ctx.stderrColor ?? false).red("treatylab:");
  // Help wraps to the terminal (or COLUMNS), and to at most 80 columns when not on a terminal.
  const helpWidth = (): number => Math.max(40, ctx.isTTY ? ctx.columns : Math.min(ctx.columns, 80));
  // Help (commander's only use of writeOut) has its prose lines wrapped too; an example's command
  // line stays whole, to paste.
  const fitHelp = (text: string): string =>
    text
      .split("\n")
      .map((line) => (/^\s*\$ /.test(line) ? line : wrapProse(line, helpWidth())))
      .join("\n");
  const output = {
    writeOut: (s: string) => ctx.stdout(fitHelp(s)),
    writeErr: (s: string) => ctx.stderr(s),
    getOutHelpWidth: helpWidth,
    getErrHelpWidth: helpWidth,
    // commander quotes what was typed as it is: escape it and keep one line (issue 17)
    outputError: (s: string, write: (s: string) => void) =>
      write(
        `${prefix} ${oneLineSafe(
          s
            .replace(/^error: /, "")
            .trim()
            .split("\n")
            .join(" "),
        )}\n`,
      ),
  };
  const program = new Command("treatylab")
    .description("Simulate peace settlements: ZOPA, Pareto frontier, bargaining solutions, proposal checks.")
    .version(TREATYLAB_VERSION)
    .option(
      "--verbose",
      "print the stack of unexpected errors, and a progress heartbeat on stderr when it is not a terminal",
    )
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output)
    .addHelpText(
      "after",
      `
Exit codes: 0 success; 1 internal error (a bug: please report it); 2 bad input
or usage. Output: tables fit the terminal width; colour only on a terminal
(NO_COLOR turns it off); progress bars (stderr) only on a terminal; with
--verbose, a heartbeat line on stderr every 2 s when it is not one; --out files
are written atomically.

Examples:
  $ treatylab analyze ukraine-2025
  $ treatylab check ukraine-2025 --proposal examples/proposals/us-28-point-plan.json --set army-cap=800
  $ treatylab report ukraine-2025 -o report.html
  $ treatylab scenarios`,
    );
  // The command the line names is loaded and registered; every other one is a stub carrying its
  // help line (enough for the top-level `--help` and commander's suggestions after a typo).
  const needed = commandsFor(argv);
  const loaded = new Map(await Promise.all(needed.map(async (c) => [c, await c.load()] as const)));
  const stubTerms = new Map<Command, string>();
  for (const entry of commands) {
    const register = loaded.get(entry);
    if (register) register(program, ctx);
    else
      for (const [term, description] of entry.help)
        stubTerms.set(program.command(term.split(" ")[0]!).description(description), term);
  }
  const defaultTerm = Help.prototype.subcommandTerm;
  // Descriptions wrap down to 20 columns beside the option names (commander's default, 40, left
  // a 60-column terminal's help unwrapped).
  const minWidthToWrap = 20;
  program.configureHelp({
    minWidthToWrap,
    subcommandTerm(this: Help, cmd: Command) {
      return stubTerms.get(cmd) ?? defaultTerm.call(this, cmd);
    },
  });
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(output).configureHelp({ minWidthToWrap });
  // --out's extension against the command's format, before any work (outFormat.ts).
  program.hook("preAction", (_program, command) => checkOutFormat(command));
  return program;
}

/**
 * The bundled program's build id (the first 12 hex digits of its SHA-256, written in by
 * scripts/bundle-cli.mjs and recorded in its source map), printed after an internal error's
 * stack so that scripts/map-stack.mjs can tell a stack of another build; none when the TypeScript
 * sources run.
 */
const BUILD_ID = process.env.TREATYLAB_BUILD;

/** The first line of a message (errors print one line; `--verbose` shows the rest). */
function oneLine(message: string): string {
  return oneLineSafe(message.split("\n")[0]!.trim());
}

/**
 * Runs the CLI on `argv` (without the node and script entries) and returns the exit code. Known
 * errors print one line; unexpected ones print one line too, and their stack with `--verbose`.
 *
 * @example
 * ```ts
 * import type { CliContext } from "./context.js";
 * import { runCli } from "./program.js";
 * let out = "";
 * const ctx: CliContext = { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 };
 * const code = await runCli(["analyze", "nash-1950", "--format", "json"], ctx);
 * code; // 0
 * JSON.parse(out).outcomes; // 512
 * ```
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const ctx: CliContext = argv.includes("--verbose") ? { ...context, verbose: true } : context;
  const prefix = textStyle(ctx.stderrColor ?? false).red("treatylab:");
  // `help <word>` for a word that is no command: one line, not the whole help on stderr (issue 17)
  const words = argv.filter((a) => !a.startsWith("-"));
  if (words[0] === "help" && words[1] !== undefined && !commands.some((c) => c.names.includes(words[1]!))) {
    ctx.stderr(`${prefix} unknown command ${quote(words[1])} (see treatylab --help)\n`);
    return EXIT.input;
  }
  // Nothing loads zod up front (start-up time): a valid scenario never needs it. When a scenario's
  // structure error was described without it and nothing was printed yet, zod is loaded and the
  // command runs again, so the message is zod's exact one (the library's, byte for byte). Not for
  // standard input (`-`), which cannot be read twice: loadScenario gives zod's message itself.
  let printed = false;
  const watched: CliContext = {
    ...ctx,
    stdout: (s) => ((printed = true), ctx.stdout(s)),
    stderr: (s) => ((printed = true), ctx.stderr(s)),
  };
  const program = await buildProgram(watched, argv);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT.ok;
  } catch (err) {
    if (
      !printed &&
      !(err instanceof CommanderError) &&
      !argv.includes("-") &&
      wasDescribedWithoutZod() &&
      !hasExactScenarioErrors()
    ) {
      await import("../model/validatePublic.js");
      return runCli(argv, context);
    }
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.exitCode === 0)
        return EXIT.ok;
      // No command (`treatylab`, `treatylab --`): commander printed the whole help on stderr; the
      // last line still says what went wrong, like every other refusal.
      if (err.code === "commander.help")
        ctx.stderr(`${prefix} no command given: pick one of the commands above (treatylab analyze ukraine-2025)\n`);
      return EXIT.input; // otherwise commander already printed its one-line message
    }
    if (err instanceof TreatylabError) {
      ctx.stderr(`${prefix} ${oneLine(err.message)}\n`);
      return err.exitCode;
    }
    ctx.stderr(
      `${prefix} internal error: ${oneLine((err as Error)?.message ?? String(err))}${argv.includes("--verbose") ? "" : " (run with --verbose for details)"}\n`,
    );
    // The stack's frames name positions in the minified program; with the version, a maintainer
    // maps them to the sources (scripts/map-stack.mjs, docs/cli.md "Exit codes").
    if (argv.includes("--verbose"))
      ctx.stderr(
        `${(err as Error)?.stack ?? String(err)}\ntreatylab ${TREATYLAB_VERSION}${BUILD_ID ? ` (build ${BUILD_ID})` : ""}, Node ${process.version}\n`,
      );
    return EXIT.internal;
  }
}
