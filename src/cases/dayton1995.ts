import type { Scenario } from "../model/types.js";
import { ordinalScales, reasonedParty } from "./build.js";
import type { HistoricalCase } from "./types.js";

const HOLBROOKE = "Richard Holbrooke, To End a War (Random House, 1998)";
const COMMONS =
  "House of Commons Library, 'The Dayton Agreement: Progress in Implementation', Research Paper 96/80, 9 July 1996, https://docslib.org/doc/2389095/dayton-agreement-progress-in-implementation";
const BRCKO =
  "Constitution of Bosnia and Herzegovina commentary, 'Brcko as per the Dayton Agreement', https://ustavbih.ba/en/article-vi-constitutional-court-of-bosnia-and-herzegovina/e-brcko-district-constitution-and-law/international-position-of-the-brcko-district/brcko-as-per-the-dayton-agreement";
const BEFORE =
  "Reasoned from the situation in October 1995 (after Operation Storm, NATO's Deliberate Force and the Federation offensive; the Contact Group's 51/49 plan of 1994; the Geneva principles of 8 September 1995), not from the agreement.";

const scenario: Scenario = {
  id: "dayton-1995",
  title: "Dayton, November 1995 (Bosnia and Herzegovina)",
  date: "1995-11",
  description:
    "The Bosnian government, Serbia (holding the Bosnian Serbs' power of attorney) and Croatia at Wright-Patterson Air Force Base, 1-21 November 1995: the territorial split, the state's structure, Sarajevo, Brcko, the Gorazde corridor, refugee return and the implementation force. Every number is a labelled assumption reasoned from the situation before the talks.",
  sources: [
    {
      title: HOLBROOKE,
      date: "1998",
      note: "the negotiator's account: Sarajevo conceded by Milosevic, Brcko left open, the Gorazde corridor, the 51/49 map",
    },
    {
      title: "House of Commons Library Research Paper 96/80",
      date: "1996-07-09",
      url: "https://docslib.org/doc/2389095/dayton-agreement-progress-in-implementation",
      note: "main provisions, IFOR, sanctions suspension",
    },
    {
      title: "Brcko as per the Dayton Agreement",
      url: "https://ustavbih.ba/en/article-vi-constitutional-court-of-bosnia-and-herzegovina/e-brcko-district-constitution-and-law/international-position-of-the-brcko-district/brcko-as-per-the-dayton-agreement",
      note: "no agreement on Brcko at Dayton: binding arbitration (Annex 2, art. V)",
    },
  ],
  issues: ordinalScales(
    [
      {
        id: "split",
        label: "Territorial split (Federation / Serb entity)",
        options: [
          {
            id: "fed-58",
            label: "58/42",
            description: "The Federation keeps about what it held after the autumn offensives plus more.",
          },
          { id: "fed-51", label: "51/49", description: "The Contact Group's 1994 ratio." },
          { id: "fed-45", label: "45/55", description: "The Serbs keep more than the Contact Group ratio." },
        ],
      },
      {
        id: "structure",
        label: "Structure of the state",
        options: [
          { id: "unitary", label: "Unitary state", description: "One state with strong central government." },
          {
            id: "two-entities",
            label: "One state, two entities",
            description: "Two entities (Federation, Republika Srpska) with a weak central government.",
          },
          { id: "secession-right", label: "Right to secede", description: "The Serb entity may join Serbia." },
        ],
      },
      {
        id: "sarajevo",
        label: "Sarajevo",
        options: [
          {
            id: "united",
            label: "United, in the Federation",
            description: "The whole city, Serb suburbs included, to the Federation.",
          },
          { id: "divided", label: "Divided", description: "Serb-held suburbs stay in the Serb entity." },
        ],
      },
      {
        id: "brcko",
        label: "Brcko",
        options: [
          { id: "federation", label: "To the Federation" },
          {
            id: "rs",
            label: "To the Serb entity",
            description: "The Posavina corridor linking the two halves of the Serb entity stays Serb.",
          },
          {
            id: "arbitration",
            label: "Binding arbitration",
            description: "Decided by an arbitral tribunal within a year.",
          },
        ],
      },
      {
        id: "gorazde",
        label: "Gorazde",
        options: [
          { id: "corridor", label: "Land corridor to the Federation" },
          { id: "enclave", label: "Enclave", description: "An enclave surrounded by the Serb entity." },
        ],
      },
      {
        id: "refugees",
        label: "Refugees",
        options: [
          {
            id: "right-of-return",
            label: "Right of return",
            description: "All refugees and displaced persons may return home (Annex 7).",
          },
          { id: "no-return", label: "No return", description: "Population transfers stand." },
        ],
      },
      {
        id: "force",
        label: "Implementation force",
        options: [
          {
            id: "nato",
            label: "NATO-led, US troops",
            description: "A NATO force of about 60,000 with US ground troops.",
          },
          { id: "un", label: "UN peacekeepers", description: "UNPROFOR-style blue helmets." },
        ],
      },
    ],
    "Ranked from one pole of the dispute to the other on each issue.",
    { brcko: ["federation", "arbitration", "rs"] },
  ),
  parties: [
    reasonedParty(
      {
        id: "bosnia",
        label: "Bosnian government",
        description: "Izetbegovic's government in Sarajevo, on the offensive in autumn 1995.",
      },
      {
        source: `${HOLBROOKE}; ${COMMONS}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          split: [15, "more land, but the government accepted 51/49 in 1994"],
          structure: [25, "a single state was its war aim"],
          sarajevo: [20, "the capital, besieged since 1992"],
          brcko: [10, "cuts the Serb corridor"],
          gorazde: [10, "the last eastern enclave after Srebrenica"],
          refugees: [10, "undo ethnic cleansing"],
          force: [10, "only a NATO force with US troops could be trusted after Srebrenica"],
        },
        values: {
          split: {
            "fed-58": [10, "the battlefield trend"],
            "fed-51": [7, "the ratio accepted in 1994"],
            "fed-45": [0, "rewards conquest"],
          },
          structure: {
            unitary: [10, "the war aim"],
            "two-entities": [5, "a state survives"],
            "secession-right": [0, "partition"],
          },
          sarajevo: { united: [10, "the siege ends for good"], divided: [2, "Serb guns stay on the hills"] },
          brcko: {
            federation: [10, "the corridor is cut"],
            arbitration: [5, "still open"],
            rs: [2, "the Serb entity stays whole"],
          },
          gorazde: { corridor: [10, "the enclave is saved"], enclave: [2, "another Srebrenica"] },
          refugees: {
            "right-of-return": [10, "reverses ethnic cleansing on paper"],
            "no-return": [0, "cleansing ratified"],
          },
          force: { nato: [10, "credible"], un: [1, "UNPROFOR failed"] },
        },
        reservation: [
          0.45,
          "fighting on looked promising in October 1995, but the US had signalled it would not back further advances and the army was stretched; the government would take a deal that kept the state and Sarajevo.",
        ],
        redLines: [{ issue: "structure", reject: ["secession-right"], reason: "no partition of Bosnia" }],
        redLinesNote: [
          "The Geneva principles of 8 September 1995 already fixed one state; a right to secede was excluded by all Contact Group plans.",
          "high",
        ],
      },
    ),
    reasonedParty(
      {
        id: "serbs",
        label: "Serbia for the Bosnian Serbs",
        description:
          "Milosevic, negotiating for the Bosnian Serbs (the Patriarch paper of August 1995), wanting UN sanctions on Serbia lifted.",
      },
      {
        source: `${HOLBROOKE}; ${COMMONS}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          split: [20, "the Bosnian Serbs' territory, shrinking since August"],
          structure: [25, "the Serb entity's own state institutions"],
          sarajevo: [10, "Milosevic cared little; the Pale leadership a great deal"],
          brcko: [20, "the corridor holds the Serb entity together"],
          gorazde: [5, "an enclave in the Drina valley"],
          refugees: [10, "return would undo the Serb entity's homogeneity"],
          force: [10, "Milosevic preferred a force that would not hunt war criminals"],
        },
        values: {
          split: {
            "fed-45": [10, "keep more"],
            "fed-51": [7, "the Contact Group ratio, in line with the post-offensive map"],
            "fed-58": [2, "a loss"],
          },
          structure: {
            "secession-right": [10, "the war aim of the Pale leadership"],
            "two-entities": [8, "Republika Srpska recognised as an entity"],
            unitary: [0, "dissolves the Serb entity"],
          },
          sarajevo: { divided: [10, "the Serb suburbs kept"], united: [3, "Milosevic gave them up at Dayton"] },
          brcko: {
            rs: [10, "the corridor is Serb"],
            arbitration: [6, "the corridor stays Serb until the ruling"],
            federation: [0, "the Serb entity cut in two"],
          },
          gorazde: { enclave: [10, "the Drina valley Serb"], corridor: [5, "tolerable"] },
          refugees: {
            "no-return": [10, "homogeneous entity"],
            "right-of-return": [4, "on paper, enforceable only with difficulty"],
          },
          force: { un: [10, "weak"], nato: [5, "accepted if it does not arrest"] },
        },
        reservation: [
          0.45,
          "after Operation Storm, Deliberate Force and the Federation offensive, the Serbs were losing ground weekly, and Serbia's economy was strangled by sanctions; Milosevic needed a deal, but the Bosnian Serbs could still hold a shrinking territory.",
        ],
        redLines: [{ issue: "structure", reject: ["unitary"], reason: "the Serb entity must survive" }],
        redLinesNote: [
          "The Geneva principles of 8 September 1995 recognised Republika Srpska as an entity; a unitary state was off the table.",
          "high",
        ],
      },
    ),
    reasonedParty(
      {
        id: "croatia",
        label: "Croatia",
        description:
          "Tudjman, speaking for the Bosnian Croats, the Federation's partner, victorious after Operation Storm.",
      },
      {
        source: `${HOLBROOKE}; ${COMMONS}`,
        confidence: "low",
        weightsPreamble: BEFORE,
        weights: {
          split: [25, "Croat-held land is in the Federation's share"],
          structure: [30, "a weak centre leaves Herceg-Bosna room inside the Federation"],
          sarajevo: [5, "little Croat interest"],
          brcko: [10, "Posavina Croats lived around Brcko"],
          gorazde: [0, "no Croat interest"],
          refugees: [10, "Croat returns to Posavina, but Serb returns to Croatia are unwelcome"],
          force: [20, "a NATO force secures Croatia's gains and Eastern Slavonia"],
        },
        values: {
          split: {
            "fed-58": [10, "more for the Federation"],
            "fed-51": [8, "enough"],
            "fed-45": [0, "loses Croat gains"],
          },
          structure: {
            "two-entities": [10, "room for Croat autonomy"],
            "secession-right": [6, "sets a precedent Herceg-Bosna could use"],
            unitary: [2, "Bosniak majority rule"],
          },
          sarajevo: { united: [8, "the Federation's capital"], divided: [5, "indifferent"] },
          brcko: { federation: [10, "Posavina"], arbitration: [5, "open"], rs: [2, "lost"] },
          refugees: { "no-return": [6, "protects the Krajina outcome"], "right-of-return": [5, "a mixed blessing"] },
          force: { nato: [10, "US commitment"], un: [2, "UNPROFOR again"] },
        },
        reservation: [
          0.4,
          "Croatia had won its war in August 1995 and wanted Western favour; fighting on in Bosnia gained little, so most settlements keeping the Federation beat it.",
        ],
      },
    ),
  ],
};

/**
 * Dayton 1995: the Bosnian government, Serbia (for the Bosnian Serbs) and Croatia; initialled at
 * Dayton on 21 November 1995, signed in Paris on 14 December 1995. `treatylab analyze dayton-1995`.
 *
 * @example
 * ```ts
 * import { checkProposal, historicalCase } from "treatylab";
 * const c = historicalCase("dayton-1995");
 * checkProposal(c.scenario, c.text.bundle).rejectedBy;
 * ```
 */
export const dayton1995: HistoricalCase = {
  id: "dayton-1995",
  title: scenario.title!,
  date: "1995-11-21",
  kind: "civil war settlement, mediated, with outside patrons",
  outcome: "agreement",
  record:
    "Initialled at Dayton on 21 November 1995 and signed in Paris on 14 December 1995; IFOR deployed; Brcko was left to arbitration (award of 1999). The ceasefire has held since (House of Commons Library, 9 July 1996).",
  sources: scenario.sources!,
  scenario,
  text: {
    title: "General Framework Agreement for Peace in Bosnia and Herzegovina",
    date: "1995-11-21",
    source: `${COMMONS}; ${BRCKO}; ${HOLBROOKE}`,
    bundle: {
      split: "fed-51",
      structure: "two-entities",
      sarajevo: "united",
      brcko: "arbitration",
      gorazde: "corridor",
      refugees: "right-of-return",
      force: "nato",
    },
    notes: {
      split: "the map gives the Federation 51% and Republika Srpska 49%",
      structure: "Annex 4: one state, two entities, weak central institutions",
      sarajevo: "Milosevic conceded the Serb suburbs of Sarajevo to the Federation",
      brcko: "Annex 2, art. V: binding arbitration within a year",
      gorazde: "a land corridor links Gorazde to the Federation",
      refugees: "Annex 7: right to return home",
      force: "Annex 1A: IFOR, NATO-led, about 60,000 troops including US ground forces",
    },
  },
  control: {
    bosnia: {
      issues: ["split"],
      note: {
        text: "The map required the Federation to hand over ground its forces held after the autumn 1995 offensive (around Mrkonjic Grad and Sipovo); keeping it (the 58 % line) was its army's choice. The force (IFOR) needed NATO, not one of the parties: it stays at the text. The mapping keeps only what one party could do or undo on the ground.",
        source: COMMONS,
        confidence: "low",
      },
    },
    serbs: {
      issues: ["structure", "sarajevo", "brcko", "gorazde"],
      note: {
        text: "The Bosnian Serbs held the Sarajevo suburbs, Brcko and the land of the Gorazde corridor, and ran the Republika Srpska institutions: handing over, abiding by the Brcko arbitration or pressing for secession was theirs to do or refuse.",
        source: COMMONS,
        confidence: "low",
      },
    },
    croatia: {
      issues: ["refugees"],
      note: {
        text: "Returns to the Croat-held areas of the Federation (Herzegovina) and to Croatia's Krajina depended on Zagreb and the Herceg-Bosna authorities, who could block them.",
        source: COMMONS,
        confidence: "low",
      },
    },
  },
};
