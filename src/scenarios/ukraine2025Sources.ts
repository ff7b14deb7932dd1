import type { Source } from "../model/types.js";

/**
 * The news reports behind `ukraine-2025` and the validation snapshots: outlet, date and address of
 * each, so every note can name the report a fact comes from. Reported facts are reports, not
 * certainties; every weight and value remains the modeller's judgement.
 *
 * @example
 * ```ts
 * import { UKRAINE_SOURCES } from "./ukraine2025Sources.js";
 * Object.keys(UKRAINE_SOURCES).length; // 33 reports
 * UKRAINE_SOURCES.ruMemo.url; // "https://tass.com/politics/1967467"
 * ```
 */
export const UKRAINE_SOURCES = {
  ruMemo: {
    title: "Russian memorandum handed over in Istanbul (TASS)",
    date: "2025-06-02",
    url: "https://tass.com/politics/1967467",
    note: "neutrality, a ban on third-country military activity and foreign forces in Ukraine, caps on the armed forces, recognition of Crimea, 'Donbass and Novorossiya', Russian an official language, elections followed by a peace treaty",
  },
  ruMemoText: {
    title: "Russian memorandum, list of demands (Babel)",
    date: "2025-06-02",
    url: "https://babel.ua/en/news/118475-recognition-of-the-annexation-of-crimea-and-4-regions-and-refusal-of-reparations-text-of-the-russian-memorandum-has-appeared",
    note: "international legal recognition of Crimea and four regions and withdrawal; neutrality and ban on foreign troops; army limit; lifting all sanctions; refusal of compensation for damages",
  },
  ruMemoNonNuclear: {
    title: "Russian memorandum: confirmation of non-nuclear status (Ukrainska Pravda)",
    date: "2025-06-02",
    url: "https://www.pravda.com.ua/eng/news/2025/06/2/7515266/",
    note: "confirmation that Ukraine will not possess nuclear weapons; two ceasefire options (withdrawal, or a 'package')",
  },
  uaMemo: {
    title: "Ukrainian memorandum, text published by Reuters (Russian-language summary)",
    date: "2025-06",
    url: "https://web.lifelines.name/read/c3d305ca-0d64-5741-a11f-d2749f4544b4",
    note: "full and unconditional ceasefire of at least 30 days first; security guarantees; EU accession; NATO membership depends on consensus in the alliance; no limits on the size of Ukraine's armed forces or on friendly foreign troops; no recognition of Russian control of occupied territory",
  },
  istanbulMay: {
    title: "Russia-Ukraine talks end in less than two hours with no ceasefire deal (Al Jazeera)",
    date: "2025-05-16",
    url: "https://www.aljazeera.com/news/2025/5/16/russia-ukraine-talks-end-in-less-than-two-hours-with-no-ceasefire-deal",
    note: "1,000-for-1,000 prisoner exchange; no ceasefire; Russia asked for withdrawal from territory as a condition",
  },
  europeansUnacceptable: {
    title:
      "Russia, Ukraine agree to swap 1,000 prisoners of war in first direct peace talks in three years (Hindustan Times, citing AP)",
    date: "2025-05-16",
    url: "https://www.hindustantimes.com/world-news/russia-ukraine-agree-to-swap-1-000-prisoners-of-war-in-first-direct-peace-talks-in-three-years-101747404933556.html",
    note: "Britain's prime minister: European leaders and Trump consider Russia's position unacceptable",
  },
  istanbulJuly: {
    title: "More swaps, but no deal: third round of Istanbul talks (Meduza)",
    date: "2025-07-24",
    url: "https://meduza.io/en/feature/2025/07/24/more-swaps-but-no-deal",
    note: "another prisoner exchange; no ceasefire, no leaders' meeting",
  },
  istanbulJulyAA: {
    title: "Russia, Ukraine agree on new prisoner swap at Istanbul talks (Anadolu)",
    date: "2025-07-23",
    url: "https://www.aa.com.tr/en/russia-ukraine-war/in-istanbul-talks-with-ukraine-russia-proposes-exchanging-1-200-more-soldiers-being-held-prisoner/3640218",
    note: "at least 1,200 prisoners each side; Russia proposed 24-48 hour pauses only",
  },
  istanbul2022Wsj: {
    title: "ISW on the Wall Street Journal's report of the Istanbul draft of 15 April 2022 (via BCFA)",
    date: "2024-03",
    url: "https://bcfausa.org/institute-for-the-study-of-war-russian-goal-in-2022-peace-talks-was-to-make-ukraine-undependable",
    note: "permanently neutral Ukraine; Russia: 85,000 soldiers, Ukraine: 250,000; no foreign weapons or military personnel; Ukraine's army in 2014 about 130,000",
  },
  istanbul2022Guarantors: {
    title: "ISW analysis of the Istanbul drafts (Fakti)",
    date: "2025-02",
    url: "https://fakti.bg/en/amp/world/952140-isw-analysis-reveals-details-of-russian-ukrainian-agreements-and-their-consequences",
    note: "guarantors: US, UK, China, France and Russia, Moscow insisting on Belarus too",
  },
  istanbul2022End: {
    title: "Istanbul 2022: between March and May 2022, the effort failed (LB.ua)",
    date: "2025-05-15",
    url: "https://en.lb.ua/news/2025/05/15/35906_istanbul_2_peace_deal_reached.html",
    note: "on 17 May 2022 Podolyak confirmed that the talks were suspended",
  },
  istanbul2022Communique: {
    title: "Ukrainian proposals of 29 March 2022 (summary, LatestTopics)",
    date: "2022-03-29",
    url: "https://latesttopics.netlify.app/2025/05/%d0%bf%d0%b5%d1%80%d0%b5%d0%b3%d0%be%d0%b2%d0%be%d1%80%d0%b8-%d0%b2-%d1%81%d1%82%d0%b0%d0%bc%d0%b1%d1%83%d0%bb%d1%96.html",
    note: "neutrality for guarantees; Crimea and the separatist-held areas left to later talks",
  },
  alaskaFt: {
    title: "Eastern Ukraine mapped: Putin's territory demands (Irish Times, citing the Financial Times)",
    date: "2025-08-18",
    url: "https://www.irishtimes.com/world/europe/2025/08/18/eastern-ukraine-mapped-vladimir-putins-territory-demands-to-end-russias-war/",
    note: "Putin demanded withdrawal from Donetsk and Luhansk; in exchange would freeze the front in Kherson and Zaporizhzhia; Zelensky will not give territory Ukraine holds",
  },
  alaskaNoDeal: {
    title: "No ceasefire: BBC examines key moments of the Alaska meeting (UNN)",
    date: "2025-08-16",
    url: "https://unn.ua/en/news/no-ceasefire-bbc-examines-key-moments-of-trump-putin-meeting-in-alaska",
    note: "'no deal until there's a deal'; no ceasefire",
  },
  alaskaPeaceFirst: {
    title: "Putin presses Trump on Donetsk, offers to freeze south front (Al Mayadeen, citing the FT)",
    date: "2025-08-16",
    url: "https://english.almayadeen.net/news/politics/putin-presses-trump-on-donetsk--offers-to-freeze-south-front",
    note: "Trump: go directly to a peace agreement, 'not a mere ceasefire agreement'",
  },
  plan28: {
    title: "28 points of the 'peace plan' for Ukraine (UAConnect, from the text published by MP Honcharenko)",
    date: "2025-11-20",
    url: "https://calgary.uaconnect.ca/en/articles/28-points-of-the-peace-plan-for-ukraine-were-presented",
    note: "non-aligned status in the constitution and NATO's confirmation; 600,000 cap; non-nuclear; US guarantee with conditions; EU membership eligible",
  },
  plan28Territory: {
    title: "Crimea, Donetsk and Luhansk de facto Russian, Kherson and Zaporizhzhia frozen (Kurir via Naslovi)",
    date: "2025-11-21",
    url: "https://naslovi.net/2025-11-21/kurir/ukrajina-ce-biti-osakacena-trampovim-planom-amerika-priznaje-krim-donjeck-i-lugansk-u-hersonu-i-zaporozju-front-se-zamrzava-duz-linije-kontakta/40918676",
    note: "point 21: territories; Ukraine withdraws from part of Donetsk, a demilitarised buffer zone",
  },
  plan28Rest: {
    title: "US 28-point plan, other clauses (ABNA, citing Russia Al-Youm)",
    date: "2025-11-21",
    url: "https://id.abna24.com/news/1752713/Detail-Rencana-Trump-untuk-Gencatan-Senjata-di-Ukraina",
    note: "no NATO troops in Ukraine; $100bn of frozen assets to US-led reconstruction with 50% of profit to the US; Europe adds $100bn; the rest to a US-Russian vehicle; staged sanctions relief; G8; Zaporizhzhia NPP",
  },
  plan28Znpp: {
    title: "US plan: Zaporizhzhia NPP under IAEA, power split 50/50 (News-Pravda Italy)",
    date: "2025-11-21",
    url: "https://italy.news-pravda.com/russia/2025/11/21/327043.html",
    note: "the plant under IAEA administration, electricity 50% to Ukraine and 50% to the Russian-held side",
  },
  zelenskyDignity: {
    title: "'One of the most difficult moments': Zelensky addresses Ukraine (Kyiv Independent)",
    date: "2025-11-21",
    url: "https://kyivindependent.com/one-of-the-most-difficult-moments-zelensky-addresses-ukraine-amid-controversial-us-peace-plan/",
    note: "'either the loss of dignity or the risk of losing a key partner'; Kyiv offers alternatives, does not accept the plan as drafted",
  },
  e3Counter: {
    title: "European counter-proposal to the US plan, text published by Reuters (LIGA)",
    date: "2025-11-23",
    url: "https://news.liga.net/en/politics/news/ye%D0%B2%D1%80%D0%BE%D0%BF%D0%B5%D0%B8%D1%86i-%D0%B2i%D0%B4%D0%BF%D0%BE%D0%B2i%D0%BB%D0%B8-%D0%BD%D0%B0-28-%D0%BF%D1%83%D0%BD%D0%BA%D1%82i%D0%B2-%D0%A2%D1%80%D0%B0%D0%BC%D0%BF%D0%B0-%D1%81%D0%B2%D0%BE%D1%97%D0%BC%D0%B8-%D0%BF%D1%80%D0%B0%D0%B2%D0%BA%D0%B0%D0%BC%D0%B8-reuters-%D0%BF%D1%83%D0%B1%D0%BB%D1%96%D0%BA%D1%83%D1%94-%D1%97%D1%85-%D0%BC%D0%B8%D1%80%D0%BD%D0%B8%D0%B9-%D0%BF%D0%BB%D0%B0%D0%BD",
    note: "800,000 in peacetime; NATO accession depends on a consensus that does not exist; US guarantee mirroring Article 5; territorial talks from the line of contact",
  },
  e3CounterAssets: {
    title: "Europe pushes back on US peace plan (Firstpost via DCBOEE)",
    date: "2025-11-24",
    url: "http://dcboee.us/europe-pushes-back-on-us-peace-plan-for-ukraine-with-higher-army-cap-and-nato-style-pact-firstpost",
    note: "Russian sovereign assets frozen until Russia compensates Ukraine",
  },
  e3CounterZnpp: {
    title: "European countries propose counter peace plan (India Today)",
    date: "2025-11-24",
    url: "https://www.indiatoday.in/world/story/europe-propose-28-point-counter-peace-plan-us-ukraine-war-glbs-2824846-2025-11-24",
    note: "territorial talks only after a ceasefire; the Zaporizhzhia plant under the IAEA",
  },
  kremlinRejectsE3: {
    title: "Kremlin not satisfied with the European peace plan (bne IntelliNews)",
    date: "2025-11-24",
    url: "https://www.intellinews.com/kremlin-not-satisfied-with-the-european-peace-plan-413142",
    note: "Ushakov: the European amendments 'completely unconstructive'",
  },
  putinBasis: {
    title: "Putin says Moscow open to Trump plan but demands Ukraine retreat (Hvylya)",
    date: "2025-11-27",
    url: "https://amp.en.hvylya.net/news/102-putin-says-moscow-open-to-trump-plan-but-demands-ukraine-retreat",
    note: "the plan 'can be laid as the foundation'; withdrawal from Donbas the sole condition for a ceasefire, otherwise by force",
  },
  putinRejectsParts: {
    title: "Putin rejects parts of US plan to end war in Ukraine (Euromaidan Press, citing AP)",
    date: "2025-12-05",
    url: "https://euromaidanpress.com/2025/12/05/putin-rejects-parts-of-us-plan-to-end-war-in-ukraine-says-negotiations-remain-ongoing",
    note: "five-hour Kremlin meeting of 2 December; some proposals Russia cannot accept",
  },
  nbcNoConcessions: {
    title: "Putin unwilling to make concessions on US peace plan (Anews, citing NBC News)",
    date: "2025-12",
    url: "https://anews.az/en/read/498037",
    note: "no concessions on Donbas, on limits on Ukraine's army, on recognition; CNN: Ukraine refused a 600,000 cap and renouncing NATO",
  },
  troopsTargets: {
    title: "Putin says foreign troops in Ukraine would be 'legitimate targets' (CBS News)",
    date: "2025-09-05",
    url: "https://www.cbsnews.com/news/russia-ukraine-war-putin-says-foreign-troops-legitimate-targets/",
    note: "Moscow has called Western forces in Ukraine, even after the fighting, 'unacceptable'; 26 countries pledged a reassurance force",
  },
  ryabkovNever: {
    title: "Russia will not make concessions on Donbass, Novorossiya and Crimea (TASS)",
    date: "2025-12-16",
    url: "https://tass.com/politics/2059323",
    note: "Ryabkov: 'not able in any form to compromise on this', the five regions being in Russia's constitution",
  },
  lavrovSettled: {
    title: "Lavrov: Crimea, Donbas and Novorossiya settled, in the constitution (Jordan News)",
    date: "2025-03",
    url: "https://jordannews.jo/Section-111/All/Lavrov-Emphasizes-Russia-s-Rejection-of-Giving-Up-Crimea-and-Donbas-Russian-Territories-40713",
    note: "sovereignty 'settled long ago', reflected in the constitution",
  },
  zelenskyArmy: {
    title: "Zelenskyy: Ukraine will maintain maximum armed forces strength under any circumstances (Ukrainska Pravda)",
    date: "2025-02-26",
    url: "https://www.pravda.com.ua/eng/news/2025/02/26/7500278/",
    note: "the army is 'one of the key security guarantees'",
  },
  zelenskyArmySize: {
    title: "Zelenskyy: Ukraine needs a 1.5 million army without NATO (Ukrainska Pravda)",
    date: "2025-02-14",
    url: "https://www.pravda.com.ua/eng/news/2025/02/14/7498318/",
    note: "880,000 soldiers in January 2025",
  },
  europeNoLimits: {
    title:
      "EU and UK leaders: no limitations on Ukraine's armed forces, no Russian veto on EU and NATO path (News-Pravda Italy)",
    date: "2025-08-16",
    url: "https://italy.news-pravda.com/russia/2025/08/16/258486.html",
    note: "joint statement after the Alaska summit",
  },
} as const satisfies Readonly<Record<string, Source>>;

/**
 * "Outlet title, date, address" of each named report, joined: how notes cite their sources.
 *
 * @example
 * ```ts
 * import { cite } from "./ukraine2025Sources.js";
 * cite("ruMemo"); // "Russian memorandum handed over in Istanbul (TASS), 2025-06-02, https://tass.com/politics/1967467"
 * ```
 */
export const cite = (...keys: (keyof typeof UKRAINE_SOURCES)[]): string =>
  keys.map((k) => `${UKRAINE_SOURCES[k].title}, ${UKRAINE_SOURCES[k].date}, ${UKRAINE_SOURCES[k].url}`).join("; ");
