import { type Command, InvalidArgumentError, Option } from "commander";
import { readJsonFile } from "../../files/loadScenario.js";
import { TreatylabError } from "../../model/errors.js";
import type { HazardSpec } from "../../simulation/hazard.js";
import { simulateRuns } from "../../simulation/runs.js";
import { simulate } from "../../simulation/simulate.js";
import { builtinStrategies } from "../../simulation/strategies/registry.js";
import type {
  MediatorRule,
  PartySetup,
  ProtocolName,
  SimulationEvent,
  SimulationOptions,
  SpaceScope,
} from "../../simulation/types.js";
import { withProgress } from "../progress.js";
import { type CliContext, emit, tableLayout } from "../context.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";
import { formatRuns, formatSimulation, type SimulationFormat } from "../format/formatSimulation.js";
import { partyNumbers, partyValues } from "../partyValues.js";
import { formatOption, outOption, positiveInteger, seedText } from "../options.js";

/**
 * Options shared by `simulate` and `tournament`, as commander parses them.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { addNegotiationOptions, type NegotiationCliOptions } from "./simulate.js";
 * const cmd = addNegotiationOptions(new Command("simulate")).parse(["--rounds", "50"], { from: "user" });
 * const o = cmd.opts<NegotiationCliOptions>();
 * o; // { protocol: "alternating", rounds: 50, seed: "0", scope: "all" }
 * ```
 */
export interface NegotiationCliOptions {
  protocol: ProtocolName;
  rounds: number;
  deadline?: number;
  seed: string;
  discount?: string;
  cost?: string;
  events?: string;
  scope: SpaceScope;
  hazard?: HazardSpec;
  breakdownCost?: string;
}

/**
 * Adds the options `simulate` and `tournament` share (protocol, rounds, deadline, seed, discount, cost, events).
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { addNegotiationOptions } from "./simulate.js";
 * const cmd = addNegotiationOptions(new Command("simulate"));
 * cmd.parse(["--hazard", "0,0.1", "--discount", "bill=0.9"], { from: "user" });
 * cmd.opts().hazard; // [0, 0.1]
 * ```
 */
export function addNegotiationOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option("--protocol <name>", "negotiation protocol")
        .choices(["alternating", "stacked", "single-text", "zeuthen"])
        .default("alternating"),
    )
    .addOption(
      new Option("--rounds <n>", "most rounds; talks break down after it").argParser(positiveInteger).default(100),
    )
    .addOption(
      new Option("--deadline <n>", "an announced deadline round (strategies plan for it)").argParser(positiveInteger),
    )
    .option("--seed <seed>", "seed of the run's random generator (same seed, same output)", seedText, "0")
    .option("--discount <party=d,...>", "per-round discount factors in (0, 1]")
    .option("--cost <party=c,...>", "utility lost per round without agreement (cost of war)")
    .option(
      "--events <file>",
      "JSON file: [{ round, label, edits: [ScenarioEdit...], hazard? }] applied at the start of their round",
    )
    .addOption(
      new Option(
        "--hazard <h | h1,h2,...>",
        "breakdown risk: probability that talks collapse before each round (a constant, or one per round, the last repeating)",
      ).argParser(parseHazard),
    )
    .option("--breakdown-cost <party=c,...>", "what a breakdown (the war escalates) costs each party beyond no deal")
    .addOption(
      new Option(
        "--scope <scope>",
        "bundles negotiated over: all feasible ones, or only those every party accepts at some point (large scenarios)",
      )
        .choices(["all", "zopa"])
        .default("all"),
    );
}

/**
 * Parses `--hazard`: one probability, or a comma-separated list (one per round from round 1,
 * the last holding for later rounds).
 *
 * @example
 * ```ts
 * import { parseHazard } from "./simulate.js";
 * parseHazard("0.05"); // 0.05
 * parseHazard("0,0,0.1"); // [0, 0, 0.1]
 * ```
 */
export function parseHazard(text: string): HazardSpec {
  const list = text.split(",").map((x) => x.trim());
  const values = list.map((x) => {
    const h = Number(x);
    if (x === "" || !(h >= 0 && h <= 1)) throw new InvalidArgumentError(`"${x}" is not a probability from 0 to 1`);
    return h;
  });
  return values.length === 1 ? values[0]! : values;
}

/**
 * Reads an events file: an array of events, or `{ "events": [...] }`.
 *
 * @example
 * ```ts
 * import { readEvents } from "./simulate.js";
 * const events = await readEvents("examples/events/sanctions.json");
 * events[0]?.round; // 5
 * ```
 */
export async function readEvents(file: string | undefined): Promise<SimulationEvent[]> {
  if (!file) return [];
  const data = await readJsonFile(file);
  const list = Array.isArray(data)
    ? data
    : data !== null && typeof data === "object"
      ? (data as { events?: unknown }).events
      : undefined;
  if (!Array.isArray(list))
    throw new TreatylabError(`${file}: expected an array of events [{ "round": 5, "label": "...", "edits": [...] }]`);
  return list as SimulationEvent[];
}

/**
 * Per-party delay settings from `--discount` and `--cost`.
 *
 * @example
 * ```ts
 * import { delayOptions } from "./simulate.js";
 * delayOptions({ discount: "a=0.9" }); // { a: { discount: 0.9 } }
 * delayOptions({ cost: "a=0.01,b=0.02" }); // { a: { costPerRound: 0.01 }, b: { costPerRound: 0.02 } }
 * ```
 */
export function delayOptions(opts: {
  discount?: string;
  cost?: string;
}): Record<string, { discount?: number; costPerRound?: number }> {
  const out: Record<string, { discount?: number; costPerRound?: number }> = {};
  for (const [p, d] of Object.entries(partyNumbers("--discount", opts.discount))) out[p] = { ...out[p], discount: d };
  for (const [p, c] of Object.entries(partyNumbers("--cost", opts.cost))) out[p] = { ...out[p], costPerRound: c };
  return out;
}

/**
 * Registers `treatylab simulate <scenario>`.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerSimulate } from "./simulate.js";
 * let out = "";
 * const program = new Command();
 * registerSimulate(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["simulate", "nash-1950", "--seed", "7", "--format", "json"], { from: "user" });
 * JSON.parse(out).agreement.utilities; // { bill: 0.705882352941, jack: 0.6875 }, in round 51
 * ```
 */
export function registerSimulate(program: Command, ctx: CliContext): void {
  const cmd = program
    .command("simulate")
    .description("simulate a negotiation round by round (seeded, reproducible): trace, agreement, metrics")
    .argument("<scenario>", "a scenario JSON file or a built-in id");
  const whatIf = addWhatIfOptions(cmd);
  addNegotiationOptions(cmd)
    .option(
      "--strategy <party=name,...>",
      `strategy per party (name[:key=value...]); built-ins: ${Object.keys(builtinStrategies).join(", ")}`,
    )
    .option("--horizon <party=n,...>", "rounds a party plans for (e.g. one that believes it can fight on for years)")
    .addOption(
      new Option("--mediator <rule>", "single-text mediator's rule")
        .choices(["joint-gains", "nash", "fairness"])
        .default("joint-gains"),
    )
    .addOption(
      new Option("--trace-rows <n>", "trace rows shown in table and markdown output")
        .argParser(positiveInteger)
        .default(40),
    )
    .addOption(
      new Option(
        "--runs <n>",
        "run n times (run i with seed <seed>/i) and summarise: agreement rate, endings, end rounds, expected payoffs",
      ).argParser(positiveInteger),
    )
    .addOption(formatOption(["table", "json", "csv", "markdown"], "table"))
    .addOption(outOption())
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab simulate nash-1950 --strategy bill=boulware,jack=conceder --rounds 50 --seed 7
  $ treatylab simulate ukraine-2025 --protocol stacked --scope zopa --strategy russia=boulware,ukraine=conceder --events examples/events/sanctions.json
  $ treatylab simulate nash-1950 --protocol zeuthen --format csv --out trace.csv
  $ treatylab simulate nash-1950 --protocol single-text --mediator nash
  $ treatylab simulate nash-1950 --strategy bill=time-dependent:e=0.5 --discount bill=0.99,jack=0.95 --deadline 20
  $ treatylab simulate ukraine-2025 --protocol stacked --scope zopa --hazard 0.03 --deadline 14 --runs 500 --seed 1`,
    )
    .action(
      async (
        ref: string,
        opts: NegotiationCliOptions & {
          strategy?: string;
          horizon?: string;
          mediator: MediatorRule;
          traceRows: number;
          runs?: number;
          format: SimulationFormat;
          out?: string;
        } & WhatIfCliOptions,
      ) => {
        const scenario = await whatIf.load(ref, opts);
        const parties: Record<string, PartySetup> = {};
        for (const [p, s] of Object.entries(partyValues("--strategy", opts.strategy)))
          parties[p] = { ...parties[p], strategy: s };
        for (const [p, d] of Object.entries(delayOptions(opts))) parties[p] = { ...parties[p], delay: d };
        for (const [p, h] of Object.entries(partyNumbers("--horizon", opts.horizon)))
          parties[p] = { ...parties[p], horizon: h };
        const options: SimulationOptions = {
          protocol: opts.protocol,
          rounds: opts.rounds,
          deadline: opts.deadline,
          seed: opts.seed,
          parties,
          events: await readEvents(opts.events),
          mediator: opts.mediator,
          scope: opts.scope,
          hazard: opts.hazard,
          breakdownCost: partyNumbers("--breakdown-cost", opts.breakdownCost),
        };
        const text =
          opts.runs !== undefined
            ? formatRuns(
                await withProgress(ctx, "simulate", "runs", (onProgress) =>
                  simulateRuns(scenario, options, opts.runs!, onProgress),
                ),
                opts.format,
                { rows: opts.traceRows, layout: tableLayout(ctx) },
              )
            : formatSimulation(simulate(scenario, options), opts.format, {
                traceRows: opts.traceRows,
                layout: tableLayout(ctx),
              });
        await emit(ctx, text, opts.out, opts.format);
      },
    );
}
