import type { Scenario } from "../model/types.js";
import { ordinalScales, reasonedConstituency, reasonedParty } from "./build.js";
import type { HistoricalCase } from "./types.js";

const WOLA =
  "WOLA / colombiapeace.org, 'Explaining Colombia's peace plebiscite', 26 August 2016, https://colombiapeace.org/explaining-colombias-peace-plebiscite";
const IPSOS =
  "Latin American Post, 'Poll confirms majority in Colombia opposes peace deal with FARC' (Ipsos), 8 August 2016, https://www.latinamericanpost.com/es/component/k2/item/8310-poll-confirms-majority-in-colombia-opposes-peace-deal-with-farc";
const ALHAYAT =
  "Al-Hayat (Ipsos poll, July 2016: 71% oppose FARC leaders running for office), https://sauress.com/alhayat/16448805";
const GALLUP =
  "teleSUR via libya360, 'Overwhelming majority of Colombians to say Yes' (Gallup: 67.5% yes among decided), 18 August 2016, https://libya360.wordpress.com/2016/08/18/overwhelming-majority-of-colombians-to-say-yes-to-farc-peace-agreement/";
const CIFRAS =
  "Times of Oman (Reuters), 'Colombians would approve peace accord with FARC in plebiscite' (Cifras y Conceptos: 62% yes), 2 September 2016, https://timesofoman.com/article/16810-colombians-would-approve-peace-accord-with-farc-in-plebiscite";
const RESULT =
  "Wikipedia, '2016 Colombian peace agreement referendum' (No 50.22%, Yes 49.78%, turnout 37.4%), https://en.wikipedia.org/wiki/2016_Colombian_peace_agreement_referendum";
const ESCOLA = "Escola de Cultura de Pau, Colombia process summary, https://escolapau.uab.cat/procesos/10i_pro.html";
const BEFORE =
  "Reasoned from the situation in August-September 2016, before the plebiscite of 2 October: the partial agreements published from 2013 on, the bilateral ceasefire of 29 August and the polls of June-September 2016, not from the result.";

const justice = {
  jep: "Special Jurisdiction for Peace: no prison for full truth and reparation, 5-8 years of 'restricted liberty' (September text)",
  revised:
    "the same jurisdiction tightened after the No vote: restricted liberty defined, FARC assets for reparations, a 10-year limit, no foreign judges (November text)",
};

const scenario: Scenario = {
  id: "colombia-farc-2016",
  title: "Colombia-FARC, September 2016, with the plebiscite",
  date: "2016-09",
  description:
    "The Santos government and the FARC after four years in Havana (rural reform, political participation, transitional justice, illicit drugs, disarmament), with the plebiscite of 2 October 2016 as a veto constituency of the government: a two-level game. Every number is a labelled assumption reasoned from the situation before the vote.",
  sources: [
    {
      title: "2016 Colombian peace agreement referendum",
      date: "2016-10-02",
      url: "https://en.wikipedia.org/wiki/2016_Colombian_peace_agreement_referendum",
      note: "No 6,438,552 (50.22%), Yes 6,382,901 (49.78%); turnout 37.43%",
    },
    {
      title: "Explaining Colombia's peace plebiscite (WOLA)",
      date: "2016-08-26",
      url: "https://colombiapeace.org/explaining-colombias-peace-plebiscite",
      note: "polls: solid support for talks, strong opposition to alternative punishments and to political participation of ex-guerrillas",
    },
    {
      title: "Poll confirms majority in Colombia opposes peace deal with FARC (Ipsos)",
      date: "2016-08-08",
      url: "https://www.latinamericanpost.com/es/component/k2/item/8310-poll-confirms-majority-in-colombia-opposes-peace-deal-with-farc",
      note: "88% say FARC should go to prison; 50% reject the deal, 39% support",
    },
    {
      title: "Gallup poll: 67.5% Yes among decided voters",
      date: "2016-08-18",
      url: "https://libya360.wordpress.com/2016/08/18/overwhelming-majority-of-colombians-to-say-yes-to-farc-peace-agreement/",
    },
    {
      title: "Cifras y Conceptos poll: 62% Yes",
      date: "2016-09-02",
      url: "https://timesofoman.com/article/16810-colombians-would-approve-peace-accord-with-farc-in-plebiscite",
      note: "alternative punishments such as mine clearing",
    },
    {
      title: "Escola de Cultura de Pau: Colombia",
      url: "https://escolapau.uab.cat/procesos/10i_pro.html",
      note: "after the No: renegotiation in Havana, ceasefire extended",
    },
  ],
  issues: ordinalScales(
    [
      {
        id: "land",
        label: "Rural reform",
        options: [
          {
            id: "reform",
            label: "Comprehensive rural reform",
            description: "A land fund of 3 million hectares, titling, rural development plans.",
          },
          { id: "status-quo", label: "No land reform" },
        ],
      },
      {
        id: "politics",
        label: "FARC's political participation",
        options: [
          {
            id: "seats",
            label: "Party with guaranteed seats",
            description: "5 Senate and 5 House seats for two terms, whatever the vote.",
          },
          { id: "party", label: "Party, no guaranteed seats" },
          { id: "banned", label: "Leaders barred from office" },
        ],
      },
      {
        id: "justice",
        label: "Transitional justice",
        options: [
          { id: "amnesty", label: "General amnesty" },
          { id: "jep", label: "Special jurisdiction (September)", description: justice.jep },
          { id: "jep-revised", label: "Special jurisdiction, tightened (November)", description: justice.revised },
          { id: "prison", label: "Ordinary prison terms" },
        ],
      },
      {
        id: "drugs",
        label: "Illicit crops",
        options: [
          {
            id: "substitution",
            label: "Voluntary substitution",
            description: "Crop substitution programmes agreed with growers; forced eradication as a last resort.",
          },
          { id: "eradication", label: "Forced eradication" },
        ],
      },
      {
        id: "disarmament",
        label: "Disarmament",
        options: [
          { id: "un-verified", label: "Handed to a UN mission within 180 days" },
          { id: "keep-arms", label: "No disarmament" },
        ],
      },
    ],
    "Ranked from one pole of the dispute to the other on each issue.",
  ),
  parties: [
    reasonedParty(
      {
        id: "government",
        label: "Colombian government",
        description:
          "Santos's government, which staked its term on the talks and promised to put the deal to a plebiscite.",
        constituencies: [
          reasonedConstituency(
            {
              id: "plebiscite",
              label: "Voters in the plebiscite",
              description: "The median voter in the 2 October 2016 plebiscite (Santos promised to be bound by it).",
              veto: true,
            },
            {
              source: `${IPSOS}; ${ALHAYAT}; ${WOLA}; ${GALLUP}; ${CIFRAS}`,
              confidence: "low",
              weightsPreamble: `${BEFORE} Weights follow what the issue polls asked about most and what the No campaign ran on.`,
              weights: {
                justice: [35, "88% said FARC should go to prison (Ipsos, August 2016)"],
                politics: [30, "71% opposed FARC leaders running for office (Ipsos, July 2016)"],
                disarmament: [20, "the point of a deal for voters"],
                land: [10, "the No campaign warned about property rights; rural voters favoured reform"],
                drugs: [5, "low salience"],
              },
              values: {
                justice: {
                  prison: [10, "the majority view in the polls"],
                  "jep-revised": [4, "tougher, still no prison"],
                  jep: [2, "read as impunity by the No campaign"],
                  amnesty: [0, "unacceptable"],
                },
                politics: {
                  banned: [10, "the majority view"],
                  party: [6, "a party, competing for votes like others"],
                  seats: [1, "seats without votes"],
                },
                disarmament: { "un-verified": [10, "weapons gone"], "keep-arms": [0, "no peace"] },
                land: {
                  "status-quo": [7, "no threat to property"],
                  reform: [5, "mixed: popular in the countryside, feared by owners"],
                },
                drugs: { eradication: [7, "tough on drugs"], substitution: [5, "soft, the critics said"] },
              },
              reservation: [
                0.5,
                "voting No looked cheap: the bilateral ceasefire of 29 August stood and the No campaign promised renegotiation, not war. Topline polls (Gallup 67.5%, Cifras y Conceptos 62% yes) said the deal would pass; the issue polls said its terms were unpopular. The number follows the issue polls, which is a choice: see docs/backtest.md on hindsight.",
              ],
            },
          ),
        ],
      },
      {
        source: `${ESCOLA}; ${WOLA}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          disarmament: [35, "ending the war is the point"],
          justice: [25, "must survive the International Criminal Court and Colombian courts"],
          politics: [15, "the FARC's price"],
          land: [15, "the first point of the agenda, agreed in 2013"],
          drugs: [10, "agreed in 2014"],
        },
        values: {
          disarmament: { "un-verified": [10, "the goal"], "keep-arms": [0, "no deal"] },
          justice: {
            "jep-revised": [10, "harder to attack"],
            jep: [8, "built to satisfy the ICC"],
            prison: [4, "the FARC will not sign"],
            amnesty: [0, "barred by the ICC and the constitution"],
          },
          politics: {
            party: [10, "no guarantees needed"],
            seats: [6, "the price of the deal"],
            banned: [3, "no deal"],
          },
          land: { reform: [8, "Santos's own programme"], "status-quo": [4, "cheaper"] },
          drugs: { substitution: [10, "agreed in 2014"], eradication: [5, "the old policy"] },
        },
        reservation: [
          0.4,
          "the army was winning but could not end the war; Santos had staked his second term on peace, so a deal the FARC would sign beat continued war for him.",
        ],
        redLines: [{ issue: "disarmament", reject: ["keep-arms"], reason: "no deal without disarmament" }],
        redLinesNote: ["Santos's condition from the start of the talks (2012).", "high"],
      },
    ),
    reasonedParty(
      {
        id: "farc",
        label: "FARC",
        description:
          "Timochenko's FARC, halved in strength since 2002 and with its leadership decimated, negotiating in Havana since 2012.",
      },
      {
        source: `${ESCOLA}; ${WOLA}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          justice: [30, "no prison was the leaders' condition"],
          politics: [25, "becoming a party was the strategy"],
          land: [25, "the FARC's founding cause"],
          drugs: [10, "its base among coca growers"],
          disarmament: [10, "the arms were its only guarantee"],
        },
        values: {
          justice: {
            amnesty: [10, "best"],
            jep: [8, "no prison, restricted liberty"],
            "jep-revised": [6, "tighter"],
            prison: [0, "no"],
          },
          politics: {
            seats: [10, "guaranteed voice"],
            party: [5, "a party at the mercy of the vote"],
            banned: [0, "no"],
          },
          land: { reform: [10, "the cause"], "status-quo": [0, "nothing"] },
          drugs: { substitution: [10, "protects growers"], eradication: [2, "attacks its base"] },
          disarmament: { "keep-arms": [10, "keeps its guarantee"], "un-verified": [6, "to the UN, not to the army"] },
        },
        reservation: [
          0.45,
          "militarily weakened and ageing, the FARC could survive in the jungle but not win; a deal with no prison and a political future beat that.",
        ],
        redLines: [
          { issue: "justice", reject: ["prison"], reason: "no leader would sign his own prison sentence" },
          { issue: "politics", reject: ["banned"], reason: "the point of the deal was to do politics" },
        ],
        redLinesNote: ["Stated repeatedly by the FARC's negotiators in Havana (WOLA 2016).", "high"],
      },
    ),
  ],
};

/**
 * Colombia-FARC 2016: the Havana agreement signed in Cartagena on 26 September 2016 and rejected in
 * the plebiscite of 2 October (50.2% No); a revised text was signed on 24 November and ratified by
 * Congress. The plebiscite is a veto constituency of the government. `treatylab analyze colombia-farc-2016`.
 *
 * @example
 * ```ts
 * import { checkProposal, historicalCase } from "treatylab";
 * const c = historicalCase("colombia-farc-2016");
 * checkProposal(c.scenario, c.text.bundle).rejectedBy; // the government, through its voters
 * ```
 */
export const colombiaFarc2016: HistoricalCase = {
  id: "colombia-farc-2016",
  title: scenario.title!,
  date: "2016-10-02",
  kind: "civil war settlement, two-level (plebiscite)",
  outcome: "rejected-by-ratification",
  record:
    "Signed in Cartagena on 26 September 2016, rejected in the plebiscite of 2 October 2016 by 50.22% to 49.78% on a 37.4% turnout. Renegotiated in Havana; the revised agreement (24 November 2016) was ratified by Congress, not by a new vote.",
  sources: scenario.sources!,
  scenario,
  text: {
    title: "Final Agreement to End the Armed Conflict and Build a Stable and Lasting Peace (Cartagena text)",
    date: "2016-09-26",
    source: `${CIFRAS}; ${IPSOS}; ${RESULT}`,
    bundle: { land: "reform", politics: "seats", justice: "jep", drugs: "substitution", disarmament: "un-verified" },
    notes: {
      land: "point 1: comprehensive rural reform, a land fund of 3 million hectares",
      politics: "point 2 and 3.2: the FARC's party with 5 + 5 guaranteed seats for two terms",
      justice: `point 5: ${justice.jep}`,
      drugs: "point 4: voluntary substitution programmes",
      disarmament: "point 3: weapons handed to the UN mission within 180 days",
    },
  },
  control: {
    government: {
      issues: ["land", "politics", "justice", "drugs"],
      note: {
        text: "Land reform, the guaranteed seats, the special jurisdiction (JEP) and crop substitution needed laws and budgets of the Colombian state: the government and Congress could pass, cut or delay them.",
        source: WOLA,
        confidence: "medium",
      },
    },
    farc: {
      issues: ["disarmament"],
      note: {
        text: "Handing in the weapons under UN verification was the FARC's act.",
        source: WOLA,
        confidence: "medium",
      },
    },
  },
};
