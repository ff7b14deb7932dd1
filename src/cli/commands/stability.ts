import { addWhatIfOptions, type WhatIfCliOptions, type WhatIfInput } from "../scenarioInput.js";
import type { Command } from "commander";
import { analyze } from "../../analysis/analyze.js";
import { loadGraphModel, notGraphModelError } from "../../files/loadGraphModel.js";
import { TreatylabError } from "../../model/errors.js";
import { stateGraphSpec } from "../../plots/stateGraph.js";
import { renderSvg } from "../../render/renderSvg.js";
import { graphModelFromScenario } from "../../stability/fromScenario.js";
import { compileGraphModel } from "../../stability/model.js";
import { builtinGraphModel, builtinGraphModelIds } from "../../stability/builtins.js";
import { stabilityReport } from "../../stability/report.js";
import { type StabilityFormat, formatStability } from "../format/formatStability.js";
import { type CliContext, emit, vegaLiteJson, tableLayout, withProgressIfShown } from "../context.js";
import { formatOption, outOption } from "../options.js";
import { addGraphModelOptions, bridgeOptions, type GraphModelCliOptions } from "../graphModelOptions.js";

/**
 * Registers `treatylab stability <model>`: the graph model's stability analysis (Nash, GMR, SMR,
 * SEQ, SIM, SEQ+SIM) for every decision maker at every state.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerStability } from "./stability.js";
 * let out = "";
 * const program = new Command();
 * registerStability(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * const argv = ["stability", "nash-1950", "--control", "bill=pen,toy", "--control", "jack=book", "--format", "json"];
 * await program.parseAsync(argv, { from: "user" });
 * JSON.parse(out).equilibria.nash; // ["NNN"]
 * ```
 */
export function registerStability(program: Command, ctx: CliContext): void {
  const cmd = program
    .command("stability")
    .description(
      "will a settlement hold? stability analysis of a graph model (GMCR: Nash, GMR, SMR, SEQ, SIM, SEQ+SIM)",
    )
    .argument("[model]", "a GMCR+ .gmcr file, a graph-model JSON file, or a built-in graph model (see --list)")
    .addOption(formatOption(["table", "json", "markdown", "csv", "svg", "vega"], "table"))
    .addOption(outOption())
    .option(
      "--explain <state>",
      "also explain this state's verdicts: the improvement that breaks it or the sanction that deters each improvement",
    )
    .option("--list", "list the built-in graph models");
  addGraphModelOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Examples:
  $ treatylab stability --list
  $ treatylab stability ukraine-2025-may --status-quo YNNNNNYNNN
  $ treatylab stability elmira.gmcr --sanctions gmcr-plus --format json
  $ treatylab stability cuban.gmcr --format svg --out cuban-states.svg    # the state graph
  $ treatylab stability model.json --explain YNYN --format markdown
  $ treatylab stability nash-1950 --control bill=pen,toy --control jack=book
  $ treatylab stability nash-1950 --control bill=pen,toy --control jack=book --param parties.bill.reservation=0.2   # a what-if on the scenario`,
  );
  const whatIf = addWhatIfOptions(cmd);
  cmd.action(
    async (
      ref: string | undefined,
      opts: {
        format: StabilityFormat | "svg" | "vega";
        out?: string;
        explain?: string;
        list?: boolean;
      } & GraphModelCliOptions &
        WhatIfCliOptions,
    ) => {
      if (opts.list || ref === undefined) {
        const lines = builtinGraphModelIds().map((id) => `${id}  ${builtinGraphModel(id)!.name ?? ""}`);
        await emit(ctx, lines.join("\n"), opts.out, opts.format);
        return;
      }
      if (whatIf.active(opts) && !opts.control.length)
        throw new TreatylabError(
          "--edits and --param change a settlement scenario: give the scenario with --control (a graph model is edited in its file)",
        );
      const model = opts.control.length
        ? ((await loadGraphModel(ref)) ?? (await scenarioModel(ref, opts, whatIf)))
        : ((await loadGraphModel(ref)) ?? (await notGraphModel(ref, opts, whatIf)));
      // Progress in verdicts (decision makers x concepts x states): 2^20 states take tens of seconds.
      const report = await withProgressIfShown(ctx, "stability", "verdicts", (onProgress) =>
        stabilityReport(model, {
          sanctions: opts.sanctions,
          ...(opts.statusQuo !== undefined ? { statusQuo: opts.statusQuo } : {}),
          ...(opts.explain !== undefined ? { explain: opts.explain } : {}),
          ...(onProgress ? { onProgress } : {}),
        }),
      );
      if (opts.format === "svg" || opts.format === "vega") {
        const spec = stateGraphSpec(compileGraphModel(model), report);
        await emit(ctx, opts.format === "vega" ? vegaLiteJson(spec) : await renderSvg(spec), opts.out);
        return;
      }
      await emit(ctx, formatStability(report, opts.format, { layout: tableLayout(ctx) }), opts.out, opts.format);
    },
  );
}

/**
 * The error for a reference that is no graph model: a settlement scenario (which the command
 * reads with --control) gets a hint to give the clauses each party controls; anything else the
 * graph-model loader's message.
 */
async function notGraphModel(ref: string, opts: WhatIfCliOptions, whatIf: WhatIfInput): Promise<never> {
  const scenario = await whatIf.load(ref, opts).catch(() => undefined);
  if (scenario)
    throw new TreatylabError(
      `${ref} is a settlement scenario, not a graph model: give the clauses each party controls after signature with --control <party=issues> (repeatable, e.g. --control ${scenario.parties[0]!.id}=${scenario.issues[0]!.id}), and see \`treatylab stability --help\``,
    );
  throw notGraphModelError(ref);
}

async function scenarioModel(ref: string, opts: GraphModelCliOptions & WhatIfCliOptions, whatIf: WhatIfInput) {
  const scenario = await whatIf.load(ref, opts);
  const bridge = await bridgeOptions(opts);
  let fixed = bridge.fixed;
  if (!fixed) {
    const nash = analyze(scenario).solutions.nash;
    if (!nash)
      throw new TreatylabError(`--fix nash: ${ref} has no Nash solution (its ZOPA is empty); give --fix <bundle.json>`);
    fixed = nash.bundle;
  }
  return graphModelFromScenario(scenario, { ...bridge, fixed });
}
