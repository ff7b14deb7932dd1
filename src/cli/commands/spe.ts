import { type Command, Option } from "commander";
import { subgamePerfectEquilibrium } from "../../equilibria/backwardInduction.js";
import { finiteHorizonSplit, rubinsteinSplit } from "../../equilibria/rubinstein.js";
import { TreatylabError } from "../../model/errors.js";
import { type CliContext, emit, jsonResult, tableLayout } from "../context.js";
import { renderTable, type TableFormat } from "../format/renderTable.js";
import { formatOption, outOption, positiveInteger } from "../options.js";
import { partyNumbers } from "../partyValues.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";

/**
 * Registers `treatylab spe <scenario>`: the subgame-perfect equilibrium of finite-horizon
 * alternating offers by backward induction.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerSpe } from "./spe.js";
 * let out = "";
 * const program = new Command();
 * registerSpe(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * const argv = ["spe", "nash-1950", "--rounds", "10", "--discount", "bill=0.9,jack=0.9", "--format", "json"];
 * await program.parseAsync(argv, { from: "user" });
 * JSON.parse(out).payoffs; // { bill: 0.588235294118, jack: 0.75 }
 * ```
 */
export function registerSpe(program: Command, ctx: CliContext): void {
  const whatIfCmd = program
    .command("spe")
    .description(
      "subgame-perfect equilibrium of T-round alternating offers over the scenario's bundles (backward induction)",
    )
    .argument("<scenario>", "a bilateral scenario JSON file or a built-in id")
    .addOption(
      new Option("--rounds <T>", "number of rounds (the first party listed proposes in odd rounds)")
        .argParser(positiveInteger)
        .makeOptionMandatory(),
    )
    .option("--discount <party=d,...>", "per-round discount factors in (0, 1] (default 1)")
    .addOption(formatOption(["table", "json", "csv", "markdown"], "table"))
    .addOption(outOption())
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab spe nash-1950 --rounds 10 --discount bill=0.9,jack=0.9
  $ treatylab spe my-scenario.json --rounds 3 --discount a=0.5,b=0.8 --format json`,
    );
  const whatIf = addWhatIfOptions(whatIfCmd);
  whatIfCmd.action(
    async (
      ref: string,
      opts: { rounds: number; discount?: string; format: TableFormat | "json"; out?: string } & WhatIfCliOptions,
    ) => {
      const scenario = await whatIf.load(ref, opts);
      const r = subgamePerfectEquilibrium(scenario, {
        rounds: opts.rounds,
        discount: partyNumbers("--discount", opts.discount),
      });
      let text: string;
      if (opts.format === "json") text = jsonResult(r);
      else {
        const parties = Object.keys(r.payoffs);
        const head = ["party", "discount", "utility of the agreement", "equilibrium payoff (round-1 value)"];
        const rows = parties.map((p) => [
          p,
          r.discount[p]!,
          r.agreement ? r.agreement.utilities[p]! : "-",
          r.payoffs[p]!,
        ]);
        const terms = r.agreement ? Object.entries(r.agreement.bundle).map(([i, o]) => [i, o]) : [];
        text =
          opts.format === "csv"
            ? renderTable(
                ["round", ...parties.map((p) => `u_${p}`), ...Object.keys(r.agreement?.bundle ?? {})],
                r.agreement
                  ? [
                      [
                        r.round ?? "",
                        ...parties.map((p) => r.agreement!.utilities[p]!),
                        ...Object.values(r.agreement.bundle),
                      ],
                    ]
                  : [],
                "csv",
              )
            : [
                r.agreement
                  ? `Subgame-perfect agreement in round ${r.round} of ${r.rounds}.`
                  : `No agreement in equilibrium within ${r.rounds} rounds.`,
                renderTable(head, rows, opts.format, tableLayout(ctx)),
                ...(r.agreement ? [renderTable(["issue", "option"], terms, opts.format, tableLayout(ctx))] : []),
              ].join("\n");
      }
      await emit(ctx, text, opts.out, opts.format);
    },
  );
}

/**
 * Registers `treatylab rubinstein`: Rubinstein's split of a divisible pie (infinite horizon, or T rounds).
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerRubinstein } from "./spe.js";
 * let out = "";
 * const program = new Command();
 * registerRubinstein(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["rubinstein", "--discount", "a=0.9,b=0.9", "--format", "json"], { from: "user" });
 * JSON.parse(out).shares; // { a: 0.5263157894736843, b: 0.4736842105263157 }
 * ```
 */
export function registerRubinstein(program: Command, ctx: CliContext): void {
  program
    .command("rubinstein")
    .description(
      "Rubinstein's alternating-offers split of a pie of size 1 (infinite horizon, or --rounds T by backward induction)",
    )
    .requiredOption(
      "--discount <first=d1,second=d2>",
      "the two discount factors, first proposer first (names are labels)",
    )
    .addOption(
      new Option("--rounds <T>", "finite horizon (nothing for either side after round T)").argParser(positiveInteger),
    )
    .addOption(formatOption(["table", "json"], "table"))
    .addOption(outOption())
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab rubinstein --discount russia=0.9,ukraine=0.8
  $ treatylab rubinstein --discount a=0.9,b=0.9 --rounds 10 --format json`,
    )
    .action(async (opts: { discount: string; rounds?: number; format: "table" | "json"; out?: string }) => {
      const d = Object.entries(partyNumbers("--discount", opts.discount));
      if (d.length !== 2)
        throw new TreatylabError(`--discount needs exactly two entries (first proposer first); got ${d.length}`);
      const [[a, d1], [b, d2]] = d as [[string, number], [string, number]];
      const split = opts.rounds === undefined ? rubinsteinSplit(d1, d2) : finiteHorizonSplit(opts.rounds, d1, d2);
      const result = {
        horizon: opts.rounds ?? "infinite",
        discount: { [a]: d1, [b]: d2 },
        shares: { [a]: split.first, [b]: split.second },
      };
      const text =
        opts.format === "json"
          ? jsonResult(result)
          : renderTable(
              ["party", "discount", "share"],
              [
                [a, d1, split.first.toFixed(6)],
                [b, d2, split.second.toFixed(6)],
              ],
              "table",
              tableLayout(ctx),
            );
      await emit(ctx, text, opts.out, opts.format);
    });
}
