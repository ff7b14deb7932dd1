import { ACCEPTED, NO_RESPONSE, REJECTED, brokeDown, type RunOutcome, type Session } from "../session.js";

/**
 * Alternating offers, bilateral (Rubinstein 1982) or stacked for any number of parties (Aydogan
 * et al. 2017, "Alternating offers protocols for multilateral negotiation"): in round r party
 * (r - 1) mod n proposes (the first party listed opens), then every other party, in turn order,
 * accepts or rejects. The offer is agreed when all of them accept and every party's compiled
 * acceptance passes; otherwise the next party proposes in the next round. Talks end at the last
 * round ("deadline"). A proposer that accepts no listed bundle (for example before an event makes
 * one acceptable, under scope "zopa") passes its turn.
 *
 * @example
 * ```ts
 * import { runAlternating } from "./alternating.js";
 * import { Session } from "../session.js";
 * const outcome = runAlternating(new Session(builtinScenario("nash-1950"), { seed: 1 }, "alternating", "linear"));
 * outcome.outcome; // "agreement"
 * ```
 */
export function runAlternating(s: Session): RunOutcome {
  const n = s.n;
  const responses = new Uint8Array(n);
  for (let r = 1; r <= s.lastRound; r++) {
    if (!s.beginRound(r)) return brokeDown(r);
    const i = (r - 1) % n;
    const offer = s.propose(i);
    if (offer < 0) continue; // the proposer accepts no listed bundle (yet): it passes its turn
    s.observe(i, offer);
    let all = s.space.acceptedByAll(offer);
    for (let k = 0; k < n; k++) responses[k] = NO_RESPONSE;
    for (let k = 1; k < n; k++) {
      const j = (i + k) % n;
      const ok = s.respond(j, offer, i);
      responses[j] = ok ? ACCEPTED : REJECTED;
      if (!ok) all = false;
    }
    s.log(r, i, offer, responses);
    if (all) return { agreement: offer, round: r, rounds: r, outcome: "agreement" };
  }
  return { agreement: -1, round: 0, rounds: s.lastRound, outcome: "deadline" };
}
