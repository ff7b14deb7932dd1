import type { Scenario } from "../model/types.js";
import { ordinalScales, reasonedParty } from "./build.js";
import type { HistoricalCase } from "./types.js";

const MITCHELL = "George J. Mitchell, Making Peace (Knopf, 1999)";
const POWELL = "Jonathan Powell, Great Hatred, Little Room: Making Peace in Northern Ireland (Bodley Head, 2008)";
const ELTE =
  "ELTE teaching notes, 'The Belfast Agreement', https://gepeskonyv.btk.elte.hu/adatok/Anglisztika/49Pint%e9r/LRSetup/REPUBLIC%20OF%20IRELAND/HISTORY/BELFAST%20AGREEMENT.htm";
const PROCESS =
  "'Northern Ireland peace process' (encyclopaedia entry), https://web-production-4e80b.up.railway.app/page/Northern_Ireland_peace_process";
const BEFORE =
  "Reasoned from the situation in early 1998 (the IRA ceasefire of July 1997, the Frameworks Documents of 1995, the Mitchell principles, unionist 'no guns, no government'), not from the agreement.";

const scenario: Scenario = {
  id: "good-friday-1998",
  title: "Belfast (Good Friday) Agreement, April 1998",
  date: "1998-04",
  description:
    "The multi-party talks chaired by George Mitchell: the Ulster Unionists, Sinn Fein, and the British and Irish governments (the SDLP, loyalist and other parties are left out to keep the case small). Government of Northern Ireland, Articles 2 and 3 and consent, cross-border bodies, prisoners, decommissioning and policing. Every number is a labelled assumption reasoned from the situation before the talks closed.",
  sources: [
    { title: MITCHELL, date: "1999", note: "the chair's account of the talks" },
    { title: POWELL, date: "2008", note: "the British negotiator's account" },
    {
      title: "The Belfast Agreement (teaching notes)",
      url: "https://gepeskonyv.btk.elte.hu/adatok/Anglisztika/49Pint%e9r/LRSetup/REPUBLIC%20OF%20IRELAND/HISTORY/BELFAST%20AGREEMENT.htm",
      note: "main provisions: consent, power-sharing by d'Hondt, North-South Ministerial Council, prisoners within two years, two-year decommissioning target, Articles 2 and 3 amended",
    },
    {
      title: "Northern Ireland peace process",
      url: "https://web-production-4e80b.up.railway.app/page/Northern_Ireland_peace_process",
      note: "referendums of 22 May 1998: 71.1% yes in Northern Ireland, 94.4% in the Republic; decommissioning delayed until 2005",
    },
  ],
  issues: ordinalScales(
    [
      {
        id: "government",
        label: "Government of Northern Ireland",
        options: [
          {
            id: "power-sharing",
            label: "Power-sharing executive",
            description: "Assembly by proportional representation, executive by d'Hondt, cross-community votes.",
          },
          { id: "majority-rule", label: "Majority rule", description: "A Stormont-style majority government." },
          { id: "direct-rule", label: "Direct rule", description: "Government from London continues." },
        ],
      },
      {
        id: "constitution",
        label: "Consent and Articles 2 and 3",
        options: [
          {
            id: "consent",
            label: "Consent principle, Articles 2 and 3 amended",
            description:
              "Unity only by majority consent in Northern Ireland; the Republic's territorial claim becomes an aspiration.",
          },
          { id: "claim-kept", label: "Territorial claim kept", description: "Articles 2 and 3 unchanged." },
        ],
      },
      {
        id: "cross-border",
        label: "Cross-border institutions",
        options: [
          {
            id: "executive-bodies",
            label: "All-Ireland bodies with executive powers",
            description: "Free-standing bodies with their own powers (the 1995 Frameworks Documents).",
          },
          {
            id: "ministerial-council",
            label: "North-South Ministerial Council",
            description: "A council accountable to the Assembly, with implementation bodies on agreed matters.",
          },
          { id: "none", label: "None" },
        ],
      },
      {
        id: "prisoners",
        label: "Paramilitary prisoners",
        options: [
          {
            id: "release-2y",
            label: "Released within two years",
            description: "If their organisations keep the ceasefire.",
          },
          { id: "case-by-case", label: "Case by case", description: "Ordinary remission and review." },
          { id: "none", label: "No early release" },
        ],
      },
      {
        id: "decommissioning",
        label: "Decommissioning of paramilitary weapons",
        options: [
          { id: "prior", label: "Before entering government", description: "'No guns, no government'." },
          {
            id: "within-2y",
            label: "Target within two years",
            description:
              "Parties 'use any influence they may have' to achieve it within two years; not a precondition.",
          },
          { id: "none", label: "No commitment" },
        ],
      },
      {
        id: "policing",
        label: "Policing",
        options: [
          {
            id: "commission",
            label: "Independent commission on policing",
            description: "Reform to be designed by an independent commission.",
          },
          { id: "ruc-unchanged", label: "RUC unchanged" },
          { id: "disband", label: "RUC disbanded" },
        ],
      },
    ],
    "Ranked from one pole of the dispute to the other on each issue.",
    {
      government: ["majority-rule", "power-sharing", "direct-rule"],
      policing: ["ruc-unchanged", "commission", "disband"],
    },
  ),
  parties: [
    reasonedParty(
      {
        id: "unionists",
        label: "Ulster Unionists (UUP)",
        description: "Trimble's party, the largest unionist party, in the talks while the DUP walked out.",
      },
      {
        source: `${MITCHELL}; ${POWELL}; ${PROCESS}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          government: [15, "devolution back to Belfast, but with nationalists"],
          constitution: [30, "the Union secured by consent and the end of the Republic's claim was Trimble's prize"],
          "cross-border": [20, "free-standing all-Ireland bodies looked like creeping unification"],
          prisoners: [10, "deeply unpopular with unionist voters"],
          decommissioning: [15, "'no guns, no government' was the party line"],
          policing: [10, "the RUC was a unionist institution"],
        },
        values: {
          government: {
            "majority-rule": [10, "unionists are the majority"],
            "power-sharing": [6, "devolution with a unionist First Minister"],
            "direct-rule": [3, "London decides"],
          },
          constitution: { consent: [10, "the Union secured"], "claim-kept": [0, "the claim stands"] },
          "cross-border": {
            none: [10, "no Irish dimension"],
            "ministerial-council": [6, "accountable to the Assembly"],
            "executive-bodies": [0, "joint authority by stealth"],
          },
          prisoners: {
            none: [10, "justice served"],
            "case-by-case": [6, "tolerable"],
            "release-2y": [1, "terrorists freed"],
          },
          decommissioning: {
            prior: [10, "the party line"],
            "within-2y": [4, "a promise only"],
            none: [0, "armed parties in government"],
          },
          policing: {
            "ruc-unchanged": [10, "keep the RUC"],
            commission: [5, "reform, not abolition"],
            disband: [0, "unthinkable"],
          },
        },
        reservation: [
          0.45,
          "no deal meant direct rule with growing Irish influence under the 1985 Anglo-Irish Agreement, which unionists hated; Trimble wanted devolution back but could not afford to look soft before the DUP.",
        ],
        redLines: [
          {
            issue: "cross-border",
            reject: ["executive-bodies"],
            reason: "no free-standing all-Ireland executive bodies",
          },
        ],
        redLinesNote: [
          "The UUP rejected the 1995 Frameworks Documents' free-standing bodies; Mitchell's first draft (6 April) was refused by Trimble on exactly this point (Mitchell 1999).",
          "medium",
        ],
      },
    ),
    reasonedParty(
      {
        id: "sinn-fein",
        label: "Sinn Fein",
        description: "Adams and McGuinness, back in the talks after the IRA's July 1997 ceasefire.",
      },
      {
        source: `${MITCHELL}; ${POWELL}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          government: [15, "a share of power, not a return to Stormont"],
          constitution: [15, "consent was a big ideological concession"],
          "cross-border": [20, "an all-Ireland dimension was the path to unity"],
          prisoners: [25, "the movement's base demanded the prisoners out"],
          decommissioning: [15, "surrender of weapons before talks was refused"],
          policing: [10, "the RUC was distrusted by nationalists"],
        },
        values: {
          government: {
            "power-sharing": [10, "in government by right"],
            "direct-rule": [3, "the status quo"],
            "majority-rule": [0, "back to Stormont"],
          },
          constitution: {
            "claim-kept": [10, "no formal acceptance of partition"],
            consent: [4, "unity by referendum, a road left open"],
          },
          "cross-border": {
            "executive-bodies": [10, "the Frameworks Documents"],
            "ministerial-council": [6, "a real all-Ireland dimension"],
            none: [0, "none"],
          },
          prisoners: { "release-2y": [10, "all out"], "case-by-case": [3, "slow"], none: [0, "none"] },
          decommissioning: {
            none: [10, "no surrender"],
            "within-2y": [7, "no precondition, a target only"],
            prior: [0, "surrender, the IRA would split"],
          },
          policing: {
            disband: [10, "the RUC gone"],
            commission: [6, "a new police in time"],
            "ruc-unchanged": [0, "unacceptable"],
          },
        },
        reservation: [
          0.45,
          "the ceasefire held and the strategy had turned political; returning to violence would cost the electoral gains, but Sinn Fein could wait for a better deal with a new Labour government.",
        ],
        redLines: [
          {
            issue: "decommissioning",
            reject: ["prior"],
            reason: "no decommissioning as a precondition for entering government",
          },
        ],
        redLinesNote: [
          "The IRA refused prior decommissioning throughout 1996-98 (the Mitchell report of January 1996 proposed parallel decommissioning for that reason).",
          "high",
        ],
      },
    ),
    reasonedParty(
      {
        id: "uk",
        label: "British government",
        description: "Blair's government, newly elected with a large majority, wanting a settlement.",
      },
      {
        source: `${POWELL}; ${MITCHELL}`,
        confidence: "medium",
        weightsPreamble: BEFORE,
        weights: {
          government: [25, "a working devolved government is the point"],
          constitution: [20, "consent secures Northern Ireland's status"],
          "cross-border": [10, "acceptable if unionists can live with it"],
          prisoners: [10, "the price of ending violence"],
          decommissioning: [20, "needed to keep unionists in"],
          policing: [15, "reform to win nationalist support"],
        },
        values: {
          government: {
            "power-sharing": [10, "the goal"],
            "majority-rule": [2, "nationalists would walk"],
            "direct-rule": [1, "failure"],
          },
          constitution: {
            consent: [10, "the British position since Sunningdale"],
            "claim-kept": [2, "unionists would walk"],
          },
          "cross-border": {
            "ministerial-council": [10, "balanced"],
            "executive-bodies": [5, "unionists object"],
            none: [3, "nationalists object"],
          },
          prisoners: {
            "release-2y": [8, "costly but needed"],
            "case-by-case": [6, "slower"],
            none: [2, "no republican buy-in"],
          },
          decommissioning: {
            "within-2y": [10, "both sides can live with it"],
            prior: [5, "blocks Sinn Fein"],
            none: [2, "blocks unionists"],
          },
          policing: {
            commission: [10, "depoliticises it"],
            "ruc-unchanged": [3, "no nationalist support"],
            disband: [2, "unionist revolt"],
          },
        },
        reservation: [
          0.35,
          "direct rule was costly and the new government had invested heavily in the talks; almost any agreement both communities could live with was better.",
        ],
      },
    ),
    reasonedParty(
      { id: "ireland", label: "Irish government", description: "Ahern's government, co-guarantor of the process." },
      {
        source: `${POWELL}; ${MITCHELL}`,
        confidence: "low",
        weightsPreamble: BEFORE,
        weights: {
          government: [25, "power-sharing protects nationalists"],
          constitution: [15, "amending Articles 2 and 3 needs a referendum in the Republic"],
          "cross-border": [25, "the Irish dimension was Dublin's price"],
          prisoners: [10, "including prisoners in the Republic"],
          decommissioning: [10, "wanted, not as a precondition"],
          policing: [15, "policing reform for nationalist confidence"],
        },
        values: {
          government: {
            "power-sharing": [10, "the goal"],
            "direct-rule": [3, "with Dublin's say under the 1985 agreement"],
            "majority-rule": [0, "Stormont again"],
          },
          constitution: {
            consent: [8, "Dublin offered it in exchange for the Irish dimension"],
            "claim-kept": [5, "no referendum needed, but no deal"],
          },
          "cross-border": {
            "executive-bodies": [10, "the Frameworks Documents"],
            "ministerial-council": [8, "enough"],
            none: [0, "no Irish dimension"],
          },
          prisoners: { "release-2y": [9, "the price of peace"], "case-by-case": [5, "slow"], none: [1, "no deal"] },
          decommissioning: { "within-2y": [10, "parallel"], prior: [3, "blocks Sinn Fein"], none: [4, "risky"] },
          policing: {
            commission: [10, "reform"],
            disband: [6, "unionist revolt"],
            "ruc-unchanged": [0, "nationalist alienation"],
          },
        },
        reservation: [
          0.35,
          "Dublin wanted a settlement almost as much as London and had the 1985 agreement as a fallback.",
        ],
      },
    ),
  ],
};

/**
 * The Belfast (Good Friday) Agreement of 10 April 1998: the UUP, Sinn Fein and the British and Irish
 * governments (a four-party reduction of the talks); approved by referendums on 22 May 1998.
 * `treatylab analyze good-friday-1998`.
 *
 * @example
 * ```ts
 * import { checkProposal, historicalCase } from "treatylab";
 * const c = historicalCase("good-friday-1998");
 * checkProposal(c.scenario, c.text.bundle).acceptedByAll;
 * ```
 */
export const goodFriday1998: HistoricalCase = {
  id: "good-friday-1998",
  title: scenario.title!,
  date: "1998-04-10",
  kind: "intrastate power-sharing settlement, two governments as guarantors",
  outcome: "agreement",
  record:
    "Signed on 10 April 1998; approved on 22 May 1998 by 71.1% in Northern Ireland and 94.4% in the Republic. The Assembly was repeatedly suspended and the IRA decommissioned only in 2005, but the settlement holds.",
  sources: scenario.sources!,
  scenario,
  text: {
    title: "The Belfast Agreement (Multi-Party Agreement and British-Irish Agreement)",
    date: "1998-04-10",
    source: `${ELTE}; ${MITCHELL}`,
    bundle: {
      government: "power-sharing",
      constitution: "consent",
      "cross-border": "ministerial-council",
      prisoners: "release-2y",
      decommissioning: "within-2y",
      policing: "commission",
    },
    notes: {
      government: "Strand One: Assembly by single transferable vote, executive by d'Hondt, cross-community voting",
      constitution: "constitutional issues: consent principle; Articles 2 and 3 amended (Nineteenth Amendment)",
      "cross-border":
        "Strand Two: North-South Ministerial Council and implementation bodies, accountable to the Assembly",
      prisoners: "accelerated release within two years for prisoners of organisations on ceasefire",
      decommissioning: "parties to use any influence to achieve decommissioning within two years of the referendums",
      policing: "an independent commission on policing (the Patten commission)",
    },
  },
  control: {
    unionists: {
      issues: ["government"],
      note: {
        text: "The UUP could bring down power-sharing by resigning from the executive (as Trimble later threatened over decommissioning), leaving direct rule. The cross-border bodies needed both governments and the new executive, so no single party controls them: they stay at the text.",
        source: MITCHELL,
        confidence: "medium",
      },
    },
    "sinn-fein": {
      issues: ["decommissioning"],
      note: {
        text: "Decommissioning was the IRA's act; Sinn Fein spoke for the republican movement in the talks.",
        source: MITCHELL,
        confidence: "medium",
      },
    },
    uk: {
      issues: ["prisoners", "policing"],
      note: {
        text: "Early release (the Northern Ireland (Sentences) Act) and the reform of the RUC were Westminster's legislation and executive acts.",
        source: POWELL,
        confidence: "medium",
      },
    },
    ireland: {
      issues: ["constitution"],
      note: {
        text: "Amending Articles 2 and 3 was the Irish government's referendum to hold (or not).",
        source: POWELL,
        confidence: "medium",
      },
    },
  },
};
