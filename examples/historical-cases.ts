/**
 * A historical case as a runnable example: the record, the model's ZOPA and solutions, the signed
 * text (or final plan) checked against the parties, and one assumption changed to see what hangs
 * on it. Without an id it lists the cases.
 *
 * Run: npx tsx examples/historical-cases.ts dayton-1995
 *      npx tsx examples/historical-cases.ts colombia-farc-2016 --reservation government.plebiscite=0.4
 */
import {
  analyze,
  applyEdits,
  checkProposal,
  HISTORICAL_CASES,
  type HistoricalCase,
  historicalCase,
  type Scenario,
} from "treatylab";

function report(label: string, scenario: Scenario, hc: HistoricalCase): void {
  const a = analyze(scenario);
  const r = checkProposal(scenario, hc.text.bundle, { alternatives: 1 });
  console.log(`\n${label}: ZOPA ${a.zopa.count} of ${a.outcomes} bundles`);
  console.log(`  Nash solution: ${JSON.stringify(a.solutions.nash?.bundle ?? null)}`);
  console.log(
    `  The text is ${r.acceptedByAll ? "accepted by every party" : `rejected by ${r.rejectedBy.join(", ")}`}`,
  );
  for (const v of r.verdicts) {
    const refusing = (v.ratification?.constituencies ?? [])
      .filter((c) => !c.accepts)
      .map((c) => `${c.id} ${c.utility.toFixed(3)} < ${c.reservation.toFixed(3)}`);
    console.log(
      `    ${v.party.padEnd(16)} ${v.utility.toFixed(3)} vs ${v.reservation.toFixed(3)}${v.redLines.length ? `, red line ${v.redLines.map((h) => h.issue).join(", ")}` : ""}${refusing.length ? `, not ratified: ${refusing.join(", ")}` : ""}`,
    );
  }
  const fix = r.alternatives[0];
  if (!r.acceptedByAll && fix)
    console.log(
      `  Closest text every party accepts: ${fix.changes.map((c) => `${c.issue} ${c.from} -> ${c.to}`).join("; ")}`,
    );
}

/** `party=0.4` or `party.constituency=0.4`: a new reservation for a party or one of its constituencies. */
function withReservation(s: Scenario, edit: string): Scenario {
  const [path, value] = edit.split("=");
  const [party, constituency] = (path ?? "").split(".");
  const r = Number(value);
  if (!party || !(r >= 0 && r <= 1))
    throw new Error(`--reservation ${edit}: expected party=0.4 or party.constituency=0.4`);
  if (!constituency) return applyEdits(s, [{ op: "setReservation", party, value: r }]);
  // The edit operations do not reach constituencies (yet): replace that one reservation by hand.
  return {
    ...s,
    parties: s.parties.map((p) =>
      p.id !== party
        ? p
        : {
            ...p,
            constituencies: (p.constituencies ?? []).map((c) => (c.id === constituency ? { ...c, reservation: r } : c)),
          },
    ),
  };
}

const id = process.argv[2];
if (id === undefined) {
  for (const c of HISTORICAL_CASES) console.log(`${c.id.padEnd(20)} ${c.outcome.padEnd(26)} ${c.title}`);
} else {
  const hc = historicalCase(id);
  console.log(`${hc.title} (${hc.kind})\nOn record: ${hc.outcome}, ${hc.date}. ${hc.record}`);
  console.log(`Text checked: ${hc.text.title} (${hc.text.date})`);
  report("As built", hc.scenario, hc);
  const flag = process.argv.indexOf("--reservation");
  if (flag > 0)
    report(`With ${process.argv[flag + 1]}`, withReservation(hc.scenario, process.argv[flag + 1] ?? ""), hc);
}
