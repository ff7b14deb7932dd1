import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { registerAnalyze } from "./analyze.js";
import { registerCheck } from "./check.js";
import { registerExplain } from "./explain.js";
import { registerConvert } from "./convert.js";
import { registerDivide } from "./divide.js";
import { registerPlot } from "./plot.js";
import { registerReport } from "./report.js";
import { registerScenarios } from "./scenarios.js";
import { registerSchema } from "./schema.js";
import { registerSimulate } from "./simulate.js";
import { registerRubinstein, registerSpe } from "./spe.js";
import { registerTournament } from "./tournament.js";
import { registerSweep } from "./sweep.js";
import { registerSensitivity } from "./sensitivity.js";
import { registerMonteCarlo } from "./montecarlo.js";
import { registerMerge } from "./merge.js";
import { registerCompare } from "./compare.js";
import { registerBacktest } from "./backtest.js";
import { registerValidation } from "./validation.js";
import { registerStability } from "./stability.js";
import { registerExplore } from "./explore.js";
import { registerForecast } from "./forecast.js";

/**
 * Every subcommand's registration, in the order `--help` lists them. Add one line per command.
 *
 * @example
 * ```ts
 * for (const register of commands) register(program, ctx);
 * ```
 */
export const commands: readonly ((program: Command, ctx: CliContext) => void)[] = [
  registerAnalyze,
  registerCheck,
  registerExplain,
  registerConvert,
  registerDivide,
  registerScenarios,
  registerSchema,
  registerSimulate,
  registerTournament,
  registerSpe,
  registerRubinstein,
  registerSweep,
  registerSensitivity,
  registerMonteCarlo,
  registerMerge,
  registerCompare,
  registerPlot,
  registerReport,
  registerBacktest,
  registerValidation,
  registerStability,
  registerExplore,
  registerForecast,
  // (new commands: add their register function above this line)
];
