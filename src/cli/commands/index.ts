import type { Command } from "commander";
import type { CliContext } from "../context.js";

/**
 * Adds one or more subcommands to the program.
 * @example
 * ```ts
 * import { commands, type RegisterCommand } from "./index.js";
 * const register: RegisterCommand = await commands[0]!.load();
 * register.name; // "registerAnalyze"
 * ```
 */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/**
 * One line of the top-level `--help`: a command's term (name, `[options]`, arguments) and its
 * description, exactly as commander prints them for the loaded command.
 * @example
 * ```ts
 * import { commands, type HelpLine } from "./index.js";
 * const [term, description]: HelpLine = commands[0]!.help[0]!;
 * term; // "analyze [options] <scenario>"
 * description; // "ZOPA, Pareto frontier and bargaining solutions of a scenario, computed exactly"
 * ```
 */
export type HelpLine = readonly [term: string, description: string];

/**
 * One entry of the command table: the subcommands a module registers, their top-level help lines,
 * and how to load the module. Modules load lazily, so `treatylab analyze` loads the analysis and
 * not the explorer's server, the stability solver or the Monte Carlo worker pool, and
 * `treatylab --help` or `--version` load none (the start-up target of issue 18).
 * @example
 * ```ts
 * import { type CommandEntry, commands } from "./index.js";
 * const e: CommandEntry = commands[0]!;
 * e.names; // ["analyze"]
 * ```
 */
export interface CommandEntry {
  /** The names the module's register function adds, in `--help` order. */
  readonly names: readonly string[];
  /** The top-level help line of each name (a test checks them against the loaded module). */
  readonly help: readonly HelpLine[];
  /** Loads the module and returns its register function. */
  readonly load: () => Promise<RegisterCommand>;
}

const entry = (help: readonly HelpLine[], load: () => Promise<RegisterCommand>): CommandEntry => ({
  names: help.map(([term]) => term.split(" ")[0]!),
  help,
  load,
});

/**
 * Every subcommand, in the order `--help` lists them. Add one entry per command module; a test
 * checks that each entry's `names` are exactly the commands its module registers.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { commands } from "./index.js";
 * const entry = commands.find((c) => c.names.includes("compare"))!;
 * const program = new Command();
 * (await entry.load())(program, { stdout: () => {}, stderr: () => {}, isTTY: false, columns: 80 });
 * program.commands.map((c) => c.name()); // ["compare", "diff"]
 * ```
 */
export const commands: readonly CommandEntry[] = [
  entry(
    [
      [
        "analyze [options] <scenario>",
        "ZOPA, Pareto frontier and bargaining solutions of a scenario, computed exactly",
      ],
    ],
    async () => (await import("./analyze.js")).registerAnalyze,
  ),
  entry(
    [
      [
        "check [options] <scenario>",
        "check a proposal: who rejects it, by how much, and the closest settlements all accept",
      ],
    ],
    async () => (await import("./check.js")).registerCheck,
  ),
  entry(
    [
      [
        "explain [options] <scenario>",
        "explain a verdict in plain sentences (or JSON): why a proposal is rejected, why a solution was chosen",
      ],
    ],
    async () => (await import("./explain.js")).registerExplain,
  ),
  entry(
    [
      [
        "convert [options] <input>",
        "convert between treatylab scenarios, GENIUS folders (XML) and GeniusWeb folders (JSON); graph models to and from GMCR+ .gmcr files",
      ],
    ],
    async () => (await import("./convert.js")).registerConvert,
  ),
  entry(
    [["divide [options] <points>", "divide items between two parties by Adjusted Winner (Brams and Taylor), exactly"]],
    async () => (await import("./divide.js")).registerDivide,
  ),
  entry(
    [
      ["scenarios", "list the built-in scenarios"],
      ["show [options] <scenario>", "print a scenario (built-in or file) as canonical JSON, to copy and edit"],
      [
        "validate [options] <scenario>",
        "check a scenario file; prints the first problem with its JSON path, or a summary",
      ],
    ],
    async () => (await import("./scenarios.js")).registerScenarios,
  ),
  entry(
    [["schema [options]", "print the JSON Schema of the scenario format (for editors)"]],
    async () => (await import("./schema.js")).registerSchema,
  ),
  entry(
    [
      [
        "simulate [options] <scenario>",
        "simulate a negotiation round by round (seeded, reproducible): trace, agreement, metrics",
      ],
    ],
    async () => (await import("./simulate.js")).registerSimulate,
  ),
  entry(
    [
      [
        "tournament [options] <scenarios...>",
        "run strategies x scenarios x seeds and summarise agreement rates, utilities and rounds",
      ],
    ],
    async () => (await import("./tournament.js")).registerTournament,
  ),
  entry(
    [
      [
        "spe [options] <scenario>",
        "subgame-perfect equilibrium of T-round alternating offers over the scenario's bundles (backward induction)",
      ],
    ],
    async () => (await import("./spe.js")).registerSpe,
  ),
  entry(
    [
      [
        "rubinstein [options]",
        "Rubinstein's alternating-offers split of a pie of size 1 (infinite horizon, or --rounds T by backward induction)",
      ],
    ],
    async () => (await import("./spe.js")).registerRubinstein,
  ),
  entry(
    [
      [
        "sweep [options] <scenario>",
        "sweep one or two parameters over a grid or a list: ZOPA size and solutions per value (tidy rows)",
      ],
    ],
    async () => (await import("./sweep.js")).registerSweep,
  ),
  entry(
    [
      [
        "sensitivity [options] <scenario>",
        "break-even analysis (smallest change of each weight and reservation that changes the solution or empties the ZOPA) and tornado data",
      ],
    ],
    async () => (await import("./sensitivity.js")).registerSensitivity,
  ),
  entry(
    [
      [
        "montecarlo [options] <scenario>",
        "Monte Carlo over uncertain weights, values and reservations: P(in ZOPA), P(Nash), utilities, most robust settlement",
      ],
    ],
    async () => (await import("./montecarlo.js")).registerMonteCarlo,
  ),
  entry(
    [
      [
        "merge [options] <files...>",
        "merge the shard outputs of a sweep, Monte Carlo or forecast Monte Carlo run (--shard k/n) into the single-run result",
      ],
    ],
    async () => (await import("./merge.js")).registerMerge,
  ),
  entry(
    [
      [
        "compare [options] <before> [after]",
        "compare two scenarios' analyses: what entered or left the ZOPA, how each solution and utility moved",
      ],
      [
        "diff [options] <before> [after]",
        "what changed between two scenarios, readable (or as immer patches with --format json)",
      ],
    ],
    async () => (await import("./compare.js")).registerCompare,
  ),
  entry(
    [["plot [options] <source>", "draw one plot as SVG, or print its Vega-Lite spec (JSON) to restyle it"]],
    async () => (await import("./plot.js")).registerPlot,
  ),
  entry(
    [
      [
        "report [options] <scenario>",
        "write a self-contained HTML report: parties, issues, assumptions, sources, analysis tables and plots",
      ],
    ],
    async () => (await import("./report.js")).registerReport,
  ),
  entry(
    [
      [
        "backtest [options]",
        "run every historical case and compare the model with the record (ZOPA, signed text accepted?, distance to Nash and KS)",
      ],
    ],
    async () => (await import("./backtest.js")).registerBacktest,
  ),
  entry(
    [
      [
        "validation [options] [set]",
        "the dated validation set: ZOPA, solutions and each published plan's verdict against the record, side by side",
      ],
    ],
    async () => (await import("./validation.js")).registerValidation,
  ),
  entry(
    [
      [
        "stability [options] [model]",
        "will a settlement hold? stability analysis of a graph model (GMCR: Nash, GMR, SMR, SEQ, SIM, SEQ+SIM)",
      ],
    ],
    async () => (await import("./stability.js")).registerStability,
  ),
  entry(
    [
      [
        "explore [options] [scenario]",
        "open the interactive explorer in the browser: move an assumption, watch the settlement space move",
      ],
    ],
    async () => (await import("./explore.js")).registerExplore,
  ),
  entry(
    [
      [
        "forecast [options] <input>",
        "Where will the talks land? Compromise mean, weighted median or Bueno de Mesquita's expected-utility model from capability, position and salience",
      ],
    ],
    async () => (await import("./forecast.js")).registerForecast,
  ),
  // (new commands: add their entry above this line)
];

/**
 * The entries a command line needs: the one its first word names (or, after `help`, its second
 * word), else none: top-level `--help`, `--version`, no command and a typo are served by the help
 * lines alone (commander's suggestions need only the names).
 *
 * @example
 * ```ts
 * import { commandsFor } from "./index.js";
 * commandsFor(["analyze", "nash-1950"]).map((c) => c.names[0]); // ["analyze"]
 * commandsFor(["help", "check"]).map((c) => c.names[0]); // ["check"]
 * commandsFor(["--help"]).length; // 0
 * ```
 */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const words = argv.filter((a) => !a.startsWith("-"));
  const word = words[0] === "help" ? words[1] : words[0];
  const hit = word === undefined ? undefined : commands.find((c) => c.names.includes(word));
  return hit ? [hit] : [];
}
