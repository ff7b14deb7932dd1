import { type Command, Option } from "commander";
import { checkProposal, type ProposalCheck } from "../../analysis/checkProposal.js";
import { optionLabeller, partyLabel } from "../../model/labels.js";
import type { Scenario } from "../../model/types.js";
import type { PartyVerdict } from "../../utility/verdict.js";
import { type CliContext, emit, jsonResult, tableLayout, withProgressIfShown } from "../context.js";
import { renderTable, type TableFormat, type TableLayout } from "../format/renderTable.js";
import { collect, formatOption, nonNegativeInteger, outOption } from "../options.js";
import { readProposal, withProposalOrigin } from "../proposalInput.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";

/** The columns of `check --format csv`. */
const CSV_HEADER = [
  "kind",
  "rank",
  "party",
  "utility",
  "reservation",
  "gain",
  "accepts",
  "shortfall",
  "red_lines",
  "ratified",
  "votes_for",
  "votes_needed",
  "delta",
  "clauses_changed",
  "changes",
  "broken_constraint",
];

/**
 * `check --format csv`: one table, one row per party for the proposal (`kind` "proposal") and
 * for each closest acceptable settlement (`kind` "alternative", `rank` 1, 2, ...), each row that
 * party's verdict on that bundle (an alternative is checked as a proposal itself); `delta` is the
 * change from the proposal, `changes` the clauses changed as `issue=from->to` joined by ";".
 * `ratified`, `votes_for` and `votes_needed` are empty for a party without constituencies.
 */
function checkCsv(r: ProposalCheck, scenario: Scenario): string {
  const broken = (b: ProposalCheck["brokenConstraint"]): string =>
    b ? `#${b.index}${b.reason ? ` (${b.reason})` : ""}` : "";
  const row = (kind: string, rank: number | "", v: PartyVerdict): (string | number)[] => [
    kind,
    rank,
    v.party,
    v.utility,
    v.reservation,
    v.gain,
    String(v.accepts),
    v.shortfall,
    v.redLines.map((h) => `${h.issue}=${h.option}${h.reason ? ` (${h.reason})` : ""}`).join(";"),
    v.ratification ? String(v.ratification.ratified) : "",
    v.ratification?.votesFor ?? "",
    v.ratification?.votesNeeded ?? "",
  ];
  const rows = r.verdicts.map((v) => [...row("proposal", "", v), "", "", "", broken(r.brokenConstraint)]);
  r.alternatives.forEach((a, k) => {
    const own = checkProposal(scenario, a.bundle, { alternatives: 0 });
    const changes = a.changes.map((c) => `${c.issue}=${c.from}->${c.to}`).join(";");
    for (const v of own.verdicts)
      rows.push([
        ...row("alternative", k + 1, v),
        a.delta[v.party]!,
        a.distance,
        changes,
        broken(own.brokenConstraint),
      ]);
  });
  return renderTable(CSV_HEADER, rows, "csv");
}

function formatCheck(
  r: ProposalCheck,
  scenario: Scenario,
  format: TableFormat,
  label: (i: string, o: string) => string,
  layout: TableLayout,
  asked: number,
): string {
  if (format === "csv") return checkCsv(r, scenario);
  // Parties by their labels, as analyze's tables and the report name them (CSV keeps the ids).
  const party = (id: string): string => partyLabel(scenario, id);
  const out: string[] = [];
  out.push(
    r.acceptedByAll
      ? "Every party accepts this proposal."
      : `Rejected by: ${r.rejectedBy.map(party).join(", ") || "nobody (but it breaks a constraint)"}`,
  );
  if (r.brokenConstraint)
    out.push(
      `Infeasible: breaks constraint #${r.brokenConstraint.index}${r.brokenConstraint.reason ? ` (${r.brokenConstraint.reason})` : ""}`,
    );
  // Ratification at home, when some party has constituencies: each one's verdict and the votes.
  const ratifying = r.verdicts.some((v) => v.ratification);
  const ratification = (v: (typeof r.verdicts)[number]): string => {
    const t = v.ratification;
    if (!t) return "";
    const each = t.constituencies
      .map((k) => `${k.label ?? k.id} ${k.accepts ? "yes" : k.veto ? "no (veto)" : "no"}`)
      .join(", ");
    return `${t.ratified ? "ratified" : "not ratified"}: ${each} (${t.votesFor} of ${t.votesNeeded} votes needed)`;
  };
  out.push(
    renderTable(
      ["party", "utility", "reservation", "gain", "accepts", "why not", ...(ratifying ? ["ratification"] : [])],
      r.verdicts.map((v) => [
        party(v.party),
        v.utility.toFixed(3),
        v.reservation.toFixed(3),
        v.gain.toFixed(3),
        v.accepts ? "yes" : "no",
        [
          v.shortfall > 0 ? `short by ${v.shortfall.toFixed(3)}` : "",
          ...v.redLines.map((h) => `red line: ${h.issue}=${h.option}${h.reason ? ` (${h.reason})` : ""}`),
        ]
          .filter(Boolean)
          .join("; "),
        ...(ratifying ? [ratification(v)] : []),
      ]),
      format,
      layout,
    ),
  );
  // An accepted proposal is its own closest settlement (0 changes): not an alternative to list.
  const alternatives = r.alternatives.filter((a) => a.distance > 0);
  if (alternatives.length > 0) {
    out.push(
      r.acceptedByAll
        ? "\nOther settlements every party accepts, closest first:"
        : "\nClosest settlements every party accepts:",
    );
    alternatives.forEach((a, k) => {
      out.push(
        `${k + 1}. change ${a.distance} ${a.distance === 1 ? "clause" : "clauses"}: ${a.changes.map((c) => `${c.issue}: ${label(c.issue, c.from)} -> ${label(c.issue, c.to)}`).join("; ")}`,
      );
      out.push(
        `   utilities: ${Object.entries(a.utilities)
          .map(([p, u]) => `${party(p)} ${u.toFixed(3)} (${a.delta[p]! >= 0 ? "+" : ""}${a.delta[p]!.toFixed(3)})`)
          .join(", ")}`,
      );
    });
  } else if (!r.acceptedByAll && r.alternatives.length === 0)
    // None found is an empty ZOPA only when some were asked for (-n 0 asks for none).
    out.push(
      asked > 0
        ? "\nNo settlement is acceptable to every party (the ZOPA is empty)."
        : "\nNo acceptable settlements were searched for (--alternatives 0).",
    );
  return out.join("\n");
}

/**
 * Registers `treatylab check <scenario>`: who rejects a proposal, why, and what would fix it.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerCheck } from "./check.js";
 * let out = "";
 * const program = new Command();
 * registerCheck(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * const argv = ["check", "ukraine-2025", "-p", "examples/proposals/us-28-point-plan.json", "--format", "json"];
 * await program.parseAsync(argv, { from: "user" });
 * JSON.parse(out).rejectedBy; // ["eu"]
 * ```
 */
export function registerCheck(program: Command, ctx: CliContext): void {
  const whatIfCmd = program
    .command("check")
    .description("check a proposal: who rejects it, by how much, and the closest settlements all accept")
    .argument("<scenario>", "a scenario JSON file or a built-in id")
    .option("-p, --proposal <file>", 'a JSON file { issueId: optionId, ... } (or { "bundle": {...} })')
    .option("-s, --set <issue=option>", "set one clause (repeatable; overrides --proposal)", collect, [])
    .addOption(
      new Option("-n, --alternatives <n>", "how many closest acceptable settlements to list")
        .argParser(nonNegativeInteger)
        .default(3),
    )
    .addOption(formatOption(["table", "json", "markdown", "csv"], "table"))
    .addOption(outOption())
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab check ukraine-2025 --proposal examples/proposals/us-28-point-plan.json
  $ treatylab check nash-1950 --proposal deal.json --set hat=bill --format json`,
    );
  const whatIf = addWhatIfOptions(whatIfCmd);
  whatIfCmd.action(
    async (
      ref: string,
      opts: {
        proposal?: string;
        set: string[];
        alternatives: number;
        format: TableFormat | "json";
        out?: string;
      } & WhatIfCliOptions,
    ) => {
      const scenario = await whatIf.load(ref, opts);
      const proposal = await readProposal(opts.proposal, opts.set);
      // Progress of the search for the closest acceptable bundles, in bundles walked past.
      const result = await withProgressIfShown(ctx, "check", "bundles", (onProgress) =>
        withProposalOrigin(opts.proposal, opts.set, () =>
          checkProposal(scenario, proposal, { alternatives: opts.alternatives, ...(onProgress ? { onProgress } : {}) }),
        ),
      );
      const text =
        opts.format === "json"
          ? jsonResult(result)
          : formatCheck(result, scenario, opts.format, optionLabeller(scenario), tableLayout(ctx), opts.alternatives);
      await emit(ctx, text, opts.out, opts.format);
    },
  );
}
