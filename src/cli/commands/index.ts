import type { Command } from "commander";
import type { CliContext } from "../context.js";

/**
 * Adds one or more subcommands to the program.
 * @example
 * ```ts
 * const register: RegisterCommand = registerAnalyze;
 * ```
 */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/**
 * One entry of the command table: the subcommand names a module registers, and how to load it.
 * Modules load lazily, so `treatylab analyze` loads the analysis and not the explorer's server,
 * the stability solver or the Monte Carlo worker pool (the start-up target of issue 18).
 * @example
 * ```ts
 * const entry: CommandEntry = { names: ["analyze"], load: async () => (await import("./analyze.js")).registerAnalyze };
 * ```
 */
export interface CommandEntry {
  /** The names the module's register function adds, in `--help` order. */
  readonly names: readonly string[];
  /** Loads the module and returns its register function. */
  readonly load: () => Promise<RegisterCommand>;
}

/**
 * Every subcommand, in the order `--help` lists them. Add one entry per command module; a test
 * checks that each entry's `names` are exactly the commands its module registers.
 *
 * @example
 * ```ts
 * const entry = commands.find((c) => c.names.includes("analyze"))!;
 * (await entry.load())(program, ctx);
 * ```
 */
export const commands: readonly CommandEntry[] = [
  { names: ["analyze"], load: async () => (await import("./analyze.js")).registerAnalyze },
  { names: ["check"], load: async () => (await import("./check.js")).registerCheck },
  { names: ["explain"], load: async () => (await import("./explain.js")).registerExplain },
  { names: ["convert"], load: async () => (await import("./convert.js")).registerConvert },
  { names: ["divide"], load: async () => (await import("./divide.js")).registerDivide },
  { names: ["scenarios", "show", "validate"], load: async () => (await import("./scenarios.js")).registerScenarios },
  { names: ["schema"], load: async () => (await import("./schema.js")).registerSchema },
  { names: ["simulate"], load: async () => (await import("./simulate.js")).registerSimulate },
  { names: ["tournament"], load: async () => (await import("./tournament.js")).registerTournament },
  { names: ["spe"], load: async () => (await import("./spe.js")).registerSpe },
  { names: ["rubinstein"], load: async () => (await import("./spe.js")).registerRubinstein },
  { names: ["sweep"], load: async () => (await import("./sweep.js")).registerSweep },
  { names: ["sensitivity"], load: async () => (await import("./sensitivity.js")).registerSensitivity },
  { names: ["montecarlo"], load: async () => (await import("./montecarlo.js")).registerMonteCarlo },
  { names: ["merge"], load: async () => (await import("./merge.js")).registerMerge },
  { names: ["compare", "diff"], load: async () => (await import("./compare.js")).registerCompare },
  { names: ["plot"], load: async () => (await import("./plot.js")).registerPlot },
  { names: ["report"], load: async () => (await import("./report.js")).registerReport },
  { names: ["backtest"], load: async () => (await import("./backtest.js")).registerBacktest },
  { names: ["validation"], load: async () => (await import("./validation.js")).registerValidation },
  { names: ["stability"], load: async () => (await import("./stability.js")).registerStability },
  { names: ["explore"], load: async () => (await import("./explore.js")).registerExplore },
  { names: ["forecast"], load: async () => (await import("./forecast.js")).registerForecast },
  // (new commands: add their entry above this line)
];

/**
 * The entries a command line needs: the one naming its first word, or all of them when the first
 * word names no command (no command, `help`, a typo that needs suggestions, top-level `--help`).
 *
 * @example
 * ```ts
 * commandsFor(["analyze", "nash-1950"]).map((c) => c.names[0]); // ["analyze"]
 * commandsFor(["--help"]).length === commands.length; // true
 * ```
 */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const first = argv.find((a) => !a.startsWith("-"));
  const hit = first === undefined ? undefined : commands.find((c) => c.names.includes(first));
  return hit ? [hit] : commands;
}
