import type { ProposalCheck } from "../analysis/checkProposal.js";
import type { Analysis } from "../analysis/types.js";
import type { FindingsResult } from "../sensitivity/findings.js";
import { issueLabel, noteParts, optionLabel, partyLabel } from "../model/labels.js";
import type { Bundle, Note, Scenario } from "../model/types.js";
import { SOLUTION_LIST } from "../solutions/solutionConcepts.js";
import { type Cell, escapeHtml, htmlSection, htmlTable } from "./html.js";
import { groupDigits, groupedPrecision } from "../model/groupDigits.js";
import { REPORT_CSS } from "./reportStyles.js";
import { type StabilitySectionModel, stabilitySectionHtml } from "./stabilitySection.js";

/**
 * Everything the report shows, already computed: the scenario, its analysis, the rendered
 * figures (SVG text) and the checked proposals. {@link reportHtml} only lays it out.
 *
 * @example
 * ```ts
 * const analysis = analyze(nash1950);
 * const svg = await renderSvg(utilitySpaceSpec(nash1950, analysis));
 * const figures = [{ kind: "utility-space", caption: "Utility space", svg }];
 * const model: ReportModel = { scenario: nash1950, analysis, figures, proposals: [], generator: "treatylab 0.1.0" };
 * reportHtml(model).includes("<figure"); // true
 * ```
 */
export interface ReportModel {
  readonly scenario: Scenario;
  readonly analysis: Analysis;
  readonly figures: readonly { readonly kind: string; readonly caption: string; readonly svg: string }[];
  readonly proposals: readonly { readonly label: string; readonly check: ProposalCheck }[];
  /** Who made the report (shown in the footer), e.g. "treatylab 0.1.0". */
  readonly generator: string;
  /** Most frontier rows listed (default 25). */
  readonly frontierRows?: number;
  /** What the result hangs on (see `findings`); the section is left out without it. */
  readonly findings?: FindingsResult;
  /** Will the settlement hold? The graph model's stability analysis (see `stabilitySection`); left out without it. */
  readonly stability?: StabilitySectionModel;
}

const f3 = (x: number | null | undefined): Cell => (x === null || x === undefined ? null : Number(x.toFixed(3)));

/** Every labelled assumption of a scenario: where it is attached, its text, source and confidence. */
function assumptions(s: Scenario): Cell[][] {
  const rows: Cell[][] = [];
  const add = (where: string, notes: Readonly<Record<string, Note>> | undefined): void => {
    for (const [key, n] of Object.entries(notes ?? {})) {
      const p = noteParts(n);
      rows.push([`${where}${key}`, p.text, p.source, p.confidence]);
    }
  };
  add("scenario: ", s.notes);
  for (const i of s.issues) add(`issue ${i.id}: `, i.notes);
  for (const p of s.parties) {
    add(`${p.label ?? p.id}: `, p.notes);
    for (const c of p.constituencies ?? []) add(`${p.label ?? p.id} / ${c.label ?? c.id}: `, c.notes);
  }
  return rows;
}

/** The settlement terms of bundles, one column each, labelled from the analysis's issues. */
function termsTable(issues: Analysis["issues"], columns: readonly { name: string; bundle: Bundle }[]): string {
  const label = (i: Analysis["issues"][number], o: string): string => i.options.find((x) => x.id === o)?.label ?? o;
  return htmlTable(
    ["issue", ...columns.map((c) => c.name)],
    issues.map((i) => [i.label, ...columns.map((c) => label(i, c.bundle[i.id] ?? ""))]),
  );
}

function partiesSection(s: Scenario, a: Analysis): string {
  const rows = s.parties.map((p, k) => [
    p.label ?? p.id,
    p.id,
    f3(p.reservation),
    p.power ?? 1,
    p.discount ?? 1,
    f3(a.parties[k]?.ideal),
    (p.constituencies ?? []).map((c) => `${c.label ?? c.id}${c.veto ? " (veto)" : ""}`).join(", "),
    p.description ?? "",
  ]);
  const weights = s.issues.map((i) => [
    issueLabel(s, i.id),
    ...s.parties.map((p) => {
      const total = Object.values(p.weights).reduce((x, y) => x + y, 0);
      return total > 0 ? f3((p.weights[i.id] ?? 0) / total) : 0;
    }),
  ]);
  const redLines = s.parties.flatMap((p) =>
    (p.redLines ?? []).map((r) => [
      p.label ?? p.id,
      issueLabel(s, r.issue),
      [
        ...(r.reject ?? []).map((o) => optionLabel(s, r.issue, o)),
        ...(r.below !== undefined ? [`below ${r.below}`] : []),
        ...(r.above !== undefined ? [`above ${r.above}`] : []),
      ].join("; "),
      r.reason ?? "",
    ]),
  );
  return [
    htmlTable(
      [
        "party",
        "id",
        "reservation (no deal)",
        "power",
        "discount",
        "best inside the ZOPA",
        "constituencies",
        "description",
      ],
      rows,
    ),
    htmlTable(["issue", ...s.parties.map((p) => p.label ?? p.id)], weights, "Weights (each party's shares sum to 1)"),
    redLines.length > 0 ? htmlTable(["party", "issue", "rejects", "reason"], redLines, "Red lines") : "",
  ].join("\n");
}

function issuesSection(s: Scenario): string {
  const rows = s.issues.map((i) => [
    i.label ?? i.id,
    i.id,
    i.type === "numeric"
      ? `${i.range.min} to ${i.range.max} step ${i.range.step}${i.unit ? ` ${i.unit}` : ""}`
      : i.options.map((o) => o.label ?? o.id).join(" | "),
    i.description ?? "",
  ]);
  const constraints = (s.constraints ?? []).map((c, k) => [
    k,
    Object.entries(c.if)
      .map(([i, o]) => `${i} = ${[o].flat().join(" or ")}`)
      .join(" and "),
    Object.entries(c.then)
      .map(([i, o]) => `${i} = ${[o].flat().join(" or ")}`)
      .join(" and "),
    c.reason ?? "",
  ]);
  return [
    htmlTable(["issue", "id", "options", "description"], rows),
    constraints.length > 0 ? htmlTable(["#", "if", "then", "reason"], constraints, "Constraints") : "",
  ].join("\n");
}

/** The ZOPA size as counted: exact, or an estimate with its standard error. */
function zopaCount(a: Analysis): string {
  const z = a.zopaCounting;
  return z.method === "estimate"
    ? `≈ ${groupDigits(z.countExact)} (± ${groupedPrecision(z.standardError)})`
    : groupDigits(z.countExact);
}

function analysisSection(a: Analysis, frontierRows: number): string {
  const sols = SOLUTION_LIST.flatMap(({ name: k, label: name }) => {
    const sol = a.solutions[k];
    return sol ? [{ name, sol }] : [];
  });
  const parties = a.parties;
  const body: string[] = [
    `<div class="summary"><div><b>${escapeHtml(groupDigits(a.outcomesExact))}</b>feasible settlements</div><div><b>${escapeHtml(zopaCount(a))}</b>in the ZOPA (${(a.zopa.share * 100).toFixed(3)}%)</div><div><b>${groupDigits(a.frontier.length)}</b>Pareto-optimal in the ZOPA</div></div>`,
  ];
  if (sols.length === 0)
    body.push(
      "<p>The ZOPA is empty: no settlement is acceptable to every party, so no bargaining solution exists.</p>",
    );
  else {
    body.push(
      htmlTable(
        ["solution", "criterion", ...parties.map((p) => p.label)],
        sols.map(({ name, sol }) => [
          name,
          Number(sol.criterion.toPrecision(4)),
          ...parties.map((p) => f3(sol.utilities[p.id])),
        ]),
        "Bargaining solutions: each party's utility",
      ),
    );
    body.push("<h3>Settlement terms of the solutions</h3>");
    body.push(
      termsTable(
        a.issues,
        sols.map(({ name, sol }) => ({ name, bundle: sol.bundle })),
      ),
    );
    const n = Math.min(frontierRows, a.frontier.length);
    body.push(
      htmlTable(
        ["#", ...parties.map((p) => p.label)],
        a.frontier.slice(0, n).map((f, k) => [k + 1, ...parties.map((p) => f3(f.utilities[p.id]))]),
        `Pareto frontier of the ZOPA (${n} of ${groupDigits(a.frontier.length)} points)`,
      ),
    );
  }
  return body.join("\n");
}

function proposalsSection(s: Scenario, proposals: ReportModel["proposals"]): string {
  const body = proposals.map(({ label, check }) => {
    const verdicts = htmlTable(
      ["party", "utility", "reservation", "gain", "accepts", "why not"],
      check.verdicts.map((v) => [
        partyLabel(s, v.party),
        f3(v.utility),
        f3(v.reservation),
        f3(v.gain),
        v.accepts ? "yes" : "no",
        [
          v.shortfall > 0 ? `short by ${v.shortfall.toFixed(3)}` : "",
          ...v.redLines.map((h) => `red line: ${h.issue}=${h.option}`),
        ]
          .filter(Boolean)
          .join("; "),
      ]),
    );
    const alts = check.alternatives.map(
      (alt) =>
        `<li>change ${alt.distance}: ${escapeHtml(alt.changes.map((c) => `${issueLabel(s, c.issue)}: ${optionLabel(s, c.issue, c.from)} → ${optionLabel(s, c.issue, c.to)}`).join("; "))}</li>`,
    );
    return [
      `<h3>${escapeHtml(label)}</h3>`,
      `<p>${check.acceptedByAll ? "Every party accepts this proposal." : `Rejected by: ${escapeHtml(check.rejectedBy.map((p) => partyLabel(s, p)).join(", ") || "nobody, but it breaks a constraint")}.`}</p>`,
      verdicts,
      alts.length > 0 ? `<p>Closest settlements every party accepts:</p><ol>${alts.join("")}</ol>` : "",
    ].join("\n");
  });
  return body.join("\n");
}

function sourcesSection(s: Scenario): string {
  const rows = (s.sources ?? []).map((src) => [src.title, src.date ?? "", src.url ?? "", src.note ?? ""]);
  // URLs are plain text on purpose: the report makes no network request and has no live links.
  return rows.length > 0
    ? htmlTable(["source", "date", "address (plain text)", "note"], rows)
    : "<p>The scenario lists no sources.</p>";
}

function findingsSection(f: FindingsResult): string {
  const items = [
    ...f.pivotalOptions.map((p) => p.text),
    ...f.findings.map((x) => x.text),
    ...f.skipped.map((x) => `${x.party} is not covered: ${x.reason}.`),
  ];
  if (items.length === 0)
    return "<p>Nothing found: the zone of agreement is empty, or no single reservation or pivotal option value empties it.</p>";
  return `<p>The assumptions the zone of agreement is most sensitive to, nearest first (computed exactly; see docs/what-ifs.md, "Findings").</p>\n<ul>\n${items.map((t) => `<li>${escapeHtml(t)}</li>`).join("\n")}\n</ul>`;
}

/**
 * Lays out a self-contained HTML report: header, table of contents, parties (with weights and
 * red lines), issues and constraints, the analysis tables, the figures (inline SVG), checked
 * proposals, the stability analysis (when given), labelled assumptions and sources. No script, no external file: CSS is inlined and
 * source addresses are plain text, so the file opens offline. Pure and deterministic.
 *
 * @example
 * ```ts
 * const analysis = analyze(nash1950);
 * const html = reportHtml({ scenario: nash1950, analysis, figures: [], proposals: [], generator: "treatylab 0.1.0" });
 * [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
 * // ["Parties", "Issues", "Analysis", "Plots", "Assumptions", "Sources"]
 * ```
 */
export function reportHtml(m: ReportModel): string {
  const s = m.scenario;
  const title = s.title ?? s.id;
  const notes = assumptions(s);
  // Each section once: [id, heading, body]; the table of contents and the <section>s are both made from this list.
  const sections: [string, string, string][] = [
    ["parties", "Parties", partiesSection(s, m.analysis)],
    ["issues", "Issues", issuesSection(s)],
    ...(m.findings
      ? [["findings", "What the result hangs on", findingsSection(m.findings)] as [string, string, string]]
      : []),
    ["analysis", "Analysis", analysisSection(m.analysis, m.frontierRows ?? 25)],
    [
      "plots",
      "Plots",
      m.figures
        .map(
          (f, k) =>
            `<figure data-kind="${escapeHtml(f.kind)}"><div class="plot">${f.svg}</div><figcaption>Figure ${k + 1}. ${escapeHtml(f.caption)}</figcaption></figure>`,
        )
        .join("\n"),
    ],
    ...(m.proposals.length > 0
      ? [["proposals", "Checked proposals", proposalsSection(s, m.proposals)] as [string, string, string]]
      : []),
    ...(m.stability
      ? [
          ["stability", "Will it hold? Stability", stabilitySectionHtml(m.stability, m.figures.length + 1)] as [
            string,
            string,
            string,
          ],
        ]
      : []),
    [
      "assumptions",
      "Assumptions",
      notes.length > 0
        ? htmlTable(["where", "assumption", "source", "confidence"], notes)
        : "<p>The scenario labels no assumptions.</p>",
    ],
    ["sources", "Sources", sourcesSection(s)],
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(m.generator)}">
<title>${escapeHtml(title)}: treatylab report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(title)}</h1>
<p>Scenario <code>${escapeHtml(s.id)}</code>${s.date ? `, as of ${escapeHtml(s.date)}` : ""}: ${s.parties.length} parties, ${s.issues.length} issues.</p>
${s.description ? `<p>${escapeHtml(s.description)}</p>` : ""}
<nav><ol>${sections.map(([id, h]) => `<li><a href="#${id}">${escapeHtml(h)}</a></li>`).join("")}</ol></nav>
</header>
${sections.map(([id, heading, body]) => htmlSection(id, heading, body)).join("\n")}
<footer>Made by ${escapeHtml(m.generator)}. Utilities are on each party's 0-1 scale; the ZOPA is the set of settlements every party accepts (at least its reservation, no red line crossed, ratified).</footer>
</main>
</body>
</html>
`;
}
