import type { Bundle } from "../model/types.js";
import { UKRAINE_2025_WAR_OUTLOOK } from "../scenarios/ukraine2025.js";
import { UKRAINE_SOURCES as S } from "../scenarios/ukraine2025Sources.js";
import type { PublishedPlan, ValidationSnapshot } from "./types.js";

/** The non-territorial clauses of Russia's memorandum of 2 June 2025, as scenario options. */
const RU_MEMO_CLAUSES: Bundle = {
  nato: "constitution-ban",
  "army-cap": "85",
  sanctions: "full",
  assets: "returned",
  guarantees: "none",
  speakers: "russian-official",
  sequence: "comprehensive",
  elections: "early",
  accountability: "amnesty",
  znpp: "russian-run",
};

const ruMemo: PublishedPlan = {
  id: "russian-memorandum",
  title: "Russian memorandum, Istanbul, 2 June 2025",
  by: "russia",
  source: S.ruMemo,
  bundle: {
    ...RU_MEMO_CLAUSES,
    donbas: "de-jure-russian",
    zaporizhzhia: "de-jure-russian",
    kherson: "de-jure-russian",
    crimea: "de-jure-russian",
  },
  notes: {
    nato: "neutrality written into Ukraine's law, treaties incompatible with it terminated: 'constitution-ban'",
    "army-cap": "caps 'on the basis of mutual agreements', no figure: mapped to Russia's last figure, 85,000 (2022)",
    assets: "not in the memorandum; Russia asked for the assets unfrozen in May 2025 (Al Mayadeen, citing Reuters)",
  },
};

const uaMemo: PublishedPlan = {
  id: "ukrainian-memorandum",
  title: "Ukrainian memorandum, Istanbul, June 2025",
  by: "ukraine",
  source: S.uaMemo,
  bundle: {
    nato: "open-door",
    "army-cap": "none",
    donbas: "frozen-line",
    zaporizhzhia: "frozen-line",
    kherson: "frozen-line",
    crimea: "frozen-line",
    sanctions: "none",
    assets: "reconstruction",
    guarantees: "article5-force",
    speakers: "status-quo",
    sequence: "ceasefire-first",
    elections: "regular",
    accountability: "tribunal",
    znpp: "ukrainian-run",
  },
  notes: {
    territory: "ceasefire on the line of contact, no recognition of occupied land: 'frozen-line' everywhere",
    sanctions: "sanctions stay until a settlement",
  },
};

const istanbulUkraine: PublishedPlan = {
  id: "istanbul-draft-ukraine",
  title: "Istanbul draft of 15 April 2022, Ukraine's figures (250,000)",
  by: "ukraine",
  source: S.istanbul2022Wsj,
  bundle: {
    nato: "constitution-ban",
    "army-cap": "250",
    donbas: "frozen-line",
    zaporizhzhia: "ukrainian-control",
    kherson: "ukrainian-control",
    crimea: "frozen-line",
    sanctions: "none",
    assets: "keep-frozen",
    guarantees: "with-russia",
    speakers: "status-quo",
    sequence: "comprehensive",
    elections: "regular",
    accountability: "tribunal",
    znpp: "ukrainian-run",
  },
  notes: {
    crimea: "left to talks for 15 years",
    donbas: "left to a leaders' meeting",
    guarantees: "permanent Security Council members as guarantors, Russia among them",
    other:
      "sanctions, assets, elections, accountability and the plant were not in the reported draft: mapped to the state of the time",
  },
};

const istanbulRussia: PublishedPlan = {
  ...istanbulUkraine,
  id: "istanbul-draft-russia",
  title: "Istanbul draft of 15 April 2022, Russia's figures (85,000)",
  by: "russia",
  bundle: { ...istanbulUkraine.bundle, "army-cap": "85" },
};

const alaska: PublishedPlan = {
  id: "alaska-offer",
  title: "Putin's offer at Alaska, 15 August 2025 (as reported by the FT)",
  by: "russia",
  source: S.alaskaFt,
  bundle: {
    ...RU_MEMO_CLAUSES,
    donbas: "de-facto-russian",
    zaporizhzhia: "frozen-line",
    kherson: "frozen-line",
    crimea: "de-facto-russian",
  },
  notes: {
    territory: "withdrawal from Donetsk and Luhansk, the southern front frozen",
    other: "Putin repeated his 'core demands': the memorandum's other clauses",
  },
};

const plan28: PublishedPlan = {
  id: "us-28-point",
  title: "US 28-point peace plan, November 2025",
  by: "us",
  source: S.plan28,
  bundle: {
    nato: "constitution-ban",
    "army-cap": "600",
    donbas: "de-facto-russian",
    zaporizhzhia: "frozen-line",
    kherson: "frozen-line",
    crimea: "de-facto-russian",
    sanctions: "staged",
    assets: "split-28",
    guarantees: "article5-like",
    speakers: "minority-rights",
    sequence: "comprehensive",
    elections: "early",
    accountability: "amnesty",
    znpp: "iaea-shared",
  },
  notes: {
    guarantees: "a US guarantee with conditions, no NATO troops in Ukraine",
    elections: "within 100 days",
    znpp: "under the IAEA, the power split equally",
  },
};

const e3: PublishedPlan = {
  id: "european-counter-proposal",
  title: "European (E3) counter-proposal, 23 November 2025",
  by: "eu",
  source: S.e3Counter,
  bundle: {
    nato: "moratorium",
    "army-cap": "800",
    donbas: "frozen-line",
    zaporizhzhia: "frozen-line",
    kherson: "frozen-line",
    crimea: "frozen-line",
    sanctions: "staged",
    assets: "keep-frozen",
    guarantees: "article5-like",
    speakers: "minority-rights",
    sequence: "ceasefire-first",
    elections: "regular",
    accountability: "tribunal",
    znpp: "iaea-shared",
  },
  notes: {
    territory: "talks start from the line of contact after a ceasefire",
    assets: "frozen until Russia compensates Ukraine",
    guarantees: "a US guarantee mirroring Article 5; NATO troops not permanently deployed",
    accountability: "not reported: mapped to 'tribunal'",
  },
};

const outlook = UKRAINE_2025_WAR_OUTLOOK;

/**
 * What each side expected from fighting on in April 2022 (before any plan was scored): Russia held
 * the land bridge and launched its Donbas offensive; Ukraine had just driven Russia from Kyiv and
 * counted on Western arms to push it back in the south. Costs as in the base.
 */
const outlook2022 = {
  ...outlook,
  russia: {
    ...outlook.russia!,
    bundle: {
      ...outlook.russia!.bundle,
      zaporizhzhia: "de-facto-russian",
      kherson: "de-facto-russian",
      crimea: "de-facto-russian",
    },
  },
  ukraine: {
    ...outlook.ukraine!,
    bundle: {
      ...outlook.ukraine!.bundle,
      nato: "open-door",
      zaporizhzhia: "ukrainian-control",
      kherson: "ukrainian-control",
    },
  },
};

/**
 * The dated validation set of `ukraine-2025`: four moments, each the base scenario with the edits
 * that move it to its date, the plans published then, and what happened. The first two calibrate;
 * the last two are the out-of-sample check (docs/validation.md).
 *
 * @example
 * ```ts
 * UKRAINE_SNAPSHOTS.map((s) => s.id); // ["ukraine-2022-03-istanbul", ...]
 * ```
 */
export const UKRAINE_SNAPSHOTS: readonly ValidationSnapshot[] = [
  {
    id: "ukraine-2022-03-istanbul",
    date: "2022-04",
    title: "Istanbul talks, March-April 2022",
    role: "calibration",
    base: "ukraine-2025",
    edits: [
      // Zaporizhzhia and Kherson were annexed on 30 September 2022: no red line, and a return was on the table.
      { op: "removeRedLine", party: "russia", index: 4 },
      { op: "removeRedLine", party: "russia", index: 3 },
      { op: "setValue", party: "russia", issue: "zaporizhzhia", option: "ukrainian-control", value: 5 },
      { op: "setValue", party: "russia", issue: "kherson", option: "ukrainian-control", value: 5 },
      // Russia wanted to be a guarantor with a veto; Ukraine itself offered 250,000 when its army was about that size.
      { op: "setValue", party: "russia", issue: "guarantees", option: "with-russia", value: 10 },
      { op: "removeRedLine", party: "ukraine", index: 1 },
      { op: "setValue", party: "ukraine", issue: "army-cap", option: "250", value: 7 },
      { op: "setValue", party: "ukraine", issue: "guarantees", option: "with-russia", value: 5 },
    ],
    warOutlook: outlook2022,
    plans: [istanbulUkraine, istanbulRussia],
    outcome: {
      agreement: false,
      text: "No agreement: the draft of 15 April left the army caps (85,000 against 250,000) and the guarantors' terms open; talks were suspended on 17 May 2022.",
      rejected: [
        { plan: "istanbul-draft-russia", by: ["ukraine"] },
        { plan: "istanbul-draft-ukraine", by: ["russia"] },
      ],
      sources: [S.istanbul2022Wsj, S.istanbul2022End],
    },
  },
  {
    id: "ukraine-2025-06-istanbul",
    date: "2025-06",
    title: "Istanbul rounds, May-July 2025 (memoranda of 2 June)",
    role: "calibration",
    base: "ukraine-2025",
    // Until Alaska the US pressed for a 30-day ceasefire first.
    edits: [
      { op: "setValue", party: "us", issue: "sequence", option: "ceasefire-first", value: 10 },
      { op: "setValue", party: "us", issue: "sequence", option: "comprehensive", value: 6 },
    ],
    warOutlook: outlook,
    plans: [ruMemo, uaMemo],
    outcome: {
      agreement: false,
      text: "Memoranda exchanged, prisoner swaps agreed (1,000 for 1,000 on 16 May, 1,200 each on 23 July), no ceasefire: each side rejected the other's memorandum; European leaders called Russia's conditions unacceptable.",
      rejected: [
        { plan: "russian-memorandum", by: ["ukraine", "eu"] },
        { plan: "ukrainian-memorandum", by: ["russia"] },
      ],
      sources: [S.istanbulMay, S.ruMemoNonNuclear, S.istanbulJuly, S.europeansUnacceptable],
    },
  },
  {
    id: "ukraine-2025-08-alaska",
    date: "2025-08",
    title: "Alaska summit, 15 August 2025",
    role: "test",
    base: "ukraine-2025",
    edits: [],
    warOutlook: outlook,
    plans: [alaska],
    outcome: {
      agreement: false,
      text: "No deal, no ceasefire; Zelensky refused to give up Donbas and European leaders rejected limits on Ukraine's forces and a Russian veto; Trump dropped the ceasefire-first demand.",
      rejected: [{ plan: "alaska-offer", by: ["ukraine", "eu"] }],
      sources: [S.alaskaNoDeal, S.alaskaFt, S.alaskaPeaceFirst, S.europeNoLimits],
    },
  },
  {
    id: "ukraine-2025-11-28-point",
    date: "2025-11",
    title: "US 28-point plan and the European counter-proposal, November 2025",
    role: "test",
    base: "ukraine-2025",
    edits: [],
    warOutlook: outlook,
    plans: [plan28, e3],
    outcome: {
      agreement: false,
      text: "No agreement: Kyiv did not accept the plan as drafted and the E3 countered; Moscow called the plan a possible basis but refused concessions on Donbas, the army cap and recognition, and called the European amendments 'completely unconstructive'.",
      rejected: [
        { plan: "us-28-point", by: ["ukraine", "eu"] },
        { plan: "european-counter-proposal", by: ["russia"] },
      ],
      sources: [S.zelenskyDignity, S.e3Counter, S.kremlinRejectsE3, S.putinRejectsParts, S.nbcNoConcessions],
    },
  },
];
