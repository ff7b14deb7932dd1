import type { Scenario } from "../model/types.js";
import { ordinalScales, reasonedParty } from "./build.js";
import type { HistoricalCase } from "./types.js";

const ROSS = "Dennis Ross, The Missing Peace (Farrar, Straus and Giroux, 2004)";
const MALLEY =
  "Robert Malley and Hussein Agha, 'Camp David: The Tragedy of Errors', New York Review of Books, 9 August 2001";
const WIKI = "Wikipedia, '2000 Camp David Summit', https://en.wikipedia.org/wiki/2000_Camp_David_Summit";
const YAGO =
  "encyclopaedia excerpt on Barak's offer (73% rising to 91% of the West Bank, custodianship of the Haram), http://resources.mpi-inf.mpg.de/yago-naga/hyena/results/tracing/instances/76424.html";
const HC = "History Central, 'Camp David 2000', https://historycentral.com/Israel/2000CampDavid.html";
const BEFORE =
  "Reasoned from the positions on the record before the summit (Oslo's final-status agenda; Barak's public red lines: no return to 1967, united Jerusalem, no right of return; the PLO's: 1967 lines, East Jerusalem, resolution 194), not from the failure.";

const scenario: Scenario = {
  id: "camp-david-2000",
  title: "Camp David, July 2000 (Israel-Palestinians)",
  date: "2000-07",
  description:
    "Israel and the PLO at Camp David with the United States (11-25 July 2000), on the final-status issues: territory, Jerusalem, the Haram al-Sharif/Temple Mount, refugees, security in the Jordan Valley and the end of claims. No written offer exists; the 'final plan' is the Israeli-American position at the end of the summit as reported. Every number is a labelled assumption reasoned from the pre-summit record.",
  sources: [
    { title: ROSS, date: "2004", note: "the US envoy's account" },
    { title: MALLEY, date: "2001-08-09", note: "the other side of the story: no written offer, sequencing and trust" },
    {
      title: "2000 Camp David Summit",
      url: "https://en.wikipedia.org/wiki/2000_Camp_David_Summit",
      note: "ended 25 July without agreement; irreconcilable differences on the Temple Mount; Rashomon accounts",
    },
    {
      title: "Barak's offer as reported",
      url: "http://resources.mpi-inf.mpg.de/yago-naga/hyena/results/tracing/instances/76424.html",
      note: "73% of the West Bank rising to 91% over 10-25 years; Palestinian custodianship, not sovereignty, of the Haram",
    },
    { title: "History Central, Camp David 2000", url: "https://historycentral.com/Israel/2000CampDavid.html" },
  ],
  issues: ordinalScales(
    [
      {
        id: "territory",
        label: "West Bank territory",
        options: [
          {
            id: "ca-91",
            label: "About 91%",
            description: "Settlement blocs annexed, a small swap, Palestinian share rising over years.",
          },
          {
            id: "ca-95",
            label: "About 95%",
            description: "94-96% with a 1-3% swap (the Clinton parameters of December 2000).",
          },
          { id: "full-swaps", label: "100% equivalent", description: "The 1967 line with 1:1 swaps." },
        ],
      },
      {
        id: "jerusalem",
        label: "East Jerusalem",
        options: [
          {
            id: "outer",
            label: "Outer Arab neighbourhoods",
            description:
              "Palestinian sovereignty over outer neighbourhoods and part of the Old City; autonomy in inner ones.",
          },
          {
            id: "arab",
            label: "All Arab neighbourhoods",
            description: "Arab areas Palestinian, Jewish areas Israeli.",
          },
          { id: "east", label: "All of East Jerusalem" },
        ],
      },
      {
        id: "haram",
        label: "Haram al-Sharif / Temple Mount",
        options: [
          { id: "custodianship", label: "Palestinian custodianship, Israeli sovereignty" },
          {
            id: "palestinian",
            label: "Palestinian sovereignty",
            description: "With Israeli sovereignty over the Western Wall.",
          },
        ],
      },
      {
        id: "refugees",
        label: "Palestinian refugees",
        options: [
          {
            id: "family",
            label: "Humanitarian family reunification",
            description: "A limited number; no right of return recognised.",
          },
          {
            id: "homeland",
            label: "Right to return to the homeland",
            description: "Return to the state of Palestine; Israel admits some at its discretion.",
          },
          { id: "return", label: "Right of return to Israel recognised" },
        ],
      },
      {
        id: "security",
        label: "Jordan Valley security",
        options: [
          {
            id: "israeli",
            label: "Israeli control for years",
            description: "Israeli forces and early-warning stations.",
          },
          { id: "international", label: "International force" },
        ],
      },
      {
        id: "finality",
        label: "End of claims",
        options: [
          { id: "end", label: "End of conflict and of all claims" },
          { id: "open", label: "No finality clause" },
        ],
      },
    ],
    "Ranked from one pole of the dispute to the other on each issue.",
  ),
  parties: [
    reasonedParty(
      {
        id: "israel",
        label: "Israel",
        description:
          "Barak's government, its coalition collapsing, seeking a final deal or to expose that none existed.",
      },
      {
        source: `${ROSS}; ${HC}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          territory: [20, "settlement blocs and security depth"],
          jerusalem: [20, "'united Jerusalem' was a national consensus"],
          haram: [15, "the holiest site in Judaism"],
          refugees: [20, "a right of return ends the Jewish majority"],
          security: [10, "the eastern front"],
          finality: [15, "Barak's condition: the end of claims"],
        },
        values: {
          territory: {
            "ca-91": [10, "most settlers under Israeli sovereignty"],
            "ca-95": [7, "more evacuations"],
            "full-swaps": [3, "the 1967 line"],
          },
          jerusalem: {
            outer: [10, "the city's core stays Israeli"],
            arab: [5, "divided"],
            east: [0, "the 1967 line in the city"],
          },
          haram: { custodianship: [10, "sovereignty kept"], palestinian: [2, "sovereignty given up"] },
          refugees: { family: [10, "no right"], homeland: [6, "a right to Palestine only"], return: [0, "no"] },
          security: { israeli: [10, "the eastern front held"], international: [4, "relies on others"] },
          finality: { end: [10, "the point"], open: [0, "pays everything, ends nothing"] },
        },
        reservation: [
          0.45,
          "no deal meant the Oslo interim status with unilateral separation as Barak's fallback and his coalition already gone; costly, but Barak said a deal without finality was worse.",
        ],
        redLines: [{ issue: "refugees", reject: ["return"], reason: "no recognised right of return to Israel" }],
        redLinesNote: [
          "One of Barak's public red lines before the summit, shared across the Israeli mainstream.",
          "high",
        ],
      },
    ),
    reasonedParty(
      {
        id: "palestinians",
        label: "PLO",
        description:
          "Arafat, who called the summit premature and could not be seen to concede Jerusalem or the refugees.",
      },
      {
        source: `${MALLEY}; ${WIKI}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          territory: [25, "the PLO saw 22% of historic Palestine as the concession already made in 1988-93"],
          jerusalem: [20, "the capital"],
          haram: [20, "Arafat said no Arab leader could concede it"],
          refugees: [15, "the right, if not the return"],
          security: [10, "sovereignty"],
          finality: [10, "finality only for a full deal"],
        },
        values: {
          territory: { "full-swaps": [10, "the 1967 line"], "ca-95": [6, "close"], "ca-91": [2, "cantons"] },
          jerusalem: { east: [10, "the 1967 line"], arab: [7, "a capital"], outer: [2, "villages, not a capital"] },
          haram: { palestinian: [10, "sovereignty"], custodianship: [1, "Israeli sovereignty over al-Aqsa"] },
          refugees: { return: [10, "resolution 194"], homeland: [5, "the right in principle"], family: [1, "nothing"] },
          security: { international: [10, "sovereignty"], israeli: [2, "occupation by another name"] },
          finality: { open: [10, "claims kept"], end: [4, "acceptable for a full deal"] },
        },
        reservation: [
          0.4,
          "no deal meant the interim status, with the option of declaring a state in September 2000 and popular anger that could be turned on Israel; Arafat had called the summit premature.",
        ],
        redLines: [
          { issue: "haram", reject: ["custodianship"], reason: "no Israeli sovereignty over the Haram al-Sharif" },
        ],
        redLinesNote: [
          "PLO position since the Oslo final-status agenda; Arafat repeated it before the summit (Malley and Agha 2001).",
          "medium",
        ],
      },
    ),
    reasonedParty(
      { id: "us", label: "United States", description: "Clinton, in his last months, wanting a final deal." },
      {
        source: `${ROSS}; ${MALLEY}`,
        confidence: "low",
        weightsPreamble: BEFORE,
        weights: {
          territory: [15, "a viable state"],
          jerusalem: [15, "the hardest issue"],
          haram: [15, "ditto"],
          refugees: [15, "Israel's majority"],
          security: [15, "Israel's security"],
          finality: [25, "the point of a final-status summit"],
        },
        values: {
          territory: {
            "ca-95": [10, "the later Clinton parameters"],
            "ca-91": [7, "Israel's offer"],
            "full-swaps": [6, "fair, hard to sell in Israel"],
          },
          jerusalem: {
            arab: [10, "the later Clinton parameters"],
            outer: [6, "Israel's offer"],
            east: [4, "hard to sell"],
          },
          haram: { palestinian: [7, "one solution"], custodianship: [7, "another"] },
          refugees: {
            homeland: [10, "the later Clinton parameters"],
            family: [7, "Israel's offer"],
            return: [0, "Israel cannot"],
          },
          security: { israeli: [8, "reassures Israel"], international: [7, "a US-led force"] },
          finality: { end: [10, "the point"], open: [0, "no"] },
        },
        reservation: [0.3, "a failed summit at the end of a presidency was costly, but the US could walk away."],
      },
    ),
  ],
};

/**
 * Camp David 2000: Israel and the PLO with the United States, 11-25 July 2000; ended without
 * agreement. The text checked is the Israeli-American position at the end of the summit, as
 * reported (no written offer exists). `treatylab analyze camp-david-2000`.
 *
 * @example
 * ```ts
 * import { checkProposal, historicalCase } from "treatylab";
 * const c = historicalCase("camp-david-2000");
 * checkProposal(c.scenario, c.text.bundle).rejectedBy; // ["palestinians"]
 * ```
 */
export const campDavid2000: HistoricalCase = {
  id: "camp-david-2000",
  title: scenario.title!,
  date: "2000-07-25",
  kind: "final-status negotiation, mediated; failed",
  outcome: "no-agreement",
  record:
    "Ended on 25 July 2000 without agreement, chiefly over the Temple Mount/Haram al-Sharif and refugees (Wikipedia, '2000 Camp David Summit'); the Second Intifada began in September. The Clinton parameters of December 2000 and Taba (January 2001) came closer but also failed.",
  sources: scenario.sources!,
  scenario,
  text: {
    title: "Israeli-American position at the end of the Camp David summit (as reported; no written offer)",
    date: "2000-07-25",
    source: `${YAGO}; ${ROSS}; ${MALLEY}`,
    bundle: {
      territory: "ca-91",
      jerusalem: "outer",
      haram: "custodianship",
      refugees: "family",
      security: "israeli",
      finality: "end",
    },
    notes: {
      territory: "about 91% of the West Bank (73% at first), blocs annexed, a small Negev swap",
      jerusalem: "sovereignty over outer Arab neighbourhoods and part of the Old City; autonomy in inner ones",
      haram: "Palestinian custodianship under Israeli sovereignty",
      refugees: "a limited humanitarian programme, no right of return",
      security: "Israeli presence in the Jordan Valley and early-warning stations",
      finality: "end of conflict and of all claims",
    },
  },
  control: {
    israel: {
      issues: ["territory", "jerusalem", "haram", "security"],
      note: {
        text: "Israel held the West Bank, East Jerusalem and the Old City: the withdrawal, the handover of neighbourhoods, the Haram arrangement and the security deployment were its acts to carry out or withhold. The US controls no clause: it mediates, and its money is not an issue of this scenario.",
        source: MALLEY,
        confidence: "medium",
      },
    },
    palestinians: {
      issues: ["refugees", "finality"],
      note: {
        text: "Dropping or pressing the refugee claims and declaring the conflict over were the PLO's commitments, which it could keep or reopen.",
        source: MALLEY,
        confidence: "medium",
      },
    },
  },
};
