import type { Scenario } from "../model/types.js";
import { formatNumber, isLinearForAll, optionNames, writtenNames } from "./exportShared.js";
import { HEADROOM_ID, type NeutralIssue, scenarioToNeutral } from "./neutral.js";
import { xmlAttr } from "./safeXml.js";

/**
 * A GENIUS scenario as text files: the domain and one profile per party.
 *
 * @example
 * ```ts
 * const out: GeniusExport = exportGenius(nash1950);
 * out.profiles[0]?.name; // "bill.xml"
 * ```
 */
export interface GeniusExport {
  readonly domain: { readonly name: string; readonly xml: string };
  readonly profiles: readonly { readonly name: string; readonly xml: string }[];
}

type Kind = "discrete" | "integer" | "real";

/**
 * The attributes that carry a treatylab id, and the label when the written name is not it
 * (GENIUS and NegMAS ignore attributes they do not know).
 */
const ids = (x: { readonly id: string; readonly label: string }, written: string): string =>
  ` treatylab_id="${xmlAttr(x.id)}"${x.label !== written ? ` treatylab_label="${xmlAttr(x.label)}"` : ""}`;

/**
 * Exports a scenario to GENIUS XML (a domain file and one profile per party). Discrete issues
 * become discrete issues; numeric issues become integer (step 1) or real ("linear" evaluator,
 * with a `treatylab_steps` attribute GENIUS ignores) issues when every party values them linearly,
 * and discrete issues over the grid values otherwise (with `treatylab_range="min max step"`, so
 * {@link importGenius} reads them back as numeric). Names are the labels (the ids when labels
 * repeat); each issue, option and profile also carries its id in `treatylab_id`, and its label in
 * `treatylab_label` when the name is not the label, so an import gives back the same ids and
 * labels (GENIUS and NegMAS ignore attributes they do not know). Throws a {@link ScenarioError}
 * naming what GENIUS cannot express (constraints, red lines, bargaining power, interaction terms).
 *
 * @example
 * ```ts
 * import { exportGenius, importGenius } from "treatylab";
 * const files = exportGenius(nash1950);
 * const again = importGenius({ domain: files.domain, profiles: files.profiles });
 * again.issues.map((i) => i.id); // ["book", "whip", "ball", "bat", "box", "pen", "toy", "knife", "hat"]: nash1950's
 * again.parties.map((p) => [p.id, p.label]); // [["bill", "Bill"], ["jack", "Jack"]]
 * ```
 */
export function exportGenius(scenario: Scenario): GeniusExport {
  const n = scenarioToNeutral(scenario, "GENIUS");
  const names = writtenNames(n.issues);
  const kinds: Kind[] = n.issues.map((i) =>
    i.kind !== "discrete" && isLinearForAll(i, n.profiles) ? i.kind : "discrete",
  );
  const headroom = n.profiles.some((p) => p.headroom > 0);
  const issueXml = (
    i: NeutralIssue,
    k: number,
    body: (opt: string, o: number) => string,
    evaluator: string,
  ): string => {
    const kind = kinds[k]!;
    const range =
      kind === "discrete" && i.kind !== "discrete"
        ? ` treatylab_range="${formatNumber(i.min)} ${formatNumber(i.max)} ${formatNumber(i.step)}"`
        : "";
    const head = `    <issue index="${k + 1}" name="${xmlAttr(names[k]!)}"${ids(i, names[k]!)}${range} type="${kind}" etype="${kind}" vtype="${kind}"`;
    if (kind === "discrete")
      return `${head}>\n${optionNames(i)
        .map((o, oi) => body(o, oi))
        .join("")}    </issue>\n`;
    if (i.kind === "discrete") return "";
    if (kind === "integer") return `${head} lowerbound="${i.min}" upperbound="${i.max}">\n${evaluator}    </issue>\n`;
    return `${head} treatylab_steps="${i.steps ?? Math.round((i.max - i.min) / i.step)}">\n      <range lowerbound="${formatNumber(i.min)}" upperbound="${formatNumber(i.max)}"/>\n${evaluator}    </issue>\n`;
  };
  const headroomIssue = (k: number, weighted: boolean): string =>
    `    <issue index="${k}" name="${HEADROOM_ID}" type="integer" etype="integer" vtype="integer" lowerbound="0" upperbound="0">\n${weighted ? `      <evaluator ftype="linear" slope="0" offset="0"/>\n` : ""}    </issue>\n`;
  const title = xmlAttr(n.title);
  const domainIssues = n.issues
    .map((i, k) =>
      issueXml(
        i,
        k,
        (o, oi) =>
          `      <item index="${oi + 1}" value="${xmlAttr(o)}"${i.kind === "discrete" ? ids(i.options[oi]!, o) : ""}/>\n`,
        "",
      ),
    )
    .join("");
  const domain = `<negotiation_template>\n<utility_space number_of_issues="${n.issues.length + (headroom ? 1 : 0)}">\n  <objective index="0" name="${title}" type="objective" etype="objective">\n${domainIssues}${headroom ? headroomIssue(n.issues.length + 1, false) : ""}  </objective>\n</utility_space>\n</negotiation_template>\n`;
  const partyFiles = n.profiles.map((p) => p.id);
  const profiles = n.profiles.map((p, pi) => {
    const issues = n.issues
      .map((i, k) => {
        const ev = p.evaluations[i.id]!;
        const allZero = ev.every((x) => x === 0);
        const last = ev.length - 1;
        let evaluator = "";
        if (kinds[k] === "integer" && i.kind !== "discrete")
          evaluator = `      <evaluator ftype="linear" slope="${formatNumber(last > 0 ? (ev[last]! - ev[0]!) / (i.max - i.min) : 0)}" offset="${formatNumber(ev[0]!)}"/>\n`;
        if (kinds[k] === "real" && i.kind !== "discrete") {
          const slope = last > 0 ? (ev[last]! - ev[0]!) / (i.max - i.min) : 0;
          evaluator = `      <evaluator ftype="linear" parameter0="${formatNumber(ev[0]! - slope * i.min)}" parameter1="${formatNumber(slope)}"/>\n`;
        }
        return issueXml(
          i,
          k,
          (o, oi) =>
            `      <item index="${oi + 1}" value="${xmlAttr(o)}" evaluation="${formatNumber(allZero ? 1 : ev[oi]!)}"/>\n`,
          evaluator,
        );
      })
      .join("");
    const weights = n.issues
      .map((i, k) => `    <weight index="${k + 1}" value="${formatNumber(p.weights[i.id] ?? 0)}"/>\n`)
      .join("");
    const hw = headroom ? `    <weight index="${n.issues.length + 1}" value="${formatNumber(p.headroom)}"/>\n` : "";
    const xml = `<utility_space${ids(p, `${partyFiles[pi]}`)}>\n  <objective index="0" name="${title}" type="objective" etype="objective">\n${issues}${headroom ? headroomIssue(n.issues.length + 1, true) : ""}${weights}${hw}  </objective>\n  <reservation value="${formatNumber(p.reservation)}"/>\n  <discount_factor value="${formatNumber(p.discount ?? 1)}"/>\n</utility_space>\n`;
    return { name: `${partyFiles[pi]}.xml`, xml };
  });
  return { domain: { name: `${n.id}_domain.xml`, xml: domain }, profiles };
}
