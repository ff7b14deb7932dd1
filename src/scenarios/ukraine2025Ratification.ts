import type { Constituency, Scenario } from "../model/types.js";
import { ukraine2025 } from "./ukraine2025.js";
import { cite } from "./ukraine2025Sources.js";

const issueIds = ukraine2025.issues.map((i) => i.id);
const weightsOf = (w: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(issueIds.map((id) => [id, w[id] ?? 0]));
const territory = { "ukrainian-control": 10, "frozen-line": 6, "de-facto-russian": 2, "de-jure-russian": 0 };
const LAW =
  "Ukraine's constitution, art. 73 (territorial changes only by an all-Ukrainian referendum); US CAATSA 2017, sec. 216 (congressional review of sanctions relief)";
const source = `${LAW}; ${cite("zelenskyArmy", "uaMemo")}`;

const referendum: Constituency = {
  id: "referendum",
  label: "All-Ukrainian referendum",
  description:
    "Article 73 of Ukraine's constitution: changes to the territory are approved only by an all-Ukrainian referendum.",
  weights: weightsOf({ donbas: 4, zaporizhzhia: 3, kherson: 3, crimea: 1, guarantees: 4, "army-cap": 2 }),
  values: {
    donbas: territory,
    zaporizhzhia: territory,
    kherson: territory,
    crimea: territory,
    guarantees: {
      none: 0,
      "with-russia": 2,
      "european-assurances": 5,
      "european-force": 7,
      "article5-like": 8,
      "article5-force": 10,
    },
    "army-cap": { "85": 0, "250": 1, "600": 5, "800": 9, none: 10 },
  },
  reservation: 0.41,
  veto: true,
  redLines: [
    ...["donbas", "zaporizhzhia", "kherson", "crimea"].map((issue) => ({
      issue,
      reject: ["de-jure-russian"],
      reason: "voters will not sign away land in law",
    })),
    { issue: "army-cap", reject: ["85", "250"], reason: "voters will not disarm the army that defends them" },
  ],
  notes: {
    weights: {
      text: "Voters weigh the land (Donbas 4, Zaporizhzhia 3, Kherson 3, Crimea 1), the guarantee against a new invasion (4) and the army that defends them (2): a referendum on territory is a vote on security too.",
      source,
      confidence: "low",
    },
    "values.army-cap": {
      text: "The army's values as Kyiv's (no cap 10, 800,000 (9), 600,000 (5), 250,000 (1), 85,000 (0)), with the same floor.",
      source,
      confidence: "low",
    },
    "values.guarantees": {
      text: "As Kyiv's scale: a US pledge with a European force (10), the pledge alone (8), the force alone (7), assurances (5), with Russia (2), none (0).",
      source,
      confidence: "low",
    },
    reservation: {
      text: "0.41 = the referendum's utility of Kyiv's war outlook (0.506) minus the same cost of war (0.1), the base scenario's rule.",
      source,
      confidence: "low",
    },
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
    guarantees: {
      none: 3,
      "with-russia": 2,
      "european-assurances": 8,
      "european-force": 8,
      "article5-like": 10,
      "article5-force": 10,
    },
  },
  reservation: 0.5,
  veto: true,
  redLines: [{ issue: "sanctions", reject: ["full"], reason: "Congress would block a full lifting of sanctions" }],
  notes: {
    weights: {
      text: "Congress cares most about sanctions (3) and the frozen assets (2), then the guarantee (1)",
      source: LAW,
      confidence: "low",
    },
    reservation: {
      text: "0.5: relief must be staged and the assets must not go back to Russia",
      source: LAW,
      confidence: "low",
    },
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
  title: "Russia-Ukraine, May-November 2025, with ratification at home",
  description: `${ukraine2025.description ?? ""} Variant: Ukraine's territorial changes need a referendum and US sanctions relief needs Congress (two-level game).`,
  parties: ukraine2025.parties.map((p) =>
    p.id === "ukraine"
      ? { ...p, constituencies: [referendum] }
      : p.id === "us"
        ? { ...p, constituencies: [congress] }
        : p,
  ),
};
