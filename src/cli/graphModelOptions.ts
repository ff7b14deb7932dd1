/**
 * Command-line options shared by `stability` and `report`: the sanction rule, the status quo and the
 * scenario-to-graph-model bridge (--control, --issues, --fix, --below-reservation-ties).
 * @module
 */
import { type Command, Option } from "commander";
import { TreatylabError } from "../model/errors.js";
import type { Bundle } from "../model/types.js";
import type { FromScenarioOptions } from "../stability/fromScenario.js";
import type { SanctionRule } from "../stability/reach.js";
import { collect } from "./options.js";
import { readProposal } from "./proposalInput.js";

/**
 * The parsed values of the options added by {@link addGraphModelOptions}.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { addGraphModelOptions, type GraphModelCliOptions } from "./graphModelOptions.js";
 * const cmd = addGraphModelOptions(new Command("stability")).parse(["--control", "bill=book"], { from: "user" });
 * const o = cmd.opts<GraphModelCliOptions>();
 * o; // { sanctions: "standard", control: ["bill=book"], fix: "nash" }
 * ```
 */
export interface GraphModelCliOptions {
  readonly sanctions: SanctionRule;
  readonly statusQuo?: string;
  readonly control: string[];
  readonly issues?: string;
  readonly fix: string;
  readonly belowReservationTies?: boolean;
}

/**
 * Adds --sanctions, --status-quo, --control, --issues, --fix and --below-reservation-ties to a command.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { addGraphModelOptions } from "./graphModelOptions.js";
 * const cmd = addGraphModelOptions(new Command("stability"));
 * cmd.options.map((o) => o.long);
 * // ["--sanctions", "--status-quo", "--control", "--issues", "--fix", "--below-reservation-ties"]
 * ```
 */
export function addGraphModelOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        "--sanctions <rule>",
        "standard: a DM may sanction again once another has moved (Fang, Hipel and Kilgour 1993); gmcr-plus: each opponent moves at most once, SEQ+SIM = SEQ or SIM per DM, as GMCR+ computes",
      )
        .choices(["standard", "gmcr-plus"])
        .default("standard"),
    )
    .option(
      "--status-quo <state>",
      "the unilateral-improvement paths from this state (Y/N per option) to each equilibrium (default: the status quo the model declares, if any)",
    )
    .addOption(
      new Option(
        "--control <party=issues>",
        "with a scenario: the issues a party controls after signature (repeatable, e.g. russia=front)",
      )
        .argParser(collect)
        .default([]),
    )
    .option(
      "--issues <ids>",
      "with a scenario: keep only these issues as moves (comma-separated; default every controlled issue)",
    )
    .option(
      "--fix <nash|bundle.json>",
      "with a scenario: the signed bundle the other issues stay at and the kept issues start from (a proposal file, or nash)",
      "nash",
    )
    .option(
      "--below-reservation-ties",
      "with a scenario: every bundle below a party's reservation ties at the bottom of its ranking",
    );
}

/**
 * Parses repeated `--control party=issue,issue` values (also `a=x;b=y` in one value).
 *
 * @example
 * ```ts
 * import { parseControl } from "./graphModelOptions.js";
 * parseControl(["bill=book,whip", "jack=pen"]); // { bill: ["book", "whip"], jack: ["pen"] }
 * parseControl(["a=x;b=y"]); // { a: ["x"], b: ["y"] }
 * ```
 */
export function parseControl(values: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of values) {
    for (const part of v.split(";")) {
      const m = /^([^=]+)=(.+)$/.exec(part.trim());
      if (!m)
        throw new TreatylabError(
          `--control ${part}: expected party=issue,issue (e.g. --control russia=front,sanctions)`,
        );
      out[m[1]!.trim()] = [
        ...(out[m[1]!.trim()] ?? []),
        ...m[2]!
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      ];
    }
  }
  return out;
}

/**
 * The scenario bridge's options from the command line; `fixed` is left out for `--fix nash` (the
 * caller takes the Nash solution of its analysis).
 *
 * @example
 * ```ts
 * import { bridgeOptions, type GraphModelCliOptions } from "./graphModelOptions.js";
 * const control = ["bill=pen,toy", "jack=book"];
 * const opts: GraphModelCliOptions = { sanctions: "standard", control, issues: "pen,toy", fix: "nash" };
 * await bridgeOptions(opts); // { control: { bill: ["pen", "toy"], jack: ["book"] }, issues: ["pen", "toy"] }
 * const fixed = await bridgeOptions({ ...opts, fix: "examples/proposals/us-28-point-plan.json" });
 * fixed.fixed?.nato; // "constitution-ban": the plan's bundle, read from the file
 * ```
 */
export async function bridgeOptions(
  opts: GraphModelCliOptions,
): Promise<Omit<FromScenarioOptions, "fixed"> & { readonly fixed?: Bundle }> {
  return {
    control: parseControl(opts.control),
    ...(opts.issues ? { issues: opts.issues.split(",").map((x) => x.trim()) } : {}),
    ...(opts.fix !== "nash" ? { fixed: await readProposal(opts.fix, []) } : {}),
    ...(opts.belowReservationTies ? { belowReservationTies: true } : {}),
  };
}
