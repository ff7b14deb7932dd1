import type { Scenario } from "../model/types.js";
import { ordinalScales, reasonedConstituency, reasonedParty } from "./build.js";
import type { HistoricalCase } from "./types.js";

const WIKI_PLAN = "Wikipedia, 'Annan Plan', https://en.wikipedia.org/wiki/Annan_Plan";
const WIKI_REF =
  "Wikipedia, '2004 Cypriot Annan Plan referendums', https://en.wikipedia.org/wiki/2004_Cypriot_Annan_Plan_referendums";
const WN =
  "'Annan announces Cyprus plan', 2 April 2004 (wire report), http://article.wn.com/link/WNATFC865AE35C654914C3CD2D7E16D966E9";
const LIQUI =
  "'Annan Plan for Cyprus: referendum' (encyclopaedia excerpt), http://www.liquisearch.com/annan_plan_for_cyprus/referendum";
const PALLEY =
  "Claire Palley, An International Relations Debacle: The UN Secretary-General's Mission of Good Offices in Cyprus 1999-2004 (Hart, 2005)";
const BEFORE =
  "Reasoned from the situation at Burgenstock (late March 2004): the Republic of Cyprus's EU accession already signed (April 2003) and due on 1 May 2004 whatever the vote; Talat's pro-solution victory in the north (December 2003); Papadopoulos's and Denktas's known positions; not from the referendum result.";

const scenario: Scenario = {
  id: "annan-plan-2004",
  title: "Annan Plan V, April 2004 (Cyprus), with the two referendums",
  date: "2004-04",
  description:
    "The Greek Cypriot and Turkish Cypriot leaderships and Turkey on the fifth Annan Plan, finalised by the UN Secretary-General at Burgenstock and put to separate referendums on 24 April 2004, each community's vote a veto: structure of the state, Turkish troops, the 1960 Treaty of Guarantee, property, settlers and territory. Every number is a labelled assumption reasoned from the situation before the vote.",
  sources: [
    {
      title: "Annan Plan",
      url: "https://en.wikipedia.org/wiki/Annan_Plan",
      note: "fifth revision: United Cyprus Republic, two constituent states, presidential council, 24:24 senate",
    },
    {
      title: "2004 Cypriot Annan Plan referendums",
      date: "2004-04-24",
      url: "https://en.wikipedia.org/wiki/2004_Cypriot_Annan_Plan_referendums",
      note: "Greek Cypriots 75.83% no (turnout 89.18%), Turkish Cypriots 64.91% yes (turnout 87%)",
    },
    {
      title: "Annan announces Cyprus plan (wire report)",
      date: "2004-04-02",
      url: "http://article.wn.com/link/WNATFC865AE35C654914C3CD2D7E16D966E9",
      note: "Annan filled in the blanks after the leaders failed to agree; Turkey keeps 40,000 troops in the north; EU entry on 1 May",
    },
    {
      title: "Annan Plan referendum (encyclopaedia excerpt)",
      url: "http://www.liquisearch.com/annan_plan_for_cyprus/referendum",
      note: "Papadopoulos and Denktas campaigned for No, Talat for Yes; security the main reason for the Greek Cypriot No",
    },
    { title: PALLEY, date: "2005", note: "a Greek Cypriot adviser's critique of the plan's terms" },
  ],
  issues: ordinalScales(
    [
      {
        id: "structure",
        label: "Structure of the state",
        options: [
          { id: "centralised", label: "Centralised federation", description: "A strong federal government." },
          {
            id: "loose",
            label: "Loose federation",
            description:
              "United Cyprus Republic: two constituent states, a rotating presidential council, a 24:24 senate.",
          },
          {
            id: "two-states",
            label: "Two sovereign states",
            description: "A confederation or recognition of the north.",
          },
        ],
      },
      {
        id: "troops",
        label: "Turkish troops",
        options: [
          { id: "full-withdrawal", label: "Full withdrawal" },
          {
            id: "phased-650",
            label: "Phased down to 650",
            description: "6,000 until 2011, 3,000 until 2018 or Turkey's EU accession, then 650.",
          },
          { id: "stay", label: "The 40,000 stay" },
        ],
      },
      {
        id: "guarantee",
        label: "Treaty of Guarantee (1960)",
        options: [
          {
            id: "kept",
            label: "Kept",
            description: "Turkey, Greece and the UK remain guarantors, with the right to intervene.",
          },
          { id: "abolished", label: "Abolished" },
        ],
      },
      {
        id: "property",
        label: "Property of the displaced",
        options: [
          { id: "full-return", label: "Full reinstatement" },
          {
            id: "limited",
            label: "Limited reinstatement, compensation",
            description: "Reinstatement capped; the rest compensated.",
          },
        ],
      },
      {
        id: "settlers",
        label: "Settlers from Turkey",
        options: [
          { id: "most-stay", label: "Most stay", description: "Tens of thousands keep citizenship and residence." },
          { id: "most-leave", label: "Most leave" },
        ],
      },
      {
        id: "territory",
        label: "Turkish Cypriot constituent state",
        options: [
          { id: "tc-24", label: "About 24%" },
          { id: "tc-29", label: "About 29%", description: "The plan's map: Varosha, Morphou and villages returned." },
          { id: "tc-36", label: "About 36% (the line of 1974)" },
        ],
      },
    ],
    "Ranked from one pole of the dispute to the other on each issue.",
  ),
  parties: [
    reasonedParty(
      {
        id: "greek-cypriots",
        label: "Greek Cypriot leadership",
        description: "Papadopoulos's government of the Republic of Cyprus, days from EU membership.",
        constituencies: [
          reasonedConstituency(
            {
              id: "gc-referendum",
              label: "Greek Cypriot voters",
              description: "The Greek Cypriot referendum of 24 April 2004; a No voids the plan.",
              veto: true,
            },
            {
              source: `${LIQUI}; ${PALLEY}`,
              confidence: "low",
              weightsPreamble: `${BEFORE} Voters weigh security (troops, guarantee) most, then property.`,
              weights: {
                structure: [10, "abstract for most voters"],
                troops: [25, "Turkish troops on the island since 1974"],
                guarantee: [20, "the intervention right used in 1974"],
                property: [20, "about 160,000 displaced in 1974"],
                settlers: [10, "demographic change"],
                territory: [15, "return of Varosha and Morphou"],
              },
              values: {
                structure: {
                  centralised: [10, "one state"],
                  loose: [5, "a federation with ethnic vetoes"],
                  "two-states": [0, "partition"],
                },
                troops: {
                  "full-withdrawal": [10, "security"],
                  "phased-650": [3, "troops stay for years, some indefinitely"],
                  stay: [0, "occupation"],
                },
                guarantee: { abolished: [10, "no intervention right"], kept: [1, "1974 could repeat"] },
                property: { "full-return": [10, "home"], limited: [3, "most lose their homes"] },
                settlers: { "most-leave": [10, "demography"], "most-stay": [2, "the change ratified"] },
                territory: { "tc-24": [10, "more land back"], "tc-29": [7, "some back"], "tc-36": [0, "nothing back"] },
              },
              reservation: [
                0.5,
                "a No cost Greek Cypriots little that April: EU membership came on 1 May anyway, and the status quo had been peaceful since 1974; the president asked for a No on television on 7 April.",
              ],
            },
          ),
        ],
      },
      {
        source: `${WN}; ${LIQUI}; ${PALLEY}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          structure: [20, "a functional state, not ethnic vetoes"],
          troops: [20, "security"],
          guarantee: [15, "the intervention right"],
          property: [20, "the displaced"],
          settlers: [10, "demography"],
          territory: [15, "land back"],
        },
        values: {
          structure: {
            centralised: [10, "the Republic's position"],
            loose: [5, "workable at best"],
            "two-states": [0, "partition"],
          },
          troops: {
            "full-withdrawal": [10, "demilitarisation"],
            "phased-650": [4, "a long presence"],
            stay: [0, "no"],
          },
          guarantee: { abolished: [10, "no intervention right"], kept: [2, "no"] },
          property: { "full-return": [10, "the displaced"], limited: [3, "mostly compensation"] },
          settlers: { "most-leave": [10, "demography"], "most-stay": [2, "ratified"] },
          territory: { "tc-24": [10, "more back"], "tc-29": [7, "acceptable"], "tc-36": [0, "nothing back"] },
        },
        reservation: [
          0.55,
          "EU accession was signed and due on 1 May 2004 whatever happened, which removed the cost of saying no and promised leverage over Turkey later.",
        ],
        redLines: [{ issue: "structure", reject: ["two-states"], reason: "no partition or recognition of the north" }],
        redLinesNote: ["The Republic's position since 1974 and UN resolutions.", "high"],
      },
    ),
    reasonedParty(
      {
        id: "turkish-cypriots",
        label: "Turkish Cypriot leadership",
        description: "Talat's government (elected December 2003 on a pro-solution platform), with Denktas opposed.",
        constituencies: [
          reasonedConstituency(
            {
              id: "tc-referendum",
              label: "Turkish Cypriot voters",
              description: "The Turkish Cypriot referendum of 24 April 2004; a No voids the plan.",
              veto: true,
            },
            {
              source: `${WN}; ${LIQUI}`,
              confidence: "low",
              weightsPreamble: `${BEFORE} Voters in the north wanted EU membership and an end to isolation; security and political equality came next.`,
              weights: {
                structure: [20, "political equality"],
                troops: [15, "protection"],
                guarantee: [20, "Turkey's guarantee"],
                property: [15, "homes in the north"],
                settlers: [10, "families"],
                territory: [20, "land to be returned"],
              },
              values: {
                structure: {
                  "two-states": [10, "equality"],
                  loose: [8, "equality in a federation"],
                  centralised: [1, "minority rule"],
                },
                troops: { stay: [10, "protection"], "phased-650": [8, "some stay"], "full-withdrawal": [2, "exposed"] },
                guarantee: { kept: [10, "Turkey's guarantee"], abolished: [0, "unprotected"] },
                property: { limited: [10, "homes kept"], "full-return": [1, "uprooted"] },
                settlers: { "most-stay": [10, "families"], "most-leave": [4, "divided"] },
                territory: {
                  "tc-36": [10, "nothing given back"],
                  "tc-29": [6, "Morphou given back"],
                  "tc-24": [2, "much given back"],
                },
              },
              reservation: [
                0.45,
                "a No kept the north isolated and outside the EU; Talat's win in December 2003 showed a majority wanted a solution.",
              ],
            },
          ),
        ],
      },
      {
        source: `${WN}; ${LIQUI}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          structure: [20, "political equality"],
          troops: [15, "security"],
          guarantee: [20, "Turkey's guarantee"],
          property: [15, "homes in the north"],
          settlers: [10, "citizens"],
          territory: [20, "land"],
        },
        values: {
          structure: {
            "two-states": [10, "Denktas's aim"],
            loose: [8, "Talat's aim"],
            centralised: [2, "minority status"],
          },
          troops: { stay: [10, "protection"], "phased-650": [8, "enough"], "full-withdrawal": [2, "exposed"] },
          guarantee: { kept: [10, "the guarantee"], abolished: [0, "no"] },
          property: { limited: [10, "bizonality"], "full-return": [0, "no bizonality"] },
          settlers: { "most-stay": [10, "citizens"], "most-leave": [3, "families split"] },
          territory: { "tc-36": [10, "all kept"], "tc-29": [6, "a real cost"], "tc-24": [2, "too much"] },
        },
        reservation: [
          0.4,
          "no deal meant isolation and staying outside the EU that the north's voters wanted; Talat's government had campaigned for a solution.",
        ],
        redLines: [{ issue: "guarantee", reject: ["abolished"], reason: "Turkey's guarantee must stay" }],
        redLinesNote: ["A constant of Turkish Cypriot positions since 1960.", "high"],
      },
    ),
    reasonedParty(
      {
        id: "turkey",
        label: "Turkey",
        description: "Erdogan's government, wanting EU accession talks opened and Cyprus off the table.",
      },
      {
        source: `${WN}; ${LIQUI}`,
        confidence: "low",
        weightsPreamble: BEFORE,
        weights: {
          structure: [20, "Turkish Cypriot equality"],
          troops: [25, "the army's presence"],
          guarantee: [25, "the 1960 right"],
          property: [10, "secondary"],
          settlers: [10, "its citizens"],
          territory: [10, "secondary"],
        },
        values: {
          structure: {
            "two-states": [10, "the old line"],
            loose: [8, "acceptable under Erdogan"],
            centralised: [2, "no"],
          },
          troops: {
            stay: [10, "the army's preference"],
            "phased-650": [7, "acceptable"],
            "full-withdrawal": [2, "no"],
          },
          guarantee: { kept: [10, "the right to intervene"], abolished: [1, "no"] },
          property: { limited: [8, "bizonality"], "full-return": [3, "no"] },
          settlers: { "most-stay": [8, "its citizens"], "most-leave": [4, "returns"] },
          territory: { "tc-36": [10, "all kept"], "tc-29": [7, "acceptable"], "tc-24": [3, "too much"] },
        },
        reservation: [
          0.45,
          "Erdogan needed a settlement, or at least a Greek Cypriot No, to open EU accession talks in December 2004; the army and the old guard preferred the status quo.",
        ],
        redLines: [{ issue: "guarantee", reject: ["abolished"], reason: "Turkey keeps its guarantor status" }],
        redLinesNote: ["Turkey's constant position since 1960.", "high"],
      },
    ),
  ],
};

/**
 * The Annan Plan (fifth revision), put to separate referendums on 24 April 2004: 75.8% of Greek
 * Cypriots voted No, 64.9% of Turkish Cypriots Yes, so the plan lapsed. Each community's vote is a
 * veto constituency. `treatylab analyze annan-plan-2004`.
 *
 * @example
 * ```ts
 * import { checkProposal, historicalCase } from "treatylab";
 * const c = historicalCase("annan-plan-2004");
 * checkProposal(c.scenario, c.text.bundle).rejectedBy;
 * ```
 */
export const annanPlan2004: HistoricalCase = {
  id: "annan-plan-2004",
  title: scenario.title!,
  date: "2004-04-24",
  kind: "reunification plan, arbitrated by the UN, two referendums",
  outcome: "rejected-by-ratification",
  record:
    "Finalised by the UN Secretary-General at Burgenstock after the leaders failed to agree (31 March 2004); rejected by 75.83% of Greek Cypriots and approved by 64.91% of Turkish Cypriots on 24 April 2004, so it lapsed; Cyprus joined the EU divided on 1 May 2004.",
  sources: scenario.sources!,
  scenario,
  text: {
    title: "The Comprehensive Settlement of the Cyprus Problem (Annan Plan V)",
    date: "2004-03-31",
    source: `${WIKI_PLAN}; ${WIKI_REF}`,
    bundle: {
      structure: "loose",
      troops: "phased-650",
      guarantee: "kept",
      property: "limited",
      settlers: "most-stay",
      territory: "tc-29",
    },
    notes: {
      structure: "United Cyprus Republic: two constituent states, rotating presidential council, 24:24 senate",
      troops:
        "Greek and Turkish contingents of 6,000 until 2011, 3,000 until 2018 or Turkey's EU accession, then 950/650",
      guarantee: "the Treaty of Guarantee remains in force, applied to the constituent states",
      property: "reinstatement limited by caps; the rest compensated",
      settlers: "tens of thousands of settlers allowed to stay",
      territory: "Turkish Cypriot constituent state about 29%",
    },
  },
  control: {
    "greek-cypriots": {
      issues: ["structure", "property"],
      note: {
        text: "A Greek Cypriot majority in the federal institutions and courts could press for a more centralised state and for full property restitution (as later cases before the European Court of Human Rights did).",
        source: PALLEY,
        confidence: "low",
      },
    },
    "turkish-cypriots": {
      issues: ["settlers", "territory"],
      note: {
        text: "The Turkish Cypriot administration decided which settlers stayed and handed over (or kept) the land to be returned.",
        source: WIKI_PLAN,
        confidence: "low",
      },
    },
    turkey: {
      issues: ["troops", "guarantee"],
      note: {
        text: "Turkey's army on the island and its rights under the Treaty of Guarantee were Ankara's to reduce or keep.",
        source: WIKI_PLAN,
        confidence: "medium",
      },
    },
  },
};
