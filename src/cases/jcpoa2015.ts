import type { Scenario } from "../model/types.js";
import { ordinalScales, reasonedParty } from "./build.js";
import type { HistoricalCase } from "./types.js";

const CRS =
  "Paul K. Kerr and Kenneth Katzman, 'Iran Nuclear Agreement and U.S. Exit', Congressional Research Service R43333, 20 July 2018, https://wixlib.com/document/21cab_iran-nuclear-agreement-and-u-s-exit.html";
const EPRS =
  "European Parliamentary Research Service, 'The nuclear agreement with Iran', briefing, 20 January 2016, https://theme-one.epthinktank.be/2016/01/20/the-nuclear-agreement-with-iran/eprs-briefing-572820-iran-nuclear-agreement_final2_1/";
const GLOBE =
  "The Globe and Mail (Associated Press), 'Main takeaways from the nuclear deal between Iran and world powers', 14 July 2015, https://beta.theglobeandmail.com/news/world/main-takeaways-from-the-nuclear-deal-between-iran-and-world-powers/article25510398/";
const HSNW =
  "Homeland Security News Wire, 'The nuclear deal with Iran: Highlights', 15 July 2015, http://www.homelandsecuritynewswire.com/dr20150715-the-nuclear-deal-with-iran-highlights";
const SHERMAN = "Wendy Sherman, Not for the Faint of Heart (PublicAffairs, 2018)";
const BEFORE =
  "Reasoned from the situation after the Joint Plan of Action (November 2013) and before the Lausanne framework (April 2015): UN resolutions demanding zero enrichment, Iran's ~19,000 installed centrifuges and 20% enrichment, the oil and banking sanctions; not from the agreement.";

const scenario: Scenario = {
  id: "jcpoa-2015",
  title: "Iran nuclear deal (JCPOA), July 2015",
  date: "2015-07",
  description:
    "Iran, the United States and the E3/EU (standing in for the P5+1, with Russia and China folded into them) in Vienna: enrichment level, centrifuges, stockpile, the Arak reactor, inspections, sanctions relief and its timing, and the sunset of the limits. Every number is a labelled assumption reasoned from the situation before the deal.",
  sources: [
    {
      title: "Congressional Research Service R43333",
      date: "2018-07-20",
      url: "https://wixlib.com/document/21cab_iran-nuclear-agreement-and-u-s-exit.html",
      note: "JCPOA finalised 14 July 2015, Implementation Day 16 January 2016",
    },
    {
      title: "EPRS briefing, The nuclear agreement with Iran",
      date: "2016-01-20",
      url: "https://theme-one.epthinktank.be/2016/01/20/the-nuclear-agreement-with-iran/eprs-briefing-572820-iran-nuclear-agreement_final2_1/",
      note: "3.67% for 15 years; stockpile from 10,000 kg to 300 kg",
    },
    {
      title: "The Globe and Mail / AP, main takeaways",
      date: "2015-07-14",
      url: "https://beta.theglobeandmail.com/news/world/main-takeaways-from-the-nuclear-deal-between-iran-and-world-powers/article25510398/",
      note: "centrifuges from ~20,000 to 6,104 (about 5,000 enriching); 24-day access mechanism; sanctions suspended after verification; arms embargo 5 years, missiles 8",
    },
    {
      title: "Homeland Security News Wire, highlights",
      date: "2015-07-15",
      url: "http://www.homelandsecuritynewswire.com/dr20150715-the-nuclear-deal-with-iran-highlights",
      note: "Arak core removed and filled with concrete, reactor redesigned",
    },
    { title: SHERMAN, date: "2018", note: "the US negotiator's account" },
  ],
  issues: ordinalScales(
    [
      {
        id: "enrichment",
        label: "Enrichment level",
        options: [
          { id: "zero", label: "No enrichment", description: "The UN Security Council demand since 2006." },
          { id: "3.67", label: "Up to 3.67%", description: "Reactor grade." },
          { id: "20", label: "Up to 20%", description: "Iran's level before the 2013 interim deal." },
        ],
      },
      {
        id: "centrifuges",
        label: "Enriching centrifuges",
        options: [
          { id: "none", label: "None" },
          { id: "5060", label: "5,060 IR-1 at Natanz", description: "The oldest model only, for ten years." },
          { id: "19000", label: "About 19,000 (as installed)" },
        ],
      },
      {
        id: "stockpile",
        label: "Enriched-uranium stockpile",
        options: [
          { id: "300kg", label: "300 kg for 15 years", description: "About 98% shipped out or diluted." },
          { id: "current", label: "As it is", description: "Several thousand kilograms of low-enriched uranium." },
        ],
      },
      {
        id: "arak",
        label: "Arak heavy-water reactor",
        options: [
          { id: "dismantled", label: "Dismantled" },
          {
            id: "redesigned",
            label: "Redesigned",
            description:
              "Core removed and filled with concrete; rebuilt to make little plutonium; spent fuel shipped out.",
          },
          { id: "as-designed", label: "Finished as designed" },
        ],
      },
      {
        id: "inspections",
        label: "Inspections",
        options: [
          {
            id: "anywhere-anytime",
            label: "Anywhere, any time",
            description: "Including military sites without notice.",
          },
          { id: "ap-plus", label: "Additional Protocol plus 24-day access mechanism" },
          { id: "safeguards", label: "Safeguards only", description: "Declared sites only." },
        ],
      },
      {
        id: "sanctions",
        label: "Sanctions relief",
        options: [
          { id: "on-signature", label: "Lifted on signature" },
          {
            id: "on-verification",
            label: "Suspended on verification, with snapback",
            description:
              "Nuclear sanctions suspended once the IAEA verifies Iran's steps; they snap back on violation.",
          },
          { id: "gradual-years", label: "Phased over years" },
        ],
      },
      {
        id: "sunset",
        label: "Duration of the limits",
        options: [
          { id: "short", label: "About 5 years" },
          {
            id: "10-15",
            label: "10 to 15 years",
            description: "Centrifuge limits for 10 years, enrichment and stockpile limits for 15.",
          },
          { id: "20-plus", label: "20 years or more" },
        ],
      },
    ],
    "Ranked from one pole of the dispute to the other on each issue.",
  ),
  parties: [
    reasonedParty(
      {
        id: "iran",
        label: "Iran",
        description:
          "Rouhani's government, with Zarif negotiating under the Supreme Leader's red lines, and an economy hit by the 2012 oil and banking sanctions.",
      },
      {
        source: `${CRS}; ${SHERMAN}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          enrichment: [20, "the 'right to enrich' was the national cause"],
          centrifuges: [15, "industrial-scale enrichment was the stated goal (190,000 SWU, Khamenei, July 2014)"],
          stockpile: [5, "a bargaining chip"],
          arak: [5, "a prestige project"],
          inspections: [10, "military sites were a red line for the Leader"],
          sanctions: [35, "the economy was the reason Rouhani was elected"],
          sunset: [10, "shorter limits keep the programme's future"],
        },
        values: {
          enrichment: {
            "20": [10, "the pre-2013 level"],
            "3.67": [7, "the right to enrich recognised"],
            zero: [0, "capitulation"],
          },
          centrifuges: {
            "19000": [10, "all installed machines run"],
            "5060": [5, "a programme kept"],
            none: [0, "dismantled"],
          },
          stockpile: { current: [10, "leverage"], "300kg": [4, "shipped to Russia; tolerable"] },
          arak: { "as-designed": [10, "finished"], redesigned: [6, "the reactor survives"], dismantled: [0, "loss"] },
          inspections: {
            safeguards: [10, "no intrusion"],
            "ap-plus": [6, "managed access"],
            "anywhere-anytime": [0, "military sites opened"],
          },
          sanctions: {
            "on-signature": [10, "Khamenei's demand of April 2015"],
            "on-verification": [7, "months, not years"],
            "gradual-years": [1, "nothing for years"],
          },
          sunset: { short: [10, "soon free"], "10-15": [6, "a decade"], "20-plus": [1, "a generation"] },
        },
        reservation: [
          0.45,
          "no deal meant sanctions and a shrinking economy, with an Israeli or US strike possible; but Iran had lived with sanctions for years and hardliners preferred resistance, so the government needed a clear gain.",
        ],
        redLines: [
          { issue: "enrichment", reject: ["zero"], reason: "the right to enrich on Iranian soil" },
          { issue: "inspections", reject: ["anywhere-anytime"], reason: "no inspection of military sites at will" },
        ],
        redLinesNote: [
          "Both were stated publicly by Khamenei (enrichment since 2005; military sites in his speech of 20 May 2015) and accepted as such in the 2013 interim deal (which allowed enrichment).",
          "high",
        ],
      },
    ),
    reasonedParty(
      {
        id: "us",
        label: "United States",
        description:
          "Obama's administration, seeking to lengthen Iran's breakout time to a year without a war, facing a hostile Congress.",
      },
      {
        source: `${CRS}; ${SHERMAN}; ${HSNW}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          enrichment: [15, "the bomb path through enrichment"],
          centrifuges: [20, "breakout time is set by centrifuges and stockpile"],
          stockpile: [15, "ditto"],
          arak: [10, "the plutonium path"],
          inspections: [15, "the covert path"],
          sanctions: [10, "leverage to keep, but the US accepted relief in principle"],
          sunset: [15, "Congress wanted permanence"],
        },
        values: {
          enrichment: {
            zero: [10, "the UN demand"],
            "3.67": [7, "accepted in the 2013 interim deal's logic"],
            "20": [0, "close to weapons grade in effort"],
          },
          centrifuges: {
            none: [10, "no path"],
            "5060": [7, "a one-year breakout with the stockpile cut"],
            "19000": [0, "breakout in two to three months"],
          },
          stockpile: { "300kg": [10, "not enough for one weapon"], current: [0, "enough for several"] },
          arak: {
            dismantled: [10, "no plutonium"],
            redesigned: [9, "almost no plutonium"],
            "as-designed": [0, "a weapon's worth a year"],
          },
          inspections: {
            "anywhere-anytime": [10, "ideal"],
            "ap-plus": [7, "the covert path watched"],
            safeguards: [0, "blind"],
          },
          sanctions: {
            "gradual-years": [10, "leverage kept"],
            "on-verification": [7, "relief only after Iran acts"],
            "on-signature": [0, "leverage gone first"],
          },
          sunset: {
            "20-plus": [10, "near permanent"],
            "10-15": [6, "a decade of breakout time"],
            short: [0, "a pause"],
          },
        },
        reservation: [
          0.5,
          "no deal meant the 2013 interim freeze unravelling, a breakout time of two to three months and a choice between a strike and acquiescence; sanctions were eroding. Worth about half of the best deal.",
        ],
        redLines: [{ issue: "centrifuges", reject: ["19000"], reason: "breakout time under a year" }],
        redLinesNote: [
          "The one-year breakout goal was stated by US officials from 2014; it is incompatible with the installed centrifuges (CRS).",
          "medium",
        ],
      },
    ),
    reasonedParty(
      {
        id: "e3-eu",
        label: "E3 and EU",
        description:
          "France, Germany, the UK and the EU (standing in for the rest of the P5+1), wanting a deal and trade.",
      },
      {
        source: `${EPRS}; ${CRS}`,
        confidence: "low",
        weightsPreamble: BEFORE,
        weights: {
          enrichment: [15, "non-proliferation"],
          centrifuges: [15, "breakout"],
          stockpile: [15, "breakout"],
          arak: [10, "plutonium"],
          inspections: [15, "verification"],
          sanctions: [15, "European firms wanted Iran back"],
          sunset: [15, "France pushed for longer limits"],
        },
        values: {
          enrichment: { zero: [10, "the UN demand"], "3.67": [8, "acceptable"], "20": [0, "no"] },
          centrifuges: { none: [10, "no path"], "5060": [8, "acceptable"], "19000": [0, "no"] },
          stockpile: { "300kg": [10, "safe"], current: [0, "no"] },
          arak: { dismantled: [10, "safe"], redesigned: [9, "safe enough"], "as-designed": [0, "no"] },
          inspections: { "anywhere-anytime": [10, "ideal"], "ap-plus": [8, "standard plus"], safeguards: [1, "blind"] },
          sanctions: {
            "on-verification": [10, "trade resumes after verification"],
            "gradual-years": [6, "slow"],
            "on-signature": [3, "too soon"],
          },
          sunset: { "20-plus": [10, "France's preference"], "10-15": [7, "acceptable"], short: [1, "too short"] },
        },
        reservation: [
          0.5,
          "as the US: no deal meant a crisis and possibly a war in the region, but Europe would not accept a weak deal either.",
        ],
      },
    ),
  ],
};

/**
 * The Joint Comprehensive Plan of Action of 14 July 2015: Iran, the US and the E3/EU (the P5+1 in
 * short). `treatylab analyze jcpoa-2015`.
 *
 * @example
 * ```ts
 * import { checkProposal, historicalCase } from "treatylab";
 * const c = historicalCase("jcpoa-2015");
 * checkProposal(c.scenario, c.text.bundle).acceptedByAll;
 * ```
 */
export const jcpoa2015: HistoricalCase = {
  id: "jcpoa-2015",
  title: scenario.title!,
  date: "2015-07-14",
  kind: "arms control and sanctions bargain, multilateral",
  outcome: "agreement",
  record:
    "Finalised on 14 July 2015; Congress did not pass a resolution of disapproval; Implementation Day 16 January 2016. The US withdrew on 8 May 2018 (CRS R43333): implemented, then abandoned by one party, which the exact analysis does not model.",
  sources: scenario.sources!,
  scenario,
  text: {
    title: "Joint Comprehensive Plan of Action",
    date: "2015-07-14",
    source: `${EPRS}; ${GLOBE}; ${HSNW}`,
    bundle: {
      enrichment: "3.67",
      centrifuges: "5060",
      stockpile: "300kg",
      arak: "redesigned",
      inspections: "ap-plus",
      sanctions: "on-verification",
      sunset: "10-15",
    },
    notes: {
      enrichment: "up to 3.67% for 15 years",
      centrifuges: "no more than 5,060 IR-1 centrifuges enriching at Natanz for 10 years (6,104 installed in all)",
      stockpile: "300 kg of up to 3.67% UF6 for 15 years",
      arak: "core removed and filled with concrete, redesigned, spent fuel shipped out",
      inspections: "Additional Protocol and an access mechanism of at most 24 days for suspect sites",
      sanctions: "nuclear sanctions suspended on Implementation Day after IAEA verification, with snapback",
      sunset: "centrifuge limits 10 years, enrichment and stockpile limits 15 years",
    },
  },
  control: {
    iran: {
      issues: ["enrichment", "centrifuges", "stockpile", "arak", "inspections"],
      note: {
        text: "Enrichment, the centrifuges, the stockpile, the Arak reactor and the inspectors' access were Iran's to carry out or reverse. The E3/EU's own sanctions follow the same timing and the sunset dates are fixed in the text: both stay at the text.",
        source: CRS,
        confidence: "medium",
      },
    },
    us: {
      issues: ["sanctions"],
      note: {
        text: "US sanctions relief rested on executive waivers, which a president could withhold or revoke.",
        source: CRS,
        confidence: "medium",
      },
    },
  },
};
