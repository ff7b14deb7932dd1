import type { Scenario } from "../model/types.js";
import { ordinalScales, reasonedParty } from "./build.js";
import type { HistoricalCase } from "./types.js";

const MT =
  "The Moscow Times (Reuters), 'The Minsk Deal: What Was Agreed at Ukraine Peace Talks', 12 February 2015, https://themoscowtimes.com/2015/02/12/the-minsk-deal-what-was-agreed-at-ukraine-peace-talks-a43848";
const TEXT =
  "Package of Measures for the Implementation of the Minsk Agreements, 12 February 2015 (text as reproduced at https://www.lauriemeadows.info/conflict_security/Minsk_2_Agreement.html); endorsed by UN Security Council resolution 2202 (17 February 2015)";
const UAPOS =
  "UA Position, 'The results of peace talks in Minsk', February 2015, https://uaposition.com/video/the-results-of-peace-talks-in-minsk";
const ALLAN =
  "Duncan Allan, 'The Minsk Conundrum: Western Policy and Russia's War in Eastern Ukraine', Chatham House research paper, May 2020";
const BEFORE =
  "Reasoned from the situation in early February 2015 (the failed Minsk Protocol of September 2014, the loss of Donetsk airport, the Debaltseve encirclement, EU sectoral sanctions and the oil-price collapse), not from the later non-implementation.";

const scenario: Scenario = {
  id: "minsk-2-2015",
  title: "Minsk II, February 2015 (Ukraine-Russia, Normandy format)",
  date: "2015-02",
  description:
    "Ukraine and Russia (for the separatist 'republics', whose representatives signed in the Trilateral Contact Group) with Germany and France mediating: special status, the sequencing of elections and border control, amnesty, foreign forces and the economic blockade. A stability case: signed, never implemented. Every number is a labelled assumption reasoned from the situation before the signature.",
  sources: [
    {
      title: "The Minsk deal: what was agreed (Moscow Times / Reuters)",
      date: "2015-02-12",
      url: "https://themoscowtimes.com/2015/02/12/the-minsk-deal-what-was-agreed-at-ukraine-peace-talks-a43848",
    },
    {
      title: "Package of Measures for the Implementation of the Minsk Agreements",
      date: "2015-02-12",
      url: "https://www.lauriemeadows.info/conflict_security/Minsk_2_Agreement.html",
      note: "13 points; border control restored after local elections and constitutional reform (point 9); special status (point 11)",
    },
    {
      title: "UA Position: the results of peace talks in Minsk",
      date: "2015-02",
      url: "https://uaposition.com/video/the-results-of-peace-talks-in-minsk",
      note: "Poroshenko: no autonomy or federalisation agreed",
    },
    {
      title: ALLAN,
      date: "2020-05",
      note: "the 'Minsk conundrum': Kyiv read the text as security first, Moscow as politics first",
    },
  ],
  issues: ordinalScales(
    [
      {
        id: "special-status",
        label: "Status of the occupied districts",
        options: [
          {
            id: "constitutional",
            label: "Special status in the constitution",
            description:
              "Constitutional decentralisation with a permanent special-status law (own militia, say over prosecutors and judges, cross-border ties with Russia).",
          },
          {
            id: "decentralisation",
            label: "General decentralisation only",
            description: "The same powers as every region.",
          },
          { id: "none", label: "No special status" },
        ],
      },
      {
        id: "sequence",
        label: "Sequencing of elections and border control",
        options: [
          {
            id: "elections-first",
            label: "Elections and status first, border after",
            description: "Ukraine regains the border after local elections and constitutional reform.",
          },
          { id: "border-first", label: "Border and withdrawal first, elections after" },
        ],
      },
      {
        id: "amnesty",
        label: "Amnesty",
        options: [
          {
            id: "broad",
            label: "Broad amnesty",
            description: "Pardon and amnesty for those involved in the events in the districts.",
          },
          { id: "limited", label: "Limited", description: "Excluding serious crimes." },
        ],
      },
      {
        id: "foreign-forces",
        label: "Foreign forces and weapons",
        options: [
          { id: "withdrawal", label: "Withdrawn under OSCE monitoring" },
          { id: "stay", label: "No withdrawal clause" },
        ],
      },
      {
        id: "economy",
        label: "Social payments and banking in the districts",
        options: [
          {
            id: "restored",
            label: "Restored by Kyiv",
            description: "Pensions, social transfers and banking restored.",
          },
          { id: "blockade", label: "Blockade continues" },
        ],
      },
    ],
    "Ranked from one pole of the dispute to the other on each issue.",
  ),
  parties: [
    reasonedParty(
      {
        id: "ukraine",
        label: "Ukraine",
        description: "Poroshenko's government, with its army encircled at Debaltseve.",
      },
      {
        source: `${UAPOS}; ${ALLAN}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          "special-status": [25, "federalisation was seen as a Russian veto over Kyiv"],
          sequence: [30, "elections under the guns of the separatists would legitimise them"],
          amnesty: [10, "unpopular but secondary"],
          "foreign-forces": [25, "Russian troops out is the heart of sovereignty"],
          economy: [10, "paying the districts' pensions costs money and funds the separatists"],
        },
        values: {
          "special-status": {
            none: [10, "a unitary state"],
            decentralisation: [7, "Poroshenko's own reform"],
            constitutional: [1, "federalisation by the back door"],
          },
          sequence: {
            "border-first": [10, "security first"],
            "elections-first": [2, "the border stays open while the vote is held"],
          },
          amnesty: { limited: [10, "no impunity"], broad: [4, "a concession"] },
          "foreign-forces": { withdrawal: [10, "sovereignty"], stay: [0, "occupation ratified"] },
          economy: {
            blockade: [6, "saves money, pressures the separatists"],
            restored: [4, "wins hearts, funds the enemy"],
          },
        },
        reservation: [
          0.35,
          "the army had lost Donetsk airport and was encircled at Debaltseve; fighting on risked more ground. But a deal that hollowed out the state was worse than a frozen war, so the no-deal value is well above zero.",
        ],
        redLines: [
          { issue: "foreign-forces", reject: ["stay"], reason: "no text that omits the withdrawal of foreign forces" },
        ],
        redLinesNote: [
          "Kyiv's position since the September 2014 protocol (point 10 of that protocol already required the withdrawal).",
          "medium",
        ],
      },
    ),
    reasonedParty(
      {
        id: "russia",
        label: "Russia (for the separatists)",
        description: "Putin, negotiating for the 'people's republics', whose leaders signed the package.",
      },
      {
        source: `${MT}; ${ALLAN}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          "special-status": [30, "a lasting lever over Kyiv's foreign policy"],
          sequence: [25, "control of the border keeps the districts Russian-supplied"],
          amnesty: [10, "protects its proxies"],
          "foreign-forces": [15, "officially Russia had no forces there, so a withdrawal clause cost little on paper"],
          economy: [20, "Kyiv paying for the districts relieves Moscow"],
        },
        values: {
          "special-status": {
            constitutional: [10, "the lever"],
            decentralisation: [3, "no veto"],
            none: [0, "nothing"],
          },
          sequence: {
            "elections-first": [10, "the border stays open until the districts are secured"],
            "border-first": [2, "the districts fall"],
          },
          amnesty: { broad: [10, "proxies protected"], limited: [3, "proxies exposed"] },
          "foreign-forces": { stay: [10, "no clause"], withdrawal: [6, "deniable"] },
          economy: { restored: [10, "Kyiv pays"], blockade: [2, "Moscow pays"] },
        },
        reservation: [
          0.5,
          "Russia could press on militarily, but sanctions and the oil-price collapse made a political lever cheaper than more war; it wanted a text more than territory.",
        ],
        redLines: [{ issue: "special-status", reject: ["none"], reason: "the districts' status must change" }],
        redLinesNote: ["Moscow's demand of 'federalisation' since spring 2014.", "medium"],
      },
    ),
    reasonedParty(
      {
        id: "mediators",
        label: "Germany and France",
        description:
          "Merkel and Hollande, wanting the fighting stopped before Debaltseve escalated and US arms deliveries to Kyiv were decided.",
      },
      {
        source: `${MT}; ${ALLAN}`,
        confidence: "low",
        weightsPreamble: BEFORE,
        weights: {
          "special-status": [20, "a political settlement"],
          sequence: [20, "a workable order"],
          amnesty: [10, "reconciliation"],
          "foreign-forces": [30, "de-escalation"],
          economy: [20, "humanitarian relief"],
        },
        values: {
          "special-status": {
            decentralisation: [10, "Europe's preferred reform"],
            constitutional: [8, "acceptable if Kyiv agrees"],
            none: [3, "no settlement"],
          },
          sequence: { "border-first": [8, "more secure"], "elections-first": [7, "what Russia will sign"] },
          amnesty: { broad: [8, "reconciliation"], limited: [7, "justice"] },
          "foreign-forces": { withdrawal: [10, "de-escalation"], stay: [0, "no"] },
          economy: { restored: [10, "humanitarian"], blockade: [3, "hardship"] },
        },
        reservation: [
          0.3,
          "failure meant escalation and a transatlantic split over arming Ukraine; almost any signed text was better.",
        ],
      },
    ),
  ],
};

/**
 * Minsk II (the Package of Measures of 12 February 2015): signed by the Trilateral Contact Group and
 * endorsed by the Normandy leaders and UN Security Council resolution 2202; never implemented.
 * `treatylab analyze minsk-2-2015`.
 *
 * @example
 * ```ts
 * import { checkProposal, historicalCase } from "treatylab";
 * const c = historicalCase("minsk-2-2015");
 * checkProposal(c.scenario, c.text.bundle).acceptedByAll;
 * ```
 */
export const minsk2015: HistoricalCase = {
  id: "minsk-2-2015",
  title: scenario.title!,
  date: "2015-02-12",
  kind: "ceasefire and political settlement, mediated; a stability case",
  outcome: "signed-not-implemented",
  record:
    "Signed on 12 February 2015 and endorsed by UN Security Council resolution 2202; Debaltseve fell days later; no point was fully implemented (the sequencing dispute never resolved), and Russia recognised the 'republics' on 21 February 2022.",
  sources: scenario.sources!,
  scenario,
  text: {
    title: "Package of Measures for the Implementation of the Minsk Agreements",
    date: "2015-02-12",
    source: `${TEXT}; ${MT}`,
    bundle: {
      "special-status": "constitutional",
      sequence: "elections-first",
      amnesty: "broad",
      "foreign-forces": "withdrawal",
      economy: "restored",
    },
    notes: {
      "special-status":
        "point 11: constitutional reform with decentralisation and permanent special-status legislation (footnote: militia, prosecutors, cross-border cooperation)",
      sequence:
        "point 9: border control restored starting the day after local elections, completed after the comprehensive political settlement",
      amnesty: "point 5: pardon and amnesty",
      "foreign-forces":
        "point 10: withdrawal of all foreign armed formations, military equipment and mercenaries under OSCE monitoring",
      economy: "point 8: social transfers and banking restored",
    },
  },
  control: {
    ukraine: {
      issues: ["special-status", "sequence", "amnesty", "economy"],
      note: {
        text: "The special-status and amnesty laws, the constitutional reform and the social payments were the Rada's and Kyiv's acts; Kyiv could also insist on the border before elections, as it later did. Germany and France control no clause: they mediate.",
        source: ALLAN,
        confidence: "medium",
      },
    },
    russia: {
      issues: ["foreign-forces"],
      note: {
        text: "The withdrawal of foreign forces and weapons from the districts was Moscow's act, whatever it said about having no forces there.",
        source: ALLAN,
        confidence: "medium",
      },
    },
  },
};
