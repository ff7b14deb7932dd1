import type { Scenario } from "../model/types.js";
import { ordinalScales, reasonedParty } from "./build.js";
import type { HistoricalCase } from "./types.js";

const QUANDT = "William B. Quandt, Camp David: Peacemaking and Politics (Brookings, 1986)";
const CARTER = "Jimmy Carter, Keeping Faith (Bantam, 1982)";
const HIST =
  "Historic Documents of 1978 (CQ Press), 'Camp David Accords', https://issuhub.com/view/index/23563?pageIndex=139";
const LAT =
  "Los Angeles Times, 2 February 1989, 'The Camp David Accords', https://arstechnica.netblogpro.com/archives/la-xpm-1989-02-02-mn-2569-story.html";
const BEFORE =
  "Reasoned from the situation before the summit (Sadat's Jerusalem visit of November 1977, Begin's autonomy plan of December 1977, the deadlocked 1978 talks), not from the accords.";

const scenario: Scenario = {
  id: "camp-david-1978",
  title: "Camp David, September 1978 (Egypt-Israel)",
  date: "1978-09",
  description:
    "Egypt and Israel at Camp David with the United States mediating (5-17 September 1978): Sinai, the Israeli settlements and airfields there, the link to Palestinian autonomy, normalisation and the US aid that came with the treaty. Every number is a labelled assumption reasoned from the situation before the summit.",
  sources: [
    { title: QUANDT, date: "1986", note: "the negotiating record, day by day" },
    {
      title: "Historic Documents of 1978: Camp David Accords",
      date: "1978-09-17",
      url: "https://issuhub.com/view/index/23563?pageIndex=139",
      note: "Sinai settlements the major stumbling block; Begin relinquished them under pressure; two frameworks signed 17 September",
    },
    {
      title: "Los Angeles Times, 'The Camp David Accords'",
      date: "1989-02-02",
      url: "https://arstechnica.netblogpro.com/archives/la-xpm-1989-02-02-mn-2569-story.html",
      note: "main points: end of war, full relations, Sinai withdrawal, autonomy talks that never got off the ground",
    },
  ],
  issues: ordinalScales(
    [
      {
        id: "sinai",
        label: "Sovereignty over Sinai",
        options: [
          {
            id: "full",
            label: "All of Sinai to Egypt",
            description:
              "Israel withdraws to the international border; limited-forces zones and a multinational force.",
          },
          {
            id: "partial",
            label: "Israel keeps a strip",
            description: "Israel keeps Sharm el-Sheikh and a strip along the Gulf of Aqaba.",
          },
          { id: "none", label: "Israel stays", description: "The 1975 interim lines stand." },
        ],
      },
      {
        id: "settlements",
        label: "Israeli settlements in Sinai",
        options: [
          { id: "removed", label: "Removed", description: "The Rafah-salient and Gulf settlements are evacuated." },
          {
            id: "remain",
            label: "Remain",
            description: "They remain under Israeli protection or a UN force (Begin's December 1977 plan).",
          },
        ],
      },
      {
        id: "airfields",
        label: "Israeli airfields in Sinai",
        options: [
          { id: "keep", label: "Israel keeps them", description: "Etzion and Eitam stay in Israeli use." },
          {
            id: "evacuate-replaced",
            label: "Evacuated, US-built replacements",
            description: "Evacuated; the US pays for replacement air bases in the Negev.",
          },
          { id: "evacuate", label: "Evacuated, no replacement", description: "Evacuated without compensation." },
        ],
      },
      {
        id: "palestinian",
        label: "Link to the Palestinian question",
        options: [
          { id: "none", label: "Separate peace", description: "Nothing on the West Bank and Gaza." },
          {
            id: "autonomy-framework",
            label: "Autonomy framework, not linked",
            description: "A framework for 'full autonomy' talks over five years, not a legal condition of the treaty.",
          },
          {
            id: "linked",
            label: "Treaty linked to withdrawal",
            description:
              "The treaty is conditional on Israeli withdrawal from the West Bank and Gaza and Palestinian self-determination.",
          },
        ],
      },
      {
        id: "normalisation",
        label: "Relations",
        options: [
          { id: "full", label: "Full normal relations", description: "Ambassadors, trade, open borders." },
          {
            id: "non-belligerency",
            label: "Non-belligerency only",
            description: "End of the state of war without normal relations.",
          },
        ],
      },
      {
        id: "us-aid",
        label: "US aid and guarantees",
        options: [
          {
            id: "large",
            label: "Large aid package",
            description: "Military and economic aid to both, oil-supply assurance to Israel.",
          },
          { id: "none", label: "No new commitments", description: "The US adds nothing." },
        ],
      },
    ],
    "Ranked from one pole of the dispute to the other on each issue.",
  ),
  parties: [
    reasonedParty(
      {
        id: "egypt",
        label: "Egypt",
        description:
          "Sadat's Egypt, committed since the Jerusalem visit and facing economic crisis (the January 1977 bread riots).",
      },
      {
        source: `${QUANDT}; ${HIST}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          sinai: [30, "recovering all of Sinai was Sadat's non-negotiable aim since 1973"],
          settlements: [15, "Sadat insisted on their removal: Egyptian soil without Israeli civilians"],
          airfields: [5, "part of full withdrawal but a technical matter"],
          palestinian: [20, "Sadat needed Arab legitimacy and said he would not sign a separate peace"],
          normalisation: [10, "a cost at home and in the Arab world"],
          "us-aid": [20, "the shift to the US was the strategy; Egypt's economy needed the aid"],
        },
        values: {
          sinai: {
            full: [10, "every inch back"],
            partial: [3, "a strip kept is the humiliation of 1967 prolonged"],
            none: [0, "the status quo"],
          },
          settlements: { removed: [10, "full sovereignty"], remain: [0, "Israeli civilians on Egyptian soil"] },
          airfields: {
            evacuate: [10, "full withdrawal"],
            "evacuate-replaced": [10, "the same for Egypt (the US pays)"],
            keep: [0, "Israeli bases in Sinai"],
          },
          palestinian: {
            linked: [10, "the comprehensive settlement Sadat proclaimed"],
            "autonomy-framework": [6, "a fig leaf but a defensible one"],
            none: [0, "a naked separate peace"],
          },
          normalisation: {
            "non-belligerency": [10, "cheapest at home"],
            full: [6, "the price of Sinai, accepted in the Jerusalem speech"],
          },
          "us-aid": { large: [10, "aid and a US patron"], none: [0, "nothing to show at home"] },
        },
        reservation: [
          0.5,
          "no deal meant the 1975 interim lines, no aid, and no military option after 1973; Sadat had staked his rule on the initiative, so failure was costly but not ruinous (he could blame Begin).",
        ],
        redLines: [
          {
            issue: "settlements",
            reject: ["remain"],
            reason: "Sadat would not leave Israeli settlements on Egyptian soil",
          },
        ],
        redLinesNote: [
          "Sadat said throughout 1978 that no Israeli settlement could stay in Sinai (Quandt 1986, ch. 7-8).",
          "medium",
        ],
      },
    ),
    reasonedParty(
      {
        id: "israel",
        label: "Israel",
        description:
          "Begin's Likud government: peace with the largest Arab state, but no Palestinian state and no return to 1967 in Judea and Samaria.",
      },
      {
        source: `${QUANDT}; ${CARTER}; ${LAT}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          sinai: [15, "Sinai was security depth, not the Land of Israel for Begin"],
          settlements: [20, "Begin had promised to retire to a Sinai settlement (Neot Sinai)"],
          airfields: [10, "the air force valued Etzion and Eitam highly"],
          palestinian: [25, "Judea and Samaria were the core of Begin's ideology"],
          normalisation: [20, "peace with Egypt removes the main Arab army from the war coalition"],
          "us-aid": [10, "useful but Israel was already aided"],
        },
        values: {
          sinai: {
            none: [10, "everything kept"],
            partial: [8, "Sharm el-Sheikh kept, the 1967 casus belli"],
            full: [4, "acceptable with demilitarisation"],
          },
          settlements: { remain: [10, "Begin's December 1977 plan"], removed: [2, "a precedent for the West Bank"] },
          airfields: {
            keep: [10, "no cost"],
            "evacuate-replaced": [7, "the US pays for new bases in the Negev"],
            evacuate: [0, "a loss without compensation"],
          },
          palestinian: {
            none: [10, "no linkage at all"],
            "autonomy-framework": [7, "Begin's own autonomy plan of December 1977"],
            linked: [0, "the West Bank on the table"],
          },
          normalisation: { full: [10, "the prize"], "non-belligerency": [3, "Sinai for a paper"] },
          "us-aid": { large: [10, "more aid and an oil guarantee"], none: [4, "existing aid only"] },
        },
        reservation: [
          0.5,
          "the status quo bundle is worth about 0.8 on these numbers, but without a deal Israel faced a revived Egyptian war option, US pressure (Carter publicly blamed intransigence) and the cost of holding Sinai; Begin also wanted the peace. Reasoned down to 0.5.",
        ],
        redLines: [
          {
            issue: "palestinian",
            reject: ["linked"],
            reason: "Begin would not make the Egyptian treaty conditional on the West Bank",
          },
        ],
        redLinesNote: [
          "Begin's refusal of any linkage to a Palestinian state is on the record from December 1977 (Quandt 1986).",
          "high",
        ],
      },
    ),
    reasonedParty(
      {
        id: "us",
        label: "United States",
        description: "Carter, the mediator, who invested his presidency in the summit.",
      },
      {
        source: `${QUANDT}; ${CARTER}`,
        confidence: "low",
        weightsPreamble: BEFORE,
        weights: {
          sinai: [10, "needed for any deal"],
          settlements: [5, "Carter opposed settlements"],
          airfields: [5, "a cost to the US if replaced"],
          palestinian: [30, "Carter wanted a comprehensive peace with the Palestinians"],
          normalisation: [30, "peace between Egypt and Israel was the core US aim"],
          "us-aid": [20, "the bill"],
        },
        values: {
          sinai: {
            full: [10, "what makes peace possible"],
            partial: [5, "possible but fragile"],
            none: [0, "no peace"],
          },
          settlements: { removed: [10, "US policy: settlements an obstacle"], remain: [4, "tolerable"] },
          airfields: {
            evacuate: [10, "free"],
            "evacuate-replaced": [6, "the US pays (about $3bn was the talk)"],
            keep: [5, "free but an obstacle"],
          },
          palestinian: {
            linked: [10, "Carter's aim"],
            "autonomy-framework": [7, "a path"],
            none: [2, "the Arab world rejects it"],
          },
          normalisation: { full: [10, "a real peace"], "non-belligerency": [4, "a truce"] },
          "us-aid": { none: [10, "no cost"], large: [5, "the price of peace; Congress would pay"] },
        },
        reservation: [
          0.35,
          "failure at a summit Carter called would be a public humiliation before the November 1978 midterms, so most settlements beat it; the US could still walk away.",
        ],
      },
    ),
  ],
};

/**
 * Camp David 1978: Egypt and Israel, mediated by the US; signed 17 September 1978 (the two
 * frameworks), peace treaty 26 March 1979, Sinai returned by 1982. `treatylab analyze camp-david-1978`.
 *
 * @example
 * ```ts
 * import { checkProposal, historicalCase } from "treatylab";
 * const c = historicalCase("camp-david-1978");
 * checkProposal(c.scenario, c.text.bundle).acceptedByAll;
 * ```
 */
export const campDavid1978: HistoricalCase = {
  id: "camp-david-1978",
  title: scenario.title!,
  date: "1978-09-17",
  kind: "interstate peace treaty, mediated",
  outcome: "agreement",
  record:
    "Signed at the White House on 17 September 1978 (two frameworks); the Knesset approved removing the Sinai settlements; the peace treaty followed on 26 March 1979 and Sinai was returned by 1982. The Palestinian autonomy talks never got off the ground (Los Angeles Times, 2 February 1989).",
  sources: scenario.sources!,
  scenario,
  text: {
    title:
      "Camp David Accords (Framework for the Conclusion of a Peace Treaty between Egypt and Israel; Framework for Peace in the Middle East)",
    date: "1978-09-17",
    source: `${HIST}; ${QUANDT}`,
    bundle: {
      sinai: "full",
      settlements: "removed",
      airfields: "evacuate-replaced",
      palestinian: "autonomy-framework",
      normalisation: "full",
      "us-aid": "large",
    },
    notes: {
      sinai: "Israel withdraws from all of Sinai within two to three years, with limited-forces zones",
      settlements: "Begin put the removal of the settlements to the Knesset, which approved it",
      airfields: "Etzion and Eitam evacuated; the US financed two replacement bases in the Negev",
      palestinian:
        "the Framework for Peace in the Middle East: five-year transition to 'full autonomy', not a condition of the treaty",
      normalisation: "full normal relations, ambassadors exchanged after the interim withdrawal",
      "us-aid": "the 1979 aid package and US memorandum of agreement with Israel",
    },
  },
  control: {
    israel: {
      issues: ["sinai", "settlements", "airfields"],
      note: {
        text: "Israel carried out the Sinai withdrawal in phases over three years (1979-82): it could halt at a partial line, keep the settlements (Yamit) or the airfields simply by not evacuating them. The Palestinian autonomy framework stays at the text: its talks needed Egypt, Israel and the Palestinians together, so no single party could carry it out or undo it alone.",
        source: CARTER,
        confidence: "medium",
      },
    },
    egypt: {
      issues: ["normalisation"],
      note: {
        text: "Normalisation (embassies, trade, tourism) was Egypt's to grant or withhold once the withdrawal began; Cairo could stop at non-belligerency.",
        source: QUANDT,
        confidence: "medium",
      },
    },
    us: {
      issues: ["us-aid"],
      note: {
        text: "The aid packages were annual appropriations of Congress: Washington could cut them on its own.",
        source: QUANDT,
        confidence: "medium",
      },
    },
  },
};
