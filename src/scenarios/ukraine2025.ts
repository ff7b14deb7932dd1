import type { Confidence, DiscreteIssue, Note, Party, Scenario } from "../model/types.js";

/** The reference file every fact below comes from (it summarises the news reports it names). */
const CASES = "shared/reference/cases.md, part 6 (news reports of leaked drafts; reported, not certain)";
const MAY_2025 = "Russia's reported conditions and positions, late May 2025 (cases.md part 6)";
const PLAN_28 = "US 28-point plan, November 2025, as reported (cases.md part 6)";
const ISTANBUL = "Istanbul draft of 15 April 2022, Wall Street Journal, March 2024 (cases.md part 6)";
const MODELLER = "modeller's assumption (no published study scores these actors per issue: cases.md part 6)";

/** A labelled assumption: its reasoning, where the facts behind it come from, and how sure it is. */
const assume = (text: string, confidence: Confidence, source: string = MODELLER): Note => ({ text, source, confidence });

/** The four fates of an oblast. */
const territory = (id: string, name: string, frozen: string): DiscreteIssue => ({
  id,
  label: name,
  description: `Who controls ${name} after the settlement, and with what recognition.`,
  options: [
    { id: "ukrainian-control", label: "Ukrainian control", description: `${name} returns to Ukrainian control.` },
    { id: "frozen-line", label: "Frozen on the line", description: `Frozen along the line of contact, no recognition (${frozen}).` },
    { id: "de-facto-russian", label: "De facto Russian", description: `Recognised de facto as Russian; Ukraine withdraws from what it holds there.` },
    { id: "de-jure-russian", label: "De jure Russian", description: `Recognised in law (de jure) as part of Russia.` },
  ],
});

const TERRITORIES = ["donetsk", "luhansk", "zaporizhzhia", "kherson", "crimea"] as const;

/** Territory values [ukrainian, frozen, de-facto, de-jure] per oblast, and the weights, per party. */
type Row = readonly [number, number, number, number];
const territoryValues = (rows: Readonly<Record<(typeof TERRITORIES)[number], Row>>): Record<string, Record<string, number>> =>
  Object.fromEntries(TERRITORIES.map((t) => [t, { "ukrainian-control": rows[t][0], "frozen-line": rows[t][1], "de-facto-russian": rows[t][2], "de-jure-russian": rows[t][3] }]));

const russia: Party = {
  id: "russia",
  label: "Russia",
  description: "The Russian Federation, negotiating from a battlefield position it believes it can hold for years.",
  weights: {
    nato: 13, status: 10, "army-cap": 8,
    donetsk: 12, luhansk: 7, zaporizhzhia: 7, kherson: 6, crimea: 9,
    sanctions: 10, assets: 5, guarantees: 8, speakers: 5,
  },
  values: {
    nato: { "open-door": 0, moratorium: 4, "constitution-ban": 7, "no-ukraine": 10 },
    status: { "nato-path": 0, "neutral-guaranteed": 5, "neutral-capped": 10 },
    "army-cap": { points: [[50, 10], [100, 9], [250, 6], [600, 2.5], [800, 1], [900, 0]] },
    ...territoryValues({
      donetsk: [0, 3, 8, 10],
      luhansk: [0, 5, 8, 10],
      zaporizhzhia: [0, 6, 8, 10],
      kherson: [0, 6, 8, 10],
      crimea: [0, 6, 8, 10],
    }),
    sanctions: { none: 0, staged: 7, full: 10 },
    assets: { "keep-frozen": 0, reconstruction: 1, "split-28": 6, returned: 10 },
    guarantees: { none: 10, "with-russia": 9, "article5-like": 4, reassurance: 1 },
    speakers: { "status-quo": 0, "minority-rights": 5, "russian-official": 10 },
  },
  reservation: 0.6,
  redLines: [
    { issue: "status", reject: ["nato-path"], reason: "Russia demands Ukrainian neutrality and refuses a NATO membership path" },
  ],
  notes: {
    weights: assume(
      "NATO (13), Donetsk (12), Ukraine's status (10) and sanctions (10) lead: they are the first items of the conditions reported in late May 2025 (a written no-enlargement pledge, neutrality, lifting of some sanctions, control of Donetsk, Luhansk, Zaporizhzhia and Kherson). Crimea (9) is held since 2014 and matters mostly for recognition. The army cap (8) and guarantees (8) follow from Moscow's Istanbul-era asks (an 85,000 cap, a veto over guarantors). Frozen assets (5) and Russian speakers (5) are on the list but rarely lead the reporting. The ranking follows the reporting; the numbers are the modeller's.",
      "medium",
      `${MAY_2025}; ${ISTANBUL}`,
    ),
    "values.nato": assume("The reported demand is the written pledge excluding Ukraine, Georgia and Moldova (10); codifying only Ukraine's exclusion (28-point plan) is most of it (7); an unwritten moratorium much less (4); the open door nothing.", "medium", MAY_2025),
    "values.status": assume("Neutrality is a stated condition; a cap on the army is what Moscow asked for in 2022, so neutrality with a cap is best (10) and neutrality without one half (5). A NATO path is a red line.", "medium", `${MAY_2025}; ${ISTANBUL}`),
    "values.army-cap": assume("Russia asked for 50,000 (7 March 2022) and 85,000 (15 April 2022); 600,000 (the 28-point plan) still caps the army at about three quarters of its late-2025 size, worth a little (2.5); no cap (900) nothing.", "medium", `${ISTANBUL}; ${PLAN_28}`),
    "values.donetsk": assume("Russia demands all of Donetsk: freezing the line leaves it short of the Kramatorsk-Sloviansk belt (3 of 10); de facto control with Ukraine's withdrawal (the 28-point plan) is most of the prize (8); de jure recognition is the full demand.", "medium", `${MAY_2025}; ${PLAN_28}`),
    "values.luhansk": assume("Russia holds nearly all of Luhansk, so a frozen line already gives it half (5); recognition adds the rest.", "medium", MAY_2025),
    "values.zaporizhzhia": assume("Russia claims the whole oblast but the 28-point plan froze it on the line; a frozen line is worth 4 of 10, recognition of the whole 10.", "medium", `${MAY_2025}; ${PLAN_28}`),
    "values.kherson": assume("As Zaporizhzhia: claimed in full, frozen in the 28-point plan.", "medium", `${MAY_2025}; ${PLAN_28}`),
    "values.crimea": assume("Held since 2014, so a frozen line already secures it (6); de facto and de jure recognition add legitimacy.", "medium", CASES),
    "values.sanctions": assume("Lifting sanctions is a stated condition ('some sanctions' in May 2025, so staged relief is most of it, 7); full relief and a return to the G8 (28-point plan) is best.", "medium", `${MAY_2025}; ${PLAN_28}`),
    "values.assets": assume("Moscow wants its frozen assets 'resolved': returned is best, the 28-point split (half the proceeds to a US-Russian vehicle) 6, a fund for Ukraine's reconstruction 1.", "low", `${MAY_2025}; ${PLAN_28}`),
    "values.guarantees": assume("In 2022 Russia wanted to be a guarantor with a veto (9); no guarantee is best (10). An Article-5-like pledge without Western troops (28-point plan) is tolerable (4); a European force in Ukraine is the worst (1): the 28-point plan bars NATO troops from Ukraine.", "low", `${ISTANBUL}; ${PLAN_28}`),
    "values.speakers": assume("'Protection of Russian speakers' is a stated condition; official status for Russian meets it fully (10), minority-rights standards half (5).", "medium", MAY_2025),
    reservation: assume(
      "0.6, fairly high: Russia believes it can sustain the war for years. Anchor: freezing the war on today's line with nothing else agreed (open door, no cap, no relief) is worth only 0.28 to Russia, so 0.6 says Moscow expects to win by fighting most of what it demands (the four oblasts de facto, neutrality, some relief). Reasoned first, then checked against the zone of agreement (narrow, not empty; docs/modeling-from-news.md shows how it moves).",
      "low",
      MAY_2025,
    ),
    redLines: assume("Refusal of any NATO membership path: neutrality is among the conditions reported in May 2025, and the 2022 drafts already required permanent neutrality.", "high", `${MAY_2025}; ${ISTANBUL}`),
  },
};

const ukraine: Party = {
  id: "ukraine",
  label: "Ukraine",
  description: "Ukraine's government in Kyiv, with depleted forces and dependent on Western support.",
  weights: {
    nato: 6, status: 7, "army-cap": 10,
    donetsk: 9, luhansk: 4, zaporizhzhia: 8, kherson: 7, crimea: 4,
    sanctions: 4, assets: 6, guarantees: 18, speakers: 4,
  },
  values: {
    nato: { "open-door": 10, moratorium: 7, "constitution-ban": 2, "no-ukraine": 0 },
    status: { "nato-path": 10, "neutral-guaranteed": 6, "neutral-capped": 2 },
    "army-cap": { points: [[50, 0], [250, 2], [600, 6], [800, 9], [900, 10]] },
    ...territoryValues({
      donetsk: [10, 6, 2, 0],
      luhansk: [10, 6, 2, 0],
      zaporizhzhia: [10, 6, 2, 0],
      kherson: [10, 6, 2, 0],
      crimea: [10, 7, 3, 0],
    }),
    sanctions: { none: 10, staged: 6, full: 0 },
    assets: { "keep-frozen": 4, reconstruction: 10, "split-28": 5, returned: 0 },
    guarantees: { none: 0, "with-russia": 2, reassurance: 6, "article5-like": 10 },
    speakers: { "status-quo": 10, "minority-rights": 7, "russian-official": 0 },
  },
  reservation: 0.55,
  redLines: [
    { issue: "nato", reject: ["no-ukraine"], reason: "Kyiv rejects a Russian veto over NATO membership: a pledge to Moscow on who may join" },
    ...TERRITORIES.map((t) => ({ issue: t, reject: ["de-jure-russian"], reason: "Kyiv will not recognise occupied land as Russian in law" })),
  ],
  notes: {
    weights: assume(
      "Security guarantees lead (18): Kyiv 'seeks security guarantees' (May 2025). The army cap (10) is how Ukraine would defend itself without NATO. Territory together weighs 32, led by Donetsk (9), where it still holds the Kramatorsk-Sloviansk belt, and Zaporizhzhia and Kherson (8, 7), whose capitals it holds. Luhansk and Crimea (4 each) are almost wholly occupied, so less changes. NATO and status (6, 7) matter mainly through the veto question.",
      "medium",
      MAY_2025,
    ),
    "values.nato": assume("The open door is best; an unwritten moratorium keeps the principle (7); a written exclusion of Ukraine alone is close to a veto (2); the pledge to Moscow covering Ukraine, Georgia and Moldova is a red line.", "medium", MAY_2025),
    "values.status": assume("A membership path is best; neutrality with guarantees and a free hand on the army is acceptable (6), as in Istanbul 2022; neutrality with a cap is poor (2).", "medium", ISTANBUL),
    "values.army-cap": assume("Ukraine offered 250,000 in 2022 (value 2 now that its army is about 800,000-850,000), 600,000 is the 28-point figure (6), 800,000 the European counter-proposal (9); no cap is best.", "medium", `${ISTANBUL}; ${PLAN_28}`),
    "values.donetsk": assume("Ukrainian control 10, a frozen line 6 (it keeps what it holds), de facto recognition 2 (it withdraws from its fortress belt: the 28-point plan), de jure 0 and a red line (see redLines).", "medium", PLAN_28),
    "values.luhansk": assume("Same scale as Donetsk; little of Luhansk is left to lose.", "medium", MODELLER),
    "values.zaporizhzhia": assume("Same scale as Donetsk; a frozen line keeps the city of Zaporizhzhia.", "medium", PLAN_28),
    "values.kherson": assume("Same scale as Donetsk; a frozen line keeps the city of Kherson.", "medium", PLAN_28),
    "values.crimea": assume("A frozen line without recognition is worth a little more here (7): in 2022 Kyiv itself proposed leaving Crimea to bilateral talks for 15 years.", "medium", ISTANBUL),
    "values.sanctions": assume("Sanctions are Ukraine's leverage: none lifted is best, staged relief (6) acceptable, full relief worst.", "medium", MODELLER),
    "values.assets": assume("The frozen assets for Ukraine's reconstruction is best; the 28-point split (5) gives only part of them to reconstruction; returning them is worst.", "medium", PLAN_28),
    "values.guarantees": assume("An Article-5-like commitment is what Kyiv seeks (10); a European reassurance force without a US backstop 6; guarantors including Russia (the 2022 model, with a Russian veto) 2.", "medium", `${MAY_2025}; ${ISTANBUL}`),
    "values.speakers": assume("Ukraine's language laws as they stand are best; minority-rights standards as part of EU accession (7) are acceptable; Russian as an official language is worst.", "low", MODELLER),
    reservation: assume(
      "0.55, moderate: the same frozen-line anchor is worth 0.61 to Ukraine, and its depleted forces make fighting on worth less than that (more ground may be lost), but still more than a settlement without guarantees. Also consistent with Kyiv not accepting the 28-point plan as drafted (it scores 0.547 here).",
      "low",
      MAY_2025,
    ),
    redLines: assume("Kyiv rejects a Russian veto over NATO membership (reported May 2025); the written pledge demanded by Moscow is that veto (high confidence). No recognition in law of occupied land as Russian: Ukraine's constitution bars ceding territory and Kyiv has repeatedly said so (reporting outside cases.md); inside cases.md, the 28-point plan itself stops at de facto recognition (medium confidence).", "medium", `${MAY_2025}; ${PLAN_28}`),
  },
};

const unitedStates: Party = {
  id: "us",
  label: "United States",
  description: "The US administration, mediating and pressing for a quick settlement.",
  weights: {
    nato: 8, status: 6, "army-cap": 4,
    donetsk: 3, luhansk: 2, zaporizhzhia: 3, kherson: 3, crimea: 2,
    sanctions: 12, assets: 14, guarantees: 12, speakers: 1,
  },
  values: {
    nato: { "open-door": 2, moratorium: 7, "constitution-ban": 10, "no-ukraine": 8 },
    status: { "nato-path": 2, "neutral-guaranteed": 8, "neutral-capped": 10 },
    "army-cap": { points: [[50, 2], [250, 5], [600, 10], [800, 8], [900, 6]] },
    ...territoryValues({
      donetsk: [5, 10, 9, 4],
      luhansk: [5, 10, 9, 4],
      zaporizhzhia: [5, 10, 8, 4],
      kherson: [5, 10, 8, 4],
      crimea: [4, 9, 10, 6],
    }),
    sanctions: { none: 3, staged: 10, full: 7 },
    assets: { "keep-frozen": 2, reconstruction: 6, "split-28": 10, returned: 1 },
    guarantees: { none: 5, "with-russia": 4, reassurance: 10, "article5-like": 6 },
    speakers: { "status-quo": 6, "minority-rights": 10, "russian-official": 4 },
  },
  reservation: 0.5,
  notes: {
    weights: assume(
      "The US plan's economic clauses (frozen assets with half the profit to the US, staged sanctions relief) and its guarantee (who pays) weigh most (14, 12, 12); NATO (8) because the plan writes Ukraine's exclusion into NATO's rules; territory little (13 in all): the plan accepts the line of contact. Inferred from the November 2025 plan, projected back to May 2025.",
      "low",
      PLAN_28,
    ),
    "values.nato": assume("The 28-point plan's clause (non-NATO status in Ukraine's constitution and NATO's rules) is best; Russia's wider pledge 8; the open door 2.", "medium", PLAN_28),
    "values.status": assume("The plan pairs neutrality with an army cap (10); neutrality without a cap 8.", "medium", PLAN_28),
    "values.army-cap": assume("600,000 is the plan's figure (10); 800,000 (the European counter-proposal) 8; very low caps leave Ukraine indefensible and a US guarantee more likely to be called (50,000: 2).", "medium", PLAN_28),
    "values.donetsk": assume("The US wants the line settled, not moved: a frozen line or de facto recognition (the plan) are best; de jure recognition and a Ukrainian reconquest (more war) both score low.", "low", PLAN_28),
    "values.luhansk": assume("Same scale as Donetsk: the line settled, not moved; the plan recognises Luhansk de facto as Russian (9).", "low", PLAN_28),
    "values.zaporizhzhia": assume("As Donetsk; the plan freezes it on the line (10).", "low", PLAN_28),
    "values.kherson": assume("Same scale as Zaporizhzhia: the plan freezes Kherson on the line (10).", "low", PLAN_28),
    "values.crimea": assume("The plan recognises Crimea de facto as Russian, 'including by the US' (10).", "medium", PLAN_28),
    "values.sanctions": assume("The plan lifts sanctions in stages (10); the US threatened more sanctions if talks stall, so no relief at all is poor (3).", "medium", `${PLAN_28}; ${MAY_2025}`),
    "values.assets": assume("The plan's split (US-led reconstruction, half the profit to the US, the rest to a US-Russian vehicle) is best; all to reconstruction 6.", "medium", PLAN_28),
    "values.guarantees": assume("Guarantees carried by Europe are best for Washington (10); an Article-5-like pledge involving the US (6) is what the plan offered at a cost; none 5.", "low", PLAN_28),
    "values.speakers": assume("Barely weighted; minority-rights standards as the plan's compromise.", "low", MODELLER),
    reservation: assume(
      "0.5, moderate: the frozen-line anchor is worth 0.44 to the US; Washington can walk away at little cost, which puts its no-deal value a little above the anchor, though it wants the war ended and threatened more sanctions if talks stall. It rarely binds: every solution gives the US far more.",
      "low",
      MAY_2025,
    ),
  },
};

const europeanUnion: Party = {
  id: "eu",
  label: "European Union",
  description: "The EU and its leading member states, Ukraine's main financiers.",
  weights: {
    nato: 8, status: 5, "army-cap": 9,
    donetsk: 4, luhansk: 3, zaporizhzhia: 4, kherson: 4, crimea: 3,
    sanctions: 10, assets: 10, guarantees: 16, speakers: 3,
  },
  values: {
    nato: { "open-door": 10, moratorium: 8, "constitution-ban": 3, "no-ukraine": 0 },
    status: { "nato-path": 10, "neutral-guaranteed": 7, "neutral-capped": 3 },
    "army-cap": { points: [[50, 0], [250, 2], [600, 6], [800, 10], [900, 10]] },
    ...territoryValues({
      donetsk: [10, 7, 3, 0],
      luhansk: [10, 7, 3, 0],
      zaporizhzhia: [10, 7, 3, 0],
      kherson: [10, 7, 3, 0],
      crimea: [10, 7, 3, 0],
    }),
    sanctions: { none: 10, staged: 7, full: 0 },
    assets: { "keep-frozen": 6, reconstruction: 10, "split-28": 3, returned: 0 },
    guarantees: { none: 0, "with-russia": 2, reassurance: 7, "article5-like": 10 },
    speakers: { "status-quo": 6, "minority-rights": 10, "russian-official": 0 },
  },
  reservation: 0.6,
  notes: {
    weights: assume(
      "Guarantees (16) and the army cap (9) are Europe's own security; sanctions and frozen assets (10 each) are EU instruments held mostly in Europe; NATO (8) because a pledge to Moscow would bind European members; territory (18 in all) as a principle rather than a stake.",
      "low",
      `${PLAN_28} (European counter-proposal); ${MODELLER}`,
    ),
    "values.nato": assume("No third-party veto on enlargement: the open door is best, a moratorium tolerable (8), written exclusions poor (3, 0: the pledge would also cover Moldova, an EU candidate).", "medium", MAY_2025),
    "values.status": assume("A membership path best, armed neutrality 7, capped neutrality 3.", "low", MODELLER),
    "values.army-cap": assume("The European counter-proposal put the cap at 800,000 (10, the same as no cap); 600,000 6.", "medium", PLAN_28),
    "values.donetsk": assume("Non-recognition of conquest: Ukrainian control 10, frozen line 7, de facto 3, de jure 0. The same scale for every oblast.", "medium", MODELLER),
    "values.luhansk": assume("Non-recognition of conquest, the same scale as Donetsk (10, 7, 3, 0).", "medium", MODELLER),
    "values.zaporizhzhia": assume("Non-recognition of conquest, the same scale as Donetsk (10, 7, 3, 0).", "medium", MODELLER),
    "values.kherson": assume("Non-recognition of conquest, the same scale as Donetsk (10, 7, 3, 0).", "medium", MODELLER),
    "values.crimea": assume("Non-recognition of conquest, the same scale as Donetsk (10, 7, 3, 0), although Crimea is held since 2014.", "medium", MODELLER),
    "values.sanctions": assume("EU sanctions stay until Russia complies: none lifted 10, staged 7, full 0.", "medium", MODELLER),
    "values.assets": assume("Most of the frozen assets sit in Europe: a reconstruction fund is best, keeping them frozen 6, the 28-point split 3 (Europe adds $100bn while the US takes half the profit).", "medium", PLAN_28),
    "values.guarantees": assume("An Article-5-like commitment with the US is best; a European reassurance force alone 7.", "medium", MODELLER),
    "values.speakers": assume("Minority-rights standards are part of EU accession (10).", "medium", MODELLER),
    reservation: assume(
      "0.6, moderate to high: the frozen-line anchor is worth 0.66 to the EU because no deal keeps its sanctions and the frozen assets in its hands; financing the war costs it some of that. Also consistent with European capitals countering the 28-point plan (800,000 cap) rather than accepting it (it scores 0.594 here).",
      "low",
      MODELLER,
    ),
  },
};

/**
 * Russia-Ukraine, late May 2025: the terms reported as on the table (Russia's conditions of May
 * 2025, the Istanbul drafts of 2022, the US 28-point plan of November 2025) as thirteen issues,
 * four parties (Russia, Ukraine, the United States, the EU) with labelled assumptions for every
 * weight, value and reservation. The flagship scenario: `treatylab analyze ukraine-2025`.
 * See docs/modeling-from-news.md for how it was built and what the analysis finds.
 *
 * @example
 * ```ts
 * import { analyze, ukraine2025 } from "treatylab";
 * const a = analyze(ukraine2025);
 * a.zopa.count; a.solutions.nash?.bundle.donetsk;
 * ```
 */
export const ukraine2025: Scenario = {
  id: "ukraine-2025",
  title: "Russia-Ukraine, late May 2025",
  date: "2025-05",
  description:
    "The terms reported as on the table in late May 2025 (and those of the 2022 Istanbul drafts and the US 28-point plan of November 2025, so those plans can be checked). Every weight, value and reservation is the modeller's labelled assumption: no published study scores these actors per issue.",
  sources: [
    { title: "Reported Russian conditions for a settlement, late May 2025", date: "2025-05", note: "written NATO pledge excluding Ukraine, Georgia and Moldova; neutrality; some sanctions lifted; frozen assets resolved; Russian speakers protected; control of Donetsk, Luhansk, Zaporizhzhia and Kherson; Russia believes it can fight for years; the US threatened more sanctions; Kyiv rejects a Russian veto on NATO and seeks guarantees. Summarised in shared/reference/cases.md part 6." },
    { title: "Wall Street Journal report on the Istanbul draft treaty of 15 April 2022", date: "2024-03", note: "army caps: Russia 85,000, Ukraine 250,000; Crimea to bilateral talks for 15 years; guarantors P5 plus Turkey or Belarus, Russia wanting a veto; permanent neutrality; Russia's 7 March 2022 draft asked for 50,000. cases.md part 6." },
    { title: "US 28-point peace plan, as reported", date: "2025-11", note: "army cap 600,000; non-NATO status in Ukraine's constitution and NATO's rules; Crimea, Luhansk, Donetsk de facto Russian; Kherson and Zaporizhzhia frozen; $100bn of frozen assets to US-led reconstruction with half the profit to the US, the rest to a US-Russian vehicle; staged sanctions relief. European counter-proposal: cap 800,000. cases.md part 6." },
  ],
  issues: [
    {
      id: "nato",
      label: "NATO enlargement",
      description: "What NATO commits to about further enlargement.",
      options: [
        { id: "open-door", label: "Open door unchanged", description: "NATO's open-door policy stands; no pledge about Ukraine." },
        { id: "moratorium", label: "Unwritten moratorium", description: "No invitation to Ukraine for the foreseeable future, not written into any treaty." },
        { id: "constitution-ban", label: "Non-NATO in constitution and rules", description: `Ukraine's non-membership written into its constitution and NATO's rules (${PLAN_28}).` },
        { id: "no-ukraine", label: "Written pledge: no NATO for Ukraine, Georgia, Moldova", description: `A written pledge by Western leaders to stop NATO's eastward enlargement, excluding Ukraine, Georgia and Moldova (${MAY_2025}).` },
      ],
    },
    {
      id: "status",
      label: "Ukraine's status",
      description: "Ukraine's alliance status; the cap itself is the army-cap issue.",
      options: [
        { id: "nato-path", label: "NATO membership path", description: "Ukraine keeps its path to NATO membership (an alliance path)." },
        { id: "neutral-guaranteed", label: "Neutral, guaranteed, no cap", description: "Permanent neutrality (no alliances, no foreign bases) backed by security guarantees; no treaty cap on the army." },
        { id: "neutral-capped", label: "Neutral with army cap", description: "Permanent neutrality with a treaty cap on the army (Istanbul 2022, 28-point plan)." },
      ],
    },
    {
      id: "army-cap",
      label: "Cap on Ukraine's army",
      description:
        "Peacetime ceiling on Ukraine's armed forces. 900 means no binding cap (the army was about 800-850 thousand in late 2025). Reported figures: 50 (Russia, 7 March 2022), 85 (Russia, Istanbul 2022: off the 50-step grid, nearest 100), 250 (Ukraine, Istanbul 2022), 600 (28-point plan), 800 (European counter-proposal).",
      type: "numeric",
      unit: "thousand troops",
      range: { min: 50, max: 900, step: 50 },
      notes: {
        grid: assume("A step of 50 keeps the outcome space enumerable; 85 (Russia's Istanbul figure) would need a step of 5 and 171 grid values, multiplying the bundles by 9.5.", "high", ISTANBUL),
      },
    },
    territory("donetsk", "Donetsk", "Ukraine keeps the Kramatorsk-Sloviansk belt"),
    territory("luhansk", "Luhansk", "Russia already holds nearly all of it"),
    territory("zaporizhzhia", "Zaporizhzhia", "Ukraine keeps the city of Zaporizhzhia; the 28-point plan's choice"),
    territory("kherson", "Kherson", "Ukraine keeps the city of Kherson; the 28-point plan's choice"),
    territory("crimea", "Crimea", "held by Russia since 2014"),
    {
      id: "sanctions",
      label: "Sanctions relief",
      options: [
        { id: "none", label: "No relief", description: "Sanctions stay." },
        { id: "staged", label: "Lifted in stages", description: "Lifted in stages against compliance (28-point plan)." },
        { id: "full", label: "Lifted in full, back in G8", description: "Lifted in full; Russia back in the G8." },
      ],
    },
    {
      id: "assets",
      label: "Frozen Russian assets",
      options: [
        { id: "keep-frozen", label: "Stay frozen", description: "The assets stay frozen pending a later settlement." },
        { id: "reconstruction", label: "Ukraine reconstruction fund", description: "The assets fund Ukraine's reconstruction." },
        { id: "split-28", label: "28-point split", description: "$100bn to US-led reconstruction with half the profit to the US, Europe adding $100bn, the rest to a US-Russian investment vehicle." },
        { id: "returned", label: "Returned to Russia", description: "The assets are unfrozen and returned." },
      ],
    },
    {
      id: "guarantees",
      label: "Security guarantees for Ukraine",
      options: [
        { id: "none", label: "None", description: "No security guarantee." },
        { id: "with-russia", label: "Guarantors incl. Russia", description: "Istanbul 2022 model: the five permanent Security Council members and others guarantee, with Russia able to veto." },
        { id: "reassurance", label: "European force, no US backstop", description: "A European reassurance force or bilateral commitments without a US backstop." },
        { id: "article5-like", label: "Article-5-like, US and Europe", description: "An Article-5-like commitment by the US and European states." },
      ],
    },
    {
      id: "speakers",
      label: "Russian speakers' protection",
      options: [
        { id: "status-quo", label: "Language laws unchanged", description: "Ukraine's language laws stand." },
        { id: "minority-rights", label: "EU minority-rights standards", description: "Language-law amendments to EU and Council of Europe minority-rights standards, as part of EU accession." },
        { id: "russian-official", label: "Russian an official language", description: "Russian becomes an official language; the language laws are repealed." },
      ],
    },
  ],
  parties: [russia, ukraine, unitedStates, europeanUnion],
  constraints: [
    {
      if: { status: "nato-path" },
      then: { nato: ["open-door", "moratorium"] },
      reason: "a NATO membership path cannot coexist with a written pledge excluding Ukraine",
    },
    {
      if: { status: ["nato-path", "neutral-guaranteed"] },
      then: { "army-cap": "900" },
      reason: "only the 'neutral with army cap' status caps the army (900 means no cap)",
    },
    {
      if: { status: "neutral-capped" },
      then: { "army-cap": ["50", "100", "150", "200", "250", "300", "350", "400", "450", "500", "550", "600", "650", "700", "750", "800", "850"] },
      reason: "'neutral with army cap' needs a binding cap, below 900",
    },
    {
      if: { status: "neutral-guaranteed" },
      then: { guarantees: ["with-russia", "reassurance", "article5-like"] },
      reason: "'neutral with guarantees' needs a security guarantee",
    },
  ],
  notes: {
    moment: assume("Late May 2025: Russia's conditions were reported, Russia believed it could fight on for years, the US threatened more sanctions if talks stalled, Kyiv rejected a Russian veto on NATO and sought security guarantees.", "medium", MAY_2025),
    options: assume("Options include terms that surfaced later (the US 28-point plan of November 2025) and earlier (Istanbul 2022) so that those plans can be checked against the May 2025 preferences.", "high", CASES),
    weights: assume("Weights rank issues as the reporting ranks them for each party; the numbers themselves are judgement. They are raw points (Russia's sum to 100, the others' to 70-87) divided by their sum, so only ratios within a party matter.", "low", MODELLER),
    reservation: assume("Reservations (the utility of fighting on) are the least-known numbers. Each was first reasoned (Russia fairly high, Ukraine moderate, the US and EU moderate) and then set where the zone of agreement is narrow but not empty; the docs show how the zone reacts when they move.", "low", MODELLER),
    parties: assume("Four parties: the two belligerents and the two outside actors whose clauses (sanctions, frozen assets, guarantees, NATO) are in every reported plan. Others (Turkey, China, the UN) are left out.", "medium", CASES),
  },
};
