/**
 * A graph model of the late-May-2025 situation around a Russia-Ukraine settlement: five decision
 * makers, ten binary options. Every preference statement is an assumption, labelled with its
 * reasoning and the stored news report it rests on (outlet, date, address). Statements are in
 * priority order (Fang, Hipel, Kilgour and Peng 2003): the first weighs more than all later ones
 * together. The model is a sketch for stability analysis, not a forecast.
 * @module
 */
import type { GraphModel, LabelledStatement } from "./model.js";

const REUTERS_VIA_BABEL =
  "Babel (reporting Reuters' three Russian sources), 28 May 2025, https://babel.ua/en/news/118335-reuters-putin-named-the-conditions-under-which-he-would-end-the-war-in-ukraine";
const NEWSCATS =
  "Newscats (summary of the Reuters report), 29 May 2025, https://newscats.org/putins-demands-for-peace-include-an-end-to-nato-enlargement-sources-say";
const HCN =
  "HCN Times (Reuters report; Trump: Putin 'playing with fire'), 28 May 2025, https://hcntimes.com/putins-five-conditions-to-end-the-ukraine-war";
const MENAFN =
  "MENAFN (Trump on Fox News: 'crushing' sanctions 'if we're not going to make a deal'), 17 May 2025, https://menafn.com/1109561786/Trump-issues-threat-to-Russia-with-crushing-sanctions";
const AVESTA =
  "Avesta (Bloomberg: European leaders to urge Trump to sanction Russia), 14 May 2025, https://en.avesta.tj/2025/05/14/european-leaders-to-urge-trump-to-impose-sanctions-on-russia-if-putin-refuses-to-meet-with-zelensky";
const MEDUZA =
  "Meduza (Financial Times: frozen assets as a guarantee in the European plan), 4 March 2025, https://meduza.io/en/news/2025/03/04/frozen-russian-assets-could-serve-as-security-guarantee-for-ukraine-under-european-peace-plan-ft";
const BABEL_GUARDIAN =
  "Babel (The Guardian: coalition of the willing in Kyiv, sanctions push), 12 May 2025, https://babel.ua/en/news/117909-the-guardian-trump-thwarts-europe-s-plans-by-calling-for-direct-talks-with-russia";
const NEWSNET =
  "News.net (AP: Kyiv's stance before the 2 June Istanbul talks), June 2025, https://news.net/serbia/news/putins-uncompromising-demands-emerge-after-the-latest-round-of-russia-ukraine-peace-talks";
const JHARKHAND =
  "Jharkhand Mirror (Reuters; Trump's own blame of NATO enlargement), 28 May 2025, https://www.jharkhandmirror.net/putin-ties-ukraine-war-end-to-nato-freeze-peace-terms-to-be-presented-in-istanbul";

// option indices
const ADVANCE = 0;
const RU_ACCEPTS_GUARANTEES = 1;
const NEUTRAL = 2;
const CEDE = 3;
const US_SANCTIONS = 4;
const US_GUARANTEES = 5;
const US_ARMS = 6;
const EU_GUARANTEES = 7;
const EU_RELEASE_ASSETS = 8;
const NATO_PLEDGE = 9;

const iff = (a: number, b: number): LabelledStatement["anyOf"] => [
  [
    [a, "Y"],
    [b, "Y"],
  ],
  [
    [a, "N"],
    [b, "N"],
  ],
];

/**
 * The built-in `ukraine-2025-may` graph model (states as Y/N strings over its ten options).
 *
 * @example
 * ```ts
 * analyzeStability(ukraineMay2025).equilibria.seq;
 * ```
 */
export const ukraineMay2025: GraphModel = {
  name: "Ukraine, late May 2025 (graph model)",
  description:
    "Who could defect from a settlement, late May 2025: Russia (keep advancing, accept Western guarantees for Ukraine), Ukraine (accept neutrality, cede de facto control), the US (new sanctions, guarantees, keep supplying arms), European states (guarantees, release frozen Russian assets) and NATO members (a written non-enlargement pledge).",
  options: [
    { name: "Russia keeps advancing" },
    { name: "Russia accepts Western guarantees for Ukraine" },
    { name: "Ukraine accepts neutrality" },
    { name: "Ukraine cedes de facto control of occupied land" },
    { name: "US imposes new sanctions" },
    { name: "US gives security guarantees" },
    { name: "US keeps supplying arms" },
    { name: "Europe gives security guarantees" },
    { name: "Europe releases frozen Russian assets", direction: "fwd" },
    { name: "NATO members sign a written non-enlargement pledge", direction: "fwd" },
  ],
  infeasible: [
    [
      [ADVANCE, "Y"],
      [RU_ACCEPTS_GUARANTEES, "Y"],
    ],
  ],
  decisionMakers: [
    {
      name: "Russia",
      options: [ADVANCE, RU_ACCEPTS_GUARANTEES],
      preference: {
        statements: [
          {
            allOf: [[NATO_PLEDGE, "Y"]],
            label: "a written NATO pledge",
            assumption:
              "Moscow makes a binding, written Western commitment to stop NATO enlargement its central condition.",
            source: REUTERS_VIA_BABEL,
          },
          {
            allOf: [[NEUTRAL, "Y"]],
            label: "Ukrainian neutrality",
            assumption: "Neutral status for Ukraine is among the listed conditions.",
            source: REUTERS_VIA_BABEL,
          },
          {
            allOf: [[CEDE, "Y"]],
            label: "keep the occupied land",
            assumption: "The Kremlin is reported unwilling to give up territory it claims as Russian.",
            source: HCN,
          },
          {
            allOf: [[US_SANCTIONS, "N"]],
            label: "no new US sanctions",
            assumption: "Partial sanctions relief is demanded; new US sanctions are the opposite.",
            source: NEWSCATS,
          },
          {
            allOf: [[EU_RELEASE_ASSETS, "Y"]],
            label: "assets released",
            assumption: "The unfreezing of Russian sovereign assets is among the demands.",
            source: REUTERS_VIA_BABEL,
          },
          {
            anyOf: [
              [
                [ADVANCE, "N"],
                [NATO_PLEDGE, "Y"],
              ],
              [
                [ADVANCE, "Y"],
                [NATO_PLEDGE, "N"],
              ],
            ],
            label: "advance unless the pledge is given",
            assumption:
              "A source says that if Putin cannot get peace on his terms he will show that 'peace tomorrow will be even more painful'.",
            source: REUTERS_VIA_BABEL,
          },
          {
            allOf: [
              [US_GUARANTEES, "N"],
              [EU_GUARANTEES, "N"],
            ],
            label: "no Western guarantees",
            assumption:
              "Moscow rejects Western security commitments to Ukraine (assumption from its demand for neutrality).",
            source: REUTERS_VIA_BABEL,
          },
          {
            allOf: [[RU_ACCEPTS_GUARANTEES, "N"]],
            label: "not accepting guarantees",
            assumption:
              "Accepting Western guarantees for Ukraine is a concession Moscow would rather not make (analyst's assumption).",
            source: NEWSCATS,
          },
        ],
      },
    },
    {
      name: "Ukraine",
      options: [NEUTRAL, CEDE],
      preference: {
        statements: [
          {
            allOf: [[US_ARMS, "Y"]],
            label: "US arms keep coming",
            assumption: "Ukraine's defence depends on continued US supplies (analyst's assumption).",
            source: BABEL_GUARDIAN,
          },
          {
            allOf: [[ADVANCE, "N"]],
            label: "the offensive stops",
            assumption: "Kyiv declared itself ready for an immediate 30-day ceasefire without preconditions.",
            source: NEWSNET,
          },
          {
            anyOf: [[[US_GUARANTEES, "Y"]], [[EU_GUARANTEES, "Y"]]],
            label: "security guarantees",
            assumption:
              "Kyiv treats Western guarantees as the basis of any settlement; the coalition of the willing met in Kyiv on 10 May.",
            source: BABEL_GUARDIAN,
          },
          {
            allOf: [[CEDE, "N"]],
            label: "no cession",
            assumption: "Kyiv rejected acknowledging Russia's annexation of any region.",
            source: NEWSNET,
          },
          {
            allOf: [[NEUTRAL, "N"]],
            label: "keep the NATO bid",
            assumption: "Kyiv reaffirmed its refusal to abandon its NATO membership bid.",
            source: NEWSNET,
          },
          {
            allOf: [[US_SANCTIONS, "Y"]],
            label: "new US sanctions",
            assumption: "Kyiv backed European calls for US sanctions if Russia refused a ceasefire.",
            source: AVESTA,
          },
          {
            allOf: [[NATO_PLEDGE, "N"]],
            label: "no NATO pledge",
            assumption: "Zelensky's office holds NATO aspirations a sovereign matter.",
            source: NEWSCATS,
          },
        ],
      },
    },
    {
      name: "US",
      options: [US_SANCTIONS, US_GUARANTEES, US_ARMS],
      preference: {
        statements: [
          {
            allOf: [[ADVANCE, "N"]],
            label: "a ceasefire",
            assumption: "Trump has promised to end the war and pressed both sides to agree a ceasefire.",
            source: HCN,
          },
          {
            anyOf: iff(US_SANCTIONS, ADVANCE)!,
            label: "sanctions only without a deal",
            assumption: "Trump: he will impose 'crushing' sanctions 'if we're not going to make a deal'.",
            source: MENAFN,
          },
          {
            allOf: [[US_GUARANTEES, "N"]],
            label: "no US guarantee",
            assumption:
              "Washington expects Europeans to carry post-war guarantees (analyst's assumption from the US stance in the May talks).",
            source: BABEL_GUARDIAN,
          },
          {
            allOf: [[EU_GUARANTEES, "Y"]],
            label: "Europe guarantees",
            assumption: "The burden of guarantees falls on Europe in the US view (same assumption).",
            source: BABEL_GUARDIAN,
          },
          {
            anyOf: iff(US_ARMS, ADVANCE)!,
            label: "arms only while the war goes on",
            assumption: "Supplies are a lever, kept while Russia advances (analyst's assumption).",
            source: HCN,
          },
          {
            allOf: [[NATO_PLEDGE, "Y"]],
            label: "open to a NATO pledge",
            assumption: "Trump has blamed NATO enlargement for the war, echoing Moscow's framing.",
            source: JHARKHAND,
          },
        ],
      },
    },
    {
      name: "European states",
      options: [EU_GUARANTEES, EU_RELEASE_ASSETS],
      preference: {
        statements: [
          {
            allOf: [[ADVANCE, "N"]],
            label: "a ceasefire",
            assumption: "European leaders demanded an unconditional 30-day ceasefire from 12 May.",
            source: BABEL_GUARDIAN,
          },
          {
            allOf: [[EU_RELEASE_ASSETS, "N"]],
            label: "keep the assets frozen",
            assumption: "European plans use the frozen assets as a guarantee, confiscated if Russia breaks a deal.",
            source: MEDUZA,
          },
          {
            allOf: [[US_ARMS, "Y"]],
            label: "US stays in",
            assumption:
              "European leaders worked to keep the US engaged on Kyiv's side (coalition of the willing, 10 May).",
            source: BABEL_GUARDIAN,
          },
          {
            anyOf: iff(US_SANCTIONS, ADVANCE)!,
            label: "US sanctions if Russia refuses",
            assumption: "European leaders urged Trump to sanction Russia if Putin refused a ceasefire.",
            source: AVESTA,
          },
          {
            anyOf: [
              [
                [EU_GUARANTEES, "Y"],
                [US_GUARANTEES, "Y"],
              ],
              [
                [EU_GUARANTEES, "N"],
                [ADVANCE, "Y"],
              ],
            ],
            label: "guarantees with a US backstop",
            assumption:
              "A European contingent after a peace deal is planned, with a US backstop wanted (analyst's reading).",
            source: MEDUZA,
          },
          {
            allOf: [[CEDE, "N"]],
            label: "no cession",
            assumption: "European capitals back Ukraine's territorial integrity (analyst's assumption).",
            source: NEWSCATS,
          },
        ],
      },
    },
    {
      name: "NATO members",
      options: [NATO_PLEDGE],
      preference: {
        statements: [
          {
            allOf: [[NATO_PLEDGE, "N"]],
            label: "keep the open door",
            assumption: "NATO has said it will not change its open-door policy because Moscow demands it.",
            source: REUTERS_VIA_BABEL,
          },
          {
            allOf: [[ADVANCE, "N"]],
            label: "a ceasefire",
            assumption: "The members want the war to stop (analyst's assumption).",
            source: HCN,
          },
        ],
      },
    },
  ],
  statusQuo: "YNNNNNYNNN",
  notes: [
    "Status quo (late May 2025): Russia keeps advancing and the US keeps supplying arms; no other option is taken (YNNNNNYNNN).",
    "Every preference statement is an assumption with its reasoning and source; change them in a copy (`treatylab convert ukraine-2025-may --to graph-model`).",
    "NATO's written pledge and the release of the frozen assets are irreversible (fwd): once given, they cannot be taken back, which is the point of Moscow's demand for a written pledge.",
    "Russia cannot keep advancing and accept Western guarantees for Ukraine at once (infeasible).",
    "The US and European states are also NATO members; the 'NATO members' decision maker stands for the alliance's collective decision on the pledge.",
  ],
};
