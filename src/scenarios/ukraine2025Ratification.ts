import type { Constituency, Scenario } from "../model/types.js";
import { ukraine2025 } from "./ukraine2025.js";

const issueIds = ukraine2025.issues.map((i) => i.id);
const weightsOf = (w: Readonly<Record<string, number>>): Record<string, number> => Object.fromEntries(issueIds.map((id) => [id, w[id] ?? 0]));
const territory = { "ukrainian-control": 10, "frozen-line": 6, "de-facto-russian": 2, "de-jure-russian": 0 };
const source = "shared/reference/cases.md part 6 (Kyiv's positions); Ukraine's constitution, art. 73 (territorial changes only by an all-Ukrainian referendum); US CAATSA 2017, sec. 216 (congressional review of sanctions relief)";

const referendum: Constituency = {
  id: "referendum",
  label: "All-Ukrainian referendum",
  description: "Article 73 of Ukraine's constitution: changes to the territory are approved only by an all-Ukrainian referendum.",
  weights: weightsOf({ donetsk: 3, luhansk: 2, zaporizhzhia: 3, kherson: 3, crimea: 1, guarantees: 3 }),
  values: {
    donetsk: territory,
    luhansk: territory,
    zaporizhzhia: territory,
    kherson: territory,
    crimea: territory,
    guarantees: { none: 0, "with-russia": 3, reassurance: 6, "article5-like": 10 },
  },
  reservation: 0.58,
  veto: true,
  redLines: ["donetsk", "luhansk", "zaporizhzhia", "kherson"].map((issue) => ({
    issue,
    reject: ["de-jure-russian"],
    reason: "voters will not sign away land in law",
  })),
  notes: {
    weights: { text: "assumption: voters weigh the land held in 2025 and guarantees against a new invasion", source, confidence: "low" },
    reservation: { text: "assumption: a referendum rejects a deal that gives up much land without strong guarantees", source, confidence: "low" },
  },
};

const congress: Constituency = {
  id: "congress",
  label: "US Congress",
  description: "Sanctions relief on Russia is subject to congressional review (CAATSA 2017, sec. 216).",
  weights: weightsOf({ sanctions: 3, assets: 2, guarantees: 1 }),
  values: {
    sanctions: { none: 10, staged: 6, full: 0 },
    assets: { "keep-frozen": 7, reconstruction: 10, "split-28": 5, returned: 0 },
    guarantees: { none: 3, "with-russia": 2, reassurance: 8, "article5-like": 10 },
  },
  reservation: 0.5,
  veto: true,
  redLines: [{ issue: "sanctions", reject: ["full"], reason: "Congress would block a full lifting of sanctions" }],
  notes: {
    weights: { text: "assumption: Congress cares most about sanctions and the frozen assets", source, confidence: "low" },
    reservation: { text: "assumption: relief must be staged and the assets must not go back to Russia", source, confidence: "low" },
  },
};

/**
 * `ukraine-2025` with domestic ratification (Putnam's two-level game): Ukraine's territorial
 * changes need an all-Ukrainian referendum (article 73 of its constitution) and US sanctions relief
 * needs Congress (CAATSA review), both vetoes. Compare its analysis with `ukraine-2025` to see the
 * win-sets shrink the ZOPA and move the solutions.
 *
 * @example
 * ```ts
 * import { analyze, builtinScenario } from "treatylab";
 * analyze(builtinScenario("ukraine-2025-ratification")).zopa.count; // smaller than ukraine-2025's
 * ```
 */
export const ukraine2025Ratification: Scenario = {
  ...ukraine2025,
  id: "ukraine-2025-ratification",
  title: "Russia-Ukraine, late May 2025, with ratification at home",
  description: `${ukraine2025.description ?? ""} Variant: Ukraine's territorial changes need a referendum and US sanctions relief needs Congress (two-level game).`,
  parties: ukraine2025.parties.map((p) =>
    p.id === "ukraine" ? { ...p, constituencies: [referendum] } : p.id === "us" ? { ...p, constituencies: [congress] } : p,
  ),
};
