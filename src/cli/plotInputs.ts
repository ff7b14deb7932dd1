import path from "node:path";
import { readJsonFile } from "../files/loadScenario.js";
import { TreatylabError } from "../model/errors.js";
import { detectResult, type PlottableResult } from "../plots/resultPlot.js";
import type { ReportProposal } from "../report/buildReport.js";
import { proposalFromData } from "./proposalInput.js";

/**
 * Reads a labelled proposal file for plots and reports: `{ "title": "...", "bundle": { ... } }`
 * or a bare `{ issueId: optionId }` object (labelled by the file name).
 *
 * @example
 * ```ts
 * import { readLabelledProposal } from "./plotInputs.js";
 * const p = await readLabelledProposal("examples/proposals/us-28-point-plan.json");
 * p.label; // "US 28-point peace plan, November 2025"
 * ```
 */
export async function readLabelledProposal(file: string): Promise<ReportProposal> {
  const data = await readJsonFile(file);
  const bundle = proposalFromData({ file, data }, []);
  const title =
    data !== null && typeof data === "object" && typeof (data as { title?: unknown }).title === "string"
      ? (data as { title: string }).title
      : undefined;
  return { label: title ?? path.basename(file, path.extname(file)), bundle };
}

/**
 * Reads a result another command wrote as JSON (`simulate`, `tournament`, `sweep`, `sensitivity`, `montecarlo`) for
 * plotting, or throws a one-line error saying what was expected.
 *
 * @example
 * ```ts
 * import type { CliContext } from "./context.js";
 * import { runCli } from "./program.js";
 * import { readPlottableResult } from "./plotInputs.js";
 * const ctx: CliContext = { stdout: () => {}, stderr: () => {}, isTTY: false, columns: 80 };
 * await runCli(["simulate", "nash-1950", "--format", "json", "-o", "run.json"], ctx);
 * const r = await readPlottableResult("run.json");
 * r.kind; // "trace" (with the simulation as r.result)
 * ```
 */
export async function readPlottableResult(file: string): Promise<PlottableResult> {
  const r = detectResult(await readJsonFile(file));
  if (!r)
    throw new TreatylabError(
      `${file}: not a result treatylab can plot; expected the --format json output of simulate, tournament, sweep, sensitivity or montecarlo`,
    );
  return r;
}

/**
 * Parses a `--parties a,b` list.
 *
 * @example
 * ```ts
 * import { partyList } from "./plotInputs.js";
 * partyList("russia, ukraine"); // ["russia", "ukraine"]
 * ```
 */
export function partyList(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
}
