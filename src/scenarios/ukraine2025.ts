import type { Bundle, Confidence, DiscreteIssue, Issue, Note, Party, Scenario } from "../model/types.js";
import { cite, UKRAINE_SOURCES } from "./ukraine2025Sources.js";

const MODELLER = "modeller's judgement (no published study scores these actors per issue)";

/** A labelled assumption: its reasoning, the reports behind it, and how sure it is. */
const assume = (text: string, confidence: Confidence, source: string = MODELLER): Note => ({
  text,
  source,
  confidence,
});

/** The four fates of an oblast. */
const territory = (id: string, name: string, frozen: string): DiscreteIssue => ({
  id,
  label: name,
  description: `Who controls ${name} after the settlement, and with what recognition.`,
  options: [
    { id: "ukrainian-control", label: "Ukrainian control", description: `${name} returns to Ukrainian control.` },
    {
      id: "frozen-line",
      label: "Frozen on the line",
      description: `Frozen along the line of contact, no recognition (${frozen}).`,
    },
    {
      id: "de-facto-russian",
      label: "De facto Russian",
      description: `Recognised de facto as Russian; Ukraine withdraws from what it holds there.`,
    },
    { id: "de-jure-russian", label: "De jure Russian", description: `Recognised in law (de jure) as part of Russia.` },
  ],
});

const TERRITORIES = ["donbas", "zaporizhzhia", "kherson", "crimea"] as const;

/** Territory values [ukrainian, frozen, de facto, de jure] per oblast. */
type Row = readonly [number, number, number, number];
const territoryValues = (
  rows: Readonly<Record<(typeof TERRITORIES)[number], Row>>,
): Record<string, Record<string, number>> =>
  Object.fromEntries(
    TERRITORIES.map((t) => [
      t,
      {
        "ukrainian-control": rows[t][0],
        "frozen-line": rows[t][1],
        "de-facto-russian": rows[t][2],
        "de-jure-russian": rows[t][3],
      },
    ]),
  );

/**
 * What each party expects a year of further fighting to leave it with: the bundle its reservation
 * is the utility of, minus the party's cost of that year of war (see each party's reservation note).
 * Written down before any published plan was scored; `test/scenarios/ukraine2025.test.ts` recomputes
 * every reservation from it.
 *
 * @example
 * ```ts
 * import { UKRAINE_2025_WAR_OUTLOOK } from "./ukraine2025.js";
 * const { bundle, cost } = UKRAINE_2025_WAR_OUTLOOK.russia!; // bundle.donbas: "de-facto-russian"
 * const c = compileScenario(builtinScenario("ukraine-2025"));
 * evaluateBundle(c, toIndexBundle(c, bundle)).utilities.russia! - cost; // 0.438: Russia's reservation 0.44, rounded
 * ```
 */
export const UKRAINE_2025_WAR_OUTLOOK: Readonly<Record<string, { readonly bundle: Bundle; readonly cost: number }>> =
  (() => {
    const noDeal = {
      nato: "moratorium",
      "army-cap": "none",
      sanctions: "none",
      assets: "keep-frozen",
      guarantees: "none",
      speakers: "status-quo",
      sequence: "comprehensive",
      elections: "regular",
      accountability: "tribunal",
      znpp: "russian-run",
    };
    const line = { donbas: "frozen-line", zaporizhzhia: "frozen-line", kherson: "frozen-line", crimea: "frozen-line" };
    return {
      russia: { bundle: { ...noDeal, ...line, donbas: "de-facto-russian" }, cost: 0.05 },
      ukraine: { bundle: { ...noDeal, ...line }, cost: 0.1 },
      us: { bundle: { ...noDeal, ...line }, cost: 0.05 },
      eu: { bundle: { ...noDeal, ...line }, cost: 0.05 },
    };
  })();

const russia: Party = {
  id: "russia",
  label: "Russia",
  description: "The Russian Federation, negotiating from a battlefield position it believes it can hold for years.",
  weights: {
    nato: 12,
    "army-cap": 9,
    donbas: 16,
    zaporizhzhia: 6,
    kherson: 5,
    crimea: 7,
    sanctions: 9,
    assets: 4,
    guarantees: 11,
    speakers: 4,
    sequence: 5,
    elections: 4,
    accountability: 4,
    znpp: 4,
  },
  values: {
    nato: { "open-door": 0, moratorium: 3, "constitution-ban": 7, "no-ukraine": 10 },
    "army-cap": { "85": 10, "250": 7, "600": 3, "800": 1, none: 0 },
    ...territoryValues({
      donbas: [0, 3, 8, 10],
      zaporizhzhia: [0, 6, 8, 10],
      kherson: [0, 6, 8, 10],
      crimea: [0, 6, 8, 10],
    }),
    sanctions: { none: 0, staged: 7, full: 10 },
    assets: { "keep-frozen": 0, reconstruction: 1, "split-28": 6, returned: 10 },
    guarantees: {
      none: 10,
      "with-russia": 9,
      "european-assurances": 5,
      "article5-like": 4,
      "european-force": 0,
      "article5-force": 0,
    },
    speakers: { "status-quo": 0, "minority-rights": 5, "russian-official": 10 },
    sequence: { "ceasefire-first": 2, comprehensive: 10 },
    elections: { regular: 4, early: 10 },
    accountability: { tribunal: 0, amnesty: 10 },
    znpp: { "ukrainian-run": 0, "iaea-shared": 5, "russian-run": 10 },
  },
  reservation: 0.44,
  redLines: [
    {
      issue: "nato",
      reject: ["open-door"],
      reason: "Russia demands neutrality: no membership of any military alliance",
    },
    {
      issue: "guarantees",
      reject: ["european-force", "article5-force"],
      reason: "Russia bans foreign forces in Ukraine; Western troops would be 'legitimate targets'",
    },
    ...TERRITORIES.map((t) => ({
      issue: t,
      reject: ["ukrainian-control"],
      reason: "Russia will not hand back land its constitution names as Russian",
    })),
  ],
  interactions: [
    {
      when: {
        crimea: ["de-facto-russian", "de-jure-russian"],
        zaporizhzhia: ["de-facto-russian", "de-jure-russian"],
        kherson: ["de-facto-russian", "de-jure-russian"],
      },
      value: 0.03,
      reason: "a recognised land corridor is worth more together with a recognised Crimea it connects",
    },
  ],
  notes: {
    weights: assume(
      "Donbas (16) and NATO (12) lead: the four regions and neutrality open the Russian memorandum of 2 June 2025, and Donbas is the one condition Putin named at Alaska and again on 27 November. The army cap (9) and sanctions (9) follow (caps on the armed forces and lifting all sanctions are in the memorandum). Crimea (7), Zaporizhzhia (6) and Kherson (5): held or claimed, less contested than Donbas. Guarantees and foreign troops (11 together): no guarantee with a Western force, 'legitimate targets'. The sequence (5), Russian speakers (4), elections (4), accountability (4: the memorandum's renunciation of mutual claims), the nuclear plant (4) and assets (4) complete the list. The ranking follows the reports; the numbers are the modeller's.",
      "medium",
      cite("ruMemo", "ruMemoText", "alaskaFt", "putinBasis", "troopsTargets"),
    ),
    "values.nato": assume(
      "The written pledge excluding Ukraine is the demand (10); non-NATO status in Ukraine's constitution and NATO's rules (the 28-point plan) is most of it (7); an unwritten moratorium a little (3); the open door is a red line.",
      "medium",
      cite("ruMemo", "plan28"),
    ),
    "values.army-cap": assume(
      "Russia asked for 85,000 in April 2022 (10); 250,000, Ukraine's own 2022 offer (7); 600,000, the 28-point figure (3); 800,000, the European figure that barely binds (1); no cap (0).",
      "medium",
      cite("istanbul2022Wsj", "plan28", "e3Counter"),
    ),
    "values.donbas": assume(
      "Withdrawal from all of Donetsk and Luhansk is the condition Putin set at Alaska and repeated on 27 November. Russia holds nearly all of Luhansk but not the Donetsk fortress belt, so a frozen line is worth little (3); de facto control with Ukraine's withdrawal (the 28-point plan) most of the prize (8); recognition in law the full demand (10). Ukrainian control is a red line.",
      "medium",
      cite("alaskaFt", "putinBasis", "plan28Territory"),
    ),
    "values.zaporizhzhia": assume(
      "Claimed in full in the memorandum, but at Alaska Putin offered to freeze the southern front: a frozen line is worth 6 of 10, de facto recognition 8, recognition of the whole oblast in law 10.",
      "medium",
      cite("ruMemoText", "alaskaFt"),
    ),
    "values.kherson": assume(
      "As Zaporizhzhia: claimed in full, offered frozen at Alaska (6), de facto 8, de jure 10.",
      "medium",
      cite("ruMemoText", "alaskaFt"),
    ),
    "values.crimea": assume(
      "Held since 2014, so a frozen line already secures it (6); de facto (8) and de jure (10) recognition add legitimacy; the memorandum asks for recognition in international law.",
      "medium",
      cite("ruMemo", "lavrovSettled"),
    ),
    "values.sanctions": assume(
      "The memorandum asks for all sanctions lifted (10); staged relief, as in the 28-point plan, most of it (7).",
      "medium",
      cite("ruMemoText", "plan28Rest"),
    ),
    "values.assets": assume(
      "Returned is best (10); the 28-point split, half to a US-Russian vehicle, 6; a fund for Ukraine's reconstruction 1; frozen indefinitely 0.",
      "low",
      cite("plan28Rest"),
    ),
    "values.guarantees": assume(
      "No guarantee is best (10); guarantors including Russia (the 2022 model) nearly as good (9); European assurances without the US (5); a US Article-5-like pledge without foreign troops (4) is tolerable, since the 28-point plan Putin called a possible basis contains one. Any European force on Ukrainian soil (0) is a red line: 'legitimate targets'. Low confidence on the 4, and the zone of agreement depends on it (see notes.guarantees of the scenario).",
      "low",
      cite("istanbul2022Guarantors", "plan28", "putinBasis", "troopsTargets"),
    ),
    "values.speakers": assume(
      "Official status for Russian is in the memorandum (10); minority-rights standards half of it (5).",
      "medium",
      cite("ruMemo"),
    ),
    "values.sequence": assume(
      "Moscow refuses an unconditional ceasefire before a settlement (2) and wants a comprehensive deal (10); at Alaska Trump came round to 'a peace agreement, not a mere ceasefire'.",
      "medium",
      cite("ruMemoNonNuclear", "istanbulMay", "alaskaPeaceFirst"),
    ),
    "values.elections": assume(
      "The memorandum asks for elections in Ukraine before a treaty is signed (early 10); the regular schedule after martial law 4.",
      "medium",
      cite("ruMemo"),
    ),
    "values.accountability": assume(
      "Renunciation of mutual claims and an amnesty (10); a tribunal and reparations (0).",
      "medium",
      cite("ruMemoText"),
    ),
    "values.znpp": assume(
      "Russia runs the plant now (10); IAEA supervision with the power shared (5); returned to Ukraine (0).",
      "low",
      cite("plan28Znpp"),
    ),
    reservation: assume(
      "0.44 = the utility of Russia's war outlook (Donetsk and Luhansk taken, the rest frozen, no cap, no relief, no guarantee, UKRAINE_2025_WAR_OUTLOOK) minus a cost of 0.05 for a further year of war: Moscow says it can fight for years and will take Donbas 'by force' if not given it. Set by this rule before any plan was scored.",
      "low",
      cite("putinBasis", "alaskaFt"),
    ),
    redLines: assume(
      "Neutrality (no alliance), no foreign forces in Ukraine, and no return of Crimea or the four regions: each is in the memorandum, and Ryabkov said Russia is 'not able in any form to compromise' on the five regions written into its constitution.",
      "high",
      cite("ruMemo", "troopsTargets", "ryabkovNever", "lavrovSettled"),
    ),
    interactions: assume(
      "The corridor term (0.03): de facto or de jure recognition of Zaporizhzhia and Kherson is worth more when Crimea, which the corridor connects, is recognised too. Small: the corridor is held on the frozen line already.",
      "low",
      MODELLER,
    ),
  },
};

const ukraine: Party = {
  id: "ukraine",
  label: "Ukraine",
  description: "Ukraine's government in Kyiv, with stretched forces and dependent on Western support.",
  weights: {
    nato: 5,
    "army-cap": 11,
    donbas: 12,
    zaporizhzhia: 7,
    kherson: 6,
    crimea: 3,
    sanctions: 4,
    assets: 5,
    guarantees: 21,
    speakers: 3,
    sequence: 4,
    elections: 3,
    accountability: 4,
    znpp: 5,
  },
  values: {
    nato: { "open-door": 10, moratorium: 7, "constitution-ban": 2, "no-ukraine": 0 },
    "army-cap": { "85": 0, "250": 1, "600": 5, "800": 9, none: 10 },
    ...territoryValues({
      donbas: [10, 6, 1, 0],
      zaporizhzhia: [10, 6, 2, 0],
      kherson: [10, 6, 2, 0],
      crimea: [10, 7, 3, 0],
    }),
    sanctions: { none: 10, staged: 6, full: 0 },
    assets: { "keep-frozen": 5, reconstruction: 10, "split-28": 4, returned: 0 },
    guarantees: {
      none: 0,
      "with-russia": 2,
      "european-assurances": 5,
      "european-force": 7,
      "article5-like": 8,
      "article5-force": 10,
    },
    speakers: { "status-quo": 10, "minority-rights": 7, "russian-official": 0 },
    sequence: { "ceasefire-first": 10, comprehensive: 4 },
    elections: { regular: 10, early: 5 },
    accountability: { tribunal: 10, amnesty: 3 },
    znpp: { "ukrainian-run": 10, "iaea-shared": 5, "russian-run": 0 },
  },
  reservation: 0.43,
  redLines: [
    { issue: "nato", reject: ["no-ukraine"], reason: "Kyiv rejects a Russian veto over NATO membership" },
    {
      issue: "army-cap",
      reject: ["85", "250"],
      reason:
        "Kyiv will not cut its army to a fraction of its size: 'under any circumstances' it keeps the troops it needs",
    },
    ...TERRITORIES.map((t) => ({
      issue: t,
      reject: ["de-jure-russian"],
      reason: "Kyiv will not recognise occupied land as Russian in law",
    })),
  ],
  interactions: [
    {
      when: { guarantees: ["none", "with-russia"], "army-cap": ["600", "800"] },
      value: -0.04,
      reason:
        "a capped army and no credible guarantee: the two substitute for each other, so losing both costs more than the sum",
    },
  ],
  notes: {
    weights: assume(
      "Security guarantees, a reassurance force included, lead (21) and the army cap follows (11): the memorandum asks for guarantees and no limits on the army, and Zelensky calls the army 'one of the key security guarantees'. Territory weighs 28 in all, led by Donbas (12) where Kyiv still holds the Donetsk fortress belt, Zaporizhzhia (7) and Kherson (6) whose capitals it holds; Crimea (3) is wholly occupied. NATO (5) mainly as the veto question; assets and the nuclear plant (5 each); sanctions, the sequence and accountability (4 each); elections and the language laws (3 each).",
      "medium",
      cite("uaMemo", "zelenskyArmy", "alaskaFt"),
    ),
    "values.nato": assume(
      "The open door is best (10); an unwritten moratorium keeps the principle (7); a written exclusion of Ukraine alone is close to a veto (2); Russia's pledge is a red line (0).",
      "medium",
      cite("uaMemo", "e3Counter"),
    ),
    "values.army-cap": assume(
      "No cap is best (10); 800,000, the European figure Kyiv accepted in the December talks, costs little (9); 600,000 (5) is about two thirds of the 880,000 of January 2025; 250,000 (1) and 85,000 (0) are red lines: demilitarisation.",
      "medium",
      cite("zelenskyArmySize", "e3Counter", "nbcNoConcessions"),
    ),
    "values.donbas": assume(
      "Ukrainian control 10, a frozen line 6 (it keeps the Donetsk fortress belt it holds), de facto recognition with withdrawal from the belt 1, de jure 0 and a red line.",
      "medium",
      cite("alaskaFt", "plan28Territory"),
    ),
    "values.zaporizhzhia": assume(
      "Ukrainian control 10, a frozen line keeps the city of Zaporizhzhia (6), de facto 2, de jure 0.",
      "medium",
      cite("plan28Territory"),
    ),
    "values.kherson": assume(
      "Ukrainian control 10, a frozen line keeps the city of Kherson (6), de facto 2, de jure 0.",
      "medium",
      cite("plan28Territory"),
    ),
    "values.crimea": assume(
      "A frozen line without recognition is worth a little more here (7): in 2022 Kyiv itself proposed leaving Crimea to talks for 15 years; de facto 3, de jure 0.",
      "medium",
      cite("istanbul2022Communique"),
    ),
    "values.sanctions": assume(
      "Sanctions are leverage: none lifted 10, staged relief 6, full relief 0.",
      "medium",
      MODELLER,
    ),
    "values.assets": assume(
      "A reconstruction fund is best (10); kept frozen 5; the 28-point split 4; returned 0.",
      "medium",
      cite("plan28Rest"),
    ),
    "values.guarantees": assume(
      "A US Article-5-like commitment backed by a European reassurance force is what Kyiv seeks (10); the pledge without troops (8); a European force without the US (7); European assurances alone (5); guarantors including Russia, with a Russian veto, (2); none (0). The memorandum bars any limit on friendly foreign troops.",
      "medium",
      cite("uaMemo", "istanbul2022Guarantors", "troopsTargets"),
    ),
    "values.speakers": assume(
      "The language laws as they stand 10; EU minority-rights standards (7); Russian official 0.",
      "low",
      MODELLER,
    ),
    "values.sequence": assume(
      "A full ceasefire first is Kyiv's position in every round (10); a comprehensive deal negotiated under fire 4.",
      "high",
      cite("uaMemo", "istanbulJulyAA"),
    ),
    "values.elections": assume(
      "Elections on the constitutional schedule once martial law ends (10); early elections on a deadline set by the treaty 5.",
      "low",
      MODELLER,
    ),
    "values.accountability": assume("A tribunal and reparations (10); a full amnesty 3.", "medium", MODELLER),
    "values.znpp": assume(
      "Returned to Ukraine 10; IAEA supervision with the power shared 5; left to Russia 0.",
      "low",
      cite("plan28Znpp"),
    ),
    reservation: assume(
      "0.43 = the utility of Kyiv's war outlook (the line holds, no guarantee, no cap, sanctions stay, UKRAINE_2025_WAR_OUTLOOK) minus a cost of 0.1 for a further year of war: casualties, the energy war, manpower. Set by this rule before any plan was scored.",
      "low",
      cite("zelenskyDignity"),
    ),
    redLines: assume(
      "No Russian veto on NATO (memorandum), no recognition in law of occupied land (Ukraine's constitution bars ceding territory; Zelensky at Alaska: no territory Ukraine holds is given), and no cap that demilitarises: Zelensky keeps 'the maximum number of troops' under any circumstances, and the 2022 floor of 250,000 was offered when the army was far smaller.",
      "medium",
      cite("uaMemo", "alaskaFt", "zelenskyArmy", "istanbul2022Wsj"),
    ),
    interactions: assume(
      "The security term (-0.04): a binding cap and no credible guarantee together cost more than each alone, because the army and the guarantee substitute for each other.",
      "low",
      cite("zelenskyArmy"),
    ),
  },
};

const unitedStates: Party = {
  id: "us",
  label: "United States",
  description: "The US administration, mediating and pressing for a quick settlement.",
  weights: {
    nato: 8,
    "army-cap": 4,
    donbas: 4,
    zaporizhzhia: 2,
    kherson: 2,
    crimea: 2,
    sanctions: 11,
    assets: 12,
    guarantees: 13,
    speakers: 1,
    sequence: 6,
    elections: 2,
    accountability: 3,
    znpp: 5,
  },
  values: {
    nato: { "open-door": 2, moratorium: 7, "constitution-ban": 10, "no-ukraine": 8 },
    "army-cap": { "85": 2, "250": 4, "600": 10, "800": 8, none: 6 },
    ...territoryValues({
      donbas: [5, 10, 9, 4],
      zaporizhzhia: [5, 10, 8, 4],
      kherson: [5, 10, 8, 4],
      crimea: [4, 9, 10, 6],
    }),
    sanctions: { none: 3, staged: 10, full: 7 },
    assets: { "keep-frozen": 2, reconstruction: 6, "split-28": 10, returned: 1 },
    guarantees: {
      none: 5,
      "with-russia": 4,
      "european-assurances": 10,
      "european-force": 9,
      "article5-like": 6,
      "article5-force": 5,
    },
    speakers: { "status-quo": 6, "minority-rights": 10, "russian-official": 4 },
    sequence: { "ceasefire-first": 6, comprehensive: 10 },
    elections: { regular: 6, early: 10 },
    accountability: { tribunal: 3, amnesty: 10 },
    znpp: { "ukrainian-run": 6, "iaea-shared": 10, "russian-run": 2 },
  },
  reservation: 0.48,
  notes: {
    weights: assume(
      "The plan's economic clauses (frozen assets 12, sanctions 11) and the guarantee the US would give (13, a force included) weigh most; NATO (8) because the plan writes Ukraine's exclusion into NATO's rules; the sequence (6) since Trump dropped the ceasefire-first demand at Alaska; the nuclear plant (5), a US stake in the plan; territory little (Donbas 4, the others 2 each): the plan accepts the line of contact. Inferred from the November plan.",
      "low",
      cite("plan28", "plan28Rest", "alaskaPeaceFirst"),
    ),
    "values.nato": assume(
      "The plan's clause (non-NATO status in the constitution and NATO's rules) is best (10); Russia's wider pledge 8; a moratorium 7; the open door 2.",
      "medium",
      cite("plan28"),
    ),
    "values.army-cap": assume(
      "600,000 is the plan's figure (10); 800,000 8; no cap 6; very low caps leave Ukraine indefensible and a US guarantee more likely to be called: 250,000 (4), 85,000 (2).",
      "medium",
      cite("plan28"),
    ),
    "values.donbas": assume(
      "The US wants the line settled, not moved: frozen (10) or de facto Russian (9, the plan) are best; a Ukrainian reconquest, meaning more war, (5) and de jure recognition (4) score low.",
      "low",
      cite("plan28Territory"),
    ),
    "values.zaporizhzhia": assume(
      "The plan freezes it on the line (10); de facto 8; Ukrainian 5; de jure 4.",
      "low",
      cite("plan28Territory"),
    ),
    "values.kherson": assume(
      "The plan freezes it on the line (10); de facto 8; Ukrainian 5; de jure 4.",
      "low",
      cite("plan28Territory"),
    ),
    "values.crimea": assume(
      "The plan recognises Crimea de facto as Russian, 'including by the US' (10); frozen 9; de jure 6; Ukrainian 4.",
      "medium",
      cite("plan28Territory"),
    ),
    "values.sanctions": assume(
      "The plan lifts sanctions in stages (10); full relief 7; no relief 3 (Washington wants business with Russia).",
      "medium",
      cite("plan28Rest"),
    ),
    "values.assets": assume(
      "The plan's split is best (10); all to reconstruction 6; frozen 2; returned 1.",
      "medium",
      cite("plan28Rest"),
    ),
    "values.guarantees": assume(
      "Guarantees carried by Europe are best for Washington: assurances (10), a European force (9); an Article-5-like pledge involving the US (6) is what the plan offered, at a price, and the plan bars NATO troops, so the pledge with a force is (5); none (5); with Russia (4).",
      "low",
      cite("plan28", "plan28Rest"),
    ),
    "values.speakers": assume(
      "Barely weighted: minority-rights standards are the plan's compromise (10); status quo 6; Russian official 4.",
      "low",
      MODELLER,
    ),
    "values.sequence": assume(
      "After Alaska, 'a peace agreement, not a mere ceasefire' (comprehensive 10); ceasefire first, the US position until August, 6.",
      "medium",
      cite("alaskaPeaceFirst"),
    ),
    "values.elections": assume("The plan sets elections within 100 days (early 10); regular 6.", "low", cite("plan28")),
    "values.accountability": assume(
      "The plan gives a full amnesty for acts in the war (10); a tribunal 3.",
      "medium",
      cite("plan28"),
    ),
    "values.znpp": assume(
      "IAEA supervision with the power shared, the plan's clause (10); Ukrainian 6; Russian 2.",
      "low",
      cite("plan28Znpp"),
    ),
    reservation: assume(
      "0.48 = the utility of the US war outlook (the war goes on along today's line, sanctions stay, no deal on the assets) minus a cost of 0.05 (Trump wants the war ended). Set by this rule before any plan was scored; it rarely binds.",
      "low",
      cite("alaskaNoDeal"),
    ),
  },
};

const europeanUnion: Party = {
  id: "eu",
  label: "European Union",
  description: "The EU and its leading member states (the E3 drafted the counter-proposal), Ukraine's main financiers.",
  weights: {
    nato: 8,
    "army-cap": 9,
    donbas: 7,
    zaporizhzhia: 4,
    kherson: 4,
    crimea: 3,
    sanctions: 9,
    assets: 10,
    guarantees: 19,
    speakers: 2,
    sequence: 5,
    elections: 2,
    accountability: 5,
    znpp: 3,
  },
  values: {
    nato: { "open-door": 10, moratorium: 8, "constitution-ban": 3, "no-ukraine": 0 },
    "army-cap": { "85": 0, "250": 2, "600": 5, "800": 10, none: 10 },
    ...territoryValues({
      donbas: [10, 7, 3, 0],
      zaporizhzhia: [10, 7, 3, 0],
      kherson: [10, 7, 3, 0],
      crimea: [10, 7, 3, 0],
    }),
    sanctions: { none: 10, staged: 7, full: 0 },
    assets: { "keep-frozen": 8, reconstruction: 10, "split-28": 3, returned: 0 },
    guarantees: {
      none: 0,
      "with-russia": 2,
      "european-assurances": 5,
      "european-force": 7,
      "article5-like": 8,
      "article5-force": 10,
    },
    speakers: { "status-quo": 6, "minority-rights": 10, "russian-official": 0 },
    sequence: { "ceasefire-first": 10, comprehensive: 5 },
    elections: { regular: 10, early: 6 },
    accountability: { tribunal: 10, amnesty: 2 },
    znpp: { "ukrainian-run": 10, "iaea-shared": 7, "russian-run": 0 },
  },
  reservation: 0.57,
  notes: {
    weights: assume(
      "Guarantees with the reassurance force (19) and the army cap (9) are Europe's own security; assets (10) and sanctions (9) are EU instruments held mostly in Europe; NATO (8) because a pledge to Moscow would bind European members; the sequence (5: territory only after a ceasefire) and accountability (5); territory 18 in all, Donbas 7 of it, as a principle rather than a stake.",
      "low",
      cite("e3Counter", "e3CounterZnpp", "europeNoLimits"),
    ),
    "values.nato": assume(
      "No third-party veto: the open door 10; the E3 text's 'consensus that does not exist' is a moratorium (8); written exclusions poor (3, 0).",
      "medium",
      cite("e3Counter", "europeNoLimits"),
    ),
    "values.army-cap": assume(
      "The counter-proposal's 800,000 in peacetime (10, the same as no cap); 600,000 5; 250,000 2; 85,000 0.",
      "medium",
      cite("e3Counter"),
    ),
    "values.donbas": assume(
      "Non-recognition of conquest: Ukrainian control 10, frozen 7, de facto 3, de jure 0; the same scale for every oblast.",
      "medium",
      cite("e3Counter"),
    ),
    "values.zaporizhzhia": assume("The same scale as Donbas (10, 7, 3, 0).", "medium", MODELLER),
    "values.kherson": assume("The same scale as Donbas (10, 7, 3, 0).", "medium", MODELLER),
    "values.crimea": assume(
      "The same scale as Donbas (10, 7, 3, 0), although Crimea is held since 2014.",
      "medium",
      MODELLER,
    ),
    "values.sanctions": assume(
      "EU sanctions stay until Russia complies: none lifted 10, staged 7, full 0.",
      "medium",
      MODELLER,
    ),
    "values.assets": assume(
      "A reconstruction fund is best (10); frozen until Russia compensates, the E3 text, 8; the 28-point split 3; returned 0.",
      "medium",
      cite("e3CounterAssets"),
    ),
    "values.guarantees": assume(
      "A US guarantee mirroring Article 5, the E3 text, with the reassurance force the coalition of the willing pledged (10); the pledge alone (8); the force without the US (7); European assurances alone (5); with Russia (2); none (0).",
      "medium",
      cite("e3Counter", "troopsTargets"),
    ),
    "values.speakers": assume(
      "Minority-rights standards are part of EU accession (10); status quo 6; Russian official 0.",
      "medium",
      MODELLER,
    ),
    "values.sequence": assume(
      "Territorial talks only after a ceasefire (ceasefire first 10); comprehensive 5.",
      "medium",
      cite("e3CounterZnpp"),
    ),
    "values.elections": assume("Regular elections 10; early 6.", "low", MODELLER),
    "values.accountability": assume("The special tribunal the EU backs (10); amnesty 2.", "medium", MODELLER),
    "values.znpp": assume(
      "Returned to Ukraine 10; under the IAEA, the E3 text, 7; Russian 0.",
      "medium",
      cite("e3CounterZnpp"),
    ),
    reservation: assume(
      "0.57 = the utility of the EU's war outlook (the line holds, sanctions stay, the assets stay frozen in Europe, no guarantee) minus a cost of 0.05 for financing a further year of war. Set by this rule before any plan was scored.",
      "low",
      cite("europeNoLimits"),
    ),
  },
};

const choice = (
  id: string,
  label: string,
  description: string,
  options: readonly [string, string, string][],
): Issue => ({
  id,
  label,
  description,
  options: options.map(([oid, olabel, odesc]) => ({ id: oid, label: olabel, description: odesc })),
});

/**
 * Russia-Ukraine, May-November 2025: the terms on the table in the Istanbul rounds (the Russian and
 * Ukrainian memoranda of June 2025), at the Alaska summit and in the US 28-point plan and the
 * European counter-proposal, as fourteen issues and four parties (Russia, Ukraine, the United
 * States, the EU) with red lines where a party has said "never", interaction terms where values do
 * not add up, and a sourced note (outlet, date, address) on every weight, value and reservation.
 * The flagship scenario: `treatylab analyze ukraine-2025`. See docs/modeling-from-news.md and, for
 * the dated snapshots it is checked against, docs/validation.md.
 *
 * @example
 * ```ts
 * import { analyze, ukraine2025 } from "treatylab";
 * const a = analyze(ukraine2025);
 * a.zopa.count; a.solutions.nash?.bundle.donbas;
 * ```
 */
export const ukraine2025: Scenario = {
  id: "ukraine-2025",
  title: "Russia-Ukraine, May-November 2025",
  date: "2025-06",
  description:
    "The terms on the table from the Istanbul rounds (June 2025) to the US 28-point plan (November 2025), with the Istanbul drafts of 2022 for comparison. Red lines where a party has said 'never'; every weight, value and reservation is the modeller's labelled assumption with the report it rests on.",
  sources: Object.values(UKRAINE_SOURCES),
  issues: [
    {
      id: "nato",
      label: "NATO and alliance status",
      description: "What is agreed about Ukraine's alliance status (any option but the open door means neutrality).",
      options: [
        { id: "open-door", label: "Open door unchanged", description: "Ukraine keeps its path to NATO; no pledge." },
        {
          id: "moratorium",
          label: "Unwritten moratorium",
          description:
            "Neutral in practice: accession 'depends on a consensus that does not exist' (the European counter-proposal), nothing written.",
        },
        {
          id: "constitution-ban",
          label: "Non-NATO in constitution and rules",
          description: "Ukraine's non-alignment written into its constitution and NATO's rules (the 28-point plan).",
        },
        {
          id: "no-ukraine",
          label: "Written pledge: no NATO for Ukraine, Georgia, Moldova",
          description: "A written Western pledge to stop enlargement (Russia's demand, May 2025).",
        },
      ],
    },
    {
      id: "army-cap",
      label: "Cap on Ukraine's army",
      description:
        "Peacetime ceiling on Ukraine's armed forces, in thousands of troops; the army was about 880,000 in January 2025.",
      options: [
        { id: "85", label: "85,000", description: "Russia's figure in the Istanbul draft of 15 April 2022." },
        { id: "250", label: "250,000", description: "Ukraine's figure in the Istanbul draft of 15 April 2022." },
        { id: "600", label: "600,000", description: "The US 28-point plan (November 2025)." },
        { id: "800", label: "800,000", description: "The European counter-proposal (November 2025), 'in peacetime'." },
        { id: "none", label: "No cap", description: "No treaty limit (Ukraine's memorandum, June 2025)." },
      ],
      notes: {
        options: assume(
          "The five figures that have been on the table; the old numeric grid (step 50) gave 18 values most of which no one proposed, and hid Russia's 85,000.",
          "high",
          cite("istanbul2022Wsj", "plan28", "e3Counter", "uaMemo"),
        ),
      },
    },
    territory(
      "donbas",
      "Donbas (Donetsk and Luhansk)",
      "Ukraine keeps the Kramatorsk-Sloviansk belt; Russia holds nearly all of Luhansk",
    ),
    territory("zaporizhzhia", "Zaporizhzhia", "Ukraine keeps the city of Zaporizhzhia; the 28-point plan's choice"),
    territory("kherson", "Kherson", "Ukraine keeps the city of Kherson; the 28-point plan's choice"),
    territory("crimea", "Crimea", "held by Russia since 2014"),
    choice("sanctions", "Sanctions relief", "Western sanctions on Russia.", [
      ["none", "No relief", "Sanctions stay."],
      ["staged", "Lifted in stages", "Lifted in stages against compliance (28-point plan)."],
      ["full", "Lifted in full", "All sanctions lifted, no new ones (Russia's memorandum)."],
    ]),
    choice("assets", "Frozen Russian assets", "The Russian central-bank assets frozen in the West, mostly in Europe.", [
      ["keep-frozen", "Stay frozen", "Frozen until Russia compensates Ukraine (the European counter-proposal)."],
      ["reconstruction", "Ukraine reconstruction fund", "The assets fund Ukraine's reconstruction."],
      [
        "split-28",
        "28-point split",
        "$100bn to US-led reconstruction with half the profit to the US, the rest to a US-Russian vehicle.",
      ],
      ["returned", "Returned to Russia", "Unfrozen and returned."],
    ]),
    choice(
      "guarantees",
      "Security guarantees and foreign troops",
      "The pledge to defend Ukraine, and whether a European reassurance force deploys in Ukraine after the war.",
      [
        ["none", "None", "No security guarantee, no foreign troops."],
        [
          "with-russia",
          "Guarantors incl. Russia",
          "The 2022 model: the permanent Security Council members guarantee, Russia among them with a veto; no foreign troops.",
        ],
        [
          "european-assurances",
          "European assurances",
          "Bilateral European commitments without a US pledge; no foreign troops.",
        ],
        [
          "article5-like",
          "Article-5-like, no troops",
          "A US guarantee mirroring Article 5 with European partners; no NATO troops in Ukraine (the 28-point plan).",
        ],
        [
          "european-force",
          "European force, no US pledge",
          "A European-led reassurance force in Ukraine without a US guarantee.",
        ],
        [
          "article5-force",
          "Article-5-like with a European force",
          "A US Article-5-like guarantee and a European reassurance force (the coalition of the willing, September 2025).",
        ],
      ],
    ),
    choice("speakers", "Russian speakers and language", "Language rights in Ukraine.", [
      ["status-quo", "Language laws unchanged", "Ukraine's language laws stand."],
      [
        "minority-rights",
        "EU minority-rights standards",
        "Amendments to EU and Council of Europe standards, as part of EU accession.",
      ],
      [
        "russian-official",
        "Russian an official language",
        "Russian becomes an official language (Russia's memorandum).",
      ],
    ]),
    choice(
      "sequence",
      "Ceasefire first or comprehensive deal",
      "Whether the guns fall silent before the settlement is negotiated.",
      [
        [
          "ceasefire-first",
          "Ceasefire first",
          "A full, unconditional ceasefire (30 days or more), then talks (Ukraine's memorandum, the E3).",
        ],
        [
          "comprehensive",
          "Comprehensive deal",
          "Fighting continues until a comprehensive agreement is signed (Russia; the US after Alaska).",
        ],
      ],
    ),
    choice("elections", "Elections in Ukraine", "When Ukraine holds elections.", [
      ["regular", "Regular schedule", "On the constitutional schedule once martial law ends."],
      [
        "early",
        "Early, set by the treaty",
        "Within a deadline set by the settlement (the 28-point plan: 100 days; Russia: before a treaty is signed).",
      ],
    ]),
    choice("accountability", "Amnesty or accountability", "Justice for the war.", [
      ["tribunal", "Tribunal and reparations", "The special tribunal for aggression and claims for damages proceed."],
      [
        "amnesty",
        "Amnesty, claims waived",
        "A full amnesty and renunciation of mutual claims (the 28-point plan, Russia's memorandum).",
      ],
    ]),
    choice(
      "znpp",
      "Zaporizhzhia nuclear plant",
      "Who runs Europe's largest nuclear plant, held by Russia since March 2022.",
      [
        ["ukrainian-run", "Returned to Ukraine", "Ukraine operates the plant again."],
        [
          "iaea-shared",
          "IAEA-supervised, power shared",
          "Under IAEA supervision, its electricity split between the two sides (the 28-point plan).",
        ],
        ["russian-run", "Russian-run", "Russia keeps operating the plant."],
      ],
    ),
  ],
  parties: [russia, ukraine, unitedStates, europeanUnion],
  notes: {
    moment: assume(
      "June 2025, after the Russian and Ukrainian memoranda were exchanged in Istanbul; options also cover what surfaced later (Alaska, the 28-point plan, the European counter-proposal) so that every plan can be scored on one scale. The dated snapshots (`treatylab validation`) move the preferences through 2022 and 2025.",
      "high",
      cite("ruMemo", "uaMemo", "plan28", "e3Counter"),
    ),
    issues: assume(
      "Non-nuclear status is left out: Ukraine is a non-nuclear NPT party, and every draft (2022, Russia's memorandum, the 28-point plan) and Kyiv agree on it, so it cannot separate bundles. EU accession is left out for the same reason: the 28-point plan makes Ukraine eligible and Moscow has said it does not object; every party's best option would coincide. The Ukrainian Orthodox Church, 'denazification' and the missile range limits of 2022 are folded into the language and cap issues or left out.",
      "medium",
      cite("ruMemoNonNuclear", "plan28", "troopsTargets"),
    ),
    guarantees: assume(
      "The zone no longer hangs on one number. Of the 110,625 bundles of the zone of agreement, 54,315 carry the US Article-5-like pledge, 34,792 European assurances, 15,701 guarantors including Russia and 5,817 no guarantee; with Russia's value for the pledge at 0 instead of 4 the zone still holds 96,605 bundles, at 6 it holds 115,424. The earlier model's zone existed only with the pledge. Recheck with `treatylab sweep ukraine-2025 --param parties.russia.values.guarantees.article5-like=0:6:7`.",
      "medium",
      cite("plan28", "putinBasis", "uaMemo"),
    ),
    weights: assume(
      "Weights rank issues as the reports rank them for each party; the numbers are judgement, raw points divided by their sum, so only ratios within a party matter.",
      "low",
      MODELLER,
    ),
    reservation: assume(
      "Each reservation is the utility of the party's own war outlook (UKRAINE_2025_WAR_OUTLOOK: what a further year of fighting leaves it with) minus the cost of that year, written down before any published plan was scored; the test suite recomputes them. No reservation was moved after checking a plan.",
      "medium",
      MODELLER,
    ),
    parties: assume(
      "Four parties: the two belligerents and the two outside actors whose clauses (sanctions, assets, guarantees, NATO, troops) are in every plan. Turkey, China and the UN are left out.",
      "medium",
      MODELLER,
    ),
  },
};
